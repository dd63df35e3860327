// bench/ingest_benchmark.cc
//
// Ingest throughput in MB/s of text on one core, over the evaluation corpus
// (bench_documents.h: $MSKG_SHARED/corpus/*, $MSKG_BENCH_DOCS, or the sample
// corpus). extract_stages_benchmark.cc times each stage of extraction.
//   BM_Extract          Ingester::Extract alone; the lexicon is loaded once,
//                       outside the timed loop.
//   BM_ExtractBatch     the measure: a batch of documents (the
//                       corpus repeated under new ids until it holds at
//                       least 4 MB), lexicon loading included once.
//   BM_IngestIntoStore  what `mskg ingest` does with a batch of documents,
//                       end to end: load the lexicon (once per batch), open
//                       a new durable store, write the reference facts,
//                       then extract each document and write its claims
//                       (one atomic PutDocument each). The batch is the
//                       corpus repeated under new document ids until it
//                       holds at least 4 MB.
//   BM_IngestFiles      the same batch as files, through IngestFiles (what
//                       `mskg ingest FOLDER` runs): extraction on worker
//                       threads, writes on the calling one. Wall time.
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bench/bench_documents.h"
#include "benchmark/benchmark.h"
#include "graph/graph_store.h"
#include "ingest/ingest_files.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using bench::LoadBenchDocuments;

void BM_Extract(benchmark::State& state) {
  static Ingester* ingester = [] {
    IngesterOptions options;
    if (const char* lex = std::getenv("MSKG_LEXICON_DIR")) {
      options.lexicon_dir = lex;
    }
    auto ing = Ingester::Create(options);
    return ing.ok() ? ing->release() : nullptr;
  }();
  if (ingester == nullptr) {
    state.SkipWithError("lexicon failed to load");
    return;
  }
  static const auto docs = LoadBenchDocuments();
  if (docs.empty()) {
    state.SkipWithError("no documents");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [name, text] : docs) {
      auto claims = ingester->Extract(name, text);
      benchmark::DoNotOptimize(claims);
      bytes += static_cast<int64_t>(text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// How many copies of `docs` make a batch of at least 4 MB.
int64_t BatchCopies(const std::vector<std::pair<std::string, std::string>>& docs) {
  constexpr int64_t kBatchBytes = 4 << 20;
  int64_t corpus_bytes = 0;
  for (const auto& [name, text] : docs) corpus_bytes += text.size();
  return (kBatchBytes + corpus_bytes - 1) / corpus_bytes;
}

// Returns a new empty folder under $TMPDIR, or "" if it cannot be made.
std::string MakeTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = absl::StrCat(tmp != nullptr && *tmp ? tmp : "/tmp",
                                 "/mskg_ingest_bench_XXXXXX");
  return mkdtemp(dir.data()) == nullptr ? "" : dir;
}

// What `mskg ingest` sets up before the first document: the lexicon, a new
// store at `path` (emptied first, untimed), its reference facts.
struct Session {
  std::unique_ptr<Ingester> ingester;
  std::unique_ptr<graph::GraphStore> store;
};
bool StartSession(benchmark::State& state, const std::string& path,
                  Session* session) {
  state.PauseTiming();
  std::filesystem::remove_all(path);
  state.ResumeTiming();
  auto ingester = Ingester::Create();
  auto store = graph::GraphStore::Open(path);
  if (!ingester.ok() || !store.ok() ||
      !(*store)->PutDocument((*ingester)->ReferenceClaims()).ok()) {
    state.SkipWithError("setup failed");
    return false;
  }
  session->ingester = *std::move(ingester);
  session->store = *std::move(store);
  return true;
}

void BM_ExtractBatch(benchmark::State& state) {
  static const auto docs = LoadBenchDocuments();
  if (docs.empty()) {
    state.SkipWithError("no documents");
    return;
  }
  const int64_t copies = BatchCopies(docs);
  int64_t bytes = 0;
  for (auto _ : state) {
    auto ingester = Ingester::Create();
    if (!ingester.ok()) {
      state.SkipWithError("lexicon failed to load");
      break;
    }
    for (int64_t copy = 0; copy < copies; ++copy) {
      for (const auto& [name, text] : docs) {
        auto claims = (*ingester)->Extract(absl::StrCat("copy", copy, "/", name), text);
        benchmark::DoNotOptimize(claims);
        bytes += static_cast<int64_t>(text.size());
      }
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractBatch)->Unit(benchmark::kMillisecond);

void BM_IngestIntoStore(benchmark::State& state) {
  static const auto docs = LoadBenchDocuments();
  if (docs.empty()) {
    state.SkipWithError("no documents");
    return;
  }
  int64_t corpus_bytes = 0;
  for (const auto& [name, text] : docs) corpus_bytes += text.size();
  const int64_t copies = BatchCopies(docs);
  const std::string dir = MakeTempDir();
  if (dir.empty()) {
    state.SkipWithError("mkdtemp failed");
    return;
  }
  int64_t bytes = 0, claims = 0;
  for (auto _ : state) {
    Session session;
    if (!StartSession(state, dir + "/store", &session)) break;
    for (int64_t copy = 0; copy < copies; ++copy) {
      for (const auto& [name, text] : docs) {
        auto extracted = session.ingester->Extract(
            absl::StrCat("copy", copy, "/", name), text);
        if (!extracted.ok() || !session.store->PutDocument(*extracted).ok()) {
          state.SkipWithError("ingest failed");
          break;
        }
        claims += extracted->claims_size();
        bytes += static_cast<int64_t>(text.size());
      }
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["claims/s"] =
      benchmark::Counter(claims, benchmark::Counter::kIsRate);
  state.counters["batch_MB"] = copies * corpus_bytes / 1e6;
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_IngestIntoStore)->Unit(benchmark::kMillisecond);

void BM_IngestFiles(benchmark::State& state) {
  static const auto docs = LoadBenchDocuments();
  if (docs.empty()) {
    state.SkipWithError("no documents");
    return;
  }
  const int64_t copies = BatchCopies(docs);
  const std::string dir = MakeTempDir();
  if (dir.empty()) {
    state.SkipWithError("mkdtemp failed");
    return;
  }
  std::vector<std::string> paths;
  int64_t batch_bytes = 0;
  for (int64_t copy = 0; copy < copies; ++copy) {
    for (const auto& [name, text] : docs) {
      paths.push_back(absl::StrCat(dir, "/copy", copy, "_", name));
      std::ofstream(paths.back(), std::ios::binary) << text;
      batch_bytes += static_cast<int64_t>(text.size());
    }
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    Session session;
    if (!StartSession(state, dir + "/store", &session)) break;
    bool failed = false;
    IngestFiles(*session.ingester, paths, session.store.get(), {},
                [&](const FileOutcome& outcome) {
                  failed = failed || !outcome.result.ok();
                });
    if (failed) {
      state.SkipWithError("ingest failed");
      break;
    }
    bytes += batch_bytes;
  }
  state.SetBytesProcessed(bytes);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_IngestFiles)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace mskg::ingest
