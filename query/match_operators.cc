// query/match_operators.cc: the operators that match patterns: node scan,
// expand, variable-length expansion (depth-first, or breadth-first when only
// the end nodes matter), shortest paths and named paths.
#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/boost_graph.h"
#include "query/plan_executor.h"
#include "query/node_set.h"
#include "query/stamped_array.h"

namespace mskg::query {
namespace {

using graph::Adjacent;
using graph::EdgeIndex;
using graph::NodeIndex;

// Per-thread scratch of the breadth-first searches of endpoints_only
// expansions, reused across executions: the nodes reached (a bitmap, which
// stays in cache at 1M nodes) and, only where evidence paths or the
// undirected cycle test need it, each one's BFS parent edge. A search
// finishes before it emits any row, so nested searches never overlap.
using BfsScratch = StampedArray<EdgeIndex>;

BfsScratch& ThreadBfsScratch() {
  thread_local BfsScratch scratch;
  return scratch;
}

NodeSet& ThreadBfsReached() {
  thread_local NodeSet reached;
  return reached;
}

// Per-thread scratch of undirected endpoints_only searches that look for a
// cycle through their start: each node's subtree (the start's neighbour it
// was reached through) and depth.
using BranchScratch = StampedArray<std::pair<uint32_t, int>>;

BranchScratch& ThreadBranchScratch() {
  thread_local BranchScratch scratch;
  return scratch;
}

// How many nodes ahead a loop over scattered nodes prefetches their data.
constexpr size_t kPrefetchAhead = 8;

}  // namespace

bool PlanExecutor::Scan(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  if (op.anchor >= 0) {
    for (NodeIndex v : names_[op.anchor]) {
      if (op.label != schema::NODE_TYPE_UNSPECIFIED && view_.node(v).type != op.label) continue;
      slots_[op.slot] = ExecValue::Node(v);
      if (!Emit(ops, i, next)) return false;
    }
    return true;
  }
  if (op.label != schema::NODE_TYPE_UNSPECIFIED) {
    for (NodeIndex v : view_.NodesOfType(op.label)) {
      slots_[op.slot] = ExecValue::Node(v);
      if (!Emit(ops, i, next)) return false;
    }
    return true;
  }
  for (NodeIndex v = 0; v < view_.num_nodes(); ++v) {
    slots_[op.slot] = ExecValue::Node(v);
    if (!Emit(ops, i, next)) return false;
  }
  return true;
}

bool PlanExecutor::EdgeUsed(const PlanOp& op, EdgeIndex e) const {
  for (int s : op.unique_slots) {
    const ExecValue& v = slots_[s];
    if (v.is_edge()) {
      if (v.AsEdge() == e) return true;
    } else if (v.is_list()) {
      for (const ExecValue& x : v.AsList()) {
        if (x.is_edge() && x.AsEdge() == e) return true;
      }
    }
  }
  return false;
}

bool PlanExecutor::TargetOk(const PlanOp& op, NodeIndex w) const {
  if (op.into) {
    const ExecValue& t = slots_[op.to_slot];
    return t.is_node() && t.AsNode() == w;
  }
  if (op.to_label != schema::NODE_TYPE_UNSPECIFIED && view_.node(w).type != op.to_label) {
    return false;
  }
  if (op.to_anchor >= 0) {
    const auto& span = names_[op.to_anchor];
    return std::binary_search(span.begin(), span.end(), w);
  }
  return true;
}

// Calls f(adjacent) for each edge of `v` the op follows; stops when f
// returns false. Skips negated edges unless asked, and visits a self-loop
// once when following both directions.
template <typename F>
bool PlanExecutor::ForEachEdge(const PlanOp& op, NodeIndex v, F&& f) {
  auto visit = [&](absl::Span<const Adjacent> span, bool is_in) {
    for (const Adjacent& a : span) {
      // Searches may follow many relationships for each row they emit.
      if (!context_.Tick()) return false;
      if (is_in && op.out && a.node == v) continue;
      if (!options_.include_negated && a.negated) continue;
      if (!options_.include_inferred && a.inferred) continue;
      if (!f(a)) return false;
    }
    return true;
  };
  for (int dir = 0; dir < 2; ++dir) {
    const bool is_in = dir == 1;
    if (is_in ? !op.in : !op.out) continue;
    if (op.types.empty()) {
      if (!visit(is_in ? view_.In(v) : view_.Out(v), is_in)) return false;
    } else {
      for (schema::Relation r : op.types) {
        if (!visit(is_in ? view_.In(v, r) : view_.Out(v, r), is_in)) return false;
      }
    }
  }
  return true;
}

void PlanExecutor::PrefetchEdges(const PlanOp& op, NodeIndex v) const {
  if (!op.types.empty()) return;  // Relation ranges need a search first.
  if (op.out) __builtin_prefetch(view_.Out(v).data());
  if (op.in) __builtin_prefetch(view_.In(v).data());
}

bool PlanExecutor::Expand(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  const ExecValue& from = slots_[op.from_slot];
  if (!from.is_node()) return true;
  const NodeIndex v = from.AsNode();
  return ForEachEdge(op, v, [&](const Adjacent& a) {
    if (!TargetOk(op, a.node)) return true;
    if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
    if (!op.into) slots_[op.to_slot] = ExecValue::Node(a.node);
    slots_[op.edge_slot] = ExecValue::Edge(a.edge);
    return Emit(ops, i, next);
  });
}

bool PlanExecutor::VarExpand(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  const ExecValue& from = slots_[op.from_slot];
  if (!from.is_node()) return true;
  int max = op.max_hops < 0 ? options_.max_hops : std::min(op.max_hops, options_.max_hops);
  if (op.max_hops < 0 || op.max_hops > options_.max_hops) {
    Notice(absl::StrCat("variable-length relationship bounded to ", options_.max_hops,
                        " hops (QueryOptions::max_hops)"));
  }
  if (op.endpoints_only) return VarExpandBreadthFirst(ops, i, next, from.AsNode(), max);
  std::vector<EdgeIndex> path;
  return VarExpandDepthFirst(ops, i, next, from.AsNode(), max, &path);
}

// The endpoints_only form of VarExpand (see PlanOp::endpoints_only):
// binds each node within [min_hops, max] hops of `s` once, in
// breadth-first order, and the edge slot to one shortest path to it when
// collecting evidence (else null).
bool PlanExecutor::VarExpandBreadthFirst(const Ops& ops, size_t i,
                                         const Continuation& next, NodeIndex s,
                                         int max) {
  const PlanOp& op = ops[i];
  NodeSet& reached = ThreadBfsReached();
  reached.Start(view_.num_nodes());
  BfsScratch& visited = ThreadBfsScratch();
  constexpr EdgeIndex kNoEdge = std::numeric_limits<EdgeIndex>::max();
  std::vector<NodeIndex> hits;
  reached.Insert(s);
  // A start node is an end node at 0 hops, or at the length of a shortest
  // cycle through it. Directed: the first edge back into s closes one.
  // Undirected: walking a tree edge back is no cycle; a shortest cycle
  // through s closes on a non-tree edge between two different subtrees of
  // s (or s itself), its length their depths + 1 (the classic BFS
  // argument), so each node reached records its subtree and depth.
  bool start_done = op.min_hops == 0;
  EdgeIndex start_cycle = kNoEdge;  // Directed: the cycle's last edge.
  const bool undirected = op.out && op.in;
  const bool track = undirected && !start_done;
  BranchScratch& branch = ThreadBranchScratch();
  if (track) {
    branch.Start(view_.num_nodes());
    branch.Set(s, {kNullNode, 0});
  }
  // Parent edges: for the evidence paths and the undirected cycle test.
  const bool parents = options_.collect_evidence || track;
  if (parents) {
    visited.Start(view_.num_nodes());
    visited.Set(s, kNoEdge);
  }
  int cycle_length = max + 1;  // Undirected: the shortest cycle so far,
  NodeIndex cycle_u = 0, cycle_w = 0;  // the ends of its closing edge,
  EdgeIndex cycle_edge = kNoEdge;      // and that edge.
  if (start_done && TargetOk(op, s)) hits.push_back(s);
  std::vector<NodeIndex> frontier = {s}, next_frontier;
  for (int depth = 1; depth <= max && !frontier.empty(); ++depth) {
    next_frontier.clear();
    for (size_t f = 0; f < frontier.size(); ++f) {
      const NodeIndex u = frontier[f];
      // The frontier's adjacency lists are scattered over the view: fetch
      // those of a node a few ahead while this one is expanded.
      if (f + kPrefetchAhead < frontier.size()) {
        PrefetchEdges(op, frontier[f + kPrefetchAhead]);
      }
      const bool within_bounds = ForEachEdge(op, u, [&](const Adjacent& a) {
        if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
        if (reached.Contains(a.node)) {
          if (start_done) return true;
          if (!undirected) {
            if (a.node == s) {
              start_done = true;
              start_cycle = a.edge;
              if (TargetOk(op, s)) hits.push_back(s);
            }
            return true;
          }
          const NodeIndex w = a.node;
          if (a.edge == visited.value[u]) return true;  // The tree edge back.
          const auto [bu, du] = branch.value[u];
          const auto [bw, dw] = branch.value[w];
          if (u != s && w != s && bu == bw) return true;  // One subtree.
          if (du + dw + 1 < cycle_length) {
            cycle_length = du + dw + 1;
            cycle_u = u;
            cycle_w = w;
            cycle_edge = a.edge;
          }
          return true;
        }
        reached.Insert(a.node);
        if (parents) visited.Set(a.node, a.edge);
        if (track) {
          branch.Set(a.node, {u == s ? a.node : branch.value[u].first, depth});
        }
        if (TargetOk(op, a.node)) hits.push_back(a.node);
        if (depth < max) next_frontier.push_back(a.node);
        return true;
      });
      if (!within_bounds) return false;
    }
    frontier.swap(next_frontier);
  }
  if (track && cycle_edge != kNoEdge) {
    start_done = true;
    if (TargetOk(op, s)) hits.push_back(s);
  }
  // With evidence, the paths are built before any row goes on (a nested
  // search reuses the scratch).
  std::vector<ExecValue> paths;
  if (options_.collect_evidence) {
    paths.reserve(hits.size());
    for (NodeIndex x : hits) {
      std::vector<ExecValue> edges;
      NodeIndex at = x;
      // Backwards, the undirected cycle is s..w, the closing edge, u..s.
      if (x == s && cycle_edge != kNoEdge && op.min_hops > 0) {
        for (NodeIndex y = cycle_w; visited.value[y] != kNoEdge;) {
          const graph::EdgeInfo& info = view_.edge(visited.value[y]);
          edges.push_back(ExecValue::Edge(visited.value[y]));
          y = info.source == y ? info.target : info.source;
        }
        std::reverse(edges.begin(), edges.end());
        edges.push_back(ExecValue::Edge(cycle_edge));
        at = cycle_u;
      } else if (x == s && start_cycle != kNoEdge) {
        edges.push_back(ExecValue::Edge(start_cycle));
        const graph::EdgeInfo& info = view_.edge(start_cycle);
        at = info.source == s ? info.target : info.source;
      }
      while (visited.value[at] != kNoEdge) {
        const EdgeIndex e = visited.value[at];
        edges.push_back(ExecValue::Edge(e));
        const graph::EdgeInfo& info = view_.edge(e);
        at = info.source == at ? info.target : info.source;
      }
      // Collected backwards; the list is in the pattern's order.
      if (!op.reverse_list) std::reverse(edges.begin(), edges.end());
      paths.push_back(ExecValue(std::move(edges)));
    }
  }
  for (size_t h = 0; h < hits.size(); ++h) {
    // The rows that follow read each hit's NodeInfo (its name, for
    // instance); hits are scattered over the view, so fetch ahead.
    if (h + kPrefetchAhead < hits.size()) {
      view_.PrefetchNode(hits[h + kPrefetchAhead]);
    }
    if (!op.into) slots_[op.to_slot] = ExecValue::Node(hits[h]);
    slots_[op.edge_slot] = options_.collect_evidence ? std::move(paths[h]) : ExecValue();
    if (!Emit(ops, i, next)) return false;
  }
  return true;
}

bool PlanExecutor::VarExpandDepthFirst(const Ops& ops, size_t i,
                                       const Continuation& next, NodeIndex v,
                                       int max, std::vector<EdgeIndex>* path) {
  const PlanOp& op = ops[i];
  if (static_cast<int>(path->size()) >= op.min_hops && TargetOk(op, v)) {
    if (!op.into) slots_[op.to_slot] = ExecValue::Node(v);
    std::vector<ExecValue> edges;
    edges.reserve(path->size());
    for (EdgeIndex e : *path) edges.push_back(ExecValue::Edge(e));
    if (op.reverse_list) std::reverse(edges.begin(), edges.end());
    slots_[op.edge_slot] = ExecValue(std::move(edges));
    if (!Emit(ops, i, next)) return false;
  }
  if (static_cast<int>(path->size()) >= max) return true;
  return ForEachEdge(op, v, [&](const Adjacent& a) {
    if (std::find(path->begin(), path->end(), a.edge) != path->end()) return true;
    if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
    path->push_back(a.edge);
    const bool r = VarExpandDepthFirst(ops, i, next, a.node, max, path);
    path->pop_back();
    return r;
  });
}

// Returns the shortest paths the op asks for between `a` and `b`, in the
// op's left-to-right order, computed once per execution and pair; null
// (with the error set) if the search failed.
const std::vector<graph::GraphPath>* PlanExecutor::FindShortestPaths(
    const PlanOp& op, NodeIndex a, NodeIndex b) {
  auto key = std::make_tuple(op.id, a, b);
  auto it = shortest_paths_.find(key);
  if (it != shortest_paths_.end()) return &it->second;
  std::vector<graph::GraphPath> paths;
  if (op.max_hops == 0) {
    if (a == b) paths.push_back(graph::GraphPath{{a}, {}});
  } else {
    const bool undirected = op.out && op.in;
    const bool backward = op.in && !op.out;
    // A breadth-first search may visit the whole graph.
    if (!context_.Tick(view_.num_nodes() + view_.num_edges())) return nullptr;
    // Search from the end the edges leave, then turn the paths around.
    const size_t max_paths = std::max<size_t>(options_.max_rows, 1);
    absl::StatusOr<std::vector<graph::GraphPath>> found = graph::ShortestPaths(
        view_, backward ? b : a, backward ? a : b, op.types, std::max(op.max_hops, 0),
        op.all_shortest, undirected, max_paths);
    if (!found.ok()) {
      context_.SetError(found.status());
      return nullptr;
    }
    paths = std::move(found).value();
    uint64_t bytes = 0;
    for (const graph::GraphPath& p : paths) {
      bytes += sizeof(p) + (p.nodes.size() + p.edges.size()) * sizeof(uint32_t);
    }
    if (!context_.Charge(bytes)) return nullptr;
    if (backward) {
      for (graph::GraphPath& p : paths) {
        std::reverse(p.nodes.begin(), p.nodes.end());
        std::reverse(p.edges.begin(), p.edges.end());
      }
    }
    if (op.all_shortest && paths.size() >= max_paths) {
      Notice(absl::StrCat("allShortestPaths() stopped after ", max_paths,
                          " paths between one pair of nodes"));
    }
  }
  if (options_.include_negated) {
    Notice("shortest paths never follow negated edges");
  }
  if (!options_.include_inferred) {
    Notice("shortest paths follow inferred edges (include_inferred is ignored)");
  }
  return &shortest_paths_.emplace(key, std::move(paths)).first->second;
}

bool PlanExecutor::ShortestPath(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  const ExecValue& from = slots_[op.from_slot];
  const ExecValue& to = slots_[op.to_slot];
  if (!from.is_node() || !to.is_node()) return true;
  const std::vector<graph::GraphPath>* paths =
      FindShortestPaths(op, from.AsNode(), to.AsNode());
  if (paths == nullptr) return false;
  for (const graph::GraphPath& p : *paths) {
    if (static_cast<int>(p.edges.size()) < op.min_hops) continue;
    bool used = false;
    for (EdgeIndex e : p.edges) used = used || EdgeUsed(op, e);
    if (used) continue;
    std::vector<ExecValue> edges;
    edges.reserve(p.edges.size());
    for (EdgeIndex e : p.edges) edges.push_back(ExecValue::Edge(e));
    slots_[op.edge_slot] = ExecValue(std::move(edges));
    if (!Emit(ops, i, next)) return false;
  }
  return true;
}

bool PlanExecutor::BuildPath(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  const ExecValue& start = slots_[op.from_slot];
  if (!start.is_node()) {  // An OPTIONAL MATCH that did not match.
    slots_[op.slot] = ExecValue();
    return Emit(ops, i, next);
  }
  std::vector<ExecValue> items = {start};
  NodeIndex at = start.AsNode();
  auto step = [&](const ExecValue& e) {
    if (!e.is_edge()) return;
    const graph::EdgeInfo& info = view_.edge(e.AsEdge());
    at = info.source == at ? info.target : info.source;
    items.push_back(e);
    items.push_back(ExecValue::Node(at));
  };
  for (int s : op.path_slots) {
    const ExecValue& v = slots_[s];
    if (v.is_list()) {
      for (const ExecValue& e : v.AsList()) step(e);
    } else {
      step(v);
    }
  }
  slots_[op.slot] = ExecValue(std::move(items));
  return Emit(ops, i, next);
}

}  // namespace mskg::query
