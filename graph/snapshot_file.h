// graph/snapshot_file.h
//
// The store's view snapshot file: a GraphView's bytes (snapshot_format.h)
// written whole to a temporary file, synced and renamed into place, and
// memory-mapped on open, so that a process answers its first query without
// scanning the store. A file is used only if its header is intact and its
// StoreStamp equals the store's (same database, same RocksDB sequence
// number, same inference setting); anything else is refused with a status
// saying why, and the caller rebuilds the view from the store.
//
// Thread-safety: the functions are thread-safe; a mapped view is immutable.
// Replacing the file (rename) never disturbs a process that mapped the old
// one: its mapping keeps the old file's pages.
//
// Private to //graph.
#ifndef MSKG_GRAPH_SNAPSHOT_FILE_H_
#define MSKG_GRAPH_SNAPSHOT_FILE_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "graph/snapshot_format.h"

namespace mskg::graph {

// The snapshot file's name inside a store's folder.
inline constexpr char kSnapshotFileName[] = "view.snapshot";

// Returns the view mapped from the snapshot file at `path` if it stands for
// `expected`. NotFound if there is no file; FailedPrecondition if it is
// stale (another stamp) or of another format version; DataLoss if it is
// truncated or its header is corrupt. Messages name `path`.
absl::StatusOr<std::shared_ptr<const GraphView>> MapSnapshotFile(
    const std::string& path, const snapshot::StoreStamp& expected);

// Writes `view`'s bytes to `path` atomically: to a temporary sibling, then
// fsync, rename, fsync of the folder. Internal (with errno's text and the
// path) if any step fails; the temporary file is removed then.
absl::Status WriteSnapshotFile(const std::string& path, const GraphView& view);

// Removes temporary files a killed writer left beside `path`.
void RemoveSnapshotTemporaries(const std::string& path);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SNAPSHOT_FILE_H_
