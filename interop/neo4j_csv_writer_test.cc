// interop/neo4j_csv_writer_test.cc: the CSV parses back under Neo4j's
// quoting rules (an RFC 4180 reader below), fields and arrays intact.
#include "interop/neo4j_csv_writer.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

using Row = std::vector<std::string>;

// Parses RFC 4180 CSV: quoted fields may hold ',', '\n' and doubled '"'.
// Returns false on a malformed quote (as Neo4j's importer would fail).
bool ParseCsv(absl::string_view text, std::vector<Row>* rows) {
  Row row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) return false;  // Unterminated.
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n') return false;
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n') {
        if (text[i] == '"') return false;  // Stray quote.
        field.push_back(text[i++]);
      }
    }
    row.push_back(field);
    field.clear();
    if (i < text.size() && text[i] == '\n') {
      rows->push_back(row);
      row.clear();
    }
    ++i;
  }
  if (!row.empty()) rows->push_back(row);
  return true;
}

TEST(Neo4jCsvWriterTest, ParsesBackUnderNeo4jQuoting) {
  auto view = testing::TrickyGraph();
  std::ostringstream nodes, relationships;
  absl::StatusOr<Neo4jCsvCounts> counts =
      WriteNeo4jCsv(*view, {}, &nodes, &relationships);
  ASSERT_TRUE(counts.ok()) << counts.status();

  std::vector<Row> node_rows;
  ASSERT_TRUE(ParseCsv(nodes.str(), &node_rows)) << nodes.str();
  ASSERT_EQ(node_rows.size(), view->num_nodes() + 1);
  EXPECT_EQ(node_rows[0],
            (Row{"id:ID", "name", "aliases:string[]", ":LABEL"}));
  for (graph::NodeIndex v = 0; v < view->num_nodes(); ++v) {
    const Row& row = node_rows[v + 1];
    ASSERT_EQ(row.size(), 4u);
    EXPECT_EQ(row[0], std::to_string(view->node(v).id));
    EXPECT_EQ(row[1], view->node(v).name);
  }
  EXPECT_EQ(node_rows[1][2], "psoas;the \"big\" one, really");
  EXPECT_EQ(node_rows[1][3], "Muscle");
  // ';' inside an array element cannot be escaped: it becomes ','.
  EXPECT_EQ(node_rows[3][2], "tab\there;back\\slash, semi");

  std::vector<Row> edge_rows;
  ASSERT_TRUE(ParseCsv(relationships.str(), &edge_rows));
  EXPECT_EQ(edge_rows[0],
            (Row{":START_ID", ":END_ID", ":TYPE", "support:int",
                 "inferred:boolean", "documents:string[]"}));
  // The denied edge is left out.
  ASSERT_EQ(edge_rows.size(), view->num_edges());
  EXPECT_EQ(edge_rows[1],
            (Row{"101", "102", "PART_OF", "2", "false", "doc \"one\";doc,two"}));
  EXPECT_EQ(edge_rows.back()[4], "true");
  for (const Row& row : edge_rows) EXPECT_EQ(row.size(), 6u);
}

TEST(Neo4jCsvWriterTest, WritesDirectory) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string dir = std::string(tmp != nullptr ? tmp : "/tmp") +
                          "/neo4j_out/sub";
  auto view = testing::TrickyGraph();
  absl::StatusOr<Neo4jCsvCounts> counts =
      WriteNeo4jCsvDirectory(*view, {}, dir);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->nodes, 9);
  EXPECT_TRUE(std::filesystem::exists(dir + "/nodes.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/relationships.csv"));
}

}  // namespace
}  // namespace mskg::interop
