// interop/query_selection_test.cc: a query's rows and evidence select the
// matched nodes and edges.
#include "interop/query_selection.h"

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "gtest/gtest.h"
#include "interop/dot_writer.h"
#include "interop/graphviz_render.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

TEST(QuerySelectionTest, SelectsMatchedEdgeAndNodes) {
  auto view = testing::TrickyGraph();
  absl::StatusOr<QuerySelection> result = SelectByQuery(
      view, "MATCH (m:Muscle)-[:PART_OF]->(g:Muscle) RETURN m.name, g.name");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rows, 1);
  // Edge 0 is psoas major -PART_OF-> hip flexors.
  EXPECT_EQ(result->selection.edges, std::vector<graph::EdgeIndex>{0});
  std::vector<graph::NodeIndex> nodes = result->selection.nodes;
  std::sort(nodes.begin(), nodes.end());
  EXPECT_EQ(nodes, (std::vector<graph::NodeIndex>{0, 1}));
}

TEST(QuerySelectionTest, BadQueryIsInvalidArgument) {
  auto view = testing::TrickyGraph();
  EXPECT_EQ(SelectByQuery(view, "MATCH (m:Muscle RETURN m").status().code(),
            absl::StatusCode::kInvalidArgument);
}

// What `mskg show` does: query, subgraph with neighbours, DOT, render.
TEST(QuerySelectionTest, ShowPipelineRendersCleanly) {
  if (!std::filesystem::exists("/usr/bin/dot")) {
    GTEST_SKIP() << "Graphviz dot not installed; skipping";
  }
  auto view = testing::TrickyGraph();
  const std::string cypher =
      "MATCH (c:Condition)-[:AFFECTS]->(m:Muscle) RETURN c.name, m.name";
  absl::StatusOr<QuerySelection> selected = SelectByQuery(view, cypher);
  ASSERT_TRUE(selected.ok()) << selected.status();
  SubgraphOptions sub_options;
  sub_options.neighbours = true;
  absl::StatusOr<Subgraph> sub =
      BuildSubgraph(*view, selected->selection, sub_options);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->selected_edges.size(), 1u);
  EXPECT_GT(sub->view->num_nodes(), sub->selected_nodes.size());
  DotWriterOptions options;
  options.highlight = true;
  options.highlighted_nodes = sub->selected_nodes;
  options.highlighted_edges = sub->selected_edges;
  options.legend = true;
  options.title = cypher;
  std::ostringstream dot;
  ASSERT_TRUE(WriteDot(*sub->view, options, &dot).ok());
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string path =
      std::string(tmp != nullptr ? tmp : "/tmp") + "/answer.svg";
  absl::StatusOr<RenderResult> rendered = RenderDot(dot.str(), "svg", path);
  ASSERT_TRUE(rendered.ok()) << rendered.status();
  EXPECT_EQ(rendered->warnings, "");
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

}  // namespace
}  // namespace mskg::interop
