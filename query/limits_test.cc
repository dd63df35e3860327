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

// Returns "RETURN " and `n` levels of `open` around 1.
std::string Nested(int n, const std::string& open, const std::string& close) {
  std::string q = "RETURN ";
  for (int i = 0; i < n; ++i) q += open;
  q += "1";
  for (int i = 0; i < n; ++i) q += close;
  return q;
}

TEST_F(LimitsTest, Nesting) {
  // The whole expression is the first level: kMaxNesting - 1 parentheses
  // (or brackets, calls, unary minus) fit inside it.
  for (const auto& [open, close] :
       {std::pair{"(", ")"}, std::pair{"[", "]"}, std::pair{"coalesce(", ")"},
        std::pair{"- ", ""}}) {
    ExpectAccepted(Nested(kMaxNesting - 1, open, close));
    absl::Status refused =
        engine_.Run(Nested(kMaxNesting, open, close)).status();
    ExpectRefused(refused,
                  absl::StrCat("nested more than ", kMaxNesting, " levels"));
  }
  // The error points at the token one level too deep: here the 1.
  EXPECT_THAT(engine_.Run(Nested(kMaxNesting, "(", ")")).status().message(),
              HasSubstr(absl::StrCat("1:", 8 + kMaxNesting, ": ")));
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
