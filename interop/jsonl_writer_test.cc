// interop/jsonl_writer_test.cc: every line is valid JSON (checked by a small
// strict validator below), with the expected fields.
#include "interop/jsonl_writer.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

using ::testing::HasSubstr;

// A strict JSON (RFC 8259) validator: returns true if `text` is exactly one
// JSON value, optionally surrounded by whitespace.
class JsonValidator {
 public:
  explicit JsonValidator(absl::string_view text) : text_(text) {}

  bool Valid() {
    SkipSpace();
    if (!Value()) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
            text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Literal(absl::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Value() {
    if (pos_ >= text_.size()) return false;
    switch (text_[pos_]) {
      case '{': return Object();
      case '[': return Array();
      case '"': return String();
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      default: return Number();
    }
  }
  bool Object() {
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
    while (true) {
      SkipSpace();
      if (!String()) return false;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_++] != ':') return false;
      SkipSpace();
      if (!Value()) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == '}') return ++pos_, true;
      if (text_[pos_++] != ',') return false;
    }
  }
  bool Array() {
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
    while (true) {
      SkipSpace();
      if (!Value()) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == ']') return ++pos_, true;
      if (text_[pos_++] != ',') return false;
    }
  }
  bool String() {
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    ++pos_;
    while (pos_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (pos_ >= text_.size()) return false;
        const char e = text_[pos_++];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k, ++pos_) {
            if (pos_ >= text_.size() || !isxdigit(text_[pos_])) return false;
          }
        } else if (!absl::StrContains("\"\\/bfnrt", e)) {
          return false;
        }
      }
    }
    return false;
  }
  bool Number() {
    const size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    if (pos_ >= text_.size() || !isdigit(text_[pos_])) return false;
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < text_.size() && isdigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || !isdigit(text_[pos_])) return false;
      while (pos_ < text_.size() && isdigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
        ++pos_;
      }
      if (pos_ >= text_.size() || !isdigit(text_[pos_])) return false;
      while (pos_ < text_.size() && isdigit(text_[pos_])) ++pos_;
    }
    return pos_ > start;
  }

  absl::string_view text_;
  size_t pos_ = 0;
};

TEST(JsonValidatorTest, RejectsBadJson) {
  EXPECT_TRUE(JsonValidator("{\"a\":[1,-2.5e3,true,null,\"x\\u00e9\"]}").Valid());
  EXPECT_FALSE(JsonValidator("{\"a\":\"tab\there\"}").Valid());
  EXPECT_FALSE(JsonValidator("{\"a\":01}").Valid());
  EXPECT_FALSE(JsonValidator("{\"a\":1,}").Valid());
  EXPECT_FALSE(JsonValidator("{\"a\":\"\\x\"}").Valid());
}

TEST(JsonlWriterTest, EveryLineIsValidJson) {
  auto view = testing::TrickyGraph();
  std::ostringstream out;
  absl::StatusOr<int64_t> lines = WriteJsonl(*view, {}, &out);
  ASSERT_TRUE(lines.ok()) << lines.status();
  const std::string text = out.str();
  ASSERT_FALSE(text.empty());
  ASSERT_EQ(text.back(), '\n');
  std::vector<std::string> rows =
      absl::StrSplit(text.substr(0, text.size() - 1), '\n');
  EXPECT_EQ(static_cast<int64_t>(rows.size()), *lines);
  EXPECT_EQ(rows.size(), view->num_nodes() + view->num_edges());
  for (const std::string& row : rows) {
    EXPECT_TRUE(JsonValidator(row).Valid()) << row;
  }
}

TEST(JsonlWriterTest, CarriesIdsEscapesAndProvenance) {
  auto view = testing::TrickyGraph();
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonl(*view, {}, &out).ok());
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("{\"kind\":\"node\",\"id\":101,\"type\":\"Muscle\","
                              "\"name\":\"psoas major\",\"aliases\":[\"psoas\","
                              "\"the \\\"big\\\" one, really\"]}"));
  EXPECT_THAT(text, HasSubstr("\"name\":\"line one\\nline two\""));
  EXPECT_THAT(text, HasSubstr("\"m\xC3\xBAsculo \xC3\xADleo-psoas\""));
  EXPECT_THAT(text, HasSubstr("\"control\\u0001char\""));
  EXPECT_THAT(text, HasSubstr("\"id\":\"101:PART_OF:102\""));
  EXPECT_THAT(text, HasSubstr("\"premises\":[\"101:PART_OF:102\","
                              "\"102:ANTAGONIST_OF:103\"]"));
  EXPECT_THAT(text, HasSubstr("\"polarity\":\"NEGATED\""));
  EXPECT_THAT(text, HasSubstr("\"hedged\":true"));
  EXPECT_THAT(text, HasSubstr("\"confidence\":0.875"));
}

TEST(JsonlWriterTest, OptionsDropInferredAndNegated) {
  auto view = testing::TrickyGraph();
  std::ostringstream out;
  JsonlWriterOptions options;
  options.include_inferred = false;
  options.include_negated = false;
  absl::StatusOr<int64_t> lines = WriteJsonl(*view, options, &out);
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(*lines, static_cast<int64_t>(view->num_nodes() +
                                         view->num_edges() - 2));
  EXPECT_THAT(out.str(), ::testing::Not(HasSubstr("\"inferred\":true")));
}

}  // namespace
}  // namespace mskg::interop
