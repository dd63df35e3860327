#include "query/binder.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/parser.h"
#include "util/name_key.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<BoundQuery> BindText(absl::string_view text) {
  auto query = ParseText(text);
  if (!query.ok()) return query.status();
  return Bind(**query);
}

TEST(BinderTest, UnknownLabelSuggests) {
  auto b = BindText("MATCH (m:Musle) RETURN m");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(b.status().message(), HasSubstr("1:10: unknown label 'Musle'"));
  EXPECT_THAT(b.status().message(), HasSubstr("did you mean 'Muscle'"));
  EXPECT_THAT(b.status().message(), HasSubstr("Structure"));
}

TEST(BinderTest, UnknownRelationSuggests) {
  auto b = BindText("MATCH (m)-[:ANTAGONIST]->(n) RETURN m");
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.status().message(), HasSubstr("1:13: unknown relationship type"));
  EXPECT_THAT(b.status().message(), HasSubstr("'ANTAGONIST_OF'"));
}

TEST(BinderTest, OrderByReportsItsOwnError) {
  auto b = BindText("MATCH (m:Muscle) RETURN m.name ORDER BY m.nam");
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.status().message(), HasSubstr("unknown node property 'nam'"));
  EXPECT_THAT(b.status().message(), HasSubstr("known node properties"));
}

TEST(BinderTest, UndefinedVariable) {
  auto b = BindText("MATCH (m) RETURN x.name");
  ASSERT_FALSE(b.ok());
  EXPECT_THAT(b.status().message(), HasSubstr("1:18: variable 'x' is not defined"));
  auto w = BindText("MATCH (m) WHERE y = 1 RETURN m");
  EXPECT_FALSE(w.ok());
  auto scope = BindText("MATCH (m)-->(n) WITH m RETURN n");
  EXPECT_FALSE(scope.ok());
}

TEST(BinderTest, KindConflicts) {
  EXPECT_THAT(BindText("MATCH (m)-[r]->(n), (r) RETURN m").status().message(),
              HasSubstr("'r' is a relationship, not a node"));
  EXPECT_THAT(BindText("MATCH (m)-[m]->(n) RETURN m").status().message(),
              HasSubstr("not a relationship"));
  EXPECT_THAT(BindText("MATCH (m) RETURN m.colour").status().message(),
              HasSubstr("unknown node property 'colour'"));
  EXPECT_FALSE(BindText("MATCH (m) RETURN type(m)").ok());
  EXPECT_FALSE(BindText("MATCH (m) WHERE count(*) > 1 RETURN m").ok());
}

TEST(BinderTest, NameMapBecomesNameMatch) {
  auto b = BindText("MATCH (m:Muscle {name: 'psoas'}) WHERE m.name = $n RETURN m");
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(b->names.size(), 2u);
  EXPECT_EQ(b->names[0].key, NameKey("psoas"));
  EXPECT_TRUE(b->names[1].is_param);
  EXPECT_EQ(b->parts[0].matches[0].conjuncts.size(), 2u);
}

// Each node and relationship becomes an operator of the executor's
// pipeline, which recurses once per operator: a part's patterns are bounded.
TEST(BinderTest, HugePatternsAreAnError) {
  std::string q = "MATCH (a0)";
  for (int i = 1; i < 1000; ++i) q += "-->(a" + std::to_string(i) + ")";
  auto b = BindText(q + " RETURN a0");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(b.status().message(), HasSubstr("1:1: more than 500 nodes and relationships"));
  std::string many = "MATCH (a) ";
  for (int i = 0; i < 600; ++i) many += "MATCH (a)-->() ";
  EXPECT_FALSE(BindText(many + "RETURN a").ok());
  std::string split = "MATCH (a) ";
  for (int i = 0; i < 300; ++i) split += "MATCH (a)-->() WITH a ";
  EXPECT_TRUE(BindText(split + "RETURN a").ok());
}

}  // namespace
}  // namespace mskg::query
