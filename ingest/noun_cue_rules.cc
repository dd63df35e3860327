// ingest/noun_cue_rules.cc
//
// Relations stated by a noun and a list: "Causes of neck pain include poor
// posture and arthritis", "Symptoms of sciatica are numbness and tingling",
// "Treatments for plantar fasciitis include rest and ice", "Ways to prevent
// shin splints include ...", "Tests for a rotator cuff tear include ...".
// The noun names the relation, the condition after "of" / "for" / "to
// prevent" is one side, and the names listed after the verb ("include",
// "are", "involve", ", including", ", such as") the other. A list after a colon, on the lines that
// follow, is the list rules' (list_rules.cc); this reads one sentence.
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

struct NounCue {
  // The noun phrase's words, "x*" matching any word that starts with x.
  std::vector<absl::string_view> words;
  Relation relation;
};

// Longer phrases first: the first that matches is taken.
const std::vector<NounCue>& NounCues() {
  static const auto* const kTable = new std::vector<NounCue>{
      {{"signs", "and", "symptoms"}, schema::HAS_SYMPTOM},
      {{"symptoms"}, schema::HAS_SYMPTOM},
      {{"symptom"}, schema::HAS_SYMPTOM},
      {{"signs"}, schema::HAS_SYMPTOM},
      {{"risk", "factors"}, schema::CAUSES},
      {{"risk", "factor"}, schema::CAUSES},
      {{"causes"}, schema::CAUSES},
      {{"cause"}, schema::CAUSES},
      {{"triggers"}, schema::CAUSES},
      {{"reasons"}, schema::CAUSES},
      {{"treatment", "options"}, schema::TREATS},
      {{"treatments"}, schema::TREATS},
      {{"treatment"}, schema::TREATS},
      {{"remedies"}, schema::TREATS},
      {{"therapies"}, schema::TREATS},
      {{"ways", "to", "treat"}, schema::TREATS},
      {{"ways", "to", "relieve"}, schema::TREATS},
      {{"ways", "to", "ease"}, schema::TREATS},
      {{"ways", "to", "manage"}, schema::TREATS},
      {{"options", "for", "treating"}, schema::TREATS},
      {{"prevention"}, schema::PREVENTS},
      {{"preventive", "measures"}, schema::PREVENTS},
      {{"preventative", "measures"}, schema::PREVENTS},
      {{"?", "to", "prevent"}, schema::PREVENTS},
      {{"?", "to", "avoid"}, schema::PREVENTS},
      {{"?", "for", "preventing"}, schema::PREVENTS},
      {{"?", "for", "avoiding"}, schema::PREVENTS},
      {{"diagnostic", "tests"}, schema::DIAGNOSES},
      {{"tests"}, schema::DIAGNOSES},
      {{"ways", "to", "diagnose"}, schema::DIAGNOSES},
  };
  return *kTable;
}

// "ways" / "tips" / "steps" ... before "to prevent": nouns of advice.
bool AdviceNoun(absl::string_view w) {
  return In(w, {"ways", "tips", "steps", "measures", "strategies", "things",
                "methods", "means", "keys"});
}

}  // namespace

void DocumentExtractor::NounCueRules(const SentenceView& v, int index) {
  for (int i = 0; i < v.size(); ++i) {
    if (!v.sentence().tokens[i].is_word || v.mention_at(i) >= 0) continue;
    const NounCue* cue = nullptr;
    int end = -1;
    for (const NounCue& c : NounCues()) {
      end = MatchWords(v, i, c.words);
      if (end < 0) continue;
      if (*c.words.begin() == "?" && !AdviceNoun(v.word(i))) continue;
      cue = &c;
      break;
    }
    if (cue == nullptr) continue;
    // "of" / "for" and a determiner, then the condition.
    // "treatments (available) for (chronic) C".
    int x = end;
    if (In(v.word(x), {"available", "used", "recommended", "offered"})) ++x;
    if (In(v.word(x), {"of", "for"})) ++x;
    x = SkipDeterminersAndDegree(v, x);
    const int m = v.mention_at(x);
    if (m < 0 || v.mentions()[m].first_token != x) continue;
    const Mention& about = v.mentions()[m];
    if (about.type != schema::CONDITION && about.type != schema::SYMPTOM) {
      continue;
    }
    // The verb that opens the list, after an adverb or a modal.
    int verb = about.end_token;
    while (In(v.word(verb), {"usually", "often", "commonly", "typically",
                             "generally", "may", "can", "might", "also",
                             "most", "frequently", "sometimes"})) {
      ++verb;
    }
    // ", including A and B", ", such as A", ", like A".
    if (v.word(verb) == "," &&
        In(v.word(verb + 1), {"including", "such", "like"})) {
      ++verb;
    }
    if (v.word(verb) == "such" && v.word(verb + 1) == "as") ++verb;
    if (!In(v.word(verb), {"include", "includes", "included", "including",
                           "are", "is", "involve", "involves", "as",
                           "like"})) {
      continue;
    }
    // The names a list of this relation holds.
    const Relation r = cue->relation;
    std::vector<int> listed;
    if (r == schema::CAUSES) {
      listed = After(v, verb + 1, {schema::CAUSE, schema::CONDITION}, 3);
    } else if (r == schema::HAS_SYMPTOM) {
      listed = After(v, verb + 1, {schema::SYMPTOM}, 3);
    } else if (r == schema::DIAGNOSES) {
      listed = After(v, verb + 1, {schema::TEST}, 3);
    } else {
      listed = After(v, verb + 1, {schema::TREATMENT}, 3);
    }
    if (listed.empty()) continue;
    const Ref condition = AsCondition(FromMention(about));
    const bool negated = Negated(v, verb);
    const bool hedged = Hedged(v, verb);
    for (int l : listed) {
      const Ref item = FromMention(v.mentions()[l]);
      if (r == schema::HAS_SYMPTOM) {
        Add(condition, r, item, index, "noun_cue", 0.6f, negated, hedged);
      } else {
        Add(item, r, condition, index, "noun_cue", 0.6f, negated, hedged);
      }
    }
    i = verb;
  }
}

}  // namespace mskg::ingest::extraction
