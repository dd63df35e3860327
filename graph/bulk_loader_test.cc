// graph/bulk_loader_test.cc
//
// Tests of bulk_loader.h: BulkLoad() through the SST and WriteBatch paths,
// BulkLoadTriples() in one chunk and in many (documents spread over
// chunks, stored documents replaced, a bad row in a late chunk writing
// nothing), each compared with what the per-document path writes.
#include "graph/bulk_loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "graph/store_scans.h"
#include "graph/store_test_fixture.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

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
      *doc.add_claims() =
          MakeClaim(Key(schema::MUSCLE, absl::StrCat("muscle ", d * 100 + i)),
                    schema::INSERTS_ON, kFemur, absl::StrCat("sentence ", i));
    }
    // Shared with DocA: one more support of an existing edge.
    *doc.add_claims() = MakeClaim(kHipFlexors, schema::ANTAGONIST_OF, kGlutes,
                                  absl::StrCat("bulk sentence ", d));
    docs.push_back(std::move(doc));
  }
  ASSERT_TRUE(BulkLoad(store_.get(), docs).ok());
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

// The store's counters, as text.
std::string StatsText(GraphStore& store) {
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
  return out;
}

// Everything a store holds, as text, for comparing stores.
std::string Dump(GraphStore& store) {
  std::string out = StatsText(store);
  EXPECT_TRUE(ForEachNode(store, [&out](const schema::Node& node) {
                absl::StrAppend(&out, "\nnode ", node.ShortDebugString());
                return absl::OkStatus();
              }).ok());
  EXPECT_TRUE(ForEachEdge(store, [&out](const StoredEdge& edge) {
                absl::StrAppend(&out, "\nedge ", edge.source.id(), " ",
                                edge.relation, " ", edge.target.id());
                for (const schema::Provenance& p : edge.support) {
                  absl::StrAppend(&out, "\n  ", p.ShortDebugString());
                }
                return absl::OkStatus();
              }).ok());
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
  *b2.add_claims() =
      MakeClaim(kGlutes, schema::ANTAGONIST_OF, kHipFlexors, "s6");
  batches[0] = {b1, b0, b2};
  schema::DocumentClaims c1;
  c1.set_document_id("c1");
  *c1.add_claims() = MakeClaim(kPsoas, schema::INSERTS_ON, kFemur, "s7");
  *c1.add_claims() = MakeClaim(
      Key(schema::MUSCLE, "iliacus", {"iliacus muscle"}), schema::PART_OF,
      Key(schema::MUSCLE, "HIP FLEXORS", {"HF"}), "s8");
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
    ASSERT_TRUE(BulkLoad(store_.get(), batch).ok());
    ASSERT_TRUE(BulkLoad(sst->get(), batch).ok());
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
    absl::StrAppend(&text, "Muscle ", i, "\tmuscles ", i, "\tnerve ", i % 700,
                    "\tNERVE ", i % 700, "\n");
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
  ASSERT_TRUE(BulkLoadTriples(sst->get(), batch).ok());
  ASSERT_TRUE(BulkLoad(store_.get(), batch.ToDocuments()).ok());
  EXPECT_EQ(Dump(**sst), Dump(*store_));
  for (const char* id : {"doc0", "doc17", "doc29"}) {
    EXPECT_EQ(DumpDocument(**sst, id), DumpDocument(*store_, id)) << id;
  }
  EXPECT_EQ(GetStats().nodes, 3700);
  sst->reset();
  std::filesystem::remove_all(sst_path);
}

// ---- The triples import in chunks (BulkLoadTriples with a source). ----

struct TripleRow {
  schema::NodeType subject_type;
  std::string subject;
  schema::Relation relation;
  schema::NodeType object_type;
  std::string object;
  std::string document;
};

// Fills `batch` with rows [begin, end) of `rows`; the batch owns the text.
void FillBatch(const std::vector<TripleRow>& rows, size_t begin, size_t end,
               TripleBatch* batch) {
  std::string& text = *batch->mutable_text();
  size_t size = 0;
  for (size_t i = begin; i < end; ++i) {
    size += rows[i].subject.size() + rows[i].object.size();
  }
  text.reserve(size);  // Rows view the text: it must not move.
  for (size_t i = begin; i < end; ++i) {
    const TripleRow& row = rows[i];
    const size_t at = text.size();
    text += row.subject;
    text += row.object;
    const absl::string_view all(text);
    batch->AddRow({all.substr(at, row.subject.size()),
                   all.substr(at + row.subject.size(), row.object.size()),
                   batch->AddDocument(row.document), row.subject_type,
                   row.relation, row.object_type});
  }
}

// A source of chunks of `chunk_rows` rows each; it fails with `error` when
// asked for chunk number `fail_at` (0-based), if given.
TripleChunkSource ChunksOf(const std::vector<TripleRow>* rows,
                           size_t chunk_rows, int fail_at = -1,
                           absl::Status error = absl::OkStatus()) {
  auto next = std::make_shared<size_t>(0);
  auto chunk = std::make_shared<int>(0);
  return [=](TripleBatch* batch) -> absl::StatusOr<bool> {
    if ((*chunk)++ == fail_at) return error;
    if (*next >= rows->size()) return false;
    const size_t end = std::min(rows->size(), *next + chunk_rows);
    FillBatch(*rows, *next, end, batch);
    *next = end;
    return true;
  };
}

// Rows as the benchmark graph has them: each document's rows spread over
// the whole list, the same fact cited by several documents (in different
// chunks), exact duplicate rows, and nodes named again (in other spellings
// of the same NameKey) in later chunks.
std::vector<TripleRow> ScatteredRows() {
  std::vector<TripleRow> rows;
  for (int i = 0; i < 60; ++i) {
    rows.push_back({schema::MUSCLE, absl::StrCat("muscle ", i % 7),
                    i % 3 == 0 ? schema::INSERTS_ON : schema::ORIGINATES_FROM,
                    schema::STRUCTURE, absl::StrCat("bone ", (i * 5) % 11),
                    absl::StrCat("doc", (i * 7) % 9)});
  }
  const TripleRow fact = {schema::MUSCLE,    "psoas major", schema::INSERTS_ON,
                          schema::STRUCTURE, "femur",       "d1"};
  rows.insert(rows.begin(), fact);
  TripleRow again = fact;
  again.subject = "Psoas Major";  // The same node, spelled otherwise.
  again.document = "d4";
  rows.insert(rows.begin() + 20, again);
  rows.insert(rows.begin() + 33, fact);  // An exact duplicate.
  again.subject = "psoas-major";
  again.document = "d6";
  rows.push_back(again);
  rows.push_back({schema::CONDITION, "hip flexor strain", schema::AFFECTS,
                  schema::MUSCLE, "hip flexors", "d4"});
  return rows;
}

std::string NodeName(const std::map<uint64_t, std::string>& names,
                     uint64_t id) {
  auto it = names.find(id);
  return it == names.end() ? absl::StrCat("?", id) : it->second;
}

// What a store holds with nodes named instead of numbered: stores loaded in
// different orders give nodes different ids.
std::string DumpByName(GraphStore& store,
                       const std::vector<std::string>& documents) {
  std::string out = StatsText(store);
  std::map<uint64_t, std::string> names;
  std::vector<std::string> lines;
  EXPECT_TRUE(ForEachNode(store, [&](const schema::Node& node) {
                names[node.id()] = absl::StrCat(node.type(), ":", node.name());
                schema::Node copy = node;
                copy.clear_id();
                lines.push_back(absl::StrCat("node ", copy.ShortDebugString()));
                return absl::OkStatus();
              }).ok());
  EXPECT_TRUE(ForEachEdge(store, [&](const StoredEdge& edge) {
                std::vector<std::string> support;
                for (const schema::Provenance& p : edge.support) {
                  support.push_back(p.ShortDebugString());
                }
                std::sort(support.begin(), support.end());
                lines.push_back(absl::StrCat(
                    "edge ", NodeName(names, edge.source.id()), " ",
                    edge.relation, " ", NodeName(names, edge.target.id()), " [",
                    absl::StrJoin(support, " | "), "]"));
                return absl::OkStatus();
              }).ok());
  for (const std::string& id : documents) {
    absl::StatusOr<schema::Document> doc = store.GetDocument(id);
    if (!doc.ok()) {
      lines.push_back(absl::StrCat("document ", id, " absent"));
      continue;
    }
    std::vector<std::string> claims;
    for (const schema::Document::ClaimRef& c : doc->claims()) {
      claims.push_back(absl::StrCat(NodeName(names, c.source()), " ",
                                    c.relation(), " ",
                                    NodeName(names, c.target())));
    }
    std::sort(claims.begin(), claims.end());
    lines.push_back(absl::StrCat("document ", id, " hash '",
                                 doc->content_hash(), "' [",
                                 absl::StrJoin(claims, " | "), "]"));
  }
  std::sort(lines.begin(), lines.end());
  absl::StrAppend(&out, "\n", absl::StrJoin(lines, "\n"));
  return out;
}

std::vector<std::string> DocumentIds(const std::vector<TripleRow>& rows) {
  std::set<std::string> ids = {"a.md"};
  for (const TripleRow& row : rows) ids.insert(row.document);
  return std::vector<std::string>(ids.begin(), ids.end());
}

std::unique_ptr<GraphStore> OpenAt(const std::string& path,
                                   int64_t bulk_sst_min_claims) {
  std::filesystem::remove_all(path);
  GraphStoreOptions options;
  options.bulk_sst_min_claims = bulk_sst_min_claims;
  absl::StatusOr<std::unique_ptr<GraphStore>> store =
      GraphStore::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

class ChunkedTriplesTest : public GraphStoreTest,
                           public ::testing::WithParamInterface<size_t> {};

INSTANTIATE_TEST_SUITE_P(ChunkRows, ChunkedTriplesTest,
                         ::testing::Values(1, 3, 7, 1000));

// Any chunking writes what one chunk writes (node ids included: new nodes
// are numbered in the order rows name them), and the same graph as the
// per-document path.
TEST_P(ChunkedTriplesTest, ChunksWriteWhatOneWriteWrites) {
  const std::vector<TripleRow> rows = ScatteredRows();
  TripleBatch all;
  FillBatch(rows, 0, rows.size(), &all);
  // The per-document path (store_), one SST chunk, many chunks.
  OpenStore([] {
    GraphStoreOptions o;
    o.bulk_sst_min_claims = INT64_MAX;
    return o;
  }());
  ASSERT_TRUE(BulkLoad(store_.get(), all.ToDocuments()).ok());
  std::unique_ptr<GraphStore> one = OpenAt(path_ + "_one", 0);
  ASSERT_TRUE(BulkLoadTriples(one.get(), all).ok());
  // The default threshold: a first chunk this small is loaded with files
  // only because more follow; alone (1000 rows a chunk) it takes the
  // per-document path, whose node ids follow the documents.
  std::unique_ptr<GraphStore> chunked =
      OpenAt(path_ + "_chunked", GraphStoreOptions().bulk_sst_min_claims);
  ASSERT_TRUE(BulkLoadTriples(chunked.get(), ChunksOf(&rows, GetParam())).ok());
  if (GetParam() < rows.size()) {
    EXPECT_EQ(Dump(*chunked), Dump(*one));
    for (const std::string& id : DocumentIds(rows)) {
      EXPECT_EQ(DumpDocument(*chunked, id), DumpDocument(*one, id)) << id;
    }
  }
  EXPECT_EQ(DumpByName(*chunked, DocumentIds(rows)),
            DumpByName(*store_, DocumentIds(rows)));
  // One node for the three spellings; one edge with three supports (d1
  // twice counts once).
  std::shared_ptr<const GraphView> view = *chunked->View();
  const EdgeInfo* fact =
      Asserted(*view, Key(schema::MUSCLE, "psoas major"), schema::INSERTS_ON,
               Key(schema::STRUCTURE, "femur"));
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->support.size(), 3u);
  absl::StatusOr<schema::Document> d1 = chunked->GetDocument("d1");
  ASSERT_TRUE(d1.ok());
  EXPECT_EQ(d1->claims_size(), 1);
  // Each document has all its rows, whichever chunk they came in.
  absl::StatusOr<schema::Document> doc0 = chunked->GetDocument("doc0");
  ASSERT_TRUE(doc0.ok());
  EXPECT_EQ(doc0->claims_size(), 7);
  // Durable, and nothing left behind.
  const std::string before = Dump(*chunked);
  chunked.reset();
  EXPECT_FALSE(std::filesystem::exists(path_ + "_chunked/bulk_load.tmp"));
  absl::StatusOr<std::unique_ptr<GraphStore>> reopened =
      GraphStore::Open(path_ + "_chunked");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(Dump(**reopened), before);
  reopened->reset();
  one.reset();
  for (const char* suffix : {"_one", "_chunked"}) {
    std::filesystem::remove_all(path_ + suffix);
  }
}

// Importing over a store that holds some of the documents replaces them
// (their old claims go, edges only they supported too), as BulkLoad() does;
// the other documents and the counts stay right. Importing the same rows
// again changes nothing.
TEST_P(ChunkedTriplesTest, StoredDocumentsAreReplacedOnce) {
  const std::vector<TripleRow> rows = ScatteredRows();
  // What the store held: DocA, and earlier versions of d1 and doc3, one of
  // whose edges nothing else supports, one shared with DocA.
  const std::vector<TripleRow> earlier = {
      {schema::MUSCLE, "psoas major", schema::ANTAGONIST_OF, schema::MUSCLE,
       "gluteal muscles", "d1"},
      {schema::MUSCLE, "hip flexors", schema::ANTAGONIST_OF, schema::MUSCLE,
       "gluteal muscles", "doc3"},
      {schema::MUSCLE, "muscle 3", schema::INSERTS_ON, schema::STRUCTURE,
       "bone 4", "doc3"},
      {schema::MUSCLE, "old muscle", schema::PART_OF, schema::MUSCLE,
       "hip flexors", "doc3"},
  };
  TripleBatch all;
  FillBatch(rows, 0, rows.size(), &all);
  TripleBatch old_batch;
  FillBatch(earlier, 0, earlier.size(), &old_batch);
  OpenStore([] {
    GraphStoreOptions o;
    o.bulk_sst_min_claims = INT64_MAX;
    return o;
  }());
  std::unique_ptr<GraphStore> chunked = OpenAt(path_ + "_chunked", 0);
  for (GraphStore* store : {store_.get(), chunked.get()}) {
    ASSERT_TRUE(store->PutDocument(DocA()).ok());
    ASSERT_TRUE(BulkLoad(store, old_batch.ToDocuments()).ok());
  }
  ASSERT_TRUE(BulkLoad(store_.get(), all.ToDocuments()).ok());
  ASSERT_TRUE(BulkLoadTriples(chunked.get(), ChunksOf(&rows, GetParam())).ok());
  EXPECT_EQ(DumpByName(*chunked, DocumentIds(rows)),
            DumpByName(*store_, DocumentIds(rows)));
  std::shared_ptr<const GraphView> view = *chunked->View();
  EXPECT_EQ(Asserted(*view, kPsoas, schema::ANTAGONIST_OF, kGlutes), nullptr);
  EXPECT_EQ(Asserted(*view, Key(schema::MUSCLE, "old muscle"), schema::PART_OF,
                     kHipFlexors),
            nullptr);
  const EdgeInfo* shared =
      Asserted(*view, kHipFlexors, schema::ANTAGONIST_OF, kGlutes);
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->support.size(), 1u);  // DocA's; doc3's is gone.

  const std::string once = DumpByName(*chunked, DocumentIds(rows));
  ASSERT_TRUE(BulkLoadTriples(chunked.get(), ChunksOf(&rows, GetParam())).ok());
  EXPECT_EQ(DumpByName(*chunked, DocumentIds(rows)), once);
  chunked.reset();
  std::filesystem::remove_all(path_ + "_chunked");
}

// A bad row in a late chunk, or a failing source, leaves the store exactly
// as it was, with no temporary files; the row is numbered across chunks.
TEST_P(ChunkedTriplesTest, ErrorInLateChunkWritesNothing) {
  std::vector<TripleRow> rows = ScatteredRows();
  GraphStoreOptions options;
  options.bulk_sst_min_claims = 0;
  OpenStore(options);
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  const std::string before = Dump(*store_);

  std::vector<TripleRow> bad = rows;
  bad[bad.size() - 2].object = "?!";  // No letter or digit: no NameKey.
  absl::Status status =
      BulkLoadTriples(store_.get(), ChunksOf(&bad, GetParam()));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              HasSubstr(absl::StrCat("triple row ", bad.size() - 2, " ")));
  EXPECT_EQ(Dump(*store_), before);
  EXPECT_FALSE(std::filesystem::exists(path_ + "/bulk_load.tmp"));

  const int last_chunk =
      static_cast<int>((rows.size() + GetParam() - 1) / GetParam());
  status = BulkLoadTriples(store_.get(),
                           ChunksOf(&rows, GetParam(), last_chunk,
                                    absl::DataLossError("disk on fire")));
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(Dump(*store_), before);
  EXPECT_FALSE(std::filesystem::exists(path_ + "/bulk_load.tmp"));

  // After both, the same rows load.
  ASSERT_TRUE(BulkLoadTriples(store_.get(), ChunksOf(&rows, GetParam())).ok());
  EXPECT_EQ(GetStats().documents,
            static_cast<int64_t>(DocumentIds(rows).size()));  // a.md too.
}

TEST_F(GraphStoreTest, EmptyTriplesImportChangesNothing) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  const std::string before = Dump(*store_);
  const std::vector<TripleRow> none;
  ASSERT_TRUE(BulkLoadTriples(store_.get(), ChunksOf(&none, 3)).ok());
  EXPECT_EQ(Dump(*store_), before);
}

TEST_F(GraphStoreTest, SstBulkLoadRejectsRepeatedDocument) {
  GraphStoreOptions options;
  options.bulk_sst_min_claims = 0;
  OpenStore(options);
  std::vector<schema::DocumentClaims> docs = {DocA(), DocA()};
  EXPECT_EQ(BulkLoad(store_.get(), docs).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GetStats().documents, 0);
}

}  // namespace
}  // namespace mskg::graph
