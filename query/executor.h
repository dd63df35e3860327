// query/executor.h
//
// Execute: the last stage of the query pipeline. Runs a physical plan
// (plan.h) on a GraphView and returns its rows, each with the edges matched
// to produce it (its evidence paths). Rows hold executor values
// (exec_value.h): nodes and relationships as indices into the view, which
// the engine turns into names (to_public.h).
//
// Rows may hold strings by reference into the view and the parameters
// (ExecValue::Ref): both must outlive the result.
//
// The operators live in one file per family: executor.cc (the pipeline),
// match_operators.cc, projection_sink.cc, expression_evaluator.cc (see
// query/README.md).
//
// Thread-safety: Execute only reads the plan and the view; any number of
// executions may run at once (each thread reuses its own scratch).
#ifndef MSKG_QUERY_EXECUTOR_H_
#define MSKG_QUERY_EXECUTOR_H_

#include "absl/status/statusor.h"
#include "graph/graph_view.h"
#include "query/exec_types.h"
#include "query/plan.h"

namespace mskg::query {

// Runs `plan` on `view`. InvalidArgument ("line:col: ...") for a missing
// parameter, a bad SKIP/LIMIT, integer overflow or a type error the query
// cannot recover from; DeadlineExceeded, Cancelled or ResourceExhausted
// when options.bounds stops it.
absl::StatusOr<ExecResult> Execute(const PhysicalPlan& plan,
                                   const graph::GraphView& view,
                                   const ExecOptions& options);

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXECUTOR_H_
