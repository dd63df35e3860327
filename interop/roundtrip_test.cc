// interop/roundtrip_test.cc: export then import reproduces the graph.
// JSON Lines carries everything (nodes, aliases, isolated nodes, every
// provenance field, denied edges); the triples TSV carries the affirmed
// edges and their documents, with tabs and line breaks in names as spaces.
// Runs through GraphViewBuilder and through the RocksDB store.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "interop/claims_batcher.h"
#include "interop/import_testing.h"
#include "interop/jsonl_reader.h"
#include "interop/jsonl_writer.h"
#include "interop/test_graph.h"
#include "interop/triples_reader.h"
#include "interop/triples_writer.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using testing::CanonicalDump;
using testing::ReadChunks;
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
          field(std::string(view.node(edge.source).name)), "|",
          RelationLabel(edge.relation), "|",
          TypeLabel(view.node(edge.target).type), "|",
          field(std::string(view.node(edge.target).name)), "|", doc));
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

  // Regression (//fuzz:triples_reader_fuzzer): a name that is not UTF-8 is
  // refused at its line and column; one that is passes.
  std::stringstream utf8(
      "Muscle\tm\xC3\xBAsculo\tPART_OF\tMuscle\thip\td1\n"
      "Muscle\tpsoas\xFF\tPART_OF\tMuscle\thip\td1\n");
  stats = ReadTriples(&utf8, "bad.tsv", {}, collector.Sink());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      stats.status().message(),
      ::testing::HasSubstr("bad.tsv:2: invalid UTF-8 byte 0xFF at column 13"));
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

// The same rows as ReadTriples, in order, however the input is cut: by rows,
// by bytes, a chunk boundary inside any line.
TEST(TriplesChunkReaderTest, SameRowsAsReadTriplesForAnyChunking) {
  auto view = TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteTriples(*view, {}, &text).ok());
  // A comment, a blank line, CRLF, a 5-column row, no final newline.
  const std::string input =
      text.str() +
      "# note\n\nMuscle\tiliacus\tPART_OF\tMuscle\thip flexors\r\n"
      "Muscle\tpsoas\tPART_OF\tMuscle\thip flexors\td9";
  Collector collector;
  std::stringstream again(input);
  ImportOptions options;
  options.default_document = "import:x";
  ASSERT_TRUE(ReadTriples(&again, "x.tsv", options, collector.Sink()).ok());
  std::multiset<std::string> expected;
  for (const schema::DocumentClaims& doc : collector.docs) {
    for (const schema::Claim& c : doc.claims()) {
      expected.insert(absl::StrCat(
          TypeLabel(c.subject().type()), "|", c.subject().name(), "|",
          RelationLabel(c.relation()), "|", TypeLabel(c.object().type()), "|",
          c.object().name(), "|", c.provenance().document_id()));
    }
  }
  std::vector<std::string> whole;
  for (size_t rows : {size_t{1}, size_t{2}, size_t{5}, size_t{1} << 20}) {
    for (size_t bytes : {size_t{1}, size_t{7}, size_t{100}, size_t{1} << 30}) {
      int64_t chunks = 0;
      absl::StatusOr<std::vector<std::string>> got =
          ReadChunks(input, rows, bytes, &chunks);
      ASSERT_TRUE(got.ok()) << got.status();
      EXPECT_EQ(std::multiset<std::string>(got->begin(), got->end()), expected)
          << rows << " rows, " << bytes << " bytes";
      if (whole.empty()) whole = *got;
      EXPECT_EQ(*got, whole) << "order, " << rows << " rows";
      if (rows == 1) {
        EXPECT_EQ(chunks, static_cast<int64_t>(got->size()));
      }
    }
  }
  EXPECT_EQ(whole.back(), "Muscle|psoas|PART_OF|Muscle|hip flexors|d9");
  EXPECT_EQ(whole[whole.size() - 2],
            "Muscle|iliacus|PART_OF|Muscle|hip flexors|import:x");
}

// Errors name the line counted from the start of the input, in any chunk.
TEST(TriplesChunkReaderTest, ReportsLineOfBadRowInLateChunk) {
  std::string text =
      "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";
  for (int i = 0; i < 9; ++i) {
    absl::StrAppend(&text, "Muscle\tm", i, "\tPART_OF\tMuscle\tg\td", i % 2,
                    "\n");
  }
  for (const auto& [bad, message] :
       std::vector<std::pair<std::string, std::string>>{
           {"Muscle\tpsoas\tLIKES\tMuscle\thip flexors\td1",
            "x.tsv:11: unknown relation"},
           {"Musle\tpsoas\tPART_OF\tMuscle\thip flexors\td1", "x.tsv:11: "},
           {"Muscle\tpsoas\tPART_OF", "x.tsv:11: expected 5 or 6"},
           {"Muscle\t--\tPART_OF\tMuscle\thip flexors\td1",
            "x.tsv:11: name '--' has no letter or digit"},
           // Regression (//fuzz:triples_reader_fuzzer): names and
           // documents that are not UTF-8 reached protobuf string fields.
           {"Muscle\tps\xF0"
            "as\tPART_OF\tMuscle\thip\td1",
            "x.tsv:11: invalid UTF-8 byte 0xF0 at column 10"},
           {"Muscle\tpsoas\tPART_OF\tMuscle\thip\td\xED\xA0\x80",
            "x.tsv:11: invalid UTF-8 byte 0xED at column 34"},
       }) {
    for (size_t rows : {size_t{1}, size_t{3}, size_t{1000}}) {
      int64_t chunks = 0;
      absl::StatusOr<std::vector<std::string>> got =
          ReadChunks(text + bad + "\nMuscle\ta\tPART_OF\tMuscle\tb\n", rows,
                     size_t{32} << 20, &chunks);
      EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_THAT(got.status().message(), ::testing::HasSubstr(message)) << bad;
    }
  }
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

// Regression (//fuzz:jsonl_reader_fuzzer): a span offset of -9 was cast to
// uint32_t, which is undefined; offsets must be whole numbers that fit, ids
// must fit in 64 bits, and names must be UTF-8.
TEST(JsonlReaderTest, RefusesBadOffsetsIdsAndText) {
  auto read = [](const std::string& id, const std::string& name,
                 const std::string& offset) {
    std::stringstream text(
        "{\"kind\":\"node\",\"id\":" + id + ",\"type\":\"Muscle\",\"name\":\"" +
        name +
        "\"}\n"
        "{\"kind\":\"node\",\"id\":2,\"type\":\"Muscle\",\"name\":\"b\"}\n"
        "{\"kind\":\"edge\",\"source\":" +
        id +
        ",\"relation\":\"ANTAGONIST_OF\",\"target\":2,\"support\":[{"
        "\"document\":\"/d.txt\",\"begin\":0,\"end\":" +
        offset + "}]}\n");
    Collector collector;
    return ReadJsonl(&text, "e.jsonl", {}, collector.Sink()).status();
  };
  EXPECT_TRUE(read("1", "a", "4294967295").ok());
  EXPECT_TRUE(read("18446744073709551615", "a", "0").ok());
  for (const char* offset : {"-9", "4294967296", "1.5", "1e300", "-0.5"}) {
    const absl::Status status = read("1", "a", offset);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << offset;
    EXPECT_THAT(status.message(), ::testing::HasSubstr(absl::StrCat(
                                      "e.jsonl:3: field \"end\" is ", offset,
                                      ", not a byte offset")));
  }
  EXPECT_THAT(
      read("18446744073709551616", "a", "0").message(),
      ::testing::HasSubstr("e.jsonl:1: field \"id\" is past the largest"));
  EXPECT_THAT(
      read("1", "gluteus\xFF", "0").message(),
      ::testing::HasSubstr("e.jsonl:1: bad JSON at byte 53: invalid UTF-8"));
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
        return graph::BulkLoad(store->get(), *batch);
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
                          return graph::BulkLoad(second->get(), *batch);
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
                            return graph::BulkLoad(store->get(), *batch);
                          })
                  .ok());
  // The store overload of WriteTriples writes the same facts.
  std::stringstream exported;
  ASSERT_TRUE(WriteTriples(**store, {}, &exported).ok());
  Collector collector;
  ASSERT_TRUE(ReadTriples(&exported, "e.tsv", {}, collector.Sink()).ok());
  EXPECT_EQ(TripleFacts(*ViewFromClaims(collector.docs)), TripleFacts(*view));
}

// `mskg import --format triples` in chunks: export, import in chunks of two
// rows, export again: the same file; and a second store imported from that
// export holds the same again.
TEST(StoreRoundTripTest, TriplesThroughStoreInChunks) {
  auto view = TrickyGraph();
  std::stringstream text;
  ASSERT_TRUE(WriteTriples(*view, {}, &text).ok());
  auto import = [](const std::string& tsv, const std::string& dir,
                   size_t chunk_rows) -> std::string {
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open(TempDir(dir));
    EXPECT_TRUE(store.ok()) << store.status();
    std::stringstream in(tsv);
    TriplesChunkReader reader(&in, "t.tsv", {}, chunk_rows);
    absl::Status loaded = graph::BulkLoadTriples(store->get(), 
        [&reader](graph::TripleBatch* batch) { return reader.Next(batch); });
    EXPECT_TRUE(loaded.ok()) << loaded;
    std::stringstream exported;
    EXPECT_TRUE(WriteTriples(**store, {}, &exported).ok());
    return exported.str();
  };
  const std::string first = import(text.str(), "chunks_1", 2);
  Collector collector;
  std::stringstream in(first);
  ASSERT_TRUE(ReadTriples(&in, "e.tsv", {}, collector.Sink()).ok());
  EXPECT_EQ(TripleFacts(*ViewFromClaims(collector.docs)), TripleFacts(*view));
  EXPECT_EQ(import(first, "chunks_2", 2), first);
  EXPECT_EQ(import(first, "chunks_3", 1000), first);
}

}  // namespace
}  // namespace mskg::interop
