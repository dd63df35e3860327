// ingest/cause_rules.cc
//
// Causes: "A causes / leads to / results from B", causes argued across a
// passage ("This is why ..."), and the cause a section gives for the
// muscle spasms it lists.
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {

void DocumentExtractor::Causes(const SentenceView& v, int index) {
  const std::initializer_list<NodeType> kCauseTypes = {schema::CAUSE,
                                                       schema::CONDITION};
  if (!v.has(kCueCause)) return;
  for (int i = 0; i < v.size(); ++i) {
    if (!v.cue(i, kCueCause) || v.mention_at(i) >= 0) continue;
    int end = -1;
    bool reverse = false;
    if ((end = v.Match(i, {"caused", "by"})) > 0 ||
        (end = v.Match(i, {"caused", "when"})) > 0 ||
        (end = v.Match(i, {"triggered", "by"})) > 0 ||
        (end = v.Match(i, {"due", "to"})) > 0 ||
        (end = v.Match(i, {"result*", "from"})) > 0 ||
        (end = v.Match(i, {"stem*", "from"})) > 0 ||
        (end = v.Match(i, {"because", "of"})) > 0 ||
        (end = v.Match(i, {"brought", "on", "by"})) > 0 ||
        (end = v.Match(i, {"whether", "from"})) > 0 ||
        (end = v.Match(i, {"because"})) > 0) {
      reverse = true;
    } else if ((end = v.Match(i, {"cause"})) > 0 ||
               (end = v.Match(i, {"causes"})) > 0 ||
               (end = v.Match(i, {"caused"})) > 0 ||
               (end = v.Match(i, {"causing"})) > 0 ||
               (end = v.Match(i, {"lead*", "to"})) > 0 ||
               (end = v.Match(i, {"led", "to"})) > 0 ||
               (end = v.Match(i, {"trigger"})) > 0 ||
               (end = v.Match(i, {"triggers"})) > 0 ||
               (end = v.Match(i, {"contribut*", "to"})) > 0 ||
               (end = v.Match(i, {"result*", "in"})) > 0 ||
               (end = v.Match(i, {"give*", "rise", "to"})) > 0 ||
               (end = IntoCue(v, i)) > 0 ||
               (end = v.Match(i, {"susceptible", "to"})) > 0 ||
               (end = v.Match(i, {"prone", "to"})) > 0 ||
               (end = v.Match(i, {"predispose*"})) > 0 ||
               (end = v.Match(i, {"increas*", "the", "risk", "of"})) > 0 ||
               (end = v.Match(i, {"rais*", "the", "risk", "of"})) > 0) {
    } else {
      continue;
    }
    if (v.mention_at(i) >= 0) continue;
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    // "Common causes include A, B and C": the section's condition.
    if (v.word(i) == "causes" && In(v.word(i + 1), {"include", "includes", "are"})) {
      Ref cond = section_condition_.valid() ? section_condition_ : topic_condition_;
      for (int c : After(v, i + 2, kCauseTypes, 10)) {
        Add(FromMention(v.mentions()[c]), schema::CAUSES, cond, index,
            "causes_include", 0.7f, neg, hedge);
      }
      continue;
    }
    if (reverse) {
      std::vector<int> effects =
          Before(v, i, {schema::CONDITION, schema::SYMPTOM});
      std::vector<int> causes = After(v, end, kCauseTypes, 16);
      std::vector<Ref> effect_refs;
      for (int e : effects) effect_refs.push_back(FromMention(v.mentions()[e]));
      // "Secondary Spasm: Results from ...": a list item's description
      // whose subject is left out is about the item, a kind of the
      // document's condition.
      if (effect_refs.empty() && in_item_description_ && i <= 2) {
        if (item_head_.valid() && item_head_.type == schema::CONDITION) {
          effect_refs.push_back(item_head_);
        } else if (section_condition_.valid()) {
          effect_refs.push_back(section_condition_);
        }
      }
      for (const Ref& eff : effect_refs) {
        for (int c : causes) {
          Ref cau = FromMention(v.mentions()[c]);
          if (eff.type == schema::SYMPTOM) {
            Add(cau, schema::HAS_SYMPTOM, eff, index, "caused_by", 0.6f, neg,
                hedge);
          } else {
            Add(cau, schema::CAUSES, eff, index, "caused_by", 0.7f, neg,
                hedge);
          }
        }
      }
      continue;
    }
    std::vector<int> subjects = Before(v, i, kCauseTypes);
    if (subjects.empty() && In(v.word(i), {"susceptible", "prone"})) {
      // "When a muscle is shortened, ... but it is more susceptible to X":
      // the state named earlier in the sentence.
      for (int m = static_cast<int>(v.mentions().size()) - 1; m >= 0; --m) {
        if (v.mentions()[m].end_token <= i &&
            HasType(v.mentions()[m].type, kCauseTypes)) {
          subjects.push_back(m);
          break;
        }
      }
    }
    // "X ... due to factors leading to Y": X is no subject of "leading".
    if (!subjects.empty()) {
      for (int t = v.mentions()[subjects.front()].end_token; t < i; ++t) {
        if (v.Match(t, {"due", "to"}) > 0 ||
            v.Match(t, {"because", "of"}) > 0 ||
            v.Match(t, {"caused", "by"}) > 0) {
          subjects.clear();
          break;
        }
      }
    }
    std::vector<Ref> subject_refs;
    for (int s : subjects) subject_refs.push_back(FromMention(v.mentions()[s]));
    if (subject_refs.empty() && item_head_.valid() &&
        HasType(item_head_.type, kCauseTypes)) {
      subject_refs.push_back(item_head_);
    }
    std::vector<int> objects =
        After(v, end, {schema::CONDITION, schema::SYMPTOM}, 8);
    std::vector<Ref> object_refs;
    for (int o : objects) object_refs.push_back(FromMention(v.mentions()[o]));
    // "A, B and C are common causes.": what they cause is left out, the
    // condition the section is about.
    if (object_refs.empty() && section_condition_.valid() &&
        In(v.word(i), {"causes", "cause"}) &&
        (end >= v.size() || !v.sentence().tokens[end].is_word)) {
      int b = i - 1;
      while (b > 0 && In(v.word(b), {"common", "main", "usual", "typical",
                                     "frequent", "leading", "known", "most",
                                     "possible", "the", "a", "other",
                                     "major", "primary"})) {
        --b;
      }
      if (In(v.word(b), {"are", "is", "were", "was"})) {
        object_refs.push_back(section_condition_);
      }
    }
    // In the description of an item of a list of causes, what causes the
    // list's condition is the item: the examples it names are the item
    // ("Degenerative spine conditions: arthritis or stenosis may contribute
    // to spasms").
    const bool cause_item = in_item_description_ &&
                            item_scope_ == Scope::kCauses &&
                            item_head_.valid() && section_condition_.valid();
    for (const Ref& s : subject_refs) {
      for (const Ref& obj : object_refs) {
        if (cause_item && obj.name == section_condition_.name &&
            s.name != item_head_.name) {
          continue;
        }
        if (obj.type == schema::SYMPTOM) {
          Add(s, schema::HAS_SYMPTOM, obj, index, "causes_symptom", 0.6f, neg,
              hedge);
        } else {
          Add(s, schema::CAUSES, obj, index, "causes", 0.7f, neg, hedge);
        }
      }
    }
  }
}


void DocumentExtractor::Discourse(const SentenceView& v, int index,
                                  bool had_causes) {
  // Sentence-level causal links to the sentences before: a sentence that
  // opens with "Because" explains the previous sentence's condition; one
  // that opens with "So", "Therefore" or "As a result" is the consequence
  // of the previous sentences' causes.
  if (had_causes || index == 0 || v.size() == 0) return;
  const AnalyzedSentence& s = v.sentence();
  if (IsQuestion(s.text)) return;
  const std::initializer_list<NodeType> kCauseTypes = {schema::CAUSE,
                                                       schema::CONDITION};
  auto same_section = [&](int j) {
    for (int k = j + 1; k <= index; ++k) {
      if (doc_.blocks[sentences_[k].sentence.block].kind ==
          BlockKind::kHeading) {
        return false;
      }
    }
    return true;
  };
  const absl::string_view w0 = v.word(0);
  if (w0 == "because" && v.word(1) != "of") {
    const AnalyzedSentence& prev = sentences_[index - 1];
    if (!same_section(index - 1)) return;
    std::vector<Ref> effects;
    for (const Mention& m : prev.mentions) {
      if (m.type == schema::CONDITION) effects.push_back(FromMention(m));
    }
    for (const Mention& c : s.mentions) {
      if (!HasType(c.type, kCauseTypes)) continue;
      for (const Ref& e : effects) {
        Add(FromMention(c), schema::CAUSES, e, index, "because_sentence", 0.5f,
            false, true);
      }
    }
    return;
  }
  const bool consequence =
      In(w0, {"so", "therefore", "consequently", "thus", "hence"}) ||
      (w0 == "as" && v.word(1) == "a" && v.word(2) == "result");
  if (!consequence) return;
  std::vector<Ref> effects;
  for (const Mention& m : s.mentions) {
    if (m.type == schema::CONDITION) effects.push_back(FromMention(m));
  }
  if (effects.empty()) return;
  for (int j = index - 1; j >= 0 && j >= index - 2 && same_section(j); --j) {
    for (const Mention& c : sentences_[j].mentions) {
      if (!HasType(c.type, kCauseTypes)) continue;
      for (const Ref& e : effects) {
        Add(FromMention(c), schema::CAUSES, e, index, "so_sentence", 0.4f,
            false, true);
      }
    }
  }
}

void DocumentExtractor::SectionSpasmCause(const AnalyzedSentence& s,
                                          int index) {
  bool cue = false, generic = false;
  for (const Token& t : s.tokens) {
    if (In(t.lower, {"susceptible", "prone"})) cue = true;
  }
  Ref cause;
  for (const Mention& m : s.mentions) {
    if (m.entry != nullptr && LexiconName(m) == "muscle spasm") generic = true;
    if (generic && cue && m.type == schema::CONDITION &&
        LexiconName(m) != "muscle spasm" && !cause.valid()) {
      cause = FromMention(m);
    }
  }
  if (cause.valid()) section_spasm_cause_ = cause;
  if (!section_spasm_cause_.valid()) return;
  for (const Mention& m : s.mentions) {
    if (m.type == schema::CONDITION && m.entry == nullptr &&
        m.affects_type == schema::MUSCLE && absl::EndsWith(m.name, " spasm")) {
      Add(section_spasm_cause_, schema::CAUSES, FromMention(m), index,
          "section_spasm_cause", 0.5f, false, true);
    }
  }
}

}  // namespace mskg::ingest::extraction
