// Tests of Snapshot (snapshot.h): BuildSnapshot() gathers the store's view,
// an engine and a search index over it and the id-to-index map under the
// given version; SnapshotHolder publishes a later snapshot without changing
// one a reader holds; PageCache (page_cache.h) keeps pages within its bytes.
#include "server/snapshot.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "schema/graph.pb.h"
#include "server/page_cache.h"

namespace mskg::server {
namespace {

schema::NodeKey Key(schema::NodeType type, const std::string& name) {
  schema::NodeKey key;
  key.set_type(type);
  key.set_name(name);
  return key;
}

// One document: `muscle` inserts on the femur.
schema::DocumentClaims Doc(const std::string& id, const std::string& muscle) {
  schema::DocumentClaims doc;
  doc.set_document_id(id);
  doc.set_content_hash(id + muscle);
  schema::Claim& claim = *doc.add_claims();
  *claim.mutable_subject() = Key(schema::MUSCLE, muscle);
  *claim.mutable_object() = Key(schema::STRUCTURE, "femur");
  claim.set_relation(schema::INSERTS_ON);
  claim.mutable_provenance()->set_document_id(id);
  claim.mutable_provenance()->set_sentence(muscle + " inserts on the femur.");
  return doc;
}

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    path_ = std::string(tmp != nullptr ? tmp : "/tmp") + "/snapshot_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(path_);
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    ASSERT_TRUE(store_->PutDocument(Doc("d1", "psoas major")).ok());
  }

  std::shared_ptr<const Snapshot> Build(uint64_t version) {
    absl::StatusOr<std::shared_ptr<const Snapshot>> snapshot =
        BuildSnapshot(*store_, version);
    EXPECT_TRUE(snapshot.ok()) << snapshot.status();
    return snapshot.ok() ? *snapshot : nullptr;
  }

  std::string path_;
  std::unique_ptr<graph::GraphStore> store_;
};

TEST_F(SnapshotTest, GathersViewEngineSearchAndIds) {
  std::shared_ptr<const Snapshot> snapshot = Build(7);
  ASSERT_NE(snapshot, nullptr);
  EXPECT_EQ(snapshot->version, 7u);
  ASSERT_NE(snapshot->view, nullptr);
  ASSERT_EQ(snapshot->view->num_nodes(), 2u);  // psoas major, femur.
  // Every node's id maps to its index.
  ASSERT_EQ(snapshot->index_of_id.size(), 2u);
  for (graph::NodeIndex v = 0; v < snapshot->view->num_nodes(); ++v) {
    auto it = snapshot->index_of_id.find(snapshot->view->node(v).id);
    ASSERT_NE(it, snapshot->index_of_id.end());
    EXPECT_EQ(it->second, v);
  }
  // The search index is over this view.
  std::vector<SearchIndex::Hit> hits =
      snapshot->search.Search("psoas", schema::NODE_TYPE_UNSPECIFIED, 5);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(snapshot->view->node(hits[0].node).name, "psoas major");
  // So is the engine.
  absl::StatusOr<query::ResultTable> table = snapshot->engine.Run(
      "MATCH (m:Muscle)-[:INSERTS_ON]->(s) RETURN m.name, s.name");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].values[0].AsString(), "psoas major");
  EXPECT_EQ(table->rows[0].values[1].AsString(), "femur");
}

TEST_F(SnapshotTest, LaterWritesDoNotChangeABuiltSnapshot) {
  std::shared_ptr<const Snapshot> first = Build(1);
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(store_->PutDocument(Doc("d2", "adductor magnus")).ok());
  std::shared_ptr<const Snapshot> second = Build(2);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->view->num_nodes(), 2u);
  EXPECT_EQ(second->view->num_nodes(), 3u);
  EXPECT_TRUE(first->search.Search("adductor", schema::NODE_TYPE_UNSPECIFIED, 5)
                  .empty());
  EXPECT_EQ(second->search.Search("adductor", schema::NODE_TYPE_UNSPECIFIED, 5)
                .size(),
            1u);
  absl::StatusOr<query::ResultTable> old_rows =
      first->engine.Run("MATCH (m:Muscle) RETURN m.name");
  ASSERT_TRUE(old_rows.ok()) << old_rows.status();
  EXPECT_EQ(old_rows->rows.size(), 1u);
}

TEST_F(SnapshotTest, HolderPublishesWithoutTearingAReader) {
  std::shared_ptr<const Snapshot> first = Build(1);
  ASSERT_NE(first, nullptr);
  SnapshotHolder holder(first);
  std::weak_ptr<const Snapshot> watch = first;
  first.reset();

  std::shared_ptr<const Snapshot> reading = holder.Current();
  ASSERT_NE(reading, nullptr);
  EXPECT_EQ(reading->version, 1u);

  ASSERT_TRUE(store_->PutDocument(Doc("d2", "adductor magnus")).ok());
  holder.Publish(Build(2));
  EXPECT_EQ(holder.Current()->version, 2u);
  // The reader's snapshot lives on, unchanged, while it is held ...
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(reading->version, 1u);
  EXPECT_EQ(reading->view->num_nodes(), 2u);
  // ... and is freed with its last holder.
  reading.reset();
  EXPECT_TRUE(watch.expired());
}

std::shared_ptr<const std::string> Page(size_t bytes) {
  return std::make_shared<const std::string>(bytes, 'x');
}

TEST(PageCacheTest, FindsWhatWasInserted) {
  PageCache cache(1000);
  EXPECT_EQ(cache.Find("/v1/nodes/psoas"), nullptr);
  std::shared_ptr<const std::string> page = Page(10);
  cache.Insert("/v1/nodes/psoas", page);
  EXPECT_EQ(cache.Find("/v1/nodes/psoas"), page);
  EXPECT_EQ(cache.Find("/v1/nodes/psoa"), nullptr);
  // The first page under a key stays.
  cache.Insert("/v1/nodes/psoas", Page(20));
  EXPECT_EQ(cache.Find("/v1/nodes/psoas"), page);
}

TEST(PageCacheTest, PagesOverAQuarterAreNotKept) {
  PageCache cache(100);
  cache.Insert("k", Page(24));  // 25 bytes with its key: a quarter.
  EXPECT_NE(cache.Find("k"), nullptr);
  cache.Insert("j", Page(25));  // 26.
  EXPECT_EQ(cache.Find("j"), nullptr);
}

TEST(PageCacheTest, EmptiesWhenFull) {
  PageCache cache(100);
  for (const char* key : {"a", "b", "c", "d"}) cache.Insert(key, Page(24));
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_NE(cache.Find(key), nullptr) << key;  // 100 bytes: full.
  }
  cache.Insert("e", Page(24));
  EXPECT_NE(cache.Find("e"), nullptr);
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_EQ(cache.Find(key), nullptr) << key;
  }
}

}  // namespace
}  // namespace mskg::server
