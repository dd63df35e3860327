#include "query/parser.h"

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

TEST(ParserTest, MissingParenReportsPosition) {
  auto query = ParseText("MATCH (p:Muscle RETURN p");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(query.status().message(), HasSubstr("1:17"));
  EXPECT_THAT(query.status().message(),
              HasSubstr("expected ')' to close node pattern, found 'RETURN'"));
}

TEST(ParserTest, ParsesPatternsAndProjection) {
  auto query = ParseText(
      "match (m:Muscle)-[r:ANTAGONIST_OF|PART_OF]-(:Muscle {name: 'psoas'}), "
      "(m)<--(x), (x)-[*1..3]->() "
      "Return Distinct m.name AS name, type(r), 'lit', 3 ORDER BY name DESC "
      "SKIP 1 LIMIT 2");
  ASSERT_TRUE(query.ok()) << query.status();
  ASSERT_EQ((*query)->clauses.size(), 2u);
  const ast::Clause& match = (*query)->clauses[0];
  ASSERT_EQ(match.patterns.size(), 3u);
  EXPECT_EQ(match.patterns[0].rels[0].types.size(), 2u);
  EXPECT_EQ(match.patterns[0].rels[0].direction, ast::Direction::kBoth);
  EXPECT_EQ(match.patterns[1].rels[0].direction, ast::Direction::kRightToLeft);
  EXPECT_TRUE(match.patterns[2].rels[0].variable_length);
  EXPECT_EQ(match.patterns[2].rels[0].min_hops, 1);
  EXPECT_EQ(match.patterns[2].rels[0].max_hops, 3);
  const ast::Projection& ret = (*query)->clauses[1].projection;
  EXPECT_TRUE(ret.distinct);
  ASSERT_EQ(ret.items.size(), 4u);
  EXPECT_EQ(ret.items[0].alias, "name");
  EXPECT_EQ(ret.items[1].text, "type(r)");
  EXPECT_EQ(ret.items[2].text, "'lit'");
  EXPECT_TRUE(ret.order_by[0].descending);
  EXPECT_NE(ret.skip, nullptr);
  EXPECT_NE(ret.limit, nullptr);
}

TEST(ParserTest, ExpressionsAndPredicates) {
  auto query = ParseText(
      "EXPLAIN MATCH (a)-->(b) WHERE a.name STARTS WITH 'p' AND NOT (b)-[:PART_OF]->() "
      "OR b.name IN ['x', \"y\"] XOR a.id >= -2 AND b.rule IS NOT NULL "
      "WITH a, count(DISTINCT b) AS n WHERE n > 1 RETURN a, n, count(*)");
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ((*query)->mode, ast::Query::Mode::kExplain);
  EXPECT_EQ((*query)->clauses.size(), 3u);
  EXPECT_NE((*query)->clauses[1].projection.where, nullptr);
}

TEST(ParserTest, Errors) {
  auto no_return = ParseText("MATCH (a)-[:X->(b) RETURN a");
  ASSERT_FALSE(no_return.ok());
  EXPECT_THAT(no_return.status().message(), HasSubstr("1:14"));
  auto write = ParseText("CREATE (a)");
  EXPECT_EQ(write.status().code(), absl::StatusCode::kUnimplemented);
  auto trailing = ParseText("MATCH (a) RETURN a,");
  ASSERT_FALSE(trailing.ok());
  EXPECT_THAT(trailing.status().message(), HasSubstr("1:20"));
  EXPECT_THAT(trailing.status().message(), HasSubstr("end of input"));
}

}  // namespace
}  // namespace mskg::query
