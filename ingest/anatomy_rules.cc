// ingest/anatomy_rules.cc
//
// Anatomy: parts of groups, antagonists, origins and insertions, nerves and
// vessels, actions muscles perform, what they stabilise, and muscles that
// compensate for others.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {

void DocumentExtractor::PartOf(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  for (size_t g = 0; g < ms.size(); ++g) {
    if (ms[g].type != schema::MUSCLE || !IsGroup(ms[g])) continue;
    Ref group = FromMention(ms[g]);
    int t = ms[g].end_token;
    // "<group> (A and B)", "<group> (which include A and B)".
    bool members_follow = false;
    int limit = t;
    // "the muscles that make up <group> - A, B and C": the members follow
    // the group after a dash or colon when a verb of composition precedes
    // it.
    const int before = ms[g].first_token;
    bool composed_of = false;
    int cue = -1;
    for (int b = std::max(0, before - 4); b < before; ++b) {
      if (v.Match(b, {"make*", "up"}) > 0 || v.Match(b, {"made", "up"}) > 0 ||
          v.Match(b, {"part", "of"}) > 0 || v.Match(b, {"one", "of"}) > 0 ||
          v.Match(b, {"belong*", "to"}) > 0 ||
          In(v.word(b), {"form", "forms", "comprise", "comprises",
                         "compose", "composes", "constitute",
                         "constitutes"})) {
        composed_of = true;
        if (cue < 0) cue = b;
      }
    }
    if (composed_of && In(v.word(t), {"-", ":"})) {
      members_follow = true;
      limit = v.size();
    } else if (v.word(t) == "(") {
      members_follow = true;
      limit = t + 1;
      while (limit < v.size() && v.word(limit) != ")") ++limit;
    } else {
      int u = t;
      if (v.word(u) == ",") ++u;
      if (In(v.word(u), {"which", "that"})) ++u;
      if (In(v.word(u), {"mainly", "primarily", "mostly", "chiefly"})) ++u;
      if (v.Match(u, {"includ*"}) > 0 || v.Match(u, {"such", "as"}) > 0 ||
          v.Match(u, {"like"}) > 0 || v.Match(u, {"e", ".", "g"}) > 0 ||
          v.Match(u, {"consist*", "of"}) > 0 || v.Match(u, {"namely"}) > 0) {
        members_follow = true;
        limit = v.size();
      }
    }
    if (!members_follow && composed_of) {
      // "A, B and C make up the <group>", "the gracilis is one of the
      // adductors": the members stand before the verb.
      for (int m : Before(v, cue, {schema::MUSCLE})) {
        Ref member = FromMention(ms[m]);
        if (member.name == group.name) continue;
        Add(member, schema::PART_OF, group, index, "members_compose", 0.7f);
      }
    }
    if (members_follow) {
      std::vector<Ref> members;
      for (size_t m = g + 1; m < ms.size(); ++m) {
        if (ms[m].first_token >= limit) break;
        if (ms[m].type != schema::MUSCLE) {
          if (ms[m].type == schema::CONDITION) break;
          continue;
        }
        if (ms[m].first_token > t + 12) break;
        Ref member = FromMention(ms[m]);
        if (member.name == group.name) continue;
        Add(member, schema::PART_OF, group, index, "group_members", 0.8f);
        members.push_back(std::move(member));
      }
      GroupActions(ms[g], members, index);
      // "the hip abductors (gluteus medius)": one member glosses the group,
      // and the text then speaks of both under the group's name.
      if (v.word(t) == "(" && members.size() == 1) {
        glossed_groups_.emplace_back(group, members.front());
      }
    }
    // "X, a deep hip flexor", "works as a strong hip flexor".
    int p = ms[g].first_token - 1;
    int adjectives = 0;
    while (p >= 0 && adjectives < 3 && v.mention_at(p) < 0 &&
           !In(v.word(p), {"a", "an", "one"}) && v.sentence().tokens[p].is_word) {
      --p;
      ++adjectives;
    }
    if (p >= 0 && In(v.word(p), {"a", "an"})) {
      Ref member;
      for (size_t m = 0; m < g; ++m) {
        if (ms[m].type == schema::MUSCLE && !IsGroup(ms[m])) {
          member = FromMention(ms[m]);
          break;
        }
        if (ms[m].type == schema::CONDITION && !ms[m].affects.empty() &&
            ms[m].affects_type == schema::MUSCLE) {
          member.type = schema::MUSCLE;
          member.name = ms[m].affects;
          break;
        }
      }
      if (!member.valid() && In(v.word(0), {"it", "its"})) member = prev_muscle_;
      Add(member, schema::PART_OF, group, index, "is_a_group_member", 0.7f);
    }
  }
}

void DocumentExtractor::Antagonist(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  auto muscle_of = [&](const Mention& m) {
    Ref r;
    if (m.type == schema::MUSCLE) return FromMention(m);
    if (m.type == schema::CONDITION && m.affects_type == schema::MUSCLE) {
      r.type = schema::MUSCLE;
      r.name = m.affects;
    }
    return r;
  };
  if (!v.has(kCueOppose | kCueSide)) return;
  for (int i = 0; v.has(kCueOppose) && i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueOppose)) continue;
    // "opposite" says where, not what works against what.
    if (absl::StartsWith(w, "opposite")) continue;
    if (!(absl::StartsWith(w, "oppos") || absl::StartsWith(w, "antagonist") ||
          absl::StartsWith(w, "counteract") || absl::StartsWith(w, "offset") ||
          absl::StartsWith(w, "counterbalanc"))) {
      continue;
    }
    Ref subject, object;
    for (const Mention& m : ms) {
      Ref r = muscle_of(m);
      if (!r.valid()) continue;
      if (m.end_token <= i) subject = r;
      if (m.first_token > i && !object.valid()) object = r;
    }
    if (!subject.valid()) subject = prev_muscle_;
    Add(subject, schema::ANTAGONIST_OF, object, index, "opposes", 0.7f,
        Negated(v, i), Hedged(v, i));
  }
  // "the muscles in the front (A) ... the muscles in the back (B)".
  Ref front, back;
  for (int i = 0; v.has(kCueSide) && i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueSide)) continue;  // Not one of the words below.
    const bool is_front = In(w, {"front", "anterior"});
    const bool is_back = In(w, {"back", "posterior", "rear"});
    if (!is_front && !is_back) continue;
    if (v.mention_at(i) >= 0) continue;
    for (const Mention& m : ms) {
      if (m.first_token <= i) continue;
      if (m.first_token > i + 5) break;
      if (m.type != schema::MUSCLE || !IsGroup(m)) break;
      if (is_front && !front.valid()) front = FromMention(m);
      if (is_back && !back.valid()) back = FromMention(m);
      break;
    }
  }
  if (front.valid() && back.valid() && front.name != back.name) {
    Add(front, schema::ANTAGONIST_OF, back, index, "front_back_groups", 0.6f);
  }
}

void DocumentExtractor::Attach(const SentenceView& v, int index) {
  if (!v.has(kCueAttach)) return;
  bool origin_seen = false;
  const std::string& label = item_label_;
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (w.empty() || (w[0] != 'o' && w[0] != 'a' && w[0] != 'i')) continue;
    Relation rel;
    if (absl::StartsWith(w, "originat") || In(w, {"arise", "arises", "arising"})) {
      rel = schema::ORIGINATES_FROM;
      origin_seen = true;
    } else if (absl::StartsWith(w, "insert")) {
      rel = schema::INSERTS_ON;
    } else if (absl::StartsWith(w, "attach")) {
      rel = origin_seen || absl::StrContains(label, "insertion")
                ? schema::INSERTS_ON
                : schema::ATTACHES_TO;
      if (absl::StrContains(label, "origin") &&
          !absl::StrContains(label, "insertion")) {
        rel = schema::ORIGINATES_FROM;
      }
    } else {
      continue;
    }
    std::vector<Ref> subjects;
    for (int s : Before(v, i, {schema::MUSCLE})) {
      subjects.push_back(FromMention(v.mentions()[s]));
    }
    // "... from the ribs to the top of the pelvic rim": all structures of
    // the clause after the cue.
    std::vector<const Mention*> objects;
    int skip_until = -1;
    // The objects end at a relative clause ("..., where it pulls the hip
    // bone") or at the next attachment ("originates from A and travels down
    // to attach at B").
    int relative = v.size();
    for (int t = i + 1; t < v.size(); ++t) {
      absl::string_view u = v.word(t);
      if (In(u, {"where", "which", "when", "while", "because", "arise",
                 "arises"}) ||
          absl::StartsWith(u, "attach") || absl::StartsWith(u, "insert") ||
          absl::StartsWith(u, "originat")) {
        relative = t;
        break;
      }
    }
    for (const Mention& m : v.mentions()) {
      if (m.first_token <= i || v.clause(m.first_token) != v.clause(i)) continue;
      if (m.first_token < skip_until) continue;
      if (m.first_token > relative) break;
      if (m.type != schema::STRUCTURE && m.type != schema::ACTION &&
          m.type != schema::NERVE && m.type != schema::VESSEL) {
        break;  // Another muscle, a condition, a treatment: another claim.
      }
      if (m.type != schema::STRUCTURE) continue;
      objects.push_back(&m);
      if (v.word(m.end_token) == "(") {
        skip_until = m.end_token;
        while (skip_until < v.size() && v.word(skip_until) != ")") ++skip_until;
      }
    }
    if (objects.empty()) continue;
    if (subjects.empty()) {
      // "muscles that attach at the pelvis are the A and the B".
      bool generic = false;
      for (int t = 0; t < i; ++t) {
        if (In(v.word(t), {"muscle", "muscles"})) generic = true;
      }
      if (generic) {
        for (const Mention& m : v.mentions()) {
          if (m.first_token > objects.back()->first_token &&
              m.type == schema::MUSCLE) {
            subjects.push_back(FromMention(m));
          }
        }
      }
    }
    if (subjects.empty()) {
      Ref a = Anaphor(v);
      if (a.valid()) subjects.push_back(a);
    }
    for (const Ref& s : subjects) {
      for (const Mention* o : objects) {
        Add(s, rel, FromMention(*o), index, "attachment", 0.7f, Negated(v, i),
            Hedged(v, i));
      }
    }
  }
}

void DocumentExtractor::Supply(const SentenceView& v, int index) {
  if (!v.has(kCueSupply)) return;
  bool nerve_cue = false, blood_cue = false;
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueSupply)) continue;
    if (absl::StartsWith(w, "innervat")) nerve_cue = true;
    if (absl::StartsWith(w, "suppl")) nerve_cue = blood_cue = true;
    if (absl::StartsWith(w, "blood")) blood_cue = true;
  }
  if (!nerve_cue && !blood_cue) return;
  Ref muscle;
  const Mention* nerve = nullptr;
  const Mention* vessel = nullptr;
  for (const Mention& m : v.mentions()) {
    if (m.type == schema::MUSCLE && !muscle.valid()) muscle = FromMention(m);
    if (m.type == schema::NERVE && nerve == nullptr) nerve = &m;
    if (m.type == schema::VESSEL && vessel == nullptr) vessel = &m;
  }
  if (!muscle.valid()) muscle = Anaphor(v);
  if (!muscle.valid() && section_muscle_.valid()) muscle = section_muscle_;
  if (!muscle.valid() && topic_muscle_.valid()) muscle = topic_muscle_;
  if (nerve_cue && nerve != nullptr) {
    Add(muscle, schema::INNERVATED_BY, FromMention(*nerve), index,
        "innervation", 0.7f);
  }
  if (blood_cue && vessel != nullptr) {
    Add(muscle, schema::SUPPLIED_BY, FromMention(*vessel), index,
        "blood_supply", 0.7f);
  }
}

void DocumentExtractor::Performs(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  bool any_action = false;
  for (const Mention& m : ms) any_action |= m.type == schema::ACTION;
  if (!any_action) return;
  bool cue = false;
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (v.mention_at(i) >= 0) continue;
    if (absl::StartsWith(w, "help") || absl::StartsWith(w, "perform") ||
        In(w, {"responsible", "involved", "role", "job", "function",
               "functions", "used", "works", "work", "acts", "act",
               "allows", "enables", "produces", "assists", "assist",
               "controls", "drives", "main", "primary"})) {
      cue = true;
    }
  }
  int first_action = -1;
  for (size_t m = 0; m < ms.size(); ++m) {
    if (ms[m].type == schema::ACTION) {
      first_action = static_cast<int>(m);
      break;
    }
  }
  if (first_action < 0 || (!cue && !in_item_description_)) return;
  // A muscle named as what the subject is ("it acts as a major hip
  // flexor") is no subject of its own.
  auto predicative = [&](const Mention& m) {
    for (int t = m.first_token - 1; t >= 0 && t >= m.first_token - 3; --t) {
      if (v.mention_at(t) >= 0) return false;
      if (In(v.word(t), {"a", "an"})) return true;
    }
    return false;
  };
  std::vector<Ref> subjects;
  for (int m = 0; m < first_action; ++m) {
    if (ms[m].type == schema::MUSCLE && !predicative(ms[m])) {
      subjects.push_back(FromMention(ms[m]));
    }
  }
  if (subjects.empty()) {
    for (size_t m = first_action + 1; m < ms.size(); ++m) {
      if (ms[m].type == schema::MUSCLE && !predicative(ms[m])) {
        subjects.push_back(FromMention(ms[m]));
      }
    }
  }
  if (subjects.empty()) {
    Ref a = Anaphor(v);
    if (a.valid()) subjects.push_back(a);
  }
  for (const Ref& s : subjects) {
    for (const Mention& m : ms) {
      // "the thigh is running down ...": a verb, not the activity.
      if (m.type == schema::ACTION &&
          !In(v.word(m.first_token - 1),
              {"is", "are", "was", "were", "be", "been", "keep", "keeps"})) {
        Add(s, schema::PERFORMS, FromMention(m), index, "performs", 0.6f,
            Negated(v, m.first_token), Hedged(v, m.first_token));
      }
    }
  }
}

void DocumentExtractor::Stabilizes(const SentenceView& v, int index) {
  if (!v.has(kCueStabilize)) return;
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueStabilize) || v.mention_at(i) >= 0) continue;
    const bool strong_cue = absl::StartsWith(w, "stabil") || w == "stable" ||
                            w == "steady";
    const bool weak_cue = absl::StartsWith(w, "support");
    // "keep/hold the spine and pelvis (properly) aligned / in place".
    const bool hold_cue = In(w, {"keep", "keeps", "keeping", "kept", "hold",
                                 "holds", "holding", "held"});
    if (!strong_cue && !weak_cue && !hold_cue) continue;
    std::vector<int> objects;
    int held_until = -1;
    for (size_t m = 0; m < v.mentions().size(); ++m) {
      const Mention& mm = v.mentions()[m];
      if (mm.first_token <= i || v.clause(mm.first_token) != v.clause(i)) continue;
      if (hold_cue) {
        // Only structures right after the verb, coordinated.
        const int from =
            objects.empty() ? i + 1 : v.mentions()[objects.back()].end_token;
        bool joined = true;
        for (int t = from; t < mm.first_token; ++t) {
          if (!IsCoordinator(v.word(t))) joined = false;
        }
        if (!joined || mm.type != schema::STRUCTURE) break;
        objects.push_back(static_cast<int>(m));
        held_until = mm.end_token;
        continue;
      }
      if (mm.type == schema::STRUCTURE) objects.push_back(static_cast<int>(m));
      if (mm.type == schema::MUSCLE || mm.type == schema::CONDITION) break;
    }
    if (hold_cue && !objects.empty()) {
      int t = held_until;
      if (In(v.word(t),
             {"properly", "correctly", "firmly", "securely", "well"})) {
        ++t;
      }
      const bool steady =
          In(v.word(t),
             {"aligned", "stable", "steady", "stabilized", "stabilised"}) ||
          (v.word(t) == "in" &&
           In(v.word(t + 1), {"place", "alignment", "position", "line"}));
      if (!steady) objects.clear();
    }
    if (objects.empty()) continue;
    std::vector<Ref> subjects;
    for (size_t m = 0; m < v.mentions().size(); ++m) {
      const Mention& mm = v.mentions()[m];
      if (mm.end_token > i) break;
      if (mm.type == schema::MUSCLE) subjects.push_back(FromMention(mm));
    }
    if (subjects.empty()) {
      Ref a = Anaphor(v);
      if (a.valid()) subjects.push_back(a);
    }
    for (const Ref& s : subjects) {
      for (int o : objects) {
        Add(s, schema::STABILIZES, FromMention(v.mentions()[o]), index,
            "stabilizes", strong_cue ? 0.7f : 0.5f, Negated(v, i),
            Hedged(v, i));
      }
    }
  }
}


void DocumentExtractor::Compensates(const SentenceView& v, int index) {
  if (!v.has(kCueCompensate)) return;
  const auto& ms = v.mentions();
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!(absl::StartsWith(w, "overcompensat") ||
          absl::StartsWith(w, "compensat"))) {
      continue;
    }
    // Subject: the muscle or pronoun right before "(has) to (over)compensate".
    Ref subject;
    int p = i - 1;
    while (p >= 0 && In(v.word(p), {"to", "has", "have", "must", "had",
                                    "will", "can", "may", "then"})) {
      --p;
    }
    const int at = v.mention_at(p);
    if (at >= 0 && ms[at].type == schema::MUSCLE) {
      subject = FromMention(ms[at]);
    } else if (In(v.word(p), {"it", "they"})) {
      // The sentence's subject, unless the sentence itself starts with a
      // pronoun: then the muscle of the sentences before.
      if (!In(v.word(0), {"it", "they"})) {
        for (const Mention& m : ms) {
          if (m.type == schema::MUSCLE) {
            subject = FromMention(m);
            break;
          }
        }
      }
      if (!subject.valid()) subject = prev_muscle_;
    }
    if (!subject.valid()) continue;
    for (const Mention& m : ms) {
      Ref other;
      if (m.type == schema::MUSCLE) other = FromMention(m);
      if (m.type == schema::CONDITION && m.affects_type == schema::MUSCLE) {
        other.type = schema::MUSCLE;
        other.name = m.affects;
      }
      if (!other.valid() || other.name == subject.name) continue;
      Add(subject, schema::COMPENSATES_FOR, other, index, "compensates", 0.6f,
          false, Hedged(v, i));
    }
  }
}

}  // namespace mskg::ingest::extraction
