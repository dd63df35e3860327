// graph/store_creation.h
//
// Creating a store so that a crash at any instant leaves either no store or a
// whole one. RocksDB writes CURRENT before it creates the column families,
// so a process killed during the first open of a new directory used to leave
// a database without mskg's families, which Open() then refused forever.
// Instead the store is built in a hidden sibling directory and renamed into
// place once its format record is synced; leftovers of killed creators are
// removed by the next creator.
#ifndef MSKG_GRAPH_STORE_CREATION_H_
#define MSKG_GRAPH_STORE_CREATION_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace mskg::graph {

// Creates the store at `path` (absent, or an empty directory) by calling
// `build` on a fresh temporary sibling directory, then renaming that
// directory to `path` and syncing the parent. `build` must leave a complete,
// closed, synced store in the directory it is given. If another process
// created `path` meanwhile, its store is kept and ours discarded (OK).
// Internal if a directory cannot be created, synced or renamed; otherwise
// whatever `build` returns.
absl::Status CreateStoreAtomically(
    absl::string_view path,
    const std::function<absl::Status(const std::string& temp_dir)>& build);

// Returns the prefix of the temporary directories CreateStoreAtomically()
// makes for `path` (".<name>.creating-"), for tests and messages.
std::string CreationPrefix(absl::string_view path);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STORE_CREATION_H_
