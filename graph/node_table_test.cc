// graph/node_table_test.cc
//
// Tests of NodeTable's contract: one node per (type, NameKey(name)),
// whatever the spelling; indices in the order nodes are first named, across
// chunks; names kept after the chunk that held them is reused.
#include "graph/node_table.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

// Fills `batch` with rows (subject, object) of MUSCLE INNERVATED_BY NERVE;
// the names live in the batch's text.
void Fill(TripleBatch* batch,
          const std::vector<std::pair<std::string, std::string>>& rows) {
  batch->Clear();
  std::string& text = *batch->mutable_text();
  std::vector<size_t> offsets;
  for (const auto& [subject, object] : rows) {
    offsets.push_back(text.size());
    text += subject;
    offsets.push_back(text.size());
    text += object;
  }
  const uint32_t doc = batch->AddDocument("doc");
  for (size_t i = 0; i < rows.size(); ++i) {
    batch->AddRow(
        {absl::string_view(text).substr(offsets[2 * i], rows[i].first.size()),
         absl::string_view(text).substr(offsets[2 * i + 1],
                                        rows[i].second.size()),
         doc, schema::MUSCLE, schema::INNERVATED_BY, schema::NERVE});
  }
}

TEST(NodeTableTest, OneNodePerIdentityInFirstNamedOrder) {
  NodeTable table;
  TripleBatch batch;
  Fill(&batch, {{"Psoas Major", "femoral nerve"},
                {"psoas major", "Femoral Nerves"},
                {"iliacus", "femoral nerve"}});
  std::vector<uint32_t> nodes;
  table.ResolveRows(batch, &nodes);
  EXPECT_EQ(nodes, (std::vector<uint32_t>{0, 1, 0, 1, 2, 1}));
  ASSERT_EQ(table.size(), 3u);
  EXPECT_EQ(table.node(0).name, "Psoas Major");  // As first written.
  EXPECT_EQ(table.node(0).type, schema::MUSCLE);
  EXPECT_EQ(table.node(0).identity,
            keys::NodeIdentityKey(schema::MUSCLE, "psoas major"));
  EXPECT_EQ(table.node(1).type, schema::NERVE);
  EXPECT_EQ(table.node(2).name, "iliacus");
}

TEST(NodeTableTest, SameNameOfAnotherTypeIsAnotherNode) {
  NodeTable table;
  TripleBatch batch;
  Fill(&batch, {{"femoral", "femoral"}});  // MUSCLE and NERVE.
  std::vector<uint32_t> nodes;
  table.ResolveRows(batch, &nodes);
  EXPECT_EQ(nodes, (std::vector<uint32_t>{0, 1}));
}

TEST(NodeTableTest, AcrossChunksAndAfterTheirTextIsReused) {
  NodeTable table;
  TripleBatch batch;
  std::vector<std::pair<std::string, std::string>> rows;
  for (int i = 0; i < 1000; ++i) {  // Past the prefetch window.
    rows.emplace_back(absl::StrCat("muscle ", i % 300),
                      absl::StrCat("nerve ", i % 50));
  }
  Fill(&batch, rows);
  std::vector<uint32_t> first;
  table.ResolveRows(batch, &first);
  const size_t after_first = table.size();
  EXPECT_EQ(after_first, 350u);

  for (auto& [subject, object] : rows)
    subject = absl::StrCat("MUSCLES ", subject.substr(7));
  rows.emplace_back("new muscle", "nerve 1");
  Fill(&batch, rows);  // Overwrites the first chunk's text.
  std::vector<uint32_t> second;
  table.ResolveRows(batch, &second);
  EXPECT_EQ(table.size(), after_first + 1);
  for (size_t k = 0; k < first.size(); ++k) ASSERT_EQ(second[k], first[k]);
  EXPECT_EQ(second.back(), first[3]);  // "nerve 1".
  EXPECT_EQ(table.node(0).name, "muscle 0");
  EXPECT_EQ(table.node(static_cast<uint32_t>(after_first)).name, "new muscle");

  const size_t bytes = table.MemoryBytes();
  table.ReleaseLookups();
  EXPECT_LT(table.MemoryBytes(), bytes);
  EXPECT_EQ(table.node(0).name, "muscle 0");
}

}  // namespace
}  // namespace mskg::graph
