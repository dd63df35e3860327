// Tests of request JSON (json_body.h): one object parsed within its byte
// and depth bounds, errors with a "line:col:" position, the typed field
// readers (fallback when absent or null, InvalidArgument naming the field
// otherwise) and DumpJson's replacement of invalid UTF-8.
#include "server/json_body.h"

#include <cstdint>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::server {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(JsonBodyTest, ParsesAnObject) {
  absl::StatusOr<Json> json =
      ParseJsonObject(R"({"query": "MATCH (m) RETURN m", "limit": 5})");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ((*json)["query"], "MATCH (m) RETURN m");
  EXPECT_EQ((*json)["limit"], 5);
  EXPECT_TRUE(ParseJsonObject(" {}\n").ok());
}

TEST(JsonBodyTest, RefusesValuesThatAreNotObjects) {
  for (const char* body : {"[1, 2]", "\"psoas\"", "7", "null", "true"}) {
    absl::StatusOr<Json> json = ParseJsonObject(body);
    ASSERT_FALSE(json.ok()) << body;
    EXPECT_EQ(json.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(json.status().message()),
                StartsWith("1:1: the body must be a JSON object"))
        << body;
  }
}

TEST(JsonBodyTest, MalformedJsonGivesLineAndColumn) {
  // The '}' where a value should be is line 2, column 8.
  absl::StatusOr<Json> json = ParseJsonObject("{\n  \"a\": }");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(json.status().message()),
              StartsWith("2:8: invalid JSON: "));
  // The exception's own prefix is cut.
  EXPECT_THAT(json.status().message(),
              ::testing::Not(HasSubstr("[json.exception")));

  for (const char* body : {"", "{", "{\"a\" 1}", "{\"a\": 1,}", "{} {}"}) {
    absl::StatusOr<Json> bad = ParseJsonObject(body);
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument) << body;
    EXPECT_THAT(bad.status().message(), HasSubstr("invalid JSON")) << body;
  }
}

TEST(JsonBodyTest, RefusesInvalidUtf8WithItsPosition) {
  absl::StatusOr<Json> json = ParseJsonObject("{\"a\": \"\xC3\"}");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(json.status().message(), "1:8: the JSON body is not valid UTF-8");
  // Valid multi-byte UTF-8 passes.
  absl::StatusOr<Json> ok = ParseJsonObject("{\"a\": \"caf\xC3\xA9\"}");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ((*ok)["a"], "caf\xC3\xA9");
}

TEST(JsonBodyTest, DepthIsBoundedOutsideStringsOnly) {
  JsonLimits limits;
  limits.max_depth = 3;
  EXPECT_TRUE(ParseJsonObject(R"({"a": {"b": []}})", limits).ok());
  absl::StatusOr<Json> deep =
      ParseJsonObject(R"({"a":{"b":{"c":{}}}})", limits);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(deep.status().message(), "1:16: JSON nested deeper than 3 levels");
  // Brackets inside strings, escaped quotes included, do not nest.
  limits.max_depth = 1;
  absl::StatusOr<Json> text =
      ParseJsonObject(R"({"a": "[[{{ \" [[{{"})", limits);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ((*text)["a"], "[[{{ \" [[{{");
}

TEST(JsonBodyTest, DeepBodyIsAnErrorNotACrash) {
  const std::string body = "{\"a\":" + std::string(100000, '[');
  absl::StatusOr<Json> json = ParseJsonObject(body);
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(json.status().message(),
              HasSubstr("JSON nested deeper than 64 levels"));
}

TEST(JsonBodyTest, SizeIsBoundedAsTooLarge) {
  JsonLimits limits;
  limits.max_bytes = 10;
  EXPECT_TRUE(ParseJsonObject(R"({"a": 123})", limits).ok());  // 10 bytes.
  absl::StatusOr<Json> json = ParseJsonObject(R"({"a": 1234})", limits);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), absl::StatusCode::kResourceExhausted);
  // The prefix that makes it a 413 (responses.h).
  EXPECT_EQ(json.status().message(),
            "too large: the JSON body has 11 bytes; at most 10 are read");
}

TEST(JsonBodyTest, StringField) {
  const Json object = Json::parse(R"({"q": "psoas", "n": null, "x": 3})");
  EXPECT_EQ(*StringField(object, "q", "-"), "psoas");
  EXPECT_EQ(*StringField(object, "n", "-"), "-");
  EXPECT_EQ(*StringField(object, "missing", "-"), "-");
  absl::StatusOr<std::string> bad = StringField(object, "x", "-");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "field 'x' must be a string");
}

TEST(JsonBodyTest, BoolField) {
  const Json object = Json::parse(R"({"why": true, "n": null, "x": "true"})");
  EXPECT_TRUE(*BoolField(object, "why", false));
  EXPECT_TRUE(*BoolField(object, "n", true));
  EXPECT_FALSE(*BoolField(object, "missing", false));
  absl::StatusOr<bool> bad = BoolField(object, "x", false);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "field 'x' must be true or false");
}

TEST(JsonBodyTest, IntFieldTakesIntegersWithinInclusiveBounds) {
  const Json object =
      Json::parse(R"({"lo": -5, "hi": 10, "n": null, "mid": 3})");
  EXPECT_EQ(*IntField(object, "lo", 0, -5, 10), -5);
  EXPECT_EQ(*IntField(object, "hi", 0, -5, 10), 10);
  EXPECT_EQ(*IntField(object, "mid", 0, -5, 10), 3);
  EXPECT_EQ(*IntField(object, "n", 7, -5, 10), 7);
  EXPECT_EQ(*IntField(object, "missing", 7, -5, 10), 7);
  const Json big = Json::parse(R"({"v": 9223372036854775807})");
  EXPECT_EQ(*IntField(big, "v", 0, 0, std::numeric_limits<int64_t>::max()),
            std::numeric_limits<int64_t>::max());
}

TEST(JsonBodyTest, IntFieldRefusesOtherTypesAndValuesOutOfRange) {
  const Json object = Json::parse(
      R"({"f": 1.5, "s": "3", "b": true, "a": [1], "neg": -1, "big": 11})");
  for (const char* name : {"f", "s", "b", "a"}) {
    absl::StatusOr<int64_t> v = IntField(object, name, 0, 0, 10);
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(v.status().message(),
              std::string("field '") + name + "' must be an integer");
  }
  for (const char* name : {"neg", "big"}) {
    absl::StatusOr<int64_t> v = IntField(object, name, 0, 0, 10);
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(v.status().message(),
              std::string("field '") + name + "' must be between 0 and 10");
  }
}

// Regression: integers past int64's range (nlohmann's unsigned numbers)
// wrapped to negative values, which a range allowing negatives accepted:
// 18446744073709551615 read as -1.
TEST(JsonBodyTest, IntFieldRefusesUnsignedValuesPastInt64) {
  const Json object = Json::parse(
      R"({"max": 18446744073709551615, "over": 9223372036854775808})");
  for (const char* name : {"max", "over"}) {
    absl::StatusOr<int64_t> v =
        IntField(object, name, 0, std::numeric_limits<int64_t>::min(),
                 std::numeric_limits<int64_t>::max());
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument)
        << name << " read as " << (v.ok() ? *v : 0);
  }
  absl::StatusOr<int64_t> v = IntField(object, "max", 0, -10, 10);
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(v.status().message(), "field 'max' must be between -10 and 10");
}

TEST(JsonBodyTest, DumpJsonIsCompactAndReplacesInvalidUtf8) {
  EXPECT_EQ(DumpJson(Json{{"a", 1}, {"b", {true, nullptr}}}),
            R"({"a":1,"b":[true,null]})");
  // U+FFFD instead of an exception.
  EXPECT_EQ(DumpJson(Json("ps\xC3"
                          "oas")),
            "\"ps\xEF\xBF\xBDoas\"");
}

}  // namespace
}  // namespace mskg::server
