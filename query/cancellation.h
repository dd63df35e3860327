// query/cancellation.h
//
// QueryCancellation: a handle that stops running queries. Give it to the
// queries (QueryOptions::cancellation) and call Cancel() from any thread;
// each ends with Cancelled at its next check, within about a thousand rows
// of work. Thread-safe.
#ifndef MSKG_QUERY_CANCELLATION_H_
#define MSKG_QUERY_CANCELLATION_H_

#include <atomic>

namespace mskg::query {

class QueryCancellation {
 public:
  QueryCancellation() = default;
  QueryCancellation(const QueryCancellation&) = delete;
  QueryCancellation& operator=(const QueryCancellation&) = delete;

  // Stops the queries that hold this handle, now and from now on.
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_CANCELLATION_H_
