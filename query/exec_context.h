// query/exec_context.h
//
// ExecContext: what every part of one execution shares (executor-private):
// the view, the options, the bounds each operator loop charges, and the
// first error. The operators (match_operators.cc), the projection sink
// (projection_sink.h) and the expression evaluator (expression_evaluator.h)
// each hold a pointer to the one context of their execution.
//
// Errors do not travel up the push pipeline as Status: the first one is
// kept here and the callee returns false (or a null ExecValue), so that the
// hot path carries a bool.
//
// Thread-safety: one execution, one thread.
#ifndef MSKG_QUERY_EXEC_CONTEXT_H_
#define MSKG_QUERY_EXEC_CONTEXT_H_

#include <cstdint>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "query/exec_bounds.h"
#include "query/exec_types.h"

namespace mskg::query {

class ExecContext {
 public:
  // `view` and `options` must outlive the context; options.bounds (when
  // set) too.
  ExecContext(const graph::GraphView& view, const ExecOptions& options)
      : view_(view),
        options_(options),
        bounds_(options.bounds != nullptr ? options.bounds : &unbounded_) {}
  ExecContext(const ExecContext&) = delete;
  ExecContext& operator=(const ExecContext&) = delete;

  // Counts `n` intermediate rows. Returns false, with the error set, once a
  // bound is exceeded: the caller stops, as for any error.
  bool Tick(uint64_t n = 1) { return bounds_->Tick(n) || BoundExceeded(); }
  // Counts `bytes` more memory held; false as Tick.
  bool Charge(uint64_t bytes) {
    return bounds_->Charge(bytes) || BoundExceeded();
  }

  // Keeps `status` as the execution's error unless one is kept already.
  void SetError(absl::Status status) {
    if (error_.ok()) error_ = std::move(status);
  }
  // Keeps InvalidArgument "line:column: what" unless an error is kept.
  void Fail(int line, int column, absl::string_view what) {
    if (error_.ok()) {
      error_ = absl::InvalidArgumentError(
          absl::StrFormat("%d:%d: %s", line, column, what));
    }
  }
  bool ok() const { return error_.ok(); }
  const absl::Status& error() const { return error_; }

  const graph::GraphView& view() const { return view_; }
  const ExecOptions& options() const { return options_; }

 private:
  bool BoundExceeded() {
    SetError(bounds_->status());
    return false;
  }

  const graph::GraphView& view_;
  const ExecOptions& options_;
  ExecBounds unbounded_;  // Used when the options bring no bounds.
  ExecBounds* bounds_;
  absl::Status error_;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXEC_CONTEXT_H_
