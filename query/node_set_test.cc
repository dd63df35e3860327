#include "query/node_set.h"

#include <cstdint>
#include <set>

#include "gtest/gtest.h"

namespace mskg::query {
namespace {

TEST(NodeSetTest, InsertReportsNewMembers) {
  NodeSet set;
  set.Start(200);
  EXPECT_FALSE(set.Contains(0));
  EXPECT_TRUE(set.Insert(0));
  EXPECT_FALSE(set.Insert(0));
  EXPECT_TRUE(set.Insert(63));
  EXPECT_TRUE(set.Insert(64));
  EXPECT_TRUE(set.Insert(199));
  EXPECT_TRUE(set.Contains(63));
  EXPECT_TRUE(set.Contains(64));
  EXPECT_FALSE(set.Contains(65));
  EXPECT_FALSE(set.Contains(1));
}

TEST(NodeSetTest, StartForgetsEverythingSmallOrLarge) {
  NodeSet set;
  // Few words touched (cleared one by one), then many (cleared at once).
  for (uint32_t count : {3u, 5000u, 2u}) {
    set.Start(100000);
    for (uint32_t v = 0; v < count; ++v) EXPECT_TRUE(set.Insert(v * 19));
    set.Start(100000);
    for (uint32_t v = 0; v < 100000; ++v) ASSERT_FALSE(set.Contains(v)) << v;
  }
}

TEST(NodeSetTest, GrowsAndMatchesAReferenceSet) {
  NodeSet set;
  set.Start(10);
  set.Insert(9);
  set.Start(1 << 20);  // Grows; the old member is gone.
  EXPECT_FALSE(set.Contains(9));
  std::set<uint32_t> reference;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    const uint32_t v = x % (1 << 20);
    EXPECT_EQ(set.Insert(v), reference.insert(v).second);
  }
  for (uint32_t v : reference) EXPECT_TRUE(set.Contains(v));
}

}  // namespace
}  // namespace mskg::query
