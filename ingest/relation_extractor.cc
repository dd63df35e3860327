// ingest/relation_extractor.cc
//
// Rules are general constructions of English over linked entities; each
// claim records the rule that made it. Nothing here names a corpus
// sentence.
#include "ingest/relation_extractor.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
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

}  // namespace

bool IsCoordinator(absl::string_view w) {
  return In(w, {",", "and", "or", "the", "a", "an", "your", "other", "-",
                "as", "well", "even", "also", "both", "either", "particularly",
                "especially", "namely", "sometimes", "including", "like",
                "such", "/", "my", "their", "its"});
}

uint32_t CueFamilies(absl::string_view w) {
  // (first two letters) -> 1 + bucket of (prefix, family), or 0.
  struct Index {
    uint8_t bucket_of[1 + 26 * 26] = {};
    std::vector<std::vector<std::pair<absl::string_view, uint32_t>>> buckets;
  };
  static const Index* const kIndex = [] {
    // Each family's prefixes; every one starts with two lower-case letters.
    struct Family {
      uint32_t bit;
      const char* prefixes;  // Space-separated.
    };
    static constexpr Family kFamilies[] = {
        {kCueCause,
         "caus trigger due result stem because brought whether lead led "
         "contribut give put send sent throw threw susceptible prone "
         "predispose increas rais"},
        {kCueTreat,
         "prevent reduc lower treat reliev relief alleviat manag eas correct "
         "resolv relax sooth help recommend"},
        {kCueExercise, "strength stretch"},
        {kCueOppose, "oppos antagonist counteract offset counterbalanc"},
        {kCueSide, "front anterior back posterior rear"},
        {kCueAttach, "originat arise arising insert attach"},
        {kCueSupply, "innervat suppl blood"},
        {kCueStabilize, "stabil stable steady support keep kept hold held"},
        {kCueDiagnose, "diagnos detect confirm"},
        {kCueCompensate, "compensat overcompensat"},
        {kCuePull, "pull yank drag"},
        {kCueSolution, "solution fix remed cure answer"},
        {kCuePassive,
         "treated relieved managed eased alleviated corrected resolved fixed "
         "helped improved addressed reversed soothed prevented avoided"},
        {kCueList, "include symptom sign"},
    };
    auto* index = new Index();
    for (const Family& family_prefixes : kFamilies) {
      const uint32_t family = family_prefixes.bit;
      for (absl::string_view p :
           absl::StrSplit(family_prefixes.prefixes, ' ')) {
        const int key = 1 + (p[0] - 'a') * 26 + (p[1] - 'a');
        uint8_t& bucket = index->bucket_of[key];
        if (bucket == 0) {
          index->buckets.emplace_back();
          bucket = static_cast<uint8_t>(index->buckets.size());
        }
        index->buckets[bucket - 1].emplace_back(p, family);
      }
    }
    return index;
  }();
  if (w.size() < 2) return 0;
  const unsigned a = static_cast<unsigned char>(w[0]) - 'a';
  const unsigned b = static_cast<unsigned char>(w[1]) - 'a';
  if (a >= 26 || b >= 26) return 0;
  const uint8_t bucket = kIndex->bucket_of[1 + a * 26 + b];
  if (bucket == 0) return 0;
  uint32_t families = 0;
  for (const auto& [prefix, family] : kIndex->buckets[bucket - 1]) {
    if (absl::StartsWith(w, prefix)) families |= family;
  }
  return families;
}

int IntoCue(const SentenceView& v, int i) {
  absl::string_view w = v.word(i);
  if (!(absl::StartsWith(w, "put") || absl::StartsWith(w, "send") ||
        w == "sent" || absl::StartsWith(w, "throw") || w == "threw")) {
    return -1;
  }
  for (int j = i + 2; j <= i + 4 && j < v.size(); ++j) {
    if (v.word(j) == "into") return j + 1;
    if (!v.sentence().tokens[j].is_word) return -1;
  }
  return -1;
}

Ref DocumentExtractor::FromEntry(const LexiconEntry& e) const {
  Ref r;
  r.type = e.type;
  r.name = e.name;
  return r;
}

Ref DocumentExtractor::FromMention(const Mention& m) const {
  // The article's topic under any type the text gives it ("neck pain").
  if (topic_condition_.valid() && m.name == topic_condition_.name) {
    return topic_condition_;
  }
  // A generic spasm in a document about one muscle's spasm is that spasm.
  if (m.entry != nullptr && m.type == schema::CONDITION &&
      LexiconName(m) == "muscle spasm" && topic_condition_.valid() &&
      absl::EndsWith(topic_condition_.name, " spasm")) {
    return topic_condition_;
  }
  Ref r;
  r.type = m.type;
  r.name = m.name;
  r.alias = m.alias;
  r.affects = m.affects;
  r.affects_type = m.affects_type;
  r.state = m.state;
  r.state_prefix = m.state_prefix;
  r.open = m.open;
  return r;
}

std::string DocumentExtractor::ClaimKey(const Ref& s, Relation r,
                                        const Ref& o, int sentence,
                                        bool negated) {
  return absl::StrCat(s.name, "\t", static_cast<int>(r), "\t", o.name, "\t",
                      sentence, negated ? "!" : "");
}

void DocumentExtractor::Add(const Ref& s, Relation r, const Ref& o,
                            int sentence, absl::string_view rule,
                            float confidence, bool negated, bool hedged) {
  if (!s.valid() || !o.valid()) return;
  if (s.name == o.name) return;
  if (!TypesAllowed(r, s.type, o.type)) return;
  if (!claim_keys_.insert(ClaimKey(s, r, o, sentence, negated)).second) {
    return;
  }
  claims_.push_back({s, r, o, sentence, std::string(rule), confidence, negated,
                     hedged, ScopeAt(sentence)});
  if (r == schema::TREATS || r == schema::PREVENTS) {
    if (r == schema::TREATS) sentence_had_treats_ = true;
  }
  if (r == schema::DIAGNOSES) sentence_had_diagnoses_ = true;
  // A section about two conditions at once ("Sprains and strains"): what
  // it says of the one its sentence leaves unnamed, it says of both.
  const Ref& also = section_condition_also_;
  if (also.valid() && (s.name == section_condition_.name ||
                       o.name == section_condition_.name)) {
    for (const Mention& m : sentences_[sentence].mentions) {
      if (m.name == section_condition_.name || m.name == also.name) return;
    }
    Add(s.name == section_condition_.name ? also : s, r,
        o.name == section_condition_.name ? also : o, sentence, rule,
        confidence, negated, hedged);
  }
}

Scope DocumentExtractor::ScopeAt(int index) const {
  if (doc_.blocks[sentences_[index].sentence.block].kind ==
          BlockKind::kListItem &&
      item_scope_ != Scope::kNone) {
    return item_scope_;
  }
  return section_scope_;
}

bool DocumentExtractor::IsGroup(const Mention& m) const {
  if (m.type != schema::MUSCLE) return false;
  if (m.is_group) return true;
  const std::string& n = m.name;
  return absl::EndsWith(n, "muscles") || absl::EndsWith(n, "ors") ||
         absl::EndsWith(n, "ings") || absl::EndsWith(n, "ceps") ||
         absl::EndsWith(n, "utes") || absl::EndsWith(n, "cuff");
}

std::vector<int> DocumentExtractor::Before(
    const SentenceView& v, int cue, std::initializer_list<NodeType> types) const {
  std::vector<int> out;
  const auto& ms = v.mentions();
  int found = -1;
  for (int m = static_cast<int>(ms.size()) - 1; m >= 0; --m) {
    if (ms[m].end_token > cue) continue;
    if (v.clause(ms[m].first_token) != v.clause(cue)) break;
    if (HasType(ms[m].type, types)) {
      found = m;
      break;
    }
  }
  if (found < 0) return out;
  out.push_back(found);
  int from = ms[found].first_token;
  for (int m = found - 1; m >= 0; --m) {
    if (ms[m].end_token > from) {
      // Same span: states of several muscles ("<A and B> ... spasms").
      if (ms[m].first_token == ms[found].first_token &&
          HasType(ms[m].type, types)) {
        out.push_back(m);
      }
      continue;
    }
    bool coordinated = true;
    int depth = 0;
    for (int t = ms[m].end_token; t < from; ++t) {
      absl::string_view w = v.word(t);
      if (w == "(") ++depth;
      if (w == ")") {
        --depth;
        continue;
      }
      if (depth > 0) continue;
      if (!IsCoordinator(w)) coordinated = false;
    }
    if (!coordinated || !HasType(ms[m].type, types)) break;
    out.push_back(m);
    from = ms[m].first_token;
  }
  return out;
}

std::vector<int> DocumentExtractor::After(const SentenceView& v, int cue,
                                          std::initializer_list<NodeType> types,
                                          int max_gap) const {
  std::vector<int> out;
  const auto& ms = v.mentions();
  int found = -1;
  for (size_t m = 0; m < ms.size(); ++m) {
    if (ms[m].first_token < cue) continue;
    if (v.clause(ms[m].first_token) != v.clause(cue)) break;
    if (ms[m].first_token - cue > max_gap) break;
    bool barrier = false;
    for (int t = cue; t < ms[m].first_token; ++t) {
      if (In(v.word(t), {"which", "because", "when", "if", "while", "that"}))
        barrier = true;
    }
    if (barrier) break;
    if (HasType(ms[m].type, types)) {
      found = static_cast<int>(m);
      break;
    }
  }
  if (found < 0) return out;
  out.push_back(found);
  int to = ms[found].end_token;
  for (size_t m = found + 1; m < ms.size(); ++m) {
    if (ms[m].first_token < to) {
      if (HasType(ms[m].type, types) && ms[m].first_token == ms[found].first_token)
        out.push_back(static_cast<int>(m));
      continue;
    }
    bool coordinated = true;
    int depth = 0;
    for (int t = to; t < ms[m].first_token; ++t) {
      absl::string_view w = v.word(t);
      if (w == "(") ++depth;
      if (w == ")") {
        --depth;
        continue;
      }
      if (depth > 0) continue;
      if (!IsCoordinator(w)) coordinated = false;
    }
    // A parenthesis right after a mention restates it: skip its content.
    if (v.word(to) == "(") {
      int close = to;
      while (close < v.size() && v.word(close) != ")") ++close;
      if (ms[m].first_token < close) continue;
    }
    if (!coordinated) break;
    if (HasType(ms[m].type, types)) out.push_back(static_cast<int>(m));
    to = ms[m].end_token;
  }
  return out;
}

bool DocumentExtractor::Negated(const SentenceView& v, int cue) const {
  // A negation near the cue in its clause: up to six words before it (not
  // across "because", "which", ...), or after it up to the next entity or
  // subordinate clause ("... is not advised"). A negation in a neighbouring
  // clause ("The QL doesn't just go into spasm alone. It goes into spasm
  // because ...") does not negate the cue.
  const int c = v.clause(cue);
  auto is_negation = [&](int i) {
    if (v.mention_at(i) >= 0 && v.mentions()[v.mention_at(i)].type ==
                                    schema::CONDITION) {
      return false;  // "aren't strong enough" inside a muscle state.
    }
    absl::string_view w = v.word(i);
    return In(w, {"not", "never", "cannot", "no", "nor"}) ||
           absl::EndsWith(w, "n't");
  };
  auto is_barrier = [&](int i) {
    return In(v.word(i), {"because", "which", "since", "when", "if", ".",
                          "?", "!", "who", "whereas"});
  };
  for (int i = cue; i >= 0 && i >= cue - 6 && v.clause(i) == c; --i) {
    if (i < cue && is_barrier(i)) break;
    if (is_negation(i)) return true;
  }
  for (int i = cue + 1; i < v.size() && v.clause(i) == c; ++i) {
    if (is_barrier(i)) break;
    const int m = v.mention_at(i);
    if (m >= 0 && HasType(v.mentions()[m].type,
                          {schema::CONDITION, schema::CAUSE})) {
      break;
    }
    if (is_negation(i)) return true;
  }
  return false;
}

bool DocumentExtractor::Hedged(const SentenceView& v, int cue) const {
  return v.ClauseHedged(v.clause(cue));
}

Ref DocumentExtractor::Anaphor(const SentenceView& v) const {
  absl::string_view w0 = v.word(0);
  const bool pronoun =
      In(w0, {"it", "its", "they", "their"}) ||
      ((w0 == "the" || w0 == "this") &&
       (v.word(1) == "muscle" || v.word(1) == "muscles"));
  if (pronoun && prev_muscle_.valid()) return prev_muscle_;
  if (in_item_description_ && topic_muscle_.valid()) {
    if (section_muscle_.valid()) return section_muscle_;
    return topic_muscle_;
  }
  return Ref();
}

Ref DocumentExtractor::HeadRef(const AnalyzedSentence& label,
                               NodeType type) const {
  // Strip parentheses: "MRI (Magnetic Resonance Imaging)" -> "MRI".
  std::string head;
  int depth = 0;
  for (char c : label.text) {
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth == 0) head.push_back(c);
  }
  head = std::string(absl::StripAsciiWhitespace(head));
  while (!head.empty() && (head.back() == ':' || head.back() == '.')) {
    head.pop_back();
  }
  if (head.empty()) return Ref();
  // A single mention covering the whole head (outside parentheses).
  int words = 0;
  for (const Token& t : Tokenize(head)) words += t.is_word ? 1 : 0;
  if (const LexiconEntry* e = linker_->MatchWhole(head)) {
    Ref r = FromEntry(*e);
    // Named as the label writes it, as the linker names clinical terms
    // (NameAsWritten), unless it is a muscle state.
    if (IsClinical(e->type) && label.mentions.size() == 1 &&
        label.mentions[0].entry == e && label.mentions[0].state.empty()) {
      r = FromMention(label.mentions[0]);
    }
    if (TypesAllowed(schema::CAUSES, r.type, schema::CONDITION) ||
        r.type == type) {
      return r;
    }
    if (type == schema::SYMPTOM && r.type == schema::CONDITION) return r;
  }
  for (const Mention& m : label.mentions) {
    if (m.first_token == 0 && m.entry == nullptr &&
        m.end_token >= static_cast<int>(label.tokens.size()) - 1 &&
        m.type == schema::CONDITION) {
      return FromMention(m);
    }
  }
  int last_word = static_cast<int>(label.tokens.size()) - 1;
  while (last_word >= 0 && !label.tokens[last_word].is_word) --last_word;
  // "Sharp or Dull Lower Back Pain": qualities before a term of the list's
  // kind leave the term.
  for (const Mention& m : label.mentions) {
    if (m.type != type || m.entry == nullptr || m.end_token != last_word + 1 ||
        m.first_token == 0) {
      continue;
    }
    bool qualities = true;
    for (int t = 0; t < m.first_token; ++t) {
      if (!In(label.tokens[t].lower,
              {"sharp", "dull", "mild", "moderate", "severe", "chronic",
               "acute", "intermittent", "constant", "persistent", "occasional",
               "recurring", "recurrent", "generalized", "localized", "or",
               "and", ","})) {
        qualities = false;
      }
    }
    if (qualities) return FromMention(m);
  }
  // "Strengthen Core Muscles", "Stretch the Hamstrings": the exercise.
  if (type == schema::TREATMENT && !label.tokens.empty() &&
      In(label.tokens[0].lower, {"strengthen", "stretch"})) {
    SentenceView v(label);
    std::vector<int> muscles = After(v, 1, {schema::MUSCLE}, 2);
    if (!muscles.empty() &&
        v.mentions()[muscles.back()].end_token == last_word + 1) {
      return ExerciseFor(label.tokens[0].lower == "stretch"
                             ? schema::STRETCHES
                             : schema::STRENGTHENS,
                         v, muscles);
    }
  }
  if (words == 0 || words > 8) return Ref();
  // A head that opens with a verb or function word is a clause ("Is
  // severe", "Comes with headache"), not a name; only advice is written
  // as an imperative ("Stay active").
  const Token* first_word = nullptr;
  for (const Token& t : label.tokens) {
    if (t.is_word) {
      first_word = &t;
      break;
    }
  }
  // A gerund opens a name of an activity ("Playing on artificial turf").
  if (type != schema::TREATMENT && first_word != nullptr &&
      BreaksNounPhrase(first_word->lower) &&
      !absl::EndsWith(first_word->lower, "ing")) {
    return Ref();
  }
  Ref r;
  r.type = type;
  r.name = absl::AsciiStrToLower(head);
  return r;
}

void DocumentExtractor::AddComposedTreatment(const Ref& t, int sentence) {
  // "hamstring strengthening", "core strengthening exercises".
  if (t.type != schema::TREATMENT) return;
  if (t.name.find("strength") == std::string::npos &&
      t.name.find("stretch") == std::string::npos) {
    return;
  }
  if (!composed_done_.insert(t.name).second) return;
  std::vector<Token> tokens = Tokenize(t.name);
  bool strengthen = false, stretch = false;
  for (const Token& tok : tokens) {
    if (absl::StartsWith(tok.lower, "strength")) strengthen = true;
    if (absl::StartsWith(tok.lower, "stretch")) stretch = true;
  }
  if (!strengthen && !stretch) return;
  // The muscles the name names, without the exercise words ("core" of
  // "core strengthening exercises", itself a lexicon name).
  tokens.erase(std::remove_if(
                   tokens.begin(), tokens.end(),
                   [](const Token& tok) {
                     return absl::StartsWith(tok.lower, "strength") ||
                            absl::StartsWith(tok.lower, "stretch") ||
                            In(tok.lower, {"exercises", "exercise", "training",
                                           "routine", "routines", "program"});
                   }),
               tokens.end());
  LinkerState state;
  for (const Mention& m : linker_->Link(tokens, &state)) {
    if (m.type != schema::MUSCLE) continue;
    Ref muscle = FromMention(m);
    Add(t, strengthen ? schema::STRENGTHENS : schema::STRETCHES, muscle,
        sentence, "treatment_name", 0.7f);
  }
}

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

void DocumentExtractor::Lists(const SentenceView& v, int index) {
  if (!v.has(kCueList)) return;
  // "<kind> include(s) A, B and C" / "other factors include ...".
  for (int i = 0; i + 1 < v.size(); ++i) {
    absl::string_view w = v.word(i);
    // "(accompanied by) symptoms like/such as/including numbness".
    if (!w.empty() && w[0] == 's' && In(w, {"symptoms", "signs"}) &&
        (In(v.word(i + 1), {"like", "including"}) ||
         (v.word(i + 1) == "such" && v.word(i + 2) == "as"))) {
      Ref cond =
          section_condition_.valid() ? section_condition_ : topic_condition_;
      for (int c : After(v, i + 2, {schema::SYMPTOM}, 3)) {
        Add(cond, schema::HAS_SYMPTOM, FromMention(v.mentions()[c]), index,
            "symptoms_like", 0.5f, Negated(v, i), Hedged(v, i));
      }
      continue;
    }
    if (!In(v.word(i + 1), {"include", "includes"})) continue;
    Ref cond = section_condition_.valid() ? section_condition_ : topic_condition_;
    if (!cond.valid()) return;
    if (In(w, {"factors", "triggers", "culprits"})) {
      for (int c : After(v, i + 2, {schema::CAUSE, schema::CONDITION}, 10)) {
        Add(FromMention(v.mentions()[c]), schema::CAUSES, cond, index,
            "factors_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    } else if (In(w, {"symptoms", "signs"})) {
      for (int c : After(v, i + 2, {schema::SYMPTOM}, 10)) {
        Add(cond, schema::HAS_SYMPTOM, FromMention(v.mentions()[c]), index,
            "symptoms_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    } else if (In(w, {"treatments", "options", "therapies"})) {
      for (int c : After(v, i + 2, {schema::TREATMENT}, 10)) {
        Add(FromMention(v.mentions()[c]), schema::TREATS, cond, index,
            "treatments_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    }
  }
}

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
      for (int s : Before(v, i, {schema::TREATMENT})) {
        subjects.push_back(FromMention(v.mentions()[s]));
      }
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

void DocumentExtractor::PartOf(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  for (size_t g = 0; g < ms.size(); ++g) {
    if (ms[g].type != schema::MUSCLE || !IsGroup(ms[g])) continue;
    Ref group = FromMention(ms[g]);
    int t = ms[g].end_token;
    // "<group> (A and B)", "<group> (which include A and B)".
    bool members_follow = false;
    int limit = t;
    if (v.word(t) == "(") {
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

void DocumentExtractor::SentenceRules(int index) {
  const AnalyzedSentence& s = sentences_[index];
  // A question asserts nothing ("What lifestyle changes can help prevent
  // psoas spasms?"); its answer, in the sentences after it, does.
  if (IsQuestion(s.text)) return;
  SentenceView v(s);
  size_t before = claims_.size();
  Causes(v, index);
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
  CueRules(v, index);
}

void DocumentExtractor::AddListed(const Ref& head, int index) {
  const Ref& cond = section_condition_;
  switch (item_scope_) {
    case Scope::kCauses:
      Add(head, schema::CAUSES, cond, index, "section_list", 0.8f);
      break;
    case Scope::kSymptoms:
      Add(cond, schema::HAS_SYMPTOM, head, index, "section_list", 0.8f);
      break;
    case Scope::kTests:
      Add(head, schema::DIAGNOSES, cond, index, "section_list", 0.8f);
      break;
    case Scope::kTreats:
      Add(head, schema::TREATS, cond, index, "section_list", 0.8f);
      break;
    case Scope::kPrevents:
      Add(head, schema::PREVENTS, cond, index, "section_list", 0.8f);
      break;
    case Scope::kFunctions:
      Add(section_muscle_, schema::PERFORMS, head, index,
          "section_list", 0.7f);
      break;
    case Scope::kNone:
      break;
  }
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
      section_scope_ = ScopeOf(s.text, /*heading=*/true);
      lead_scope_ = Scope::kNone;
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
        if (block.level == 0) item_scope_ = scope;
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
          Ref head = HeadRef(s, type);
          AddListed(head, index);
          AddComposedTreatment(head, index);
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
      if (new_block) lead_scope_ = Scope::kNone;
      SentenceRules(index);
      // A lead sentence ending in ':' scopes the list after it.
      absl::string_view text = absl::StripTrailingAsciiWhitespace(s.text);
      if (absl::EndsWith(text, ":")) {
        lead_scope_ = ScopeOf(text);
      }
    }
    if (block.kind != BlockKind::kHeading) {
      SectionText(s, index);
      TopicPairs(s, index);
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
