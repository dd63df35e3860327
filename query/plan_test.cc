#include "query/plan.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

PhysicalPlan TwoOpPlan() {
  PhysicalPlan plan;
  PartPlan& part = plan.parts.emplace_back();
  part.num_slots = 3;
  PlanOp& scan = part.ops.emplace_back();
  scan.kind = PlanOp::Kind::kScan;
  scan.id = 0;
  scan.slot = 0;
  scan.label = schema::MUSCLE;
  scan.anchor = 0;
  scan.estimated_rows = 1;
  PlanOp& expand = part.ops.emplace_back();
  expand.kind = PlanOp::Kind::kExpand;
  expand.id = 1;
  expand.from_slot = 0;
  expand.edge_slot = 1;
  expand.to_slot = 2;
  expand.types = {schema::PART_OF};
  expand.variable_length = true;
  expand.min_hops = 1;
  expand.max_hops = -1;
  expand.endpoints_only = true;
  expand.estimated_rows = 12;
  auto item = std::make_unique<BoundExpr>();
  item->kind = BoundExpr::Kind::kSlot;
  item->slot = 2;
  part.projection.is_return = true;
  part.projection.distinct = true;
  part.projection.items.push_back(std::move(item));
  part.projection.columns = {"x"};
  part.projection.num_visible = 1;
  NameSource& name = plan.names.emplace_back();
  name.literal = ExecValue("psoas");
  plan.num_ops = 2;
  return plan;
}

TEST(PlanTest, ExplainListsOperatorsInOrder) {
  const std::string text = TwoOpPlan().ToString();
  EXPECT_THAT(text, HasSubstr("Part 0 (slots 3)\n"
                              "  NodeByName #0:Muscle name=name#0  (est. 1 rows)\n"
                              "  Expand #0 -[#1:PART_OF*1..max]-> #2 (end nodes, BFS)"
                              "  (est. 12 rows)\n"
                              "  Return DISTINCT #2 AS x\n"));
  EXPECT_THAT(text, HasSubstr("name#0 = 'psoas'\n"));
}

TEST(PlanTest, ProfileAddsRowsAndTimes) {
  const std::vector<uint64_t> rows = {1, 7};
  const std::vector<double> micros = {0.5, 2.25};
  const std::string text = TwoOpPlan().ToString(&rows, &micros);
  EXPECT_THAT(text, HasSubstr("(est. 1 rows, rows=1, time=0.5us)"));
  EXPECT_THAT(text, HasSubstr("(est. 12 rows, rows=7, time=2.2us)"));
}

}  // namespace
}  // namespace mskg::query
