// Tests of In() (word_set.h): exact, case-sensitive membership of a short
// literal set; the length and first-byte shortcuts must not change the
// answer.
#include "ingest/word_set.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

TEST(WordSetTest, FindsExactMembers) {
  EXPECT_TRUE(In("tight", {"tight", "tense", "spasm"}));
  EXPECT_TRUE(In("spasm", {"tight", "tense", "spasm"}));
}

TEST(WordSetTest, RefusesPrefixesExtensionsAndCase) {
  EXPECT_FALSE(In("tigh", {"tight"}));
  EXPECT_FALSE(In("tighter", {"tight"}));
  EXPECT_FALSE(In("Tight", {"tight"}));
  // Same length and first byte, another last byte.
  EXPECT_FALSE(In("tense", {"tensd", "tenses"}));
}

TEST(WordSetTest, EmptyWordAndEmptySet) {
  EXPECT_FALSE(In("", {"", "a"}));  // An empty word is in no set.
  EXPECT_FALSE(In("a", {}));
}

TEST(WordSetTest, ComparesBytesNotPointers) {
  // A word from a buffer, not a literal, and with a byte past its end that
  // differs: only the view's bytes count.
  const std::string text = "sore muscles";
  EXPECT_TRUE(In(absl::string_view(text).substr(0, 4), {"pain", "sore"}));
  EXPECT_TRUE(In(absl::string_view(text).substr(5), {"muscles"}));
}

}  // namespace
}  // namespace mskg::ingest
