// Tests of the executor's operator families on the tiny test graph, through
// Execute: rows are executor values (nodes as indices), with evidence paths.
#include "query/executor.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/binder.h"
#include "query/parser.h"
#include "query/node_names.h"
#include "query/planner.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class ExecutorTest : public ::testing::Test {
 protected:
  ExecutorTest() : view_(testing::MakeTestGraph()) {}

  absl::StatusOr<ExecResult> Run(absl::string_view text,
                                 ExecOptions options = {}) {
    auto query = ParseText(text);
    if (!query.ok()) return query.status();
    auto bound = Bind(**query);
    if (!bound.ok()) return bound.status();
    auto plan = Plan(std::move(bound).value(), *view_);
    if (!plan.ok()) return plan.status();
    plan_ = std::move(plan).value();
    return Execute(*plan_, *view_, options);
  }

  // Returns the first column of `result`, nodes as their names.
  std::vector<std::string> Column(const ExecResult& result) const {
    std::vector<std::string> out;
    for (const ExecRow& row : result.rows) {
      const ExecValue& v = row.values[0];
      out.push_back(v.is_node() ? std::string(NodeName(*view_, v.AsNode())) : v.ToString());
    }
    return out;
  }

  graph::NodeIndex Node(const std::string& name) const {
    return view_->Lookup(name).front();
  }

  std::shared_ptr<const graph::GraphView> view_;
  std::unique_ptr<PhysicalPlan> plan_;
};

TEST_F(ExecutorTest, ScanAndExpandBindNodesAndEdges) {
  auto result = Run("MATCH (m:Muscle)-[:PART_OF]->(g {name: 'hip flexors'}) RETURN m");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result), UnorderedElementsAre("psoas major", "iliacus"));
  for (const ExecRow& row : result->rows) {
    ASSERT_TRUE(row.values[0].is_node());
    // One evidence path: the PART_OF edge matched.
    ASSERT_EQ(row.paths.size(), 1u);
    ASSERT_EQ(row.paths[0].size(), 1u);
    const graph::EdgeInfo& edge = view_->edge(row.paths[0][0]);
    EXPECT_EQ(edge.source, row.values[0].AsNode());
    EXPECT_EQ(edge.relation, schema::PART_OF);
  }
}

TEST_F(ExecutorTest, NegatedEdgesOnlyWhenAsked) {
  const char* q =
      "MATCH (c:Cause)-[:CAUSES]->(:Condition {name: 'QL spasm'}) RETURN c.name";
  auto plain = Run(q);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_THAT(Column(*plain),
              UnorderedElementsAre("prolonged sitting", "poor posture"));
  ExecOptions options;
  options.include_negated = true;
  auto all = Run(q, options);
  ASSERT_TRUE(all.ok());
  EXPECT_THAT(Column(*all), UnorderedElementsAre("prolonged sitting",
                                                 "poor posture", "dehydration"));
}

TEST_F(ExecutorTest, VariableLengthListsEdgesInPatternOrder) {
  auto result = Run(
      "MATCH (:Muscle {name: 'psoas major'})-[r:PART_OF|ANTAGONIST_OF*2]->(x) "
      "RETURN x, r");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_THAT(Column(*result), ElementsAre("gluteal muscles"));
  const ExecValue& edges = result->rows[0].values[1];
  ASSERT_TRUE(edges.is_list());
  ASSERT_EQ(edges.AsList().size(), 2u);
  EXPECT_EQ(view_->edge(edges.AsList()[0].AsEdge()).relation, schema::PART_OF);
  EXPECT_EQ(view_->edge(edges.AsList()[1].AsEdge()).relation,
            schema::ANTAGONIST_OF);
}

TEST_F(ExecutorTest, DistinctEndpointsOnceEach) {
  // DISTINCT end nodes of a variable-length expansion: the breadth-first
  // form, each node once.
  auto result = Run("MATCH (:Cause {name: 'prolonged sitting'})-[*1..3]-(x) "
                    "RETURN DISTINCT x");
  ASSERT_TRUE(result.ok()) << result.status();
  // Two hops back through the spasms; not the start (no cycle without the
  // negated edge), and each node once however many paths reach it.
  EXPECT_THAT(Column(*result),
              UnorderedElementsAre("quadratus lumborum spasm", "psoas major spasm",
                                   "poor posture", "dehydration"));
  // With the negated edge, a cycle of 4 runs through the start: the start
  // is an end node at 4 hops, not within 3.
  ExecOptions options;
  options.include_negated = true;
  for (int hops : {3, 4}) {
    auto cycle = Run(absl::StrCat("MATCH (:Cause {name: 'prolonged sitting'})-[*1..",
                                  hops, "]-(x) RETURN DISTINCT x"),
                     options);
    ASSERT_TRUE(cycle.ok()) << cycle.status();
    EXPECT_EQ(absl::c_count(Column(*cycle), "prolonged sitting"), hops == 4 ? 1 : 0)
        << hops;
  }
}

TEST_F(ExecutorTest, ShortestPathAndNamedPath) {
  auto result = Run(
      "MATCH p = shortestPath((a:Muscle {name: 'iliacus'})-[*]-"
      "(b:Muscle {name: 'gluteal muscles'})) RETURN length(p), nodes(p)");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0].values[0], ExecValue(int64_t{2}));
  const ExecValue& nodes = result->rows[0].values[1];
  ASSERT_TRUE(nodes.is_list());
  ASSERT_EQ(nodes.AsList().size(), 3u);
  EXPECT_EQ(nodes.AsList()[0], ExecValue::Node(Node("iliacus")));
  EXPECT_EQ(nodes.AsList()[1], ExecValue::Node(Node("hip flexors")));
  EXPECT_EQ(nodes.AsList()[2], ExecValue::Node(Node("gluteal muscles")));
}

TEST_F(ExecutorTest, OptionalMatchPassesUnmatchedRowsWithNulls) {
  auto result = Run(
      "MATCH (m:Muscle) WHERE m.name IN ['iliacus', 'quadratus lumborum'] "
      "OPTIONAL MATCH (m)-[:PART_OF]->(g) RETURN m.name, g ORDER BY m.name");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0].values[0], ExecValue("iliacus"));
  EXPECT_EQ(result->rows[0].values[1], ExecValue::Node(Node("hip flexors")));
  EXPECT_EQ(result->rows[1].values[0], ExecValue("quadratus lumborum"));
  EXPECT_TRUE(result->rows[1].values[1].is_null());
}

TEST_F(ExecutorTest, PatternPredicateFilters) {
  auto result = Run(
      "MATCH (m:Muscle) WHERE (m)-[:ATTACHES_TO|STABILIZES]->(:Structure) "
      "RETURN m.name ORDER BY m.name");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result), ElementsAre("psoas major", "quadratus lumborum"));
}

TEST_F(ExecutorTest, AggregatesGroupAndMergeEvidence) {
  auto result = Run(
      "MATCH (c:Cause)-[:CAUSES]->(s:Condition) "
      "RETURN s.name, count(*) AS n, collect(c.name) AS causes, min(c.name) "
      "ORDER BY n DESC, s.name");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rows.size(), 2u);
  // psoas major spasm: sitting and dehydration; QL spasm: sitting and
  // posture (the dehydration edge is negated).
  EXPECT_EQ(result->rows[0].values[0], ExecValue("psoas major spasm"));
  EXPECT_EQ(result->rows[0].values[1], ExecValue(int64_t{2}));
  EXPECT_EQ(result->rows[1].values[0], ExecValue("quadratus lumborum spasm"));
  EXPECT_EQ(result->rows[1].values[3], ExecValue("poor posture"));
  ASSERT_TRUE(result->rows[1].values[2].is_list());
  EXPECT_EQ(result->rows[1].values[2].AsList().size(), 2u);
  // A group's row carries the paths of the matches merged into it.
  EXPECT_EQ(result->rows[0].paths.size(), 2u);
}

TEST_F(ExecutorTest, AggregateOverNoRowsStillReturnsOne) {
  auto result = Run("MATCH (m:Muscle {name: 'no such muscle'}) RETURN count(m), sum(1)");
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0].values[0], ExecValue(int64_t{0}));
  EXPECT_EQ(result->rows[0].values[1], ExecValue(int64_t{0}));
}

TEST_F(ExecutorTest, DistinctMergesRowsAndKeepsTheirPaths) {
  auto result = Run("MATCH (c:Cause)-[:CAUSES]->(:Condition) RETURN DISTINCT c");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result),
              UnorderedElementsAre("prolonged sitting", "poor posture", "dehydration"));
  for (const ExecRow& row : result->rows) {
    if (row.values[0] == ExecValue::Node(Node("prolonged sitting"))) {
      EXPECT_EQ(row.paths.size(), 2u);
    }
  }
}

TEST_F(ExecutorTest, OrderSkipLimit) {
  auto result = Run("MATCH (m:Muscle) RETURN m.name ORDER BY m.name DESC SKIP 1 LIMIT 2");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result), ElementsAre("psoas major", "iliacus"));
}

TEST_F(ExecutorTest, MaxRowsTruncates) {
  ExecOptions options;
  options.max_rows = 2;
  auto result = Run("MATCH (m:Muscle) RETURN m", options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rows.size(), 2u);
  EXPECT_TRUE(result->truncated);
}

TEST_F(ExecutorTest, WithFeedsTheNextPart) {
  auto result = Run(
      "MATCH (c:Cause)-[:CAUSES]->(s) WITH c, count(s) AS n WHERE n > 1 "
      "RETURN c.name");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result), ElementsAre("prolonged sitting"));
}

TEST_F(ExecutorTest, ParametersAndTheirErrors) {
  absl::flat_hash_map<std::string, Value> params = {{"name", Value("QL")}};
  ExecOptions options;
  options.params = &params;
  auto result = Run("MATCH (m {name: $name}) RETURN m", options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(Column(*result), ElementsAre("quadratus lumborum"));

  auto missing = Run("MATCH (m {name: $other}) RETURN m", options);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("missing parameter $other"));

  auto bad_limit = Run("MATCH (m) RETURN m LIMIT -1");
  ASSERT_FALSE(bad_limit.ok());
  EXPECT_EQ(bad_limit.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ExecutorTest, BoundsStopTheExecution) {
  BoundsLimits limits;
  limits.max_intermediate_rows = 3;
  ExecBounds bounds(limits);
  ExecOptions options;
  options.bounds = &bounds;
  auto result = Run("MATCH (a), (b) RETURN a, b", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST_F(ExecutorTest, ProfileCountsRowsPerOperator) {
  ExecOptions options;
  options.profile = true;
  auto result = Run("MATCH (m:Muscle) RETURN m", options);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->op_rows.size(), static_cast<size_t>(plan_->num_ops));
  EXPECT_EQ(result->op_rows[plan_->parts[0].ops[0].id], 6u);
}

}  // namespace
}  // namespace mskg::query
