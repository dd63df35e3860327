#include "query/expr.h"

#include <memory>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace mskg::query {
namespace {

BoundExprPtr Slot(int slot) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSlot;
  e->slot = slot;
  return e;
}

BoundExprPtr Const(ExecValue v) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kConst;
  e->value = std::move(v);
  return e;
}

TEST(ExprTest, LabelNamesAreCamelCase) {
  EXPECT_EQ(LabelName(schema::MUSCLE), "Muscle");
  EXPECT_EQ(LabelName(schema::CONDITION), "Condition");
  EXPECT_EQ(RelationName(schema::ANTAGONIST_OF), "ANTAGONIST_OF");
  EXPECT_EQ(RelationName(schema::PART_OF), "PART_OF");
}

TEST(ExprTest, ToStringShowsTheTree) {
  auto name = std::make_unique<BoundExpr>();
  name->kind = BoundExpr::Kind::kProperty;
  name->name = "name";
  name->args.push_back(Slot(0));
  auto eq = std::make_unique<BoundExpr>();
  eq->kind = BoundExpr::Kind::kBinary;
  eq->op = BinOp::kEq;
  eq->args.push_back(std::move(name));
  eq->args.push_back(Const(ExecValue("it's")));
  EXPECT_EQ(eq->ToString(), "(#0.name = 'it\\'s')");

  auto not_null = std::make_unique<BoundExpr>();
  not_null->kind = BoundExpr::Kind::kIsNull;
  not_null->negated = true;
  not_null->args.push_back(Slot(2));
  EXPECT_EQ(not_null->ToString(), "#2 IS NOT NULL");

  auto label = std::make_unique<BoundExpr>();
  label->kind = BoundExpr::Kind::kHasLabel;
  label->slot = 1;
  label->label = schema::MUSCLE;
  EXPECT_EQ(label->ToString(), "#1:Muscle");
}

TEST(ExprTest, CollectSlotsWalksArguments) {
  auto list = std::make_unique<BoundExpr>();
  list->kind = BoundExpr::Kind::kList;
  list->args.push_back(Slot(3));
  list->args.push_back(Const(ExecValue(int64_t{1})));
  list->args.push_back(Slot(1));
  std::vector<int> slots;
  list->CollectSlots(&slots);
  EXPECT_EQ(slots, (std::vector<int>{3, 1}));
}

}  // namespace
}  // namespace mskg::query
