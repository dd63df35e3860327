// graph/rocksdb_status_test.cc
//
// Tests of the rocksdb::Status -> absl::Status mapping.
#include "graph/rocksdb_status.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/status.h"

namespace mskg::graph {
namespace {

using ::testing::HasSubstr;

TEST(RocksDbStatusTest, MapsCodes) {
  EXPECT_TRUE(FromRocksDb(rocksdb::Status::OK(), "x").ok());
  EXPECT_EQ(FromRocksDb(rocksdb::Status::Corruption("bad block"), "x").code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(FromRocksDb(rocksdb::Status::NotFound("k"), "x").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(FromRocksDb(rocksdb::Status::InvalidArgument("k"), "x").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FromRocksDb(rocksdb::Status::NotSupported("k"), "x").code(),
            absl::StatusCode::kUnimplemented);
  EXPECT_EQ(FromRocksDb(rocksdb::Status::NoSpace("disk"), "x").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(FromRocksDb(rocksdb::Status::IOError("read"), "x").code(),
            absl::StatusCode::kUnavailable);
}

TEST(RocksDbStatusTest, LockHeldIsFailedPrecondition) {
  absl::Status status = FromRocksDb(
      rocksdb::Status::IOError("While lock file: /tmp/db/LOCK",
                               "Resource temporarily unavailable"),
      "store /tmp/db");
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              HasSubstr("store /tmp/db is in use by another mskg process"));
  EXPECT_THAT(status.message(), HasSubstr("--db"));
}

TEST(RocksDbStatusTest, MessageCarriesContext) {
  absl::Status status =
      FromRocksDb(rocksdb::Status::Corruption("bad block"), "read nodes");
  EXPECT_THAT(status.message(), HasSubstr("read nodes: "));
  EXPECT_THAT(status.message(), HasSubstr("bad block"));
}

}  // namespace
}  // namespace mskg::graph
