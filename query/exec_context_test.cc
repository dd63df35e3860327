#include "query/exec_context.h"

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

TEST(ExecContextTest, UnboundedWithoutBounds) {
  auto g = testing::MakeTestGraph();
  ExecOptions options;
  ExecContext context(*g, options);
  EXPECT_TRUE(context.Tick(uint64_t{1} << 40));
  EXPECT_TRUE(context.Charge(uint64_t{1} << 40));
  EXPECT_TRUE(context.ok());
  EXPECT_EQ(&context.view(), g.get());
}

TEST(ExecContextTest, ExceededBoundBecomesTheError) {
  auto g = testing::MakeTestGraph();
  BoundsLimits limits;
  limits.max_intermediate_rows = 10;
  ExecBounds bounds(limits);
  ExecOptions options;
  options.bounds = &bounds;
  ExecContext context(*g, options);
  EXPECT_TRUE(context.Tick(5));
  EXPECT_FALSE(context.Tick(100));
  EXPECT_FALSE(context.ok());
  EXPECT_EQ(context.error().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_FALSE(context.Tick());  // And from then on.
}

TEST(ExecContextTest, MemoryBound) {
  auto g = testing::MakeTestGraph();
  BoundsLimits limits;
  limits.max_bytes = 1000;
  ExecBounds bounds(limits);
  ExecOptions options;
  options.bounds = &bounds;
  ExecContext context(*g, options);
  EXPECT_TRUE(context.Charge(600));
  EXPECT_FALSE(context.Charge(600));
  EXPECT_EQ(context.error().code(), absl::StatusCode::kResourceExhausted);
}

TEST(ExecContextTest, FirstErrorWins) {
  auto g = testing::MakeTestGraph();
  ExecOptions options;
  ExecContext context(*g, options);
  context.Fail(3, 14, "division by zero");
  context.SetError(absl::InternalError("later"));
  context.Fail(1, 1, "later still");
  EXPECT_EQ(context.error().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(context.error().message(), "3:14: division by zero");
}

}  // namespace
}  // namespace mskg::query
