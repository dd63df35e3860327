// graph/sst_file.cc: one SST file for DB::IngestExternalFiles().
#include "graph/sst_file.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "rocksdb/sst_file_writer.h"

namespace mskg::graph {

SstFile::SstFile(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family,
                 std::string path)
    : db_(db), family_(family), path_(std::move(path)) {}

SstFile::~SstFile() = default;

absl::Status SstFile::Open() {
  rocksdb::Options options(db_->GetDBOptions(), db_->GetOptions(family_));
  // Written once and read soon (View); compaction recompresses later.
  options.compression = rocksdb::kNoCompression;
  options.bottommost_compression = rocksdb::kDisableCompressionOption;
  options.compression_per_level.clear();
  // Written back as they grow, so that the sync in Finish() finds little
  // left to write: the disk works while the CPU builds the next rows.
  rocksdb::EnvOptions env_options;
  env_options.bytes_per_sync = size_t{1} << 20;
  // The pages stay cached: View() reads the files right after ingestion.
  writer_ = std::make_unique<rocksdb::SstFileWriter>(
      env_options, options, family_, /*invalidate_page_cache=*/false);
  return FromRocksDb(writer_->Open(path_), absl::StrCat("create ", path_));
}

absl::Status SstFile::Put(absl::string_view key, absl::string_view value) {
  if (writer_ == nullptr) MSKG_RETURN_IF_ERROR(Open());
  return FromRocksDb(writer_->Put(ToSlice(key), ToSlice(value)),
                     absl::StrCat("write ", path_));
}

absl::Status SstFile::Delete(absl::string_view key) {
  if (writer_ == nullptr) MSKG_RETURN_IF_ERROR(Open());
  return FromRocksDb(writer_->Delete(ToSlice(key)),
                     absl::StrCat("write ", path_));
}

absl::Status SstFile::Finish(
    std::vector<rocksdb::IngestExternalFileArg>* args) {
  if (writer_ == nullptr) return absl::OkStatus();
  MSKG_RETURN_IF_ERROR(
      FromRocksDb(writer_->Finish(), absl::StrCat("finish ", path_)));
  rocksdb::IngestExternalFileArg arg;
  arg.column_family = family_;
  arg.external_files.push_back(path_);
  arg.options.move_files = true;
  arg.options.write_global_seqno = false;
  arg.options.allow_global_seqno = true;
  arg.options.allow_blocking_flush = true;
  args->push_back(std::move(arg));
  return absl::OkStatus();
}

absl::StatusOr<HeldFileSetLock> LockForIngestion(const SstBulkTarget& target) {
  return FileSetLock::Acquire(target.path, FileSetLock::Mode::kExclusive,
                              absl::Seconds(60), /*create=*/true);
}

absl::StatusOr<std::string> MakeBulkLoadDir(const SstBulkTarget& target) {
  // In the store's directory, so that ingestion can hard-link the files.
  const std::string dir = absl::StrCat(target.path, "/bulk_load.tmp");
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (!std::filesystem::create_directory(dir, ec)) {
    return absl::InternalError(
        absl::StrCat("cannot create ", dir, ": ", ec.message()));
  }
  return dir;
}

}  // namespace mskg::graph
