// bench/bench_documents.h
//
// The documents the ingest benchmarks read: $MSKG_SHARED/corpus/* when
// MSKG_SHARED is set (the evaluation corpus), else the bundled sample
// corpus (data/sample_corpus); $MSKG_BENCH_DOCS names another folder.
#ifndef MSKG_BENCH_BENCH_DOCUMENTS_H_
#define MSKG_BENCH_BENCH_DOCUMENTS_H_

#include <string>
#include <utility>
#include <vector>

namespace mskg::bench {

// Returns (file name, bytes) of every regular .txt, .md and .html file of
// the folder (symbolic links to one included; folders, FIFOs and sockets so
// named are skipped).
std::vector<std::pair<std::string, std::string>> LoadBenchDocuments();

}  // namespace mskg::bench

#endif  // MSKG_BENCH_BENCH_DOCUMENTS_H_
