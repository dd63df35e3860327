// query/planner.h
//
// Plan: the fourth stage of the query pipeline. Turns a bound query into a
// physical plan (plan.h) using the graph's statistics: each MATCH starts from
// its most selective node (one named by a literal or parameter, else the
// label with the fewest nodes), expands along relationships from bound
// nodes (checking "into" a node that is bound already, which is how
// comma-separated patterns join on shared variables), and places each WHERE
// conjunct right after the operator that binds its last variable.
//
// Errors: InvalidArgument when a MATCH would form a cartesian product of
// unconnected, unanchored patterns over more than kMaxCartesianRows rows.
#ifndef MSKG_QUERY_PLANNER_H_
#define MSKG_QUERY_PLANNER_H_

#include <memory>

#include "absl/status/statusor.h"
#include "graph/graph_view.h"
#include "query/binder.h"
#include "query/plan.h"

namespace mskg::query {

inline constexpr double kMaxCartesianRows = 1e6;

// Returns the plan of `query` for graphs like `view` (read for statistics
// only; the plan may run on any view).
absl::StatusOr<std::unique_ptr<PhysicalPlan>> Plan(BoundQuery query,
                                                   const graph::GraphView& view);

}  // namespace mskg::query

#endif  // MSKG_QUERY_PLANNER_H_
