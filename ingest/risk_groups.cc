// ingest/risk_groups.cc
//
// The people a risk is of, as a cause: "C is more common in women over the
// age of 50", "Women are 3 times more likely than men to develop C". Who is
// more at risk is what the text says the risk comes with (their sex, their
// age, their sport); the group is named as written, since the text names
// nothing else.
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

// Nouns for groups of people, by sex, age, activity or work.
bool GroupNoun(absl::string_view w) {
  return In(w, {"women",     "men",         "girls",     "boys",     "females",
                "males",     "adults",      "children",  "kids",     "teens",
                "teenagers", "adolescents", "seniors",   "elderly",  "athletes",
                "runners",   "workers",     "smokers",   "infants",  "babies",
                "mothers",   "players",     "dancers",   "swimmers", "climbers",
                "golfers",   "lifters",     "labourers", "laborers", "typists",
                "musicians"});
}

// Words that say which of a group ("older women", "pregnant women").
bool GroupModifier(absl::string_view w) {
  return In(w, {"older",         "younger",     "young",       "old",
                "elderly",       "middle-aged", "pregnant",    "postmenopausal",
                "overweight",    "obese",       "female",      "male",
                "adult",         "teenage",     "competitive", "professional",
                "recreational",  "endurance",   "manual",      "office",
                "long-distance", "new"});
}

bool IsDigits(absl::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

// The end of an age said after a group ("over the age of 50", "over 50",
// "aged 40 to 60", "between the ages of 40 and 60"), from token `t`; `t`
// if none.
int AgeEnd(const SentenceView& v, int t) {
  if (v.word(t) == "over" || v.word(t) == "under") {
    if (IsDigits(v.word(t + 1))) return t + 2;
    if (v.word(t + 1) == "the" && v.word(t + 2) == "age" &&
        v.word(t + 3) == "of" && IsDigits(v.word(t + 4))) {
      return t + 5;
    }
  }
  if ((v.word(t) == "aged" || v.word(t) == "ages") && IsDigits(v.word(t + 1))) {
    if (In(v.word(t + 2), {"to", "and"}) && IsDigits(v.word(t + 3))) {
      return t + 4;
    }
    return t + 2;
  }
  if (v.word(t) == "between" && v.word(t + 1) == "the" &&
      v.word(t + 2) == "ages" && v.word(t + 3) == "of" &&
      IsDigits(v.word(t + 4)) && v.word(t + 5) == "and" &&
      IsDigits(v.word(t + 6))) {
    return t + 7;
  }
  return t;
}

}  // namespace

int RiskGroupEnd(const SentenceView& v, int from) {
  int t = from;
  while (t < v.size() && GroupModifier(v.word(t))) ++t;
  if (!GroupNoun(v.word(t))) return -1;
  // A condition's name is no group ("athlete's foot").
  if (v.mention_at(t) >= 0 && HasType(v.mentions()[v.mention_at(t)].type,
                                      {schema::CONDITION, schema::SYMPTOM})) {
    return -1;
  }
  return AgeEnd(v, t + 1);
}

int RiskGroupBefore(const SentenceView& v, int cue) {
  // The clause opens with the group; then a verb of being, a number of
  // times ("3 times") and the comparison's words may stand before the cue.
  int start = 0;
  while (start < cue && (v.clause(start) != v.clause(cue) ||
                         !v.sentence().tokens[start].is_word)) {
    ++start;
  }
  const int end = RiskGroupEnd(v, start);
  if (end < 0 || end >= cue) return -1;
  for (int t = end; t < cue; ++t) {
    if (!v.sentence().tokens[t].is_word) continue;
    if (!In(v.word(t), {"are", "were", "is", "tend", "to", "be", "about", "up",
                        "nearly", "almost", "times", "twice", "much", "far",
                        "generally", "often"}) &&
        !IsDigits(v.word(t))) {
      return -1;
    }
  }
  return start;
}

}  // namespace mskg::ingest::extraction
