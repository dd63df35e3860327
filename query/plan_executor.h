// query/plan_executor.h
//
// PlanExecutor: runs one execution of a physical plan (executor-private;
// Execute in executor.h is the entry point). Each query part's operators
// form a push pipeline: an operator binds or checks slots and pushes the
// row to the next one (Emit), the last of which hands it to the part's
// ProjectionSink; OPTIONAL MATCH and pattern predicates run an inner
// pipeline whose end continues (or stops) the outer one (Continuation).
//
// Files: executor.cc (the pipeline, name resolution, the entry point),
// match_operators.cc (scan, expand, variable-length expansion, shortest
// paths, named paths); projection_sink.h and expression_evaluator.h hold
// the other operator families.
//
// Every operator returns false to stop the pipeline: on an error (kept in
// the ExecContext) or when the sink needs no more rows.
//
// Thread-safety: one execution, one thread.
#ifndef MSKG_QUERY_PLAN_EXECUTOR_H_
#define MSKG_QUERY_PLAN_EXECUTOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "graph/boost_graph.h"
#include "graph/graph_view.h"
#include "query/exec_context.h"
#include "query/exec_types.h"
#include "query/expression_evaluator.h"
#include "query/plan.h"
#include "query/projection_sink.h"
#include "query/exec_value.h"

namespace mskg::query {

// Where a pipeline goes after its last operator.
struct Continuation {
  enum class Kind {
    kSink,      // The part's projection sink.
    kOptional,  // Set *matched, then continue the outer pipeline.
    kExists,    // Set *matched and stop (a pattern predicate matched).
  };
  Kind kind = Kind::kSink;
  const std::vector<PlanOp>* outer_ops = nullptr;  // kOptional.
  size_t outer_next = 0;                           // kOptional.
  const Continuation* outer = nullptr;             // kOptional.
  bool* matched = nullptr;                         // kOptional, kExists.
};

// The containers an execution fills and empties, kept per thread between
// executions so that their capacity is reused (cleared, not freed): the
// fixed cost of a query that returns one row is then a few allocations,
// not tens. An execution on a thread that is already running one gets
// fresh containers.
struct ExecScratch {
  std::vector<ExecValue> slots;
  std::vector<absl::Span<const graph::NodeIndex>> names;
  ProjectionScratch projection;
  bool in_use = false;

  ExecScratch() = default;
  ExecScratch(const ExecScratch&) = delete;
  ExecScratch& operator=(const ExecScratch&) = delete;

  // Drops contents, keeps capacity.
  void Clear() {
    slots.clear();
    names.clear();
    projection.Clear();
  }
};

class PlanExecutor : public PatternPredicates {
 public:
  // All must outlive the executor.
  PlanExecutor(const PhysicalPlan& plan, const graph::GraphView& view,
               const ExecOptions& options, ExecScratch* scratch);

  // Runs the plan; errors as Execute (executor.h).
  absl::StatusOr<ExecResult> Run();

  // PatternPredicates: runs pattern predicate `index` over the current slots.
  bool Matches(int index) override;

 private:
  using Ops = std::vector<PlanOp>;

  absl::Status ResolveNames();

  // ---- The pipeline (executor.cc) ----
  // Passes the row on from operator `i` to the next one.
  bool Emit(const Ops& ops, size_t i, const Continuation& next) {
    if (!context_.Tick()) return false;
    if (options_.profile) ++result_.op_rows[ops[i].id];
    return Push(ops, i + 1, next);
  }
  // Runs operator `i` of `ops` (or, past the last, `next`) on the row.
  bool Push(const Ops& ops, size_t i, const Continuation& next);
  bool Dispatch(const Ops& ops, size_t i, const Continuation& next);
  bool Optional(const Ops& ops, size_t i, const Continuation& next);
  void Notice(std::string text);

  // ---- Match operators (match_operators.cc) ----
  bool Scan(const Ops& ops, size_t i, const Continuation& next);
  bool Expand(const Ops& ops, size_t i, const Continuation& next);
  bool VarExpand(const Ops& ops, size_t i, const Continuation& next);
  bool VarExpandBreadthFirst(const Ops& ops, size_t i, const Continuation& next,
                             graph::NodeIndex start, int max_hops);
  bool VarExpandDepthFirst(const Ops& ops, size_t i, const Continuation& next,
                           graph::NodeIndex v, int max_hops,
                           std::vector<graph::EdgeIndex>* path);
  bool ShortestPath(const Ops& ops, size_t i, const Continuation& next);
  const std::vector<graph::GraphPath>* FindShortestPaths(const PlanOp& op,
                                                         graph::NodeIndex a,
                                                         graph::NodeIndex b);
  bool BuildPath(const Ops& ops, size_t i, const Continuation& next);
  bool EdgeUsed(const PlanOp& op, graph::EdgeIndex e) const;
  bool TargetOk(const PlanOp& op, graph::NodeIndex w) const;
  template <typename F>
  bool ForEachEdge(const PlanOp& op, graph::NodeIndex v, F&& f);
  // Fetches into the cache the adjacency `op` will follow from `v`.
  void PrefetchEdges(const PlanOp& op, graph::NodeIndex v) const;

  const PhysicalPlan& plan_;
  const graph::GraphView& view_;
  const ExecOptions& options_;
  ExecContext context_;
  // Borrowed from an ExecScratch: the current row, and the nodes each
  // NameSource of the plan resolved to.
  std::vector<ExecValue>& slots_;
  std::vector<absl::Span<const graph::NodeIndex>>& names_;
  ExpressionEvaluator evaluator_;
  ProjectionSink sink_;
  // Shortest paths by (operator, from, to), found once per execution.
  absl::flat_hash_map<std::tuple<int, graph::NodeIndex, graph::NodeIndex>,
                      std::vector<graph::GraphPath>>
      shortest_paths_;
  ExecResult result_;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_PLAN_EXECUTOR_H_
