// bench/ingest_benchmark.cc
//
// Throughput of Ingester::Extract in MB/s on one core, over the evaluation
// corpus ($MSKG_SHARED/corpus/*.txt) or, without MSKG_SHARED, the sample
// corpus (data/sample_corpus), repeated. The lexicon is loaded once, outside
// the timed loop.
#include <dirent.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "benchmark/benchmark.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

std::vector<std::pair<std::string, std::string>> LoadDocuments() {
  std::string dir = "data/sample_corpus";
  if (const char* shared = std::getenv("MSKG_SHARED")) {
    dir = std::string(shared) + "/corpus";
  }
  std::vector<std::pair<std::string, std::string>> docs;
  if (DIR* d = opendir(dir.c_str())) {
    while (struct dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (!absl::EndsWith(name, ".txt") && !absl::EndsWith(name, ".md") &&
          !absl::EndsWith(name, ".html")) {
        continue;
      }
      std::ifstream in(dir + "/" + name, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      docs.emplace_back(name, ss.str());
    }
    closedir(d);
  }
  return docs;
}

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
  static const auto docs = LoadDocuments();
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

}  // namespace
}  // namespace mskg::ingest
