// ingest/gerund_subjects.cc
//
// Activities named by the gerund phrase a clause opens with, when that
// phrase is the subject of the cue after it: "Lifting heavy boxes can cause
// back pain", "Taking frequent breaks helps prevent neck pain", "Craning
// your neck puts tension on the back and can lead to nerve compression".
// An activity is seldom a lexicon name, and its object ("boxes", "breaks")
// has no type a head word gives, so no other stage names it.
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/phrase_words.h"
#include "ingest/verb_forms.h"

namespace mskg::ingest::extraction {
namespace {

// Verbs of knowing and perceiving: "Understanding the anatomy can help
// prevent C" says what helps a reader, not what the body does.
bool KnowingVerb(absl::string_view w) {
  return In(w, {"understanding", "knowing", "learning", "recognizing",
                "recognising", "identifying", "realizing", "realising",
                "noticing", "remembering", "finding", "seeing", "getting"});
}

// Whether word `i` can open a gerund phrase: an -ing form that is no noun
// of another kind, outside any clinical mention ("Swelling can cause
// pain": swelling is a symptom, and the rules read it as one).
bool OpensGerund(const SentenceView& v, int i) {
  const absl::string_view w = v.word(i);
  if (w.size() <= 4 || !absl::EndsWith(w, "ing") || IsIngNoun(w) ||
      KnowingVerb(w)) {
    return false;
  }
  const int m = v.mention_at(i);
  return m < 0 || !IsClinical(v.mentions()[m].type);
}

// Gerunds of having or coming to have a condition: the phrase they open
// names the condition, not an activity.
bool HavingVerb(absl::string_view w) {
  return In(w, {"having", "developing", "suffering", "experiencing", "getting",
                "contracting", "acquiring", "carrying"});
}

// Auxiliaries, adverbs and the verb "help" that may stand between a
// subject and its cue ("can often help prevent").
bool BetweenSubjectAndCue(absl::string_view w) {
  return In(w, {"can",        "may",       "might",   "could",     "will",
                "would",      "should",    "is",      "are",       "was",
                "were",       "has",       "have",    "does",      "do",
                "often",      "also",      "usually", "sometimes", "commonly",
                "frequently", "typically", "really",  "actually",  "easily",
                "eventually", "gradually", "quickly", "certainly", "even",
                "further",    "help",      "helps",   "to",        "not"});
}

// Words that end a gerund phrase before its verb: auxiliaries, and
// clause words that make what follows no part of the phrase.
bool EndsPhrase(absl::string_view w) {
  return BetweenSubjectAndCue(w) ||
         In(w, {"which", "that", "who", "because", "if", "when", "while",
                "since", "then", "(", ")", ";", ":", ".", "!", "?", "\""});
}

// A finite verb of the third person ("puts", "places"): ends the phrase.
// IsVerbForm() knows only verbs that are no noun; the light verbs that are
// nouns too ("puts", "places", "makes") are listed.
bool FiniteVerb(absl::string_view w) {
  if (w.size() <= 3 || !absl::EndsWith(w, "s") || absl::EndsWith(w, "ss")) {
    return false;
  }
  return IsVerbForm(w) ||
         In(w, {"puts",      "places",    "makes",     "gives",    "takes",
                "adds",      "creates",   "forces",    "stresses", "strains",
                "loads",     "overloads", "increases", "weakens",  "tightens",
                "irritates", "pulls",     "pushes",    "keeps",    "leaves"});
}

constexpr int kMaxPhraseWords = 8;
constexpr int kMaxConjunctWords = 6;

}  // namespace

std::vector<std::pair<int, int>> GerundSubjects(const SentenceView& v,
                                                int cue) {
  std::vector<std::pair<int, int>> out;
  const std::vector<Token>& tokens = v.sentence().tokens;
  const int clause = v.clause(cue);
  int start = 0;
  while (start < cue && (v.clause(start) != clause || !tokens[start].is_word ||
                         In(v.word(start), {"and", "but", "so", "also"}))) {
    ++start;
  }
  if (start >= cue || !OpensGerund(v, start)) return out;
  // The phrase runs to the first word that ends it, or to a finite verb
  // ("Craning your neck puts ..."); conjuncts open with an -ing word after
  // "or", "and" or a comma ("Lifting boxes or twisting your back").
  int end = start + 1;
  int words = 1;
  while (end < cue && !EndsPhrase(v.word(end)) && !FiniteVerb(v.word(end))) {
    // "Having diabetes", "Developing bursitis": the condition is the
    // subject. Other activities keep what they act on ("Maintaining a
    // healthy weight", "Avoiding repetitive strain").
    if (v.mention_at(end) >= 0 &&
        IsClinical(v.mentions()[v.mention_at(end)].type) &&
        v.mentions()[v.mention_at(end)].type != schema::TREATMENT &&
        HavingVerb(v.word(start))) {
      return out;
    }
    if (v.word(end) == "," && !(end + 1 < cue && OpensGerund(v, end + 1)) &&
        !(end + 2 < cue && IsCoordinator(v.word(end + 1)) &&
          OpensGerund(v, end + 2))) {
      break;
    }
    // "keeping them strong": the activity is named by what the pronoun
    // stands for, which this phrase does not say.
    if (In(v.word(end), {"it", "them", "this", "these", "those"})) {
      return out;
    }
    if (tokens[end].is_word && ++words > kMaxPhraseWords) return out;
    ++end;
  }
  // Between the phrase and the cue: auxiliaries only, or the phrase's own
  // verb phrase and a coordinated one holding the cue ("puts tension on
  // the back and can lead to").
  int t = end;
  while (t < cue && (BetweenSubjectAndCue(v.word(t)) || !tokens[t].is_word)) {
    ++t;
  }
  if (t < cue) {
    if (!FiniteVerb(v.word(end))) return out;
    int joined = cue - 1;
    while (joined > end && BetweenSubjectAndCue(v.word(joined))) --joined;
    if (joined <= end || v.word(joined) != "and") return out;
    for (int k = end; k < joined; ++k) {
      if (v.word(k) == "," || EndsPhrase(v.word(k))) return out;
    }
  }
  // Split into conjuncts at "or", "and" and commas before an -ing word.
  int from = start;
  for (int k = start + 1; k <= end; ++k) {
    const bool split =
        k == end ||
        ((v.word(k) == "," || v.word(k) == "or" || v.word(k) == "and") &&
         ((k + 1 < end && OpensGerund(v, k + 1)) ||
          (k + 2 < end && IsCoordinator(v.word(k + 1)) &&
           OpensGerund(v, k + 2))));
    if (!split) continue;
    int last = k;
    while (last > from && !tokens[last - 1].is_word) --last;
    int n = 0;
    for (int j = from; j < last; ++j) n += tokens[j].is_word ? 1 : 0;
    if (n > kMaxConjunctWords) return {};
    out.emplace_back(from, last);
    from = k + 1;
    while (from < end && !OpensGerund(v, from)) ++from;
    k = from;
  }
  return out;
}

}  // namespace mskg::ingest::extraction
