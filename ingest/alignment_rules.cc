// ingest/alignment_rules.cc
//
// Rules about muscles that pull bones and joints out of place, and about
// conditions defined by what happens to a structure. Each is a general
// construction of English:
//   "<tight X | X spasm> (can) pull(s) <joint> out (of alignment)"
//       -> the state CAUSES the joint's misalignment
//   "<state> ... pull(s) me/you out of alignment"
//       -> the same, for the joint the passage is about
//   "<state> ... pull(s) <bone> (forward) into <condition>"
//       -> the state CAUSES the condition, which AFFECTS the bone
//   "<muscle> ..., when/if (too) tight, (can) pull ..."
//       -> the muscle's tightness is the cause
//   "<condition>, which is (the term for) when / where ... <structure>"
//       -> the condition AFFECTS the structure
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

bool IsPullVerb(absl::string_view w) {
  return In(w, {"pull", "pulls", "pulled", "pulling", "yank", "yanks", "yanked",
                "drag", "drags", "dragged"});
}

// Words between the pulled object and "out"/"into": "pull the hip bone
// forward into ...".
bool IsDirection(absl::string_view w) {
  return In(w, {"forward", "forwards", "backward", "backwards", "upward",
                "upwards", "up", "down", "downward", "downwards", "straight",
                "sideways", "further", "slightly", "too", "far", "right"});
}

bool IsDeterminer(absl::string_view w) {
  return In(w, {"the", "that", "this", "these", "those", "your", "my", "his",
                "their", "its", "our", "a", "an", "one", "one's"});
}

}  // namespace

Ref DocumentExtractor::JointCondition(absl::string_view structure) const {
  for (absl::string_view suffix : {" misalignment", " dysfunction"}) {
    if (const LexiconEntry* e = linker_->lexicon().Find(
            schema::CONDITION, absl::StrCat(structure, suffix))) {
      return FromEntry(*e);
    }
  }
  return Ref();
}

Ref DocumentExtractor::JointUnderDiscussion(int index) const {
  for (int j = index; j >= 0 && j >= index - 6; --j) {
    const std::vector<Mention>& ms = sentences_[j].mentions;
    for (auto m = ms.rbegin(); m != ms.rend(); ++m) {
      absl::string_view structure;
      if (m->type == schema::STRUCTURE) structure = m->name;
      if (m->type == schema::CONDITION &&
          m->affects_type == schema::STRUCTURE) {
        structure = m->affects;
      }
      if (structure.empty()) continue;
      Ref c = JointCondition(structure);
      if (c.valid()) return c;
    }
  }
  return Ref();
}

void DocumentExtractor::Alignment(const SentenceView& v, int index) {
  if (!v.has(kCuePull)) return;
  const auto& ms = v.mentions();
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCuePull)) continue;
    if (!IsPullVerb(w) || v.mention_at(i) >= 0) continue;
    // What is pulled: a structure, or a person ("pull me out of alignment").
    int j = i + 1;
    int structure = -1;
    bool person = false;
    if (IsDeterminer(v.word(j)) && v.mention_at(j) < 0) ++j;
    const int at = v.mention_at(j);
    if (at >= 0 && ms[at].type == schema::STRUCTURE &&
        ms[at].first_token == j) {
      structure = at;
      j = ms[at].end_token;
    } else if (In(v.word(j), {"me", "you", "us", "him", "her", "them", "people",
                              "someone"})) {
      person = true;
      ++j;
    } else {
      continue;
    }
    for (int k = 0; k < 2 && IsDirection(v.word(j)); ++k) ++j;
    Ref effect;
    const char* rule = nullptr;
    if (v.word(j) == "out") {
      ++j;
      const bool of_alignment =
          v.word(j) == "of" &&
          In(v.word(j + 1), {"alignment", "place", "position", "line"});
      if (structure >= 0) {
        effect = JointCondition(ms[structure].name);
      } else if (person && of_alignment) {
        effect = JointUnderDiscussion(index);
      }
      rule = "pulls_out_of_alignment";
    } else if (v.word(j) == "into") {
      ++j;
      if (IsDeterminer(v.word(j)) && v.mention_at(j) < 0) ++j;
      const int c = v.mention_at(j);
      if (c >= 0 && ms[c].type == schema::CONDITION) {
        effect = FromMention(ms[c]);
        if (structure >= 0) {
          // "pull the hip bone into anterior rotation": where it is.
          Add(effect, schema::AFFECTS, FromMention(ms[structure]), index,
              "pulled_into", 0.6f);
        }
      }
      rule = "pulls_into";
    }
    if (!effect.valid()) continue;
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    // The cause: the states and conditions before the verb in its clause.
    std::vector<Ref> causes;
    for (int c : Before(v, i, {schema::CONDITION, schema::CAUSE})) {
      causes.push_back(FromMention(ms[c]));
    }
    if (causes.empty()) {
      // "The piriformis, when too tight, can pull ...": the muscle before
      // the verb, in the state that a bare adjective after "when/if" gives
      // it.
      Ref muscle;
      for (const Mention& m : ms) {
        if (m.first_token >= i) break;
        if (v.clause(m.first_token) != v.clause(i)) continue;
        if (m.type == schema::MUSCLE) muscle = FromMention(m);
      }
      absl::string_view state;
      for (int t = 0; t + 1 < i; ++t) {
        if (v.clause(t) != v.clause(i) ||
            !In(v.word(t), {"when", "if", "once", "while"})) {
          continue;
        }
        int u = t + 1;
        while (In(v.word(u), {"too", "very", "overly", "constantly",
                              "chronically", "really", "it", "they", "is",
                              "are", "gets", "get", "becomes", "become"})) {
          ++u;
        }
        if (In(v.word(u), {"tight", "tense", "shortened", "short"})) {
          state = "tight";
        } else if (v.word(u) == "in" && v.word(u + 1) == "spasm") {
          state = "spasm";
        }
        if (!state.empty()) break;
      }
      if (muscle.valid() && !state.empty()) {
        Ref s = MuscleState(state, state == "tight", muscle);
        if (s.valid()) {
          Add(s, schema::AFFECTS, muscle, index, "muscle_state", 0.7f);
          mentions_.push_back(s);
          causes.push_back(std::move(s));
        }
      }
    }
    for (const Ref& c : causes) {
      Add(c, schema::CAUSES, effect, index, rule, 0.6f, neg, hedge);
    }
  }
}

void DocumentExtractor::ConditionDefinition(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  for (size_t k = 0; k < ms.size(); ++k) {
    const Mention& c = ms[k];
    if (c.type != schema::CONDITION || c.entry == nullptr ||
        !c.affects.empty()) {
      continue;
    }
    // ", which is (the term for) when", ", where", ", in which".
    int t = c.end_token;
    if (v.word(t) != ",") continue;
    ++t;
    if (v.word(t) == "which" && In(v.word(t + 1), {"is", "means"})) {
      t += 2;
      if (v.word(t) == "the" && In(v.word(t + 1), {"term", "name", "word"}) &&
          v.word(t + 2) == "for") {
        t += 3;
      }
      if (!In(v.word(t), {"when", "where"})) continue;
      ++t;
    } else if (v.word(t) == "where" || v.word(t) == "when") {
      ++t;
    } else if (v.word(t) == "in" && v.word(t + 1) == "which") {
      t += 2;
    } else {
      continue;
    }
    // The first structure of the definition, before any other entity.
    for (size_t m = k + 1; m < ms.size(); ++m) {
      if (ms[m].first_token < t) continue;
      if (ms[m].first_token > t + 10) break;
      if (ms[m].type != schema::STRUCTURE) break;
      Add(FromMention(c), schema::AFFECTS, FromMention(ms[m]), index,
          "condition_definition", 0.6f);
      break;
    }
  }
}

}  // namespace mskg::ingest::extraction
