// graph/store_open.cc
//
// Opening a GraphStore: the path checks, atomic creation of a new store
// (store_creation.h), the file-set lock (file_set_lock.h) around writable
// and read-only opens and around purging obsolete files, the column
// families and their options, the format record and the refusal of other
// format versions; and the single-row reads every stage uses.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/file_set_lock.h"
#include "graph/key_codec.h"
#include "graph/rocksdb_status.h"
#include "graph/snapshot_file.h"
#include "graph/snapshot_format.h"
#include "graph/store_creation.h"
#include "graph/store_impl.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

}  // namespace

void GraphStore::Impl::CloseDb() {
  if (db_ != nullptr) {
    PurgeObsoleteFiles(/*now=*/true);
    for (rocksdb::ColumnFamilyHandle* handle : handles_) {
      db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    }
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
  handles_.clear();
}

absl::StatusOr<bool> GraphStore::Impl::Get(
    const rocksdb::ReadOptions& read_options, CfIndex family,
    absl::string_view key, std::string* value) const {
  rocksdb::Status s = db_->Get(read_options, cf(family), ToSlice(key), value);
  if (s.IsNotFound()) return false;
  MSKG_RETURN_IF_ERROR(FromRocksDb(
      s, absl::StrCat("read ", kColumnFamilies[family], " of store ", path_)));
  return true;
}

absl::StatusOr<keys::StoredStats> GraphStore::Impl::ReadStats() const {
  keys::StoredStats stats;
  std::string value;
  MSKG_ASSIGN_OR_RETURN(
      bool found, Get(rocksdb::ReadOptions(), kMeta, keys::kMetaStats, &value));
  if (found && !keys::DecodeStats(value, &stats)) {
    return absl::DataLossError(
        absl::StrCat("store ", path_, ": unreadable stats record"));
  }
  return stats;
}

absl::Status GraphStore::Impl::OldFormatError(absl::string_view version) const {
  return absl::FailedPreconditionError(absl::StrCat(
      "store ", path_, " has format version ", version,
      "; this mskg reads version ", keys::kFormatVersion,
      " only. Rebuild it into a new store: ingest the documents again, or "
      "run `mskg --db OLD export --format jsonl -o graph.jsonl` with the "
      "mskg that wrote it, then `mskg --db NEW import --format jsonl "
      "graph.jsonl` with this one (README.md, \"Store format versions\")"));
}

absl::Status GraphStore::Impl::CheckWritable() const {
  if (read_only_) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", path_, " is open read-only"));
  }
  return absl::OkStatus();
}

void GraphStore::Impl::InvalidateView() {
  absl::MutexLock lock(&view_mu_);
  ++generation_;
  view_.reset();
  view_unpersisted_ = false;
  base_.reset();
  delta_.triples.clear();
  delta_.nodes.clear();
}

absl::Status GraphStore::Impl::InitializeMeta() {
  std::string value;
  MSKG_ASSIGN_OR_RETURN(
      bool has_version,
      Get(rocksdb::ReadOptions(), kMeta, keys::kMetaFormatVersion, &value));
  if (has_version && value != keys::kFormatVersion) {
    return OldFormatError(value);
  }
  MSKG_ASSIGN_OR_RETURN(bool has_next, Get(rocksdb::ReadOptions(), kMeta,
                                           keys::kMetaNextNodeId, &value));
  if (has_next) {
    if (value.size() != 8) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": bad next_node_id"));
    }
    next_node_id_ = keys::ReadBigEndian64(value);
  }
  if (!has_version && !read_only_) {
    rocksdb::WriteBatch batch;
    batch.Put(cf(kMeta), keys::kMetaFormatVersion, keys::kFormatVersion);
    std::string next_id;
    keys::AppendBigEndian64(&next_id, next_node_id_);
    batch.Put(cf(kMeta), keys::kMetaNextNodeId, next_id);
    batch.Put(cf(kMeta), keys::kMetaStats,
              keys::EncodeStats(keys::StoredStats()));
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    MSKG_RETURN_IF_ERROR(FromRocksDb(db_->Write(write_options, &batch),
                                     absl::StrCat("initialize store ", path_)));
  }
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Open(absl::string_view path,
                                    const GraphStoreOptions& options) {
  path_ = std::string(path);
  read_only_ = options.read_only;
  bulk_sst_min_claims_ = options.bulk_sst_min_claims;
  apply_inference_ = options.apply_inference;
  persist_view_ = options.persist_view;
  if (path_.empty()) return absl::InvalidArgumentError("empty store path");
  std::error_code ec;
  const fs::file_status status = fs::status(path_, ec);
  bool has_db = false;
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_, " exists and is not a directory, so it is not an mskg store"));
    }
    has_db = fs::exists(fs::path(path_) / "CURRENT", ec);
    if (!has_db && !fs::is_empty(path_, ec)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path_,
                       " is a non-empty directory that holds no mskg store; "
                       "pass an empty or new directory"));
    }
  }
  if (!has_db && (read_only_ || !options.create_if_missing)) {
    return absl::NotFoundError(absl::StrCat("no mskg store at ", path_));
  }
  if (!has_db) {
    // Built aside and renamed in whole (store_creation.h says why).
    MSKG_RETURN_IF_ERROR(CreateStoreAtomically(
        path_, [](const std::string& temp_dir) -> absl::Status {
          Impl scratch;
          scratch.path_ = temp_dir;
          return scratch.OpenDb(/*create=*/true);
        }));
  } else if (!read_only_) {
    // What a bulk load killed midway left; the next one would remove it too.
    fs::remove_all(fs::path(path_) / "bulk_load.tmp", ec);
    // And what a killed snapshot write left (snapshot_file.h).
    RemoveSnapshotTemporaries(SnapshotPath());
  }
  MSKG_RETURN_IF_ERROR(OpenDb(/*create=*/false));
  // The view snapshot file records which database it was built from.
  std::string identity;
  MSKG_RETURN_IF_ERROR(FromRocksDb(db_->GetDbIdentity(identity),
                                   absl::StrCat("identity of store ", path_)));
  identity_hash_ = snapshot::StableHash64(identity);
  return absl::OkStatus();
}

std::string GraphStore::Impl::SnapshotPath() const {
  return (fs::path(path_) / kSnapshotFileName).string();
}

absl::Status GraphStore::Impl::OpenDb(bool create) {
  // file_set_lock.h says why opens and file changes exclude each other.
  constexpr absl::Duration kLockWait = absl::Seconds(60);
  HeldFileSetLock held;
  if (create || !read_only_) {
    // A writable open may recover logs and delete obsolete files.
    MSKG_ASSIGN_OR_RETURN(
        held, FileSetLock::Acquire(path_, FileSetLock::Mode::kExclusive,
                                   kLockWait, /*create=*/true));
  } else {
    absl::StatusOr<HeldFileSetLock> shared = FileSetLock::Acquire(
        path_, FileSetLock::Mode::kShared, kLockWait, /*create=*/false);
    // A store made before the lock has no lock file; its writer is an older
    // mskg, so the retries below are all the protection there is.
    if (!shared.ok() && !absl::IsNotFound(shared.status())) {
      return shared.status();
    }
    if (shared.ok()) held = *std::move(shared);
  }
  // Without the lock, a writer may delete a file the MANIFEST names before
  // this open reads it: not corruption, and the next attempt reads the new
  // MANIFEST.
  constexpr int kAttempts = 50;
  for (int attempt = 1;; ++attempt) {
    absl::Status status = OpenDbOnce(create);
    if (status.ok() && !read_only_) {
      // Deleting obsolete files changes the file set: from now on only
      // PurgeObsoleteFiles() does it, under the lock.
      status = FromRocksDb(db_->DisableFileDeletions(),
                           absl::StrCat("store ", path_));
    }
    if (status.ok() || !read_only_ || attempt == kAttempts ||
        !absl::StrContains(status.message(), "No such file or directory")) {
      return status;
    }
    CloseDb();
    absl::SleepFor(absl::Milliseconds(std::min(attempt, 10)));
  }
}

void GraphStore::Impl::PurgeObsoleteFiles(bool now) {
  if (read_only_ || db_ == nullptr) return;
  // Purging scans the folder and logs to RocksDB's LOG: not on every write.
  const absl::Time time = absl::Now();
  if (!now && time - last_purge_ < absl::Seconds(1)) return;
  // A reader opening the store meanwhile: files wait for the next purge.
  HeldFileSetLock held = FileSetLock::TryExclusive(path_);
  if (!held.held()) return;
  last_purge_ = time;
  db_->EnableFileDeletions(/*force=*/true).PermitUncheckedError();
  db_->DisableFileDeletions().PermitUncheckedError();
}

absl::Status GraphStore::Impl::OpenDbOnce(bool create) {
  rocksdb::Options db_options;
  db_options.create_if_missing = create;
  // Writable opens also add families a store of an older layout lacks.
  db_options.create_missing_column_families = !read_only_;
  db_options.atomic_flush = true;
  db_options.IncreaseParallelism(2);
  db_options.write_buffer_size = 64 << 20;
  if (!create) {
    std::vector<std::string> existing;
    rocksdb::Status s =
        rocksdb::DB::ListColumnFamilies(db_options, path_, &existing);
    MSKG_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
    if (std::find(existing.begin(), existing.end(), keys::kDroppedNamesCf) !=
        existing.end()) {
      return OldFormatError("1");
    }
    if (std::find(existing.begin(), existing.end(), keys::kMetaCf) ==
        existing.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_,
          " holds a RocksDB database that is not an mskg store (an mskg "
          "older than atomic creation, killed while creating it, leaves "
          "one: delete the folder and run the command again)"));
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName,
                           rocksdb::ColumnFamilyOptions(db_options));
  // Whole-key Bloom filters where rows are looked up by key (node identity,
  // edge counts, documents), so that lookups of absent keys, the common case
  // of a bulk load into a non-empty store, rarely read a block.
  rocksdb::ColumnFamilyOptions lookup_options(db_options);
  {
    rocksdb::BlockBasedTableOptions table_options;
    table_options.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    lookup_options.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(table_options));
  }
  for (const char* name : kColumnFamilies) {
    const absl::string_view n = name;
    const bool lookups = n == keys::kNodesCf || n == keys::kNodeKeysCf ||
                         n == keys::kEdgesCf || n == keys::kDocumentsCf;
    descriptors.emplace_back(
        name,
        lookups ? lookup_options : rocksdb::ColumnFamilyOptions(db_options));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      read_only_
          ? rocksdb::DB::OpenForReadOnly(db_options, path_, descriptors,
                                         &handles_, &raw)
          : rocksdb::DB::Open(db_options, path_, descriptors, &handles_, &raw);
  db_.reset(raw);
  MSKG_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
  if (handles_.size() != kNumColumnFamilies + 1) {
    return absl::InternalError(
        absl::StrCat("store ", path_, ": wrong number of column families"));
  }
  absl::MutexLock lock(&write_mu_);
  return InitializeMeta();
}

// Stats() copies the stored record's arrays into StoreStats'.
static_assert(sizeof(StoreStats::nodes_by_type) ==
              sizeof(keys::StoredStats::nodes_by_type));
static_assert(sizeof(StoreStats::edges_by_relation) ==
              sizeof(keys::StoredStats::edges_by_relation));

absl::StatusOr<StoreStats> GraphStore::Impl::Stats() const {
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stored, ReadStats());
  StoreStats stats;
  stats.documents = stored.documents;
  stats.nodes = stored.nodes;
  stats.edges = stored.edges;
  stats.supports = stored.supports;
  std::copy(std::begin(stored.nodes_by_type), std::end(stored.nodes_by_type),
            std::begin(stats.nodes_by_type));
  std::copy(std::begin(stored.edges_by_relation),
            std::end(stored.edges_by_relation),
            std::begin(stats.edges_by_relation));
  return stats;
}

}  // namespace mskg::graph
