// cli/import_command.cc: `mskg import --format triples|jsonl|obo FILE`.
//
// triples streams the file into the store in columnar chunks, loaded as one
// atomic write (graph::BulkLoadTriples; memory bounded by the chunk and
// the distinct nodes, not the rows); jsonl streams it with BulkLoad, grouped
// by document (interop/claims_batcher.h); obo reads an ontology as reference
// knowledge, document "reference:obo:<file name>", written with PutDocument
// so that importing the file again replaces it. `--subset muscles` keeps
// the muscles of an ontology and what they point to.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "interop/claims_batcher.h"
#include "interop/jsonl_reader.h"
#include "interop/obo_reader.h"
#include "interop/triples_reader.h"

namespace mskg::cli {
namespace {

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Rows per chunk of a triples import: $MSKG_IMPORT_CHUNK_ROWS if set (tests
// use tiny chunks to load one document's rows from several), else the
// reader's default.
// Writes the view snapshot of the store just written: 0, else the error's
// exit code.
int FinishWrite(const graph::GraphStore& store) {
  absl::Status written = WriteViewSnapshot(store);
  return written.ok() ? 0 : ReportError(written);
}

absl::StatusOr<size_t> ChunkRows() {
  const char* value = std::getenv("MSKG_IMPORT_CHUNK_ROWS");
  if (value == nullptr || *value == '\0') return interop::kDefaultChunkRows;
  size_t rows = 0;
  if (!absl::SimpleAtoi(value, &rows) || rows == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("MSKG_IMPORT_CHUNK_ROWS='", value,
                     "' is not a positive number of rows; unset it or fix it"));
  }
  return rows;
}

}  // namespace

int RunImport(const CliArgs& args) {
  const std::string format = args.Get("format", "");
  if (format != "triples" && format != "jsonl" && format != "obo") {
    return ReportError(absl::InvalidArgumentError(absl::StrCat(
        format.empty() ? "import needs --format"
                       : absl::StrCat("unknown import format '", format, "'"),
        "; formats: triples, jsonl, obo")));
  }
  if (args.positional.size() != 1) {
    return ReportError(absl::InvalidArgumentError(
        "import takes one FILE: mskg import --format F FILE"));
  }
  const std::string subset = args.Get("subset", "");
  if (!subset.empty() && (format != "obo" || subset != "muscles")) {
    return ReportError(absl::InvalidArgumentError(
        "--subset takes 'muscles', with --format obo only"));
  }
  const std::string& path = args.positional[0];
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return ReportError(absl::InvalidArgumentError(
        absl::StrCat(path, " is a folder; import takes one FILE")));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ReportError(
        absl::NotFoundError(absl::StrCat(path, ": cannot open for reading")));
  }
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(args.db);
  if (!store.ok()) return ReportError(store.status());

  if (format == "obo") {
    interop::OboReaderOptions options;
    options.muscles_only = subset == "muscles";
    absl::StatusOr<interop::OboImport> obo =
        interop::ReadObo(&in, path, options);
    if (!obo.ok()) return ReportError(obo.status());
    absl::StatusOr<graph::DocumentWriteResult> written =
        (*store)->PutDocument(obo->document);
    if (!written.ok()) return ReportError(written.status());
    std::cerr << "imported " << obo->nodes << " terms (of " << obo->terms
              << ") and " << obo->claims << " relations from " << path << " as "
              << obo->document.document_id()
              << (written->unchanged ? " (unchanged)" : "") << "\n";
    return FinishWrite(**store);
  }

  interop::ImportOptions options;
  options.default_document = absl::StrCat("import:", BaseName(path));
  if (format == "triples") {
    absl::StatusOr<size_t> chunk_rows = ChunkRows();
    if (!chunk_rows.ok()) return ReportError(chunk_rows.status());
    interop::TriplesChunkReader reader(&in, path, options, *chunk_rows);
    absl::Status loaded = graph::BulkLoadTriples(store->get(), 
        [&reader](graph::TripleBatch* batch) { return reader.Next(batch); });
    if (!loaded.ok()) return ReportError(loaded);
    std::cerr << "imported " << reader.stats().claims << " claims from " << path
              << "\n";
    return FinishWrite(**store);
  }
  const interop::ClaimsSink sink =
      [&](std::vector<schema::DocumentClaims>* batch) {
        return graph::BulkLoad(store->get(), *batch);
      };
  absl::StatusOr<interop::ImportStats> stats =
      interop::ReadJsonl(&in, path, options, sink);
  if (!stats.ok()) return ReportError(stats.status());
  std::cerr << "imported " << stats->claims << " claims";
  if (stats->mentions > 0) std::cerr << " and " << stats->mentions << " nodes";
  if (stats->skipped > 0) {
    std::cerr << " (" << stats->skipped << " inferred edges left to inference)";
  }
  std::cerr << " from " << path << "\n";
  return FinishWrite(**store);
}

}  // namespace mskg::cli
