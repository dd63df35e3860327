// interop/roundtrip_test.cc: export then import reproduces the graph.
// JSON Lines carries everything (nodes, aliases, isolated nodes, every
// provenance field, denied edges); the triples TSV carries the affirmed
// edges and their documents, with tabs and line breaks in names as spaces.
// Runs through GraphViewBuilder and through the RocksDB store.
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "interop/claims_batcher.h"
#include "interop/jsonl_reader.h"
#include "interop/jsonl_writer.h"
#include "interop/test_graph.h"
#include "interop/triples_reader.h"
#include "interop/triples_writer.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using testing::CanonicalDump;
using testing::TrickyGraph;
using testing::ViewFromClaims;

// A sink that collects every document and checks each arrives once.
struct Collector {
  std::vector<schema::DocumentClaims> docs;
  std::set<std::string> seen;
  int batches = 0;
  bool duplicate = false;

  ClaimsSink Sink() {
    return [this](std::vector<schema::DocumentClaims>* batch) {
      ++batches;
      for (schema::DocumentClaims& doc : *batch) {
        if (!seen.insert(doc.document_id()).second) duplicate = true;
        docs.push_back(std::move(doc));
      }
      return absl::OkStatus();
    };
  }
};

std::string TempDir(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  std::filesystem::remove_all(path);
  return path;
}

class JsonlRoundTripTest : public ::testing::TestWithParam<size_t> {};

TEST_P(JsonlRoundTripTest, ReproducesGraphWithProvenance) {
  auto view = TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteJsonl(*view, {}, &text).ok());
  Collector collector;
  ImportOptions options;
  options.batch_rows = GetParam();
  absl::StatusOr<ImportStats> stats =
      ReadJsonl(&text, "tricky.jsonl", options, collector.Sink());
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_FALSE(collector.duplicate);
  EXPECT_EQ(stats->skipped, 1);   // The inferred edge.
  EXPECT_EQ(stats->mentions, 1);  // The isolated node.
  EXPECT_EQ(CanonicalDump(*ViewFromClaims(collector.docs)),
            CanonicalDump(*view));
}

// 1: spills after every claim; 3: spills mid-document; big: in memory.
INSTANTIATE_TEST_SUITE_P(BatchSizes, JsonlRoundTripTest,
                         ::testing::Values(1, 3, 1000));

// The affirmed (subject, relation, object, document) facts with names as the
// triples format spells them.
std::set<std::string> TripleFacts(const graph::GraphView& view) {
  std::set<std::string> facts;
  auto field = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.inferred || edge.negated) continue;
    for (const std::string& doc : AffirmedDocuments(edge)) {
      facts.insert(absl::StrCat(
          TypeLabel(view.node(edge.source).type), "|",
          field(view.node(edge.source).name), "|",
          RelationLabel(edge.relation), "|",
          TypeLabel(view.node(edge.target).type), "|",
          field(view.node(edge.target).name), "|", doc));
    }
  }
  return facts;
}

TEST(TriplesRoundTripTest, ReproducesFactsAndDocuments) {
  auto view = TrickyGraph();
  std::stringstream text;
  absl::StatusOr<int64_t> rows = WriteTriples(*view, {}, &text);
  ASSERT_TRUE(rows.ok());
  Collector collector;
  ImportOptions options;
  options.batch_rows = 2;
  absl::StatusOr<ImportStats> stats =
      ReadTriples(&text, "tricky.tsv", options, collector.Sink());
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, *rows);
  EXPECT_FALSE(collector.duplicate);
  EXPECT_EQ(TripleFacts(*ViewFromClaims(collector.docs)), TripleFacts(*view));
}

TEST(TriplesReaderTest, ReportsLineOfBadRow) {
  std::stringstream text(
      "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n"
      "Muscle\tpsoas\tPART_OF\tMuscle\thip flexors\td1\n"
      "Muscle\tpsoas\tLIKES\tMuscle\thip flexors\td1\n");
  Collector collector;
  absl::StatusOr<ImportStats> stats =
      ReadTriples(&text, "bad.tsv", {}, collector.Sink());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(stats.status().message(), ::testing::HasSubstr("bad.tsv:3:"));
}

TEST(TriplesReaderTest, FiveColumnsUseDefaultDocumentAndLastLineWithoutNewline) {
  std::stringstream text("Muscle\tpsoas\tPART_OF\tMuscle\thip flexors");
  Collector collector;
  ImportOptions options;
  options.default_document = "import:x";
  absl::StatusOr<ImportStats> stats =
      ReadTriples(&text, "x.tsv", options, collector.Sink());
  ASSERT_TRUE(stats.ok()) << stats.status();
  ASSERT_EQ(collector.docs.size(), 1u);
  EXPECT_EQ(collector.docs[0].document_id(), "import:x");
}

TEST(JsonlReaderTest, ReportsUnknownNode) {
  std::stringstream text(
      "{\"kind\":\"edge\",\"source\":1,\"relation\":\"PART_OF\",\"target\":2}\n");
  Collector collector;
  absl::StatusOr<ImportStats> stats =
      ReadJsonl(&text, "e.jsonl", {}, collector.Sink());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(stats.status().message(), ::testing::HasSubstr("e.jsonl:1:"));
}

// Through the store: import with BulkLoad, export the store's view.
TEST(StoreRoundTripTest, JsonlThroughStore) {
  auto view = TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteJsonl(*view, {}, &text).ok());
  const std::string path = TempDir("store_jsonl");
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  ImportOptions options;
  options.batch_rows = 3;  // Several BulkLoad calls, spilled documents.
  absl::StatusOr<ImportStats> stats = ReadJsonl(
      &text, "tricky.jsonl", options,
      [&](std::vector<schema::DocumentClaims>* batch) {
        return (*store)->BulkLoad(*batch);
      });
  ASSERT_TRUE(stats.ok()) << stats.status();
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> stored =
      (*store)->View();
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(CanonicalDump(**stored), CanonicalDump(*view));

  // Export from the store and import into a second store: same graph.
  std::stringstream again;
  ASSERT_TRUE(WriteJsonl(**stored, {}, &again).ok());
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> second =
      graph::GraphStore::Open(TempDir("store_jsonl_2"));
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(ReadJsonl(&again, "again.jsonl", {},
                        [&](std::vector<schema::DocumentClaims>* batch) {
                          return (*second)->BulkLoad(*batch);
                        })
                  .ok());
  EXPECT_EQ(CanonicalDump(**(*second)->View()), CanonicalDump(*view));
}

TEST(StoreRoundTripTest, TriplesThroughStore) {
  auto view = TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteTriples(*view, {}, &text).ok());
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(TempDir("store_triples"));
  ASSERT_TRUE(store.ok()) << store.status();
  ImportOptions options;
  options.batch_rows = 2;
  ASSERT_TRUE(ReadTriples(&text, "t.tsv", options,
                          [&](std::vector<schema::DocumentClaims>* batch) {
                            return (*store)->BulkLoad(*batch);
                          })
                  .ok());
  // The store overload of WriteTriples writes the same facts.
  std::stringstream exported;
  ASSERT_TRUE(WriteTriples(**store, {}, &exported).ok());
  Collector collector;
  ASSERT_TRUE(ReadTriples(&exported, "e.tsv", {}, collector.Sink()).ok());
  EXPECT_EQ(TripleFacts(*ViewFromClaims(collector.docs)), TripleFacts(*view));
}

}  // namespace
}  // namespace mskg::interop
