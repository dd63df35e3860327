// fuzz/jsonl_reader_fuzzer.cc
//
// The JSON Lines import reader (node table, edges with provenance, the JSON
// parser under it). The input is the file. One input in four (by size) uses
// batches of two claims, so that grouping and spilling run; only one in
// four because a spill opens its bucket files, a hundred times the cost of
// the rest.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "interop/claims_batcher.h"
#include "interop/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  mskg::interop::ImportOptions options;
  options.batch_rows = size % 4 == 0 ? 2 : 100000;
  mskg::interop::ReadJsonl(&in, "fuzz.jsonl", options,
                           [](std::vector<mskg::schema::DocumentClaims>*) {
                             return absl::OkStatus();
                           })
      .IgnoreError();
  return 0;
}
