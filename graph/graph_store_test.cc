// graph/graph_store_test.cc
//
// Tests of GraphStore: atomic document writes, replacement, reopening,
// locking, read-only opening, scans, views and provenance. The bulk paths
// are bulk_loader_test; byte-for-byte equality of the writers is
// write_paths_test.
#include "graph/graph_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/bulk_loader.h"
#include "graph/graph_view.h"
#include "graph/store_scans.h"
#include "graph/store_test_fixture.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(GraphStoreTest, PutDocumentCountsAndStats) {
  absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(DocA());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->unchanged);
  EXPECT_FALSE(result->replaced);
  EXPECT_EQ(result->nodes_added, 3);
  EXPECT_EQ(result->edges_added, 2);
  EXPECT_EQ(result->claims, 2);
  StoreStats stats = GetStats();
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.nodes, 3);
  EXPECT_EQ(stats.edges, 2);
  EXPECT_EQ(stats.supports, 2);
  EXPECT_EQ(stats.nodes_by_type[schema::MUSCLE], 3);
  EXPECT_EQ(stats.edges_by_relation[schema::PART_OF], 1);
  EXPECT_EQ(stats.edges_by_relation[schema::ANTAGONIST_OF], 1);
}

TEST_F(GraphStoreTest, InvalidClaimWritesNothing) {
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  const StoreStats before = GetStats();
  std::shared_ptr<const GraphView> view_before = GetView();

  schema::DocumentClaims bad = DocA();
  *bad.add_claims() =
      MakeClaim(kFemur, schema::RELATION_UNSPECIFIED, kPsoas, "no relation");
  absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(bad);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("claim 2"));

  bad = DocA();
  bad.mutable_claims(1)->mutable_object()->set_name("  ");
  EXPECT_THAT(store_->PutDocument(bad).status().message(),
              HasSubstr("claim 1: object"));
  bad = DocA();
  bad.mutable_claims(0)->mutable_subject()->set_type(
      schema::NODE_TYPE_UNSPECIFIED);
  EXPECT_THAT(store_->PutDocument(bad).status().message(),
              HasSubstr("claim 0: subject"));

  const StoreStats after = GetStats();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  EXPECT_EQ(after.supports, before.supports);
  EXPECT_EQ(store_->GetDocument("a.md").status().code(),
            absl::StatusCode::kNotFound);
  std::shared_ptr<const GraphView> view_after = GetView();
  EXPECT_EQ(view_after, view_before);  // Cached: nothing was written.
  EXPECT_EQ(view_after->num_nodes(), 2u);
  EXPECT_EQ(view_after->Find(schema::STRUCTURE, "femur"), kInvalidIndex);
}

TEST_F(GraphStoreTest, SameContentIsUnchanged) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  const StoreStats before = GetStats();
  std::shared_ptr<const GraphView> view = GetView();
  absl::StatusOr<DocumentWriteResult> again = store_->PutDocument(DocA());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->claims, 0);
  const StoreStats after = GetStats();
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  EXPECT_EQ(after.supports, before.supports);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(GetView(), view);
}

TEST_F(GraphStoreTest, ChangedDocumentReplacesItsClaims) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  {
    std::shared_ptr<const GraphView> view = GetView();
    const EdgeInfo* ant =
        Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes);
    ASSERT_NE(ant, nullptr);
    EXPECT_EQ(ant->support.size(), 2u);
  }
  // Version 2 of a.md says only that the psoas attaches to the femur.
  schema::DocumentClaims v2;
  v2.set_document_id("a.md");
  v2.set_content_hash("ha2");
  *v2.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur,
                               "The psoas inserts on the femur.");
  absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(v2);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->replaced);
  EXPECT_EQ(result->edges_added, 1);
  EXPECT_EQ(result->edges_removed, 1);  // PART_OF had only a.md.
  EXPECT_EQ(result->nodes_added, 1);

  std::shared_ptr<const GraphView> view = GetView();
  EXPECT_EQ(Asserted(*view, kPsoas, schema::PART_OF, kHipFlexors), nullptr);
  NodeIndex psoas = view->Find(schema::MUSCLE, "psoas major");
  NodeIndex hf = view->Find(schema::MUSCLE, "hip flexors");
  EXPECT_EQ(view->FindEdge(psoas, schema::PART_OF, hf), kInvalidIndex);
  const EdgeInfo* ant =
      Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes);
  ASSERT_NE(ant, nullptr);
  ASSERT_EQ(ant->support.size(), 1u);
  EXPECT_EQ(ant->support[0].document_id(), "b.md");
  EXPECT_NE(Asserted(*view, kPsoas, schema::INSERTS_ON, kFemur), nullptr);

  StoreStats stats = GetStats();
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.edges, 2);
  EXPECT_EQ(stats.supports, 2);
  EXPECT_EQ(stats.edges_by_relation[schema::PART_OF], 0);
  absl::StatusOr<schema::Document> doc = store_->GetDocument("a.md");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->content_hash(), "ha2");
  ASSERT_EQ(doc->claims_size(), 1);
  EXPECT_EQ(doc->claims(0).relation(), schema::INSERTS_ON);
}

TEST_F(GraphStoreTest, DuplicateClaimsInOneDocumentAreMerged) {
  schema::DocumentClaims doc = DocB();
  *doc.add_claims() = doc.claims(0);  // Exact duplicate: dropped.
  *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                                "Another sentence.");
  absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(doc);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->claims, 2);
  EXPECT_EQ(result->edges_added, 1);
  EXPECT_EQ(result->nodes_added, 2);
  EXPECT_EQ(GetStats().supports, 2);
  EXPECT_EQ(store_->GetDocument("b.md")->claims_size(), 1);
}

TEST_F(GraphStoreTest, DeleteDocument) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  ASSERT_TRUE(store_->DeleteDocument("a.md").ok());
  EXPECT_EQ(store_->DeleteDocument("a.md").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetDocument("a.md").status().code(),
            absl::StatusCode::kNotFound);
  StoreStats stats = GetStats();
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.edges, 1);
  EXPECT_EQ(stats.supports, 1);
  std::shared_ptr<const GraphView> view = GetView();
  EXPECT_EQ(Asserted(*view, kPsoas, schema::PART_OF, kHipFlexors), nullptr);
  EXPECT_NE(Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes),
            nullptr);
  ASSERT_TRUE(store_->DeleteDocument("b.md").ok());
  stats = GetStats();
  EXPECT_EQ(stats.documents, 0);
  EXPECT_EQ(stats.edges, 0);
  EXPECT_EQ(stats.supports, 0);
  EXPECT_EQ(GetView()->num_edges(), 0u);
}

TEST_F(GraphStoreTest, ReopenKeepsEverything) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  const StoreStats before = GetStats();
  OpenStore();
  const StoreStats after = GetStats();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  EXPECT_EQ(after.supports, before.supports);
  std::shared_ptr<const GraphView> view = GetView();
  EXPECT_NE(Asserted(*view, kPsoas, schema::PART_OF, kHipFlexors), nullptr);
  // New nodes after reopening get fresh ids.
  schema::DocumentClaims doc;
  doc.set_document_id("c.md");
  *doc.add_mentions() = kFemur;
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  std::vector<uint64_t> ids;
  ASSERT_TRUE(ForEachNode(*store_, [&](const schema::Node& node) {
                ids.push_back(node.id());
                return absl::OkStatus();
              }).ok());
  EXPECT_THAT(ids, ElementsAre(1, 2, 3, 4));
}

// A span whose end is before its begin, or past the document's known size,
// is refused by every write path with the claim and offsets, and writes
// nothing; a span with no place (0, 0) and one ending at the last byte pass.
TEST_F(GraphStoreTest, InvertedOrOutsideSpanWritesNothing) {
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  const StoreStats before = GetStats();
  schema::DocumentClaims bad = DocA();
  bad.mutable_claims(1)->mutable_provenance()->set_begin(40);
  bad.mutable_claims(1)->mutable_provenance()->set_end(12);
  for (const absl::Status& status :
       {store_->PutDocument(bad).status(), BulkLoad(store_.get(), {bad})}) {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(status.message(),
                HasSubstr("document a.md: claim 1: span end 12 is before its "
                          "begin 40; a span is the bytes [begin, end)"));
  }
  bad = DocA();
  bad.mutable_claims(0)->mutable_provenance()->set_end(101);  // Of 100 bytes.
  EXPECT_THAT(store_->PutDocument(bad).status().message(),
              HasSubstr("claim 0: span [10, 101) ends past the 100 bytes"));
  EXPECT_EQ(GetStats().supports, before.supports);

  schema::DocumentClaims good = DocA();
  good.mutable_claims(0)->mutable_provenance()->set_begin(0);
  good.mutable_claims(0)->mutable_provenance()->set_end(0);
  good.mutable_claims(1)->mutable_provenance()->set_end(100);
  EXPECT_TRUE(store_->PutDocument(good).ok());
  // Without a size (an import) only the order of the offsets is checked.
  good.set_size_bytes(0);
  good.mutable_claims(1)->mutable_provenance()->set_end(5000);
  EXPECT_TRUE(BulkLoad(store_.get(), {good}).ok());
}

// Writers cache node ids by identity once committed (graph_store.cc): a
// write that fails after giving ids to new nodes must not leave them there,
// or the next write would give them to other nodes as well.
TEST_F(GraphStoreTest, FailedWriteLeavesNoCachedNodeIds) {
  // The second DocA fails the batch after the first one's nodes got ids.
  EXPECT_EQ(BulkLoad(store_.get(), {DocA(), DocA()}).code(),
            absl::StatusCode::kInvalidArgument);
  schema::DocumentClaims doc;
  doc.set_document_id("c.md");
  *doc.add_claims() =
      MakeClaim(kGlutes, schema::INSERTS_ON, kFemur, "The glutes insert.");
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  auto nodes = [this] {
    std::vector<std::string> out;
    EXPECT_TRUE(ForEachNode(*store_, [&out](const schema::Node& node) {
                  out.push_back(absl::StrCat(node.id(), " ", node.name(), " ",
                                             node.aliases_size()));
                  return absl::OkStatus();
                }).ok());
    return out;
  };
  EXPECT_THAT(nodes(), ElementsAre("1 gluteal muscles 0", "2 femur 0",
                                   "3 psoas major 1", "4 hip flexors 1"));
  // Cached and stored ids agree across a reopen, which empties the cache.
  OpenStore();
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  EXPECT_THAT(nodes(), ElementsAre("1 gluteal muscles 0", "2 femur 0",
                                   "3 psoas major 1", "4 hip flexors 1"));
  std::shared_ptr<const GraphView> view = GetView();
  const EdgeInfo* edge =
      Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes);
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->support.size(), 2);
}

TEST_F(GraphStoreTest, SecondWriterFailsWithFailedPrecondition) {
  absl::StatusOr<std::unique_ptr<GraphStore>> second = GraphStore::Open(path_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr("in use"));
}

TEST_F(GraphStoreTest, ReadOnlyOpen) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GraphStoreOptions options;
  options.read_only = true;
  OpenStore(options);
  EXPECT_EQ(GetStats().edges, 2);
  std::shared_ptr<const GraphView> view = GetView();
  EXPECT_NE(Asserted(*view, kPsoas, schema::PART_OF, kHipFlexors), nullptr);
  EXPECT_TRUE(store_->GetDocument("a.md").ok());
  EXPECT_EQ(store_->PutDocument(DocB()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->DeleteDocument("a.md").code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(BulkLoad(store_.get(), {DocB()}).code(),
            absl::StatusCode::kFailedPrecondition);
  // Two read-only openers coexist.
  absl::StatusOr<std::unique_ptr<GraphStore>> other =
      GraphStore::Open(path_, options);
  ASSERT_TRUE(other.ok()) << other.status();
}

TEST_F(GraphStoreTest, OpenRejectsNonStores) {
  const std::string file = absl::StrCat(path_, "_file");
  { std::ofstream(file) << "hello"; }
  absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(file);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(store.status().message(), HasSubstr("not an mskg store"));
  std::filesystem::remove(file);

  const std::string dir = absl::StrCat(path_, "_dir");
  std::filesystem::create_directories(dir);
  { std::ofstream(dir + "/notes.txt") << "hello"; }
  store = GraphStore::Open(dir);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(store.status().message(), HasSubstr("holds no mskg store"));
  std::filesystem::remove_all(dir);

  GraphStoreOptions options;
  options.create_if_missing = false;
  EXPECT_EQ(GraphStore::Open(dir, options).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(GraphStoreTest, AliasLookupThroughView) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  schema::DocumentClaims doc;
  doc.set_document_id("m.md");
  *doc.add_mentions() = Key(schema::MUSCLE, "Psoas Major", {"PM"});
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  EXPECT_EQ(GetStats().nodes, 3);
  std::shared_ptr<const GraphView> view = GetView();
  NodeIndex psoas = view->Find(schema::MUSCLE, "psoas major");
  ASSERT_NE(psoas, kInvalidIndex);
  EXPECT_THAT(view->Lookup("psoas"), ElementsAre(psoas));
  EXPECT_THAT(view->Lookup("pm"), ElementsAre(psoas));
  EXPECT_THAT(view->Lookup("Iliopsoas Group"),
              ElementsAre(view->Find(schema::MUSCLE, "hip flexors")));
  EXPECT_EQ(view->node(psoas).name, "psoas major");
  EXPECT_THAT(view->node(psoas).aliases, ElementsAre("psoas", "PM"));
}

TEST_F(GraphStoreTest, ProvenanceRoundTripAndInference) {
  schema::DocumentClaims doc = DocA();
  schema::Claim* hedged = doc.add_claims();
  *hedged =
      MakeClaim(kGlutes, schema::INSERTS_ON, kFemur,
                "The glutes may not insert on the femur.", schema::NEGATED);
  hedged->mutable_provenance()->set_hedged(true);
  ASSERT_TRUE(store_->PutDocument(doc).ok());
  OpenStore();  // From disk.
  std::shared_ptr<const GraphView> view = GetView();
  const EdgeInfo* e = Asserted(*view, kGlutes, schema::INSERTS_ON, kFemur);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->support.size(), 1u);
  const schema::Provenance& p = e->support[0];
  EXPECT_EQ(p.document_id(), "a.md");
  EXPECT_EQ(p.sentence(), "The glutes may not insert on the femur.");
  EXPECT_EQ(p.begin(), 10u);
  EXPECT_EQ(p.end(), 10u + p.sentence().size());
  EXPECT_EQ(p.rule(), "test_rule");
  EXPECT_FLOAT_EQ(p.confidence(), 0.75f);
  EXPECT_EQ(p.polarity(), schema::NEGATED);
  EXPECT_TRUE(p.hedged());
  EXPECT_TRUE(e->negated);

  // psoas PART_OF hip flexors, hip flexors ANTAGONIST_OF glutes.
  NodeIndex psoas = view->Find(schema::MUSCLE, "psoas major");
  NodeIndex glutes = view->Find(schema::MUSCLE, "gluteal muscles");
  EdgeIndex inferred = view->FindEdge(psoas, schema::ANTAGONIST_OF, glutes);
  ASSERT_NE(inferred, kInvalidIndex);
  EXPECT_TRUE(view->edge(inferred).inferred);
  EXPECT_EQ(view->edge(inferred).premises.size(), 2u);

  std::vector<StoredEdge> edges;
  ASSERT_TRUE(ForEachEdge(*store_, [&](const StoredEdge& edge) {
                edges.push_back(edge);
                return absl::OkStatus();
              }).ok());
  ASSERT_EQ(edges.size(), 3u);  // Stored edges only, no inferred ones.
  for (const StoredEdge& edge : edges) {
    EXPECT_FALSE(edge.source.name().empty());
    EXPECT_FALSE(edge.target.name().empty());
    EXPECT_EQ(edge.support.size(), 1u);
  }
}

TEST_F(GraphStoreTest, ViewIsASnapshot) {
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  std::shared_ptr<const GraphView> old_view = GetView();
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::shared_ptr<const GraphView> new_view = GetView();
  EXPECT_NE(old_view, new_view);
  EXPECT_EQ(old_view->num_nodes(), 2u);
  EXPECT_EQ(new_view->num_nodes(), 3u);
  EXPECT_EQ(GetView(), new_view);
}

}  // namespace
}  // namespace mskg::graph
