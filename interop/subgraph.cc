// interop/subgraph.cc: a GraphView of selected nodes, edges and neighbours.
#include "interop/subgraph.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace mskg::interop {

absl::StatusOr<Subgraph> BuildSubgraph(const graph::GraphView& view,
                                       const Selection& selection,
                                       const SubgraphOptions& options) {
  absl::flat_hash_set<graph::NodeIndex> nodes;
  absl::flat_hash_set<graph::EdgeIndex> edges;
  for (graph::NodeIndex v : selection.nodes) {
    if (v >= view.num_nodes()) {
      return absl::InvalidArgumentError(
          absl::StrCat("node index ", v, " out of range"));
    }
    nodes.insert(v);
  }
  for (graph::EdgeIndex e : selection.edges) {
    if (e >= view.num_edges()) {
      return absl::InvalidArgumentError(
          absl::StrCat("edge index ", e, " out of range"));
    }
    edges.insert(e);
    nodes.insert(view.edge(e).source);
    nodes.insert(view.edge(e).target);
  }
  const absl::flat_hash_set<graph::NodeIndex> selected_nodes = nodes;
  const absl::flat_hash_set<graph::EdgeIndex> selected_edges = edges;
  if (options.context != nullptr) {
    for (graph::NodeIndex v : options.context->nodes) {
      if (v < view.num_nodes()) nodes.insert(v);
    }
    for (graph::EdgeIndex e : options.context->edges) {
      if (e >= view.num_edges()) continue;
      edges.insert(e);
      nodes.insert(view.edge(e).source);
      nodes.insert(view.edge(e).target);
    }
  }
  if (options.neighbours) {
    for (graph::NodeIndex v : selected_nodes) {
      size_t added = 0;
      for (auto adjacency : {view.Out(v), view.In(v)}) {
        for (const graph::Adjacent& a : adjacency) {
          if (added >= options.max_neighbours_per_node) break;
          if (edges.insert(a.edge).second) ++added;
          nodes.insert(a.node);
        }
      }
    }
  }
  // Edges between two kept nodes also belong to the picture (between
  // selected nodes always; otherwise up to the edge budget). In node order,
  // so that the picture does not depend on hash order.
  std::vector<graph::NodeIndex> kept(nodes.begin(), nodes.end());
  std::sort(kept.begin(), kept.end());
  for (graph::NodeIndex v : kept) {
    if (!options.edges_among_kept) break;
    for (const graph::Adjacent& a : view.Out(v)) {
      if (!nodes.contains(a.node)) continue;
      const bool among_selected =
          selected_nodes.contains(v) && selected_nodes.contains(a.node);
      if (options.neighbours && !among_selected &&
          edges.size() >= options.max_edges) {
        continue;
      }
      edges.insert(a.edge);
    }
  }

  std::vector<graph::NodeIndex> node_list(nodes.begin(), nodes.end());
  std::sort(node_list.begin(), node_list.end());
  std::vector<graph::EdgeIndex> edge_list(edges.begin(), edges.end());
  // Ascending: premises (derived before their conclusions) come first.
  std::sort(edge_list.begin(), edge_list.end());

  graph::GraphViewBuilder builder;
  builder.Reserve(node_list.size(), edge_list.size());
  absl::flat_hash_map<graph::NodeIndex, graph::NodeIndex> node_map;
  absl::flat_hash_map<graph::EdgeIndex, graph::EdgeIndex> edge_map;
  Subgraph result;
  for (graph::NodeIndex v : node_list) {
    const graph::NodeInfo& info = view.node(v);
    const graph::NodeIndex mapped =
        builder.AddNode(info.type, info.name, info.aliases.ToStrings(), info.id);
    node_map[v] = mapped;
    if (selected_nodes.contains(v)) result.selected_nodes.insert(mapped);
  }
  for (graph::EdgeIndex e : edge_list) {
    const graph::EdgeInfo& info = view.edge(e);
    const graph::NodeIndex s = node_map[info.source];
    const graph::NodeIndex t = node_map[info.target];
    graph::EdgeIndex mapped;
    if (info.inferred) {
      std::vector<graph::EdgeIndex> premises;
      for (graph::EdgeIndex p : info.premises) {
        if (auto it = edge_map.find(p); it != edge_map.end()) {
          premises.push_back(it->second);
        }
      }
      mapped = builder.AddInferredEdge(s, info.relation, t, info.rule,
                                       std::move(premises));
    } else {
      mapped = builder.AddEdge(s, info.relation, t, info.support.Decode());
    }
    if (mapped == graph::kInvalidIndex) continue;
    edge_map[e] = mapped;
    if (selected_edges.contains(e)) result.selected_edges.insert(mapped);
  }
  result.view = builder.Finish();
  return result;
}

}  // namespace mskg::interop
