// graph/graph_store_test.cc
//
// Tests of GraphStore: atomic document writes, replacement, reopening,
// locking, read-only opening, views and provenance.
#include "graph/graph_store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

schema::NodeKey Key(schema::NodeType type, const std::string& name,
                    std::vector<std::string> aliases = {}) {
  schema::NodeKey key;
  key.set_type(type);
  key.set_name(name);
  for (const std::string& a : aliases) key.add_aliases(a);
  return key;
}

schema::Claim MakeClaim(const schema::NodeKey& s, schema::Relation r,
                        const schema::NodeKey& o, const std::string& sentence,
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

const schema::NodeKey kPsoas = Key(schema::MUSCLE, "psoas major", {"psoas"});
const schema::NodeKey kHipFlexors =
    Key(schema::MUSCLE, "hip flexors", {"iliopsoas group"});
const schema::NodeKey kGlutes = Key(schema::MUSCLE, "gluteal muscles");
const schema::NodeKey kFemur = Key(schema::STRUCTURE, "femur");

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = absl::StrCat(::testing::TempDir(), "/store_",
                         ::testing::UnitTest::GetInstance()
                             ->current_test_info()
                             ->name());
    // Parameterized tests are named "Name/Param".
    std::replace(path_.begin() + ::testing::TempDir().size(), path_.end(),
                 '/', '_');
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
    *doc.add_claims() =
        MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                  "Hip flexors oppose the glutes.");
    return doc;
  }

  static schema::DocumentClaims DocB() {
    schema::DocumentClaims doc;
    doc.set_document_id("b.md");
    doc.set_content_hash("hb");
    *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF,
                                  kGlutes, "The glutes oppose hip flexion.");
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

  // Asserted (non-inferred) edge source -r-> target in the view, or null.
  static const EdgeInfo* Asserted(const GraphView& view,
                                  const schema::NodeKey& s, schema::Relation r,
                                  const schema::NodeKey& o) {
    NodeIndex si = view.Find(s.type(), s.name());
    NodeIndex oi = view.Find(o.type(), o.name());
    if (si == kInvalidIndex || oi == kInvalidIndex) return nullptr;
    EdgeIndex e = view.FindEdge(si, r, oi);
    if (e == kInvalidIndex || view.edge(e).inferred) return nullptr;
    return &view.edge(e);
  }

  std::string path_;
  std::unique_ptr<GraphStore> store_;
};

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
  EXPECT_EQ(store_->DeleteDocument("a.md").code(),
            absl::StatusCode::kNotFound);
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
  ASSERT_TRUE(store_
                  ->ForEachNode([&](const schema::Node& node) {
                    ids.push_back(node.id());
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_THAT(ids, ElementsAre(1, 2, 3, 4));
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
  EXPECT_EQ(store_->BulkLoad({DocB()}).code(),
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
  *hedged = MakeClaim(kGlutes, schema::INSERTS_ON, kFemur,
                      "The glutes may not insert on the femur.",
                      schema::NEGATED);
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
  ASSERT_TRUE(store_
                  ->ForEachEdge([&](const StoredEdge& edge) {
                    edges.push_back(edge);
                    return absl::OkStatus();
                  })
                  .ok());
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

class BulkLoadTest : public GraphStoreTest,
                     public ::testing::WithParamInterface<bool> {
 protected:
  // The SST path for every BulkLoad() call, or the WriteBatch path.
  GraphStoreOptions Options() const {
    GraphStoreOptions options;
    options.bulk_sst_min_claims = GetParam() ? 0 : INT64_MAX;
    return options;
  }
};

INSTANTIATE_TEST_SUITE_P(Paths, BulkLoadTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? "Sst" : "WriteBatch";
                         });

TEST_P(BulkLoadTest, BulkLoad) {
  OpenStore(Options());
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::vector<schema::DocumentClaims> docs;
  for (int d = 0; d < 50; ++d) {
    schema::DocumentClaims doc;
    doc.set_document_id(absl::StrCat("bulk", d));
    doc.set_content_hash(absl::StrCat("h", d));
    for (int i = 0; i < 100; ++i) {
      *doc.add_claims() = MakeClaim(
          Key(schema::MUSCLE, absl::StrCat("muscle ", d * 100 + i)),
          schema::INSERTS_ON, kFemur, absl::StrCat("sentence ", i));
    }
    // Shared with DocA: one more support of an existing edge.
    *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                                  absl::StrCat("bulk sentence ", d));
    docs.push_back(std::move(doc));
  }
  ASSERT_TRUE(store_->BulkLoad(docs).ok());
  StoreStats stats = GetStats();
  EXPECT_EQ(stats.documents, 51);
  EXPECT_EQ(stats.nodes, 3 + 5000 + 1);
  EXPECT_EQ(stats.edges, 2 + 5000);
  EXPECT_EQ(stats.supports, 2 + 5000 + 50);
  std::shared_ptr<const GraphView> view = GetView();
  const EdgeInfo* ant =
      Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes);
  ASSERT_NE(ant, nullptr);
  EXPECT_EQ(ant->support.size(), 51u);
  // A bulk-loaded document can be replaced afterwards.
  schema::DocumentClaims empty;
  empty.set_document_id("bulk0");
  empty.set_content_hash("new");
  absl::StatusOr<DocumentWriteResult> result = store_->PutDocument(empty);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->edges_removed, 100);
  OpenStore();
  EXPECT_EQ(GetStats().edges, 2 + 4900);
}

// Everything a store holds, as text, for comparing stores.
std::string Dump(GraphStore& store) {
  std::string out;
  absl::StatusOr<StoreStats> stats = store.Stats();
  EXPECT_TRUE(stats.ok());
  absl::StrAppend(&out, "stats ", stats->documents, " ", stats->nodes, " ",
                  stats->edges, " ", stats->supports, "\n");
  for (int i = 0; i < kNumNodeTypes; ++i) {
    absl::StrAppend(&out, stats->nodes_by_type[i], " ");
  }
  for (int i = 0; i < kNumRelations; ++i) {
    absl::StrAppend(&out, stats->edges_by_relation[i], " ");
  }
  EXPECT_TRUE(store
                  .ForEachNode([&out](const schema::Node& node) {
                    absl::StrAppend(&out, "\nnode ", node.ShortDebugString());
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_TRUE(store
                  .ForEachEdge([&out](const StoredEdge& edge) {
                    absl::StrAppend(&out, "\nedge ", edge.source.id(), " ",
                                    edge.relation, " ", edge.target.id());
                    for (const schema::Provenance& p : edge.support) {
                      absl::StrAppend(&out, "\n  ", p.ShortDebugString());
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  absl::StatusOr<std::shared_ptr<const GraphView>> view = store.View();
  EXPECT_TRUE(view.ok());
  for (EdgeIndex e = 0; e < (*view)->num_edges(); ++e) {
    const EdgeInfo& info = (*view)->edge(e);
    absl::StrAppend(&out, "\nview ", (*view)->node(info.source).name, " ",
                    info.relation, " ", (*view)->node(info.target).name, " ",
                    info.inferred, info.negated, " ", info.rule, " ",
                    info.support.size());
  }
  return out;
}

std::string DumpDocument(GraphStore& store, const std::string& id) {
  absl::StatusOr<schema::Document> doc = store.GetDocument(id);
  if (!doc.ok()) return absl::StatusCodeToString(doc.status().code());
  doc->clear_ingested_unix_micros();
  return doc->ShortDebugString();
}

// Tricky batches: aliases (new and on stored nodes), names that differ only
// in case, duplicate claims, an edge supported by several documents and by a
// stored one, mentions, negation, an empty document.
std::vector<std::vector<schema::DocumentClaims>> TrickyBatches() {
  std::vector<std::vector<schema::DocumentClaims>> batches(3);
  schema::DocumentClaims b1;
  b1.set_document_id("b1");
  b1.set_content_hash("x");
  b1.set_size_bytes(77);
  *b1.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s1");
  *b1.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s1");
  *b1.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s2");
  *b1.add_claims() =
      MakeClaim(Key(schema::MUSCLE, "Psoas Major", {"PM", "psoas"}),
                schema::PERFORMS, Key(schema::ACTION, "hip flexion"), "s3");
  *b1.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                               "s4", schema::NEGATED);
  *b1.add_claims() =
      MakeClaim(Key(schema::STRUCTURE, "Femur", {"thigh bone"}),
                schema::PART_OF, Key(schema::STRUCTURE, "lower limb"), "s5");
  *b1.add_mentions() = Key(schema::NERVE, "femoral nerve", {"FN"});
  schema::DocumentClaims b0;  // Sorts before b1; no claims.
  b0.set_document_id("a0");
  *b0.add_mentions() = Key(schema::VESSEL, "femoral artery");
  schema::DocumentClaims b2;
  b2.set_document_id("b2");
  *b2.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s1");
  b2.mutable_claims(0)->mutable_provenance()->set_document_id("elsewhere");
  *b2.add_claims() = MakeClaim(kGlutes, schema::ANTAGONIST_OF, kHipFlexors,
                               "s6");
  batches[0] = {b1, b0, b2};
  schema::DocumentClaims c1;
  c1.set_document_id("c1");
  *c1.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s7");
  *c1.add_claims() =
      MakeClaim(Key(schema::MUSCLE, "iliacus", {"iliacus muscle"}),
                schema::PART_OF, Key(schema::MUSCLE, "HIP FLEXORS", {"HF"}),
                "s8");
  batches[1] = {c1};
  schema::DocumentClaims d1;  // Stored already: the per-document path.
  d1.set_document_id("b2");
  *d1.add_claims() = MakeClaim(kGlutes, schema::INSERTS_ON, kFemur, "s9");
  schema::DocumentClaims d2;
  d2.set_document_id("d2");
  *d2.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s10");
  batches[2] = {d1, d2};
  return batches;
}

TEST_F(GraphStoreTest, SstBulkLoadWritesWhatWriteBatchWrites) {
  const std::string sst_path = path_ + "_sst";
  std::filesystem::remove_all(sst_path);
  GraphStoreOptions batch_options;
  batch_options.bulk_sst_min_claims = INT64_MAX;
  OpenStore(batch_options);
  GraphStoreOptions sst_options;
  sst_options.bulk_sst_min_claims = 0;
  absl::StatusOr<std::unique_ptr<GraphStore>> sst =
      GraphStore::Open(sst_path, sst_options);
  ASSERT_TRUE(sst.ok()) << sst.status();
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  ASSERT_TRUE((*sst)->PutDocument(DocA()).ok());
  for (const auto& batch : TrickyBatches()) {
    ASSERT_TRUE(store_->BulkLoad(batch).ok());
    ASSERT_TRUE((*sst)->BulkLoad(batch).ok());
    EXPECT_EQ(Dump(**sst), Dump(*store_));
    for (const char* id : {"a.md", "a0", "b1", "b2", "c1", "d2"}) {
      EXPECT_EQ(DumpDocument(**sst, id), DumpDocument(*store_, id)) << id;
    }
  }
  // Durable: the same after reopening; no temporary files left.
  const std::string before = Dump(**sst);
  sst->reset();
  EXPECT_FALSE(std::filesystem::exists(sst_path + "/bulk_load.tmp"));
  sst = GraphStore::Open(sst_path, sst_options);
  ASSERT_TRUE(sst.ok()) << sst.status();
  EXPECT_EQ(Dump(**sst), before);
  // Writes after a bulk load see its nodes and edges.
  ASSERT_TRUE((*sst)->PutDocument(DocA("changed")).ok());
  ASSERT_TRUE(store_->PutDocument(DocA("changed")).ok());
  EXPECT_EQ(Dump(**sst), Dump(*store_));
  sst->reset();
  std::filesystem::remove_all(sst_path);
}

// Enough distinct spellings to grow the loader's name table several times;
// spellings that differ only in case or plural are one node.
TEST_F(GraphStoreTest, BulkLoadTriplesWritesWhatBulkLoadWrites) {
  TripleBatch batch;
  std::string& text = *batch.mutable_text();
  for (int i = 0; i < 3000; ++i) {
    absl::StrAppend(&text, "Muscle ", i, "\tmuscles ", i, "\tnerve ",
                    i % 700, "\tNERVE ", i % 700, "\n");
  }
  absl::string_view rest(text);
  for (int i = 0; i < 3000; ++i) {
    absl::string_view name[4];
    for (int f = 0; f < 4; ++f) {
      const size_t end = rest.find(f == 3 ? '\n' : '\t');
      name[f] = rest.substr(0, end);
      rest.remove_prefix(end + 1);
    }
    const uint32_t doc = batch.AddDocument(absl::StrCat("doc", i / 100));
    batch.AddRow({name[0], name[2], doc, schema::MUSCLE, schema::INNERVATED_BY,
                  schema::NERVE});
    batch.AddRow({name[1], name[3], doc, schema::MUSCLE, schema::INNERVATED_BY,
                  schema::NERVE});
    batch.AddRow({name[2], name[0], doc, schema::NERVE, schema::PART_OF,
                  schema::MUSCLE});
  }
  const std::string sst_path = path_ + "_triples";
  std::filesystem::remove_all(sst_path);
  GraphStoreOptions batch_options;
  batch_options.bulk_sst_min_claims = INT64_MAX;
  OpenStore(batch_options);
  GraphStoreOptions sst_options;
  sst_options.bulk_sst_min_claims = 0;
  absl::StatusOr<std::unique_ptr<GraphStore>> sst =
      GraphStore::Open(sst_path, sst_options);
  ASSERT_TRUE(sst.ok()) << sst.status();
  ASSERT_TRUE((*sst)->BulkLoadTriples(batch).ok());
  ASSERT_TRUE(store_->BulkLoad(batch.ToDocuments()).ok());
  EXPECT_EQ(Dump(**sst), Dump(*store_));
  for (const char* id : {"doc0", "doc17", "doc29"}) {
    EXPECT_EQ(DumpDocument(**sst, id), DumpDocument(*store_, id)) << id;
  }
  EXPECT_EQ(GetStats().nodes, 3700);
  sst->reset();
  std::filesystem::remove_all(sst_path);
}

TEST_F(GraphStoreTest, SstBulkLoadRejectsRepeatedDocument) {
  GraphStoreOptions options;
  options.bulk_sst_min_claims = 0;
  OpenStore(options);
  std::vector<schema::DocumentClaims> docs = {DocA(), DocA()};
  EXPECT_EQ(store_->BulkLoad(docs).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GetStats().documents, 0);
}

}  // namespace
}  // namespace mskg::graph
