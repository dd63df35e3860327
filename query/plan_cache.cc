#include "query/plan_cache.h"

namespace mskg::query {

std::shared_ptr<const PhysicalPlan> PlanCache::Find(absl::string_view text) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(text);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void PlanCache::Insert(absl::string_view text,
                       std::shared_ptr<const PhysicalPlan> plan) {
  if (capacity_ == 0) return;
  absl::MutexLock lock(&mu_);
  if (index_.contains(text)) return;
  lru_.emplace_front(std::string(text), std::move(plan));
  index_.emplace(lru_.front().first, lru_.begin());
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
    ++evictions_;
  }
}

PlanCache::Stats PlanCache::stats() const {
  absl::MutexLock lock(&mu_);
  Stats s;
  s.hits = hits_;
  s.misses = misses_;
  s.evictions = evictions_;
  s.size = lru_.size();
  return s;
}

}  // namespace mskg::query
