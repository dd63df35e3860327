#include "query/planner.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/parser.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<std::unique_ptr<PhysicalPlan>> PlanText(absl::string_view text,
                                                       const graph::GraphView& g) {
  auto query = ParseText(text);
  if (!query.ok()) return query.status();
  auto bound = Bind(**query);
  if (!bound.ok()) return bound.status();
  return Plan(std::move(bound).value(), g);
}

TEST(PlannerTest, StartsFromNamedNode) {
  auto g = testing::MakeTestGraph();
  auto plan = PlanText(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas major'}) RETURN m", *g);
  ASSERT_TRUE(plan.ok()) << plan.status();
  const auto& ops = (*plan)->parts[0].ops;
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].kind, PlanOp::Kind::kScan);
  EXPECT_GE(ops[0].anchor, 0);
  EXPECT_EQ(ops[1].kind, PlanOp::Kind::kExpand);
  EXPECT_TRUE(ops[1].out && ops[1].in);
  EXPECT_THAT((*plan)->ToString(), HasSubstr("NodeByName"));
}

TEST(PlannerTest, JoinsOnSharedVariableWithExpandInto) {
  auto g = testing::MakeTestGraph();
  auto plan = PlanText(
      "MATCH (c)-[:CAUSES]->(:Condition {name: 'QL spasm'}), "
      "(c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) RETURN c", *g);
  ASSERT_TRUE(plan.ok()) << plan.status();
  const auto& ops = (*plan)->parts[0].ops;
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].kind, PlanOp::Kind::kScan);
  EXPECT_FALSE(ops[1].out);  // Against the arrow from the condition.
  EXPECT_EQ(ops[2].kind, PlanOp::Kind::kExpand);
  EXPECT_GE(ops[2].to_anchor, 0);
}

TEST(PlannerTest, RefusesHugeCartesianProduct) {
  graph::GraphViewBuilder b;
  for (int i = 0; i < 1200; ++i) b.AddNode(schema::MUSCLE, absl::StrCat("m", i));
  auto g = b.Finish();
  auto plan = PlanText("MATCH (a:Muscle), (b:Muscle) RETURN a, b", *g);
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(plan.status().message(), HasSubstr("cartesian product"));
  EXPECT_TRUE(PlanText("MATCH (a:Muscle {name: 'm1'}), (b:Muscle) RETURN a, b", *g).ok());
}

}  // namespace
}  // namespace mskg::query
