// ingest/relation_extractor.cc
//
// Rules are general constructions of English over linked entities; each
// claim records the rule that made it. Nothing here names a corpus
// sentence.
#include "ingest/relation_extractor.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/phrase_finder.h"

namespace mskg::ingest {
namespace extraction {
namespace {

// Splits a heading or lead sentence into lower-case words.
std::vector<std::string> LowerWords(absl::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    if (t.is_word) out.push_back(t.lower);
  }
  return out;
}

// The relation a heading or lead sentence announces for what follows.
// Headings may ask ("What causes whiplash?", "How is it treated?"); a lead
// sentence that asks is answered by the text, not by its list.
Scope ScopeOf(absl::string_view text, bool heading = false) {
  absl::string_view t = absl::StripTrailingAsciiWhitespace(text);
  if (!heading && absl::EndsWith(t, "?")) return Scope::kNone;
  const std::vector<std::string> words = LowerWords(text);
  // "Reducing your risk", "How to lower the risk of C": a risk lowered is
  // prevention, not its causes.
  auto has = [&](std::initializer_list<absl::string_view> set) {
    for (const std::string& w : words) {
      if (In(w, set)) return true;
    }
    return false;
  };
  if (has({"risk", "risks", "chance", "chances"}) &&
      has({"reduce", "reducing", "reduces", "lower", "lowering", "lowers",
           "decrease", "decreasing", "minimize", "minimise", "minimizing",
           "minimising", "cut", "cutting"})) {
    return Scope::kPrevents;
  }
  for (const std::string& w : words) {
    if (In(w, {"causes", "cause", "caused", "causing", "risk", "triggers",
               "etiology", "causation", "aetiology"}) ||
        (w == "why" && heading &&
         std::find(words.begin(), words.end(), "get") != words.end())) {
      return Scope::kCauses;
    }
    if (In(w, {"symptoms", "symptom", "signs"})) return Scope::kSymptoms;
    if (absl::StartsWith(w, "diagnos") || In(w, {"tests", "test", "testing"}))
      return Scope::kTests;
    if (absl::StartsWith(w, "prevent") || In(w, {"avoid", "avoiding"}))
      return Scope::kPrevents;
    if (In(w, {"treatment", "treatments", "therapy", "therapies", "drugs",
               "medications", "medication", "management", "managing",
               "surgical", "surgery", "surgeries", "remedies", "relief",
               "treating", "rehabilitation", "rehab", "self-care", "treat",
               "treated", "recovery", "exercises", "stretches", "remedy"}))
      return Scope::kTreats;
    if (In(w, {"functions", "function", "actions", "roles"}))
      return Scope::kFunctions;
  }
  return Scope::kNone;
}

// Whether a lead sentence points to other pages ("For more information:",
// "Related articles:", "See also:", "Further reading:"): its list is links.
bool LeadsToLinks(absl::string_view text) {
  const std::vector<std::string> words = LowerWords(text);
  auto has = [&](std::initializer_list<absl::string_view> set) {
    for (const std::string& w : words) {
      if (In(w, set)) return true;
    }
    return false;
  };
  return words.size() <= 6 &&
         (has({"information", "reading", "resources", "references", "sources",
               "links", "posts", "articles", "related"}) ||
          (has({"see", "read", "learn"}) && has({"also", "more"})));
}

}  // namespace

void DocumentExtractor::SentenceRules(int index) {
  const AnalyzedSentence& s = sentences_[index];
  // A question asserts nothing ("What lifestyle changes can help prevent
  // psoas spasms?"); its answer, in the sentences after it, does.
  if (IsQuestion(s.text)) return;
  SentenceView v(s);
  size_t before = claims_.size();
  Causes(v, index);
  WhenYouCauses(v, index);
  bool had_causes = false;
  for (size_t c = before; c < claims_.size(); ++c) {
    if (claims_[c].relation == schema::CAUSES) had_causes = true;
  }
  Discourse(v, index, had_causes);
  Lists(v, index);
  Treats(v, index);
  StrengthenStretch(v, index);
  PartOf(v, index);
  Antagonist(v, index);
  Attach(v, index);
  Supply(v, index);
  Performs(v, index);
  Stabilizes(v, index);
  Diagnoses(v, index);
  Compensates(v, index);
  Alignment(v, index);
  ConditionDefinition(v, index);
  Solution(v, index);
  PassiveTreats(v, index);
  PurposeAdvice(v, index);
  TreatmentFor(v, index);
  WhatPeopleFeel(v, index);
  ConditionSite(v, index);
  CueRules(v, index);
  NounCueRules(v, index);
}


void DocumentExtractor::KeepTreatsOrPrevents() {
  // Per (subject, object): whether a TREATS / PREVENTS claim of it was read
  // in a section of its own kind.
  struct Sections {
    bool treats = false, prevents = false;
    bool treats_in_kind = false, prevents_in_kind = false;
  };
  absl::flat_hash_map<std::pair<std::string, std::string>, Sections> pairs;
  for (const Claim& c : claims_) {
    if (c.negated) continue;
    Sections& p = pairs[{c.subject.name, c.object.name}];
    if (c.relation == schema::TREATS) {
      p.treats = true;
      p.treats_in_kind |= c.scope == Scope::kTreats;
    } else if (c.relation == schema::PREVENTS) {
      p.prevents = true;
      p.prevents_in_kind |= c.scope == Scope::kPrevents;
    }
  }
  // A pair claimed both ways keeps the relation its own section gives, when
  // only one of them has one: advice under "Prevention" prevents.
  std::vector<Claim> kept;
  kept.reserve(claims_.size());
  for (Claim& c : claims_) {
    if (c.relation == schema::TREATS || c.relation == schema::PREVENTS) {
      auto it = pairs.find({c.subject.name, c.object.name});
      if (it != pairs.end() && it->second.treats && it->second.prevents &&
          it->second.treats_in_kind != it->second.prevents_in_kind) {
        const bool keep_treats = it->second.treats_in_kind;
        if ((c.relation == schema::TREATS) != keep_treats) continue;
      }
    }
    kept.push_back(std::move(c));
  }
  claims_ = std::move(kept);
}

void DocumentExtractor::DropSubsumedClaims() {
  // "Pain" and "pain in the groin" both claimed as symptoms of one
  // condition, or "posture" and "good posture" as what prevents it: the
  // document says one thing, under its more specific name. A claim whose
  // subject (object) is a whole-word part of another claim's subject
  // (object), with the same relation, other end and polarity, is dropped.
  auto lower = [](const std::string& s) {
    return " " + absl::AsciiStrToLower(s) + " ";
  };
  // (relation, negated, other end's name, which side) -> this side's names.
  absl::flat_hash_map<std::tuple<int, bool, std::string, int>,
                      std::vector<std::string>>
      names;
  for (const Claim& c : claims_) {
    names[{c.relation, c.negated, lower(c.object.name), 0}].push_back(
        lower(c.subject.name));
    names[{c.relation, c.negated, lower(c.subject.name), 1}].push_back(
        lower(c.object.name));
  }
  // The sentences of each claim, for a name of several words, which is
  // specific already: said in a sentence where the longer name is not
  // ("physical therapy for whiplash" in the title, "passive physical
  // therapy" in a later section), it is said again, and stays.
  absl::flat_hash_map<std::tuple<int, bool, std::string, std::string>,
                      std::vector<int>>
      sentences_of;
  for (const Claim& c : claims_) {
    sentences_of[{c.relation, c.negated, lower(c.subject.name),
                  lower(c.object.name)}]
        .push_back(c.sentence);
  }
  auto subsumed = [&](const std::string& name, const std::string& other_end,
                      int side, const Claim& c) {
    const auto it = names.find({c.relation, c.negated, other_end, side});
    if (it == names.end()) return false;
    const bool several_words = absl::StrContains(
        absl::string_view(name).substr(1, name.size() - 2), ' ');
    for (const std::string& longer : it->second) {
      if (longer.size() <= name.size() || !absl::StrContains(longer, name)) {
        continue;
      }
      if (!several_words) return true;
      const auto where = sentences_of.find(
          side == 0
              ? std::make_tuple(c.relation, c.negated, longer, other_end)
              : std::make_tuple(c.relation, c.negated, other_end, longer));
      if (where != sentences_of.end() &&
          std::find(where->second.begin(), where->second.end(), c.sentence) !=
              where->second.end()) {
        return true;
      }
    }
    return false;
  };
  // Only clinical names: a bone and a part of it named after it ("femur",
  // "lesser trochanter of the femur") are two places.
  auto clinical = [](NodeType t) {
    return t == schema::CAUSE || t == schema::CONDITION ||
           t == schema::SYMPTOM || t == schema::TREATMENT ||
           t == schema::TEST;
  };
  std::vector<Claim> kept;
  kept.reserve(claims_.size());
  for (Claim& c : claims_) {
    const std::string s = lower(c.subject.name), o = lower(c.object.name);
    if ((clinical(c.subject.type) && subsumed(s, o, 0, c)) ||
        (clinical(c.object.type) && subsumed(o, s, 1, c))) {
      continue;
    }
    kept.push_back(std::move(c));
  }
  claims_ = std::move(kept);
}

Scope DocumentExtractor::HeadingScope(const AnalyzedSentence& s,
                                      int level) {
  // Headings nest: a deeper heading with no relation of its own ("### Stay
  // active" under "## Prevention") is part of the section it falls under,
  // unless it names a condition of its own ("### Tennis elbow" starts a
  // section anew). Headings of one level are siblings: in plain text,
  // where every heading has one level, a heading ends the section before
  // it (inheriting there cost precision on unseen articles). The title
  // (level 1) scopes no section.
  const Scope own = ScopeOf(s.text, /*heading=*/true);
  while (!open_headings_.empty() && open_headings_.back().level >= level) {
    open_headings_.pop_back();
  }
  if (level <= 1) return own;
  bool names_condition = false;
  for (const Mention& m : s.mentions) {
    if (m.type == schema::CONDITION || m.type == schema::SYMPTOM) {
      names_condition = true;
    }
  }
  Scope scope = own;
  if (own == Scope::kNone && !names_condition && !open_headings_.empty()) {
    scope = open_headings_.back().scope;
  }
  open_headings_.push_back({level, scope});
  return scope;
}

schema::DocumentClaims DocumentExtractor::Run(
    const ClaimModel* model, std::vector<std::string>* features) {
  FindTopic();
  int current_block = -1;
  for (size_t idx = 0; idx < sentences_.size(); ++idx) {
    const AnalyzedSentence& s = sentences_[idx];
    const int index = static_cast<int>(idx);
    const Block& block = doc_.blocks[s.sentence.block];
    const bool new_block = s.sentence.block != current_block;
    current_block = s.sentence.block;
    sentence_had_treats_ = false;
    sentence_had_diagnoses_ = false;
    for (const Mention& m : s.mentions) {
      Ref r = FromMention(m);
      mentions_.push_back(r);
      if (!m.affects.empty()) {
        Ref target;
        target.type = m.affects_type;
        target.name = m.affects;
        Add(r, schema::AFFECTS, target, index,
            m.entry == nullptr ? "muscle_state" : "condition_name", 0.8f);
        if (!m.affects_also.empty()) {
          target.name = m.affects_also;
          Add(r, schema::AFFECTS, target, index, "muscle_comparison", 0.7f);
        }
      }
    }
    SectionSpasmCause(s, index);
    if (block.kind == BlockKind::kHeading) {
      section_spasm_cause_ = Ref();
      section_scope_ = HeadingScope(s, block.level);
      if (heading_list_scope_ != Scope::kNone) {
        bool own = section_scope_ != Scope::kNone;
        for (const Mention& m : s.mentions) {
          if (m.type == schema::CONDITION || m.type == schema::SYMPTOM) {
            own = true;
          }
        }
        if (own) {
          heading_list_scope_ = Scope::kNone;
        } else {
          section_scope_ = heading_list_scope_;
        }
      }
      if (lead_scope_ != Scope::kNone && new_block &&
          section_scope_ == Scope::kNone &&
          s.sentence.block == lead_block_ + 1) {
        heading_list_scope_ = lead_scope_;
        section_scope_ = lead_scope_;
      }
      lead_scope_ = Scope::kNone;
      items_are_links_ = false;
      section_condition_ = Ref();
      section_condition_also_ = Ref();
      section_muscle_ = Ref();
      CoordinatedConditions(s, &section_condition_, &section_condition_also_);
      for (const Mention& m : s.mentions) {
        if (m.type == schema::CONDITION && !section_condition_.valid()) {
          section_condition_ = FromMention(m);
        }
        if (m.type == schema::MUSCLE && !section_muscle_.valid()) {
          section_muscle_ = FromMention(m);
        }
      }
      // "Causes of neck pain": a symptom a section is about is its
      // condition.
      for (const Mention& m : s.mentions) {
        if (m.type == schema::SYMPTOM && !section_condition_.valid()) {
          section_condition_ = AsCondition(FromMention(m));
        }
      }
      if (!section_condition_.valid()) {
        section_condition_ = topic_condition_;
        section_condition_also_ = topic_condition_also_;
      }
      if (!section_muscle_.valid()) section_muscle_ = topic_muscle_;
      item_head_ = Ref();
      item_label_.clear();
      in_item_description_ = false;
      SentenceRules(index);
    } else if (block.kind == BlockKind::kListItem) {
      if (new_block) {
        item_head_ = Ref();
        item_label_.clear();
        item_scope_ = Scope::kNone;
        in_item_description_ = false;
        Scope scope = lead_scope_ != Scope::kNone ? lead_scope_ : section_scope_;
        if (items_are_links_) scope = Scope::kNone;
        if (block.level == 0) {
          item_scope_ = scope;
          nested_scope_ = Scope::kNone;
        } else {
          item_scope_ = nested_scope_;
        }
      }
      if (s.sentence.is_label || (new_block && block.label_size == 0)) {
        NodeType type = schema::NODE_TYPE_UNSPECIFIED;
        switch (item_scope_) {
          case Scope::kCauses: type = schema::CAUSE; break;
          case Scope::kSymptoms: type = schema::SYMPTOM; break;
          case Scope::kTests: type = schema::TEST; break;
          case Scope::kTreats:
          case Scope::kPrevents: type = schema::TREATMENT; break;
          case Scope::kFunctions: type = schema::ACTION; break;
          case Scope::kNone: break;
        }
        if (type != schema::NODE_TYPE_UNSPECIFIED &&
            (s.sentence.is_label || s.tokens.size() <= 10)) {
          std::vector<Ref> heads = CoordinatedHeads(s, type);
          if (heads.empty()) heads.push_back(HeadRef(s, type));
          const Ref head = heads.front();
          if (block.level == 0 && head.valid()) nested_scope_ = item_scope_;
          for (const Ref& h : heads) {
            AddListed(h, index);
            AddComposedTreatment(h, index);
          }
          if (head.valid()) item_head_ = head;
          if (s.sentence.is_label) {
            item_head_ = head;
            in_item_description_ = true;
            // A label that is no single name ("Muscle Tightness and
            // Spasms") gives each of its entities of the list's kind.
            if (!head.valid()) SectionText(s, index);
            continue;
          }
        } else if (type != schema::NODE_TYPE_UNSPECIFIED) {
          // A longer item: its lead phrase and examples.
          for (const AnalyzedSentence& phrase : ItemPhrases(s)) {
            const Ref head = HeadRef(phrase, type);
            AddListed(head, index);
            AddComposedTreatment(head, index);
            if (head.valid() && !item_head_.valid()) item_head_ = head;
          }
        }
        if (s.sentence.is_label) {
          // An unscoped label ("Origin:", "Hip Flexion:").
          item_head_ = Ref();
          if (const LexiconEntry* e = linker_->MatchWhole(s.text)) {
            item_head_ = FromEntry(*e);
          }
          item_label_ = absl::AsciiStrToLower(s.text);
          in_item_description_ = true;
          continue;
        }
      }
      in_item_description_ = true;
      if (block.level == 0 &&
          absl::EndsWith(absl::StripTrailingAsciiWhitespace(s.text), ":")) {
        const Scope led = ScopeOf(s.text);
        nested_scope_ = led != Scope::kNone ? led : item_scope_;
      }
      // In scoped items, muscle states in the description are causes too.
      if (item_scope_ == Scope::kCauses) {
        for (const Mention& m : s.mentions) {
          if (m.type == schema::CONDITION && m.entry == nullptr &&
              m.affects_type == schema::MUSCLE) {
            Add(FromMention(m), schema::CAUSES, section_condition_, index,
                "section_list_state", 0.6f, false, true);
          }
        }
      }
      SentenceRules(index);
    } else {
      // Paragraph or table row.
      item_head_ = Ref();
      item_label_.clear();
      in_item_description_ = false;
      if (new_block) {
        lead_scope_ = Scope::kNone;
        items_are_links_ = false;
      }
      SentenceRules(index);
      // A lead sentence ending in ':' scopes the list after it.
      absl::string_view text = absl::StripTrailingAsciiWhitespace(s.text);
      if (absl::EndsWith(text, ":")) {
        lead_scope_ = ScopeOf(text);
        lead_block_ = s.sentence.block;
        // "Related treatments:" still lists treatments.
        items_are_links_ = lead_scope_ == Scope::kNone && LeadsToLinks(text);
      }
    }
    if (block.kind != BlockKind::kHeading &&
        !(items_are_links_ && block.kind == BlockKind::kListItem)) {
      SectionText(s, index);
      TopicPairs(s, index);
    }
    // A sentence that opens with a pronoun keeps the subject it stands for
    // ("It can ... . It also ...").
    if (s.tokens.empty() ||
        !In(s.tokens[0].lower, {"it", "they", "this", "these", "both"})) {
      prev_subject_ = Ref();
      const int opening =
          !s.tokens.empty() && In(s.tokens[0].lower, {"the", "a", "an"}) ? 1
                                                                          : 0;
      if (block.kind != BlockKind::kHeading && !s.mentions.empty() &&
          s.mentions.front().first_token == opening &&
          HasType(s.mentions.front().type,
                  {schema::TREATMENT, schema::CAUSE, schema::CONDITION})) {
        prev_subject_ = FromMention(s.mentions.front());
        prev_subject_block_ = s.sentence.block;
      }
    }
    for (const Mention& m : s.mentions) {
      if (m.type == schema::MUSCLE) prev_muscle_ = FromMention(m);
      if (m.type == schema::CONDITION && m.affects_type == schema::MUSCLE &&
          m.entry == nullptr) {
        prev_muscle_.type = schema::MUSCLE;
        prev_muscle_.name = m.affects;
      }
    }
  }
  // The model's decisions, before the rules that build on other claims: a
  // chain has only accepted claims as its links.
  if (model != nullptr) {
    std::vector<Claim> kept;
    kept.reserve(claims_.size());
    claim_keys_.clear();
    for (Claim& c : claims_) {
      if (model->Decides(c.rule)) {
        const double p = model->Probability(Features(c));
        if (p < model->threshold()) continue;
        c.confidence = static_cast<float>(p);
      }
      claim_keys_.insert(
          ClaimKey(c.subject, c.relation, c.object, c.sentence, c.negated));
      kept.push_back(std::move(c));
    }
    claims_ = std::move(kept);
  }
  // Causal chains argued in a passage: A causes B and, within two
  // sentences, B causes C, so A causes C (gold README "Implied causal
  // shortcuts").
  // Claims are indexed by subject, and new ones added after each round (Add
  // may move claims_).
  for (int round = 0; round < 3; ++round) {
    const size_t n = claims_.size();
    absl::flat_hash_map<absl::string_view, std::vector<size_t>> by_subject;
    for (size_t b = 0; b < n; ++b) {
      if (claims_[b].relation == schema::CAUSES && !claims_[b].negated) {
        by_subject[claims_[b].subject.name].push_back(b);
      }
    }
    std::vector<std::pair<size_t, size_t>> chains;
    for (size_t a = 0; a < n; ++a) {
      const Claim& ab = claims_[a];
      if (ab.relation != schema::CAUSES || ab.negated) continue;
      auto it = by_subject.find(ab.object.name);
      if (it == by_subject.end()) continue;
      for (size_t b : it->second) {
        const Claim& bc = claims_[b];
        if (bc.sentence < ab.sentence || bc.sentence - ab.sentence > 2) {
          continue;
        }
        chains.emplace_back(a, b);
      }
    }
    for (const auto& [a, b] : chains) {
      const Ref s = claims_[a].subject, o = claims_[b].object;
      const int sentence = claims_[b].sentence;
      Add(s, schema::CAUSES, o, sentence, "causal_chain", 0.4f, false, true);
    }
    if (claims_.size() == n) break;
  }
  // What strengthens or stretches a group glossed by one member works on
  // that member.
  for (size_t c = 0, n = claims_.size(); c < n && !glossed_groups_.empty();
       ++c) {
    if (claims_[c].relation != schema::STRENGTHENS &&
        claims_[c].relation != schema::STRETCHES) {
      continue;
    }
    for (const auto& [group, member] : glossed_groups_) {
      if (claims_[c].object.name != group.name) continue;
      const Claim claim = claims_[c];
      Add(claim.subject, claim.relation, member, claim.sentence,
          "glossed_group", 0.5f, claim.negated, claim.hedged);
    }
  }
  // Treatments named after what they strengthen or stretch.
  for (size_t c = 0, n = claims_.size(); c < n; ++c) {
    Ref s = claims_[c].subject;
    AddComposedTreatment(s, claims_[c].sentence);
  }

  KeepTreatsOrPrevents();
  DropSubsumedClaims();
  // For training: the features of every claim of the result, in order.
  if (features != nullptr) {
    for (const Claim& c : claims_) {
      features->push_back(absl::StrJoin(Features(c), " "));
    }
  }
  schema::DocumentClaims out;
  out.set_document_id(id_);
  // Moves the strings out of `r` (claims_ and mentions_ are not read again).
  auto set_key = [](Ref& r, schema::NodeKey* key) {
    key->set_type(r.type);
    if (!r.alias.empty() && r.alias != r.name) {
      key->add_aliases(std::move(r.alias));
    }
    key->set_name(std::move(r.name));
  };
  out.mutable_claims()->Reserve(static_cast<int>(claims_.size()));
  for (Claim& c : claims_) {
    schema::Claim* claim = out.add_claims();
    set_key(c.subject, claim->mutable_subject());
    claim->set_relation(c.relation);
    set_key(c.object, claim->mutable_object());
    schema::Provenance* p = claim->mutable_provenance();
    const AnalyzedSentence& s = sentences_[c.sentence];
    p->set_document_id(id_);
    p->set_begin(s.sentence.begin);
    p->set_end(s.sentence.end);
    p->set_sentence(s.text);
    p->set_rule(std::move(c.rule));
    p->set_confidence(c.confidence);
    p->set_polarity(c.negated ? schema::NEGATED : schema::AFFIRMED);
    p->set_hedged(c.hedged);
  }
  // Each node once, a muscle state with its other names ("QL spasm" for
  // quadratus lumborum spasm), so that lay names find it.
  absl::flat_hash_set<std::pair<int, std::string>> seen;
  for (Ref& r : mentions_) {
    if (!seen.insert({r.type, r.name}).second) continue;
    schema::NodeKey* key = out.add_mentions();
    if (!r.state.empty()) {
      for (const std::string& a :
           linker_->StateAliases(r.state, r.state_prefix, r.affects)) {
        if (a != r.name) key->add_aliases(a);
      }
    }
    set_key(r, key);
  }
  return out;
}

}  // namespace extraction

using extraction::NodeType;
using extraction::Relation;

bool TypesAllowed(Relation relation, NodeType s, NodeType o) {
  using namespace schema;  // NOLINT: enum constants.
  switch (relation) {
    case ORIGINATES_FROM:
    case INSERTS_ON:
    case ATTACHES_TO:
    case STABILIZES:
      return s == MUSCLE && o == STRUCTURE;
    case PERFORMS:
      return s == MUSCLE && o == ACTION;
    case PART_OF:
    case ANTAGONIST_OF:
    case COMPENSATES_FOR:
      return s == MUSCLE && o == MUSCLE;
    case INNERVATED_BY:
      return s == MUSCLE && o == NERVE;
    case SUPPLIED_BY:
      return s == MUSCLE && o == VESSEL;
    case CAUSES:
      return (s == CAUSE || s == CONDITION) && o == CONDITION;
    case HAS_SYMPTOM:
      return s == CONDITION && o == SYMPTOM;
    case AFFECTS:
      return s == CONDITION && (o == MUSCLE || o == STRUCTURE);
    case TREATS:
    case PREVENTS:
      return s == TREATMENT && o == CONDITION;
    case STRENGTHENS:
    case STRETCHES:
      return s == TREATMENT && o == MUSCLE;
    case DIAGNOSES:
      return s == TEST && o == CONDITION;
    default:
      return false;
  }
}

std::vector<AnalyzedSentence> AnalyzeSentences(
    const EntityLinker& linker, const StructuredText& doc,
    const std::vector<Sentence>& split) {
  std::vector<AnalyzedSentence> sentences;
  sentences.reserve(split.size());
  LinkerState state;
  for (const Sentence& s : split) {
    AnalyzedSentence a;
    a.sentence = s;
    a.text = std::string(SentenceText(doc, s));
    a.tokens = Tokenize(a.text);
    a.mentions = linker.Link(a.tokens, &state);
    sentences.push_back(std::move(a));
  }
  std::vector<std::vector<Mention>*> mentions;
  mentions.reserve(sentences.size());
  for (AnalyzedSentence& a : sentences) mentions.push_back(&a.mentions);
  OneNamePerDocument(mentions);
  return sentences;
}

schema::DocumentClaims RelationExtractor::Extract(
    absl::string_view document_id, const StructuredText& doc,
    const std::vector<AnalyzedSentence>& sentences) const {
  extraction::DocumentExtractor extractor(linker_, document_id, doc, sentences);
  return extractor.Run(&ClaimModel::Embedded());
}

}  // namespace mskg::ingest
