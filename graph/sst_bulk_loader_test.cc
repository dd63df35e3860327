// graph/sst_bulk_loader_test.cc
//
// Tests of SstBulkLoad()'s contract on a bare database: new documents are
// written with their nodes, edges, supports and meta rows, and the stats
// and id counter advance; a call naming a stored document writes nothing
// and returns false; a repeated id is InvalidArgument; stored nodes and
// edges are reused and their counts added to. (That the bytes equal the
// per-document path's is write_paths_test.)
#include "graph/sst_bulk_loader.h"

#include <filesystem>
#include <string>
#include <vector>

#include "graph/key_codec.h"
#include "graph/sst_test_db.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

schema::DocumentClaims Doc(const std::string& id,
                           const std::vector<std::string>& muscles) {
  schema::DocumentClaims doc;
  doc.set_document_id(id);
  for (const std::string& muscle : muscles) {
    schema::Claim* claim = doc.add_claims();
    claim->mutable_subject()->set_type(schema::MUSCLE);
    claim->mutable_subject()->set_name(muscle);
    claim->set_relation(schema::INSERTS_ON);
    claim->mutable_object()->set_type(schema::STRUCTURE);
    claim->mutable_object()->set_name("femur");
    claim->mutable_provenance()->set_sentence(muscle + " inserts on femur");
  }
  return doc;
}

TEST(SstBulkLoaderTest, LoadsNewDocuments) {
  SstTestDb db;
  keys::StoredStats stats;
  uint64_t next_node_id = 1;
  absl::StatusOr<bool> loaded = SstBulkLoad(
      db.target(), {Doc("d1", {"psoas", "iliacus"}), Doc("d2", {"psoas"})},
      &stats, &next_node_id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);
  EXPECT_EQ(next_node_id, 4u);  // psoas 1, femur 2, iliacus 3.
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.nodes, 3);
  EXPECT_EQ(stats.nodes_by_type[schema::MUSCLE], 2);
  EXPECT_EQ(stats.edges, 2);
  EXPECT_EQ(stats.edges_by_relation[schema::INSERTS_ON], 2);
  EXPECT_EQ(stats.supports, 3);
  EXPECT_EQ(db.Rows(keys::kNodesCf).size(), 3u);
  EXPECT_EQ(db.Rows(keys::kNodeKeysCf).size(), 3u);
  EXPECT_EQ(db.Rows(keys::kEdgesCf).size(), 4u);  // 'o' and 'i' rows.
  EXPECT_EQ(db.Rows(keys::kSupportsCf).size(), 3u);
  EXPECT_EQ(db.Rows(keys::kDocumentsCf).size(), 2u);
  const keys::StoredStats meta = db.MetaStats();
  EXPECT_EQ(meta.supports, 3);
  EXPECT_EQ(keys::EncodeStats(meta), keys::EncodeStats(stats));
  // psoas -> femur has two supporting documents.
  std::string value;
  ASSERT_TRUE(db.db()
                  ->Get(rocksdb::ReadOptions(), db.family(keys::kEdgesCf),
                        keys::EdgeRowKey(1, keys::kOut, schema::INSERTS_ON, 2),
                        &value)
                  .ok());
  keys::EdgeCounts counts;
  ASSERT_TRUE(keys::DecodeEdgeCounts(value, &counts));
  EXPECT_EQ(counts.documents, 2u);
  EXPECT_EQ(counts.sentences, 2u);
  EXPECT_FALSE(std::filesystem::exists(db.path() + "/bulk_load.tmp"));

  // A second load reuses the stored nodes and adds to the stored counts.
  loaded = SstBulkLoad(db.target(), {Doc("d3", {"Psoas", "gracilis"})}, &stats,
                       &next_node_id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded);
  EXPECT_EQ(next_node_id, 5u);  // Only gracilis is new.
  EXPECT_EQ(stats.nodes, 4);
  EXPECT_EQ(stats.edges, 3);
  ASSERT_TRUE(db.db()
                  ->Get(rocksdb::ReadOptions(), db.family(keys::kEdgesCf),
                        keys::EdgeRowKey(1, keys::kOut, schema::INSERTS_ON, 2),
                        &value)
                  .ok());
  ASSERT_TRUE(keys::DecodeEdgeCounts(value, &counts));
  EXPECT_EQ(counts.documents, 3u);
}

TEST(SstBulkLoaderTest, StoredDocumentMeansNothingWritten) {
  SstTestDb db;
  keys::StoredStats stats;
  uint64_t next_node_id = 1;
  ASSERT_TRUE(
      SstBulkLoad(db.target(), {Doc("d1", {"psoas"})}, &stats, &next_node_id)
          .ok());
  const keys::StoredStats before = stats;
  const auto supports = db.Rows(keys::kSupportsCf);
  absl::StatusOr<bool> loaded =
      SstBulkLoad(db.target(), {Doc("d2", {"iliacus"}), Doc("d1", {"x"})},
                  &stats, &next_node_id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE(*loaded);
  EXPECT_EQ(next_node_id, 3u);
  EXPECT_EQ(keys::EncodeStats(stats), keys::EncodeStats(before));
  EXPECT_EQ(db.Rows(keys::kSupportsCf), supports);
  EXPECT_EQ(db.Rows(keys::kNodesCf).size(), 2u);
}

TEST(SstBulkLoaderTest, RepeatedDocumentIdIsInvalid) {
  SstTestDb db;
  keys::StoredStats stats;
  uint64_t next_node_id = 1;
  absl::StatusOr<bool> loaded =
      SstBulkLoad(db.target(), {Doc("d1", {"psoas"}), Doc("d1", {"iliacus"})},
                  &stats, &next_node_id);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(db.Rows(keys::kNodesCf).empty());
  EXPECT_EQ(next_node_id, 1u);
}

}  // namespace
}  // namespace mskg::graph
