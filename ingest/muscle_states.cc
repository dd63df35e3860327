// ingest/muscle_states.cc
//
// The state side of EntityLinker: names of muscle states (Compose(),
// NounModifier(), StateAliases()) and ComposeStates(), which turns a
// sentence's muscle mentions and the state words around them into
// Condition mentions ("tight psoas", "spasm of the QL", "the psoas
// tightens"). The words themselves are in muscle_state_words.h.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ingest/entity_linker.h"
#include "ingest/muscle_state_words.h"
#include "ingest/word_set.h"

namespace mskg::ingest {

using muscle_state_words::Composed;
using muscle_state_words::IsDeterminer;
using muscle_state_words::NounState;
using muscle_state_words::PrefixState;
using muscle_state_words::StateVerb;

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
    // "The pectorals, or chest muscles, become tight": a comma closing an
    // appositive before the verb.
    if (word(q) == "," && In(word(q + 1), {"become", "becomes", "get", "gets",
                                           "are", "is", "can", "may"})) {
      ++q;
    }
    // "can get very tight", "may tighten", "tend to become tight": a modal
    // or "tend to" before the verb.
    if (In(word(q), {"can", "could", "may", "might", "will", "would", "often",
                     "sometimes", "usually"})) {
      ++q;
    } else if (In(word(q), {"tend", "tends"}) && word(q + 1) == "to") {
      q += 2;
    }
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
