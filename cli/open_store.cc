#include "cli/open_store.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace mskg::cli {

absl::StatusOr<std::unique_ptr<graph::GraphStore>> OpenStoreForReading(
    const CliArgs& args) {
  std::error_code error;
  if (!std::filesystem::exists(args.db, error)) {
    return absl::NotFoundError(absl::StrCat(
        "no store at ", args.db,
        "; create one with 'mskg ingest PATH' or choose one with --db"));
  }
  graph::GraphStoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  return graph::GraphStore::Open(args.db, options);
}

absl::Status WriteViewSnapshot(const graph::GraphStore& store) {
  return store.View().status();
}

}  // namespace mskg::cli
