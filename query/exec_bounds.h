// query/exec_bounds.h
//
// ExecBounds: the run-time bounds of one query execution (a deadline, a
// cancellation handle, a budget of work and one of memory), which every
// operator loop of the executor, and the engine's evidence collection,
// charge as they go. Counting is an addition and a comparison; the clock
// and the cancellation flag are read only every kCheckEvery units, so that
// the check costs nothing measurable even in the tightest loop.
//
// Thread-safety: one execution owns an ExecBounds; only the cancellation
// handle it reads is shared.
#ifndef MSKG_QUERY_EXEC_BOUNDS_H_
#define MSKG_QUERY_EXEC_BOUNDS_H_

#include <cstdint>
#include <limits>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "query/cancellation.h"

namespace mskg::query {

struct BoundsLimits {
  // Past it, DeadlineExceeded. Default: none.
  absl::Time deadline = absl::InfiniteFuture();
  // When cancelled, Cancelled. Not owned; must outlive the execution.
  // Default: none.
  const QueryCancellation* cancellation = nullptr;
  // Intermediate rows (rows operators pass on, and relationships searches
  // follow) past which ResourceExhausted. Default: unbounded.
  uint64_t max_intermediate_rows = std::numeric_limits<uint64_t>::max();
  // Bytes of rows, groups and lists held past which ResourceExhausted
  // (an estimate). Default: unbounded.
  uint64_t max_bytes = std::numeric_limits<uint64_t>::max();
};

class ExecBounds {
 public:
  // How many intermediate rows pass between reads of the clock.
  static constexpr uint64_t kCheckEvery = 1024;

  explicit ExecBounds(const BoundsLimits& limits = {});
  ExecBounds(const ExecBounds&) = delete;
  ExecBounds& operator=(const ExecBounds&) = delete;

  // Counts `n` intermediate rows. Returns false once a bound is exceeded (and
  // from then on); status() says which.
  bool Tick(uint64_t n = 1) {
    work_ += n;
    return work_ < next_check_ || Check();
  }

  // Counts `bytes` more memory held. Returns false once a bound is exceeded.
  bool Charge(uint64_t bytes) {
    bytes_ += bytes;
    return (bytes_ <= limits_.max_bytes && status_.ok()) || Check();
  }

  // OK, or the error of the first bound exceeded: DeadlineExceeded,
  // Cancelled or ResourceExhausted, with a message that names the bound and
  // says how to narrow the query.
  const absl::Status& status() const { return status_; }
  uint64_t work() const { return work_; }
  uint64_t bytes() const { return bytes_; }

 private:
  // The slow path of Tick and Charge: checks every bound and schedules the
  // next check.
  bool Check();

  const BoundsLimits limits_;
  const absl::Time start_;
  uint64_t work_ = 0;
  uint64_t bytes_ = 0;
  uint64_t next_check_ = 0;
  absl::Status status_;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXEC_BOUNDS_H_
