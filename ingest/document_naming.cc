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
    struct Name {
      std::string name;
      int uses = 0;
      bool vocabulary = false;  // A lexicon entry's mention writes it.
    };
    std::vector<Name> names;  // In order of first use.
  };
  auto takes_part = [](const Mention& m) {
    return IsClinical(m.type) && m.state.empty() && !m.anaphor &&
           (m.entry != nullptr || m.open);
  };
  auto entry_key = [](const Mention& m) {
    return absl::StrCat("e", reinterpret_cast<uintptr_t>(m.entry));
  };
  // An open phrase that writes a lexicon entry's name in another number
  // ("ACL injuries" where the vocabulary has "ACL injury") is that entry.
  absl::flat_hash_map<std::pair<std::string, int>, std::string> entry_by_name;
  for (std::vector<Mention>* mentions : sentences) {
    for (const Mention& m : *mentions) {
      if (m.entry == nullptr || !takes_part(m)) continue;
      entry_by_name.try_emplace({SingularKey(m.name), m.type}, entry_key(m));
    }
  }
  absl::flat_hash_map<std::string, size_t> group_of;
  std::vector<Group> groups;  // In order of first mention.
  for (std::vector<Mention>* mentions : sentences) {
    for (Mention& m : *mentions) {
      if (!takes_part(m)) continue;
      std::string key;
      if (m.entry != nullptr) {
        key = entry_key(m);
      } else {
        std::string singular = SingularKey(m.name);
        const auto e = entry_by_name.find({singular, m.type});
        key =
            e != entry_by_name.end() ? e->second : absl::StrCat("o", singular);
      }
      auto [slot, added] = group_of.try_emplace(key, groups.size());
      if (added) groups.emplace_back();
      Group& g = groups[slot->second];
      g.mentions.push_back(&m);
      auto it = std::find_if(g.names.begin(), g.names.end(),
                             [&](const auto& n) { return n.name == m.name; });
      if (it == g.names.end()) it = g.names.insert(g.names.end(), {m.name});
      ++it->uses;
      it->vocabulary |= m.entry != nullptr;
    }
  }
  for (const Group& g : groups) {
    if (g.names.size() < 2) continue;
    // The name written most often; on a tie, one a vocabulary entry's
    // mention writes ("ACL injury" over an open "ACL injuries"), then the
    // first.
    const Group::Name* best = &g.names[0];
    for (const Group::Name& n : g.names) {
      if (n.uses > best->uses ||
          (n.uses == best->uses && n.vocabulary && !best->vocabulary)) {
        best = &n;
      }
    }
    for (Mention* m : g.mentions) {
      if (m->name == best->name || Siblings(m->name, best->name)) continue;
      if (m->entry != nullptr && m->alias.empty()) m->alias = m->name;
      m->name = best->name;
      if (m->entry != nullptr && TokenKey(m->alias) == TokenKey(m->name)) {
        m->alias.clear();
      }
    }
  }
}

}  // namespace mskg::ingest
