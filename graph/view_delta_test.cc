// graph/view_delta_test.cc
//
// View() after document writes patches the last view with what they
// changed (view_building.cc). Differential test: random sequences of
// PutDocument (new and replacing documents, aliases, negations, reference
// facts) and DeleteDocument on small graphs, the patched view compared after
// each step with a full rebuild through every accessor (view_testing.h);
// and a view held across writes stays as it was.
#include <atomic>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/store_test_fixture.h"
#include "graph/store_testing.h"
#include "graph/view_patch.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"
#include "schema/graph.pb.h"

namespace mskg::graph {
namespace {

class ViewDeltaTest : public GraphStoreTest,
                      public ::testing::WithParamInterface<int> {
 protected:
  // A node of a small pool, so that documents share nodes and edges.
  schema::NodeKey RandomNode(std::mt19937* rng) {
    static const char* kMuscles[] = {"psoas major", "hip flexors", "iliacus",
                                     "gluteus maximus", "glutes", "hamstrings"};
    static const char* kActions[] = {"hip flexion", "hip extension",
                                     "knee flexion"};
    const int pick = (*rng)() % 10;
    if (pick < 6) {
      std::vector<std::string> aliases;
      if ((*rng)() % 4 == 0) aliases.push_back(absl::StrCat("alias ", (*rng)() % 5));
      return Key(schema::MUSCLE, kMuscles[pick], aliases);
    }
    if (pick < 8) return Key(schema::ACTION, kActions[(*rng)() % 3]);
    return Key(schema::STRUCTURE, absl::StrCat("landmark ", (*rng)() % 12));
  }

  schema::DocumentClaims RandomDocument(std::mt19937* rng, int step) {
    static const char* kDocs[] = {"a.md", "b.md", "c.md", "d.md",
                                  kReferenceDocument};
    static const schema::Relation kRelations[] = {
        schema::PART_OF, schema::PART_OF, schema::ANTAGONIST_OF,
        schema::PERFORMS, schema::ATTACHES_TO};
    schema::DocumentClaims doc;
    doc.set_document_id(kDocs[(*rng)() % 5]);
    doc.set_content_hash(absl::StrCat("h", step));
    const int claims = (*rng)() % 6;
    for (int i = 0; i < claims; ++i) {
      const schema::Relation r = kRelations[(*rng)() % 5];
      schema::NodeKey s = RandomNode(rng);
      schema::NodeKey o = RandomNode(rng);
      if (r == schema::PERFORMS) {
        s.set_type(schema::MUSCLE);
        o = Key(schema::ACTION, o.type() == schema::ACTION ? o.name()
                                                           : "hip flexion");
      }
      *doc.add_claims() = MakeClaim(
          s, r, o, absl::StrCat("sentence ", (*rng)() % 4),
          (*rng)() % 6 == 0 ? schema::NEGATED : schema::AFFIRMED);
    }
    if ((*rng)() % 3 == 0) *doc.add_mentions() = RandomNode(rng);
    return doc;
  }

  void ExpectViewEqualsRebuild(const std::string& context) {
    std::shared_ptr<const GraphView> view = GetView();
    absl::StatusOr<std::shared_ptr<const GraphView>> rebuilt =
        RebuildViewForTesting(*store_);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(DiffViews(*view, **rebuilt), "") << context;
    EXPECT_TRUE(view->bytes() == (*rebuilt)->bytes()) << context;
  }
};

TEST_P(ViewDeltaTest, PatchedViewEqualsRebuild) {
  const PatchViewCounts before = PatchViewCountsForTesting();
  std::mt19937 rng(GetParam());
  std::vector<std::string> stored;
  GetView();  // The first base.
  for (int step = 0; step < 40; ++step) {
    std::string what;
    if (!stored.empty() && rng() % 4 == 0) {
      const size_t i = rng() % stored.size();
      what = absl::StrCat("delete ", stored[i]);
      ASSERT_TRUE(store_->DeleteDocument(stored[i]).ok());
      stored.erase(stored.begin() + i);
    } else {
      const schema::DocumentClaims doc = RandomDocument(&rng, step);
      what = absl::StrCat("put ", doc.document_id(), ": ", doc.DebugString());
      absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(doc);
      ASSERT_TRUE(result.ok()) << result.status();
      if (!result->replaced) stored.push_back(doc.document_id());
    }
    // Sometimes two writes before the next view: the delta accumulates.
    if (rng() % 3 == 0) continue;
    ExpectViewEqualsRebuild(absl::StrCat("seed ", GetParam(), " step ", step,
                                         " ", what));
    if (HasFailure()) return;
  }
  // The patched view is written to the snapshot file at close, and mapped
  // by the next open.
  std::shared_ptr<const GraphView> last = GetView();
  store_.reset();
  OpenStore();
  std::shared_ptr<const GraphView> reopened = GetView();
  EXPECT_TRUE(reopened->mapped_from_file());
  EXPECT_EQ(DiffViews(*last, *reopened), "");
  ExpectViewEqualsRebuild("after reopen");
  // Every patch was laid out from its base (view_patch.h), none through a
  // builder.
  EXPECT_EQ(PatchViewCountsForTesting().refused, before.refused);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ViewDeltaTest, ::testing::Range(1, 13));

// Views taken while another thread writes: none becomes a base that misses
// a write, so the view after the last write equals a rebuild.
TEST_F(ViewDeltaTest, ViewsDuringWritesStayConsistent) {
  std::mt19937 rng(99);
  GetView();
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done.load()) {
      absl::StatusOr<std::shared_ptr<const GraphView>> view = store_->View();
      ASSERT_TRUE(view.ok()) << view.status();
    }
  });
  for (int step = 0; step < 60; ++step) {
    ASSERT_TRUE(store_->PutDocument(RandomDocument(&rng, step)).ok());
  }
  done.store(true);
  reader.join();
  ExpectViewEqualsRebuild("after concurrent views");
}

TEST_F(GraphStoreTest, HeldViewIsUnchangedByLaterWrites) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::shared_ptr<const GraphView> held = GetView();
  std::shared_ptr<const GraphView> copy = RoundTripThroughFile(*held);
  ASSERT_NE(copy, nullptr);
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  ASSERT_TRUE(store_->PutDocument(DocA("ha2")).ok());
  ASSERT_TRUE(store_->DeleteDocument("b.md").ok());
  std::shared_ptr<const GraphView> now = GetView();
  EXPECT_NE(now, held);
  EXPECT_EQ(DiffViews(*held, *copy), "");
}

TEST_F(GraphStoreTest, PatchCopiesInferredEdgesUnlessTheRulesSeeAChange) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();
  auto expect_patched = [&](bool copied, const std::string& what) {
    const PatchViewCounts before = PatchViewCountsForTesting();
    std::shared_ptr<const GraphView> view = GetView();
    absl::StatusOr<std::shared_ptr<const GraphView>> rebuilt =
        RebuildViewForTesting(*store_);
    ASSERT_TRUE(rebuilt.ok());
    EXPECT_TRUE(view->bytes() == (*rebuilt)->bytes()) << what;
    const PatchViewCounts after = PatchViewCountsForTesting();
    EXPECT_EQ(after.refused, before.refused) << what;
    EXPECT_EQ(after.inference_copied - before.inference_copied,
              copied ? 1u : 0u)
        << what;
    EXPECT_EQ(after.inference_rerun - before.inference_rerun, copied ? 0u : 1u)
        << what;
  };
  // The same claims again, then more support for a premise: copied.
  ASSERT_TRUE(store_->PutDocument(DocA("ha2")).ok());
  expect_patched(true, "a.md rewritten");
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  expect_patched(true, "b.md");
  // A new node and an edge no rule reads: copied.
  schema::DocumentClaims doc;
  doc.set_document_id("c.md");
  doc.set_content_hash("hc");
  *doc.add_claims() = MakeClaim(kPsoas, schema::ATTACHES_TO,
                                Key(schema::STRUCTURE, "lesser trochanter"),
                                "The psoas inserts there.");
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  expect_patched(true, "c.md");
  // A new member of a group with antagonists: rerun.
  *doc.add_claims() = MakeClaim(Key(schema::MUSCLE, "iliacus"), schema::PART_OF,
                                kHipFlexors, "The iliacus is a hip flexor.");
  doc.set_content_hash("hc2");
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  expect_patched(false, "c.md with a PART_OF");
  // Its only premise gone: rerun, and the inferred edges withdrawn.
  ASSERT_TRUE(store_->DeleteDocument("c.md").ok());
  expect_patched(false, "c.md deleted");
  ASSERT_TRUE(store_->DeleteDocument("b.md").ok());
  expect_patched(true, "b.md deleted, a.md still supporting");
}

TEST_F(GraphStoreTest, LargeDeltaFallsBackToScan) {
  GetView();
  // More changed triples than the delta keeps (view_building.cc).
  for (int d = 0; d < 50; ++d) {
    schema::DocumentClaims doc;
    doc.set_document_id(absl::StrCat("doc", d));
    doc.set_content_hash("h");
    for (int i = 0; i < 100; ++i) {
      *doc.add_claims() = MakeClaim(
          Key(schema::MUSCLE, absl::StrCat("muscle ", d, " ", i)),
          schema::PART_OF, Key(schema::MUSCLE, absl::StrCat("group ", i % 7)),
          "A member.");
    }
    ASSERT_TRUE(store_->PutDocument(doc).ok());
  }
  std::shared_ptr<const GraphView> view = GetView();
  absl::StatusOr<std::shared_ptr<const GraphView>> rebuilt =
      RebuildViewForTesting(*store_);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(DiffViews(*view, **rebuilt), "");
  EXPECT_EQ(view->num_nodes(), 50u * 100 + 7);
}

TEST_F(GraphStoreTest, ReopenedStorePatchesTheMappedView) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  GetView();
  store_.reset();
  OpenStore();
  ASSERT_TRUE(GetView()->mapped_from_file());
  ASSERT_TRUE(store_->DeleteDocument("a.md").ok());
  std::shared_ptr<const GraphView> view = GetView();
  absl::StatusOr<std::shared_ptr<const GraphView>> rebuilt =
      RebuildViewForTesting(*store_);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(DiffViews(*view, **rebuilt), "");
}

TEST_F(GraphStoreTest, SstBulkLoadAfterPatchedViewRescans) {
  GraphStoreOptions options;
  options.bulk_sst_min_claims = 1;
  OpenStore(options);
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();
  ASSERT_TRUE(store_->PutDocument(DocA("ha2")).ok());
  GetView();
  schema::DocumentClaims doc = DocB();
  doc.set_document_id("bulk.md");
  ASSERT_TRUE(BulkLoad(store_.get(), {doc}).ok());
  std::shared_ptr<const GraphView> view = GetView();
  absl::StatusOr<std::shared_ptr<const GraphView>> rebuilt =
      RebuildViewForTesting(*store_);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(DiffViews(*view, **rebuilt), "");
}

}  // namespace
}  // namespace mskg::graph
