// graph/string_arena_test.cc
//
// Tests of StringArena's contract: Add() returns an equal copy that stays
// at its address, whatever is added later, small or large.
#include "graph/string_arena.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

TEST(StringArenaTest, CopiesStayValidAndInPlace) {
  StringArena arena;
  std::vector<absl::string_view> views;
  std::vector<std::string> originals;
  for (int i = 0; i < 200000; ++i) {  // Several 1 MiB blocks.
    std::string s = absl::StrCat("name number ", i);
    views.push_back(arena.Add(s));
    EXPECT_NE(views.back().data(), s.data());
    originals.push_back(std::move(s));
  }
  const char* first = views[0].data();
  for (size_t i = 0; i < views.size(); ++i) {
    ASSERT_EQ(views[i], originals[i]);
  }
  EXPECT_EQ(views[0].data(), first);
  EXPECT_GE(arena.MemoryBytes(), size_t{200000} * 12);
}

TEST(StringArenaTest, LargeAndEmptyStrings) {
  StringArena arena;
  const absl::string_view small = arena.Add("small");
  const std::string big(3 << 20, 'x');  // Larger than a block.
  const absl::string_view big_copy = arena.Add(big);
  const absl::string_view after = arena.Add("after");
  EXPECT_EQ(big_copy, big);
  EXPECT_EQ(small, "small");
  EXPECT_EQ(after, "after");
  EXPECT_GE(arena.MemoryBytes(), big.size());
  EXPECT_TRUE(arena.Add("").empty());
}

}  // namespace
}  // namespace mskg::graph
