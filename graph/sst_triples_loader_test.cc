// graph/sst_triples_loader_test.cc
//
// Tests of SstTriplesLoader's contract on a bare database: nothing is
// written before Finish(), and a loader destroyed without it leaves the
// database and folder as they were; a document's rows in several chunks
// are one document; an exact duplicate row counts once; a stored document
// named again is replaced; ids past kMaxNodeId are OutOfRange. (That the
// bytes equal the per-document path's is write_paths_test.)
#include "graph/sst_triples_loader.h"

#include <filesystem>
#include <string>
#include <vector>

#include "graph/key_codec.h"
#include "graph/sst_test_db.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

struct Row {
  std::string muscle;
  std::string nerve;
  std::string document;
};

// Fills `batch` with rows MUSCLE INNERVATED_BY NERVE.
void Fill(TripleBatch* batch, const std::vector<Row>& rows) {
  batch->Clear();
  std::string& text = *batch->mutable_text();
  for (const Row& row : rows) text += row.muscle + row.nerve;
  size_t offset = 0;
  const absl::string_view view(text);
  for (const Row& row : rows) {
    const uint32_t doc = batch->AddDocument(row.document);
    const absl::string_view muscle = view.substr(offset, row.muscle.size());
    offset += row.muscle.size();
    const absl::string_view nerve = view.substr(offset, row.nerve.size());
    offset += row.nerve.size();
    batch->AddRow({muscle, nerve, doc, schema::MUSCLE, schema::INNERVATED_BY,
                   schema::NERVE});
  }
}

TEST(SstTriplesLoaderTest, NothingWrittenWithoutFinish) {
  SstTestDb db;
  {
    SstTriplesLoader loader(db.target(), keys::StoredStats(), 1);
    TripleBatch batch;
    Fill(&batch, {{"psoas", "femoral", "d1"}});
    ASSERT_TRUE(loader.AddChunk(batch).ok());
    EXPECT_EQ(loader.rows(), 1);
    EXPECT_TRUE(std::filesystem::exists(db.path() + "/bulk_load.tmp"));
  }
  EXPECT_FALSE(std::filesystem::exists(db.path() + "/bulk_load.tmp"));
  for (const char* family : {keys::kNodesCf, keys::kEdgesCf, keys::kSupportsCf,
                             keys::kDocumentsCf, keys::kMetaCf}) {
    EXPECT_TRUE(db.Rows(family).empty()) << family;
  }
}

TEST(SstTriplesLoaderTest, ChunksMakeOneImport) {
  SstTestDb db;
  SstTriplesLoader loader(db.target(), keys::StoredStats(), 1);
  TripleBatch batch;
  Fill(&batch, {{"psoas", "femoral", "d1"},
                {"psoas", "femoral", "d1"},  // Exact duplicate.
                {"iliacus", "femoral", "d2"}});
  ASSERT_TRUE(loader.AddChunk(batch).ok());
  Fill(&batch, {{"Psoas", "Femoral", "d2"}, {"gracilis", "obturator", "d1"}});
  ASSERT_TRUE(loader.AddChunk(batch).ok());
  EXPECT_EQ(loader.rows(), 5);
  ASSERT_TRUE(loader.Finish().ok());
  EXPECT_EQ(loader.next_node_id(), 6u);
  const keys::StoredStats& stats = loader.stats();
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.nodes, 5);
  EXPECT_EQ(stats.edges, 3);
  EXPECT_EQ(stats.supports, 4);  // (edge, document) pairs.
  EXPECT_EQ(keys::EncodeStats(db.MetaStats()), keys::EncodeStats(stats));
  EXPECT_EQ(db.Rows(keys::kDocumentsCf).size(), 2u);
  EXPECT_EQ(db.Rows(keys::kSupportsCf).size(), 4u);
  EXPECT_EQ(db.Rows(keys::kEdgesCf).size(), 6u);
  // d1's record lists its edges from both chunks.
  std::string value;
  ASSERT_TRUE(db.db()
                  ->Get(rocksdb::ReadOptions(), db.family(keys::kDocumentsCf),
                        "d1", &value)
                  .ok());
  schema::Document d1;
  ASSERT_TRUE(d1.ParseFromString(value));
  EXPECT_EQ(d1.claims_size(), 2);
}

TEST(SstTriplesLoaderTest, ReplacesStoredDocuments) {
  SstTestDb db;
  keys::StoredStats stats;
  uint64_t next_node_id = 1;
  TripleBatch batch;
  {
    SstTriplesLoader loader(db.target(), stats, next_node_id);
    Fill(&batch, {{"psoas", "femoral", "d1"}, {"iliacus", "femoral", "d2"}});
    ASSERT_TRUE(loader.AddChunk(batch).ok());
    ASSERT_TRUE(loader.Finish().ok());
    stats = loader.stats();
    next_node_id = loader.next_node_id();
  }
  SstTriplesLoader loader(db.target(), stats, next_node_id);
  Fill(&batch, {{"gracilis", "obturator", "d1"}});  // d1 says otherwise now.
  ASSERT_TRUE(loader.AddChunk(batch).ok());
  ASSERT_TRUE(loader.Finish().ok());
  EXPECT_EQ(loader.stats().documents, 2);
  EXPECT_EQ(loader.stats().edges, 2);  // psoas -> femoral is gone.
  EXPECT_EQ(loader.stats().nodes, 5);  // Nodes stay.
  EXPECT_EQ(db.Rows(keys::kSupportsCf).size(), 2u);
  EXPECT_EQ(db.Rows(keys::kEdgesCf).size(), 4u);
}

TEST(SstTriplesLoaderTest, NodeIdsPastTheRunsRangeAreOutOfRange) {
  SstTestDb db;
  SstTriplesLoader loader(db.target(), keys::StoredStats(),
                          SstTriplesLoader::kMaxNodeId + 1);
  TripleBatch batch;
  Fill(&batch, {{"psoas", "femoral", "d1"}});
  EXPECT_EQ(loader.AddChunk(batch).code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace mskg::graph
