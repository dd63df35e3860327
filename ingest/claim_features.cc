// ingest/claim_features.cc
//
// The features of a candidate claim that the claim model (claim_model.h)
// weighs. All are general: which rule proposed the claim and for which
// relation and types, the kind of section it was read in and whether that
// kind is the relation's, whether its sentence has a cue of the relation's
// family, negation and hedging, whether an argument is the section's or
// article's condition or an open-vocabulary phrase, the block it was read
// in, how long the other argument's name is and how often the article
// names it, and where in the article the sentence is.
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

absl::string_view ScopeName(Scope s) {
  switch (s) {
    case Scope::kNone: return "none";
    case Scope::kCauses: return "causes";
    case Scope::kSymptoms: return "symptoms";
    case Scope::kTests: return "tests";
    case Scope::kTreats: return "treats";
    case Scope::kPrevents: return "prevents";
    case Scope::kFunctions: return "functions";
  }
  return "none";
}

bool ScopeMatches(Scope s, Relation r) {
  switch (s) {
    case Scope::kCauses: return r == schema::CAUSES;
    case Scope::kSymptoms: return r == schema::HAS_SYMPTOM;
    case Scope::kTests: return r == schema::DIAGNOSES;
    case Scope::kTreats:
      return r == schema::TREATS || r == schema::STRENGTHENS ||
             r == schema::STRETCHES;
    case Scope::kPrevents: return r == schema::PREVENTS;
    case Scope::kFunctions: return r == schema::PERFORMS;
    case Scope::kNone: return false;
  }
  return false;
}

// The cue families that state `r`.
uint32_t CuesOf(Relation r) {
  switch (r) {
    case schema::CAUSES: return kCueCause | kCuePull;
    case schema::HAS_SYMPTOM: return kCueList | kCueCause;
    case schema::TREATS:
    case schema::PREVENTS: return kCueTreat | kCuePassive | kCueSolution;
    case schema::STRENGTHENS:
    case schema::STRETCHES: return kCueExercise;
    case schema::DIAGNOSES: return kCueDiagnose;
    case schema::ORIGINATES_FROM:
    case schema::INSERTS_ON:
    case schema::ATTACHES_TO: return kCueAttach;
    case schema::STABILIZES: return kCueStabilize;
    case schema::ANTAGONIST_OF: return kCueOppose;
    case schema::COMPENSATES_FOR: return kCueCompensate;
    default: return 0;
  }
}

const char* Bucket(int n) {
  return n <= 1 ? "1" : n == 2 ? "2" : n <= 4 ? "3-4" : "5+";
}

}  // namespace

void DocumentExtractor::BuildFacts() const {
  sentence_facts_.resize(sentences_.size());
  for (size_t i = 0; i < sentences_.size(); ++i) {
    const AnalyzedSentence& t = sentences_[i];
    sentence_facts_[i].cues = SentenceView(t).cues();
    absl::flat_hash_set<absl::string_view> seen;
    for (const Mention& m : t.mentions) {
      if (seen.insert(m.name).second) ++sentences_naming_[m.name];
      if (topic_condition_.valid() && m.name == topic_condition_.name) {
        sentence_facts_[i].names_topic = true;
      }
    }
  }
}

std::vector<std::string> DocumentExtractor::Features(const Claim& c) const {
  std::vector<std::string> f;
  f.reserve(24);
  const std::string rel(schema::Relation_Name(c.relation));
  f.push_back("bias");
  f.push_back(absl::StrCat("rule=", c.rule));
  f.push_back(absl::StrCat("rel=", rel));
  f.push_back(absl::StrCat("rule&rel=", c.rule, "&", rel));
  f.push_back(absl::StrCat("types=", NodeTypeLabel(c.subject.type), ">",
                           NodeTypeLabel(c.object.type)));
  f.push_back(absl::StrCat("scope=", ScopeName(c.scope)));
  const bool scope_match = ScopeMatches(c.scope, c.relation);
  f.push_back(absl::StrCat("scope_match=", scope_match, "&", rel));
  const AnalyzedSentence& s = sentences_[c.sentence];
  const Block& block = doc_.blocks[s.sentence.block];
  const char* kind = block.kind == BlockKind::kHeading    ? "heading"
                     : block.kind == BlockKind::kListItem ? "item"
                                                          : "text";
  f.push_back(absl::StrCat("block=", kind));
  f.push_back(absl::StrCat("block&rel=", kind, "&", rel));
  f.push_back(absl::StrCat("rule&scope=", c.rule, "&", scope_match));
  f.push_back(absl::StrCat("rule&block=", c.rule, "&", kind));
  if (sentence_facts_.empty()) BuildFacts();
  const SentenceFacts& facts = sentence_facts_[c.sentence];
  const bool cued = (facts.cues & CuesOf(c.relation)) != 0;
  f.push_back(absl::StrCat("cued=", cued, "&", rel));
  f.push_back(absl::StrCat("cued&rule=", cued, "&", c.rule));
  if (c.negated) f.push_back("negated");
  if (c.hedged) f.push_back("hedged");
  if (IsQuestion(s.text)) f.push_back("question");
  const bool s_topic = topic_condition_.valid() &&
                       c.subject.name == topic_condition_.name;
  const bool o_topic = topic_condition_.valid() &&
                       c.object.name == topic_condition_.name;
  if (s_topic) f.push_back("s_topic");
  if (o_topic) f.push_back("o_topic");
  if (c.subject.open) f.push_back("s_open");
  if (c.object.open) f.push_back("o_open");
  // The argument that is not the topic (the object if neither is).
  const Ref& other = s_topic ? c.object : c.subject;
  int words = 1;
  for (char ch : other.name) words += ch == ' ' ? 1 : 0;
  f.push_back(absl::StrCat("words=", Bucket(words)));
  auto it = sentences_naming_.find(other.name);
  const int named = it == sentences_naming_.end() ? 0 : it->second;
  f.push_back(absl::StrCat("named=", Bucket(named)));
  const bool topic_in_sentence = facts.names_topic;
  if (topic_in_sentence) f.push_back("topic_in_sentence");
  f.push_back(absl::StrCat("rule&topic_in_sentence=", c.rule, "&",
                           topic_in_sentence));
  f.push_back(absl::StrCat("rule&named=", c.rule, "&", Bucket(named)));
  f.push_back(absl::StrCat("rule&open=", c.rule, "&",
                           c.subject.open || c.object.open));
  const int third =
      sentences_.empty()
          ? 0
          : 3 * c.sentence / static_cast<int>(sentences_.size());
  f.push_back(absl::StrCat("third=", third));
  return f;
}

}  // namespace mskg::ingest::extraction
