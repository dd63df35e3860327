// interop/neo4j_csv_writer.cc: nodes.csv and relationships.csv for Neo4j.
#include "interop/neo4j_csv_writer.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "interop/text_escape.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

// Appends `items` as one quoted array field joined by ';'.
void AppendArrayField(const std::vector<std::string>& items,
                      std::string* out) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined.push_back(';');
    for (char c : items[i]) joined.push_back(c == ';' ? ',' : c);
  }
  AppendCsvField(joined, out);
}

}  // namespace

absl::StatusOr<Neo4jCsvCounts> WriteNeo4jCsv(
    const graph::GraphView& view, const Neo4jCsvWriterOptions& options,
    std::ostream* nodes, std::ostream* relationships) {
  Neo4jCsvCounts counts;
  std::string line = "id:ID,name,aliases:string[],:LABEL\n";
  nodes->write(line.data(), line.size());
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    const graph::NodeInfo& node = view.node(v);
    line.clear();
    absl::StrAppend(&line, "\"", node.id, "\",");
    AppendCsvField(node.name, &line);
    line.push_back(',');
    AppendArrayField(node.aliases.ToStrings(), &line);
    absl::StrAppend(&line, ",\"", TypeLabel(node.type), "\"\n");
    nodes->write(line.data(), line.size());
    ++counts.nodes;
    if ((v & 4095) == 0 && !*nodes) {
      return absl::InternalError("failed writing Neo4j nodes CSV");
    }
  }
  line =
      ":START_ID,:END_ID,:TYPE,support:int,inferred:boolean,"
      "documents:string[]\n";
  relationships->write(line.data(), line.size());
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.negated) continue;
    if (edge.inferred && !options.include_inferred) continue;
    line.clear();
    absl::StrAppend(&line, "\"", view.node(edge.source).id, "\",\"",
                    view.node(edge.target).id, "\",\"",
                    RelationLabel(edge.relation), "\",\"",
                    edge.support.size(), "\",\"",
                    edge.inferred ? "true" : "false", "\",");
    AppendArrayField(AffirmedDocuments(edge), &line);
    line.push_back('\n');
    relationships->write(line.data(), line.size());
    ++counts.relationships;
    if ((e & 4095) == 0 && !*relationships) {
      return absl::InternalError("failed writing Neo4j relationships CSV");
    }
  }
  nodes->flush();
  relationships->flush();
  if (!*nodes || !*relationships) {
    return absl::InternalError("failed writing Neo4j CSV");
  }
  return counts;
}

absl::StatusOr<Neo4jCsvCounts> WriteNeo4jCsvDirectory(
    const graph::GraphView& view, const Neo4jCsvWriterOptions& options,
    const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return absl::PermissionDeniedError(absl::StrCat(
        directory, ": cannot create directory: ", error.message()));
  }
  const std::filesystem::path dir(directory);
  const std::string nodes_path = (dir / kNeo4jNodesFile).string();
  const std::string relationships_path =
      (dir / kNeo4jRelationshipsFile).string();
  std::ofstream nodes(nodes_path, std::ios::binary | std::ios::trunc);
  if (!nodes) {
    return absl::PermissionDeniedError(
        absl::StrCat(nodes_path, ": cannot open for writing"));
  }
  std::ofstream relationships(relationships_path,
                              std::ios::binary | std::ios::trunc);
  if (!relationships) {
    return absl::PermissionDeniedError(
        absl::StrCat(relationships_path, ": cannot open for writing"));
  }
  return WriteNeo4jCsv(view, options, &nodes, &relationships);
}

}  // namespace mskg::interop
