// interop/subgraph.h
//
// Cuts a subgraph out of a GraphView: the nodes and edges a query matched
// (a Selection), optionally with their immediate neighbours, as a new
// GraphView that every writer accepts (`mskg export --query`, `mskg show`).
// Node ids, support and inferred edges (with the premises that are inside
// the subgraph) are kept.
#ifndef MSKG_INTEROP_SUBGRAPH_H_
#define MSKG_INTEROP_SUBGRAPH_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "graph/graph_view.h"

namespace mskg::interop {

// What a query matched, as indices into the view it ran on.
struct Selection {
  std::vector<graph::NodeIndex> nodes;
  std::vector<graph::EdgeIndex> edges;
};

struct SubgraphOptions {
  // Also take every edge of a selected node and its other endpoint.
  // Default: false.
  bool neighbours = false;
  // At most this many neighbour edges per selected node, so that a hub
  // (a generic symptom with thousands of edges) does not flood a picture.
  // Default: 25.
  size_t max_neighbours_per_node = 25;
  // With neighbours, at most this many edges in all: the edges between two
  // neighbours stop there, so that a dense neighbourhood (the reference
  // anatomy's antagonists) stays drawable; Graphviz's layout time grows
  // fast with edges. The selection's own edges and each neighbour's edge
  // to the selection are always kept. Default: 150.
  size_t max_edges = 150;
  // Also take every edge between two kept nodes (between two selected
  // nodes whatever the budget). `mskg show` turns it off to draw only what
  // the query matched. Default: true.
  bool edges_among_kept = true;
  // Nodes and edges kept besides the selection but not counted as selected
  // (the ranked context of `mskg show --neighbours`), with the endpoints of
  // its edges. Not owned; must outlive the call. Default: none.
  const Selection* context = nullptr;
};

struct Subgraph {
  std::shared_ptr<const graph::GraphView> view;
  // The selection, as indices into `view` (the rest are neighbours).
  absl::flat_hash_set<graph::NodeIndex> selected_nodes;
  absl::flat_hash_set<graph::EdgeIndex> selected_edges;
};

// Returns the subgraph of `view` for `selection`; the endpoints of selected
// edges count as selected. InvalidArgument on an index out of range.
absl::StatusOr<Subgraph> BuildSubgraph(const graph::GraphView& view,
                                       const Selection& selection,
                                       const SubgraphOptions& options);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_SUBGRAPH_H_
