// bench/interop_benchmark.cc: import and export speed on the benchmark
// graph. Import streams a triples TSV into a fresh durable store (RocksDB;
// columnar chunks and BulkLoadTriples, as `mskg import`); exports write the
// store (triples, streamed from RocksDB) and its view (JSON Lines,
// N-Triples) to a file. Counters: edges/s (rows), MB/s, and for import the
// growth of peak resident memory (peak_MB).
//
//   python3 shared/bench/gen_graph.py 1000000 --seed 42 -o /tmp/g1m.tsv
//   bazel run -c opt //bench:interop_benchmark -- --benchmark_counters_tabular=true
//
// The input is $MSKG_BENCH_GRAPH, default /tmp/g1m.tsv; the benchmarks skip
// with a message when it is absent. Stores and outputs go to $TMPDIR.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "interop/claims_batcher.h"
#include "interop/jsonl_writer.h"
#include "interop/rdf_writer.h"
#include "interop/triples_reader.h"
#include "interop/triples_writer.h"

namespace mskg {
namespace {

std::string InputPath() {
  const char* path = std::getenv("MSKG_BENCH_GRAPH");
  return path != nullptr && *path != '\0' ? path : "/tmp/g1m.tsv";
}

std::string TempDir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

// Imports InputPath() into a new store at `path`, as `mskg import` does
// (chunked: columnar chunks of interop::kDefaultChunkRows rows loaded as
// one atomic write by BulkLoadTriples) or through the DocumentClaims
// batcher and BulkLoad. With `queryable`, also builds the view and writes
// its snapshot file, as `mskg import` does before it returns: the store is
// then ready for a new process's first query. Returns rows imported.
absl::StatusOr<int64_t> Import(const std::string& path, bool chunked = true,
                               bool queryable = false) {
  std::filesystem::remove_all(path);
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(path);
  if (!store.ok()) return store.status();
  std::ifstream in(InputPath(), std::ios::binary);
  interop::ImportOptions options;
  options.default_document = "import:bench";
  if (chunked) {
    interop::TriplesChunkReader reader(&in, InputPath(), options);
    if (absl::Status s = graph::BulkLoadTriples(store->get(), 
            [&reader](graph::TripleBatch* b) { return reader.Next(b); });
        !s.ok()) {
      return s;
    }
    if (queryable) {
      if (absl::Status s = (*store)->View().status(); !s.ok()) return s;
    }
    return reader.stats().claims;
  }
  absl::StatusOr<interop::ImportStats> stats = interop::ReadTriples(
      &in, InputPath(), options,
      [&](std::vector<schema::DocumentClaims>* batch) {
        return graph::BulkLoad(store->get(), *batch);
      });
  if (!stats.ok()) return stats.status();
  return stats->claims;
}

// Peak resident memory (VmHWM) in bytes, or -1 if unknown.
int64_t PeakRssBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::strtoll(line.c_str() + 6, nullptr, 10) * 1024;
    }
  }
  return -1;
}

// Resets the peak to the current resident memory (Linux >= 4.0); returns
// false if it cannot, in which case peaks include earlier benchmarks.
bool ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

// The store imported once for the export benchmarks.
graph::GraphStore* SharedStore() {
  static graph::GraphStore* store = [] () -> graph::GraphStore* {
    const std::string path = TempDir() + "/mskg_interop_bench_store";
    if (!Import(path).ok()) return nullptr;
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> opened =
        graph::GraphStore::Open(path);
    return opened.ok() ? opened->release() : nullptr;
  }();
  return store;
}

bool HaveInput(benchmark::State& state) {
  if (std::filesystem::exists(InputPath())) return true;
  state.SkipWithError(("missing " + InputPath() +
                       "; run shared/bench/gen_graph.py 1000000 --seed 42 -o "
                       "/tmp/g1m.tsv")
                          .c_str());
  return false;
}

void Report(benchmark::State& state, int64_t rows, int64_t bytes) {
  state.counters["edges/s"] =
      benchmark::Counter(rows, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["MB/s"] = benchmark::Counter(
      bytes / 1e6, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rows"] = rows;
  state.counters["MB"] = bytes / 1e6;
}

// Counters besides the rates: "peak_MB", how far resident memory rose above
// what it was before the import (VmHWM after a reset of the peak), which
// with a bounded import stays far below the input's size.
void BM_ImportTriples(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const std::string path = TempDir() + "/mskg_interop_bench_import";
  int64_t rows = 0;
  int64_t peak_growth = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const bool reset = ResetPeakRss();
    const int64_t before = PeakRssBytes();
    state.ResumeTiming();
    absl::StatusOr<int64_t> imported =
        Import(path, state.range(0) != 0, state.range(0) == 2);
    if (!imported.ok()) {
      state.SkipWithError(std::string(imported.status().message()).c_str());
      return;
    }
    rows = *imported;
    if (reset) peak_growth = std::max(peak_growth, PeakRssBytes() - before);
  }
  Report(state, rows,
         static_cast<int64_t>(std::filesystem::file_size(InputPath())));
  state.counters["peak_MB"] = peak_growth / 1e6;
  std::filesystem::remove_all(path);
}
// Arg 1: chunked columnar; arg 2: the same, then the view built and its
// snapshot file written (all of `mskg import`: queryable at once by a new
// process); arg 0: DocumentClaims batches through BulkLoad. Into an empty
// store, as here, arg 1 builds the view too (the loader hands it its data,
// bulk_loader.h), so 1 and 2 now cost the same.
BENCHMARK(BM_ImportTriples)->Arg(1)->Arg(2)->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)->UseRealTime();

void BM_ParseTriplesChunked(benchmark::State& state) {
  if (!HaveInput(state)) return;
  int64_t rows = 0;
  for (auto _ : state) {
    std::ifstream in(InputPath(), std::ios::binary);
    interop::TriplesChunkReader reader(&in, InputPath(), {});
    graph::TripleBatch batch;
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&batch);
      if (!more.ok()) return state.SkipWithError("parse failed");
      if (!*more) break;
    }
    rows = reader.stats().claims;
  }
  Report(state, rows,
         static_cast<int64_t>(std::filesystem::file_size(InputPath())));
}
BENCHMARK(BM_ParseTriplesChunked)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

// The reader alone (parsing, grouping, spilling), with a sink that drops
// the batches: what import costs before the store.
void BM_ParseTriples(benchmark::State& state) {
  if (!HaveInput(state)) return;
  int64_t rows = 0;
  for (auto _ : state) {
    std::ifstream in(InputPath(), std::ios::binary);
    absl::StatusOr<interop::ImportStats> stats = interop::ReadTriples(
        &in, InputPath(), {},
        [](std::vector<schema::DocumentClaims>*) { return absl::OkStatus(); });
    if (!stats.ok()) return state.SkipWithError("parse failed");
    rows = stats->claims;
  }
  Report(state, rows,
         static_cast<int64_t>(std::filesystem::file_size(InputPath())));
}
BENCHMARK(BM_ParseTriples)->Unit(benchmark::kMillisecond)->Iterations(3)
    ->UseRealTime();

void BM_ExportTriplesFromStore(benchmark::State& state) {
  if (!HaveInput(state)) return;
  graph::GraphStore* store = SharedStore();
  if (store == nullptr) return state.SkipWithError("import failed");
  const std::string out_path = TempDir() + "/mskg_interop_bench.tsv";
  int64_t rows = 0;
  for (auto _ : state) {
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    absl::StatusOr<int64_t> written =
        interop::WriteTriples(*store, interop::TriplesWriterOptions(), &out);
    if (!written.ok()) return state.SkipWithError("export failed");
    rows = *written;
  }
  Report(state, rows,
         static_cast<int64_t>(std::filesystem::file_size(out_path)));
}
BENCHMARK(BM_ExportTriplesFromStore)->Unit(benchmark::kMillisecond)
    ->Iterations(3)->UseRealTime();

// The store's view, built (with inference) once.
std::shared_ptr<const graph::GraphView> SharedView() {
  static std::shared_ptr<const graph::GraphView> view = [] {
    graph::GraphStore* store = SharedStore();
    if (store == nullptr) return std::shared_ptr<const graph::GraphView>();
    absl::StatusOr<std::shared_ptr<const graph::GraphView>> v = store->View();
    return v.ok() ? *v : std::shared_ptr<const graph::GraphView>();
  }();
  return view;
}

template <typename WriteFn>
void ExportView(benchmark::State& state, const std::string& name,
                WriteFn write) {
  if (!HaveInput(state)) return;
  std::shared_ptr<const graph::GraphView> view = SharedView();
  if (view == nullptr) return state.SkipWithError("import failed");
  const std::string out_path = TempDir() + "/mskg_interop_bench." + name;
  for (auto _ : state) {
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    if (!write(*view, &out).ok()) return state.SkipWithError("export failed");
  }
  Report(state, static_cast<int64_t>(view->num_edges()),
         static_cast<int64_t>(std::filesystem::file_size(out_path)));
}

void BM_ExportJsonlFromView(benchmark::State& state) {
  ExportView(state, "jsonl", [](const graph::GraphView& v, std::ostream* o) {
    return interop::WriteJsonl(v, {}, o).status();
  });
}
BENCHMARK(BM_ExportJsonlFromView)->Unit(benchmark::kMillisecond)
    ->Iterations(3)->UseRealTime();

void BM_ExportTriplesFromView(benchmark::State& state) {
  ExportView(state, "view.tsv", [](const graph::GraphView& v, std::ostream* o) {
    return interop::WriteTriples(v, interop::TriplesWriterOptions(), o)
        .status();
  });
}
BENCHMARK(BM_ExportTriplesFromView)->Unit(benchmark::kMillisecond)
    ->Iterations(3)->UseRealTime();

void BM_ExportNTriplesFromView(benchmark::State& state) {
  ExportView(state, "nt", [](const graph::GraphView& v, std::ostream* o) {
    return interop::WriteRdf(v, {}, o).status();
  });
}
BENCHMARK(BM_ExportNTriplesFromView)->Unit(benchmark::kMillisecond)
    ->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace mskg
