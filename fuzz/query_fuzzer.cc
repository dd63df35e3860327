// fuzz/query_fuzzer.cc
//
// The whole query pipeline (lexer, parser, binder, planner, executor) on the
// small graph of query/test_graph.h. The input is the query text; tight
// bounds keep each run short, so a slow query shows up as a bound's error,
// and a query that ignores the bounds as a libFuzzer timeout.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "query/query_engine.h"
#include "query/test_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // No plan cache: every input is parsed and planned afresh.
  static const mskg::query::QueryEngine* const engine =
      new mskg::query::QueryEngine(mskg::query::testing::MakeTestGraph(),
                                   mskg::query::QueryEngineOptions{0});
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  mskg::query::QueryOptions options;
  options.deadline = absl::Now() + absl::Seconds(2);
  options.max_rows = 1000;
  options.max_intermediate_rows = 200'000;
  options.max_memory_bytes = 64 << 20;
  options.params["name"] = mskg::query::Value("psoas");
  options.params["n"] = mskg::query::Value(int64_t{2});
  absl::StatusOr<mskg::query::ResultTable> result = engine->Run(text, options);
  if (!result.ok()) {
    // The caret formatting reads the query at the error's position.
    mskg::query::FormatQueryError(text, result.status());
  }
  return 0;
}
