#include "query/parser.h"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

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

// Returns `open` n times, `middle`, then `close` n times.
std::string Nest(int n, absl::string_view open, absl::string_view middle,
                 absl::string_view close) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(open.data(), open.size());
  out.append(middle.data(), middle.size());
  for (int i = 0; i < n; ++i) out.append(close.data(), close.size());
  return out;
}

// Regression (issue 10): 50,000 nested parentheses or brackets overflowed
// the stack (SIGSEGV). Past kMaxNesting they are an error at the level
// that goes too deep.
TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  for (const auto& [open, close] :
       {std::pair{"(", ")"}, std::pair{"[", "]"}, std::pair{"size(", ")"}}) {
    auto query = ParseText("RETURN " + Nest(50000, open, "1", close));
    ASSERT_FALSE(query.ok()) << open;
    EXPECT_EQ(query.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(query.status().message(), HasSubstr("nested more than 200 levels"));
    EXPECT_THAT(query.status().message(), HasSubstr("1:"));
  }
  for (absl::string_view prefix : {"NOT ", "-", "- ", "+"}) {
    auto query = ParseText("RETURN " + Nest(50000, prefix, "1", ""));
    ASSERT_FALSE(query.ok()) << prefix;
    EXPECT_THAT(query.status().message(), HasSubstr("levels"));
  }
  // Within the bound, nesting parses.
  EXPECT_TRUE(ParseText("RETURN " + Nest(150, "(", "1", ")")).ok());
  EXPECT_TRUE(ParseText("RETURN " + Nest(150, "[", "1", "]")).ok());
}

// A chain of binary operators needs no nesting but builds a tree as deep as
// it is long, which every later stage (and the AST's destructor) walks
// recursively.
TEST(ParserTest, LongOperatorChainsAreBounded) {
  std::string chain = "RETURN 1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  auto query = ParseText(chain);
  ASSERT_FALSE(query.ok());
  EXPECT_THAT(query.status().message(), HasSubstr("more than 1000 levels deep"));
  EXPECT_THAT(query.status().message(), HasSubstr("IN"));
  std::string ok = "MATCH (m) WHERE m.id = 0";
  for (int i = 1; i < 500; ++i) ok += " OR m.id = " + std::to_string(i);
  EXPECT_TRUE(ParseText(ok + " RETURN m").ok());
}

// Pattern predicates nested in property maps used to be parsed twice per
// level (as a pattern, then as a parenthesis): 2^depth work.
TEST(ParserTest, NestedPatternPredicatesParseInLinearTime) {
  std::string q = "MATCH (a) WHERE ";
  for (int i = 0; i < 60; ++i) q += "(a)--(b {name: ";
  q += "1";
  for (int i = 0; i < 60; ++i) q += "})";
  q += " RETURN a";
  auto query = ParseText(q);  // Without the memo this never ends.
  EXPECT_TRUE(query.ok()) << query.status();
  auto bad = ParseText(q.substr(0, q.size() - 12));
  EXPECT_FALSE(bad.ok());
}

TEST(ParserTest, SmallestIntegerIsALiteral) {
  auto query = ParseText("RETURN -9223372036854775808");
  ASSERT_TRUE(query.ok()) << query.status();
  const ast::Expr& e = *(*query)->clauses[0].projection.items[0].expr;
  EXPECT_EQ(e.value.AsInt(), std::numeric_limits<int64_t>::min());
  auto too_big = ParseText("RETURN 9223372036854775808");
  ASSERT_FALSE(too_big.ok());
  EXPECT_THAT(too_big.status().message(), HasSubstr("1:8: integer out of range"));
}

}  // namespace
}  // namespace mskg::query
