// cli/open_store.h
//
// Opens the store named by --db for the read-only commands (query, export,
// stats), with a message that says what to do when there is none yet; and
// leaves a written store's view snapshot behind for them.
#ifndef MSKG_CLI_OPEN_STORE_H_
#define MSKG_CLI_OPEN_STORE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "cli/cli_args.h"
#include "graph/graph_store.h"

namespace mskg::cli {

// Returns the store at args.db opened read-only. NotFound if it does not
// exist yet (the message suggests `mskg ingest`).
absl::StatusOr<std::unique_ptr<graph::GraphStore>> OpenStoreForReading(
    const CliArgs& args);

// Builds `store`'s view after a write command, which writes it to the
// store's snapshot file (graph/snapshot_file.h): the read-only commands
// that follow map that file instead of scanning the whole store. Returns
// View()'s error, if any.
absl::Status WriteViewSnapshot(const graph::GraphStore& store);

}  // namespace mskg::cli

#endif  // MSKG_CLI_OPEN_STORE_H_
