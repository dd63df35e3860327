// ingest/phrase_finder.h (private to //ingest)
//
// Open-vocabulary entities: the noun phrases of a sentence that no lexicon
// row names, typed by their head word. English noun phrases are head-final
// ("chronic heel pain", "herniated disk", "core strengthening exercises"),
// so a phrase is a run of content words between function words (articles,
// prepositions, pronouns, auxiliaries, common verbs, adverbs) and its type is
// its last word's: "pain", "numbness" -> Symptom; "injury", "tear",
// "...itis", "...osis" -> Condition; "therapy", "exercises", "brace" ->
// Treatment; "scan", "x-ray", "examination" -> Test; "muscles" -> Muscle;
// "tendon", "joint" -> Structure. The word tables are phrase_words.h.
//
// A few heads take a complement that is part of the name: "loss of
// feeling", "difficulty walking", "pain in the heel" (a symptom or condition
// with the body part it is in). What a text says is made hard to do names a
// difficulty: "it makes it harder to type" -> "difficulty typing".
//
// Thread-safety: stateless; safe from any thread.
#ifndef MSKG_INGEST_PHRASE_FINDER_H_
#define MSKG_INGEST_PHRASE_FINDER_H_

#include <vector>

// The word tables and the document naming were split out of this header;
// entity_linker.cc, relation_extractor.cc and list_rules.cc still reach them
// through it (their includes change with their next edit).
#include "ingest/document_naming.h"  // IWYU pragma: export
#include "ingest/entity_linker.h"
#include "ingest/phrase_words.h"  // IWYU pragma: export
#include "ingest/tokenizer.h"

namespace mskg::ingest {

// Adds to `mentions` (ordered by position, not overlapping; kept so) a
// mention for every noun phrase of `tokens` whose head word has a type and
// that the lexicon does not name as a whole. A phrase may contain lexicon
// mentions ("heel" in "heel pain"): they are replaced by the phrase, which
// AFFECTS the body part when it is a condition or symptom. Open mentions
// have `entry == nullptr` and `open == true`.
void AddPhraseMentions(const std::vector<Token>& tokens,
                       std::vector<Mention>* mentions);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_PHRASE_FINDER_H_
