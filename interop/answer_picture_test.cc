// interop/answer_picture_test.cc
#include "interop/answer_picture.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"

namespace mskg::interop {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// A hub with 100 spokes; "a" and "b" are linked to the hub and to each
// other, "c" to both of them.
struct Star {
  std::shared_ptr<const graph::GraphView> view;
  graph::NodeIndex hub, a, b, c;
  graph::EdgeIndex hub_a, a_b;
};

Star MakeStar() {
  graph::GraphViewBuilder builder;
  Star s;
  s.hub = builder.AddNode(schema::MUSCLE, "hub");
  s.a = builder.AddNode(schema::MUSCLE, "a");
  s.b = builder.AddNode(schema::MUSCLE, "b");
  s.c = builder.AddNode(schema::MUSCLE, "c");
  s.hub_a = builder.AddEdge(s.hub, schema::ANTAGONIST_OF, s.a, {});
  builder.AddEdge(s.hub, schema::ANTAGONIST_OF, s.b, {});
  s.a_b = builder.AddEdge(s.a, schema::PART_OF, s.b, {});
  builder.AddEdge(s.c, schema::CAUSES, s.a, {});
  builder.AddEdge(s.c, schema::CAUSES, s.b, {});
  for (int i = 0; i < 100; ++i) {
    const graph::NodeIndex spoke =
        builder.AddNode(schema::STRUCTURE, "spoke " + std::to_string(i));
    builder.AddEdge(s.hub, schema::ATTACHES_TO, spoke, {});
  }
  s.view = builder.Finish();
  return s;
}

TEST(AnswerPictureTest, DrawsOnlyTheAnswerByDefault) {
  const Star s = MakeStar();
  Selection selection;
  selection.edges = {s.a_b};
  const PicturePlan plan = PlanPicture(*s.view, selection, {});
  EXPECT_THAT(plan.matched.nodes, UnorderedElementsAre(s.a, s.b));
  EXPECT_THAT(plan.matched.edges, ElementsAre(s.a_b));
  EXPECT_TRUE(plan.context.nodes.empty());
  EXPECT_EQ(plan.matched_nodes_left_out, 0u);
}

TEST(AnswerPictureTest, NeighboursAreRankedByLinksAndCapped) {
  const Star s = MakeStar();
  Selection selection;
  selection.edges = {s.a_b};
  PictureOptions options;
  options.neighbours = 1;
  const PicturePlan plan = PlanPicture(*s.view, selection, options);
  // hub and c both link a and b; c has the smaller name at equal links and
  // edges.
  EXPECT_THAT(plan.context.nodes, ElementsAre(s.c));
  EXPECT_EQ(plan.neighbours_left_out, 1u);
  EXPECT_EQ(plan.context.edges.size(), 2u);
}

TEST(AnswerPictureTest, CutsAtTheNodeBudgetBestRankedFirst) {
  const Star s = MakeStar();
  Selection selection;
  for (graph::NodeIndex v = 0; v < s.view->num_nodes(); ++v) {
    selection.nodes.push_back(v);
  }
  selection.edges = {s.hub_a};
  PictureOptions options;
  options.max_nodes = 60;
  options.neighbours = 10;  // No room left: the answer fills the budget.
  const PicturePlan plan = PlanPicture(*s.view, selection, options);
  EXPECT_EQ(plan.matched.nodes.size(), 60u);
  EXPECT_EQ(plan.matched_nodes_left_out, s.view->num_nodes() - 60);
  // The endpoints of the matched edge rank first.
  EXPECT_TRUE(std::find(plan.matched.nodes.begin(), plan.matched.nodes.end(),
                        s.hub) != plan.matched.nodes.end());
  EXPECT_THAT(plan.matched.edges, ElementsAre(s.hub_a));
  EXPECT_TRUE(plan.context.nodes.empty());
}

}  // namespace
}  // namespace mskg::interop
