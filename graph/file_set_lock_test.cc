// graph/file_set_lock_test.cc
#include "graph/file_set_lock.h"

#include <filesystem>
#include <string>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

std::string FreshDir(const char* name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

using Mode = FileSetLock::Mode;

TEST(FileSetLockTest, ReadersShareAndExcludeTheWriter) {
  const std::string dir = FreshDir("share");
  absl::StatusOr<HeldFileSetLock> a =
      FileSetLock::Acquire(dir, Mode::kShared, absl::Seconds(1), true);
  absl::StatusOr<HeldFileSetLock> b =
      FileSetLock::Acquire(dir, Mode::kShared, absl::Seconds(1), true);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_FALSE(FileSetLock::TryExclusive(dir).held());
  const absl::Time start = absl::Now();
  absl::StatusOr<HeldFileSetLock> writer =
      FileSetLock::Acquire(dir, Mode::kExclusive, absl::Milliseconds(100), true);
  ASSERT_EQ(writer.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(writer.status().message().find(dir), std::string::npos);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(100));
  *a = HeldFileSetLock();
  *b = HeldFileSetLock();
  EXPECT_TRUE(FileSetLock::TryExclusive(dir).held());
}

TEST(FileSetLockTest, TheWriterExcludesReadersUntilReleased) {
  const std::string dir = FreshDir("exclusive");
  HeldFileSetLock writer = FileSetLock::TryExclusive(dir);
  ASSERT_TRUE(writer.held());
  EXPECT_EQ(FileSetLock::Acquire(dir, Mode::kShared, absl::Milliseconds(50),
                                 false)
                .status()
                .code(),
            absl::StatusCode::kDeadlineExceeded);
  HeldFileSetLock moved = std::move(writer);
  EXPECT_FALSE(writer.held());  // NOLINT(bugprone-use-after-move): tested.
  EXPECT_TRUE(moved.held());
  moved = HeldFileSetLock();
  EXPECT_TRUE(FileSetLock::Acquire(dir, Mode::kShared, absl::Seconds(1), false)
                  .ok());
}

TEST(FileSetLockTest, AMissingLockFileIsNotFoundUnlessCreated) {
  const std::string dir = FreshDir("missing");
  EXPECT_EQ(FileSetLock::Acquire(dir, Mode::kShared, absl::Seconds(1), false)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(FileSetLock::Acquire(dir, Mode::kShared, absl::Seconds(1), true)
                  .ok());
  EXPECT_TRUE(std::filesystem::exists(FileSetLockPath(dir)));
}

}  // namespace
}  // namespace mskg::graph
