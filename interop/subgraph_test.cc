// interop/subgraph_test.cc
#include "interop/subgraph.h"

#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

TEST(SubgraphTest, SelectionWithNeighbours) {
  auto view = testing::TrickyGraph();
  // Edge 0: psoas major -PART_OF-> hip flexors.
  Selection selection;
  selection.edges = {0};
  SubgraphOptions options;
  absl::StatusOr<Subgraph> plain = BuildSubgraph(*view, selection, options);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->view->num_nodes(), 2u);
  EXPECT_EQ(plain->view->num_edges(), 1u);
  EXPECT_EQ(plain->view->node(0).id, 101u);
  EXPECT_EQ(plain->view->edge(0).support.size(), 2u);

  options.neighbours = true;
  absl::StatusOr<Subgraph> wide = BuildSubgraph(*view, selection, options);
  ASSERT_TRUE(wide.ok());
  EXPECT_EQ(wide->selected_nodes.size(), 2u);
  EXPECT_EQ(wide->selected_edges.size(), 1u);
  EXPECT_GT(wide->view->num_nodes(), 4u);
  // The inferred edge keeps its premises when they are inside.
  bool found_inferred = false;
  for (graph::EdgeIndex e = 0; e < wide->view->num_edges(); ++e) {
    const graph::EdgeInfo& edge = wide->view->edge(e);
    if (edge.inferred) {
      found_inferred = true;
      EXPECT_EQ(edge.premises.size(), 2u);
    }
  }
  EXPECT_TRUE(found_inferred);
}

TEST(SubgraphTest, DenseNeighbourhoodStopsAtTheEdgeBudget) {
  // A hub selected, with 20 neighbours that all oppose one another.
  graph::GraphViewBuilder builder;
  const graph::NodeIndex hub = builder.AddNode(schema::MUSCLE, "hub");
  std::vector<graph::NodeIndex> around;
  for (int i = 0; i < 20; ++i) {
    around.push_back(
        builder.AddNode(schema::MUSCLE, "m" + std::to_string(i)));
    builder.AddEdge(hub, schema::ANTAGONIST_OF, around.back());
  }
  for (size_t i = 0; i < around.size(); ++i) {
    for (size_t j = i + 1; j < around.size(); ++j) {
      builder.AddEdge(around[i], schema::ANTAGONIST_OF, around[j]);
    }
  }
  auto view = builder.Finish();
  Selection selection;
  selection.nodes = {hub};
  SubgraphOptions options;
  options.neighbours = true;
  options.max_edges = 30;
  absl::StatusOr<Subgraph> sub = BuildSubgraph(*view, selection, options);
  ASSERT_TRUE(sub.ok()) << sub.status();
  // Every neighbour and its edge to the hub, then neighbour edges up to 30.
  EXPECT_EQ(sub->view->num_nodes(), 21u);
  EXPECT_EQ(sub->view->num_edges(), 30u);
  // Without neighbours the budget does not apply: a selection is whole.
  options.neighbours = false;
  selection.nodes.insert(selection.nodes.end(), around.begin(), around.end());
  sub = BuildSubgraph(*view, selection, options);
  ASSERT_TRUE(sub.ok()) << sub.status();
  EXPECT_EQ(sub->view->num_edges(), 20u + 190u);
}

TEST(SubgraphTest, RejectsBadIndex) {
  auto view = testing::TrickyGraph();
  Selection selection;
  selection.nodes = {1000};
  EXPECT_EQ(BuildSubgraph(*view, selection, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mskg::interop
