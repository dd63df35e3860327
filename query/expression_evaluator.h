// query/expression_evaluator.h
//
// ExpressionEvaluator: evaluates bound expressions (expr.h) over a row of
// slots, with openCypher's three-valued logic, integer arithmetic that
// fails instead of wrapping, node and relationship properties read from
// the view, and the scalar functions. Executor-private (as Kùzu keeps its
// expression_evaluator apart from processor/operator).
//
// Errors (a missing parameter, overflow, a type error) are kept in the
// execution's ExecContext; the expression's value is then null.
//
// Thread-safety: one execution, one thread.
#ifndef MSKG_QUERY_EXPRESSION_EVALUATOR_H_
#define MSKG_QUERY_EXPRESSION_EVALUATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "graph/graph_view.h"
#include "query/exec_context.h"
#include "query/expr.h"
#include "query/limits.h"
#include "query/exec_value.h"

namespace mskg::query {

// Returns the truth of `v` in three-valued logic: 1 true, 0 false, -1 null
// (anything but a boolean).
inline int Truth(const ExecValue& v) {
  if (v.is_bool()) return v.AsBool() ? 1 : 0;
  return -1;
}

// Answers pattern predicates (BoundExpr::Kind::kExists) for the evaluator:
// the executor, which runs their plans.
class PatternPredicates {
 public:
  virtual ~PatternPredicates() = default;
  // Returns whether pattern predicate `index` (PhysicalPlan::patterns) has
  // a match for the current row.
  virtual bool Matches(int index) = 0;
};

class ExpressionEvaluator {
 public:
  // `context` and `names` must outlive the evaluator; `patterns` may be
  // null when no expression holds a pattern predicate. `names[i]` holds the
  // nodes NameSource `i` resolved to (sorted).
  ExpressionEvaluator(ExecContext* context,
                      const std::vector<absl::Span<const graph::NodeIndex>>* names,
                      PatternPredicates* patterns)
      : context_(*context), view_(context->view()), names_(*names),
        patterns_(patterns) {}
  ExpressionEvaluator(const ExpressionEvaluator&) = delete;
  ExpressionEvaluator& operator=(const ExpressionEvaluator&) = delete;

  // Returns the value of `e` over the slots `row` (may be null for an
  // expression that reads none); null, with the context's error set, on an
  // error. Expressions nest at most kMaxExprDepth deep, counted here too
  // (pattern predicates evaluate expressions within expressions): the
  // binder bounds it, and this keeps a plan built any other way from
  // overflowing the stack.
  ExecValue Eval(const BoundExpr& e, const ExecValue* row) {
    if (depth_ >= kMaxExprDepth) return TooDeep(e);
    ++depth_;
    ExecValue v = EvalNode(e, row);
    --depth_;
    return v;
  }

  // Returns the parameter `name` (without '$'); InvalidArgument
  // "line:column: missing parameter $name" if the options lack it.
  absl::StatusOr<const Value*> Param(const std::string& name, int line,
                                     int column) const;

  // Returns whether `item` may go into a list: lists nest at most
  // kMaxListNesting deep (values are compared, hashed, printed and freed
  // recursively). Else false, with InvalidArgument set at `e`.
  bool CheckListDepth(const BoundExpr& e, const ExecValue& item);

  // Sets the values kAgg expressions stand for (by AggSpec index) while the
  // projection computes its aggregated items; null outside. Not owned.
  void set_aggregates(const std::vector<ExecValue>* values) { aggregates_ = values; }

 private:
  ExecValue TooDeep(const BoundExpr& e);
  ExecValue EvalNode(const BoundExpr& e, const ExecValue* row);
  ExecValue EvalBinary(const BoundExpr& e, const ExecValue* row);
  ExecValue EvalFunction(const BoundExpr& e, const ExecValue* row);
  ExecValue IntArithmetic(const BoundExpr& e, int64_t x, int64_t y);
  ExecValue NodeProperty(graph::NodeIndex v, Prop p) const;
  ExecValue EdgeProperty(graph::EdgeIndex e, Prop p) const;
  bool NameMatches(const BoundExpr& e, graph::NodeIndex v) const;
  void Fail(const BoundExpr& e, absl::string_view what) {
    context_.Fail(e.line, e.column, what);
  }

  ExecContext& context_;
  const graph::GraphView& view_;
  const std::vector<absl::Span<const graph::NodeIndex>>& names_;
  PatternPredicates* const patterns_;
  const std::vector<ExecValue>* aggregates_ = nullptr;
  int depth_ = 0;
};

// Returns 1/0 for equal/unequal, -1 for null (openCypher `=`): numbers
// compare numerically, lists element by element.
int CypherEquals(const ExecValue& a, const ExecValue& b);

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXPRESSION_EVALUATOR_H_
