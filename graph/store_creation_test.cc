// graph/store_creation_test.cc
#include "graph/store_creation.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

absl::Status WriteMarker(const std::string& dir) {
  std::ofstream(fs::path(dir) / "MARKER") << "built";
  return absl::OkStatus();
}

TEST(StoreCreationTest, BuildsAsideAndRenamesIntoPlace) {
  const fs::path parent = FreshDir("renames");
  const fs::path store = parent / "nested" / "store";
  ASSERT_TRUE(CreateStoreAtomically(store.string(), [&](const std::string& d) {
                EXPECT_NE(d, store.string());
                EXPECT_FALSE(fs::exists(store));
                return WriteMarker(d);
              }).ok());
  EXPECT_TRUE(fs::exists(store / "MARKER"));
  // Nothing left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(store.parent_path()),
                          fs::directory_iterator()),
            1);
}

TEST(StoreCreationTest, ReplacesAnEmptyDirectory) {
  const fs::path store = FreshDir("empty") / "store";
  fs::create_directory(store);
  ASSERT_TRUE(CreateStoreAtomically(store.string(), WriteMarker).ok());
  EXPECT_TRUE(fs::exists(store / "MARKER"));
}

TEST(StoreCreationTest, FailedBuildLeavesNothing) {
  const fs::path parent = FreshDir("failed");
  const fs::path store = parent / "store";
  absl::Status status =
      CreateStoreAtomically(store.string(), [](const std::string&) {
        return absl::InternalError("disk full");
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_TRUE(fs::is_empty(parent));
}

TEST(StoreCreationTest, KeepsTheStoreOfACreatorThatWon) {
  const fs::path store = FreshDir("won") / "store";
  ASSERT_TRUE(CreateStoreAtomically(store.string(), [&](const std::string&) {
                // Another process finishes first.
                fs::create_directory(store);
                std::ofstream(store / "THEIRS") << "x";
                return absl::OkStatus();
              }).ok());
  EXPECT_TRUE(fs::exists(store / "THEIRS"));
  EXPECT_EQ(std::distance(fs::directory_iterator(store.parent_path()),
                          fs::directory_iterator()),
            1);
}

TEST(StoreCreationTest, RemovesWhatKilledCreatorsLeft) {
  const fs::path parent = FreshDir("stale");
  const fs::path store = parent / "store";
  // pid 0x7ffffffe is above Linux's pid_max, so no process has it.
  const fs::path stale = parent / (CreationPrefix(store.string()) + "2147483646-0");
  const fs::path live = parent / (CreationPrefix(store.string()) +
                                  std::to_string(::getppid()) + "-0");
  const fs::path other = parent / ".unrelated";
  for (const fs::path& p : {stale, live, other}) fs::create_directory(p);
  ASSERT_TRUE(CreateStoreAtomically(store.string(), WriteMarker).ok());
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live));  // Its creator may still be at work.
  EXPECT_TRUE(fs::exists(other));
}

}  // namespace
}  // namespace mskg::graph
