// ingest/extractor_support.cc
//
// The machinery the rule families share: cue families of words, node
// references from mentions and lexicon rows, adding a claim (once, with its
// section's kind), the mentions before and after a cue in its clause,
// negation, hedges and anaphora.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/document_naming.h"

namespace mskg::ingest::extraction {

bool ContainsWords(absl::string_view text, absl::string_view words) {
  if (words.empty() || words.size() > text.size()) return false;
  for (size_t at = text.find(words); at != absl::string_view::npos;
       at = text.find(words, at + 1)) {
    const size_t end = at + words.size();
    if ((at == 0 || text[at - 1] == ' ') &&
        (end == text.size() || text[end] == ' ')) {
      return true;
    }
  }
  return false;
}

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

void DocumentExtractor::Add(const Ref& s_in, Relation r, const Ref& o_in,
                            int sentence, absl::string_view rule,
                            float confidence, bool negated, bool hedged) {
  // "The injury", "a tear": a bare word for any injury is the one the
  // section is about.
  auto resolved = [&](const Ref& x) -> const Ref& {
    return x.type == schema::CONDITION && In(x.name, {"injury", "tear"}) &&
                   section_condition_.valid()
               ? section_condition_
               : x;
  };
  const Ref& s = resolved(s_in);
  const Ref& o = resolved(o_in);
  if (!s.valid() || !o.valid()) return;
  if (s.name == o.name) return;
  if (!TypesAllowed(r, s.type, o.type)) return;
  // "ACL injuries cause ACL injury" names one thing twice. (Number changes
  // a name by a few letters at most: most pairs need no key.)
  const size_t longer = std::max(s.name.size(), o.name.size());
  const size_t shorter = std::min(s.name.size(), o.name.size());
  if (longer - shorter <= 8 &&
      absl::ascii_tolower(s.name[0]) == absl::ascii_tolower(o.name[0]) &&
      SingularKey(s.name) == SingularKey(o.name)) {
    return;
  }
  // "sciatica pain", "crippling shin splints": a symptom named by the
  // condition itself is the condition, not a symptom of it.
  if (r == schema::HAS_SYMPTOM && ContainsWords(o.name, s.name)) return;
  // "palsy" and "long thoracic nerve palsy": the head names the kind, so
  // neither causes the other.
  if (r == schema::CAUSES &&
      (absl::EndsWith(o.name, absl::StrCat(" ", s.name)) ||
       absl::EndsWith(s.name, absl::StrCat(" ", o.name)))) {
    return;
  }
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

void DropObjectsOfCoordinatedVerb(const SentenceView& v, int cue,
                                  std::vector<int>* mentions) {
  if (cue < 2 || !In(v.word(cue - 1), {"and", "or"})) return;
  int verb = cue - 2;
  while (verb >= 0 &&
         (v.mention_at(verb) >= 0 || !IsAdviceVerb(v.word(verb)))) {
    --verb;
  }
  if (verb < 0) return;
  mentions->erase(
      std::remove_if(mentions->begin(), mentions->end(),
                     [&](int m) { return v.mentions()[m].first_token > verb; }),
      mentions->end());
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

int SkipDeterminersAndDegree(const SentenceView& v, int j) {
  while (In(v.word(j), {"a", "an", "the", "your", "this", "that", "chronic",
                        "acute", "severe", "mild", "persistent",
                        "recurring"})) {
    ++j;
  }
  return j;
}

int MatchWords(const SentenceView& v, int i,
               const std::vector<absl::string_view>& words) {
  for (absl::string_view p : words) {
    const absl::string_view w = v.word(i);
    if (w.empty() || !v.sentence().tokens[i].is_word) return -1;
    if (p == "?") {
    } else if (p.back() == '*') {
      if (!absl::StartsWith(w, p.substr(0, p.size() - 1))) return -1;
    } else if (w != p) {
      return -1;
    }
    ++i;
  }
  return i;
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
  // "Stretching before exercise may help": a mention right after a
  // preposition of time says when; the one it qualifies is the argument.
  const int when = ms[found].first_token - 1;
  if (when > 0 && In(v.word(when), {"before", "after", "during"})) {
    for (int m = found - 1; m >= 0; --m) {
      if (ms[m].end_token > when) continue;
      if (ms[m].end_token == when && HasType(ms[m].type, types)) found = m;
      break;
    }
  }
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
    // "not just X but also Y", "not only ...": a focus particle after
    // "not" adds to what is said instead of denying it.
    if ((w == "not" || absl::EndsWith(w, "n't")) && i + 1 < v.size() &&
        In(v.word(i + 1), {"just", "only", "merely", "simply", "solely"})) {
      return false;
    }
    // "It's unlikely that X caused Y" denies it.
    return In(w, {"not", "never", "cannot", "no", "nor", "unlikely"}) ||
           absl::EndsWith(w, "n't");
  };
  auto is_barrier = [&](int i) {
    return In(v.word(i), {"because", "which", "since", "when", "if", ".",
                          "?", "!", "who", "whereas"});
  };
  // The second verb of "not A or B" ("doesn't prevent X or reduce Y") is
  // denied with the first: look back over the first one too.
  const int window = v.word(cue - 1) == "or" ? 16 : 6;
  for (int i = cue; i >= 0 && i >= cue - window && v.clause(i) == c; --i) {
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

}  // namespace mskg::ingest::extraction
