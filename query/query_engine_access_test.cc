#include "query/query_engine_access.h"

#include <memory>

#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

TEST(QueryEngineAccessTest, ViewIsTheOneTheEngineWasBuiltWith) {
  std::shared_ptr<const graph::GraphView> view = testing::MakeTestGraph();
  QueryEngine engine(view);
  EXPECT_EQ(&QueryEngineAccess::View(engine), view.get());
}

TEST(QueryEngineAccessTest, CopiesShareTheView) {
  std::shared_ptr<const graph::GraphView> view = testing::MakeTestGraph();
  QueryEngine engine(view);
  const QueryEngine copy = engine;
  EXPECT_EQ(&QueryEngineAccess::View(copy), view.get());
}

TEST(QueryEngineAccessTest, ViewOutlivesTheCallersHandle) {
  std::shared_ptr<const graph::GraphView> view = testing::MakeTestGraph();
  const size_t nodes = view->num_nodes();
  QueryEngine engine(std::move(view));
  // The engine keeps the view alive after the caller lets go of it.
  EXPECT_EQ(QueryEngineAccess::View(engine).num_nodes(), nodes);
  EXPECT_GT(nodes, 0u);
}

}  // namespace
}  // namespace mskg::query
