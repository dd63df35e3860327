// graph/key_codec_test.cc
//
// Tests of the RocksDB key and value encodings.
#include "graph/key_codec.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg::graph::keys {
namespace {

TEST(KeyCodecTest, BigEndianSortsNumerically) {
  EXPECT_LT(NodeRowKey(255), NodeRowKey(256));
  EXPECT_LT(NodeRowKey(1), NodeRowKey(uint64_t{1} << 40));
  EXPECT_EQ(ReadBigEndian64(NodeRowKey(0x0102030405060708)),
            0x0102030405060708u);
}

TEST(KeyCodecTest, EdgeRowRoundTripAndPrefixes) {
  const std::string key = EdgeRowKey(7, kIn, schema::PART_OF, 9);
  EdgeRow row;
  ASSERT_TRUE(DecodeEdgeRowKey(key, &row));
  EXPECT_EQ(row.node, 7u);
  EXPECT_EQ(row.direction, kIn);
  EXPECT_EQ(row.relation, schema::PART_OF);
  EXPECT_EQ(row.other, 9u);
  EXPECT_EQ(key.rfind(EdgeRowPrefix(7, kIn, schema::PART_OF), 0), 0u);
  EXPECT_EQ(key.rfind(EdgeRowPrefix(7), 0), 0u);
  EXPECT_NE(key.rfind(EdgeRowPrefix(7, kOut), 0), 0u);
  EdgeCounts counts;
  ASSERT_TRUE(DecodeEdgeCounts(EncodeEdgeCounts({3, 300}), &counts));
  EXPECT_EQ(counts.documents, 3u);
  EXPECT_EQ(counts.sentences, 300u);
  EXPECT_FALSE(DecodeEdgeCounts("\x80", &counts));
}

TEST(KeyCodecTest, SupportKeyRoundTrip) {
  const Triple triple{1, schema::ANTAGONIST_OF, 2};
  const std::string key = SupportKey(triple, "doc/a.md");
  Triple decoded;
  absl::string_view document_id;
  ASSERT_TRUE(DecodeSupportKey(key, &decoded, &document_id));
  EXPECT_EQ(decoded, triple);
  EXPECT_EQ(document_id, "doc/a.md");
  EXPECT_EQ(key.rfind(SupportPrefix(triple), 0), 0u);
}

TEST(KeyCodecTest, NameAndIdentityKeys) {
  EXPECT_EQ(NameRowKey("hip flexor", 1).substr(0, 11),
            std::string("hip flexor\0", 11));
  EXPECT_EQ(NodeIdentityKey(schema::MUSCLE, "Hip Flexors"),
            NodeIdentityKey(schema::MUSCLE, "hip-flexor"));
  EXPECT_NE(NodeIdentityKey(schema::MUSCLE, "hip flexors"),
            NodeIdentityKey(schema::STRUCTURE, "hip flexors"));
}

TEST(KeyCodecTest, StatsRoundTrip) {
  StoredStats stats;
  stats.documents = 2;
  stats.nodes = 1000000;
  stats.edges = 5;
  stats.supports = 7;
  stats.nodes_by_type[10] = 3;
  stats.edges_by_relation[18] = 4;
  StoredStats decoded;
  ASSERT_TRUE(DecodeStats(EncodeStats(stats), &decoded));
  EXPECT_EQ(decoded.nodes, 1000000);
  EXPECT_EQ(decoded.nodes_by_type[10], 3);
  EXPECT_EQ(decoded.edges_by_relation[18], 4);
  EXPECT_FALSE(DecodeStats("\x01", &decoded));
}

}  // namespace
}  // namespace mskg::graph::keys
