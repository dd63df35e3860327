// graph/store_test_fixture.h
//
// What graph_store_test and bulk_loader_test share: node keys and claims
// to build documents from, two small documents, and
// GraphStoreTest, a fixture with a fresh store in a folder named after
// the running test.
//
// Test-only; private to //graph.
#ifndef MSKG_GRAPH_STORE_TEST_FIXTURE_H_
#define MSKG_GRAPH_STORE_TEST_FIXTURE_H_

#include <algorithm>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

inline schema::NodeKey Key(schema::NodeType type, const std::string& name,
                           std::vector<std::string> aliases = {}) {
  schema::NodeKey key;
  key.set_type(type);
  key.set_name(name);
  for (const std::string& a : aliases) key.add_aliases(a);
  return key;
}

inline schema::Claim MakeClaim(const schema::NodeKey& s, schema::Relation r,
                               const schema::NodeKey& o,
                               const std::string& sentence,
                               schema::Polarity polarity = schema::AFFIRMED) {
  schema::Claim claim;
  *claim.mutable_subject() = s;
  claim.set_relation(r);
  *claim.mutable_object() = o;
  claim.mutable_provenance()->set_sentence(sentence);
  claim.mutable_provenance()->set_begin(10);
  claim.mutable_provenance()->set_end(10 + sentence.size());
  claim.mutable_provenance()->set_rule("test_rule");
  claim.mutable_provenance()->set_confidence(0.75f);
  claim.mutable_provenance()->set_polarity(polarity);
  return claim;
}

inline const schema::NodeKey kPsoas =
    Key(schema::MUSCLE, "psoas major", {"psoas"});
inline const schema::NodeKey kHipFlexors =
    Key(schema::MUSCLE, "hip flexors", {"iliopsoas group"});
inline const schema::NodeKey kGlutes = Key(schema::MUSCLE, "gluteal muscles");
inline const schema::NodeKey kFemur = Key(schema::STRUCTURE, "femur");

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = absl::StrCat(
        ::testing::TempDir(), "/store_",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    // Parameterized tests are named "Name/Param".
    std::replace(path_.begin() + ::testing::TempDir().size(), path_.end(), '/',
                 '_');
    std::filesystem::remove_all(path_);
    OpenStore();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(path_);
  }

  void OpenStore(GraphStoreOptions options = {}) {
    store_.reset();
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(path_, options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  static schema::DocumentClaims DocA(const std::string& hash = "ha") {
    schema::DocumentClaims doc;
    doc.set_document_id("a.md");
    doc.set_content_hash(hash);
    doc.set_size_bytes(100);
    *doc.add_claims() = MakeClaim(kPsoas, schema::PART_OF, kHipFlexors,
                                  "The psoas major is a hip flexor.");
    *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                                  "Hip flexors oppose the glutes.");
    return doc;
  }

  static schema::DocumentClaims DocB() {
    schema::DocumentClaims doc;
    doc.set_document_id("b.md");
    doc.set_content_hash("hb");
    *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                                  "The glutes oppose hip flexion.");
    return doc;
  }

  StoreStats GetStats() {
    absl::StatusOr<StoreStats> stats = store_->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? *stats : StoreStats();
  }

  std::shared_ptr<const GraphView> GetView() {
    absl::StatusOr<std::shared_ptr<const GraphView>> view = store_->View();
    EXPECT_TRUE(view.ok()) << view.status();
    return view.ok() ? *view : nullptr;
  }

  // Asserted (non-inferred) edge source -r-> target in the view, or null;
  // kept by the fixture (it points into `view`, which must outlive it).
  const EdgeInfo* Asserted(const GraphView& view,
                                  const schema::NodeKey& s, schema::Relation r,
                                  const schema::NodeKey& o) {
    NodeIndex si = view.Find(s.type(), s.name());
    NodeIndex oi = view.Find(o.type(), o.name());
    if (si == kInvalidIndex || oi == kInvalidIndex) return nullptr;
    EdgeIndex e = view.FindEdge(si, r, oi);
    if (e == kInvalidIndex || view.edge(e).inferred) return nullptr;
    asserted_.push_back(view.edge(e));
    return &asserted_.back();
  }

  std::string path_;
  std::unique_ptr<GraphStore> store_;
  std::deque<EdgeInfo> asserted_;  // What Asserted() returned.
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STORE_TEST_FIXTURE_H_
