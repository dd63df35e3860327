// graph/spelling_index_test.cc
//
// Tests of SpellingIndex's contract: (type, spelling) -> value, exact byte
// comparison behind the hash (equal hashes of different spellings are
// told apart), values kept across growth, and prefetches that never fault.
#include "graph/spelling_index.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

TEST(SpellingIndexTest, FindsWhatWasInserted) {
  SpellingIndex index;
  const std::string psoas = "psoas major";
  EXPECT_EQ(index.Find(1, psoas, SpellingIndex::Hash(1, psoas)),
            SpellingIndex::kAbsent);
  index.Insert(1, psoas, SpellingIndex::Hash(1, psoas), 7);
  EXPECT_EQ(index.Find(1, psoas, SpellingIndex::Hash(1, psoas)), 7u);
  // The bytes decide, not the address.
  const std::string copy = psoas;
  EXPECT_EQ(index.Find(1, copy, SpellingIndex::Hash(1, copy)), 7u);
  // Another type or spelling is another key.
  EXPECT_EQ(index.Find(2, psoas, SpellingIndex::Hash(2, psoas)),
            SpellingIndex::kAbsent);
  const std::string upper = "Psoas major";
  EXPECT_EQ(index.Find(1, upper, SpellingIndex::Hash(1, upper)),
            SpellingIndex::kAbsent);
}

TEST(SpellingIndexTest, EqualHashesOfDifferentSpellings) {
  SpellingIndex index;
  const std::string a = "iliacus";
  const std::string b = "iliacux";  // Same length, one byte apart.
  const std::string c = "iliac";
  const uint64_t hash = 0x1234567890ABCDEFu;  // Forced collision.
  index.Insert(1, a, hash, 1);
  index.Insert(1, b, hash, 2);
  index.Insert(1, c, hash, 3);
  EXPECT_EQ(index.Find(1, a, hash), 1u);
  EXPECT_EQ(index.Find(1, b, hash), 2u);
  EXPECT_EQ(index.Find(1, c, hash), 3u);
  EXPECT_EQ(index.Find(1, "iliacuz", hash), SpellingIndex::kAbsent);
  EXPECT_EQ(index.Find(2, a, hash), SpellingIndex::kAbsent);
}

TEST(SpellingIndexTest, KeepsValuesAcrossGrowth) {
  // Far past the first table (4096 slots, half full at most).
  std::vector<std::string> names;
  for (int i = 0; i < 50000; ++i) names.push_back(absl::StrCat("muscle ", i));
  SpellingIndex index;
  const size_t empty_bytes = index.MemoryBytes();
  for (size_t i = 0; i < names.size(); ++i) {
    const int type = static_cast<int>(i % 3);
    index.Insert(type, names[i], SpellingIndex::Hash(type, names[i]),
                 static_cast<uint32_t>(i));
  }
  EXPECT_GT(index.MemoryBytes(), empty_bytes);
  for (size_t i = 0; i < names.size(); ++i) {
    const int type = static_cast<int>(i % 3);
    const uint64_t hash = SpellingIndex::Hash(type, names[i]);
    index.PrefetchSlot(hash);
    index.PrefetchSpelling(hash);
    ASSERT_EQ(index.Find(type, names[i], hash), i) << names[i];
    EXPECT_EQ(
        index.Find(type + 1, names[i], SpellingIndex::Hash(type + 1, names[i])),
        SpellingIndex::kAbsent);
  }
}

TEST(SpellingIndexTest, PrefetchOfAbsentKeysIsHarmless) {
  SpellingIndex index;
  for (uint64_t hash : {uint64_t{0}, uint64_t{1}, UINT64_MAX}) {
    index.PrefetchSlot(hash);
    index.PrefetchSpelling(hash);
  }
  EXPECT_EQ(index.Find(0, "", 0), SpellingIndex::kAbsent);
  index.Insert(0, "", 0, 5);  // The empty spelling is a key like another.
  EXPECT_EQ(index.Find(0, "", 0), 5u);
}

}  // namespace
}  // namespace mskg::graph
