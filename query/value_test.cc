#include "query/value.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

TEST(ValueTest, KindsAndAccessors) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_EQ(Value(true).kind(), Value::Kind::kBool);
  EXPECT_EQ(Value(3).kind(), Value::Kind::kInt);
  EXPECT_EQ(Value(int64_t{3}).AsInt(), 3);
  EXPECT_EQ(Value(2.5).kind(), Value::Kind::kDouble);
  EXPECT_TRUE(Value(2.5).is_number());
  EXPECT_EQ(Value("psoas").kind(), Value::Kind::kString);
  EXPECT_EQ(Value(absl::string_view("psoas")).AsString(), "psoas");
  const Value list(std::vector<Value>{1, "a"});
  ASSERT_TRUE(list.is_list());
  EXPECT_EQ(list.AsList().size(), 2u);
}

TEST(ValueTest, ComparesAndHashesStructurally) {
  EXPECT_EQ(Value(), Value());
  EXPECT_EQ(Value("iliacus"), Value(std::string("iliacus")));
  EXPECT_NE(Value("1"), Value(1));
  EXPECT_NE(Value(1), Value(1.0));  // Structural, not Cypher's `=`.
  const Value a(std::vector<Value>{1, Value()});
  const Value b(std::vector<Value>{1, Value()});
  EXPECT_EQ(a, b);
  EXPECT_EQ(absl::Hash<Value>()(a), absl::Hash<Value>()(b));
  absl::flat_hash_set<Value> set = {Value("x"), Value(1), Value()};
  EXPECT_TRUE(set.contains(Value()));
  EXPECT_TRUE(set.contains(Value("x")));
  EXPECT_FALSE(set.contains(Value(2)));
}

TEST(ValueTest, TextForms) {
  const Value list(std::vector<Value>{"it's", 1, 0.1, Value(), true});
  EXPECT_EQ(Value("bare").ToString(), "bare");
  EXPECT_EQ(Value("bare").ToLiteral(), "'bare'");
  EXPECT_EQ(list.ToString(), "['it\\'s', 1, 0.1, null, true]");
  EXPECT_EQ(Value(-7).ToLiteral(), "-7");
}

}  // namespace
}  // namespace mskg::query
