#include "query/exec_bounds.h"

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

TEST(ExecBoundsTest, UnboundedByDefault) {
  ExecBounds bounds;
  for (int i = 0; i < 100000; ++i) ASSERT_TRUE(bounds.Tick());
  EXPECT_TRUE(bounds.Tick(uint64_t{1} << 40));
  EXPECT_TRUE(bounds.Charge(uint64_t{1} << 40));
  EXPECT_TRUE(bounds.status().ok());
}

TEST(ExecBoundsTest, RowBudgetIsExact) {
  BoundsLimits limits;
  limits.max_intermediate_rows = 5000;
  ExecBounds bounds(limits);
  for (int i = 0; i < 5000; ++i) ASSERT_TRUE(bounds.Tick()) << i;
  EXPECT_FALSE(bounds.Tick());
  EXPECT_FALSE(bounds.Tick());  // And stays exceeded.
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(bounds.status().message(), HasSubstr("after 5000 intermediate rows"));
  EXPECT_THAT(bounds.status().message(), HasSubstr("--max-intermediate-rows"));
  EXPECT_THAT(bounds.status().message(), HasSubstr("narrow the query"));
}

TEST(ExecBoundsTest, MemoryBudget) {
  BoundsLimits limits;
  limits.max_bytes = 3 << 20;
  ExecBounds bounds(limits);
  EXPECT_TRUE(bounds.Charge(2 << 20));
  EXPECT_FALSE(bounds.Charge(2 << 20));
  EXPECT_FALSE(bounds.Tick());
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(bounds.status().message(), HasSubstr("about 4 MB"));
  EXPECT_THAT(bounds.status().message(), HasSubstr("--max-memory-mb"));
}

TEST(ExecBoundsTest, PastDeadlineStopsAtTheFirstTick) {
  BoundsLimits limits;
  limits.deadline = absl::Now() - absl::Seconds(1);
  ExecBounds bounds(limits);
  EXPECT_FALSE(bounds.Tick());
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(bounds.status().message(), HasSubstr("--timeout"));
}

TEST(ExecBoundsTest, DeadlineIsNoticedWithinACheckInterval) {
  BoundsLimits limits;
  limits.deadline = absl::Now() + absl::Milliseconds(20);
  ExecBounds bounds(limits);
  const absl::Time start = absl::Now();
  uint64_t ticks = 0;
  while (bounds.Tick()) ++ticks;
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_GT(ticks, ExecBounds::kCheckEvery);
}

TEST(ExecBoundsTest, CancellationFromAnotherHandle) {
  QueryCancellation cancel;
  BoundsLimits limits;
  limits.cancellation = &cancel;
  ExecBounds bounds(limits);
  for (uint64_t i = 0; i < 10 * ExecBounds::kCheckEvery; ++i) ASSERT_TRUE(bounds.Tick());
  cancel.Cancel();
  uint64_t more = 0;
  while (bounds.Tick()) ++more;
  EXPECT_LE(more, ExecBounds::kCheckEvery);
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace mskg::query
