// bench/view_open_benchmark.cc: what a new process pays before its first
// answer: open the store read-only, get its view, prepare and run one
// anchored query (`MATCH (m:Muscle {name: 'psoas major'}) RETURN m.name`),
// on the benchmark graphs of shared/bench/README.md at 1k, 100k and 1M
// edges, with the view mapped from the store's snapshot file (warm: its
// pages cached; cold: the store's files dropped from the page cache with
// posix_fadvise before each iteration) and, for comparison, rebuilt from a
// scan of the store as every open did before the snapshot file.
//
//   bazel run -c opt //bench:view_open_benchmark
//   bazel run -c opt //bench:view_open_benchmark -- --benchmark_filter=1000000
//
// Counters: snapshot_bytes_per_edge (the file's size over the edges
// imported), rss_mb (this process's resident set after the iteration;
// Linux's VmRSS, which counts the mapped pages read).
//
// Graphs: /tmp/mskg_bench_gN.tsv, generated with
// `python3 $MSKG_SHARED/bench/gen_graph.py N --seed 42 -o ...` when absent,
// imported as `mskg import --format triples` does (BulkLoadTriples, then
// View(), which writes the snapshot file) into a store under $TMPDIR.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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

namespace fs = std::filesystem;

constexpr char kQuery[] = "MATCH (m:Muscle {name: 'psoas major'}) RETURN m.name";
constexpr char kSnapshotFile[] = "view.snapshot";  // graph/snapshot_file.h

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "view_open_benchmark: %s\n", message.c_str());
  std::abort();
}



// Returns the store of the `edges`-edge graph, imported once per process.
const std::string& StoreOf(int edges) {
  static auto* stores = new std::map<int, std::string>;
  auto it = stores->find(edges);
  if (it != stores->end()) return it->second;
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = absl::StrCat(tmp != nullptr && *tmp ? tmp : "/tmp",
                                 "/mskg_view_open_XXXXXX");
  if (mkdtemp(dir.data()) == nullptr) Die("mkdtemp failed");
  dir += "/store";
  absl::StatusOr<std::string> tsv_file = bench::GraphFile(edges);
  if (!tsv_file.ok()) Die(tsv_file.status().ToString());
  const std::string tsv = *tsv_file;
  {
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open(dir);
    if (!store.ok()) Die(store.status().ToString());
    std::ifstream in(tsv, std::ios::binary);
    interop::ImportOptions options;
    options.default_document = "import:bench";
    interop::TriplesChunkReader reader(&in, tsv, options);
    absl::Status loaded = graph::BulkLoadTriples(
        store->get(), [&reader](graph::TripleBatch* b) { return reader.Next(b); });
    if (!loaded.ok()) Die(loaded.ToString());
    if (!(*store)->View().ok()) Die("View() failed");  // Writes the file.
  }
  if (!fs::exists(fs::path(dir) / kSnapshotFile)) Die("no snapshot written");
  return stores->emplace(edges, dir).first->second;
}

// Drops the store's files from the page cache (clean pages only, which
// they are once written back).
void DropFromPageCache(const std::string& dir) {
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const int fd = ::open(entry.path().c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

double RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
  }
  return 0;
}

// One process's first answer: open, view, query. Aborts on a wrong answer.
void OpenAndAnswer(const std::string& dir) {
  graph::GraphStoreOptions options;
  options.read_only = true;
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(dir, options);
  if (!store.ok()) Die(store.status().ToString());
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) Die(view.status().ToString());
  query::QueryEngine engine(*view);
  absl::StatusOr<query::ResultTable> result = engine.Run(kQuery);
  if (!result.ok() || result->rows.size() != 1) Die("wrong answer");
  benchmark::DoNotOptimize(result->rows);
}

enum Mode { kWarm, kCold, kRebuilt };

void BM_OpenAndFirstAnswer(benchmark::State& state) {
  const int edges = static_cast<int>(state.range(0));
  const Mode mode = static_cast<Mode>(state.range(1));
  const std::string& dir = StoreOf(edges);
  const fs::path file = fs::path(dir) / kSnapshotFile;
  const fs::path aside = fs::path(dir) / "view.snapshot.aside";
  if (mode == kRebuilt) fs::rename(file, aside);  // As before the file.
  for (auto _ : state) {
    if (mode == kCold) {
      state.PauseTiming();
      DropFromPageCache(dir);
      state.ResumeTiming();
    }
    OpenAndAnswer(dir);
  }
  if (mode == kRebuilt) fs::rename(aside, file);
  state.counters["snapshot_bytes_per_edge"] =
      static_cast<double>(fs::file_size(file)) / edges;
  state.counters["rss_mb"] = RssMb();
}

void Sizes(benchmark::internal::Benchmark* b) {
  for (int edges : {1000, 100000, 1000000}) {
    for (int mode : {kWarm, kCold, kRebuilt}) b->Args({edges, mode});
  }
  b->ArgNames({"edges", "warm0_cold1_rebuilt2"});
  b->Unit(benchmark::kMillisecond);
  b->UseRealTime();
}
BENCHMARK(BM_OpenAndFirstAnswer)->Apply(Sizes);

}  // namespace
}  // namespace mskg

BENCHMARK_MAIN();
