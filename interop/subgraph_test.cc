// interop/subgraph_test.cc
#include "interop/subgraph.h"

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

TEST(SubgraphTest, RejectsBadIndex) {
  auto view = testing::TrickyGraph();
  Selection selection;
  selection.nodes = {1000};
  EXPECT_EQ(BuildSubgraph(*view, selection, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mskg::interop
