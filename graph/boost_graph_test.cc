// graph/boost_graph_test.cc
//
// Tests of the Boost.Graph adapter and ShortestPaths().
#include "graph/boost_graph.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class BoostGraphTest : public ::testing::Test {
 protected:
  // a -> b -> d, a -> c -> d (INSERTS_ON), a -PART_OF-> d, e isolated,
  // d -> f negated.
  void SetUp() override {
    GraphViewBuilder builder;
    a_ = builder.AddNode(schema::MUSCLE, "a");
    b_ = builder.AddNode(schema::MUSCLE, "b");
    c_ = builder.AddNode(schema::MUSCLE, "c");
    d_ = builder.AddNode(schema::MUSCLE, "d");
    e_ = builder.AddNode(schema::MUSCLE, "e");
    f_ = builder.AddNode(schema::MUSCLE, "f");
    ab_ = builder.AddEdge(a_, schema::INSERTS_ON, b_, {});
    bd_ = builder.AddEdge(b_, schema::INSERTS_ON, d_, {});
    ac_ = builder.AddEdge(a_, schema::INSERTS_ON, c_, {});
    cd_ = builder.AddEdge(c_, schema::INSERTS_ON, d_, {});
    ad_ = builder.AddEdge(a_, schema::PART_OF, d_, {});
    schema::Provenance negated;
    negated.set_polarity(schema::NEGATED);
    const std::vector<schema::Provenance> support = {negated};
    builder.AddEdge(d_, schema::INSERTS_ON, f_, support);
    view_ = builder.Finish();
  }

  std::shared_ptr<const GraphView> view_;
  NodeIndex a_, b_, c_, d_, e_, f_;
  EdgeIndex ab_, bd_, ac_, cd_, ad_;
};

TEST_F(BoostGraphTest, BuildsFilteredGraph) {
  BoostGraphOptions options;
  absl::StatusOr<BoostGraph> all = BuildBoostGraph(*view_, options);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(boost::num_vertices(*all), 6u);
  EXPECT_EQ(boost::num_edges(*all), 5u);  // The negated edge is left out.
  options.relations = {schema::PART_OF};
  absl::StatusOr<BoostGraph> part = BuildBoostGraph(*view_, options);
  ASSERT_TRUE(part.ok());
  ASSERT_EQ(boost::num_edges(*part), 1u);
  auto [it, end] = boost::edges(*part);
  EXPECT_EQ((*part)[*it].edge, ad_);
}

TEST_F(BoostGraphTest, ShortestPathAnyRelation) {
  absl::StatusOr<std::vector<GraphPath>> paths =
      ShortestPaths(*view_, a_, d_, {}, 0, /*all_paths=*/false);
  ASSERT_TRUE(paths.ok()) << paths.status();
  ASSERT_EQ(paths->size(), 1u);
  EXPECT_THAT((*paths)[0].nodes, ElementsAre(a_, d_));
  EXPECT_THAT((*paths)[0].edges, ElementsAre(ad_));
}

TEST_F(BoostGraphTest, AllShortestPathsByRelation) {
  const std::vector<schema::Relation> rels = {schema::INSERTS_ON};
  absl::StatusOr<std::vector<GraphPath>> paths =
      ShortestPaths(*view_, a_, d_, rels, 0, /*all_paths=*/true);
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 2u);
  std::vector<std::vector<EdgeIndex>> edges;
  for (const GraphPath& p : *paths) {
    edges.push_back(p.edges);
    EXPECT_EQ(p.nodes.front(), a_);
    EXPECT_EQ(p.nodes.back(), d_);
  }
  EXPECT_THAT(edges, UnorderedElementsAre(ElementsAre(ab_, bd_),
                                          ElementsAre(ac_, cd_)));
}

TEST_F(BoostGraphTest, HopLimitDirectionAndUnreachable) {
  const std::vector<schema::Relation> rels = {schema::INSERTS_ON};
  absl::StatusOr<std::vector<GraphPath>> paths =
      ShortestPaths(*view_, a_, d_, rels, 1, true);
  ASSERT_TRUE(paths.ok());
  EXPECT_TRUE(paths->empty());
  paths = ShortestPaths(*view_, d_, a_, rels, 0, true);
  ASSERT_TRUE(paths.ok());
  EXPECT_TRUE(paths->empty());
  paths = ShortestPaths(*view_, d_, a_, rels, 0, true, /*undirected=*/true);
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 2u);
  EXPECT_THAT((*paths)[0].nodes.front(), d_);
  EXPECT_THAT((*paths)[0].nodes.back(), a_);
  paths = ShortestPaths(*view_, a_, e_, {}, 0, true);
  ASSERT_TRUE(paths.ok());
  EXPECT_TRUE(paths->empty());
  // The negated edge is not followed.
  paths = ShortestPaths(*view_, a_, f_, {}, 0, true);
  ASSERT_TRUE(paths.ok());
  EXPECT_TRUE(paths->empty());
  paths = ShortestPaths(*view_, a_, a_, {}, 0, true);
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 1u);
  EXPECT_TRUE((*paths)[0].edges.empty());
  EXPECT_EQ(ShortestPaths(*view_, a_, 99, {}, 0, true).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mskg::graph
