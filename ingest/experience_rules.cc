// ingest/experience_rules.cc
//
// Two general constructions of lay health writing:
//   TreatmentFor: a treatment for a condition, written as a noun phrase
//     with "for": "Your doctor may suggest physical therapy for tennis
//     elbow", "Surgery may be needed for severe sciatica", "Rest is the
//     best medicine for a strain" -> T TREATS C.
//   WhatPeopleFeel: what people with a condition feel is its symptom: "If
//     you have sciatica, you may notice numbness", "People with sciatica
//     often feel tingling", "With a sprain, you may have swelling" -> C
//     HAS_SYMPTOM S.
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

// Words that may stand between a treatment and the "for" of its condition:
// auxiliaries, adverbs, and the predicates that say it is for it.
bool BetweenTreatmentAndFor(absl::string_view w) {
  return In(w, {"is", "are", "may", "can", "be", "often", "usually", "also",
                "sometimes", "needed", "used", "required", "necessary",
                "recommended", "prescribed", "suggested", "helpful", "useful",
                "effective", "good", "great", "best", "the", "a", "an",
                "option", "options", "choice", "medicine", "treatment",
                "remedy", "cure", "first", "line", "most", "common"});
}

// The condition at token j after determiners and degree words, or -1.
int ConditionAt(const SentenceView& v, int j) {
  j = SkipDeterminersAndDegree(v, j);
  const int m = v.mention_at(j);
  if (m < 0 || v.mentions()[m].first_token != j ||
      v.mentions()[m].type != schema::CONDITION) {
    return -1;
  }
  return m;
}

// Verbs of noticing a symptom.
bool FeelVerb(absl::string_view w) {
  return In(w, {"feel", "feels", "notice", "notices", "experience",
                "experiences", "develop", "develops", "get", "gets", "have",
                "has", "report", "suffer", "complain"});
}

}  // namespace

void DocumentExtractor::TreatmentFor(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  for (size_t t = 0; t < ms.size(); ++t) {
    if (ms[t].type != schema::TREATMENT) continue;
    int j = ms[t].end_token;
    int gap = 0;
    while (j < v.size() && gap < 5 && v.mention_at(j) < 0 &&
           BetweenTreatmentAndFor(v.word(j))) {
      ++j;
      ++gap;
    }
    if (v.word(j) != "for") continue;
    const int c = ConditionAt(v, j + 1);
    if (c < 0) continue;
    Add(TreatmentOrExercise(v, static_cast<int>(t)), schema::TREATS,
        FromMention(ms[c]), index, "treatment_for", 0.5f,
        Negated(v, ms[t].first_token), Hedged(v, ms[t].first_token));
  }
}

void DocumentExtractor::WhatPeopleFeel(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  int c = -1;    // The condition's mention.
  int verb = -1;  // Where the verb of feeling may be.
  if (v.word(0) == "with") {
    // "With a sprain, you may have swelling".
    c = ConditionAt(v, 1);
    if (c < 0 || v.word(ms[c].end_token) != ",") return;
    verb = ms[c].end_token + 1;
    if (v.word(verb) != "you") return;
    ++verb;
  } else if (v.word(0) == "if" && v.word(1) == "you" &&
      In(v.word(2), {"have", "suffer", "develop", "get"})) {
    int j = 3;
    if (v.word(j) == "from") ++j;
    c = ConditionAt(v, j);
    if (c < 0 || v.word(ms[c].end_token) != ",") return;
    verb = ms[c].end_token + 1;
    if (v.word(verb) != "you") return;
    ++verb;
  } else {
    for (int i = 0; i + 2 < v.size(); ++i) {
      if (In(v.word(i), {"people", "those", "patients", "anyone", "someone",
                         "individuals"}) &&
          v.word(i + 1) == "with") {
        c = ConditionAt(v, i + 2);
        if (c >= 0) verb = ms[c].end_token;
        break;
      }
    }
    if (c < 0) return;
  }
  while (In(v.word(verb), {"may", "might", "can", "could", "will", "often",
                           "usually", "also", "sometimes", "first",
                           "typically"})) {
    ++verb;
  }
  if (!FeelVerb(v.word(verb))) return;
  int from = verb + 1;
  if (v.word(from) == "of" || v.word(from) == "from") ++from;
  const Ref condition = FromMention(ms[c]);
  for (int s : After(v, from, {schema::SYMPTOM}, 3)) {
    Add(condition, schema::HAS_SYMPTOM, FromMention(ms[s]), index,
        "what_people_feel", 0.5f, Negated(v, verb), Hedged(v, verb));
  }
}

}  // namespace mskg::ingest::extraction
