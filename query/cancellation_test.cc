#include "query/cancellation.h"

#include <thread>

#include "gtest/gtest.h"
#include "query/exec_bounds.h"

namespace mskg::query {
namespace {

TEST(CancellationTest, CancelFromAnotherThreadStopsTheBounds) {
  QueryCancellation cancellation;
  EXPECT_FALSE(cancellation.cancelled());
  BoundsLimits limits;
  limits.cancellation = &cancellation;
  ExecBounds bounds(limits);
  EXPECT_TRUE(bounds.Tick());
  std::thread other([&] { cancellation.Cancel(); });
  other.join();
  EXPECT_TRUE(cancellation.cancelled());
  // Seen at the next check, within kCheckEvery rows.
  bool stopped = false;
  for (uint64_t i = 0; i <= ExecBounds::kCheckEvery && !stopped; ++i) {
    stopped = !bounds.Tick();
  }
  EXPECT_TRUE(stopped);
  EXPECT_EQ(bounds.status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace mskg::query
