// graph/node_table.h
//
// NodeTable: the nodes a triples import names, from names as written to
// import-wide node indices, across all of its chunks. A node is a (type,
// NameKey(name)) identity, as in the store ("node_keys", key_codec.h).
//
// Names as written are deduplicated before any NameKey is computed, in a
// SpellingIndex (spelling_index.h) whose lookups are prefetched ahead;
// NameKey then runs once per distinct spelling. Spellings and identities
// are copied into an arena, so a chunk's text may be reused once it is
// resolved.
//
// Memory: about 40 bytes per distinct spelling and 60 per node, plus their
// text; it grows with the distinct nodes of the import, not with its rows
// (bench/README.md has figures).
//
// Thread-safety: not thread-safe.
//
// Private to //graph.
#ifndef MSKG_GRAPH_NODE_TABLE_H_
#define MSKG_GRAPH_NODE_TABLE_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "graph/spelling_index.h"
#include "graph/string_arena.h"
#include "graph/triple_batch.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class NodeTable {
 public:
  struct Node {
    absl::string_view identity;  // keys::NodeIdentityKey.
    absl::string_view name;      // As first written.
    schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  };

  NodeTable();
  NodeTable(const NodeTable&) = delete;
  NodeTable& operator=(const NodeTable&) = delete;

  // Appends to `*out` the node index of the subject, then of the object, of
  // every row of `batch`. A node not named before gets the next index, so
  // indices follow the order in which nodes are first named.
  void ResolveRows(const TripleBatch& batch, std::vector<uint32_t>* out);

  size_t size() const { return nodes_.size(); }
  const Node& node(uint32_t index) const { return nodes_[index]; }

  // Frees what only ResolveRows() needs; node() stays valid, ResolveRows()
  // may no longer be called.
  void ReleaseLookups();

  // Returns the bytes held, for memory budgets and benchmarks.
  size_t MemoryBytes() const;

 private:
  uint32_t Resolve(schema::NodeType type, absl::string_view name,
                   uint64_t hash);

  StringArena arena_;
  SpellingIndex spellings_;  // Spellings in arena_ -> node index.
  absl::flat_hash_map<absl::string_view, uint32_t> by_identity_;
  std::vector<Node> nodes_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_NODE_TABLE_H_
