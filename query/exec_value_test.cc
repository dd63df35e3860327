#include "query/exec_value.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "gtest/gtest.h"
#include "query/value.h"

namespace mskg::query {
namespace {

TEST(ExecValueTest, RefIsAStringInEveryRespect) {
  const std::string name = "psoas major";
  const ExecValue ref = ExecValue::Ref(name);
  const ExecValue owned(std::string("psoas major"));
  EXPECT_TRUE(ref.is_ref());
  EXPECT_TRUE(ref.is_string());
  EXPECT_EQ(ref.kind(), ExecValue::Kind::kString);
  EXPECT_EQ(ref.AsString(), "psoas major");
  EXPECT_EQ(ref.AsString().data(), name.data());  // Not copied.
  EXPECT_EQ(ref, owned);
  EXPECT_EQ(owned, ref);
  EXPECT_NE(ref, ExecValue("iliacus"));
  EXPECT_NE(ref, ExecValue(int64_t{1}));
  EXPECT_EQ(absl::Hash<ExecValue>()(ref), absl::Hash<ExecValue>()(owned));
  EXPECT_EQ(CompareForOrder(ref, owned), 0);
  EXPECT_EQ(ref.ToString(), "psoas major");
  EXPECT_EQ(ExecValue(std::vector<ExecValue>{ref}),
            ExecValue(std::vector<ExecValue>{owned}));
  absl::flat_hash_set<ExecValue> set = {owned};
  EXPECT_TRUE(set.contains(ref));
  EXPECT_EQ(ref.OwnedStringBytes(), 0u);
  EXPECT_GE(owned.OwnedStringBytes(), name.size());
}

TEST(ExecValueTest, RefWithKnownHashHashesLikeAnOwnedString) {
  const std::string name = "rectus femoris";
  const ExecValue ref = ExecValue::Ref(name, ExecValue::StringHash(name));
  EXPECT_EQ(absl::Hash<ExecValue>()(ref), absl::Hash<ExecValue>()(ExecValue(name)));
  const std::string same = name;
  EXPECT_EQ(ref, ExecValue::Ref(same));
  // A prefix of the same bytes is another string.
  EXPECT_NE(ref, ExecValue::Ref(absl::string_view(name).substr(0, 6)));
}

TEST(ExecValueTest, NaNIsEquivalentToNaNAsAKey) {
  // Grouping and DISTINCT key on equivalence: every NaN is one key.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const ExecValue a(nan), b(-nan), c(std::nan("7"));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(absl::Hash<ExecValue>()(a), absl::Hash<ExecValue>()(b));
  EXPECT_EQ(absl::Hash<ExecValue>()(a), absl::Hash<ExecValue>()(c));
  EXPECT_NE(a, ExecValue(0.0));
  EXPECT_EQ(ExecValue(0.0), ExecValue(-0.0));
  EXPECT_EQ(absl::Hash<ExecValue>()(ExecValue(0.0)),
            absl::Hash<ExecValue>()(ExecValue(-0.0)));
  EXPECT_EQ(ExecValue(std::vector<ExecValue>{a}),
            ExecValue(std::vector<ExecValue>{b}));
  absl::flat_hash_set<ExecValue> set = {a, b, c, ExecValue(1.5)};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(set.contains(ExecValue(nan)));
}

TEST(ExecValueTest, NodesAndEdgesAreDistinctKinds) {
  EXPECT_TRUE(ExecValue::Node(3).is_node());
  EXPECT_EQ(ExecValue::Node(3).AsNode(), 3u);
  EXPECT_TRUE(ExecValue::Edge(3).is_edge());
  EXPECT_NE(ExecValue::Node(3), ExecValue::Edge(3));
  EXPECT_NE(ExecValue::Node(3), ExecValue(3));
  EXPECT_EQ(ExecValue::Node(3).ToString(), "node#3");
  EXPECT_EQ(ExecValue(std::vector<ExecValue>{ExecValue::Edge(1), "a"}).ToString(),
            "[edge#1, 'a']");
  // ORDER BY: list < node < edge < string < bool < number < null.
  EXPECT_LT(CompareForOrder(ExecValue::Node(9), ExecValue::Edge(0)), 0);
  EXPECT_LT(CompareForOrder(ExecValue::Edge(9), ExecValue("a")), 0);
  EXPECT_LT(CompareForOrder(ExecValue(int64_t{2}), ExecValue(2.5)), 0);
  EXPECT_GT(CompareForOrder(ExecValue(), ExecValue(1)), 0);
}

TEST(ExecValueTest, BorrowRefersToThePublicStrings) {
  const Value param(std::vector<Value>{"psoas", 2, Value()});
  const ExecValue borrowed = ExecValue::Borrow(param);
  ASSERT_TRUE(borrowed.is_list());
  ASSERT_EQ(borrowed.AsList().size(), 3u);
  EXPECT_TRUE(borrowed.AsList()[0].is_ref());
  EXPECT_EQ(borrowed.AsList()[0].AsString().data(),
            param.AsList()[0].AsString().data());
  EXPECT_EQ(borrowed.AsList()[1], ExecValue(int64_t{2}));
  EXPECT_TRUE(borrowed.AsList()[2].is_null());
  EXPECT_EQ(borrowed.ToLiteral(), param.ToLiteral());
}

TEST(ExecValueTest, CopyOwnsItsStrings) {
  ExecValue copy;
  {
    const Value literal(std::vector<Value>{"iliacus", 1.5, true});
    copy = ExecValue::Copy(literal);
  }
  ASSERT_TRUE(copy.is_list());
  EXPECT_FALSE(copy.AsList()[0].is_ref());
  EXPECT_EQ(copy.AsList()[0], ExecValue("iliacus"));
  EXPECT_EQ(copy.ToLiteral(), "['iliacus', 1.5, true]");
}

}  // namespace
}  // namespace mskg::query
