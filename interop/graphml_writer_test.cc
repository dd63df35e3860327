// interop/graphml_writer_test.cc: the GraphML reads back with
// boost::read_graphml, names and typed attributes intact.
#include "interop/graphml_writer.h"

#include <exception>
#include <sstream>
#include <string>

#include "boost/graph/adjacency_list.hpp"
#include "boost/graph/graphml.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

struct VertexProps {
  long id = 0;
  std::string type;
  std::string name;
  std::string aliases;
};

struct EdgeProps {
  std::string relation;
  bool inferred = false;
  bool negated = false;
  int support = 0;
  std::string documents;
  std::string rule;
};

using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS,
                                        boost::directedS, VertexProps,
                                        EdgeProps>;

// Returns `text` with each run of white space as one space, trimmed.
std::string CollapseSpace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

TEST(GraphmlWriterTest, ReadsBackWithBoost) {
  auto view = testing::TrickyGraph();
  std::stringstream text;
  absl::StatusOr<int64_t> edges = WriteGraphml(*view, {}, &text);
  ASSERT_TRUE(edges.ok()) << edges.status();
  EXPECT_EQ(*edges, static_cast<int64_t>(view->num_edges()));
  EXPECT_THAT(text.str(), ::testing::HasSubstr("attr.type=\"long\""));
  EXPECT_THAT(text.str(), ::testing::HasSubstr("attr.type=\"boolean\""));
  EXPECT_THAT(text.str(), ::testing::HasSubstr("&lt;b&gt;a&amp;b&lt;/b&gt;"));

  ReadGraph g;
  boost::dynamic_properties dp;
  dp.property("id", get(&VertexProps::id, g));
  dp.property("type", get(&VertexProps::type, g));
  dp.property("name", get(&VertexProps::name, g));
  dp.property("aliases", get(&VertexProps::aliases, g));
  dp.property("relation", get(&EdgeProps::relation, g));
  dp.property("inferred", get(&EdgeProps::inferred, g));
  dp.property("negated", get(&EdgeProps::negated, g));
  dp.property("support", get(&EdgeProps::support, g));
  dp.property("documents", get(&EdgeProps::documents, g));
  dp.property("rule", get(&EdgeProps::rule, g));
  try {
    boost::read_graphml(text, g, dp);
  } catch (const std::exception& e) {
    FAIL() << "read_graphml: " << e.what() << "\n" << text.str();
  }
  ASSERT_EQ(num_vertices(g), view->num_nodes());
  ASSERT_EQ(num_edges(g), view->num_edges());
  for (graph::NodeIndex v = 0; v < view->num_nodes(); ++v) {
    // read_graphml parses with trim_whitespace, which collapses runs of
    // white space (the file itself keeps them: see the next test).
    EXPECT_EQ(g[v].name, CollapseSpace(std::string(view->node(v).name)));
    EXPECT_EQ(static_cast<uint64_t>(g[v].id), view->node(v).id);
  }
  EXPECT_EQ(g[0].type, "Muscle");
  EXPECT_EQ(g[0].aliases, "[\"psoas\",\"the \\\"big\\\" one, really\"]");
  int inferred = 0, negated = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& e = g[*it];
    inferred += e.inferred;
    negated += e.negated;
    if (e.relation == "PART_OF") {
      EXPECT_EQ(e.support, 2);
      EXPECT_EQ(e.documents, "[\"doc \\\"one\\\"\",\"doc,two\"]");
      EXPECT_EQ(boost::source(*it, g), 0u);
      EXPECT_EQ(boost::target(*it, g), 1u);
    }
    if (e.inferred) {
      EXPECT_EQ(e.rule, "antagonist_inherited_by_members");
    }
  }
  EXPECT_EQ(inferred, 1);
  EXPECT_EQ(negated, 1);
}

TEST(GraphmlWriterTest, KeepsWhiteSpaceAndControlsAreReplaced) {
  auto view = testing::TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteGraphml(*view, {}, &text).ok());
  EXPECT_THAT(text.str(), ::testing::HasSubstr(">line one\nline two<"));
  EXPECT_THAT(text.str(), ::testing::HasSubstr("&quot;tab\\there&quot;"));
}

TEST(GraphmlWriterTest, SubsetOptionsDropEdges) {
  auto view = testing::TrickyGraph();
  std::stringstream text;
  GraphmlWriterOptions options;
  options.include_inferred = false;
  options.include_negated = false;
  absl::StatusOr<int64_t> edges = WriteGraphml(*view, options, &text);
  ASSERT_TRUE(edges.ok());
  EXPECT_EQ(*edges, static_cast<int64_t>(view->num_edges()) - 2);
}

}  // namespace
}  // namespace mskg::interop
