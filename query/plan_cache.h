// query/plan_cache.h
//
// PlanCache: a bounded least-recently-used cache of prepared plans keyed by
// query text, so that running the same text again (with new parameters)
// skips lexing, parsing, binding and planning. Plans depend on the graph's
// statistics, so a cache belongs to one GraphView (QueryEngine owns one).
//
// Thread-safety: all methods may be called concurrently; cached plans are
// immutable and shared.
#ifndef MSKG_QUERY_PLAN_CACHE_H_
#define MSKG_QUERY_PLAN_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "query/plan.h"

namespace mskg::query {

class PlanCache {
 public:
  // A cache of at most `capacity` plans; 0 disables caching.
  explicit PlanCache(size_t capacity) : capacity_(capacity) {}

  PlanCache(const PlanCache&) = delete;
  PlanCache& operator=(const PlanCache&) = delete;

  // Returns the plan cached for `text` (and marks it most recently used),
  // or null, counting a hit or a miss.
  std::shared_ptr<const PhysicalPlan> Find(absl::string_view text);

  // Caches `plan` for `text`, evicting the least recently used plan when
  // full. Keeps the cached plan if another thread inserted one first.
  void Insert(absl::string_view text, std::shared_ptr<const PhysicalPlan> plan);

  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
    uint64_t evictions = 0;
    size_t size = 0;
  };
  Stats stats() const;
  size_t capacity() const { return capacity_; }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const PhysicalPlan>>;

  const size_t capacity_;
  mutable absl::Mutex mu_;
  // Most recently used first.
  std::list<Entry> lru_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::list<Entry>::iterator> index_
      ABSL_GUARDED_BY(mu_);
  uint64_t hits_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t misses_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t evictions_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_PLAN_CACHE_H_
