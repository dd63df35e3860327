// graph/boost_graph.cc
//
// GraphView -> boost::adjacency_list, and shortest paths by
// boost::breadth_first_search with all shortest-path predecessors recorded.
#include "graph/boost_graph.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/graph/breadth_first_search.hpp"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

// Records, for every vertex reached, its BFS distance and every edge that
// reaches it on a shortest path. Does not expand beyond `max_hops`.
class PredecessorRecorder : public boost::default_bfs_visitor {
 public:
  PredecessorRecorder(std::vector<uint32_t>* dist,
                      std::vector<std::vector<Edge>>* preds, uint32_t max_hops)
      : dist_(dist), preds_(preds), max_hops_(max_hops) {}

  void examine_edge(const Edge& e, const BoostGraph& g) const {
    const Vertex u = boost::source(e, g);
    const Vertex v = boost::target(e, g);
    const uint32_t du = (*dist_)[u];
    if (du >= max_hops_) return;
    uint32_t& dv = (*dist_)[v];
    if (dv == kUnreached) {
      dv = du + 1;
      (*preds_)[v].push_back(e);
    } else if (dv == du + 1) {
      (*preds_)[v].push_back(e);
    }
  }

 private:
  std::vector<uint32_t>* dist_;
  std::vector<std::vector<Edge>>* preds_;
  uint32_t max_hops_;
};

}  // namespace

absl::StatusOr<BoostGraph> BuildBoostGraph(const GraphView& view,
                                           const BoostGraphOptions& options) {
  bool wanted[kNumRelations] = {};
  for (schema::Relation r : options.relations) {
    if (r >= 0 && r < kNumRelations) wanted[r] = true;
  }
  try {
    BoostGraph g(view.num_nodes());
    for (EdgeIndex e = 0; e < view.num_edges(); ++e) {
      const EdgeInfo& info = view.edge(e);
      if (!options.relations.empty() && !wanted[info.relation]) continue;
      if (info.negated && !options.include_negated) continue;
      boost::add_edge(info.source, info.target, BoostEdge{e}, g);
      if (options.undirected && info.source != info.target) {
        boost::add_edge(info.target, info.source, BoostEdge{e}, g);
      }
    }
    return g;
  } catch (const std::exception& ex) {
    return absl::InternalError(
        absl::StrCat("building the Boost graph failed: ", ex.what()));
  }
}

absl::StatusOr<std::vector<GraphPath>> ShortestPaths(
    const GraphView& view, NodeIndex source, NodeIndex target,
    absl::Span<const schema::Relation> relations, int max_hops,
    bool all_paths, bool undirected, size_t max_paths) {
  if (source >= view.num_nodes() || target >= view.num_nodes()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "shortest path between nodes ", source, " and ", target,
        " of a view with ", view.num_nodes(), " nodes"));
  }
  std::vector<GraphPath> paths;
  if (source == target) {
    paths.push_back(GraphPath{{source}, {}});
    return paths;
  }
  BoostGraphOptions options;
  options.relations.assign(relations.begin(), relations.end());
  options.undirected = undirected;
  MSKG_ASSIGN_OR_RETURN(BoostGraph g, BuildBoostGraph(view, options));

  const uint32_t hop_limit =
      max_hops > 0 ? static_cast<uint32_t>(max_hops) : kUnreached - 1;
  std::vector<uint32_t> dist(view.num_nodes(), kUnreached);
  std::vector<std::vector<Edge>> preds(view.num_nodes());
  dist[source] = 0;
  try {
    boost::breadth_first_search(
        g, boost::vertex(source, g),
        boost::visitor(PredecessorRecorder(&dist, &preds, hop_limit)));
  } catch (const std::exception& ex) {
    return absl::InternalError(
        absl::StrCat("breadth-first search failed: ", ex.what()));
  }
  if (dist[target] == kUnreached) return paths;

  // Enumerate shortest paths backwards from the target, depth first.
  const size_t limit = all_paths ? std::max<size_t>(max_paths, 1) : 1;
  std::vector<Edge> stack_edges;  // Path edges from target backwards.
  struct Frame {
    Vertex v;
    size_t next;
  };
  std::vector<Frame> stack = {{target, 0}};
  while (!stack.empty() && paths.size() < limit) {
    Frame& top = stack.back();
    if (top.v == source) {
      GraphPath path;
      path.nodes.push_back(source);
      for (auto it = stack_edges.rbegin(); it != stack_edges.rend(); ++it) {
        path.edges.push_back(g[*it].edge);
        path.nodes.push_back(boost::target(*it, g));
      }
      paths.push_back(std::move(path));
      stack.pop_back();
      if (!stack_edges.empty()) stack_edges.pop_back();
      continue;
    }
    if (top.next >= preds[top.v].size()) {
      stack.pop_back();
      if (!stack_edges.empty()) stack_edges.pop_back();
      continue;
    }
    const Edge e = preds[top.v][top.next++];
    stack_edges.push_back(e);
    stack.push_back(Frame{boost::source(e, g), 0});
  }
  return paths;
}

}  // namespace mskg::graph
