#include "query/plan_cache.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

std::shared_ptr<const PhysicalPlan> MakePlan(const std::string& column) {
  auto plan = std::make_shared<PhysicalPlan>();
  plan->columns.push_back(column);
  return plan;
}

TEST(PlanCacheTest, HitsMissesAndLeastRecentlyUsedEviction) {
  PlanCache cache(2);
  EXPECT_EQ(cache.Find("a"), nullptr);
  cache.Insert("a", MakePlan("a"));
  cache.Insert("b", MakePlan("b"));
  ASSERT_NE(cache.Find("a"), nullptr);  // "a" is now the most recent.
  cache.Insert("c", MakePlan("c"));     // Evicts "b".
  EXPECT_EQ(cache.Find("b"), nullptr);
  ASSERT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("c")->columns[0], "c");
  const PlanCache::Stats s = cache.stats();
  EXPECT_EQ(s.hits, 3u);
  EXPECT_EQ(s.misses, 2u);
  EXPECT_EQ(s.evictions, 1u);
  EXPECT_EQ(s.size, 2u);
}

TEST(PlanCacheTest, FirstInsertWinsAndZeroCapacityDisables) {
  PlanCache cache(4);
  cache.Insert("q", MakePlan("first"));
  cache.Insert("q", MakePlan("second"));
  EXPECT_EQ(cache.Find("q")->columns[0], "first");
  PlanCache off(0);
  off.Insert("q", MakePlan("x"));
  EXPECT_EQ(off.Find("q"), nullptr);
  EXPECT_EQ(off.stats().size, 0u);
}

TEST(PlanCacheTest, ConcurrentUseStaysBounded) {
  PlanCache cache(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string key = absl::StrCat("q", (i * 7 + t) % 16);
        if (cache.Find(key) == nullptr) cache.Insert(key, MakePlan(key));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const PlanCache::Stats s = cache.stats();
  EXPECT_LE(s.size, 8u);
  EXPECT_EQ(s.hits + s.misses, 2000u);
}

}  // namespace
}  // namespace mskg::query
