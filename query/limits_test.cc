// Tests of the bounds of limits.h through the engine: a query exactly at
// each bound is accepted and one step past it fails with InvalidArgument
// "line:col: ..." naming the bound, so the constants are the bounds the
// stages enforce.
#include "query/limits.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class LimitsTest : public ::testing::Test {
 protected:
  LimitsTest() : engine_(testing::MakeTestGraph()) {}

  // Expects `cypher` to prepare and run, returning one row.
  void ExpectAccepted(const std::string& cypher) {
    absl::StatusOr<ResultTable> table = engine_.Run(cypher);
    ASSERT_TRUE(table.ok()) << table.status();
    EXPECT_EQ(table->rows.size(), 1u);
  }
  // Expects `status` to be InvalidArgument with a position and `bound`.
  static void ExpectRefused(const absl::Status& status,
                            const std::string& bound) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_THAT(std::string(status.message()),
                MatchesRegex("[0-9]+:[0-9]+: .*"));
    EXPECT_THAT(status.message(), HasSubstr(bound));
  }

  QueryEngine engine_;
};

// Returns "RETURN " and `n` levels of `open` around `middle`.
std::string Nested(int n, const std::string& open, const std::string& close,
                   const std::string& middle = "1") {
  std::string q = "RETURN ";
  for (int i = 0; i < n; ++i) q += open;
  q += middle;
  for (int i = 0; i < n; ++i) q += close;
  return q;
}

TEST_F(LimitsTest, Nesting) {
  // Each parenthesis, bracket, call, NOT or unary minus opens one level:
  // kMaxNesting of them fit inside one another, one more does not (until
  // issue 10's fix the whole expression counted as a level too, so only
  // kMaxNesting - 1 fitted).
  for (const auto& [open, close] :
       {std::pair{"(", ")"}, std::pair{"[", "]"}, std::pair{"coalesce(", ")"},
        std::pair{"- ", ""}, std::pair{"NOT ", ""}}) {
    const std::string middle = std::string(open) == "NOT " ? "true" : "1";
    ExpectAccepted(Nested(kMaxNesting, open, close, middle));
    absl::Status refused =
        engine_.Run(Nested(kMaxNesting + 1, open, close, middle)).status();
    ExpectRefused(refused,
                  absl::StrCat("nested more than ", kMaxNesting, " levels"));
  }
  // The error points at the token one level too deep: here the 1.
  EXPECT_THAT(engine_.Run(Nested(kMaxNesting + 1, "(", ")")).status().message(),
              HasSubstr(absl::StrCat("1:", 8 + kMaxNesting + 1, ": ")));
  // Mixed openings count alike.
  std::string mixed = "RETURN ";
  for (int i = 0; i < kMaxNesting / 2; ++i) mixed += "[(";
  mixed += "1";
  for (int i = 0; i < kMaxNesting / 2; ++i) mixed += ")]";
  ASSERT_TRUE(engine_.Prepare(mixed).ok());
  ExpectRefused(engine_.Prepare("RETURN [" + mixed.substr(7) + "]").status(),
                "nested more than");
}

// A property map is one level: its value may hold kMaxNesting - 1
// parentheses, in a pattern and in a pattern predicate.
TEST_F(LimitsTest, PropertyMapNesting) {
  auto in_map = [](int parens) {
    std::string value(parens, '(');
    value += "'iliacus'";
    value += std::string(parens, ')');
    return "MATCH (m:Muscle {name: " + value + "}) RETURN m.name";
  };
  ASSERT_TRUE(engine_.Prepare(in_map(kMaxNesting - 1)).ok());
  ExpectRefused(engine_.Prepare(in_map(kMaxNesting)).status(),
                absl::StrCat("nested more than ", kMaxNesting, " levels"));
  auto in_predicate = [](int parens) {
    std::string value(parens, '(');
    value += "1";
    value += std::string(parens, ')');
    return "MATCH (m) WHERE (m)-->({x: " + value + "}) RETURN 1";
  };
  // The binder refuses maps in predicates, but only once the parser has
  // accepted the nesting.
  EXPECT_EQ(engine_.Prepare(in_predicate(kMaxNesting - 1)).status().code(),
            absl::StatusCode::kUnimplemented);
  ExpectRefused(engine_.Prepare(in_predicate(kMaxNesting)).status(),
                "nested more than");
}

TEST_F(LimitsTest, ExpressionDepth) {
  // A literal is one level; each '+' adds one.
  auto chain = [](int levels) {
    std::string q = "RETURN 0";
    for (int i = 1; i < levels; ++i) q += " + 0";
    return q;
  };
  ExpectAccepted(chain(kMaxExprDepth));
  ExpectRefused(engine_.Run(chain(kMaxExprDepth + 1)).status(),
                absl::StrCat("more than ", kMaxExprDepth, " levels deep"));
}

TEST_F(LimitsTest, PatternElements) {
  // `n` single-node patterns, the variables named `var`0, `var`1, ...
  auto nodes = [](int n, const std::string& var) {
    std::string q = "MATCH ";
    for (int i = 0; i < n; ++i) {
      absl::StrAppend(&q, i > 0 ? ", " : "", "(", var, i,
                      ":Muscle {name: 'iliacus'})");
    }
    return q;
  };
  ASSERT_TRUE(
      engine_.Prepare(nodes(kMaxPatternElements, "n") + " RETURN 1").ok());
  ExpectRefused(
      engine_.Prepare(nodes(kMaxPatternElements + 1, "n") + " RETURN 1")
          .status(),
      absl::StrCat("more than ", kMaxPatternElements,
                   " nodes and relationships"));
  // A WITH starts a query part with a budget of its own.
  ASSERT_TRUE(engine_
                  .Prepare(nodes(kMaxPatternElements, "n") + " WITH n0 " +
                           nodes(kMaxPatternElements, "m") + " RETURN 1")
                  .ok());
  // Relationships count too: r of them join r + 1 nodes.
  auto chain = [](int r) {
    std::string q = "MATCH (a0)";
    for (int i = 1; i <= r; ++i) absl::StrAppend(&q, "-->(a", i, ")");
    return q + " RETURN 1";
  };
  ASSERT_TRUE(engine_.Prepare(chain(kMaxPatternElements / 2 - 1)).ok());
  ExpectRefused(engine_.Prepare(chain(kMaxPatternElements / 2)).status(),
                "nodes and relationships");
}

TEST_F(LimitsTest, ListNesting) {
  // `n` WITHs each wrap x in one more list.
  auto wrapped = [](int n) {
    std::string q = "WITH 1 AS x ";
    for (int i = 0; i < n; ++i) q += "WITH [x] AS x ";
    return q + "RETURN size(x)";
  };
  ExpectAccepted(wrapped(kMaxListNesting));
  ExpectRefused(
      engine_.Run(wrapped(kMaxListNesting + 1)).status(),
      absl::StrCat("lists nested more than ", kMaxListNesting, " levels"));
}

}  // namespace
}  // namespace mskg::query
