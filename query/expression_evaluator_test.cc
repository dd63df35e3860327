#include "query/expression_evaluator.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/exec_context.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

BoundExprPtr Const(ExecValue v) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kConst;
  e->value = std::move(v);
  e->line = 1;
  e->column = 8;
  return e;
}

BoundExprPtr Slot(int slot) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSlot;
  e->slot = slot;
  return e;
}

BoundExprPtr Binary(BinOp op, BoundExprPtr a, BoundExprPtr b) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kBinary;
  e->op = op;
  e->line = 2;
  e->column = 5;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

BoundExprPtr Unary(BoundExpr::Kind kind, BoundExprPtr a) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = kind;
  e->args.push_back(std::move(a));
  return e;
}

BoundExprPtr Function(Fn fn, BoundExprPtr a) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kFunction;
  e->fn = fn;
  e->name = "f";
  e->args.push_back(std::move(a));
  return e;
}

BoundExprPtr Property(BoundExprPtr of, Prop prop) {
  auto e = Unary(BoundExpr::Kind::kProperty, std::move(of));
  e->prop = prop;
  return e;
}

class ExpressionEvaluatorTest : public ::testing::Test {
 protected:
  ExpressionEvaluatorTest()
      : view_(testing::MakeTestGraph()),
        context_(*view_, options_),
        evaluator_(&context_, &names_, nullptr) {
    params_["name"] = Value("psoas major");
    options_.params = &params_;
  }

  ExecValue Eval(const BoundExpr& e) { return evaluator_.Eval(e, slots_.data()); }
  graph::NodeIndex Node(const std::string& name) {
    return view_->Lookup(name).front();
  }

  std::shared_ptr<const graph::GraphView> view_;
  absl::flat_hash_map<std::string, Value> params_;
  ExecOptions options_;
  ExecContext context_;
  std::vector<absl::Span<const graph::NodeIndex>> names_;
  ExpressionEvaluator evaluator_;
  std::vector<ExecValue> slots_;
};

TEST_F(ExpressionEvaluatorTest, ThreeValuedLogic) {
  EXPECT_EQ(Eval(*Binary(BinOp::kAnd, Const(ExecValue()), Const(false))), ExecValue(false));
  EXPECT_TRUE(Eval(*Binary(BinOp::kAnd, Const(ExecValue()), Const(true))).is_null());
  EXPECT_EQ(Eval(*Binary(BinOp::kOr, Const(ExecValue()), Const(true))), ExecValue(true));
  EXPECT_TRUE(Eval(*Binary(BinOp::kOr, Const(ExecValue()), Const(false))).is_null());
  EXPECT_EQ(Eval(*Binary(BinOp::kXor, Const(true), Const(false))), ExecValue(true));
  EXPECT_TRUE(Eval(*Unary(BoundExpr::Kind::kNot, Const(ExecValue()))).is_null());
  EXPECT_EQ(Eval(*Unary(BoundExpr::Kind::kNot, Const(false))), ExecValue(true));
  EXPECT_TRUE(context_.ok());
}

TEST_F(ExpressionEvaluatorTest, EqualityAndComparison) {
  EXPECT_EQ(CypherEquals(ExecValue(int64_t{1}), ExecValue(1.0)), 1);
  EXPECT_EQ(CypherEquals(ExecValue(), ExecValue(int64_t{1})), -1);
  EXPECT_EQ(CypherEquals(ExecValue(std::vector<ExecValue>{1, ExecValue()}),
                         ExecValue(std::vector<ExecValue>{1, 2})),
            -1);
  EXPECT_EQ(CypherEquals(ExecValue(std::vector<ExecValue>{1, 3}),
                         ExecValue(std::vector<ExecValue>{1, 2})),
            0);
  EXPECT_EQ(CypherEquals(ExecValue("a"), ExecValue(int64_t{1})), 0);
  EXPECT_EQ(Eval(*Binary(BinOp::kLt, Const(int64_t{1}), Const(2.5))), ExecValue(true));
  // Different kinds do not compare: null, not an error.
  EXPECT_TRUE(Eval(*Binary(BinOp::kLt, Const(int64_t{1}), Const("a"))).is_null());
  EXPECT_EQ(Eval(*Binary(BinOp::kIn, Const(int64_t{2}),
                         Const(std::vector<ExecValue>{1, 2}))),
            ExecValue(true));
  EXPECT_TRUE(Eval(*Binary(BinOp::kIn, Const(int64_t{3}),
                           Const(std::vector<ExecValue>{1, ExecValue()})))
                  .is_null());
  EXPECT_TRUE(context_.ok());
}

TEST_F(ExpressionEvaluatorTest, IntegerOverflowFailsWithPosition) {
  const ExecValue v = Eval(*Binary(BinOp::kAdd,
                               Const(std::numeric_limits<int64_t>::max()),
                               Const(int64_t{1})));
  EXPECT_TRUE(v.is_null());
  ASSERT_FALSE(context_.ok());
  EXPECT_EQ(context_.error().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(context_.error().message(), HasSubstr("2:5: integer overflow"));
}

TEST_F(ExpressionEvaluatorTest, DivisionByZeroFails) {
  EXPECT_TRUE(Eval(*Binary(BinOp::kDiv, Const(int64_t{1}), Const(int64_t{0})))
                  .is_null());
  EXPECT_THAT(context_.error().message(), HasSubstr("division by zero"));
}

TEST_F(ExpressionEvaluatorTest, ArithmeticEdgeCases) {
  EXPECT_EQ(Eval(*Binary(BinOp::kMod, Const(std::numeric_limits<int64_t>::min()),
                         Const(int64_t{-1}))),
            ExecValue(int64_t{0}));
  EXPECT_EQ(Eval(*Binary(BinOp::kDiv, Const(int64_t{7}), Const(int64_t{2}))),
            ExecValue(int64_t{3}));
  EXPECT_EQ(Eval(*Binary(BinOp::kAdd, Const("ab"), Const("c"))), ExecValue("abc"));
  EXPECT_EQ(Eval(*Binary(BinOp::kAdd, Const(int64_t{1}), Const(0.5))), ExecValue(1.5));
  EXPECT_TRUE(context_.ok());
}

TEST_F(ExpressionEvaluatorTest, MissingParameter) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kParam;
  e->name = "absent";
  e->line = 4;
  e->column = 2;
  EXPECT_TRUE(Eval(*e).is_null());
  EXPECT_EQ(context_.error().message(), "4:2: missing parameter $absent");
  absl::StatusOr<const Value*> present = evaluator_.Param("name", 1, 1);
  ASSERT_TRUE(present.ok());
  EXPECT_EQ(**present, Value("psoas major"));
  // A parameter's string is borrowed, not copied, into the row.
  e->name = "name";
  const ExecValue borrowed = Eval(*e);
  EXPECT_TRUE(borrowed.is_ref());
  EXPECT_EQ(borrowed.AsString().data(), (*present)->AsString().data());
}

TEST_F(ExpressionEvaluatorTest, NodePropertiesAndFunctions) {
  const graph::NodeIndex psoas = Node("psoas major");
  slots_ = {ExecValue::Node(psoas)};
  const ExecValue name = Eval(*Property(Slot(0), Prop::kName));
  EXPECT_TRUE(name.is_ref());  // Borrowed from the view.
  EXPECT_EQ(name, ExecValue("psoas major"));
  EXPECT_EQ(Eval(*Property(Slot(0), Prop::kAliases)),
            ExecValue(std::vector<ExecValue>{ExecValue("psoas")}));
  EXPECT_EQ(Eval(*Property(Slot(0), Prop::kLabel)), ExecValue("Muscle"));
  EXPECT_EQ(Eval(*Function(Fn::kToUpper, Property(Slot(0), Prop::kName))),
            ExecValue("PSOAS MAJOR"));
  EXPECT_EQ(Eval(*Function(Fn::kLabels, Slot(0))),
            ExecValue(std::vector<ExecValue>{ExecValue("Muscle")}));
  // A property of something that is not a node or relationship is null.
  EXPECT_TRUE(Eval(*Property(Const(int64_t{3}), Prop::kName)).is_null());
  EXPECT_TRUE(context_.ok());
  // A function of the wrong kind of value is an error.
  EXPECT_TRUE(Eval(*Function(Fn::kToUpper, Const(int64_t{3}))).is_null());
  EXPECT_THAT(context_.error().message(), HasSubstr("f() of 3"));
}

TEST_F(ExpressionEvaluatorTest, EdgeProperties) {
  const graph::NodeIndex psoas = Node("psoas major");
  graph::EdgeIndex inferred = graph::kInvalidIndex;
  for (const graph::Adjacent& a : view_->Out(psoas)) {
    if (view_->edge(a.edge).inferred) inferred = a.edge;
  }
  ASSERT_NE(inferred, graph::kInvalidIndex);
  slots_ = {ExecValue::Edge(inferred)};
  EXPECT_EQ(Eval(*Property(Slot(0), Prop::kType)), ExecValue("ANTAGONIST_OF"));
  EXPECT_EQ(Eval(*Property(Slot(0), Prop::kInferred)), ExecValue(true));
  EXPECT_EQ(Eval(*Property(Slot(0), Prop::kRule)), ExecValue("part_of_antagonist"));
  EXPECT_EQ(Eval(*Function(Fn::kStartNode, Slot(0))), ExecValue::Node(psoas));
}

TEST_F(ExpressionEvaluatorTest, ListsNestOnlySoDeep) {
  ExecValue deep = ExecValue(int64_t{1});
  for (int i = 0; i < kMaxListNesting; ++i) deep = ExecValue(std::vector<ExecValue>{deep});
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kList;
  e->args.push_back(Const(deep));
  EXPECT_TRUE(Eval(*e).is_null());
  EXPECT_THAT(context_.error().message(), HasSubstr("lists nested more than"));
}

class FakePatterns : public PatternPredicates {
 public:
  bool Matches(int index) override {
    asked.push_back(index);
    return index == 1;
  }
  std::vector<int> asked;
};

TEST_F(ExpressionEvaluatorTest, PatternPredicatesAndAggregates) {
  FakePatterns patterns;
  ExpressionEvaluator evaluator(&context_, &names_, &patterns);
  auto exists = std::make_unique<BoundExpr>();
  exists->kind = BoundExpr::Kind::kExists;
  exists->index = 1;
  EXPECT_EQ(evaluator.Eval(*exists, nullptr), ExecValue(true));
  exists->index = 0;
  EXPECT_EQ(evaluator.Eval(*exists, nullptr), ExecValue(false));
  EXPECT_EQ(patterns.asked, (std::vector<int>{1, 0}));

  auto agg = std::make_unique<BoundExpr>();
  agg->kind = BoundExpr::Kind::kAgg;
  agg->index = 1;
  EXPECT_TRUE(evaluator.Eval(*agg, nullptr).is_null());  // Outside projections.
  const std::vector<ExecValue> aggregates = {ExecValue(int64_t{4}), ExecValue("x")};
  evaluator.set_aggregates(&aggregates);
  EXPECT_EQ(evaluator.Eval(*agg, nullptr), ExecValue("x"));
}

}  // namespace
}  // namespace mskg::query
