// query/plan.h
//
// The physical plan the planner produces and the executor runs. Each query
// part is a pipeline of operators over a row of slots: every operator binds
// or checks slots and hands the row to the next one (push model, no
// per-row allocation); the part ends in its projection (WITH/RETURN), whose
// rows feed the next part.
#ifndef MSKG_QUERY_PLAN_H_
#define MSKG_QUERY_PLAN_H_

#include <string>
#include <vector>

#include "query/expr.h"
#include "schema/graph.pb.h"

namespace mskg::query {

struct PlanOp {
  enum class Kind {
    kScan,      // Binds `slot` to each node with `label` (or all nodes), or,
                // with `anchor` >= 0, to each node named by that NameSource.
    kExpand,    // From the node in `from_slot` along matching edges: binds
                // `edge_slot` and `to_slot` (or, with `into`, checks that the
                // other end is the node in `to_slot`).
    kFilter,    // Passes rows where `predicate` is true.
    kOptional,  // Runs `inner`; if it passes no row, passes the row once
                // with `null_slots` null.
    kShortestPath,  // Between the bound nodes in `from_slot` and `to_slot`:
                    // binds `edge_slot` to the edges of each shortest path
                    // (one, or all with `all_shortest`) found by Boost BFS
                    // over `types`, following `out`/`in` as kExpand.
    kBuildPath,     // Binds `slot` to the named path that starts at the node
                    // in `from_slot` and follows the edges in `path_slots`.
  };
  Kind kind = Kind::kFilter;
  int id = 0;  // Index for PROFILE counters.
  // kScan.
  int slot = -1;
  schema::NodeType label = schema::NODE_TYPE_UNSPECIFIED;
  int anchor = -1;
  // kExpand.
  int from_slot = -1;
  int to_slot = -1;
  int edge_slot = -1;
  bool into = false;
  bool out = true;  // Follow out-edges of from (from is the source).
  bool in = false;  // Follow in-edges of from (from is the target).
  std::vector<schema::Relation> types;  // Empty: all relations.
  schema::NodeType to_label = schema::NODE_TYPE_UNSPECIFIED;
  int to_anchor = -1;  // NameSource the other end must match, or -1.
  bool variable_length = false;  // Then edge_slot holds a list of edges,
                                 // in the pattern's left-to-right order.
  bool reverse_list = false;  // Expanding from the pattern's right end.
  int min_hops = 1;
  int max_hops = 1;  // -1: up to QueryOptions::max_hops.
  std::vector<int> unique_slots;  // Edge/path slots whose edges differ.
  // Variable length only: emit each end node reachable within
  // [min_hops, max_hops] once, found breadth-first, instead of once per
  // path. Set by the planner when nothing after the op reads `edge_slot`
  // and the number of paths to an end node cannot change the result: the
  // part's projection is DISTINCT, or its aggregates ignore multiplicity
  // (count(DISTINCT x), min, ...), or the op is in a pattern predicate.
  // `edge_slot` then holds one shortest path (with evidence) or null.
  bool endpoints_only = false;
  // kShortestPath.
  bool all_shortest = false;
  // kBuildPath: edge and edge-list slots, in path order.
  std::vector<int> path_slots;
  // kFilter.
  BoundExprPtr predicate;
  // kOptional.
  std::vector<PlanOp> inner;
  std::vector<int> null_slots;

  double estimated_rows = 0;
};

struct PartPlan {
  int num_input_slots = 0;
  int num_slots = 0;
  std::vector<PlanOp> ops;
  ProjectionSpec projection;
  std::vector<int> evidence_slots;  // Edge and path slots bound here.
};

struct PhysicalPlan {
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<PartPlan> parts;
  std::vector<std::vector<PlanOp>> patterns;  // Pattern predicates.
  std::vector<NameSource> names;
  std::vector<std::string> columns;
  int num_ops = 0;

  // Returns the plan as indented text, one operator a line; with
  // `rows`/`micros` (indexed by PlanOp::id) the PROFILE figures too.
  std::string ToString(const std::vector<uint64_t>* rows = nullptr,
                       const std::vector<double>* micros = nullptr) const;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_PLAN_H_
