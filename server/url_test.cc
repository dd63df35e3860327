// Tests of request-target parsing (url.h): path and query split, percent
// and '+' decoding, the last of repeated parameters, and the refusals (bad
// escapes, NUL bytes, invalid UTF-8, a target not starting with '/').
#include "server/url.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace mskg::server {
namespace {

TEST(UrlTest, SplitsPathAndDecodesParameters) {
  absl::StatusOr<Target> t =
      ParseTarget("/v1/search?q=psoas+major&limit=5&name=ql%20spasm");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->raw_path, "/v1/search");
  ASSERT_EQ(t->query.size(), 3u);
  EXPECT_EQ(t->Param("q", ""), "psoas major");
  EXPECT_EQ(t->Param("limit", ""), "5");
  EXPECT_EQ(t->Param("name", ""), "ql spasm");
}

TEST(UrlTest, PathStaysEncodedAndWithoutQuery) {
  absl::StatusOr<Target> t = ParseTarget("/v1/nodes/psoas%20major");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->raw_path, "/v1/nodes/psoas%20major");
  EXPECT_TRUE(t->query.empty());
}

TEST(UrlTest, LastRepeatedParameterWinsAndFallback) {
  absl::StatusOr<Target> t = ParseTarget("/q?a=1&&a=2&flag&b=");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->Param("a", "x"), "2");
  EXPECT_EQ(t->Param("flag", "x"), "");  // Present without '=': empty.
  EXPECT_EQ(t->Param("b", "x"), "");
  EXPECT_EQ(t->Param("missing", "x"), "x");
}

TEST(UrlTest, RefusesTargetsNotStartingWithSlash) {
  for (const char* target : {"", "v1/search", "http://host/v1"}) {
    EXPECT_EQ(ParseTarget(target).status().code(),
              absl::StatusCode::kInvalidArgument)
        << target;
  }
}

TEST(UrlTest, PercentDecodeHonoursPlusFlag) {
  EXPECT_EQ(*PercentDecode("a+b%2Bc", true), "a b+c");
  EXPECT_EQ(*PercentDecode("a+b%2bc", false), "a+b+c");
  EXPECT_EQ(*PercentDecode("caf%C3%A9", false), "caf\xC3\xA9");
  EXPECT_EQ(*PercentDecode("", false), "");
}

TEST(UrlTest, PercentDecodeRefusesBadEscapesNulAndInvalidUtf8) {
  for (const char* bad : {"%", "%4", "ab%", "%G1", "%1G", "%00", "%FF",
                          "%C3"}) {
    absl::StatusOr<std::string> out = PercentDecode(bad, false);
    EXPECT_EQ(out.status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
  // A bad parameter makes the whole target bad.
  EXPECT_EQ(ParseTarget("/q?q=%ZZ").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTarget("/q?%00=1").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mskg::server
