// Tests of ParseJson (json_value.h): every kind of value, members in order
// and Find(), strings decoded to UTF-8 (escapes and surrogate pairs, lone
// surrogates as U+FFFD), numbers keeping their text, and the refusals with
// their byte offset: syntax, leading zeros, trailing text, control
// characters, bad escapes, unterminated strings and nesting past 64 levels.
#include "interop/json_value.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::interop {
namespace {

using Kind = JsonValue::Kind;
using ::testing::HasSubstr;

// Returns the string `json` (a JSON string literal) decodes to.
std::string Decoded(const std::string& json) {
  absl::StatusOr<JsonValue> v = ParseJson(json);
  EXPECT_TRUE(v.ok()) << json << ": " << v.status();
  if (!v.ok()) return "<error>";
  EXPECT_EQ(v->kind, Kind::kString) << json;
  return v->text;
}

// Expects `text` to be refused with `message` (which includes the offset).
void ExpectRefused(const std::string& text, const std::string& message) {
  absl::StatusOr<JsonValue> v = ParseJson(text);
  ASSERT_FALSE(v.ok()) << text;
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument) << text;
  EXPECT_EQ(v.status().message(), message) << text;
}

TEST(JsonValueTest, ParsesScalars) {
  EXPECT_EQ(ParseJson("null")->kind, Kind::kNull);
  absl::StatusOr<JsonValue> t = ParseJson(" true ");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->kind, Kind::kBool);
  EXPECT_TRUE(t->boolean);
  absl::StatusOr<JsonValue> f = ParseJson("false");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ(f->kind, Kind::kBool);
  EXPECT_FALSE(f->boolean);
  EXPECT_EQ(Decoded("\"psoas major\""), "psoas major");
  EXPECT_EQ(Decoded("\"\""), "");
}

TEST(JsonValueTest, NumbersKeepTheirText) {
  struct Case {
    const char* text;
    double number;
  } cases[] = {{"0", 0},
               {"-12", -12},
               {"0.25", 0.25},
               {"1e3", 1000},
               {"2.5E-1", 0.25},
               {"-0.5e+2", -50},
               {"12345678901234567890", 12345678901234567890.0}};
  for (const Case& c : cases) {
    absl::StatusOr<JsonValue> v = ParseJson(c.text);
    ASSERT_TRUE(v.ok()) << c.text << ": " << v.status();
    EXPECT_EQ(v->kind, Kind::kNumber) << c.text;
    EXPECT_EQ(v->text, c.text);
    EXPECT_DOUBLE_EQ(v->number, c.number) << c.text;
  }
}

TEST(JsonValueTest, ObjectsKeepMemberOrderAndFindTheFirst) {
  absl::StatusOr<JsonValue> v = ParseJson(
      R"({"subject": "psoas", "weight": 2, "tags": [1, "a", null, {}],
          "subject": "iliacus"})");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->kind, Kind::kObject);
  ASSERT_EQ(v->members.size(), 4u);
  EXPECT_EQ(v->members[0].first, "subject");
  EXPECT_EQ(v->members[1].first, "weight");
  EXPECT_EQ(v->members[3].second.text, "iliacus");
  ASSERT_NE(v->Find("subject"), nullptr);
  EXPECT_EQ(v->Find("subject")->text, "psoas");  // The first of two.
  EXPECT_EQ(v->Find("Subject"), nullptr);        // Names are exact.
  EXPECT_EQ(v->Find("missing"), nullptr);
  const JsonValue* tags = v->Find("tags");
  ASSERT_NE(tags, nullptr);
  EXPECT_EQ(tags->kind, Kind::kArray);
  ASSERT_EQ(tags->items.size(), 4u);
  EXPECT_EQ(tags->items[1].text, "a");
  EXPECT_EQ(tags->items[2].kind, Kind::kNull);
  EXPECT_EQ(tags->items[3].kind, Kind::kObject);
  // Find on anything but an object finds nothing.
  EXPECT_EQ(tags->Find("a"), nullptr);
}

TEST(JsonValueTest, EmptyContainersAndWhitespace) {
  absl::StatusOr<JsonValue> v =
      ParseJson(" \t\r\n{ \"a\" : [ ] , \"b\":{ } }\n");
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_EQ(v->members.size(), 2u);
  EXPECT_EQ(v->members[0].second.kind, Kind::kArray);
  EXPECT_TRUE(v->members[0].second.items.empty());
  EXPECT_EQ(v->members[1].second.kind, Kind::kObject);
  EXPECT_TRUE(v->members[1].second.members.empty());
}

TEST(JsonValueTest, DecodesEscapes) {
  EXPECT_EQ(Decoded(R"("a\"b\\c\/d")"), "a\"b\\c/d");
  EXPECT_EQ(Decoded(R"("\b\f\n\r\t")"), "\b\f\n\r\t");
  EXPECT_EQ(Decoded(R"("\u0041\u00e9\u20AC")"), "A\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(Decoded(R"("\u0000")"), std::string(1, '\0'));
  // Raw UTF-8 passes through.
  EXPECT_EQ(Decoded("\"K\xC3\xB9zu\""), "K\xC3\xB9zu");
}

TEST(JsonValueTest, SurrogatePairsAndLoneSurrogates) {
  EXPECT_EQ(Decoded(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");  // U+1F600.
  EXPECT_EQ(Decoded(R"("\uDBFF\uDFFF")"), "\xF4\x8F\xBF\xBF");  // U+10FFFF.
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(Decoded(R"("\ud83d")"), replacement);
  EXPECT_EQ(Decoded(R"("\ude00x")"), replacement + "x");
  EXPECT_EQ(Decoded(R"("\ud83dx")"), replacement + "x");
  EXPECT_EQ(Decoded(R"("\ud83d\u0041")"), replacement + "A");
}

// Regression: a high surrogate followed by another high surrogate wrote the
// second as the three bytes of a surrogate (ED A0 80), which is not UTF-8.
TEST(JsonValueTest, TwoHighSurrogatesAreTwoReplacements) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(Decoded(R"("\ud800\ud800")"), replacement + replacement);
  EXPECT_EQ(Decoded(R"("\udbff\udbffz")"), replacement + replacement + "z");
}

TEST(JsonValueTest, RefusesSyntaxErrorsWithTheirOffset) {
  ExpectRefused("", "bad JSON at byte 0: syntax");
  ExpectRefused("   ", "bad JSON at byte 3: syntax");
  ExpectRefused("tru", "bad JSON at byte 0: syntax");
  ExpectRefused("nul", "bad JSON at byte 0: syntax");
  ExpectRefused("[1,]", "bad JSON at byte 3: syntax");
  ExpectRefused("[1 2]", "bad JSON at byte 3: syntax");
  ExpectRefused("{\"a\" 1}", "bad JSON at byte 5: syntax");
  ExpectRefused("{a: 1}", "bad JSON at byte 1: syntax");
  ExpectRefused("{\"a\": 1", "bad JSON at byte 7: syntax");
  ExpectRefused("-", "bad JSON at byte 1: syntax");
  ExpectRefused("1.", "bad JSON at byte 2: syntax");
  ExpectRefused("1e", "bad JSON at byte 2: syntax");
  ExpectRefused("+1", "bad JSON at byte 0: syntax");
  ExpectRefused("'a'", "bad JSON at byte 0: syntax");
}

// RFC 8259: "leading zeros are not allowed". They used to parse ("012" as
// 12); now the error names the byte of the zero.
TEST(JsonValueTest, RefusesLeadingZeros) {
  const std::string why =
      " (JSON numbers have none: write 12, not 012, or quote it as a string)";
  ExpectRefused("012", "bad JSON at byte 0: leading zero in number 012" + why);
  ExpectRefused("-012",
                "bad JSON at byte 1: leading zero in number -012" + why);
  ExpectRefused("00", "bad JSON at byte 0: leading zero in number 00" + why);
  ExpectRefused("[1, 007.5]",
                "bad JSON at byte 4: leading zero in number 007" + why);
  ExpectRefused(R"({"line": 01e2})",
                "bad JSON at byte 9: leading zero in number 01" + why);
  // A single zero, before a fraction or an exponent too, is a number.
  for (const char* ok : {"0", "-0", "0.5", "-0.0", "0e5", "10", "100.01"}) {
    absl::StatusOr<JsonValue> v = ParseJson(ok);
    ASSERT_TRUE(v.ok()) << ok << ": " << v.status();
    EXPECT_EQ(v->text, ok);
  }
}

TEST(JsonValueTest, RefusesTrailingText) {
  ExpectRefused("{} {}", "bad JSON at byte 3: trailing characters");
  ExpectRefused("1 x", "bad JSON at byte 2: trailing characters");
  ExpectRefused("truex", "bad JSON at byte 4: trailing characters");
}

TEST(JsonValueTest, RefusesBadStrings) {
  ExpectRefused("\"ab", "bad JSON at byte 3: unterminated string");
  ExpectRefused("\"a\nb\"", "bad JSON at byte 3: control character in string");
  ExpectRefused(R"("a\qb")", "bad JSON at byte 4: bad escape");
  ExpectRefused(R"("\u12")", "bad JSON at byte 3: syntax");
  ExpectRefused(R"("\u12G4")", "bad JSON at byte 6: syntax");
  ExpectRefused("\"a\\", "bad JSON at byte 3: syntax");
}

// Regression (found by //fuzz:jsonl_reader_fuzzer): raw invalid UTF-8 in a
// string was kept, and jsonl import put it in protobuf string fields that
// do not parse back. Now it is refused at its byte.
TEST(JsonValueTest, RefusesInvalidUtf8InStrings) {
  ExpectRefused("\"gluteus\xFF\"",
                "bad JSON at byte 8: invalid UTF-8 in string");
  ExpectRefused("[\"ok\", \"\xC3\"]",
                "bad JSON at byte 8: invalid UTF-8 in string");
  ExpectRefused("{\"a\xED\xA0\x80\": 1}",  // An encoded surrogate.
                "bad JSON at byte 3: invalid UTF-8 in string");
  EXPECT_EQ(Decoded("\"m\xC3\xBAsculo \xE2\x80\x94 \xF0\x9F\x92\xAA\""),
            "m\xC3\xBAsculo \xE2\x80\x94 \xF0\x9F\x92\xAA");
}

TEST(JsonValueTest, NestingIsBounded) {
  // A value inside 64 nested arrays parses; inside 65 it does not.
  auto arrays = [](int n) {
    return std::string(n, '[') + "1" + std::string(n, ']');
  };
  EXPECT_TRUE(ParseJson(arrays(64)).ok());
  absl::StatusOr<JsonValue> v = ParseJson(arrays(65));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(), "bad JSON at byte 65: nested too deeply");
  // Far deeper input, of arrays or objects, fails the same way without
  // exhausting the stack.
  EXPECT_THAT(ParseJson(arrays(1000000)).status().message(),
              HasSubstr("nested too deeply"));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_THAT(ParseJson(objects).status().message(),
              HasSubstr("nested too deeply"));
}

}  // namespace
}  // namespace mskg::interop
