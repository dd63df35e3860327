// graph/triple_batch_test.cc
//
// Tests of TripleBatch's contract: documents numbered once each, Clear()
// and Release() empty it, ToDocuments() builds what interop's triples
// reader builds for the rows.
#include "graph/triple_batch.h"

#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

TEST(TripleBatchTest, DocumentsRowsAndToDocuments) {
  TripleBatch batch;
  *batch.mutable_text() = "psoasfemur";
  const absl::string_view text = batch.text();
  EXPECT_EQ(batch.AddDocument("d1"), 0u);
  EXPECT_EQ(batch.AddDocument("d2"), 1u);
  EXPECT_EQ(batch.AddDocument("d1"), 0u);
  batch.AddRow({text.substr(0, 5), text.substr(5), 1, schema::MUSCLE,
                schema::INSERTS_ON, schema::STRUCTURE});
  batch.AddRow({text.substr(0, 5), text.substr(5), 0, schema::MUSCLE,
                schema::ATTACHES_TO, schema::STRUCTURE});
  EXPECT_EQ(batch.documents().size(), 2u);
  EXPECT_EQ(batch.rows().size(), 2u);
  EXPECT_GT(batch.MemoryBytes(), 0u);

  const std::vector<schema::DocumentClaims> docs = batch.ToDocuments();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].document_id(), "d1");
  ASSERT_EQ(docs[0].claims_size(), 1);
  EXPECT_EQ(docs[0].claims(0).relation(), schema::ATTACHES_TO);
  ASSERT_EQ(docs[1].claims_size(), 1);
  const schema::Claim& claim = docs[1].claims(0);
  EXPECT_EQ(claim.subject().name(), "psoas");
  EXPECT_EQ(claim.subject().type(), schema::MUSCLE);
  EXPECT_EQ(claim.object().name(), "femur");
  EXPECT_EQ(claim.object().type(), schema::STRUCTURE);
  EXPECT_EQ(claim.provenance().document_id(), "d2");
  EXPECT_EQ(claim.provenance().polarity(), schema::AFFIRMED);
  EXPECT_EQ(claim.provenance().confidence(), 1.0f);
  EXPECT_TRUE(claim.provenance().sentence().empty());

  batch.Clear();
  EXPECT_TRUE(batch.rows().empty());
  EXPECT_TRUE(batch.documents().empty());
  EXPECT_TRUE(batch.text().empty());
  EXPECT_EQ(batch.AddDocument("d2"), 0u);  // Numbering starts again.
  batch.Release();
  EXPECT_TRUE(batch.documents().empty());
}

}  // namespace
}  // namespace mskg::graph
