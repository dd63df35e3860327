// ingest/entity_linker.cc
#include "ingest/entity_linker.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {
namespace {

// Whether `w` is one of `set`. Compares length and first byte before the
// bytes (this is on the hot path of every rule).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool In(
    absl::string_view w, std::initializer_list<absl::string_view> set) {
  if (w.empty()) return false;
  for (absl::string_view s : set) {
    if (s.size() == w.size() && s[0] == w[0] &&
        std::memcmp(s.data(), w.data(), w.size()) == 0) {
      return true;
    }
  }
  return false;
}

// "tight" etc. before a muscle: the state's prefix, or "" if none.
absl::string_view PrefixState(absl::string_view w) {
  // Every state adjective starts with one of these letters.
  if (w.empty() || (w[0] != 't' && w[0] != 'w' && w[0] != 's' &&
                    w[0] != 'o' && w[0] != 'i' && w[0] != 'u')) {
    return "";
  }
  if (In(w, {"tight", "tightened", "tense", "overtight"})) return "tight";
  if (In(w, {"weak", "weakened", "weaker"})) return "weak";
  if (In(w, {"shortened"})) return "shortened";
  if (In(w, {"overactive"})) return "overactive";
  if (In(w, {"inhibited", "underactive"})) return "inhibited";
  return "";
}

struct Composed {
  absl::string_view text;
  bool prefix;  // "tight X" (true) or "X spasm" (false).
};

// A noun after a muscle ("spasm") or before "of the <muscle>".
bool NounState(absl::string_view w, Composed* out) {
  // Every state noun starts with one of these letter pairs; most words do
  // not.
  if (w.size() < 4) return false;
  switch ((w[0] << 8) | w[1]) {
    case ('s' << 8) | 'p': case ('c' << 8) | 'r': case ('s' << 8) | 't':
    case ('t' << 8) | 'e': case ('t' << 8) | 'i': case ('w' << 8) | 'e':
    case ('s' << 8) | 'h':
      break;
    default:
      return false;
  }
  if (In(w, {"spasm", "spasms", "spasming", "spasmed", "cramp", "cramps",
             "cramping"})) {
    *out = {"spasm", false};
  } else if (In(w, {"strain", "strains"})) {
    *out = {"strain", false};
  } else if (In(w, {"tendinitis", "tendonitis"})) {
    *out = {"tendinitis", false};
  } else if (In(w, {"tear", "tears"})) {
    *out = {"tear", false};
  } else if (In(w, {"tightness"})) {
    *out = {"tight", true};
  } else if (In(w, {"weakness"})) {
    *out = {"weak", true};
  } else if (In(w, {"shortening"})) {
    *out = {"shortened", true};
  } else {
    return false;
  }
  return true;
}

std::string ComposeName(const Composed& c, absl::string_view muscle) {
  return c.prefix ? absl::StrCat(c.text, " ", muscle)
                  : absl::StrCat(muscle, " ", c.text);
}

Mention MakeComposed(const Composed& c, const LexiconEntry& muscle, int first,
                     int end) {
  Mention m;
  m.type = schema::CONDITION;
  m.name = ComposeName(c, muscle.name);
  m.first_token = first;
  m.end_token = end;
  m.affects_type = schema::MUSCLE;
  m.affects = muscle.name;
  return m;
}

bool IsDeterminer(absl::string_view w) {
  return In(w, {"the", "your", "my", "a", "an", "his", "her", "their", "our",
                "this", "that", "these", "those"});
}

}  // namespace

EntityLinker::EntityLinker(const Lexicon* lexicon) : lexicon_(lexicon) {
  terminal_.push_back(-1);  // Root.
  const std::vector<LexiconEntry>& entries = lexicon->entries();
  for (size_t e = 0; e < entries.size(); ++e) {
    std::vector<std::string> names = entries[e].aliases;
    names.insert(names.begin(), entries[e].name);
    for (const std::string& name : names) {
      int node = 0;
      bool any = false;
      for (const Token& t : Tokenize(name)) {
        if (!t.is_word) continue;
        any = true;
        auto [it, inserted] =
            vocabulary_.try_emplace(t.norm, static_cast<int>(vocabulary_.size()));
        const uint64_t key = (static_cast<uint64_t>(node) << 32) |
                             static_cast<uint32_t>(it->second);
        auto child = children_.find(key);
        if (child == children_.end()) {
          const int next = static_cast<int>(terminal_.size());
          terminal_.push_back(-1);
          children_.emplace(key, next);
          node = next;
        } else {
          node = child->second;
        }
      }
      if (any && terminal_[node] < 0) terminal_[node] = static_cast<int>(e);
    }
  }
  // Conditions named after a structure or muscle affect it.
  for (size_t e = 0; e < entries.size(); ++e) {
    if (entries[e].type != schema::CONDITION) continue;
    std::vector<Token> tokens;
    for (Token& t : Tokenize(entries[e].name)) {
      if (t.is_word) tokens.push_back(std::move(t));
    }
    std::vector<int> ids;
    for (const Token& t : tokens) ids.push_back(WordId(t.norm));
    // The longest structure or muscle name inside the condition's name.
    int best_len = 0;
    for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
      int node = 0;
      for (int j = i; j < static_cast<int>(tokens.size()) && ids[j] >= 0; ++j) {
        auto it = children_.find((static_cast<uint64_t>(node) << 32) |
                                 static_cast<uint32_t>(ids[j]));
        if (it == children_.end()) break;
        node = it->second;
        if (terminal_[node] < 0) continue;
        const LexiconEntry& hit = entries[terminal_[node]];
        if ((hit.type == schema::STRUCTURE || hit.type == schema::MUSCLE) &&
            j + 1 - i > best_len) {
          best_len = j + 1 - i;
          name_affects_[static_cast<int>(e)] = {hit.type, hit.name};
        }
      }
    }
  }
}

int EntityLinker::WordId(absl::string_view norm) const {
  auto it = vocabulary_.find(norm);
  return it == vocabulary_.end() ? -1 : it->second;
}

int EntityLinker::LongestMatch(const std::vector<Token>& tokens,
                               const std::vector<int>& ids, int i,
                               const LexiconEntry** entry) const {
  *entry = nullptr;
  int node = 0;
  int best = i;
  for (int j = i; j < static_cast<int>(tokens.size()); ++j) {
    if (!tokens[j].is_word || ids[j] < 0) break;
    auto it = children_.find((static_cast<uint64_t>(node) << 32) |
                             static_cast<uint32_t>(ids[j]));
    if (it == children_.end()) break;
    node = it->second;
    if (terminal_[node] >= 0) {
      best = j + 1;
      *entry = &lexicon_->entries()[terminal_[node]];
    }
  }
  return best;
}

const LexiconEntry* EntityLinker::MatchWhole(absl::string_view name) const {
  // Walks the trie over every word of `name`; a whole match ends on a
  // terminal node.
  int node = 0;
  bool any = false;
  for (const Token& t : Tokenize(name)) {
    if (!t.is_word) continue;
    any = true;
    const int id = WordId(t.norm);
    if (id < 0) return nullptr;
    auto it = children_.find((static_cast<uint64_t>(node) << 32) |
                             static_cast<uint32_t>(id));
    if (it == children_.end()) return nullptr;
    node = it->second;
  }
  if (!any || terminal_[node] < 0) return nullptr;
  return &lexicon_->entries()[terminal_[node]];
}

std::vector<Mention> EntityLinker::Link(const std::vector<Token>& tokens,
                                        LinkerState* state) const {
  std::vector<Mention> mentions;
  const int n = static_cast<int>(tokens.size());
  mentions.reserve(4);
  std::vector<int> ids(n, -1);
  for (int i = 0; i < n; ++i) {
    if (tokens[i].is_word) ids[i] = WordId(tokens[i].norm);
  }
  auto make = [&](const LexiconEntry* e, int first, int end) {
    Mention m;
    m.type = e->type;
    m.name = e->name;
    m.entry = e;
    m.first_token = first;
    m.end_token = end;
    m.is_group = e->is_group;
    auto aff = name_affects_.find(static_cast<int>(e - lexicon_->entries().data()));
    if (aff != name_affects_.end()) {
      m.affects_type = aff->second.first;
      m.affects = aff->second.second;
    }
    return m;
  };
  for (int i = 0; i < n;) {
    if (!tokens[i].is_word) {
      ++i;
      continue;
    }
    const LexiconEntry* entry = nullptr;
    int end = LongestMatch(tokens, ids, i, &entry);
    // A document-defined abbreviation.
    if (entry == nullptr || end == i + 1) {
      auto ab = state->abbreviations.find(tokens[i].norm);
      if (ab != state->abbreviations.end() && tokens[i].all_caps) {
        entry = ab->second;
        end = i + 1;
      }
    }
    if (entry == nullptr) {
      // Ellipsis after a multi-word mention: "gluteus maximus, medius".
      if (!mentions.empty() && mentions.back().entry != nullptr &&
          i - mentions.back().end_token <= 3 &&
          i >= 1 && (tokens[i - 1].lower == "," || tokens[i - 1].lower == "and" ||
                     tokens[i - 1].lower == "or")) {
        const Mention& prev = mentions.back();
        size_t space = prev.name.rfind(' ');
        if (space != std::string::npos && i - prev.end_token <= 3) {
          const LexiconEntry* e = lexicon_->Find(
              prev.type, absl::StrCat(prev.name.substr(0, space), " ",
                                      tokens[i].lower));
          if (e != nullptr && e != prev.entry) {
            mentions.push_back(make(e, i, i + 1));
            ++i;
            continue;
          }
        }
      }
      ++i;
      continue;
    }
    Mention m = make(entry, i, end);
    // Abbreviation definition: "<name> (ABBR)".
    if (end + 2 < n && tokens[end].lower == "(" && tokens[end + 2].lower == ")" &&
        tokens[end + 1].is_word && tokens[end + 1].all_caps &&
        tokens[end + 1].norm.size() <= 6 && ids[end + 1] < 0) {
      state->abbreviations[tokens[end + 1].norm] = entry;
      mentions.push_back(m);
      Mention ab = make(entry, end + 1, end + 2);
      ab.alias = tokens[end + 1].lower;
      for (char& c : ab.alias) c = static_cast<char>(toupper(c));
      mentions.push_back(ab);
      i = end + 3;
      continue;
    }
    mentions.push_back(std::move(m));
    i = end;
  }
  // A shared head noun: "the core, back, and gluteal muscles".
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Mention& g = mentions[k];
    if (g.type != schema::MUSCLE || !absl::EndsWith(g.name, " muscles")) continue;
    int t = g.first_token - 1;
    std::vector<Mention> found;
    while (t >= 1 && In(tokens[t].lower, {",", "and", "or"})) {
      int w = t - 1;
      if (tokens[w].lower == "," ) --w;  // ", and"
      if (w < 0 || !tokens[w].is_word) break;
      bool taken = false;
      for (const Mention& m : mentions) {
        if (m.first_token <= w && w < m.end_token) taken = true;
      }
      if (taken) {
        t = -1;
        break;
      }
      const LexiconEntry* e = lexicon_->Find(
          schema::MUSCLE, absl::StrCat(tokens[w].lower, " muscles"));
      if (e == nullptr) break;
      found.push_back(make(e, w, w + 1));
      t = w - 1;
    }
    for (Mention& m : found) mentions.push_back(std::move(m));
    if (!found.empty()) {
      std::stable_sort(mentions.begin(), mentions.end(),
                       [](const Mention& a, const Mention& b) {
                         return a.first_token < b.first_token;
                       });
      break;
    }
  }
  // Anaphors of the last muscle: "it", "they", "them", "these muscles".
  if (state->last_muscle != nullptr) {
    std::vector<Mention> anaphors;
    size_t next = 0;
    for (int i = 0; i < n; ++i) {
      while (next < mentions.size() && mentions[next].end_token <= i) ++next;
      if (next < mentions.size() && mentions[next].first_token <= i) continue;
      int end = -1;
      if (In(tokens[i].lower, {"it", "they", "them"})) {
        end = i + 1;
      } else if (In(tokens[i].lower, {"a", "the", "this", "these", "those"}) &&
                 i + 1 < n &&
                 In(tokens[i + 1].lower, {"muscle", "muscles"}) &&
                 !(next < mentions.size() &&
                   mentions[next].first_token == i + 1)) {
        end = i + 2;
      }
      if (end < 0) continue;
      // The nearest muscle before it in the sentence (with the muscles
      // coordinated with it, for a plural), else the last one named.
      const bool plural = tokens[i].lower != "it" && tokens[i].lower != "a" &&
                          tokens[i].lower != "this" &&
                          (end == i + 1 || tokens[i + 1].lower == "muscles");
      std::vector<const LexiconEntry*> refs;
      int from = -1;
      for (int j = static_cast<int>(next) - 1; j >= 0; --j) {
        const Mention& m = mentions[j];
        if (m.type != schema::MUSCLE || m.entry == nullptr) {
          if (!refs.empty()) break;
          continue;
        }
        if (!refs.empty()) {
          bool joined = true;
          for (int t = m.end_token; t < from; ++t) {
            if (!In(tokens[t].lower, {"and", "or", ",", "the"})) joined = false;
          }
          if (!joined || !plural) break;
        }
        refs.push_back(m.entry);
        from = m.first_token;
      }
      if (refs.empty()) refs.push_back(state->last_muscle);
      for (const LexiconEntry* e : refs) {
        Mention a = make(e, i, end);
        a.anaphor = true;
        anaphors.push_back(std::move(a));
      }
      i = end - 1;
    }
    if (!anaphors.empty()) {
      for (Mention& a : anaphors) mentions.push_back(std::move(a));
      std::stable_sort(mentions.begin(), mentions.end(),
                       [](const Mention& a, const Mention& b) {
                         return a.first_token < b.first_token;
                       });
    }
  }
  ComposeStates(tokens, state, &mentions);
  // Anaphors that composed nothing are dropped.
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [](const Mention& m) { return m.anaphor; }),
                 mentions.end());
  for (const Mention& m : mentions) {
    if (m.type == schema::MUSCLE && m.entry != nullptr) {
      state->subject_muscle = m.entry;
      break;
    }
  }
  for (const Mention& m : mentions) {
    if (m.type == schema::MUSCLE && m.entry != nullptr) state->last_muscle = m.entry;
    if (m.type == schema::CONDITION && m.entry == nullptr &&
        m.affects_type == schema::MUSCLE) {
      // A muscle state names its muscle ("shortening the QLs").
      if (const LexiconEntry* e = lexicon_->Find(schema::MUSCLE, m.affects)) {
        state->last_muscle = e;
      }
    }
    if (m.type == schema::CONDITION && m.affects_type == schema::MUSCLE &&
        absl::EndsWith(m.name, " spasm")) {
      if (const LexiconEntry* e = lexicon_->Find(schema::MUSCLE, m.affects)) {
        state->last_spasm_muscle = e;
      }
    }
  }
  return mentions;
}

void EntityLinker::ComposeStates(const std::vector<Token>& tokens,
                                 LinkerState* state,
                                 std::vector<Mention>* mentions) const {
  const int n = static_cast<int>(tokens.size());
  std::vector<Mention> out;
  std::vector<Mention> extra;  // Predicate states, added after.
  const std::vector<Mention>& in = *mentions;
  if (!in.empty()) out.reserve(in.size() + 4);
  auto word = [&](int i) -> absl::string_view {
    return i >= 0 && i < n ? absl::string_view(tokens[i].lower)
                           : absl::string_view();
  };
  for (size_t k = 0; k < in.size(); ++k) {
    const Mention& m = in[k];
    if (m.type != schema::MUSCLE || m.entry == nullptr) {
      // Only positions and entries of `in` are read after this point.
      out.push_back(std::move(mentions->at(k)));
      continue;
    }
    const LexiconEntry& muscle = *m.entry;
    int first = m.first_token;
    int end = m.end_token;
    // "tight <muscle>", "chronically tight <muscle>".
    absl::string_view pre = PrefixState(word(first - 1));
    if (!pre.empty() && (out.empty() || out.back().end_token <= first - 1)) {
      Mention c = MakeComposed({pre, true}, muscle, first - 1, end);
      out.push_back(std::move(c));
      continue;
    }
    // "<muscle> (muscle) spasm".
    int after = end;
    if (word(after) == "muscle" || word(after) == "muscles") ++after;
    Composed noun;
    if (NounState(word(after), &noun)) {
      // The noun may itself be a mention ("spasm", "tightness"): absorb it
      // when it is just that word.
      const bool next_is_mention = k + 1 < in.size() &&
                                   in[k + 1].first_token <= after;
      const bool next_is_noun = next_is_mention &&
                                in[k + 1].first_token == after &&
                                in[k + 1].end_token == after + 1;
      if (!next_is_mention || next_is_noun) {
        out.push_back(MakeComposed(noun, muscle, first, after + 1));
        if (next_is_noun) ++k;
        continue;
      }
    }
    // "..., shortening the QLs": a participle that gives the muscle a state.
    int p = first - 1;
    if (p >= 1 && IsDeterminer(word(p)) &&
        In(word(p - 1), {"shortening", "tightening", "weakening"}) &&
        (out.empty() || out.back().end_token <= p - 1)) {
      absl::string_view w = word(p - 1);
      Composed c = {w == "shortening" ? "shortened"
                    : w == "tightening" ? "tight" : "weak", true};
      out.push_back(MakeComposed(c, muscle, p - 1, end));
      continue;
    }
    // "spasm of the <muscle>", "weakness in the glutes".
    if (p >= 0 && IsDeterminer(word(p))) --p;
    if (p >= 1 && (word(p) == "of" || word(p) == "in") &&
        NounState(word(p - 1), &noun)) {
      if (!out.empty() && out.back().first_token == p - 1 &&
          out.back().end_token == p) {
        out.pop_back();  // The noun alone ("spasm") was a mention.
      }
      if (out.empty() || out.back().end_token <= p - 1) {
        out.push_back(MakeComposed(noun, muscle, p - 1, end));
        continue;
      }
    }
    out.push_back(m);
    // Predicates: "<muscle> is/gets (too) tight", "... aren't strong enough",
    // "<muscle> ... goes into spasm".
    int q = end;
    if (word(q) == "muscle" || word(q) == "muscles") ++q;
    while (q < n && !tokens[q].is_word && (word(q) == "-" || word(q) == ")")) ++q;
    absl::string_view verb = word(q);
    const bool copula =
        In(verb, {"is", "are", "gets", "get", "got", "getting", "becomes",
                  "become", "became", "was", "were", "feel", "feels", "remain",
                  "remains", "stay", "stays", "grow", "grows"});
    const bool negated_copula =
        In(verb, {"aren't", "isn't", "weren't", "wasn't"}) ||
        ((verb == "are" || verb == "is") && word(q + 1) == "not");
    if (copula || negated_copula) {
      int r = q + 1;
      if (word(r) == "not") ++r;
      while (In(word(r), {"too", "very", "really", "so", "constantly",
                          "chronically", "quite", "always", "often", "overly",
                          "extremely", "also", "still", "usually", "much", "far",
                          "slightly", "generally"})) {
        ++r;
      }
      // "the quads are (much) stronger than the hamstrings": an imbalance
      // between the two.
      if (copula && In(word(r), {"stronger", "weaker", "tighter"}) &&
          word(r + 1) == "than") {
        const LexiconEntry* imbalance =
            lexicon_->Find(schema::CONDITION, "muscle imbalance");
        int o = r + 2;
        if (IsDeterminer(word(o))) ++o;
        for (size_t j = k + 1; j < in.size() && imbalance != nullptr; ++j) {
          if (in[j].first_token != o) continue;
          if (in[j].type != schema::MUSCLE || in[j].entry == nullptr) break;
          out.pop_back();  // The muscle itself.
          Mention c;
          c.type = schema::CONDITION;
          c.name = imbalance->name;
          c.entry = imbalance;
          c.first_token = first;
          c.end_token = in[j].end_token;
          c.affects_type = schema::MUSCLE;
          c.affects = muscle.name;
          c.affects_also = in[j].entry->name;
          out.push_back(std::move(c));
          k = j;
          break;
        }
        if (out.back().type == schema::CONDITION) continue;
      }
      absl::string_view adj = PrefixState(word(r));
      if (negated_copula && word(r) == "strong") adj = "weak";
      if (!adj.empty() && (copula || word(r) == "strong")) {
        // The muscle and the muscles coordinated before it.
        std::vector<const LexiconEntry*> subjects = {&muscle};
        int j = static_cast<int>(k) - 1;
        int gap_from = first;
        while (j >= 0 && in[j].type == schema::MUSCLE && in[j].entry != nullptr) {
          bool coordinated = true;
          for (int t = in[j].end_token; t < gap_from; ++t) {
            if (!In(word(t), {"and", "or", ",", "the", "your"})) {
              coordinated = false;
            }
          }
          if (!coordinated) break;
          subjects.push_back(in[j].entry);
          gap_from = in[j].first_token;
          --j;
        }
        for (const LexiconEntry* s : subjects) {
          extra.push_back(MakeComposed({adj, true}, *s, q, r + 1));
        }
        continue;
      }
    }
  }
  // "<muscle>/it goes into spasm", "put/send <muscle>/these muscles into
  // spasm": the nearest muscle before, with no other state between.
  for (int i = 1; i + 1 < n; ++i) {
    if (word(i) != "into" || !In(word(i + 1), {"spasm", "spasms"})) continue;
    const bool go = In(word(i - 1), {"go", "goes", "went", "going", "gone"});
    const LexiconEntry* muscle = nullptr;
    for (const Mention& m : out) {
      if (m.first_token >= i) break;
      if (!go && m.first_token < i - 4) continue;
      if (m.type == schema::MUSCLE && m.entry != nullptr) muscle = m.entry;
      if (m.type == schema::CONDITION && !m.affects.empty()) muscle = nullptr;
    }
    if (muscle == nullptr && go) {
      for (int b = i - 2; b >= 0 && b >= i - 4; --b) {
        if (In(word(b), {"it", "they"})) {
          muscle = state->last_muscle;
          break;
        }
      }
    }
    if (muscle != nullptr) {
      // The bare "spasm" gives way to the muscle's spasm.
      out.erase(std::remove_if(out.begin(), out.end(),
                               [&](const Mention& m) {
                                 return m.first_token == i + 1 &&
                                        m.end_token == i + 2;
                               }),
                out.end());
      extra.push_back(MakeComposed({"spasm", false}, *muscle,
                                   go ? i - 1 : i + 1, i + 2));
    }
  }
  // "<muscles> often react with tightness and spasm", "<muscles> may
  // experience spasms", "<muscle> is a common site for spasm": the spasm of
  // the muscles (the coordinated run nearest before the verb). "Their/its
  // spasm": the subject muscle of the sentence before.
  {
    std::vector<Mention> composed;
    for (size_t k = 0; k < out.size(); ++k) {
      const Mention& sp = out[k];
      if (sp.entry == nullptr || sp.name != "muscle spasm" ||
          !In(word(sp.end_token - 1), {"spasm", "spasms"})) {
        continue;
      }
      std::vector<const LexiconEntry*> muscles;
      if (In(word(sp.first_token - 1), {"their", "its"}) &&
          state->subject_muscle != nullptr) {
        muscles.push_back(state->subject_muscle);
      } else {
        int cue = -1;
        for (int t = sp.first_token - 1; t >= 0 && t >= sp.first_token - 7;
             --t) {
          if (In(word(t), {"react", "reacts", "experience", "experiences",
                           "site", "develop", "develops", "suffer",
                           "suffers"})) {
            cue = t;
            break;
          }
        }
        if (cue < 0) continue;
        int from = cue;
        for (int j = static_cast<int>(k) - 1; j >= 0; --j) {
          const Mention& m = out[j];
          if (m.end_token > from) continue;
          bool joined = true;
          for (int t = m.end_token; t < from; ++t) {
            if (!In(word(t), {"and", "or", ",", "the", "muscle", "muscles"}) &&
                !muscles.empty()) {
              joined = false;
            }
          }
          if (muscles.empty() && cue - m.end_token > 10) break;
          if (!joined || m.type != schema::MUSCLE || m.entry == nullptr) {
            if (!muscles.empty()) break;
            continue;
          }
          muscles.push_back(m.entry);
          from = m.first_token;
        }
      }
      if (muscles.empty()) continue;
      for (const LexiconEntry* mu : muscles) {
        composed.push_back(
            MakeComposed({"spasm", false}, *mu, sp.first_token, sp.end_token));
      }
      out.erase(out.begin() + k);
      --k;
    }
    for (Mention& c : composed) out.push_back(std::move(c));
  }
  // "the SI joint is dysfunctional / experiences dysfunction": the
  // structure's condition, when the lexicon names it.
  for (size_t k = 0; k < out.size(); ++k) {
    const Mention& st = out[k];
    if (st.type != schema::STRUCTURE || st.entry == nullptr) continue;
    int q = st.end_token;
    if (!In(word(q), {"is", "becomes", "experiences", "gets", "was",
                      "are", "become"})) {
      continue;
    }
    absl::string_view w = word(q + 1);
    absl::string_view noun = In(w, {"dysfunctional", "dysfunction"})
                                 ? "dysfunction"
                             : In(w, {"unstable", "instability"})
                                 ? "instability"
                             : In(w, {"inflamed", "inflammation"})
                                 ? "inflammation"
                                 : "";
    if (noun.empty()) continue;
    const LexiconEntry* c = lexicon_->Find(
        schema::CONDITION, absl::StrCat(st.entry->name, " ", noun));
    if (c == nullptr) continue;
    Mention m;
    m.type = schema::CONDITION;
    m.name = c->name;
    m.entry = c;
    m.first_token = st.first_token;
    m.end_token = q + 2;
    m.affects_type = schema::STRUCTURE;
    m.affects = st.entry->name;
    out[k] = std::move(m);
  }
  // "the (muscle) spasm", "that spasm": the muscle-specific spasm named
  // before in the document.
  if (state->last_spasm_muscle != nullptr) {
    for (Mention& m : out) {
      if (m.entry == nullptr || m.name != "muscle spasm") continue;
      if (m.end_token - m.first_token > 2) continue;
      int p = m.first_token - 1;
      if (In(word(p), {"protective"})) continue;
      if (In(word(p), {"the", "that", "this", "my", "your", "his", "her"}) &&
          word(m.end_token - 1) == "spasm") {
        m = MakeComposed({"spasm", false}, *state->last_spasm_muscle,
                         m.first_token, m.end_token);
      }
    }
  }
  // "weakness in (surrounding) muscles (like the glutes or core)".
  for (int i = 0; i < n; ++i) {
    Composed noun;
    if (!NounState(word(i), &noun) || !noun.prefix) continue;
    int j = i + 1;
    int limit = std::min(n, i + 7);
    while (j < limit && !In(word(j), {"like", "(", "including"}) &&
           !(word(j) == "such" && word(j + 1) == "as")) {
      ++j;
    }
    if (j >= limit) continue;
    for (Mention& m : out) {
      if (m.first_token <= j || m.type != schema::MUSCLE ||
          m.entry == nullptr || m.anaphor)
        continue;
      if (m.first_token > j + 8) break;
      m = MakeComposed(noun, *m.entry, m.first_token, m.end_token);
    }
  }
  for (Mention& e : extra) out.push_back(std::move(e));
  // Usually in order already; stable_sort would leave it as it is.
  auto by_position = [](const Mention& a, const Mention& b) {
    return a.first_token < b.first_token;
  };
  if (!std::is_sorted(out.begin(), out.end(), by_position)) {
    std::stable_sort(out.begin(), out.end(), by_position);
  }
  *mentions = std::move(out);
}

}  // namespace mskg::ingest
