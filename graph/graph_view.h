// graph/graph_view.h
//
// GraphView: an immutable in-memory snapshot of the graph, built once from
// the store (or directly by tests and bulk loaders) and shared by every query
// that runs on it. Nodes and edges are dense indices; each node's out- and
// in-edges are stored contiguously, sorted by relation and then by the other
// endpoint, so "edges of v with relation R" is a binary search plus a span.
// A Boost.Graph adjacency_list over the same indices serves the classic
// algorithms (breadth-first search, shortest paths); see boost_graph.h.
//
// Thread-safety: a finished GraphView is immutable; any number of threads may
// read it. GraphViewBuilder is not thread-safe.
#ifndef MSKG_GRAPH_GRAPH_VIEW_H_
#define MSKG_GRAPH_GRAPH_VIEW_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

using NodeIndex = uint32_t;
using EdgeIndex = uint32_t;
inline constexpr uint32_t kInvalidIndex = 0xFFFFFFFFu;
inline constexpr int kNumRelations = 19;  // Including RELATION_UNSPECIFIED.
inline constexpr int kNumNodeTypes = 11;  // Including NODE_TYPE_UNSPECIFIED.

struct NodeInfo {
  uint64_t id = 0;  // The store's node id (stable across views).
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  std::string name;
  std::vector<std::string> aliases;
  // absl::Hash<absl::string_view>()(name), set by GraphViewBuilder::Finish():
  // queries hash names (DISTINCT, grouping) without reading them.
  size_t name_hash = 0;
  // Whether no other node of the view has exactly this name (set by
  // Finish()). DISTINCT over node names then follows from distinct nodes.
  bool name_unique = true;
};

struct EdgeInfo {
  NodeIndex source = kInvalidIndex;
  NodeIndex target = kInvalidIndex;
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  // True for edges derived by an inference rule; `rule` names it and
  // `premises` lists the edges it was derived from.
  bool inferred = false;
  std::string rule;
  std::vector<EdgeIndex> premises;
  // Evidence of an asserted edge: one entry per supporting sentence.
  std::vector<schema::Provenance> support;
  // True when every support is negated: the sources deny the edge.
  bool negated = false;
};

// One entry of a node's adjacency: the edge and its other endpoint, with
// the edge's relation and flags copied from its EdgeInfo, so that a
// traversal filters edges without reading EdgeInfo (a cache miss each).
struct Adjacent {
  NodeIndex node;
  EdgeIndex edge;
  schema::Relation relation;
  bool negated = false;   // EdgeInfo::negated.
  bool inferred = false;  // EdgeInfo::inferred.
};

class GraphView {
 public:
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  size_t num_nodes() const { return nodes_.size(); }
  size_t num_edges() const { return edges_.size(); }
  const NodeInfo& node(NodeIndex v) const { return nodes_[v]; }
  const EdgeInfo& edge(EdgeIndex e) const { return edges_[e]; }

  // Returns the nodes whose name or an alias has the NameKey `key`
  // (see util/name_key.h). Empty if none.
  absl::Span<const NodeIndex> LookupKey(absl::string_view key) const;
  // Same, for a raw name: computes its NameKey first.
  absl::Span<const NodeIndex> Lookup(absl::string_view name) const;
  // Returns the node of `type` whose canonical name has the key of `name`,
  // or kInvalidIndex.
  NodeIndex Find(schema::NodeType type, absl::string_view name) const;

  // All nodes of `type`, ascending.
  absl::Span<const NodeIndex> NodesOfType(schema::NodeType type) const;

  // Out-edges (v is the source) and in-edges (v is the target), all
  // relations or one relation. Sorted by relation, then other endpoint.
  absl::Span<const Adjacent> Out(NodeIndex v) const;
  absl::Span<const Adjacent> In(NodeIndex v) const;
  absl::Span<const Adjacent> Out(NodeIndex v, schema::Relation r) const;
  absl::Span<const Adjacent> In(NodeIndex v, schema::Relation r) const;

  // Number of edges with relation `r` (statistics for the planner).
  size_t RelationCount(schema::Relation r) const {
    return relation_counts_[r];
  }

  // Returns the index of the edge source -r-> target, or kInvalidIndex.
  EdgeIndex FindEdge(NodeIndex source, schema::Relation r,
                     NodeIndex target) const;

 private:
  friend class GraphViewBuilder;
  GraphView() = default;

  std::vector<NodeInfo> nodes_;
  std::vector<EdgeInfo> edges_;
  // CSR adjacency: node v's out-edges are out_[out_begin_[v] .. out_begin_[v+1]).
  std::vector<uint32_t> out_begin_;
  std::vector<Adjacent> out_;
  std::vector<uint32_t> in_begin_;
  std::vector<Adjacent> in_;
  std::vector<NodeIndex> by_type_[kNumNodeTypes];
  absl::flat_hash_map<std::string, std::vector<NodeIndex>> by_key_;
  size_t relation_counts_[kNumRelations] = {};
};

// Builds a GraphView. Nodes are identified by (type, NameKey(name)); adding
// the same node twice merges aliases and returns the first index. Adding the
// same (source, relation, target) twice merges support into one edge.
class GraphViewBuilder {
 public:
  GraphViewBuilder();
  ~GraphViewBuilder();

  // Returns the node's index. `id` 0 assigns index+1 as id.
  NodeIndex AddNode(schema::NodeType type, absl::string_view name,
                    absl::Span<const std::string> aliases = {},
                    uint64_t id = 0);
  // Returns the index of the node with this type and name, or kInvalidIndex.
  NodeIndex FindNode(schema::NodeType type, absl::string_view name) const;

  // Adds or merges an asserted edge with its support.
  EdgeIndex AddEdge(NodeIndex source, schema::Relation relation,
                    NodeIndex target,
                    absl::Span<const schema::Provenance> support = {});
  // Same, moving the support in (GraphStore::View() on large graphs).
  // `support` is left empty.
  EdgeIndex AddEdgeMove(NodeIndex source, schema::Relation relation,
                        NodeIndex target,
                        std::vector<schema::Provenance>* support);
  // Adds an inferred edge, unless an edge with this key exists already.
  // Returns its index, or kInvalidIndex if it existed.
  EdgeIndex AddInferredEdge(NodeIndex source, schema::Relation relation,
                            NodeIndex target, absl::string_view rule,
                            std::vector<EdgeIndex> premises);

  size_t num_nodes() const;
  size_t num_edges() const;
  const NodeInfo& node(NodeIndex v) const;
  const EdgeInfo& edge(EdgeIndex e) const;

  // Reserves room for this many nodes and edges (bulk loading).
  void Reserve(size_t nodes, size_t edges);

  // Sorts adjacency, builds the indices and returns the view. The builder is
  // empty afterwards.
  std::shared_ptr<const GraphView> Finish();

 private:
  std::unique_ptr<GraphView> view_;
  // Key: the type's number, a space, and the NameKey of the name.
  absl::flat_hash_map<std::string, NodeIndex> node_by_type_key_;
  // Key: (source << 32 | target, relation).
  absl::flat_hash_map<std::pair<uint64_t, int>, EdgeIndex> edge_by_key_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_GRAPH_VIEW_H_
