// cli/import_command.cc: `mskg import --format triples|jsonl|obo FILE`.
//
// triples and jsonl stream the file into the store with BulkLoad, grouped by
// document (interop/claims_batcher.h); obo reads an ontology as reference
// knowledge, document "reference:obo:<file name>", written with PutDocument
// so that importing the file again replaces it. `--subset muscles` keeps
// the muscles of an ontology and what they point to.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
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
    return 0;
  }

  interop::ImportOptions options;
  options.default_document = absl::StrCat("import:", BaseName(path));
  // Triples files that fit the columnar budget are read whole and loaded
  // in one call without a message per row (interop/triples_reader.h).
  std::error_code size_error;
  const uintmax_t file_size = std::filesystem::file_size(path, size_error);
  if (format == "triples" && !size_error &&
      file_size <= interop::kColumnarMaxTextBytes) {
    graph::TripleBatch batch;
    absl::StatusOr<interop::ImportStats> stats =
        interop::ReadTriplesColumnar(&in, path, options, &batch);
    if (!stats.ok()) return ReportError(stats.status());
    if (absl::Status s = (*store)->BulkLoadTriples(batch); !s.ok()) {
      return ReportError(s);
    }
    std::cerr << "imported " << stats->claims << " claims from " << path
              << "\n";
    return 0;
  }
  const interop::ClaimsSink sink =
      [&](std::vector<schema::DocumentClaims>* batch) {
        return (*store)->BulkLoad(*batch);
      };
  absl::StatusOr<interop::ImportStats> stats =
      format == "triples" ? interop::ReadTriples(&in, path, options, sink)
                          : interop::ReadJsonl(&in, path, options, sink);
  if (!stats.ok()) return ReportError(stats.status());
  std::cerr << "imported " << stats->claims << " claims";
  if (stats->mentions > 0) std::cerr << " and " << stats->mentions << " nodes";
  if (stats->skipped > 0) {
    std::cerr << " (" << stats->skipped << " inferred edges left to inference)";
  }
  std::cerr << " from " << path << "\n";
  return 0;
}

}  // namespace mskg::cli
