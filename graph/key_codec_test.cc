// graph/key_codec_test.cc
//
// Tests of the RocksDB key and value encodings: the byte layout key_codec.h
// documents, that the buffer and string forms agree, and round trips.
#include "graph/key_codec.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg::graph::keys {
namespace {

TEST(KeyCodecTest, BigEndianSortsNumerically) {
  EXPECT_LT(NodeRowKey(255), NodeRowKey(256));
  EXPECT_LT(NodeRowKey(1), NodeRowKey(uint64_t{1} << 40));
  EXPECT_EQ(NodeRowKey(0x0102030405060708),
            std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  EXPECT_EQ(ReadBigEndian64(NodeRowKey(0x0102030405060708)),
            0x0102030405060708u);
}

TEST(KeyCodecTest, VarintsAreLeb128) {
  std::string out;
  AppendVarint64(&out, 300);
  EXPECT_EQ(out, "\xAC\x02");
  char buf[kMaxVarint64Size];
  EXPECT_EQ(PutVarint64(UINT64_MAX, buf), kMaxVarint64Size);
  absl::string_view in(buf, kMaxVarint64Size);
  uint64_t value = 0;
  ASSERT_TRUE(GetVarint64(&in, &value));
  EXPECT_EQ(value, UINT64_MAX);
  EXPECT_TRUE(in.empty());
  absl::string_view truncated("\x80");
  EXPECT_FALSE(GetVarint64(&truncated, &value));
}

TEST(KeyCodecTest, EdgeRowKeyLayout) {
  const std::string key = EdgeRowKey(7, kIn, schema::PART_OF, 9);
  ASSERT_EQ(key.size(), kEdgeRowKeySize);
  EXPECT_EQ(key.substr(0, 8), NodeRowKey(7));
  EXPECT_EQ(key[8], kIn);
  EXPECT_EQ(key[9], static_cast<char>(schema::PART_OF));
  EXPECT_EQ(key.substr(10), NodeRowKey(9));
  char buf[kEdgeRowKeySize];
  EncodeEdgeRowKey(7, kIn, schema::PART_OF, 9, buf);
  EXPECT_EQ(std::string(buf, sizeof(buf)), key);
  // A node's 'i' rows sort before its 'o' rows.
  EXPECT_LT(EdgeRowKey(7, kIn, schema::DIAGNOSES, 1),
            EdgeRowKey(7, kOut, schema::PART_OF, 1));
}

TEST(KeyCodecTest, EdgeCountsRoundTrip) {
  EdgeCounts counts;
  ASSERT_TRUE(DecodeEdgeCounts(EncodeEdgeCounts({3, 300}), &counts));
  EXPECT_EQ(counts.documents, 3u);
  EXPECT_EQ(counts.sentences, 300u);
  char buf[kMaxEdgeCountsSize];
  const size_t n = EncodeEdgeCounts({3, 300}, buf);
  EXPECT_EQ(std::string(buf, n), EncodeEdgeCounts({3, 300}));
  EXPECT_FALSE(DecodeEdgeCounts("\x80", &counts));
  EXPECT_FALSE(DecodeEdgeCounts(EncodeEdgeCounts({1, 1}) + "x", &counts));
}

TEST(KeyCodecTest, SupportKeyRoundTrip) {
  const Triple triple{1, schema::ANTAGONIST_OF, 2};
  const std::string key = SupportKey(triple, "doc/a.md");
  EXPECT_EQ(key.size(), kTripleKeySize + 8);
  Triple decoded;
  absl::string_view document_id;
  ASSERT_TRUE(DecodeSupportKey(key, &decoded, &document_id));
  EXPECT_EQ(decoded, triple);
  EXPECT_EQ(document_id, "doc/a.md");
  std::string reused = "some longer text that is replaced";
  AssignSupportKey(1, schema::ANTAGONIST_OF, 2, "doc/a.md", &reused);
  EXPECT_EQ(reused, key);
  EXPECT_FALSE(DecodeSupportKey("short", &decoded, &document_id));
}

TEST(KeyCodecTest, SupportValueIsTheSupportMessage) {
  schema::Provenance with_id;
  with_id.set_document_id("other");
  with_id.set_sentence("psoas flexes the hip");
  schema::Provenance without_id;
  without_id.set_sentence("iliacus too");
  without_id.set_polarity(schema::NEGATED);
  std::string value;
  std::string bytes;
  SerializeStoredProvenance(with_id, "doc", &bytes);
  AppendSupportField(bytes, &value);
  SerializeStoredProvenance(without_id, "doc", &bytes);
  AppendSupportField(bytes, &value);

  schema::Support expected;
  *expected.add_provenance() = with_id;
  *expected.add_provenance() = without_id;
  expected.mutable_provenance(1)->set_document_id("doc");
  EXPECT_EQ(value, expected.SerializeAsString());

  schema::Support row;
  ASSERT_TRUE(row.ParseFromString(TripleRowSupportField("d1")));
  ASSERT_EQ(row.provenance_size(), 1);
  EXPECT_EQ(row.provenance(0).document_id(), "d1");
  EXPECT_EQ(row.provenance(0).polarity(), schema::AFFIRMED);
  EXPECT_EQ(row.provenance(0).confidence(), 1.0f);
}

TEST(KeyCodecTest, IdentityKeys) {
  EXPECT_EQ(NodeIdentityKey(schema::MUSCLE, "Hip Flexors"),
            NodeIdentityKey(schema::MUSCLE, "hip-flexor"));
  EXPECT_NE(NodeIdentityKey(schema::MUSCLE, "hip flexors"),
            NodeIdentityKey(schema::STRUCTURE, "hip flexors"));
  EXPECT_EQ(NodeIdentityKey(schema::MUSCLE, "x")[0],
            static_cast<char>(schema::MUSCLE));
}

TEST(KeyCodecTest, IngestTimeCanBeFixedForTests) {
  SetIngestTimeForTesting(42);
  EXPECT_EQ(IngestTimeMicros(), 42);
  SetIngestTimeForTesting(0);
  EXPECT_GT(IngestTimeMicros(), 42);
}

TEST(KeyCodecTest, StatsRoundTrip) {
  StoredStats stats;
  stats.documents = 2;
  stats.nodes = 1000000;
  stats.edges = 5;
  stats.supports = 7;
  stats.nodes_by_type[kNumNodeTypeSlots - 1] = 3;
  stats.edges_by_relation[kNumRelationSlots - 1] = 4;
  StoredStats decoded;
  ASSERT_TRUE(DecodeStats(EncodeStats(stats), &decoded));
  EXPECT_EQ(decoded.nodes, 1000000);
  EXPECT_EQ(decoded.nodes_by_type[kNumNodeTypeSlots - 1], 3);
  EXPECT_EQ(decoded.edges_by_relation[kNumRelationSlots - 1], 4);
  EXPECT_FALSE(DecodeStats("\x01", &decoded));
  EXPECT_FALSE(DecodeStats(EncodeStats(stats) + "\x01", &decoded));
}

}  // namespace
}  // namespace mskg::graph::keys
