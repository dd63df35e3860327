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
// "tendon", "joint" -> Structure. The head-word table is general English
// and clinical vocabulary (phrase_finder.cc), written without reference to
// any corpus.
//
// A few heads take a complement that is part of the name: "loss of
// feeling", "difficulty walking", "pain in the heel" (a symptom or condition
// with the body part it is in).
//
// Thread-safety: stateless; safe from any thread.
#ifndef MSKG_INGEST_PHRASE_FINDER_H_
#define MSKG_INGEST_PHRASE_FINDER_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/entity_linker.h"
#include "ingest/tokenizer.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

// The type that head word `lower` (lower case) gives a noun phrase, or
// NODE_TYPE_UNSPECIFIED if it gives none.
schema::NodeType HeadWordType(absl::string_view lower);

// Whether `type` is a clinical kind (condition, symptom, cause, treatment,
// test) rather than anatomy or an action.
bool IsClinical(schema::NodeType type);

// Whether `lower` is a function word, verb or adverb that ends a noun
// phrase (and so never belongs to an open-vocabulary name).
bool BreaksNounPhrase(absl::string_view lower);

// Names the clinical lexicon mentions of `tokens` (conditions, symptoms,
// causes, treatments, tests; not muscle states, not abbreviations the text
// defines) as the text writes them ("ice", "herniated disk"), with the
// lexicon's name ("cold therapy", "herniated disc") kept as the mention's
// alias: an article's own words are how its readers name its entities,
// and the alias lets a query find the node by either. Anatomy keeps the
// lexicon's names, which the reference anatomy uses.
// `linker` tells which spans write a name of their entry.
void NameAsWritten(const EntityLinker& linker,
                   const std::vector<Token>& tokens,
                   std::vector<Mention>* mentions);

// Gives every clinical entity of one document one name: the mentions of a
// lexicon entry, and the open mentions whose names differ only in number
// ("ACL injury", "ACL injuries"), all take the name the document writes
// most often (the first, on a tie). An article that writes "ice" and "ice
// packs" for one treatment has one node for it, under its own word.
void OneNamePerDocument(const std::vector<std::vector<Mention>*>& sentences);

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
