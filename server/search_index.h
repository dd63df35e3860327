// server/search_index.h
//
// SearchIndex: autocomplete over the names and aliases of one GraphView.
// Every name and alias is kept under its NameKey (util/name_key.h: case-,
// plural- and punctuation-insensitive, the key GraphView::Lookup uses) in
// one sorted array, once from its start and once from each later word, so
// a prefix is a binary search. Hits are tiered (the whole key, a prefix of
// the key, a prefix of a later word, then one typo: a deletion, insertion,
// substitution or transposition of the query's key) and ranked within a
// tier by degree, then by name.
//
// GraphView's own name index (a hash map from whole keys) answers exact
// lookups; prefixes need an order, hence this array, built once per
// snapshot beside the view.
//
// Thread-safety: immutable after Build(); any number of threads may search.
#ifndef MSKG_SERVER_SEARCH_INDEX_H_
#define MSKG_SERVER_SEARCH_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "schema/graph.pb.h"

namespace mskg::server {

class SearchIndex {
 public:
  enum class Match { kExact, kPrefix, kWordPrefix, kTypo };

  struct Hit {
    graph::NodeIndex node;
    Match match;
    // The name or alias that matched (points into the view).
    absl::string_view matched;
    uint32_t degree;
  };

  // Returns the index of `view`'s names and aliases. `view` must outlive
  // the index.
  static SearchIndex Build(const graph::GraphView& view);

  // Returns up to `limit` nodes matching `query`, best first, each once;
  // only nodes of `type` unless it is NODE_TYPE_UNSPECIFIED. Typos are
  // tried only when fewer than `limit` hits matched exactly and the query's
  // key has at least 3 characters.
  std::vector<Hit> Search(absl::string_view query, schema::NodeType type,
                          size_t limit) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t spelling;  // Index into spellings_.
    uint32_t offset;    // Where in its key this entry starts (0 or a word).
  };
  // The node's type and degree are copied here so that ranking a prefix
  // range reads the spellings alone, not the view (a cache miss per hit).
  struct Spelling {
    std::string key;
    absl::string_view text;  // Points into the view.
    graph::NodeIndex node;
    schema::NodeType type;
    uint32_t degree;
  };

  absl::string_view EntryKey(const Entry& e) const {
    return absl::string_view(spellings_[e.spelling].key).substr(e.offset);
  }
  // Calls visit(entry, entry key) for the entries whose key starts with
  // `prefix`, in key order, at most `max_scan` of them.
  template <typename Visit>
  void ForEachWithPrefix(absl::string_view prefix, size_t max_scan,
                         const Visit& visit) const;

  const graph::GraphView* view_ = nullptr;
  std::vector<Spelling> spellings_;
  std::vector<Entry> entries_;  // Sorted by EntryKey.
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_SEARCH_INDEX_H_
