// interop/neo4j_csv_writer.h
//
// Writes a graph as the two CSV files of Neo4j's bulk importer
// (`neo4j-admin database import full`, Neo4j 5; the command is in
// interop/README.md):
//
//   nodes.csv:          id:ID,name,aliases:string[],:LABEL
//   relationships.csv:  :START_ID,:END_ID,:TYPE,support:int,
//                       inferred:boolean,documents:string[]
//
// ids are the store's node ids; :LABEL is the node type ("Muscle"); :TYPE
// the relation ("PART_OF"). Quoting follows Neo4j's defaults (which are RFC
// 4180's): every field is quoted with '"', an embedded '"' is doubled, and
// line breaks stay inside the quotes (import with --multiline-fields=true).
// Arrays are joined with ';' (the default --array-delimiter), which Neo4j
// cannot escape: a ';' inside an alias or document id is written as ','.
// Edges that every source denies are not facts and are left out.
#ifndef MSKG_INTEROP_NEO4J_CSV_WRITER_H_
#define MSKG_INTEROP_NEO4J_CSV_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/graph_view.h"

namespace mskg::interop {

inline constexpr char kNeo4jNodesFile[] = "nodes.csv";
inline constexpr char kNeo4jRelationshipsFile[] = "relationships.csv";

struct Neo4jCsvWriterOptions {
  // Write inferred edges (inferred:boolean true). Default: true.
  bool include_inferred = true;
};

struct Neo4jCsvCounts {
  int64_t nodes = 0;
  int64_t relationships = 0;
};

// Streams the nodes of `view` to `nodes` and its edges to `relationships`.
// Internal if a stream fails.
absl::StatusOr<Neo4jCsvCounts> WriteNeo4jCsv(
    const graph::GraphView& view, const Neo4jCsvWriterOptions& options,
    std::ostream* nodes, std::ostream* relationships);

// Same, into `directory` (created if missing) as nodes.csv and
// relationships.csv. PermissionDenied if a file cannot be created.
absl::StatusOr<Neo4jCsvCounts> WriteNeo4jCsvDirectory(
    const graph::GraphView& view, const Neo4jCsvWriterOptions& options,
    const std::string& directory);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_NEO4J_CSV_WRITER_H_
