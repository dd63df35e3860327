// bench/extract_stages_benchmark.cc
//
// What each stage of extraction costs, in MB/s of document text on one core
// over the benchmark documents (bench_documents.h), each stage timed alone
// on the output of the ones before it (prepared outside the timed loop):
//   BM_StageRead    bytes -> StructuredText (document_reader.h: format,
//                   UTF-8 checks, blocks, headings, list items)
//   BM_StageSplit   StructuredText -> sentences (sentence_splitter.h)
//   BM_StageLink    sentences -> tokens and entity mentions: lexicon
//                   matches, open noun phrases, one name per entity
//                   (AnalyzeSentences: tokenizer, entity_linker,
//                   phrase_finder)
//   BM_StageRules   mentions -> claims: every rule family, the topic and
//                   sections, and the claim model (RelationExtractor)
// The sum of the four is BM_Extract of ingest_benchmark.cc, less the
// claims' hashing.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_documents.h"
#include "benchmark/benchmark.h"
#include "ingest/document_reader.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"
#include "ingest/sentence_splitter.h"

namespace mskg::ingest {
namespace {

// Each document after each stage, computed once.
struct Stages {
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<EntityLinker> linker;
  std::unique_ptr<RelationExtractor> extractor;
  std::vector<std::pair<std::string, std::string>> docs;
  std::vector<StructuredText> read;
  std::vector<std::vector<Sentence>> split;
  std::vector<std::vector<AnalyzedSentence>> analyzed;
  int64_t bytes = 0;
};

const Stages* Prepare() {
  static const Stages* stages = []() -> const Stages* {
    auto s = std::make_unique<Stages>();
    auto lexicon = Lexicon::LoadEmbedded();
    if (!lexicon.ok()) return nullptr;
    s->lexicon = *std::move(lexicon);
    s->linker = std::make_unique<EntityLinker>(s->lexicon.get());
    s->extractor = std::make_unique<RelationExtractor>(s->linker.get());
    for (auto& [name, text] : bench::LoadBenchDocuments()) {
      auto doc = ReadDocument(name, text, DocumentFormat::kAuto);
      if (!doc.ok()) continue;
      s->bytes += static_cast<int64_t>(text.size());
      s->split.push_back(SplitSentences(*doc));
      s->analyzed.push_back(AnalyzeSentences(*s->linker, *doc, s->split.back()));
      s->read.push_back(*std::move(doc));
      s->docs.emplace_back(name, std::move(text));
    }
    if (s->docs.empty()) return nullptr;
    return s.release();
  }();
  return stages;
}

void BM_StageRead(benchmark::State& state) {
  const Stages* s = Prepare();
  if (s == nullptr) return state.SkipWithError("no documents or no lexicon");
  for (auto _ : state) {
    for (const auto& [name, text] : s->docs) {
      benchmark::DoNotOptimize(ReadDocument(name, text, DocumentFormat::kAuto));
    }
  }
  state.SetBytesProcessed(state.iterations() * s->bytes);
}
BENCHMARK(BM_StageRead)->Unit(benchmark::kMillisecond);

void BM_StageSplit(benchmark::State& state) {
  const Stages* s = Prepare();
  if (s == nullptr) return state.SkipWithError("no documents or no lexicon");
  for (auto _ : state) {
    for (const StructuredText& doc : s->read) {
      benchmark::DoNotOptimize(SplitSentences(doc));
    }
  }
  state.SetBytesProcessed(state.iterations() * s->bytes);
}
BENCHMARK(BM_StageSplit)->Unit(benchmark::kMillisecond);

void BM_StageLink(benchmark::State& state) {
  const Stages* s = Prepare();
  if (s == nullptr) return state.SkipWithError("no documents or no lexicon");
  for (auto _ : state) {
    for (size_t d = 0; d < s->read.size(); ++d) {
      benchmark::DoNotOptimize(
          AnalyzeSentences(*s->linker, s->read[d], s->split[d]));
    }
  }
  state.SetBytesProcessed(state.iterations() * s->bytes);
}
BENCHMARK(BM_StageLink)->Unit(benchmark::kMillisecond);

void BM_StageRules(benchmark::State& state) {
  const Stages* s = Prepare();
  if (s == nullptr) return state.SkipWithError("no documents or no lexicon");
  for (auto _ : state) {
    for (size_t d = 0; d < s->read.size(); ++d) {
      benchmark::DoNotOptimize(s->extractor->Extract(
          s->docs[d].first, s->read[d], s->analyzed[d]));
    }
  }
  state.SetBytesProcessed(state.iterations() * s->bytes);
}
BENCHMARK(BM_StageRules)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mskg::ingest
