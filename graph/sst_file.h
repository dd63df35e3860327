// graph/sst_file.h
//
// Pieces shared by the SST bulk loaders (sst_bulk_loader.h,
// sst_triples_loader.h): SstFile writes one sorted SST file for one column
// family and hands it over for DB::IngestExternalFiles(); SstBulkTarget
// names the column families they write; SortedMultiGet() looks up many
// sorted keys in batches.
//
// Thread-safety: an SstFile is used by one thread at a time; different
// SstFiles may be written concurrently.
//
// Private to //graph.
#ifndef MSKG_GRAPH_SST_FILE_H_
#define MSKG_GRAPH_SST_FILE_H_

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/file_set_lock.h"
#include "graph/rocksdb_status.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "util/status_macros.h"

namespace rocksdb {
class SstFileWriter;
}  // namespace rocksdb

namespace mskg::graph {

inline rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

// Where an SST bulk load writes. Nothing is owned; all must outlive the call.
struct SstBulkTarget {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* nodes = nullptr;
  rocksdb::ColumnFamilyHandle* node_keys = nullptr;
  rocksdb::ColumnFamilyHandle* edges = nullptr;
  rocksdb::ColumnFamilyHandle* supports = nullptr;
  rocksdb::ColumnFamilyHandle* documents = nullptr;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  // The store's directory; the SST files are built in a subdirectory of it
  // (so that ingestion can hard-link them) and removed afterwards.
  std::string path;
};

// Creates (emptied of what a crashed load left) the folder in which a bulk
// load of `target` builds its files, "<store>/bulk_load.tmp", and returns
// its path. Writers are serialized, so no other load uses it.
absl::StatusOr<std::string> MakeBulkLoadDir(const SstBulkTarget& target);

// Waits for the lock under which ingestion may add files to `target`'s
// store (file_set_lock.h), for up to a minute.
absl::StatusOr<HeldFileSetLock> LockForIngestion(const SstBulkTarget& target);

// One SST file being written for one column family; created on the first
// Put or Delete, so that a file without rows is never made.
class SstFile {
 public:
  // `db` and `family` must outlive the file.
  SstFile(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family,
          std::string path);
  ~SstFile();
  SstFile(const SstFile&) = delete;
  SstFile& operator=(const SstFile&) = delete;

  // REQUIRES: keys strictly ascending across Put and Delete.
  absl::Status Put(absl::string_view key, absl::string_view value);
  // Writes a tombstone: after ingestion `key` is absent.
  absl::Status Delete(absl::string_view key);

  // Finishes the file (synced) and adds it to `args`; nothing if empty.
  absl::Status Finish(std::vector<rocksdb::IngestExternalFileArg>* args);

 private:
  absl::Status Open();

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* family_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
};

// Looks up `keys` (sorted) in `family`, kMultiGetBatch at a time; calls
// found(i, value) for each key present. Stops at the first error, from
// RocksDB or from `found`.
inline constexpr size_t kMultiGetBatch = 4096;
template <typename Found>
absl::Status SortedMultiGet(rocksdb::DB* db,
                            rocksdb::ColumnFamilyHandle* family,
                            const std::vector<rocksdb::Slice>& keys,
                            const Found& found) {
  std::vector<rocksdb::PinnableSlice> values(
      std::min(keys.size(), kMultiGetBatch));
  std::vector<rocksdb::Status> statuses(values.size());
  const rocksdb::ReadOptions read_options;
  for (size_t begin = 0; begin < keys.size(); begin += kMultiGetBatch) {
    const size_t n = std::min(kMultiGetBatch, keys.size() - begin);
    db->MultiGet(read_options, family, n, keys.data() + begin, values.data(),
                 statuses.data(), /*sorted_input=*/true);
    for (size_t i = 0; i < n; ++i) {
      if (statuses[i].IsNotFound()) continue;
      MSKG_RETURN_IF_ERROR(FromRocksDb(statuses[i], "bulk load lookup"));
      MSKG_RETURN_IF_ERROR(found(
          begin + i, absl::string_view(values[i].data(), values[i].size())));
      values[i].Reset();
    }
  }
  return absl::OkStatus();
}

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SST_FILE_H_
