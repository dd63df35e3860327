// graph/sst_file_test.cc
//
// Tests of sst_file.h: an SstFile is made only when it has rows, its Puts
// and Deletes become rows and tombstones once ingested; the bulk-load
// folder starts empty; SortedMultiGet finds exactly the present keys, in
// batches; ingestion's lock can be taken.
#include "graph/sst_file.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "graph/sst_test_db.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

TEST(SstFileTest, PutsAndDeletesAfterIngestion) {
  SstTestDb db;
  rocksdb::ColumnFamilyHandle* family = db.family(keys::kDocumentsCf);
  ASSERT_TRUE(db.db()->Put(rocksdb::WriteOptions(), family, "b", "old b").ok());
  ASSERT_TRUE(db.db()->Put(rocksdb::WriteOptions(), family, "c", "old c").ok());
  absl::StatusOr<std::string> dir = MakeBulkLoadDir(db.target());
  ASSERT_TRUE(dir.ok()) << dir.status();
  std::vector<rocksdb::IngestExternalFileArg> args;
  {
    SstFile empty(db.db(), family, *dir + "/empty.sst");
    ASSERT_TRUE(empty.Finish(&args).ok());
    EXPECT_TRUE(args.empty());
    EXPECT_FALSE(std::filesystem::exists(*dir + "/empty.sst"));
  }
  SstFile file(db.db(), family, *dir + "/documents.sst");
  ASSERT_TRUE(file.Put("a", "new a").ok());
  ASSERT_TRUE(file.Delete("b").ok());
  ASSERT_TRUE(file.Put("d", "new d").ok());
  ASSERT_TRUE(file.Finish(&args).ok());
  ASSERT_EQ(args.size(), 1u);
  // Nothing is visible before ingestion.
  EXPECT_EQ(db.Rows(keys::kDocumentsCf).size(), 2u);
  absl::StatusOr<HeldFileSetLock> held = LockForIngestion(db.target());
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_TRUE(held->held());
  ASSERT_TRUE(db.db()->IngestExternalFiles(args).ok());
  using Row = std::pair<std::string, std::string>;
  EXPECT_EQ(db.Rows(keys::kDocumentsCf),
            (std::vector<Row>{{"a", "new a"}, {"c", "old c"}, {"d", "new d"}}));
}

TEST(SstFileTest, KeysMustAscend) {
  SstTestDb db;
  absl::StatusOr<std::string> dir = MakeBulkLoadDir(db.target());
  ASSERT_TRUE(dir.ok());
  SstFile file(db.db(), db.family(keys::kNodesCf), *dir + "/nodes.sst");
  ASSERT_TRUE(file.Put("b", "").ok());
  EXPECT_FALSE(file.Put("a", "").ok());
}

TEST(SstFileTest, BulkLoadDirStartsEmpty) {
  SstTestDb db;
  absl::StatusOr<std::string> dir = MakeBulkLoadDir(db.target());
  ASSERT_TRUE(dir.ok());
  EXPECT_EQ(*dir, db.path() + "/bulk_load.tmp");
  std::ofstream(*dir + "/left_by_a_crash.sst") << "x";
  dir = MakeBulkLoadDir(db.target());
  ASSERT_TRUE(dir.ok());
  EXPECT_TRUE(std::filesystem::is_empty(*dir));
}

TEST(SstFileTest, SortedMultiGetFindsThePresentKeys) {
  SstTestDb db;
  rocksdb::ColumnFamilyHandle* family = db.family(keys::kNodeKeysCf);
  // More keys than one MultiGet batch; every third one present.
  std::vector<std::string> keys;
  for (size_t i = 0; i < 2 * kMultiGetBatch + 10; ++i) {
    keys.push_back(absl::StrFormat("key%08d", i));
    if (i % 3 == 0) {
      ASSERT_TRUE(db.db()
                      ->Put(rocksdb::WriteOptions(), family, keys.back(),
                            absl::StrCat("value", i))
                      .ok());
    }
  }
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<size_t> found;
  ASSERT_TRUE(SortedMultiGet(db.db(), family, slices,
                             [&](size_t i, absl::string_view value) {
                               EXPECT_EQ(value, absl::StrCat("value", i));
                               found.push_back(i);
                               return absl::OkStatus();
                             })
                  .ok());
  ASSERT_EQ(found.size(), (keys.size() + 2) / 3);
  for (size_t k = 0; k < found.size(); ++k) EXPECT_EQ(found[k], 3 * k);
  // An error from the callback stops the lookup.
  int calls = 0;
  absl::Status status =
      SortedMultiGet(db.db(), family, slices, [&](size_t, absl::string_view) {
        ++calls;
        return absl::DataLossError("bad row");
      });
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace mskg::graph
