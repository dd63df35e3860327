// cli/export_command.cc: `mskg export --format F [--query 'CYPHER'] [-o OUT]`.
//
// Formats: triples (default), jsonl, graphml, dot, ntriples, turtle,
// neo4j-csv (a directory given by -o). With --query, only the nodes and
// edges the query matched are written.
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "interop/dot_writer.h"
#include "interop/graphml_writer.h"
#include "interop/jsonl_writer.h"
#include "interop/neo4j_csv_writer.h"
#include "interop/query_selection.h"
#include "interop/rdf_writer.h"
#include "interop/subgraph.h"
#include "interop/triples_writer.h"

namespace mskg::cli {
namespace {

constexpr char kFormats[] =
    "triples, jsonl, graphml, dot, ntriples, turtle, neo4j-csv";

// Writes `view` in `format` to `out`; returns the count for the summary.
absl::StatusOr<int64_t> WriteFormat(const std::string& format,
                                    const graph::GraphView& view,
                                    std::ostream* out) {
  if (format == "triples") {
    return interop::WriteTriples(view, interop::TriplesWriterOptions(), out);
  }
  if (format == "jsonl") return interop::WriteJsonl(view, {}, out);
  if (format == "graphml") return interop::WriteGraphml(view, {}, out);
  if (format == "dot") {
    interop::DotWriterOptions options;
    options.legend = true;
    return interop::WriteDot(view, options, out);
  }
  interop::RdfWriterOptions options;
  options.syntax = format == "turtle" ? interop::RdfSyntax::kTurtle
                                      : interop::RdfSyntax::kNTriples;
  return interop::WriteRdf(view, options, out);
}

}  // namespace

int RunExport(const CliArgs& args) {
  const std::string format = args.Get("format", "triples");
  if (format != "triples" && format != "jsonl" && format != "graphml" &&
      format != "dot" && format != "ntriples" && format != "turtle" &&
      format != "neo4j-csv") {
    return ReportError(absl::InvalidArgumentError(absl::StrCat(
        "unknown export format '", format, "'; formats: ", kFormats)));
  }
  const std::string path = args.Get("o", "");
  if (format == "neo4j-csv" && path.empty()) {
    return ReportError(absl::InvalidArgumentError(
        "--format neo4j-csv writes two files: give their directory with -o"));
  }
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(args);
  if (!store.ok()) return ReportError(store.status());

  // Written in full or not at all: an existing file survives a failed export.
  std::unique_ptr<OutputFile> file;
  std::ostream* out = &std::cout;
  if (!path.empty() && format != "neo4j-csv") {
    absl::StatusOr<std::unique_ptr<OutputFile>> created =
        OutputFile::Create(path);
    if (!created.ok()) return ReportError(created.status());
    file = *std::move(created);
    out = file->stream();
  }
  const std::string query = args.Get("query", "");
  // The whole store as triples streams from RocksDB without building a view.
  if (format == "triples" && query.empty()) {
    absl::StatusOr<int64_t> rows =
        interop::WriteTriples(**store, interop::TriplesWriterOptions(), out);
    if (!rows.ok()) return ReportError(rows.status());
    if (file != nullptr) {
      if (absl::Status committed = file->Commit(); !committed.ok()) {
        return ReportError(committed);
      }
      std::cerr << "wrote " << *rows << " triples to " << path << "\n";
    }
    return 0;
  }

  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) return ReportError(view.status());
  std::shared_ptr<const graph::GraphView> graph = *view;
  if (!query.empty()) {
    absl::StatusOr<interop::QuerySelection> selected =
        interop::SelectByQuery(graph, query);
    if (!selected.ok()) {
      std::cerr << "mskg: " << query::FormatQueryError(query, selected.status())
                << "\n";
      return selected.status().code() == absl::StatusCode::kInternal ? 1 : 2;
    }
    absl::StatusOr<interop::Subgraph> sub =
        interop::BuildSubgraph(*graph, selected->selection, {});
    if (!sub.ok()) return ReportError(sub.status());
    graph = sub->view;
  }
  if (format == "neo4j-csv") {
    absl::StatusOr<interop::Neo4jCsvCounts> counts =
        interop::WriteNeo4jCsvDirectory(*graph, {}, path);
    if (!counts.ok()) return ReportError(counts.status());
    std::cerr << "wrote " << counts->nodes << " nodes and "
              << counts->relationships << " relationships to " << path
              << "/{nodes,relationships}.csv\n";
    return 0;
  }
  absl::StatusOr<int64_t> written = WriteFormat(format, *graph, out);
  if (!written.ok()) return ReportError(written.status());
  if (file != nullptr) {
    if (absl::Status committed = file->Commit(); !committed.ok()) {
      return ReportError(committed);
    }
    std::cerr << "wrote " << format << " (" << graph->num_nodes() << " nodes, "
              << graph->num_edges() << " edges) to " << path << "\n";
  }
  return 0;
}

}  // namespace mskg::cli
