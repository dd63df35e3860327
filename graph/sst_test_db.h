// graph/sst_test_db.h
//
// SstTestDb: a bare RocksDB database with a GraphStore's column families
// in a temporary folder, for the tests of the SST loaders (sst_file_test,
// sst_bulk_loader_test, sst_triples_loader_test), which work on an
// SstBulkTarget rather than a GraphStore.
//
// Test-only; private to //graph.
#ifndef MSKG_GRAPH_SST_TEST_DB_H_
#define MSKG_GRAPH_SST_TEST_DB_H_

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/sst_file.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"

namespace mskg::graph {

class SstTestDb {
 public:
  // Creates an empty database in a new folder named after the running test.
  SstTestDb() {
    path_ = absl::StrCat(
        ::testing::TempDir(), "/sst_test_db_",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    rocksdb::Options options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName,
                             rocksdb::ColumnFamilyOptions());
    for (const char* name : kFamilies) {
      descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    rocksdb::DB* raw = nullptr;
    const rocksdb::Status s =
        rocksdb::DB::Open(options, path_, descriptors, &handles_, &raw);
    db_.reset(raw);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  ~SstTestDb() {
    for (rocksdb::ColumnFamilyHandle* handle : handles_) {
      db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    }
    db_.reset();
    std::filesystem::remove_all(path_);
  }

  rocksdb::DB* db() { return db_.get(); }
  const std::string& path() const { return path_; }
  rocksdb::ColumnFamilyHandle* family(const char* name) {
    for (size_t i = 0; i < std::size(kFamilies); ++i) {
      if (absl::string_view(kFamilies[i]) == name) return handles_[i + 1];
    }
    ADD_FAILURE() << "no family " << name;
    return nullptr;
  }

  SstBulkTarget target() {
    SstBulkTarget target;
    target.db = db_.get();
    target.nodes = family(keys::kNodesCf);
    target.node_keys = family(keys::kNodeKeysCf);
    target.edges = family(keys::kEdgesCf);
    target.supports = family(keys::kSupportsCf);
    target.documents = family(keys::kDocumentsCf);
    target.meta = family(keys::kMetaCf);
    target.path = path_;
    return target;
  }

  // Returns the rows of family `name` in key order.
  std::vector<std::pair<std::string, std::string>> Rows(const char* name) {
    std::vector<std::pair<std::string, std::string>> rows;
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), family(name)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rows.emplace_back(it->key().ToString(), it->value().ToString());
    }
    EXPECT_TRUE(it->status().ok());
    return rows;
  }

  // Returns the "meta" stats record (empty stats if absent).
  keys::StoredStats MetaStats() {
    keys::StoredStats stats;
    std::string value;
    if (db_->Get(rocksdb::ReadOptions(), family(keys::kMetaCf),
                 keys::kMetaStats, &value)
            .ok()) {
      EXPECT_TRUE(keys::DecodeStats(value, &stats));
    }
    return stats;
  }

 private:
  static constexpr const char* kFamilies[] = {
      keys::kNodesCf,    keys::kNodeKeysCf,  keys::kEdgesCf,
      keys::kSupportsCf, keys::kDocumentsCf, keys::kMetaCf};

  std::string path_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SST_TEST_DB_H_
