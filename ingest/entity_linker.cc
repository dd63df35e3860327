// ingest/entity_linker.cc
//
// The lexicon side of EntityLinker: the trie over every name and alias, the
// tables of muscle states the lexicon names, and Link(), which finds the
// longest matches in a sentence and then hands them to ComposeStates()
// (muscle_states.cc) and the phrase finder.
#include "ingest/entity_linker.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ingest/muscle_state_words.h"
#include "ingest/phrase_finder.h"
#include "ingest/word_set.h"

namespace mskg::ingest {

using muscle_state_words::Composed;
using muscle_state_words::kNounStates;
using muscle_state_words::kPrefixStates;
using muscle_state_words::NounState;
using muscle_state_words::PrefixState;

EntityLinker::EntityLinker(const Lexicon* lexicon) : lexicon_(lexicon) {
  terminal_.push_back(-1);  // Root.
  caps_only_.push_back(0);
  const std::vector<LexiconEntry>& entries = lexicon->entries();
  for (size_t e = 0; e < entries.size(); ++e) {
    std::vector<std::string> names = entries[e].aliases;
    names.insert(names.begin(), entries[e].name);
    for (const std::string& name : names) {
      int node = 0;
      bool any = false;
      int words = 0;
      bool all_caps = false;
      for (const Token& t : Tokenize(name)) {
        if (!t.is_word) continue;
        any = true;
        ++words;
        all_caps = t.all_caps;
        auto [it, inserted] =
            vocabulary_.try_emplace(t.norm, static_cast<int>(vocabulary_.size()));
        const uint64_t key = (static_cast<uint64_t>(node) << 32) |
                             static_cast<uint32_t>(it->second);
        auto child = children_.find(key);
        if (child == children_.end()) {
          const int next = static_cast<int>(terminal_.size());
          terminal_.push_back(-1);
          caps_only_.push_back(1);
          children_.emplace(key, next);
          node = next;
        } else {
          node = child->second;
        }
      }
      if (any && terminal_[node] < 0) terminal_[node] = static_cast<int>(e);
      // An abbreviation written in capitals ("TENS", "RICE", "PT") is a
      // word of English in lower case ("tens", "rice"): it matches only
      // words with a capital, unless another name of that spelling is
      // lower case.
      if (any && !(words == 1 && all_caps)) caps_only_[node] = 0;
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
    int best_len = 0, best_first = 0, best_entry = -1;
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
          best_first = i;
          best_entry = terminal_[node];
          name_affects_[static_cast<int>(e)] = {hit.type, hit.name};
        }
      }
    }
    // A condition named as a muscle's state ("hamstring strain"): the state
    // composed from the muscle takes its name.
    if (best_entry < 0 || entries[best_entry].type != schema::MUSCLE ||
        best_len + 1 != static_cast<int>(tokens.size())) {
      continue;
    }
    Composed state;
    bool found = false;
    if (best_first == 1) {
      absl::string_view pre = PrefixState(tokens[0].lower);
      if (!pre.empty()) {
        state = {pre, true};
        found = true;
      }
    } else if (NounState(tokens.back().lower, &state)) {
      found = true;
    }
    if (!found) continue;
    entry_state_[static_cast<int>(e)] = {state.text, state.prefix};
    state_entry_.try_emplace({best_entry, state.text}, &entries[e]);
  }
  // The form of a muscle's name before a noun: a group's head word
  // ("gluteal muscles" -> "gluteal strengthening"), else its singular when
  // the lexicon lists it ("hamstring strain"); Latin singulars in -s stay
  // ("quadriceps").
  noun_modifier_.resize(entries.size());
  for (size_t e = 0; e < entries.size(); ++e) {
    if (entries[e].type != schema::MUSCLE) continue;
    const std::string& name = entries[e].name;
    noun_modifier_[e] = name;
    if (absl::EndsWith(name, " muscles") && name.size() > 8) {
      noun_modifier_[e] = name.substr(0, name.size() - 8);
      continue;
    }
    if (name.size() < 4 || name.back() != 's' || absl::EndsWith(name, "ss") ||
        absl::EndsWith(name, "ceps")) {
      continue;
    }
    absl::string_view singular(name.data(), name.size() - 1);
    for (const std::string& a : entries[e].aliases) {
      if (absl::EqualsIgnoreCase(a, singular)) {
        noun_modifier_[e] = std::string(singular);
        break;
      }
    }
  }
  // The name of every state of every muscle, built once: the lexicon's
  // Condition when it names the state, else "<state> <muscle>" or
  // "<modifier> <state>" -- unless the lexicon gives that name to something
  // else ("back spasm"), then "<muscle> <state>".
  for (size_t e = 0; e < entries.size(); ++e) {
    if (entries[e].type != schema::MUSCLE) continue;
    const int index = static_cast<int>(e);
    auto add = [&](absl::string_view state, bool prefix) {
      auto named = state_entry_.find(std::make_pair(index, state));
      std::string name;
      if (named != state_entry_.end()) {
        name = named->second->name;
      } else if (prefix) {
        name = absl::StrCat(state, " ", entries[e].name);
      } else {
        name = absl::StrCat(noun_modifier_[e], " ", state);
        if (lexicon_->Find(schema::NODE_TYPE_UNSPECIFIED, name) != nullptr) {
          name = absl::StrCat(entries[e].name, " ", state);
        }
      }
      composed_name_.emplace(std::make_pair(index, state), std::move(name));
    };
    for (absl::string_view st : kPrefixStates) add(st, true);
    for (absl::string_view st : kNounStates) add(st, false);
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
    if (terminal_[node] >= 0 && (!caps_only_[node] || tokens[j].all_caps ||
                                 tokens[j].capitalized)) {
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
    const int index = static_cast<int>(e - lexicon_->entries().data());
    auto aff = name_affects_.find(index);
    if (aff != name_affects_.end()) {
      m.affects_type = aff->second.first;
      m.affects = aff->second.second;
      auto st = entry_state_.find(index);
      if (st != entry_state_.end()) {
        m.state = st->second.first;
        m.state_prefix = st->second.second;
      }
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
  NameAsWritten(*this, tokens, &mentions);
  AddPhraseMentions(tokens, &mentions);
  return mentions;
}

}  // namespace mskg::ingest
