// ingest/ingest_files.h
//
// IngestFiles: ingests many files into a store, extracting on worker
// threads while the calling thread writes, so that reading text and writing
// the store overlap. Documents are written in the order given, each in its
// own atomic PutDocument(), exactly as one IngestFile() call per path
// would: a file that fails leaves the store as it was and the others go on.
//
// Thread-safety: the Ingester and the store are shared by the workers
// (Extract() is thread-safe; only the calling thread writes).
#ifndef MSKG_INGEST_INGEST_FILES_H_
#define MSKG_INGEST_INGEST_FILES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/graph_store.h"
#include "ingest/ingester.h"

namespace mskg::ingest {

struct IngestFilesOptions {
  // Extraction threads besides the calling (writing) one. Default 0: one
  // per core but one, at least one.
  int threads = 0;
  // Most documents extracted ahead of the writer (bounds memory). Default:
  // 4 per thread.
  int max_ahead = 0;
};

// What happened to one file, in input order.
struct FileOutcome {
  size_t index = 0;  // Into `paths`.
  absl::StatusOr<graph::DocumentWriteResult> result;
  std::vector<std::string> notices;
};

// Ingests files: `paths[i]` is read and stored as document `paths[i]`, as
// Ingester::IngestFile() does (pass canonical paths for stable ids). Calls
// `on_outcome` on the calling thread once per file, in order, after its
// write. REQUIRES: store != nullptr.
void IngestFiles(const Ingester& ingester, const std::vector<std::string>& paths,
                 graph::GraphStore* store, const IngestFilesOptions& options,
                 const std::function<void(const FileOutcome&)>& on_outcome);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_INGEST_FILES_H_
