// ingest/solution_rules.cc
//
// Treatments given as the answer to a condition, general constructions of
// English:
//   "the solution/fix/remedy/cure/answer to/for <C | this problem> is to
//    stretch X and strengthen Y"        -> each exercise TREATS C
//   "... is to use/do/apply/try <T>", "... is <T>"  -> T TREATS C
//   "To fix/correct/relieve <C | this problem>, stretch X ..."
//                                       -> the same, imperative
//   "<C> is (best) treated/relieved/managed with/by <T | stretching X>"
//                                       -> T TREATS C (PREVENTS for
//                                          "prevented/avoided")
//   "To (help) prevent/avoid <C>, <advice>", "<Advice> to prevent <C>"
//                                       -> the advice, as written,
//                                          PREVENTS C; "avoid <cause>"
//                                          also: the cause CAUSES C
// "This problem/issue/condition" is the condition under discussion: the
// latest one named in the sentences just before, in the same section.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/verb_forms.h"

namespace mskg::ingest::extraction {
namespace {

// "this problem", "that issue": returns the end of the phrase, or -1.
int AnaphoricProblemEnd(const SentenceView& v, int i) {
  if (!In(v.word(i), {"this", "that", "these", "those", "the", "your", "my"})) {
    return -1;
  }
  int j = i + 1;
  if (In(v.word(j), {"common", "recurring", "underlying", "whole", "same"})) {
    ++j;
  }
  if (In(v.word(j), {"problem", "problems", "issue", "issues", "condition",
                     "conditions", "imbalance", "pattern", "situation"})) {
    return j + 1;
  }
  return -1;
}

bool IsSolutionNoun(absl::string_view w) {
  return In(w, {"solution", "solutions", "fix", "remedy", "remedies", "cure",
                "answer"});
}

bool IsFixVerb(absl::string_view w) {
  return In(w, {"fix", "correct", "solve", "treat", "relieve", "resolve",
                "remedy", "address", "cure", "reverse", "ease"});
}

// The end of a purpose verb of prevention at i ("prevent", "avoid",
// "reduce the risk of", "protect against"), or -1.
int PreventionVerbEnd(const SentenceView& v, int i) {
  if (In(v.word(i), {"prevent", "avoid"})) return i + 1;
  if (In(v.word(i), {"reduce", "lower", "minimize", "minimise", "cut"}) &&
      In(v.word(i + 1), {"the", "your"}) &&
      In(v.word(i + 2), {"risk", "chance", "chances"}) &&
      v.word(i + 3) == "of") {
    return i + 4;
  }
  if (v.word(i) == "protect" && v.word(i + 1) == "against") return i + 2;
  return -1;
}

// Words that open the advice of a purpose clause and are not part of it
// ("To prevent C, you should ...", "..., try to ...").
int SkipAdviceOpening(const SentenceView& v, int j) {
  if (In(v.word(j), {"you", "we"}) &&
      In(v.word(j + 1), {"should", "must", "can", "need", "may"})) {
    j += 2;
    if (v.word(j) == "to") ++j;
  }
  if (In(v.word(j), {"try", "remember", "be", "make"}) &&
      (v.word(j + 1) == "to" ||
       (In(v.word(j + 1), {"sure"}) && v.word(j + 2) == "to"))) {
    j += v.word(j + 1) == "to" ? 2 : 3;
  }
  if (v.word(j) == "always") ++j;
  return j;
}

// The advice in tokens [from, limit): as written up to the first
// punctuation, "such as", word that opens another clause or a purpose
// ("for", "so", "when", "because", "in order") after its verb and object,
// or "and" / "or" before another advice verb ("wear good shoes and stretch
// your calves": two pieces of advice); two to eight words. Invalid when it
// does not open with a verb. `*end`, if given, is set to the token after
// the name.
Ref AdviceName(const SentenceView& v, int from, int limit, int* end = nullptr) {
  Ref advice;
  if (end != nullptr) *end = from;
  if (!IsAdviceVerb(v.word(from))) return advice;
  const auto& tokens = v.sentence().tokens;
  int words = 0;
  int t = from;
  for (; t < limit; ++t) {
    absl::string_view w = v.word(t);
    if (!tokens[t].is_word) {
      if (w == "-" || w == "'") continue;
      break;
    }
    if (t > from + 1 &&
        (In(w, {"for", "so", "because", "while", "when", "which", "as"}) ||
         (w == "such" && v.word(t + 1) == "as") ||
         (w == "in" && v.word(t + 1) == "order") ||
         (In(w, {"and", "or"}) && IsAdviceVerb(v.word(t + 1))))) {
      break;
    }
    if (++words > 8) return Ref();
    if (!advice.name.empty()) advice.name.push_back(' ');
    absl::StrAppend(&advice.name, w);
  }
  if (words < 2) return Ref();
  advice.type = schema::TREATMENT;
  if (end != nullptr) *end = t;
  return advice;
}

}  // namespace

// Words that open an imperative and are nouns too, so that IsVerbForm()
// does not know them as verbs ("Use a headset", "Keep your back straight").
bool IsAdviceVerb(absl::string_view w) {
  return IsVerbForm(w) ||
         In(w, {"use", "keep", "take", "wear", "stretch", "rest", "sleep",
                "sit", "stand", "lift", "warm", "stay", "walk", "change",
                "switch", "limit", "hold", "set", "place", "do", "make",
                "try", "practice", "practise", "build", "work", "drink",
                "eat", "ice", "train", "start"});
}

void DocumentExtractor::PurposeAdvice(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  // The condition prevented, after the purpose verb at `at`; the token after
  // it in `*end`.
  auto prevented = [&](int at, int* end) {
    Ref target;
    int j = at;
    if (In(v.word(j), {"a", "an", "the", "your", "further"})) ++j;
    const int c = v.mention_at(j);
    if (c >= 0 && ms[c].first_token == j &&
        HasType(ms[c].type, {schema::CONDITION, schema::SYMPTOM})) {
      // A symptom prevented is the condition it is prevented as.
      target = ms[c].type == schema::SYMPTOM ? AsCondition(FromMention(ms[c]))
                                             : FromMention(ms[c]);
      *end = ms[c].end_token;
      return target;
    }
    *end = AnaphoricProblemEnd(v, j);
    if (*end > 0) target = ConditionUnderDiscussion(index);
    return target;
  };
  auto claim = [&](const Ref& advice, const Ref& target, int from, int cue) {
    const bool neg = Negated(v, cue);
    const bool hedge = Hedged(v, cue);
    Add(advice, schema::PREVENTS, target, index, "purpose_advice", 0.6f, neg,
        hedge);
    // "avoid heavy lifting": what is to be avoided causes the condition.
    if (v.word(from) == "avoid") {
      const int c = v.mention_at(from + 1);
      if (c >= 0 && ms[c].type == schema::CAUSE) {
        Add(FromMention(ms[c]), schema::CAUSES, target, index,
            "purpose_advice", 0.5f, neg, hedge);
      }
    }
  };
  // "To (help) prevent C, <advice>."
  if (v.word(0) == "to") {
    int i = 1;
    if (v.word(i) == "help") ++i;
    const int verb_end = PreventionVerbEnd(v, i);
    if (verb_end < 0) return;
    int after = -1;
    const Ref target = prevented(verb_end, &after);
    if (!target.valid() || v.word(after) != ",") return;
    // Each piece of advice of a coordinated list.
    int from = SkipAdviceOpening(v, after + 1);
    for (int pieces = 0; pieces < 4 && from < v.size(); ++pieces) {
      int end = from;
      Ref advice = AdviceName(v, from, v.size(), &end);
      if (!advice.valid()) break;
      claim(advice, target, from, i);
      // ", take breaks", "and stretch", ", or use a headset".
      if (!In(v.word(end), {"and", "or", ","})) break;
      from = end + 1;
      if (In(v.word(from), {"and", "or"})) ++from;
    }
    return;
  }
  // "<Advice> to (help) prevent C."
  if (!IsAdviceVerb(v.word(0)) || v.mention_at(0) >= 0) return;
  for (int i = 2; i + 1 < v.size(); ++i) {
    if (v.word(i) != "to") continue;
    int k = i + 1;
    if (v.word(k) == "help") ++k;
    const int verb_end = PreventionVerbEnd(v, k);
    if (verb_end < 0) continue;
    int after = -1;
    const Ref target = prevented(verb_end, &after);
    if (!target.valid()) return;
    Ref advice = AdviceName(v, 0, i);
    if (advice.valid()) claim(advice, target, 0, k);
    return;
  }
}

Ref DocumentExtractor::ConditionUnderDiscussion(int index) const {
  for (int j = index - 1; j >= 0 && j >= index - 3; --j) {
    if (doc_.blocks[sentences_[j + 1].sentence.block].kind ==
        BlockKind::kHeading) {
      break;  // Not across a heading.
    }
    const std::vector<Mention>& ms = sentences_[j].mentions;
    for (auto m = ms.rbegin(); m != ms.rend(); ++m) {
      if (m->type == schema::CONDITION) return FromMention(*m);
    }
  }
  if (section_condition_.valid()) return section_condition_;
  return topic_condition_;
}

int DocumentExtractor::ProblemAt(const SentenceView& v, int j, int index,
                                 Ref* target) const {
  const int end = AnaphoricProblemEnd(v, j);
  if (end > 0) {
    *target = ConditionUnderDiscussion(index);
    return end;
  }
  if (In(v.word(j), {"a", "an", "the", "your", "my"})) ++j;
  const int c = v.mention_at(j);
  const std::vector<Mention>& ms = v.mentions();
  if (c < 0 || ms[c].type != schema::CONDITION) return -1;
  *target = FromMention(ms[c]);
  return ms[c].end_token;
}

Ref DocumentExtractor::AdviceAsWritten(const SentenceView& v, int cue,
                                       const std::vector<int>& muscles) const {
  Ref advice;
  // The verb's base form: "Strengthening of the back ..." names no advice.
  if (!In(v.word(cue), {"stretch", "strengthen"})) return advice;
  for (int t = 0; t < cue; ++t) {
    if (v.sentence().tokens[t].is_word) return advice;  // Not the first word.
  }
  advice.type = schema::TREATMENT;
  const int last = v.mentions()[muscles.back()].end_token;
  for (int t = cue; t < last; ++t) {
    if (!v.sentence().tokens[t].is_word) continue;
    if (!advice.name.empty()) advice.name.push_back(' ');
    absl::StrAppend(&advice.name, v.word(t));
  }
  return advice;
}

Ref DocumentExtractor::ExerciseFor(Relation rel, const SentenceView& v,
                                   const std::vector<int>& muscles) const {
  Ref t;
  t.type = schema::TREATMENT;
  const bool strengthen = rel == schema::STRENGTHENS;
  if (muscles.size() == 1) {
    const Mention& m = v.mentions()[muscles[0]];
    absl::string_view muscle = m.entry != nullptr
                                   ? linker_->NounModifier(*m.entry)
                                   : absl::string_view(m.name);
    t.name =
        absl::StrCat(muscle, strengthen ? " strengthening" : " stretching");
    // The lexicon's own name for it, if it has one.
    if (const LexiconEntry* e =
            linker_->lexicon().Find(schema::TREATMENT, t.name)) {
      t.name = e->name;
    }
  } else {
    t.name = strengthen ? "strengthening exercises" : "stretching";
  }
  return t;
}

Ref DocumentExtractor::TreatmentOrExercise(const SentenceView& v,
                                           int mention) const {
  const Mention& m = v.mentions()[mention];
  const absl::string_view name = LexiconName(m);
  if (In(name, {"stretching", "strengthening exercises"})) {
    std::vector<int> muscles = After(v, m.end_token, {schema::MUSCLE}, 2);
    if (!muscles.empty()) {
      return ExerciseFor(
          name == "stretching" ? schema::STRETCHES : schema::STRENGTHENS, v,
          muscles);
    }
  }
  return FromMention(m);
}

Ref DocumentExtractor::MuscleState(absl::string_view state, bool prefix,
                                   const Ref& muscle) const {
  const LexiconEntry* e = linker_->lexicon().Find(schema::MUSCLE, muscle.name);
  if (e == nullptr) return Ref();
  return FromMention(linker_->Compose(state, prefix, *e, 0, 0));
}

void DocumentExtractor::Solution(const SentenceView& v, int index) {
  if (!v.has(kCueSolution) && v.word(0) != "to") return;
  const auto& ms = v.mentions();
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueSolution) && !(i == 0 && w == "to")) continue;
    Ref target;
    int j = -1;
    if (IsSolutionNoun(w) && v.mention_at(i) < 0) {
      // "the (best) solution to this problem is to ...".
      bool determined = false;
      for (int b = i - 1; b >= 0 && b >= i - 3; --b) {
        if (In(v.word(b), {"the", "a", "one", "my", "our", "your", "only"}))
          determined = true;
      }
      if (!determined) continue;
      j = i + 1;
      if (In(v.word(j), {"to", "for"})) {
        ++j;
        j = ProblemAt(v, j, index, &target);
        if (j < 0) continue;
      } else {
        target = ConditionUnderDiscussion(index);
      }
      while (In(v.word(j), {"here", "then"})) ++j;
      if (!In(v.word(j), {"is", "was", "are"})) continue;
      ++j;
      while (In(v.word(j), {"simply", "usually", "often", "generally",
                            "typically", "always", "actually", "really"})) {
        ++j;
      }
      if (v.word(j) == "to") ++j;
    } else if (i == 0 && w == "to" && IsFixVerb(v.word(1))) {
      // "To fix this problem, stretch ...".
      j = ProblemAt(v, 2, index, &target);
      if (j < 0) continue;
      if (v.word(j) != ",") continue;
      ++j;
      if (In(v.word(j), {"you", "we"}) &&
          In(v.word(j + 1), {"should", "must", "can", "need"})) {
        j += 2;
        if (v.word(j) == "to") ++j;
      }
    } else {
      continue;
    }
    if (!target.valid()) continue;
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    // The remedies: "stretch the X (and strengthen the Y)", "use <T>", <T>.
    for (int guard = 0; guard < 4 && j < v.size(); ++guard) {
      absl::string_view verb = v.word(j);
      Ref remedy;
      int next = -1;
      const bool stretch = absl::StartsWith(verb, "stretch");
      const bool strengthen = absl::StartsWith(verb, "strengthen");
      const int at = v.mention_at(j);
      if ((stretch || strengthen) && (at < 0 || ms[at].first_token == j)) {
        int from = j + 1;
        if (at >= 0) from = ms[at].end_token;
        std::vector<int> muscles = After(v, from, {schema::MUSCLE}, 3);
        if (muscles.empty()) {
          if (at >= 0 && ms[at].type == schema::TREATMENT) {
            remedy = FromMention(ms[at]);
            next = ms[at].end_token;
          }
        } else {
          const Relation rel =
              strengthen ? schema::STRENGTHENS : schema::STRETCHES;
          remedy = ExerciseFor(rel, v, muscles);
          for (int m : muscles) {
            Add(remedy, rel, FromMention(ms[m]), index, "solution_exercise",
                0.6f, neg, hedge);
          }
          next = ms[muscles.back()].end_token;
        }
      } else if (at >= 0 && ms[at].type == schema::TREATMENT) {
        remedy = FromMention(ms[at]);  // "... is rest", "... is to rest".
        next = ms[at].end_token;
      } else if (at < 0 && v.sentence().tokens[j].is_word) {
        // "use a foam roller", "do yoga", "apply heat".
        int t = j + 1;
        if (In(v.word(t), {"a", "an", "the", "some", "regular", "daily"})) ++t;
        const int m = v.mention_at(t);
        if (m >= 0 && ms[m].type == schema::TREATMENT &&
            ms[m].first_token == t) {
          remedy = FromMention(ms[m]);
          next = ms[m].end_token;
        }
      }
      if (!remedy.valid()) break;
      Add(remedy, schema::TREATS, target, index, "solution_to_problem", 0.6f,
          neg, hedge);
      // "... and strengthen the Y", ", then strengthen ...".
      j = next;
      if (v.word(j) == ",") ++j;
      if (In(v.word(j), {"and", "then", "or"})) ++j;
      if (v.word(j) == "then") ++j;
      if (v.word(j) == "to") ++j;
      if (j == next) break;
    }
  }
}

void DocumentExtractor::PassiveTreats(const SentenceView& v, int index) {
  if (!v.has(kCuePassive)) return;
  const auto& ms = v.mentions();
  for (int i = 1; i + 1 < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCuePassive)) continue;
    Relation rel;
    if (In(w, {"treated", "relieved", "managed", "eased", "alleviated",
               "corrected", "resolved", "fixed", "helped", "improved",
               "addressed", "reversed", "soothed"})) {
      rel = schema::TREATS;
    } else if (In(w, {"prevented", "avoided"})) {
      rel = schema::PREVENTS;
    } else {
      continue;
    }
    if (!In(v.word(i + 1), {"with", "by", "through", "using", "via"})) continue;
    int b = i - 1;
    while (b > 0 &&
           In(v.word(b), {"best", "often", "usually", "generally", "typically",
                          "effectively", "successfully", "easily", "also",
                          "sometimes", "largely", "mostly", "partly"})) {
      --b;
    }
    if (!In(v.word(b), {"be", "is", "are", "was", "were", "been", "being"})) {
      continue;  // Not a passive.
    }
    std::vector<Ref> conditions;
    for (int c : Before(v, i, {schema::CONDITION})) {
      conditions.push_back(FromMention(ms[c]));
    }
    if (conditions.empty()) {
      // "It/They can be treated with ...", "This can be relieved by ...".
      int s = b;
      while (s > 0 && v.mention_at(s - 1) < 0 &&
             v.sentence().tokens[s - 1].is_word &&
             !In(v.word(s - 1), {"it", "they", "this", "these"})) {
        --s;
      }
      if (s > 0 && In(v.word(s - 1), {"it", "they", "this", "these"})) {
        Ref c = ConditionUnderDiscussion(index);
        if (c.valid()) conditions.push_back(c);
      }
    }
    if (conditions.empty()) continue;
    std::vector<Ref> remedies;
    const int from = i + 2;
    // "... by stretching the quads": the exercise for those muscles.
    absl::string_view g = v.word(from);
    if (absl::StartsWith(g, "stretch") || absl::StartsWith(g, "strengthen")) {
      const Relation exercise = absl::StartsWith(g, "stretch")
                                    ? schema::STRETCHES
                                    : schema::STRENGTHENS;
      const int at = v.mention_at(from);
      const int after = at >= 0 ? ms[at].end_token : from + 1;
      std::vector<int> muscles = After(v, after, {schema::MUSCLE}, 2);
      if (!muscles.empty()) {
        Ref t = ExerciseFor(exercise, v, muscles);
        for (int m : muscles) {
          Add(t, exercise, FromMention(ms[m]), index, "treated_by_exercise",
              0.6f, Negated(v, i), Hedged(v, i));
        }
        remedies.push_back(std::move(t));
      }
    }
    if (remedies.empty()) {
      for (int t : After(v, from, {schema::TREATMENT}, 3)) {
        remedies.push_back(TreatmentOrExercise(v, t));
      }
    }
    for (const Ref& c : conditions) {
      for (const Ref& t : remedies) {
        Add(t, rel, c, index, "passive_treats", 0.6f, Negated(v, i),
            Hedged(v, i));
      }
    }
  }
}

}  // namespace mskg::ingest::extraction
