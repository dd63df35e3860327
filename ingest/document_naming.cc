// ingest/document_naming.cc
#include "ingest/document_naming.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/phrase_words.h"
#include "ingest/tokenizer.h"

namespace mskg::ingest {

void NameAsWritten(const EntityLinker& linker,
                   const std::vector<Token>& tokens,
                   std::vector<Mention>* mentions) {
  for (Mention& m : *mentions) {
    if (m.entry == nullptr || !IsClinical(m.type) || !m.state.empty() ||
        !m.alias.empty() || m.open) {
      continue;
    }
    std::string written;
    for (int t = m.first_token; t < m.end_token; ++t) {
      const Token& tok = tokens[t];
      if (!tok.is_word) continue;
      if (!written.empty()) written.push_back(' ');
      if (tok.all_caps) {
        for (char c : tok.lower) {
          written.push_back(static_cast<char>(absl::ascii_toupper(c)));
        }
      } else {
        written += tok.lower;
      }
      if (tok.possessive) written += "'s";
    }
    // Only a span that writes one of the entry's names is renamed: the
    // linker also reads conditions from predicates ("the SI joint can
    // become a source of pain"), whose words are no name.
    if (written.empty() || linker.MatchWhole(written) != m.entry) continue;
    // "The knee is swollen": the symptom is swelling, named by its noun.
    if (std::find(m.entry->adjectives.begin(), m.entry->adjectives.end(),
                  written) != m.entry->adjectives.end()) {
      continue;
    }
    if (TokenKey(written) == TokenKey(m.name)) continue;
    m.alias = std::move(m.name);
    m.name = std::move(written);
  }
}

std::string SingularKey(absl::string_view name) {
  std::string key;
  for (const Token& t : Tokenize(name)) {
    if (!t.is_word) continue;
    std::string w = t.lower;
    if (w.size() > 4 && absl::EndsWith(w, "ies")) {
      w.replace(w.size() - 3, 3, "y");
    } else if (w.size() > 4 && (absl::EndsWith(w, "ches") ||
                                absl::EndsWith(w, "shes") ||
                                absl::EndsWith(w, "sses") ||
                                absl::EndsWith(w, "xes"))) {
      w.resize(w.size() - 2);
    } else if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' &&
               w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i') {
      w.pop_back();
    }
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

namespace {

// Whether two names differ only in their last word ("Achilles tendinitis",
// "Achilles tendinosis"): two kinds of one thing, which a text names apart
// to tell them apart, even where a lexicon row groups them.
bool Siblings(absl::string_view a, absl::string_view b) {
  const size_t sa = a.rfind(' '), sb = b.rfind(' ');
  if (sa == absl::string_view::npos || sb == absl::string_view::npos) {
    return false;
  }
  return a.substr(0, sa) == b.substr(0, sb) &&
         SingularKey(a.substr(sa + 1)) != SingularKey(b.substr(sb + 1));
}

}  // namespace

void OneNamePerDocument(const std::vector<std::vector<Mention>*>& sentences) {
  struct Group {
    std::vector<Mention*> mentions;
    std::vector<std::pair<std::string, int>> names;  // In order of first use.
  };
  absl::flat_hash_map<std::string, size_t> group_of;
  std::vector<Group> groups;  // In order of first mention.
  for (std::vector<Mention>* mentions : sentences) {
    for (Mention& m : *mentions) {
      if (!IsClinical(m.type) || !m.state.empty() || m.anaphor ||
          (m.entry == nullptr && !m.open)) {
        continue;
      }
      const std::string key =
          m.entry != nullptr
              ? absl::StrCat("e", reinterpret_cast<uintptr_t>(m.entry))
              : absl::StrCat("o", SingularKey(m.name));
      auto [slot, added] = group_of.try_emplace(key, groups.size());
      if (added) groups.emplace_back();
      Group& g = groups[slot->second];
      g.mentions.push_back(&m);
      auto it = std::find_if(g.names.begin(), g.names.end(),
                             [&](const auto& n) { return n.first == m.name; });
      if (it == g.names.end()) {
        g.names.emplace_back(m.name, 1);
      } else {
        ++it->second;
      }
    }
  }
  for (const Group& g : groups) {
    if (g.names.size() < 2) continue;
    const std::pair<std::string, int>* best = &g.names[0];
    for (const auto& n : g.names) {
      if (n.second > best->second) best = &n;
    }
    for (Mention* m : g.mentions) {
      if (m->name == best->first || Siblings(m->name, best->first)) continue;
      if (m->entry != nullptr && m->alias.empty()) m->alias = m->name;
      m->name = best->first;
      if (m->entry != nullptr && TokenKey(m->alias) == TokenKey(m->name)) {
        m->alias.clear();
      }
    }
  }
}

}  // namespace mskg::ingest
