#include "util/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg {
namespace {

constexpr size_t kValid = absl::string_view::npos;

TEST(Utf8Test, AcceptsValidText) {
  EXPECT_EQ(FirstInvalidUtf8(""), kValid);
  EXPECT_EQ(FirstInvalidUtf8("psoas major"), kValid);
  EXPECT_EQ(FirstInvalidUtf8("K\xC3\xB9zu \xE2\x82\xAC \xF0\x9F\x92\xAA"), kValid);
}

TEST(Utf8Test, FindsTheFirstBadByte) {
  EXPECT_EQ(FirstInvalidUtf8("ab\xFF"), 2u);                // Never valid.
  EXPECT_EQ(FirstInvalidUtf8("a\xC3"), 1u);                 // Truncated.
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);              // Overlong '/'.
  EXPECT_EQ(FirstInvalidUtf8("x\xE0\x80\xAF"), 1u);         // Overlong.
  EXPECT_EQ(FirstInvalidUtf8("\xED\xA0\x80"), 0u);          // Surrogate.
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);      // > U+10FFFF.
  EXPECT_EQ(FirstInvalidUtf8("ok\x80"), 2u);                // Lone continuation.
  EXPECT_EQ(FirstInvalidUtf8(std::string("a\0b", 3)), kValid);  // NUL is text.
}

}  // namespace
}  // namespace mskg
