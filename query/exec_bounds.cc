#include "query/exec_bounds.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace mskg::query {
namespace {

// What every bound's message ends with: how to ask for less.
constexpr absl::string_view kNarrow =
    "narrow the query: name or label its nodes, give variable-length "
    "relationships a small upper bound (`*1..3`), or count DISTINCT end "
    "nodes rather than paths";

}  // namespace

ExecBounds::ExecBounds(const BoundsLimits& limits)
    : limits_(limits), start_(absl::Now()) {
  // The first check comes at once, so that an execution past its deadline
  // before it starts does no work.
}

bool ExecBounds::Check() {
  if (!status_.ok()) return false;
  if (work_ > limits_.max_intermediate_rows) {
    status_ = absl::ResourceExhaustedError(absl::StrFormat(
        "query stopped after %d intermediate rows, its budget "
        "(QueryOptions::max_intermediate_rows; mskg --max-intermediate-rows N); %s",
        limits_.max_intermediate_rows, kNarrow));
  } else if (bytes_ > limits_.max_bytes) {
    status_ = absl::ResourceExhaustedError(absl::StrFormat(
        "query stopped holding about %d MB of rows, its memory budget "
        "(QueryOptions::max_memory_bytes; mskg --max-memory-mb N); %s, or add "
        "LIMIT",
        bytes_ >> 20, kNarrow));
  } else if (limits_.cancellation != nullptr && limits_.cancellation->cancelled()) {
    status_ = absl::CancelledError("query cancelled (QueryOptions::cancellation)");
  } else if (limits_.deadline != absl::InfiniteFuture()) {
    const absl::Time now = absl::Now();
    if (now >= limits_.deadline) {
      status_ = absl::DeadlineExceededError(absl::StrFormat(
          "query stopped after %s, at its deadline (QueryOptions::deadline; "
          "mskg --timeout SECONDS); %s",
          absl::FormatDuration(absl::Trunc(now - start_, absl::Milliseconds(1))),
          kNarrow));
    }
  }
  if (!status_.ok()) {
    next_check_ = 0;  // Every later Tick comes back here, and fails.
    return false;
  }
  // The exact budget is hit exactly; the clock is read every kCheckEvery.
  const uint64_t budget_left = limits_.max_intermediate_rows - work_;
  next_check_ = work_ + (budget_left < kCheckEvery ? budget_left + 1 : kCheckEvery);
  return true;
}

}  // namespace mskg::query
