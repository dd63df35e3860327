// ingest/document_extractor.h (private to //ingest:relation_extractor)
//
// The machinery shared by the extraction rules: a sentence's token and
// mention view, node references, and DocumentExtractor, which runs every
// rule over one document. relation_extractor.cc holds the document walk
// (headings, list items, paragraphs, the claim model's decisions);
// each rule family defines its members of DocumentExtractor in a file of
// its own: extractor_support.cc (shared helpers), cause_rules.cc,
// treatment_rules.cc, anatomy_rules.cc, list_rules.cc, alignment_rules.cc,
// solution_rules.cc, group_rules.cc, cue_rules.cc, section_rules.cc,
// topic_rules.cc and claim_features.cc. Not part of the package's API.
#ifndef MSKG_INGEST_DOCUMENT_EXTRACTOR_H_
#define MSKG_INGEST_DOCUMENT_EXTRACTOR_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/claim_model.h"
#include "ingest/document_reader.h"
#include "ingest/entity_linker.h"
#include "ingest/relation_extractor.h"
#include "ingest/tokenizer.h"
#include "ingest/word_set.h"
#include "schema/graph.pb.h"

namespace mskg::ingest::extraction {

using schema::NodeType;
using schema::Relation;

// A node as claims name it.
struct Ref {
  NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  std::string name;
  std::string alias;
  std::string affects;  // Condition: the muscle or structure it affects.
  NodeType affects_type = schema::NODE_TYPE_UNSPECIFIED;
  // A muscle state (Mention::state): its state word and whether it comes
  // first; empty otherwise.
  absl::string_view state;
  bool state_prefix = false;
  bool open = false;  // An open-vocabulary phrase (phrase_finder.h).
  bool valid() const { return !name.empty(); }
};

enum class Scope {
  kNone,
  kCauses,
  kSymptoms,
  kTests,
  kTreats,
  kPrevents,
  kFunctions
};

inline bool HasType(NodeType t, std::initializer_list<NodeType> set) {
  for (NodeType s : set) {
    if (t == s) return true;
  }
  return false;
}

// Families of cue words. SentenceView finds, in one pass, which families
// start a word of the sentence, so that a rule whose cues are absent returns
// at once and the others test one bit a token.
enum CueFamily : uint32_t {
  kCueCause = 1u << 0,       // "caused by", "leads to", "put into", ...
  kCueTreat = 1u << 1,       // "relieves", "prevents", "recommended", ...
  kCueExercise = 1u << 2,    // "strengthen", "stretch"
  kCueOppose = 1u << 3,      // "opposes", "antagonist", ...
  kCueSide = 1u << 4,        // "front", "back", ...
  kCueAttach = 1u << 5,      // "originates", "inserts", "attaches"
  kCueSupply = 1u << 6,      // "innervated", "supplied", "blood"
  kCueStabilize = 1u << 7,   // "stabilizes", "supports", "keeps ... aligned"
  kCueDiagnose = 1u << 8,    // "diagnose", "detect", "confirm"
  kCueCompensate = 1u << 9,  // "(over)compensates"
  kCuePull = 1u << 10,       // "pulls", "drags"
  kCueSolution = 1u << 11,   // "solution", "fix", "remedy", ...
  kCuePassive = 1u << 12,    // "treated", "relieved", "prevented", ...
  kCueList = 1u << 13,       // "include", "symptoms", "signs"
};

// Returns the CueFamily bits of the families with a cue prefix that starts
// `w` (lower case).
uint32_t CueFamilies(absl::string_view w);

// A token range [first, end) of a sentence.
class SentenceView {
 public:
  explicit SentenceView(const AnalyzedSentence& s) : s_(s) {
    const int n = static_cast<int>(s.tokens.size());
    at_.assign(n, -1);
    for (size_t m = 0; m < s.mentions.size(); ++m) {
      for (int t = s.mentions[m].first_token;
           t < s.mentions[m].end_token && t < n; ++t) {
        if (at_[t] < 0) at_[t] = static_cast<int>(m);
      }
    }
    clause_.assign(n, 0);
    cue_.assign(n, 0);
    int c = 0;
    for (int i = 0; i < n; ++i) {
      const std::string& w = s.tokens[i].lower;
      if (s.tokens[i].is_word) {
        cue_[i] = CueFamilies(w);
        cues_ |= cue_[i];
      }
      if ((w.size() == 1 && (w[0] == ';' || w[0] == ':')) ||
          (at_[i] < 0 && In(w, {"but", "while", "whereas", "although", "though",
                                "however", "so"}))) {
        ++c;
      }
      clause_[i] = c;
    }
  }
  int size() const { return static_cast<int>(s_.tokens.size()); }
  ABSL_ATTRIBUTE_ALWAYS_INLINE absl::string_view word(int i) const {
    return i >= 0 && i < size() ? absl::string_view(s_.tokens[i].lower)
                                : absl::string_view();
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE int mention_at(int i) const {
    return i >= 0 && i < size() ? at_[i] : -1;
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE int clause(int i) const {
    if (size() == 0) return 0;
    return clause_[std::clamp(i, 0, size() - 1)];
  }
  const std::vector<Mention>& mentions() const { return s_.mentions; }
  // Whether a word of the sentence has a cue of `family`; whether word i
  // does.
  bool has(uint32_t family) const { return (cues_ & family) != 0; }
  uint32_t cues() const { return cues_; }
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool cue(int i, uint32_t family) const {
    return i >= 0 && i < size() && (cue_[i] & family) != 0;
  }
  // Whether clause `c` has a hedge ("may", "might", "could", ...); computed
  // once per sentence, on first use.
  bool ClauseHedged(int c) const {
    if (!hedges_done_) {
      hedges_done_ = true;
      for (int i = 0; i < size(); ++i) {
        if (In(word(i), {"may", "might", "could", "possibly", "perhaps",
                         "potentially", "sometimes", "probably", "likely"})) {
          const int k = clause_[i];
          if (static_cast<int>(hedged_.size()) <= k) hedged_.resize(k + 1, 0);
          hedged_[k] = 1;
        }
      }
    }
    return c >= 0 && c < static_cast<int>(hedged_.size()) && hedged_[c] != 0;
  }
  const AnalyzedSentence& sentence() const { return s_; }

  // Matches `pattern` at token i; "x*" matches words starting with x, "?"
  // any one word. Returns the end, or -1.
  int Match(int i, std::initializer_list<absl::string_view> pattern) const {
    for (absl::string_view p : pattern) {
      absl::string_view w = word(i);
      if (w.empty()) return -1;
      if (p[0] != w[0] && p != "?") return -1;  // Cheap first-byte test.
      if (p == "?") {
        if (!s_.tokens[i].is_word) return -1;
      } else if (p.back() == '*') {
        if (!absl::StartsWith(w, p.substr(0, p.size() - 1))) return -1;
      } else if (w != p) {
        return -1;
      }
      ++i;
    }
    return i;
  }

 private:
  const AnalyzedSentence& s_;
  std::vector<int> at_;
  std::vector<int> clause_;
  std::vector<uint32_t> cue_;  // Token -> CueFamily bits.
  uint32_t cues_ = 0;          // Of the whole sentence.
  mutable bool hedges_done_ = false;
  mutable std::vector<char> hedged_;  // Clause -> hedged.
};

// Matches `words` at token i of `v` ("x*" any word that starts with x, "?"
// any word); returns the end, or -1. For cue tables held in vectors.
int MatchWords(const SentenceView& v, int i,
               const std::vector<absl::string_view>& words);

// The first token at or after j that is no determiner or degree word of a
// condition's name ("the", "your", "chronic", "severe"): where the name of
// "treatments for (a) (chronic) C" begins.
int SkipDeterminersAndDegree(const SentenceView& v, int j);

// Whether a sentence asks rather than says ("Can heat relieve it?").
inline bool IsQuestion(absl::string_view text) {
  return absl::EndsWith(absl::StripTrailingAsciiWhitespace(text), "?");
}

// The lexicon's canonical name of a mention (which the mention itself may
// name as the text does, entity_linker.h), else its name.
inline absl::string_view LexiconName(const Mention& m) {
  return m.entry != nullptr ? absl::string_view(m.entry->name)
                            : absl::string_view(m.name);
}

// The phrases a list item longer than a name lists (section_rules.cc): its
// lead, the words before the first dash, comma, colon or parenthesis
// ("Being female - possibly due to ..."), if it has at most eight words,
// and the examples that follow it ("..., such as soccer, football and
// skiing"). Empty if the item has no such lead.
std::vector<AnalyzedSentence> ItemPhrases(const AnalyzedSentence& s);

// Whether `w` may join coordinated mentions ("A, B and the C").
bool IsCoordinator(absl::string_view w);

// Whether `w` can open an imperative (solution_rules.cc): a verb form, or a
// verb that is a noun too ("use", "keep", "wear", "stretch").
bool IsAdviceVerb(absl::string_view w);

// "Wear good shoes and stretch your calves": a verb after "and" / "or"
// shares the subject of the verb it is coordinated with, so the mentions
// between that verb and the cue at `cue` (its object) are no subject of the
// cue; drops them from `mentions` (extractor_support.cc).
void DropObjectsOfCoordinatedVerb(const SentenceView& v, int cue,
                                  std::vector<int>* mentions);

// Whether `words` stands in `text` as whole words ("shin splints" in
// "crippling shin splints", not "splint" in "splints").
bool ContainsWords(absl::string_view text, absl::string_view words);

// The token spans [first, end) of the activities that the gerund phrase
// opening the clause of token `cue` names, when that phrase is the cue's
// subject (gerund_subjects.cc): "Lifting heavy boxes or twisting your back
// can cause ..." gives "Lifting heavy boxes" and "twisting your back".
// Empty if the clause opens otherwise.
std::vector<std::pair<int, int>> GerundSubjects(const SentenceView& v, int cue);

// The group of people a risk is of (risk_groups.cc), named as written: the
// end of the group that begins at token `from` ("women over the age of 50",
// "older adults", "runners"), or -1; and the start of the group the clause
// of `cue` opens with, the cue's subject ("Women are 3 times more likely
// ... to develop C"), or -1.
int RiskGroupEnd(const SentenceView& v, int from);
int RiskGroupBefore(const SentenceView& v, int cue);

// A cheap pre-filter for cue words: a rule tries its patterns
// (SentenceView::Match) only at tokens that start with one of its cue
// prefixes (each pattern's first word, or its stem for "x*" patterns). The
// prefixes are bucketed by their first two letters, so most words are
// rejected by one table lookup. The prefixes must cover every pattern's first
// word: the filter only skips tokens where no pattern could match.
class CueFilter {
 public:
  // REQUIRES: every prefix starts with two lower-case ASCII letters, and
  // outlives the filter.
  explicit CueFilter(const std::vector<absl::string_view>& prefixes) {
    for (absl::string_view p : prefixes) {
      uint8_t& bucket = bucket_of_[Key(p)];
      if (bucket == 0) {
        buckets_.emplace_back();
        bucket = static_cast<uint8_t>(buckets_.size());
      }
      buckets_[bucket - 1].push_back(p);
    }
  }
  bool MaybeCue(absl::string_view w) const {
    if (w.size() < 2) return false;
    const uint8_t bucket = bucket_of_[Key(w)];
    if (bucket == 0) return false;
    for (absl::string_view p : buckets_[bucket - 1]) {
      if (absl::StartsWith(w, p)) return true;
    }
    return false;
  }

 private:
  // The two first letters as an index of bucket_of_; every other byte pair
  // (digits, punctuation, UTF-8) goes to slot 0, which no prefix uses.
  static int Key(absl::string_view w) {
    const unsigned a = static_cast<unsigned char>(w[0]) - 'a';
    const unsigned b = static_cast<unsigned char>(w[1]) - 'a';
    return a < 26 && b < 26 ? 1 + static_cast<int>(a * 26 + b) : 0;
  }
  // (first two letters) -> 1 + index into buckets_, or 0. A small table
  // (677 bytes) so that the filters of all rules stay in the L1 cache.
  uint8_t bucket_of_[1 + 26 * 26] = {};
  std::vector<std::vector<absl::string_view>> buckets_;
};

// "put/send/throw <up to three words> into": returns the end, or -1.
int IntoCue(const SentenceView& v, int i);

struct Claim {
  Ref subject;
  Relation relation;
  Ref object;
  int sentence;
  std::string rule;
  float confidence;
  bool negated;
  bool hedged;
  // The section's kind where the claim was read (claim_features.cc).
  Scope scope = Scope::kNone;
};

class DocumentExtractor {
 public:
  DocumentExtractor(const EntityLinker* linker, absl::string_view id,
                    const StructuredText& doc,
                    const std::vector<AnalyzedSentence>& sentences)
      : linker_(linker), id_(id), doc_(doc), sentences_(sentences) {}

  // Runs every rule; keeps the candidates that `model` accepts (all of them
  // if it is null), each with the model's probability as its confidence.
  // If `features` is not null, appends one line of features per claim of
  // the result, in order (for training the model).
  schema::DocumentClaims Run(const ClaimModel* model = nullptr,
                             std::vector<std::string>* features = nullptr);

 private:
  Ref FromMention(const Mention& m) const;
  Ref FromEntry(const LexiconEntry& e) const;
  Ref HeadRef(const AnalyzedSentence& label, NodeType type) const;
  // The names a list item coordinates ("Neck pain and stiffness"), when
  // each conjunct is a name of `type`; empty otherwise.
  std::vector<Ref> CoordinatedHeads(const AnalyzedSentence& label,
                                    NodeType type) const;
  static std::string ClaimKey(const Ref& s, Relation r, const Ref& o,
                              int sentence, bool negated);
  void Add(const Ref& s, Relation r, const Ref& o, int sentence,
           absl::string_view rule, float confidence, bool negated = false,
           bool hedged = false);
  void AddComposedTreatment(const Ref& t, int sentence);
  // `head`, listed in an item of the current list's kind, in that kind's
  // relation with the section's condition.
  void AddListed(const Ref& head, int index);

  // Mentions of `types` before token `cue` in its clause: the nearest and
  // those coordinated with it.
  std::vector<int> Before(const SentenceView& v, int cue,
                          std::initializer_list<NodeType> types) const;
  std::vector<int> After(const SentenceView& v, int cue,
                         std::initializer_list<NodeType> types,
                         int max_gap = 6) const;
  bool Negated(const SentenceView& v, int cue) const;
  bool Hedged(const SentenceView& v, int cue) const;
  bool IsGroup(const Mention& m) const;
  // The muscle a pronoun or bare subject refers to, if any.
  Ref Anaphor(const SentenceView& v) const;

  void SentenceRules(int index);
  // topic_rules.cc: the article's topic condition and muscle.
  void FindTopic();
  // The first two conditions of `s` joined by "and", "or" or a comma, as
  // `*first` and `*second`; unchanged if there are none.
  void CoordinatedConditions(const AnalyzedSentence& s, Ref* first,
                             Ref* second) const;
  // `r` as a condition: a symptom that an article or section is about
  // ("Neck pain") is the condition it discusses.
  static Ref AsCondition(Ref r);
  void Causes(const SentenceView& v, int index);
  void SectionSpasmCause(const AnalyzedSentence& s, int index);
  void Discourse(const SentenceView& v, int index, bool had_causes);
  void Treats(const SentenceView& v, int index);
  void Lists(const SentenceView& v, int index);
  void StrengthenStretch(const SentenceView& v, int index);
  void PartOf(const SentenceView& v, int index);
  void Antagonist(const SentenceView& v, int index);
  void Attach(const SentenceView& v, int index);
  void Supply(const SentenceView& v, int index);
  void Performs(const SentenceView& v, int index);
  void Stabilizes(const SentenceView& v, int index);
  void Diagnoses(const SentenceView& v, int index);
  void Compensates(const SentenceView& v, int index);

  // alignment_rules.cc: muscles pulling bones and joints out of place, and
  // conditions defined by what happens to a structure.
  void Alignment(const SentenceView& v, int index);
  void ConditionDefinition(const SentenceView& v, int index);
  // The misalignment or dysfunction the lexicon names for `structure`
  // ("sacroiliac joint" -> sacroiliac joint dysfunction), or invalid.
  Ref JointCondition(absl::string_view structure) const;
  // The joint whose alignment the text is about: the latest structure, in
  // sentence `index` or the few before it, that has a JointCondition().
  Ref JointUnderDiscussion(int index) const;

  // solution_rules.cc: treatments given as the answer to a condition.
  void Solution(const SentenceView& v, int index);
  void PassiveTreats(const SentenceView& v, int index);
  void PurposeAdvice(const SentenceView& v, int index);
  // clause_cause_rules.cc: "C happens when you overstretch a muscle".
  void WhenYouCauses(const SentenceView& v, int index);
  // experience_rules.cc: "suggest T for C", "people with C feel S".
  void TreatmentFor(const SentenceView& v, int index);
  void WhatPeopleFeel(const SentenceView& v, int index);
  // site_rules.cc: "osteoarthritis in the knee" -> AFFECTS the knee.
  void ConditionSite(const SentenceView& v, int index);
  // The condition that "this problem" names at sentence `index`: the latest
  // condition of the sentences just before it in its section, else the
  // section's or the document's condition.
  Ref ConditionUnderDiscussion(int index) const;
  // The condition a solution is for, written at token `j` of `v` (sentence
  // `index`): "this problem" (ConditionUnderDiscussion) or "(a|the) <C>".
  // Sets `*target` and returns the token after it, or -1 if none.
  int ProblemAt(const SentenceView& v, int j, int index, Ref* target) const;
  // The exercise that `rel` (STRENGTHENS or STRETCHES) names for the muscle
  // mentions `muscles` of `v`: "hamstring strengthening" for one muscle,
  // "strengthening exercises" / "stretching" for several.
  Ref ExerciseFor(Relation rel, const SentenceView& v,
                  const std::vector<int>& muscles) const;
  // Advice in the imperative that opens with the verb "stretch" or
  // "strengthen" at `cue` ("Stretch your chest muscles"), named as written
  // up to the last of `muscles`; invalid otherwise.
  Ref AdviceAsWritten(const SentenceView& v, int cue,
                      const std::vector<int>& muscles) const;
  // The treatment of mention `mention`, or, for the generic "stretching"
  // or "strengthening" followed by muscles ("stretching the calves"), the
  // exercise for them.
  Ref TreatmentOrExercise(const SentenceView& v, int mention) const;
  // The state `state` ("tight") of muscle `muscle`, as the linker names it.
  Ref MuscleState(absl::string_view state, bool prefix,
                  const Ref& muscle) const;

  // section_rules.cc: entities named under a heading of a relation's kind
  // ("Symptoms", "Treatment") stand in it to the section's condition.
  void SectionText(const AnalyzedSentence& s, int index);
  // Every entity of a clinical kind in sentence `index` with the section's
  // condition, in the relation its kind suggests: candidates for the
  // model, which weighs whether the text supports them.
  void TopicPairs(const AnalyzedSentence& s, int index);

  // Of a (subject, object) pair claimed both as TREATS and as PREVENTS,
  // keeps only the relation that a section of its own kind claims, if only
  // one does.
  void KeepTreatsOrPrevents();
  // Drops a claim another claim of the document says under a longer name
  // that contains its name.
  void DropSubsumedClaims();

  // The section's kind at sentence `index`: its list item's, inside a
  // scoped list, else the section's.
  Scope ScopeAt(int index) const;

  // claim_features.cc: the model's features of a claim.
  std::vector<std::string> Features(const Claim& c) const;

  // cue_rules.cc: the general table of relation cues (verbs, nouns,
  // prepositions) with their arguments from the clause around them.
  void CueRules(const SentenceView& v, int index);
  // noun_cue_rules.cc: "Causes of C include A and B", "Symptoms of C
  // are ...", "Ways to prevent C include ...".
  void NounCueRules(const SentenceView& v, int index);

  // group_rules.cc: a group named after its action ("hip flexors") defined
  // by its members performs that action, and so do the members.
  void GroupActions(const Mention& group, const std::vector<Ref>& members,
                    int index);

  const EntityLinker* linker_;
  std::string id_;
  const StructuredText& doc_;
  const std::vector<AnalyzedSentence>& sentences_;

  std::vector<Claim> claims_;
  absl::flat_hash_set<std::string> claim_keys_;
  absl::flat_hash_set<std::string> composed_done_;
  std::vector<Ref> mentions_;

  // Context.
  Ref topic_condition_;
  Ref topic_muscle_;
  Scope section_scope_ = Scope::kNone;
  // The relation scope of heading `s` at `level`, with the headings open
  // above it (HeadingScope in relation_extractor.cc).
  Scope HeadingScope(const AnalyzedSentence& s, int level);
  struct OpenHeading {
    int level;
    Scope scope;
  };
  std::vector<OpenHeading> open_headings_;
  Ref section_condition_;
  // The second of two conditions a section (or the title) is about at
  // once ("Sprains and strains"); claims of the first are made of it too.
  Ref section_condition_also_;
  Ref topic_condition_also_;
  Ref section_muscle_;
  // "Several muscles are susceptible to spasms when <C>": C causes each
  // muscle's spasm named in the section.
  Ref section_spasm_cause_;
  Scope lead_scope_ = Scope::kNone;
  // The scope of a paragraph ending in ':' that headings follow ("Here are
  // a few tips for preventing it:" then "Rest", "Stay hydrated"): those
  // headings are the items it leads, until one has a scope or a condition
  // of its own.
  Scope heading_list_scope_ = Scope::kNone;
  int lead_block_ = -1;  // The block of the sentence that set lead_scope_.
  // A lead ending in ':' that points elsewhere ("For more information:",
  // "Related posts:"): the list after it is links, which say nothing.
  bool items_are_links_ = false;
  Ref item_head_;           // The label of the current list item.
  std::string item_label_;  // Its text, lower case.
  Scope item_scope_ = Scope::kNone;
  // The scope the items nested in the current outer item take: the outer
  // item's own when it names a thing of its list's kind (its sub-items are
  // kinds or examples of it) or when it ends with ':' (it leads them).
  Scope nested_scope_ = Scope::kNone;
  Ref prev_muscle_;  // Last muscle of earlier sentences.
  // The treatment or cause the previous sentence of the same paragraph
  // opens with ("Cold therapy slows circulation."), which a pronoun subject
  // of the next one stands for ("It can reduce swelling."); and its block.
  Ref prev_subject_;
  int prev_subject_block_ = -1;
  // Groups glossed by a single member, "the hip abductors (gluteus
  // medius)": (group, member).
  std::vector<std::pair<Ref, Ref>> glossed_groups_;
  bool in_item_description_ = false;
  // What Features() needs of the document, built on its first call: how
  // many sentences name each entity, and per sentence its cue families and
  // whether it names the topic.
  struct SentenceFacts {
    uint32_t cues = 0;
    bool names_topic = false;
  };
  void BuildFacts() const;
  mutable absl::flat_hash_map<std::string, int> sentences_naming_;
  mutable std::vector<SentenceFacts> sentence_facts_;
  bool sentence_had_treats_ = false;
  bool sentence_had_diagnoses_ = false;
};

}  // namespace mskg::ingest::extraction

#endif  // MSKG_INGEST_DOCUMENT_EXTRACTOR_H_
