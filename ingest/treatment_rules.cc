// ingest/treatment_rules.cc
//
// Treatments and tests: "A relieves / treats / prevents B", exercises that
// strengthen or stretch muscles, and tests that diagnose conditions.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {

void DocumentExtractor::Treats(const SentenceView& v, int index) {
  const size_t first_claim = claims_.size();
  // A treatment item's description names whom it is for: "For patients
  // with spinal instability ...".
  if (in_item_description_ && item_head_.valid() &&
      item_head_.type == schema::TREATMENT) {
    int j = -1;
    if (v.word(0) == "for" &&
               In(v.word(1),
                  {"patients", "people", "those", "cases", "individuals"}) &&
               In(v.word(2), {"with", "of"})) {
      j = 3;
    }
    if (j > 0) {
      for (int c : After(v, j, {schema::CONDITION}, 3)) {
        Add(item_head_, schema::TREATS, FromMention(v.mentions()[c]), index,
            "treatment_target", 0.5f, Negated(v, 0), Hedged(v, 0));
      }
    }
  }
  if (!v.has(kCueTreat) && claims_.size() == first_claim) return;
  Ref last_object;
  int last_object_clause = -1;
  for (int i = 0; i < v.size(); ++i) {
    if (!v.cue(i, kCueTreat)) continue;
    int end = -1;
    Relation rel = schema::TREATS;
    if ((end = v.Match(i, {"prevent*"})) > 0 ||
        (end = v.Match(i, {"reduc*", "the", "risk", "of"})) > 0 ||
        (end = v.Match(i, {"lower*", "the", "risk", "of"})) > 0) {
      rel = schema::PREVENTS;
    } else if ((end = v.Match(i, {"treat"})) > 0 ||
               (end = v.Match(i, {"treats"})) > 0 ||
               (end = v.Match(i, {"treating"})) > 0 ||
               (end = v.Match(i, {"reliev*"})) > 0 ||
               (end = v.Match(i, {"relief"})) > 0 ||
               (end = v.Match(i, {"alleviat*"})) > 0 ||
               (end = v.Match(i, {"manag*"})) > 0 ||
               (end = v.Match(i, {"ease"})) > 0 ||
               (end = v.Match(i, {"eases"})) > 0 ||
               (end = v.Match(i, {"easing"})) > 0 ||
               (end = v.Match(i, {"reduc*"})) > 0 ||
               (end = v.Match(i, {"correct*"})) > 0 ||
               (end = v.Match(i, {"resolv*"})) > 0 ||
               (end = v.Match(i, {"relax*"})) > 0 ||
               (end = v.Match(i, {"sooth*"})) > 0 ||
               (end = v.Match(i, {"help*", "with"})) > 0 ||
               (end = v.Match(i, {"recommend*"})) > 0) {
    } else {
      continue;
    }
    if (v.mention_at(i) >= 0 &&
        v.mentions()[v.mention_at(i)].type != schema::TREATMENT) {
      continue;
    }
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    std::vector<Ref> subjects;
    int subjects_from = i;  // The first token of the subjects.
    for (int s : Before(v, i, {schema::TREATMENT})) {
      subjects.push_back(FromMention(v.mentions()[s]));
      subjects_from = v.mentions()[s].first_token;
    }
    const bool recommend = absl::StartsWith(v.word(i), "recommend");
    // "... are commonly recommended": the treatments come before.
    const bool passive =
        In(v.word(i - 1),
           {"is", "are", "be", "been", "commonly", "often", "usually",
            "frequently", "generally", "typically", "widely"});
    if (recommend && !passive) {
      subjects.clear();
      for (int s : After(v, end, {schema::TREATMENT})) {
        subjects.push_back(FromMention(v.mentions()[s]));
      }
    }
    if (subjects.empty() && item_head_.valid() &&
        item_head_.type == schema::TREATMENT) {
      subjects.push_back(item_head_);
    }
    if (subjects.empty()) continue;
    std::vector<Ref> objects;
    if (!recommend) {
      for (int o : After(v, end, {schema::CONDITION})) {
        objects.push_back(FromMention(v.mentions()[o]));
      }
    }
    // "an upslip, which I then needed my PT to correct": the condition the
    // relative clause is about.
    if (objects.empty()) {
      for (int t = subjects_from - 1; t >= 1 && t >= subjects_from - 6; --t) {
        if (!In(v.word(t), {"which", "that"})) continue;
        int a = t - 1;
        if (v.word(a) == ",") --a;
        const int c = v.mention_at(a);
        if (c >= 0 && v.mentions()[c].type == schema::CONDITION &&
            v.mentions()[c].end_token == a + 1) {
          objects.push_back(FromMention(v.mentions()[c]));
        }
        break;
      }
    }
    // "... can help relax spastic muscles and ease pain": the condition of
    // the cue before, in the same clause.
    if (objects.empty() && last_object.valid() &&
        last_object_clause == v.clause(i)) {
      objects.push_back(last_object);
    }
    if (objects.empty()) {
      if (section_condition_.valid() &&
          (section_scope_ == Scope::kTreats || section_scope_ == Scope::kPrevents)) {
        objects.push_back(section_condition_);
      } else if (topic_condition_.valid()) {
        objects.push_back(topic_condition_);
      }
    }
    for (const Ref& s : subjects) {
      for (const Ref& o : objects) {
        Add(s, rel, o, index, rel == schema::TREATS ? "treats" : "prevents",
            0.6f, neg, hedge);
      }
    }
    if (!objects.empty()) {
      last_object = objects.front();
      last_object_clause = v.clause(i);
    }
  }
  // "physical therapy, which often includes manual therapy and ...": what
  // a treatment treats, the treatments it includes treat as well.
  const auto& ms = v.mentions();
  for (size_t k = 0; k + 1 < ms.size() && claims_.size() > first_claim; ++k) {
    if (ms[k].type != schema::TREATMENT) continue;
    int t = ms[k].end_token;
    if (v.word(t) == ",") ++t;
    if (v.word(t) == "which") ++t;
    while (In(v.word(t), {"often", "usually", "typically", "may", "can", "also",
                          "generally"})) {
      ++t;
    }
    if (!absl::StartsWith(v.word(t), "includ")) continue;
    std::vector<int> members = After(v, t + 1, {schema::TREATMENT}, 3);
    const size_t n = claims_.size();
    for (size_t c = first_claim; c < n; ++c) {
      if (claims_[c].relation != schema::TREATS ||
          claims_[c].subject.name != ms[k].name) {
        continue;
      }
      const Claim parent = claims_[c];
      for (int m : members) {
        Add(FromMention(ms[m]), schema::TREATS, parent.object, index,
            "included_treatment", 0.5f, parent.negated, parent.hedged);
      }
    }
  }
}

void DocumentExtractor::StrengthenStretch(const SentenceView& v, int index) {
  if (!v.has(kCueExercise)) return;
  for (int i = 0; i < v.size(); ++i) {
    int end = -1;
    Relation rel;
    absl::string_view w = v.word(i);
    if (w.empty() || w[0] != 's') continue;  // Every cue starts with 's'.
    if (absl::StartsWith(w, "strengthen")) {
      rel = schema::STRENGTHENS;
      end = i + 1;
    } else if ((end = v.Match(i, {"strength", "of"})) > 0 ||
               (end = v.Match(i, {"strength", "in"})) > 0) {
      rel = schema::STRENGTHENS;
    } else if (absl::StartsWith(w, "stretch")) {
      // "feel a stretch in the calves": where a stretch is felt, not an
      // exercise.
      if (In(v.word(i - 1), {"a", "the", "gentle", "slight", "good"}) &&
          In(v.word(i + 1), {"in", "on", "through", "along", "across"})) {
        continue;
      }
      rel = schema::STRETCHES;
      end = i + 1;
    } else {
      continue;
    }
    const int cue_mention = v.mention_at(i);
    if (cue_mention >= 0 &&
        v.mentions()[cue_mention].type != schema::TREATMENT) {
      continue;
    }
    if (cue_mention >= 0) end = v.mentions()[cue_mention].end_token;
    // "strengthen and stretch the psoas": skip a coordinated verb.
    int obj_from = end;
    if (v.word(obj_from) == "and" &&
        (absl::StartsWith(v.word(obj_from + 1), "stretch") ||
         absl::StartsWith(v.word(obj_from + 1), "strengthen"))) {
      obj_from += 2;
    }
    if (v.word(obj_from) == "of") ++obj_from;
    std::vector<int> objects = After(v, obj_from, {schema::MUSCLE}, 4);
    if (objects.empty()) continue;
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    std::vector<Ref> subjects;
    // A cue inside a treatment's name ("rest, ice and stretching the
    // calves") is that treatment's, not the ones coordinated before it.
    if (cue_mention < 0) {
      std::vector<int> before = Before(v, i, {schema::TREATMENT});
      DropObjectsOfCoordinatedVerb(v, i, &before);
      for (int s : before) subjects.push_back(FromMention(v.mentions()[s]));
    }
    if (subjects.empty() && item_head_.valid() &&
        item_head_.type == schema::TREATMENT) {
      subjects.push_back(item_head_);
    }
    if (subjects.empty()) {
      // "... is a side lying hip abduction": a treatment after the objects.
      const int last = v.mentions()[objects.back()].end_token;
      for (const Mention& m : v.mentions()) {
        if (m.first_token >= last && m.type == schema::TREATMENT &&
            v.clause(m.first_token) == v.clause(i)) {
          subjects.push_back(FromMention(m));
          break;
        }
      }
    }
    // "Stretching the quads ...": the generic exercise with its object is
    // the exercise for that muscle.
    if (subjects.empty() && cue_mention >= 0 &&
        !In(LexiconName(v.mentions()[cue_mention]),
            {"stretching", "strengthening exercises"})) {
      subjects.push_back(FromMention(v.mentions()[cue_mention]));
    }
    if (subjects.empty()) {
      Ref advice = AdviceAsWritten(v, i, objects);
      if (advice.valid()) subjects.push_back(std::move(advice));
    }
    if (subjects.empty()) subjects.push_back(ExerciseFor(rel, v, objects));
    for (const Ref& s : subjects) {
      // "Leg raises and stretching can strengthen and stretch the psoas":
      // stretching does not strengthen, strengthening does not stretch.
      if (s.name.find(rel == schema::STRENGTHENS ? "stretch" : "strength") !=
          std::string::npos) {
        continue;
      }
      for (int o : objects) {
        Add(s, rel, FromMention(v.mentions()[o]), index,
            rel == schema::STRENGTHENS ? "strengthens" : "stretches", 0.7f, neg,
            hedge);
      }
    }
  }
  // "<muscle> strength" ("improve core strength").
  if (item_head_.valid() && item_head_.type == schema::TREATMENT) {
    for (const Mention& m : v.mentions()) {
      if (m.type == schema::MUSCLE && v.word(m.end_token) == "strength") {
        Add(item_head_, schema::STRENGTHENS, FromMention(m), index,
            "muscle_strength", 0.6f);
      }
    }
  }
}


void DocumentExtractor::Diagnoses(const SentenceView& v, int index) {
  if (!v.has(kCueDiagnose)) return;
  for (int i = 0; i < v.size(); ++i) {
    absl::string_view w = v.word(i);
    if (!v.cue(i, kCueDiagnose)) continue;
    if (!(absl::StartsWith(w, "diagnos") || absl::StartsWith(w, "detect") ||
          absl::StartsWith(w, "confirm"))) {
      continue;
    }
    if (v.mention_at(i) >= 0) continue;
    std::vector<Ref> tests;
    for (const Mention& m : v.mentions()) {
      if (m.type == schema::TEST) tests.push_back(FromMention(m));
    }
    // "Functional Movement Analysis: Observing ... to detect X".
    if (tests.empty() && item_head_.valid() && item_head_.type == schema::TEST)
      tests.push_back(item_head_);
    if (tests.empty()) continue;
    std::vector<Ref> objects;
    for (int o : After(v, i + 1, {schema::CONDITION})) {
      objects.push_back(FromMention(v.mentions()[o]));
    }
    if (objects.empty()) {
      if (section_condition_.valid()) {
        objects.push_back(section_condition_);
      } else if (topic_condition_.valid()) {
        objects.push_back(topic_condition_);
      }
    }
    for (const Ref& t : tests) {
      for (const Ref& o : objects) {
        Add(t, schema::DIAGNOSES, o, index, "diagnoses", 0.6f, Negated(v, i),
            Hedged(v, i));
      }
    }
    return;
  }
}

}  // namespace mskg::ingest::extraction
