// graph/boost_graph.h
//
// Adapter from a GraphView to Boost.Graph, for the classic algorithms the
// query engine needs (shortestPath(), allShortestPaths()). Vertices are the
// view's NodeIndex; each Boost edge carries the view's EdgeIndex. Boost
// exceptions are caught here and returned as absl::Status.
//
// Thread-safety: the functions only read the view; any number may run at
// once on the same view.
#ifndef MSKG_GRAPH_BOOST_GRAPH_H_
#define MSKG_GRAPH_BOOST_GRAPH_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "boost/graph/adjacency_list.hpp"
#include "graph/graph_view.h"

namespace mskg::graph {

// The edge property of BoostGraph: the view's edge.
struct BoostEdge {
  EdgeIndex edge = kInvalidIndex;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                          boost::no_property, BoostEdge>;

struct BoostGraphOptions {
  // Only edges with these relations; empty means all. Default: {}.
  std::vector<schema::Relation> relations;
  // Also add every edge reversed (target -> source), for undirected
  // traversal. Default: false.
  bool undirected = false;
  // Include negated edges (whose sources deny them). Default: false.
  bool include_negated = false;
};

// Returns a Boost graph with one vertex per node of `view` and the edges
// selected by `options`. Internal if Boost throws.
absl::StatusOr<BoostGraph> BuildBoostGraph(const GraphView& view,
                                           const BoostGraphOptions& options);

// A path: nodes[0] is the source, nodes.back() the target, and edges[i]
// joins nodes[i] and nodes[i + 1] (in either direction when undirected).
struct GraphPath {
  std::vector<NodeIndex> nodes;
  std::vector<EdgeIndex> edges;
};

// Returns the shortest paths from `source` to `target` over edges of
// `relations` (empty: all relations), of at most `max_hops` edges (<= 0: no
// limit), found by boost::breadth_first_search. With `all_paths`, every
// shortest path (distinct edge sequences, at most `max_paths`), else one.
// Empty if `target` is unreachable within the limit; a single zero-length
// path if source == target. Negated edges are not followed. `undirected`
// also follows edges backwards. InvalidArgument on an index out of range;
// Internal if Boost throws.
absl::StatusOr<std::vector<GraphPath>> ShortestPaths(
    const GraphView& view, NodeIndex source, NodeIndex target,
    absl::Span<const schema::Relation> relations, int max_hops,
    bool all_paths, bool undirected = false, size_t max_paths = 10000);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_BOOST_GRAPH_H_
