// interop/text_escape_test.cc
#include "interop/text_escape.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg::interop {
namespace {

std::string Json(absl::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

TEST(TextEscapeTest, JsonEscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(Json("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
}

TEST(TextEscapeTest, NonAsciiPassesThroughInvalidBecomesReplacement) {
  EXPECT_EQ(Json("m\xC3\xBAsculo"), "\"m\xC3\xBAsculo\"");
  EXPECT_EQ(Json("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(Json("\xC3"), "\"\xEF\xBF\xBD\"");           // Truncated.
  EXPECT_EQ(Json("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(TextEscapeTest, CsvDoublesQuotes) {
  std::string out;
  AppendCsvField("say \"hi\",\nbye", &out);
  EXPECT_EQ(out, "\"say \"\"hi\"\",\nbye\"");
}

TEST(TextEscapeTest, DotEscapesQuotesBackslashAndNewline) {
  std::string out;
  AppendDotString("a\"b\\N\nc\td", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\N\\nc d\"");
}

TEST(TextEscapeTest, RdfStringEscapes) {
  std::string out;
  AppendRdfString("a\"\\\r\n\x7F", &out);
  EXPECT_EQ(out, "\"a\\\"\\\\\\r\\n\\u007F\"");
}

TEST(TextEscapeTest, PercentEncodingRoundTrips) {
  std::string out;
  AppendPercentEncoded("psoas major/\xC3\xBA%", &out);
  EXPECT_EQ(out, "psoas%20major%2F%C3%BA%25");
  EXPECT_EQ(PercentDecode(out), "psoas major/\xC3\xBA%");
}

TEST(TextEscapeTest, XmlSafeReplacesForbiddenControls) {
  EXPECT_EQ(XmlSafe("a\tb\nc\x01"), "a\tb\nc\xEF\xBF\xBD");
}

}  // namespace
}  // namespace mskg::interop
