// ingest/entity_linker.cc
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
#include "ingest/phrase_finder.h"
#include "ingest/word_set.h"

namespace mskg::ingest {
namespace {

// Every state word PrefixState() and NounState() return.
constexpr absl::string_view kPrefixStates[] = {"tight", "weak", "shortened",
                                               "overactive", "inhibited"};
constexpr absl::string_view kNounStates[] = {"spasm", "strain", "tendinitis",
                                             "tear"};

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

// A verb of state change after a muscle ("the psoas tightens"): the state,
// or "" if none.
absl::string_view StateVerb(absl::string_view w) {
  if (w.size() < 5 || (w[0] != 't' && w[0] != 's' && w[0] != 'w')) return "";
  if (In(w,
         {"tighten", "tightens", "tightened", "tense", "tenses", "tensed"})) {
    return "tight";
  }
  if (In(w, {"weaken", "weakens"})) return "weak";
  if (In(w, {"spasms", "spasmed", "spasming"})) return "spasm";
  return "";
}

bool IsDeterminer(absl::string_view w) {
  return In(w, {"the", "your", "my", "a", "an", "his", "her", "their", "our",
                "this", "that", "these", "those"});
}

}  // namespace

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

absl::string_view EntityLinker::NounModifier(const LexiconEntry& muscle) const {
  return noun_modifier_[&muscle - lexicon_->entries().data()];
}

Mention EntityLinker::Compose(absl::string_view state, bool prefix,
                              const LexiconEntry& muscle, int first,
                              int end) const {
  const int index = static_cast<int>(&muscle - lexicon_->entries().data());
  Mention m;
  m.type = schema::CONDITION;
  auto named = composed_name_.find(std::make_pair(index, state));
  if (named != composed_name_.end()) {
    m.name = named->second;
  } else {
    m.name = prefix ? absl::StrCat(state, " ", muscle.name)
                    : absl::StrCat(muscle.name, " ", state);
  }
  m.first_token = first;
  m.end_token = end;
  m.affects_type = schema::MUSCLE;
  m.affects = muscle.name;
  m.state = state;
  m.state_prefix = prefix;
  return m;
}

const std::vector<std::string>& EntityLinker::StateAliases(
    absl::string_view state, bool prefix, absl::string_view muscle_name) const {
  static const std::vector<std::string>* const kNone =
      new std::vector<std::string>();
  const LexiconEntry* muscle = lexicon_->Find(schema::MUSCLE, muscle_name);
  if (muscle == nullptr) return *kNone;
  const int index = static_cast<int>(muscle - lexicon_->entries().data());
  auto name = composed_name_.find(std::make_pair(index, state));
  if (name == composed_name_.end()) return *kNone;
  // The key's state word is the table's own (static) copy.
  const std::pair<int, absl::string_view> key = name->first;
  {
    absl::MutexLock lock(&aliases_mu_);
    auto it = aliases_.find(key);
    if (it != aliases_.end()) return *it->second;
  }
  const std::string& canonical = name->second;
  auto out = std::make_unique<std::vector<std::string>>();
  // The state as a noun after the muscle: "psoas tightness".
  absl::string_view noun;
  if (prefix) {
    noun = state == "tight"       ? "tightness"
           : state == "weak"      ? "weakness"
           : state == "shortened" ? "shortening"
                                  : "";
  }
  absl::flat_hash_set<std::string> seen = {TokenKey(canonical)};
  auto add = [&](std::string alias) {
    if (!seen.insert(TokenKey(alias)).second) return;
    // A name the lexicon gives to something else ("back spasm" is the
    // quadratus lumborum's) does not name this state.
    const LexiconEntry* other =
        lexicon_->Find(schema::NODE_TYPE_UNSPECIFIED, alias);
    if (other != nullptr && other->name != canonical) return;
    out->push_back(std::move(alias));
  };
  auto forms = [&](absl::string_view name) {
    if (prefix) {
      add(absl::StrCat(state, " ", name));
      if (!noun.empty()) add(absl::StrCat(name, " ", noun));
    } else {
      add(absl::StrCat(name, " ", state));
    }
    // "gluteal muscles" -> "gluteal spasm", "core weakness".
    for (absl::string_view tail : {" muscles", " muscle"}) {
      if (!absl::EndsWith(name, tail) || name.size() == tail.size()) continue;
      absl::string_view head = name.substr(0, name.size() - tail.size());
      if (!prefix) add(absl::StrCat(head, " ", state));
      if (!noun.empty()) add(absl::StrCat(head, " ", noun));
      break;
    }
  };
  forms(muscle->name);
  for (const std::string& a : muscle->aliases) forms(a);
  absl::MutexLock lock(&aliases_mu_);
  auto [it, inserted] = aliases_.try_emplace(key, std::move(out));
  return *it->second;  // Another thread's equal list, if it came first.
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
  auto MakeComposed = [this](const Composed& c, const LexiconEntry& muscle,
                             int first, int end) {
    return Compose(c.text, c.prefix, muscle, first, end);
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
    // "tight <muscle>", "chronically tight <muscle>" (not "... too tight
    // they could ...": a pronoun takes no adjective).
    absl::string_view pre = PrefixState(word(first - 1));
    if (!pre.empty() && (out.empty() || out.back().end_token <= first - 1) &&
        !(m.anaphor && In(word(first), {"it", "they", "them"}))) {
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
    // "(cause) the psoas (to) tighten", "the hamstrings tighten up", "the
    // glutes weaken": a verb of state change, used intransitively.
    {
      int r = q;
      if (word(r) == "to") ++r;
      std::vector<std::pair<absl::string_view, int>> changes;
      for (;;) {
        // "shorten and tighten": shortening alone is what contraction does.
        if (In(word(r), {"shorten", "shortens"}) &&
            In(word(r + 1), {"and", "or"}) && !StateVerb(word(r + 2)).empty()) {
          r += 2;
        }
        absl::string_view st = StateVerb(word(r));
        if (st.empty()) break;
        changes.push_back({st, r});
        ++r;
        if (word(r) == "up") ++r;
        if (In(word(r), {"and", "or"}) && !StateVerb(word(r + 1)).empty()) {
          ++r;
          continue;
        }
        break;
      }
      const bool transitive = IsDeterminer(word(r)) ||
                              (k + 1 < in.size() && in[k + 1].first_token == r);
      // Not for a pronoun: "(the psoas goes into spasm,) it tightens" says
      // what the spasm is.
      if (!changes.empty() && !transitive && !m.anaphor) {
        for (const auto& [st, at] : changes) {
          extra.push_back(
              MakeComposed({st, st != "spasm"}, muscle, at, at + 1));
        }
        continue;
      }
    }
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
          if (std::find(subjects.begin(), subjects.end(), in[j].entry) ==
              subjects.end()) {
            subjects.push_back(in[j].entry);
          }
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
  // Whether the sentence has the words of the two rules below (one pass;
  // most sentences have neither).
  bool has_gerund = false, has_disorder = false;
  for (int i = 1; i < n; ++i) {
    const std::string& w = tokens[i].lower;
    if (w.size() < 7 || w.size() > 12) continue;
    if (w[0] == 's' || w[0] == 't') {
      has_gerund |= In(w, {"straining", "tearing"});
    } else if (w[0] == 'i') {
      has_disorder |= In(w, {"inflammation", "instability"});
    }
  }
  // "(a shortened muscle) is more susceptible to straining": the strain of
  // the muscle named before in the sentence (or by "it"/"they").
  for (int i = 1; has_gerund && i < n; ++i) {
    const absl::string_view w = word(i);
    if (!In(w, {"straining", "tearing"}) ||
        !In(word(i - 1), {"to", "for", "from", "of"})) {
      continue;
    }
    const LexiconEntry* muscle = nullptr;
    bool covered = false;
    for (const Mention& m : out) {
      if (m.first_token <= i && i < m.end_token) covered = true;
      if (m.first_token >= i) continue;
      if (m.type == schema::MUSCLE && m.entry != nullptr) muscle = m.entry;
      if (m.type == schema::CONDITION && m.affects_type == schema::MUSCLE) {
        if (const LexiconEntry* e = lexicon_->Find(schema::MUSCLE, m.affects))
          muscle = e;
      }
    }
    if (muscle == nullptr) {
      for (int b = 0; b < i; ++b) {
        if (In(word(b), {"it", "they"})) muscle = state->last_muscle;
      }
    }
    if (covered || muscle == nullptr) continue;
    extra.push_back(MakeComposed({w == "straining" ? "strain" : "tear", false},
                                 *muscle, i, i + 1));
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
  // "the SI joint is dysfunctional / experiences dysfunction / can become a
  // source of pain": the structure's condition, when the lexicon names it.
  for (size_t k = 0; k < out.size(); ++k) {
    const Mention& st = out[k];
    if (st.type != schema::STRUCTURE || st.entry == nullptr) continue;
    int q = st.end_token;
    while (In(word(q), {"can", "may", "will", "often", "also", "sometimes"})) {
      ++q;
    }
    if (!In(word(q), {"is", "becomes", "experiences", "gets", "was", "are",
                      "become", "be"})) {
      continue;
    }
    absl::string_view w = word(q + 1);
    int end = q + 2;
    int absorbed = -1;  // The "pain" of "a source of pain".
    absl::string_view noun = In(w, {"dysfunctional", "dysfunction"})
                                 ? "dysfunction"
                             : In(w, {"unstable", "instability"})
                                 ? "instability"
                             : In(w, {"inflamed", "inflammation"})
                                 ? "inflammation"
                                 : "";
    if (noun.empty() && w == "a") {
      int t = q + 2;
      while (In(word(t), {"common", "frequent", "major", "significant",
                          "potential", "possible"})) {
        ++t;
      }
      if (word(t) == "source" && word(t + 1) == "of" && word(t + 2) == "pain") {
        noun = "pain";
        end = t + 3;
        for (size_t j = k + 1; j < out.size(); ++j) {
          if (out[j].first_token == t + 2 && out[j].end_token == t + 3) {
            absorbed = static_cast<int>(j);
          }
        }
      }
    }
    if (noun.empty()) continue;
    const LexiconEntry* c = lexicon_->Find(
        schema::CONDITION, absl::StrCat(st.entry->name, " ", noun));
    if (c == nullptr) continue;
    Mention m;
    m.type = schema::CONDITION;
    m.name = c->name;
    m.entry = c;
    m.first_token = st.first_token;
    m.end_token = end;
    m.affects_type = schema::STRUCTURE;
    m.affects = st.entry->name;
    out[k] = std::move(m);
    if (absorbed >= 0) out.erase(out.begin() + absorbed);
  }
  // "whether from inflammation, instability, ...": a bare disorder noun in a
  // sentence about a structure is that structure's disorder, when the
  // lexicon names it ("sacroiliac joint instability").
  for (int i = 1; has_disorder && i < n; ++i) {
    const absl::string_view w = word(i);
    if (!In(w, {"inflammation", "instability"})) continue;
    absl::string_view structure;
    bool covered = false;
    for (const Mention& m : out) {
      if (m.first_token <= i && i < m.end_token) covered = true;
      if (m.first_token >= i) continue;
      if (m.type == schema::STRUCTURE && m.entry != nullptr) {
        structure = m.entry->name;
      } else if (m.type == schema::CONDITION &&
                 m.affects_type == schema::STRUCTURE) {
        structure = m.affects;
      }
    }
    if (covered || structure.empty()) continue;
    const LexiconEntry* c =
        lexicon_->Find(schema::CONDITION, absl::StrCat(structure, " ", w));
    if (c == nullptr) continue;
    Mention m;
    m.type = schema::CONDITION;
    m.name = c->name;
    m.entry = c;
    m.first_token = i;
    m.end_token = i + 1;
    m.affects_type = schema::STRUCTURE;
    m.affects = std::string(structure);
    extra.push_back(std::move(m));
  }
  // "the (muscle) spasm", "that spasm", "the spasms": the muscle-specific
  // spasm named before in the document.
  if (state->last_spasm_muscle != nullptr) {
    for (Mention& m : out) {
      if (m.entry == nullptr || m.name != "muscle spasm") continue;
      if (m.end_token - m.first_token > 2) continue;
      int p = m.first_token - 1;
      if (In(word(p), {"protective"})) continue;
      const absl::string_view last = word(m.end_token - 1);
      if ((In(word(p), {"the", "that", "this", "my", "your", "his", "her"}) &&
           last == "spasm") ||
          (In(word(p), {"the", "these", "those", "my", "your"}) &&
           last == "spasms")) {
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
