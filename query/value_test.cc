#include "query/value.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

TEST(ValueTest, RefIsAStringInEveryRespect) {
  const std::string name = "psoas major";
  const Value ref = Value::Ref(&name);
  const Value owned(std::string("psoas major"));
  EXPECT_TRUE(ref.is_ref());
  EXPECT_TRUE(ref.is_string());
  EXPECT_EQ(ref.kind(), Value::Kind::kString);
  EXPECT_EQ(ref.AsString(), "psoas major");
  EXPECT_EQ(ref, owned);
  EXPECT_EQ(owned, ref);
  EXPECT_NE(ref, Value("iliacus"));
  EXPECT_NE(ref, Value(int64_t{1}));
  EXPECT_EQ(absl::Hash<Value>()(ref), absl::Hash<Value>()(owned));
  EXPECT_EQ(CompareForOrder(ref, owned), 0);
  EXPECT_EQ(ref.ToString(), "psoas major");
  EXPECT_EQ(Value(std::vector<Value>{ref}), Value(std::vector<Value>{owned}));
  absl::flat_hash_set<Value> set = {owned};
  EXPECT_TRUE(set.contains(ref));
}

TEST(ValueTest, RefWithKnownHashHashesLikeAnOwnedString) {
  const std::string name = "rectus femoris";
  const Value ref = Value::Ref(&name, Value::StringHash(name));
  EXPECT_EQ(absl::Hash<Value>()(ref), absl::Hash<Value>()(Value(name)));
  const std::string same = name;
  EXPECT_EQ(ref, Value::Ref(&same));
}

TEST(ValueTest, OwnedCopiesTheReferencedString) {
  std::string name = "iliacus";
  Value v = Value::Ref(&name).Owned();
  name = "changed";
  EXPECT_FALSE(v.is_ref());
  EXPECT_EQ(v.AsString(), "iliacus");
  EXPECT_EQ(Value(int64_t{3}).Owned(), Value(int64_t{3}));
}

}  // namespace
}  // namespace mskg::query
