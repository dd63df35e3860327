// interop/dot_writer_test.cc: the DOT renders with Graphviz `dot -Tsvg`
// without warnings, and names survive into the SVG.
#include "interop/dot_writer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/graphviz_render.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

using ::testing::HasSubstr;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

TEST(DotWriterTest, WritesColoursLabelsAndEscapes) {
  auto view = testing::TrickyGraph();
  std::ostringstream out;
  absl::StatusOr<int64_t> edges = WriteDot(*view, {}, &out);
  ASSERT_TRUE(edges.ok()) << edges.status();
  const std::string dot = out.str();
  EXPECT_THAT(dot, HasSubstr("n0 [label=\"psoas major\", fillcolor=\"#FB8072\""));
  EXPECT_THAT(dot, HasSubstr("n0 -> n1 [label=\"PART_OF\"]"));
  EXPECT_THAT(dot, HasSubstr("label=\"line one\\nline two\""));
  // A backslash is doubled, so "\\N" is not Graphviz's node-name escape.
  EXPECT_THAT(dot, HasSubstr("label=\"MRI, \\\"isolated\\\" \\\\N\""));
  EXPECT_THAT(dot, HasSubstr("label=\"NOT TREATS\", style=dotted"));
  EXPECT_THAT(dot, HasSubstr("style=dashed"));
}

bool HaveDot() {
  return std::filesystem::exists("/usr/bin/dot") ||
         std::filesystem::exists("/usr/local/bin/dot");
}

TEST(DotWriterTest, RendersCleanlyWithGraphviz) {
  if (!HaveDot()) GTEST_SKIP() << "Graphviz dot not installed; skipping";
  auto view = testing::TrickyGraph();
  DotWriterOptions options;
  options.legend = true;
  options.title = "MATCH (m:Muscle)-[r]->(x) RETURN \"m\"";
  options.highlight = true;
  options.highlighted_nodes = {0, 1};
  options.highlighted_edges = {0};
  std::ostringstream out;
  ASSERT_TRUE(WriteDot(*view, options, &out).ok());
  const std::string svg_path = TempPath("tricky.svg");
  absl::StatusOr<RenderResult> result =
      RenderDot(out.str(), "svg", svg_path);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->warnings, "") << out.str();
  const std::string svg = ReadAll(svg_path);
  EXPECT_THAT(svg, HasSubstr("&lt;b&gt;a&amp;b&lt;/b&gt;"));
  EXPECT_THAT(svg, HasSubstr("m\xC3\xBAsculo \xC3\xADleo&#45;psoas"));
  EXPECT_THAT(svg, HasSubstr("Node types"));

  const std::string png_path = TempPath("tricky.png");
  result = RenderDot(out.str(), "png", png_path);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(ReadAll(png_path).substr(1, 3), "PNG");
}

TEST(DotWriterTest, RenderReportsMissingProgramAndBadFormat) {
  EXPECT_EQ(RenderDot("digraph {}", "svg", TempPath("x.svg"),
                      "/nonexistent/dot")
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(RenderDot("digraph {}", "gif", TempPath("x.gif")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(*RenderFormatForPath("a/B.PNG"), "png");
  EXPECT_FALSE(RenderFormatForPath("answer.pdf").ok());
}

}  // namespace
}  // namespace mskg::interop
