// ingest/phrase_words.h (private to //ingest)
//
// The word tables behind open-vocabulary phrases (phrase_finder.h) and the
// rules that read them: which head words give a noun phrase a type
// ("pain" -> Symptom, "...itis" -> Condition, "therapy" -> Treatment),
// which words end a phrase (function words, common verbs, adverbs), which
// adjectives only qualify a name, and which heads are too general to name
// anything alone. General English and clinical vocabulary, written without
// reference to any corpus; kept apart from the phrase finder so that a
// change of vocabulary and a change of phrase grammar are separate diffs.
//
// Thread-safety: stateless (the tables are built once, on first use, by
// thread-safe function-local statics); safe from any thread.
#ifndef MSKG_INGEST_PHRASE_WORDS_H_
#define MSKG_INGEST_PHRASE_WORDS_H_

#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

// Returns the type that head word `lower` (lower case) gives a noun phrase,
// or NODE_TYPE_UNSPECIFIED if it gives none. Listed words first, then
// clinical suffixes ("tendinitis", "arthroscopy", "tenotomy").
schema::NodeType HeadWordType(absl::string_view lower);

// Returns whether `type` is a clinical kind (condition, symptom, cause,
// treatment, test) rather than anatomy or an action.
bool IsClinical(schema::NodeType type);

// Returns whether `type` is anatomy (muscle, structure, nerve, vessel).
bool IsAnatomy(schema::NodeType type);

// Returns whether `lower` is a function word, verb or adverb that ends a
// noun phrase (and so never belongs to an open-vocabulary name).
bool BreaksNounPhrase(absl::string_view lower);

// Whether `w` ends in -ing but names no activity: a noun ("nothing",
// "morning", "building", "clothing") or a preposition ("during",
// "according", "including").
bool IsIngNoun(absl::string_view w);

// Whether a lower-case word has the shape of a plural noun ("hairdressers",
// "injuries"; not "stress", "tendinitis", "bus"). A shape, not a lookup:
// verbs in -s ("causes") pass too, so callers check the word's place.
bool LooksPlural(absl::string_view lower);

// Returns whether `w` is an adjective of degree, time, frequency or
// evaluation that qualifies a name without changing what it names:
// "severe sciatica" is sciatica.
bool IsQualifier(absl::string_view w);

// Returns whether `w` may stand between a preposition and the body part it
// names, saying which one: "pain in *the* heel", "arthritis of *your left*
// hip".
bool SaysWhichPart(absl::string_view w);

// Returns whether `w` is a unit of time ("minute", "weeks"): after a
// number it says how long ("10 minute routine").
bool IsTimeUnit(absl::string_view w);

// Returns whether `w` is a whole number written in digits ("10").
bool IsNumber(absl::string_view w);

// Returns whether `w` is a number and a unit of time in one word
// ("10-minute", "30-second"): it says how long, not what.
bool IsDuration(absl::string_view w);

// Returns whether head `w` is too general to name anything alone ("the
// treatment", "a test", "muscles"); with a modifier it names something
// ("heat therapy").
bool TooGeneralAlone(absl::string_view w);

// Whether a participle or adjective says a body part is damaged
// ("herniated", "torn", "pinched", "inflamed"): before a body part it names
// a condition of it ("a herniated disk", "a pinched nerve").
bool SaysDamaged(absl::string_view lower);

// Returns whether `w` says a treatment is left out: "neglecting strength
// training", "skipping the warm-up" name causes.
bool LeavesOut(absl::string_view w);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_PHRASE_WORDS_H_
