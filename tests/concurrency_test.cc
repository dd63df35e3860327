// tests/concurrency_test.cc
//
// Issue 10: reads while another writer ingests, replaces and deletes
// documents. A writer thread cycles each document through a bulk load (SST
// files ingested into RocksDB), a replacement with other content (one
// WriteBatch) and a deletion, flushing now and then; readers query at the
// same time, through the writer's own View() and through stores opened
// read-only afresh for each read (what another process, such as
// `mskg query`, does). Every read must succeed and see each document whole
// (all the claims of one of its versions) or not at all.
//
// Each cycle of the writer leaves every document deleted, so the bulk load
// of the next one (new documents only) takes the SST path again.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "schema/graph.pb.h"

namespace mskg {
namespace {

constexpr int kDocuments = 4;
constexpr int kClaimsPerVersion = 6;
constexpr int kCycles = 25;

std::string DocumentId(int doc) { return absl::StrCat("/docs/doc", doc, ".txt"); }

// The edges, as "source>target", of version `version` (0 or 1) of `doc`.
// Versions share no edge, so a torn read mixes names visibly.
std::set<std::string> VersionEdges(int doc, int version) {
  std::set<std::string> edges;
  for (int i = 0; i < kClaimsPerVersion; ++i) {
    edges.insert(absl::StrCat("doc", doc, " muscle ", i, ">doc", doc,
                              " partner ", version));
  }
  return edges;
}

schema::DocumentClaims Version(int doc, int version) {
  schema::DocumentClaims claims;
  claims.set_document_id(DocumentId(doc));
  claims.set_content_hash(absl::StrCat("hash", doc, "-", version));
  claims.set_size_bytes(100);
  for (const std::string& edge : VersionEdges(doc, version)) {
    const size_t gt = edge.find('>');
    schema::Claim* claim = claims.add_claims();
    claim->mutable_subject()->set_type(schema::MUSCLE);
    claim->mutable_subject()->set_name(edge.substr(0, gt));
    claim->set_relation(schema::ANTAGONIST_OF);
    claim->mutable_object()->set_type(schema::MUSCLE);
    claim->mutable_object()->set_name(edge.substr(gt + 1));
    claim->mutable_provenance()->set_document_id(DocumentId(doc));
    claim->mutable_provenance()->set_sentence(edge);
    claim->mutable_provenance()->set_begin(0);
    claim->mutable_provenance()->set_end(edge.size());
    claim->mutable_provenance()->set_rule("test");
    claim->mutable_provenance()->set_polarity(schema::AFFIRMED);
  }
  return claims;
}

constexpr const char* kQuery =
    "MATCH (a:Muscle)-[r:ANTAGONIST_OF]->(b:Muscle) WHERE NOT r.inferred "
    "RETURN a.name, b.name";

// Returns "" if every document in `view` is whole, else what is torn.
std::string CheckWhole(std::shared_ptr<const graph::GraphView> view) {
  query::QueryEngine engine(std::move(view));
  absl::StatusOr<query::ResultTable> table = engine.Run(kQuery);
  if (!table.ok()) return absl::StrCat("query failed: ", table.status().ToString());
  std::map<int, std::set<std::string>> by_doc;
  for (const query::ResultRow& row : table->rows) {
    const std::string source = row.values[0].ToString();
    const int doc = source.size() > 3 ? source[3] - '0' : -1;
    by_doc[doc].insert(absl::StrCat(source, ">", row.values[1].ToString()));
  }
  for (const auto& [doc, edges] : by_doc) {
    if (edges != VersionEdges(doc, 0) && edges != VersionEdges(doc, 1)) {
      return absl::StrCat("document ", doc, " is torn: ", edges.size(),
                          " edges, ", *edges.begin(), " ...");
    }
  }
  return "";
}

TEST(ConcurrencyTest, ReadersSeeWholeDocumentsWhileAWriterChangesThem) {
  const std::string path = absl::StrCat(::testing::TempDir(), "/concurrent");
  std::filesystem::remove_all(path);
  graph::GraphStoreOptions options;
  options.bulk_sst_min_claims = 1;  // Every bulk load goes through SST files.
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status();
  graph::GraphStore& writer = **store;

  std::atomic<bool> done{false};
  absl::Mutex mu;
  std::vector<std::string> failures;  // ABSL_GUARDED_BY(mu)
  std::atomic<int> reads{0}, fresh_opens{0};
  auto fail = [&](std::string what) {
    absl::MutexLock lock(&mu);
    if (failures.size() < 10) failures.push_back(std::move(what));
  };

  std::thread write_thread([&] {
    for (int cycle = 0; cycle < kCycles; ++cycle) {
      for (int doc = 0; doc < kDocuments; ++doc) {
        absl::Status s = graph::BulkLoad(&writer, {Version(doc, 0)});
        if (s.ok()) s = writer.PutDocument(Version(doc, 1)).status();
        if (s.ok()) s = writer.DeleteDocument(DocumentId(doc));
        if (!s.ok()) fail(absl::StrCat("write: ", s.ToString()));
      }
    }
    done = true;
  });
  // Through the writer's own snapshots.
  std::thread view_reader([&] {
    while (!done) {
      absl::StatusOr<std::shared_ptr<const graph::GraphView>> view = writer.View();
      if (!view.ok()) { fail(absl::StrCat("view: ", view.status().ToString())); continue; }
      const std::string torn = CheckWhole(*view);
      if (!torn.empty()) fail(torn);
      ++reads;
    }
  });
  // As another process would: a read-only store opened for each read.
  std::thread fresh_reader([&] {
    graph::GraphStoreOptions read_only;
    read_only.read_only = true;
    read_only.create_if_missing = false;
    while (!done) {
      absl::StatusOr<std::unique_ptr<graph::GraphStore>> reader =
          graph::GraphStore::Open(path, read_only);
      if (!reader.ok()) { fail(absl::StrCat("open: ", reader.status().ToString())); continue; }
      absl::StatusOr<std::shared_ptr<const graph::GraphView>> view = (*reader)->View();
      if (!view.ok()) { fail(absl::StrCat("read-only view: ", view.status().ToString())); continue; }
      const std::string torn = CheckWhole(*view);
      if (!torn.empty()) fail(absl::StrCat("read-only: ", torn));
      ++fresh_opens;
    }
  });
  write_thread.join();
  view_reader.join();
  fresh_reader.join();

  absl::MutexLock lock(&mu);
  for (const std::string& failure : failures) ADD_FAILURE() << failure;
  EXPECT_GT(reads.load(), 0);
  EXPECT_GT(fresh_opens.load(), 0);
  std::printf("%d reads through View(), %d through fresh read-only opens\n",
              reads.load(), fresh_opens.load());
  store->reset();
  std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace mskg
