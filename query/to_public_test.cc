#include "query/to_public.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "query/exec_value.h"
#include "query/expr.h"
#include "query/node_names.h"
#include "query/test_graph.h"
#include "query/value.h"

namespace mskg::query {
namespace {

class ToPublicTest : public ::testing::Test {
 protected:
  ToPublicTest() : view_(testing::MakeTestGraph()) {}
  graph::NodeIndex Node(const std::string& name) const {
    return view_->Lookup(name).front();
  }
  std::shared_ptr<const graph::GraphView> view_;
};

TEST_F(ToPublicTest, NodesBecomeNamesAndEdgesTypes) {
  const graph::NodeIndex psoas = Node("psoas major");
  EXPECT_EQ(ToPublic(ExecValue::Node(psoas), *view_), Value("psoas major"));
  const graph::EdgeIndex e = view_->Out(psoas).front().edge;
  EXPECT_EQ(ToPublic(ExecValue::Edge(e), *view_),
            Value(RelationName(view_->edge(e).relation)));
}

TEST_F(ToPublicTest, BorrowedNamesAreCopied) {
  const graph::NodeIndex psoas = Node("psoas major");
  const ExecValue ref = NodeNameRef(*view_, psoas);
  ASSERT_TRUE(ref.is_ref());
  const Value out = ToPublic(ExecValue(ref), *view_);
  ASSERT_TRUE(out.is_string());
  EXPECT_EQ(out.AsString(), "psoas major");
  EXPECT_NE(out.AsString().data(), NodeName(*view_, psoas).data());
}

TEST_F(ToPublicTest, PlainKindsAndNestedLists) {
  EXPECT_EQ(ToPublic(ExecValue(), *view_), Value());
  EXPECT_EQ(ToPublic(ExecValue(true), *view_), Value(true));
  EXPECT_EQ(ToPublic(ExecValue(int64_t{-4}), *view_), Value(int64_t{-4}));
  EXPECT_EQ(ToPublic(ExecValue(0.5), *view_), Value(0.5));
  EXPECT_EQ(ToPublic(ExecValue("owned"), *view_), Value("owned"));
  const graph::NodeIndex iliacus = Node("iliacus");
  ExecValue nested(std::vector<ExecValue>{
      ExecValue::Node(iliacus),
      ExecValue(std::vector<ExecValue>{NodeAliasRefs(*view_, Node("psoas major"))}),
      ExecValue()});
  EXPECT_EQ(ToPublic(std::move(nested), *view_),
            Value(std::vector<Value>{
                "iliacus", Value(std::vector<Value>{Value(std::vector<Value>{"psoas"})}),
                Value()}));
}

}  // namespace
}  // namespace mskg::query
