// query/executor.cc: the entry point and the push pipeline of PlanExecutor
// (plan_executor.h): name resolution, operator dispatch, OPTIONAL MATCH,
// pattern predicates and the hand-over between query parts.
#include "query/executor.h"

#include <algorithm>
#include <utility>

#include "absl/time/clock.h"
#include "query/plan_executor.h"
#include "util/status_macros.h"

namespace mskg::query {

PlanExecutor::PlanExecutor(const PhysicalPlan& plan, const graph::GraphView& view,
                           const ExecOptions& options, ExecScratch* scratch)
    : plan_(plan),
      view_(view),
      options_(options),
      context_(view, options),
      slots_(scratch->slots),
      names_(scratch->names),
      evaluator_(&context_, &scratch->names, this),
      sink_(&context_, &evaluator_, &scratch->slots, &scratch->projection) {}

absl::StatusOr<ExecResult> PlanExecutor::Run() {
  if (options_.profile) {
    result_.op_rows.assign(plan_.num_ops, 0);
    result_.op_micros.assign(plan_.num_ops, 0);
  }
  MSKG_RETURN_IF_ERROR(ResolveNames());
  std::vector<ExecRow> input(1);
  std::vector<ExecRow>& rows = sink_.rows();
  if (plan_.parts.size() == 1) {
    rows.reserve(std::min(options_.expected_rows, options_.max_rows));
  }
  for (size_t p = 0; p < plan_.parts.size(); ++p) {
    const PartPlan& part = plan_.parts[p];
    const bool last = p + 1 == plan_.parts.size();
    MSKG_RETURN_IF_ERROR(sink_.Start(part, last));
    slots_.assign(part.num_slots, ExecValue());
    const Continuation to_sink;
    for (const ExecRow& row : input) {
      for (int i = 0; i < part.num_input_slots; ++i) slots_[i] = row.values[i];
      sink_.set_input_row(&row);
      if (!Push(part.ops, 0, to_sink)) break;
    }
    if (!context_.ok()) return context_.error();
    MSKG_RETURN_IF_ERROR(sink_.Finish(last, &result_.truncated));
    if (last) {
      // The answer takes the scratch's buffer (moving thousands of rows
      // cost more than the next execution's one reserve).
      result_.rows.swap(rows);
      rows.clear();
    } else {
      input = std::move(rows);
      rows.clear();
    }
  }
  return std::move(result_);
}

absl::Status PlanExecutor::ResolveNames() {
  names_.assign(plan_.names.size(), {});
  for (size_t i = 0; i < plan_.names.size(); ++i) {
    const NameSource& source = plan_.names[i];
    if (source.is_param) {
      MSKG_ASSIGN_OR_RETURN(
          const Value* v,
          evaluator_.Param(source.param, source.line, source.column));
      if (v->is_string()) names_[i] = view_.Lookup(v->AsString());
    } else if (source.literal.is_string()) {
      names_[i] = view_.LookupKey(source.key);
    }
  }
  return absl::OkStatus();
}

bool PlanExecutor::Push(const Ops& ops, size_t i, const Continuation& next) {
  if (i == ops.size()) {
    switch (next.kind) {
      case Continuation::Kind::kSink: return sink_.Add();
      case Continuation::Kind::kOptional:
        *next.matched = true;
        return Push(*next.outer_ops, next.outer_next, *next.outer);
      case Continuation::Kind::kExists:
        *next.matched = true;
        return false;
    }
  }
  if (!options_.profile) return Dispatch(ops, i, next);
  const int64_t t0 = absl::GetCurrentTimeNanos();
  const bool r = Dispatch(ops, i, next);
  result_.op_micros[ops[i].id] += (absl::GetCurrentTimeNanos() - t0) / 1e3;
  return r;
}

bool PlanExecutor::Dispatch(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  switch (op.kind) {
    case PlanOp::Kind::kScan: return Scan(ops, i, next);
    case PlanOp::Kind::kExpand:
      return op.variable_length ? VarExpand(ops, i, next) : Expand(ops, i, next);
    case PlanOp::Kind::kFilter: {
      const ExecValue v = evaluator_.Eval(*op.predicate, slots_.data());
      if (!context_.ok()) return false;
      if (Truth(v) != 1) return true;
      return Emit(ops, i, next);
    }
    case PlanOp::Kind::kShortestPath: return ShortestPath(ops, i, next);
    case PlanOp::Kind::kBuildPath: return BuildPath(ops, i, next);
    case PlanOp::Kind::kOptional: return Optional(ops, i, next);
  }
  return true;
}

bool PlanExecutor::Optional(const Ops& ops, size_t i, const Continuation& next) {
  const PlanOp& op = ops[i];
  bool matched = false;
  Continuation inner;
  inner.kind = Continuation::Kind::kOptional;
  inner.outer_ops = &ops;
  inner.outer_next = i + 1;
  inner.outer = &next;
  inner.matched = &matched;
  if (!Push(op.inner, 0, inner)) return false;
  if (matched) return true;
  for (int s : op.null_slots) slots_[s] = ExecValue();
  return Emit(ops, i, next);
}

bool PlanExecutor::Matches(int index) {
  bool found = false;
  Continuation exists;
  exists.kind = Continuation::Kind::kExists;
  exists.matched = &found;
  Push(plan_.patterns[index], 0, exists);
  return found;
}

void PlanExecutor::Notice(std::string text) {
  if (std::find(result_.notices.begin(), result_.notices.end(), text) ==
      result_.notices.end()) {
    result_.notices.push_back(std::move(text));
  }
}

namespace {

ExecScratch& ThreadExecScratch() {
  thread_local ExecScratch scratch;
  return scratch;
}

}  // namespace

absl::StatusOr<ExecResult> Execute(const PhysicalPlan& plan,
                                   const graph::GraphView& view,
                                   const ExecOptions& options) {
  ExecScratch& thread_scratch = ThreadExecScratch();
  ExecScratch local;
  ExecScratch* scratch = thread_scratch.in_use ? &local : &thread_scratch;
  scratch->in_use = true;
  absl::StatusOr<ExecResult> result =
      PlanExecutor(plan, view, options, scratch).Run();
  scratch->Clear();
  scratch->in_use = false;
  return result;
}

}  // namespace mskg::query
