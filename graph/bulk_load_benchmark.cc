// graph/bulk_load_benchmark.cc
//
// Google Benchmarks of BulkLoad() (bulk_loader.h) and GraphStore::View() on the
// synthetic graph of /work/shared/bench/gen_graph.py:
//
//   python3 gen_graph.py 1000000 --seed 42 -o /tmp/g1m.tsv
//   bazel run //graph:bulk_load_benchmark -- --benchmark_repetitions=3
//
// The graph is read from $MSKG_BENCH_GRAPH (default /tmp/g1m.tsv) with a
// minimal TSV reader that builds the same claims as interop's triples reader
// (graph/ may not depend on interop); parsing is not timed. If the file is
// missing, a random graph of $MSKG_BENCH_EDGES (default 1M) edges is made.
// Stores go under $TMPDIR (default /tmp).
//
// BM_BulkLoad/1: the whole graph in one BulkLoad() call; BM_BulkLoad/0: in
// batches of 200000 rows, whole documents, as `mskg import` does. Both count
// process CPU time (RocksDB's threads included) and report edges/s (items)
// and MB/s of TSV input. BM_View builds the view of the loaded store.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "benchmark/benchmark.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"

namespace mskg::graph {
namespace {

constexpr size_t kImportBatchRows = 200000;

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

schema::NodeType TypeOf(absl::string_view label) {
  for (int t = 1; t < kNumNodeTypes; ++t) {
    std::string name =
        schema::NodeType_Name(static_cast<schema::NodeType>(t));
    // "MUSCLE" vs "Muscle".
    if (name.size() == label.size() &&
        std::equal(name.begin(), name.end(), label.begin(), [](char a, char b) {
          return a == (b >= 'a' && b <= 'z' ? b - 'a' + 'A' : b);
        })) {
      return static_cast<schema::NodeType>(t);
    }
  }
  return schema::NODE_TYPE_UNSPECIFIED;
}

struct Input {
  std::vector<schema::DocumentClaims> docs;  // Grouped by document.
  int64_t edges = 0;
  int64_t bytes = 0;  // Of the TSV (or an estimate of it).
};

Input ReadTsv(const std::string& path) {
  Input input;
  std::ifstream in(path, std::ios::binary);
  absl::flat_hash_map<std::string, size_t> doc_index;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    input.bytes += line.size() + 1;
    if (header) {
      header = false;
      continue;
    }
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (f.size() != 6) continue;
    schema::Relation relation = schema::RELATION_UNSPECIFIED;
    if (!schema::Relation_Parse(std::string(f[2]), &relation)) continue;
    auto [it, added] = doc_index.try_emplace(f[5], input.docs.size());
    if (added) {
      input.docs.emplace_back().set_document_id(std::string(f[5]));
    }
    schema::Claim* c = input.docs[it->second].add_claims();
    c->mutable_subject()->set_type(TypeOf(f[0]));
    c->mutable_subject()->set_name(std::string(f[1]));
    c->set_relation(relation);
    c->mutable_object()->set_type(TypeOf(f[3]));
    c->mutable_object()->set_name(std::string(f[4]));
    c->mutable_provenance()->set_document_id(std::string(f[5]));
    c->mutable_provenance()->set_polarity(schema::AFFIRMED);
    c->mutable_provenance()->set_confidence(1.0f);
    ++input.edges;
  }
  return input;
}

Input RandomGraph(int64_t edges) {
  Input input;
  const int per_doc = 40;
  const int64_t nodes = std::max<int64_t>(edges / 5, 1);
  uint64_t x = 12345;
  auto rnd = [&x]() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int64_t d = 0; d * per_doc < edges; ++d) {
    schema::DocumentClaims& doc = input.docs.emplace_back();
    doc.set_document_id(absl::StrCat("doc/", d, ".md"));
    for (int i = 0; i < per_doc && d * per_doc + i < edges; ++i) {
      schema::Claim* c = doc.add_claims();
      c->mutable_subject()->set_type(schema::MUSCLE);
      c->mutable_subject()->set_name(absl::StrCat("muscle ", rnd() % nodes));
      c->set_relation(static_cast<schema::Relation>(1 + rnd() % 18));
      c->mutable_object()->set_type(schema::STRUCTURE);
      c->mutable_object()->set_name(absl::StrCat("structure ", rnd() % nodes));
      c->mutable_provenance()->set_document_id(doc.document_id());
      ++input.edges;
      input.bytes += 80;
    }
  }
  return input;
}

const Input& GetInput() {
  static const Input* input = [] {
    const std::string path = Env("MSKG_BENCH_GRAPH", "/tmp/g1m.tsv");
    if (std::filesystem::exists(path)) return new Input(ReadTsv(path));
    return new Input(
        RandomGraph(std::atoll(Env("MSKG_BENCH_EDGES", "1000000").c_str())));
  }();
  return *input;
}

// The documents in import-sized batches (whole documents).
std::vector<std::vector<schema::DocumentClaims>> Batches(size_t rows) {
  std::vector<std::vector<schema::DocumentClaims>> batches(1);
  size_t in_batch = 0;
  for (const schema::DocumentClaims& doc : GetInput().docs) {
    if (in_batch >= rows) {
      batches.emplace_back();
      in_batch = 0;
    }
    batches.back().push_back(doc);
    in_batch += doc.claims_size();
  }
  return batches;
}

std::string StorePath(absl::string_view name) {
  return absl::StrCat(Env("TMPDIR", "/tmp"), "/mskg_bulk_bench_", name);
}

void BM_BulkLoad(benchmark::State& state) {
  const bool one_call = state.range(0) == 1;
  const std::vector<std::vector<schema::DocumentClaims>> batches =
      Batches(one_call ? SIZE_MAX : kImportBatchRows);
  const std::string path = StorePath("load");
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(path);
    absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    state.ResumeTiming();
    for (const std::vector<schema::DocumentClaims>& batch : batches) {
      absl::Status s = BulkLoad(store->get(), batch);
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        return;
      }
    }
    state.PauseTiming();
    store->reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * GetInput().edges);
  state.SetBytesProcessed(state.iterations() * GetInput().bytes);
  state.counters["batches"] = batches.size();
}
BENCHMARK(BM_BulkLoad)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(1);

void BM_View(benchmark::State& state) {
  const std::string path = StorePath("view");
  {
    std::filesystem::remove_all(path);
    absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
    absl::Status s = store.ok() ? BulkLoad(store->get(), GetInput().docs)
                                : store.status();
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
  }
  size_t edges = 0;
  for (auto _ : state) {
    state.PauseTiming();
    absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      return;
    }
    state.ResumeTiming();
    absl::StatusOr<std::shared_ptr<const GraphView>> view = (*store)->View();
    if (!view.ok()) {
      state.SkipWithError(view.status().ToString().c_str());
      return;
    }
    edges = (*view)->num_edges();
    state.PauseTiming();
    view->reset();
    store->reset();
    state.ResumeTiming();
  }
  state.counters["view_edges"] = edges;
  state.SetItemsProcessed(state.iterations() * GetInput().edges);
}
BENCHMARK(BM_View)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace mskg::graph

BENCHMARK_MAIN();
