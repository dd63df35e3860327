// bench/write_visible_benchmark.cc: how long a one-document write takes to
// become visible to a new query: PutDocument() of one small document (a
// replacing write: three claims between existing nodes and one new node,
// its content changing every iteration), then View() and one anchored query
// on the new view, which must see the write. BM_WriteVisibleNewMember's
// document also adds a PART_OF edge each time, so that the inference rules
// rerun. On the benchmark graphs of
// shared/bench/README.md at 1k, 100k and 1M edges, imported as
// `mskg import --format triples` does into a store under $TMPDIR.
//
//   bazel run -c opt //bench:write_visible_benchmark
//   bazel run -c opt //bench:write_visible_benchmark --
//   --benchmark_filter=1000000
//
// Counters: write_ms (PutDocument alone), view_ms (View() and the query).
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "bench/bench_graphs.h"
#include "benchmark/benchmark.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "interop/triples_reader.h"
#include "query/query_engine.h"

namespace mskg {
namespace {

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "write_visible_benchmark: %s\n", message.c_str());
  std::abort();
}

// Returns a writable store of the `edges`-edge graph, imported once per
// process and kept open.
graph::GraphStore* StoreOf(int edges) {
  static auto* stores = new std::map<int, std::unique_ptr<graph::GraphStore>>;
  auto it = stores->find(edges);
  if (it != stores->end()) return it->second.get();
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = absl::StrCat(tmp != nullptr && *tmp ? tmp : "/tmp",
                                 "/mskg_write_visible_XXXXXX");
  if (mkdtemp(dir.data()) == nullptr) Die("mkdtemp failed");
  dir += "/store";
  absl::StatusOr<std::string> tsv = bench::GraphFile(edges);
  if (!tsv.ok()) Die(tsv.status().ToString());
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(dir);
  if (!store.ok()) Die(store.status().ToString());
  std::ifstream in(*tsv, std::ios::binary);
  interop::ImportOptions options;
  options.default_document = "import:bench";
  interop::TriplesChunkReader reader(&in, *tsv, options);
  absl::Status loaded = graph::BulkLoadTriples(
      store->get(), [&reader](graph::TripleBatch* b) { return reader.Next(b); });
  if (!loaded.ok()) Die(loaded.ToString());
  if (!(*store)->View().ok()) Die("View() failed");  // Writes the file.
  return stores->emplace(edges, *std::move(store)).first->second.get();
}

schema::NodeKey Key(schema::NodeType type, const std::string& name) {
  schema::NodeKey key;
  key.set_type(type);
  key.set_name(name);
  return key;
}

void AddClaim(const schema::NodeKey& s, schema::Relation r,
              const schema::NodeKey& o, const std::string& sentence,
              schema::DocumentClaims* doc) {
  schema::Claim* claim = doc->add_claims();
  *claim->mutable_subject() = s;
  claim->set_relation(r);
  *claim->mutable_object() = o;
  claim->mutable_provenance()->set_sentence(sentence);
  claim->mutable_provenance()->set_rule("bench");
  claim->mutable_provenance()->set_polarity(schema::AFFIRMED);
}

// The document of iteration `i`: the same id, content that changes, and a
// new node per iteration (as a new article names a new entity). With
// `new_member`, also a new muscle of the hip flexors (the last iteration's
// leaves with the document it replaces): new premises for the inference
// rules, which then run again instead of the base's inferred edges being
// copied (graph/view_patch.cc).
schema::DocumentClaims Document(int64_t i, bool new_member) {
  schema::DocumentClaims doc;
  doc.set_document_id("bench-write.md");
  doc.set_content_hash(absl::StrCat("h", i));
  const schema::NodeKey psoas = Key(schema::MUSCLE, "psoas major");
  const schema::NodeKey flexors = Key(schema::MUSCLE, "hip flexors");
  const schema::NodeKey glutes = Key(schema::MUSCLE, "gluteus maximus");
  const schema::NodeKey fresh =
      Key(schema::STRUCTURE, absl::StrCat("bench landmark ", i));
  AddClaim(psoas, schema::PART_OF, flexors, "The psoas is a hip flexor.", &doc);
  AddClaim(flexors, schema::ANTAGONIST_OF, glutes,
           absl::StrCat("Hip flexors oppose the glutes (", i, ")."), &doc);
  AddClaim(psoas, schema::ATTACHES_TO, fresh,
           absl::StrCat("The psoas attaches to landmark ", i, "."), &doc);
  if (new_member) {
    AddClaim(Key(schema::MUSCLE, absl::StrCat("bench muscle ", i)),
             schema::PART_OF, flexors,
             absl::StrCat("Muscle ", i, " is a hip flexor."), &doc);
  }
  return doc;
}

void RunWriteVisible(benchmark::State& state, bool new_member) {
  const int edges = static_cast<int>(state.range(0));
  graph::GraphStore* store = StoreOf(edges);
  static int64_t iteration = 0;
  double write_ms = 0, view_ms = 0;
  for (auto _ : state) {
    const int64_t i = ++iteration;
    const auto t0 = std::chrono::steady_clock::now();
    absl::StatusOr<graph::DocumentWriteResult> written =
        store->PutDocument(Document(i, new_member));
    if (!written.ok()) Die(written.status().ToString());
    const auto t1 = std::chrono::steady_clock::now();
    absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
        store->View();
    if (!view.ok()) Die(view.status().ToString());
    query::QueryEngine engine(*view);
    absl::StatusOr<query::ResultTable> result = engine.Run(absl::StrCat(
        "MATCH (s:Structure {name: 'bench landmark ", i, "'}) RETURN s.name"));
    if (!result.ok() || result->rows.size() != 1) Die("write not visible");
    benchmark::DoNotOptimize(result->rows);
    const auto t2 = std::chrono::steady_clock::now();
    write_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    view_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
  }
  state.counters["write_ms"] = benchmark::Counter(
      write_ms, benchmark::Counter::kAvgIterations);
  state.counters["view_ms"] =
      benchmark::Counter(view_ms, benchmark::Counter::kAvgIterations);
}

void BM_WriteVisible(benchmark::State& state) {
  RunWriteVisible(state, /*new_member=*/false);
}
void BM_WriteVisibleNewMember(benchmark::State& state) {
  RunWriteVisible(state, /*new_member=*/true);
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgName("edges")
      ->Arg(1000)
      ->Arg(100000)
      ->Arg(1000000)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

BENCHMARK(BM_WriteVisible)->Apply(Sizes);
BENCHMARK(BM_WriteVisibleNewMember)->Apply(Sizes);

}  // namespace
}  // namespace mskg

BENCHMARK_MAIN();
