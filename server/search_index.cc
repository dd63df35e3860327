#include "server/search_index.h"

#include <algorithm>
#include <utility>

#include "util/name_key.h"

namespace mskg::server {
namespace {

// Most entries the query's own prefix range contributes: a one-letter
// prefix on a large graph spans tens of thousands of names, of which the
// first this many (in key order) are ranked. Bounds a keystroke's cost.
constexpr size_t kMaxScanPerPrefix = 2048;
// The same for each of the few hundred one-edit variants of the query: a
// typo is the fallback when little matched, so a few hits per variant do.
constexpr size_t kMaxScanPerVariant = 16;

// The characters of NameKey output a typo may stand for.
constexpr absl::string_view kKeyAlphabet =
    "abcdefghijklmnopqrstuvwxyz0123456789 ";

// Leaves one hit per node, its best match.
void KeepBestPerNode(std::vector<SearchIndex::Hit>* hits) {
  using Hit = SearchIndex::Hit;
  std::sort(hits->begin(), hits->end(), [](const Hit& a, const Hit& b) {
    return a.node != b.node ? a.node < b.node : a.match < b.match;
  });
  hits->erase(
      std::unique(hits->begin(), hits->end(),
                  [](const Hit& a, const Hit& b) { return a.node == b.node; }),
      hits->end());
}

}  // namespace

SearchIndex SearchIndex::Build(const graph::GraphView& view) {
  SearchIndex index;
  index.view_ = &view;
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    const graph::NodeInfo& node = view.node(v);
    auto add = [&](absl::string_view text) {
      std::string key = NameKey(text);
      if (key.empty()) return;
      const uint32_t degree =
          static_cast<uint32_t>(view.Out(v).size() + view.In(v).size());
      index.spellings_.push_back(
          Spelling{std::move(key), text, v, node.type, degree});
    };
    add(node.name);
    for (absl::string_view alias : node.aliases) add(alias);
  }
  for (uint32_t s = 0; s < index.spellings_.size(); ++s) {
    const std::string& key = index.spellings_[s].key;
    index.entries_.push_back(Entry{s, 0});
    for (uint32_t i = 1; i < key.size(); ++i) {
      if (key[i - 1] == ' ' && key[i] != ' ')
        index.entries_.push_back(Entry{s, i});
    }
  }
  std::sort(index.entries_.begin(), index.entries_.end(),
            [&index](const Entry& a, const Entry& b) {
              return index.EntryKey(a) < index.EntryKey(b);
            });
  return index;
}

template <typename Visit>
void SearchIndex::ForEachWithPrefix(absl::string_view prefix, size_t max_scan,
                                    const Visit& visit) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), prefix,
      [this](const Entry& e, absl::string_view p) { return EntryKey(e) < p; });
  for (size_t n = 0; it != entries_.end() && n < max_scan; ++it, ++n) {
    const absl::string_view key = EntryKey(*it);
    if (key.substr(0, prefix.size()) != prefix) break;
    visit(*it, key);
  }
}

std::vector<SearchIndex::Hit> SearchIndex::Search(absl::string_view query,
                                                  schema::NodeType type,
                                                  size_t limit) const {
  std::vector<Hit> hits;
  const std::string key = NameKey(query);
  if (key.empty() || limit == 0 || view_ == nullptr) return hits;
  // Every match, then the best of each node (sorted by node, best first).
  auto offer = [&](const Entry& e, Match match) {
    const Spelling& s = spellings_[e.spelling];
    if (type != schema::NODE_TYPE_UNSPECIFIED && s.type != type) return;
    hits.push_back(Hit{s.node, match, s.text, s.degree});
  };
  ForEachWithPrefix(
      key, kMaxScanPerPrefix, [&](const Entry& e, absl::string_view entry_key) {
        if (e.offset > 0) {
          offer(e, Match::kWordPrefix);
        } else {
          offer(e, entry_key.size() == key.size() ? Match::kExact
                                                  : Match::kPrefix);
        }
      });
  KeepBestPerNode(&hits);
  if (hits.size() < limit && key.size() >= 3) {
    // One edit of the key, then a prefix search: the typo may be anywhere
    // in what was typed so far.
    std::vector<std::string> variants;
    for (size_t i = 0; i < key.size(); ++i) {
      variants.push_back(key.substr(0, i) + key.substr(i + 1));  // Deletion.
      if (i + 1 < key.size()) {
        std::string swapped = key;
        std::swap(swapped[i], swapped[i + 1]);
        variants.push_back(std::move(swapped));
      }
    }
    for (size_t i = 0; i <= key.size(); ++i) {
      for (char c : kKeyAlphabet) {
        if (i < key.size() && c != key[i]) {
          std::string substituted = key;
          substituted[i] = c;
          variants.push_back(std::move(substituted));
        }
        variants.push_back(key.substr(0, i) + c + key.substr(i));
      }
    }
    for (const std::string& variant : variants) {
      if (variant.size() < 3) continue;  // Two letters match half the graph.
      ForEachWithPrefix(
          variant, kMaxScanPerVariant,
          [&](const Entry& e, absl::string_view) { offer(e, Match::kTypo); });
    }
  }
  KeepBestPerNode(&hits);
  std::sort(hits.begin(), hits.end(), [this](const Hit& a, const Hit& b) {
    if (a.match != b.match) return a.match < b.match;
    if (a.degree != b.degree) return a.degree > b.degree;
    return view_->node(a.node).name < view_->node(b.node).name;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace mskg::server
