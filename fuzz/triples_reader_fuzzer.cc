// fuzz/triples_reader_fuzzer.cc
//
// The triples TSV import readers: TriplesChunkReader (what `mskg import`
// uses) with small chunks, so that rows and documents cross chunk
// boundaries, and ReadTriples (DocumentClaims batches). The first byte sets
// the chunk size and, by its top bit, whether ReadTriples's batches are as
// small (spilling to bucket files, costly) or large; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "graph/triple_batch.h"
#include "interop/claims_batcher.h"
#include "interop/triples_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk_rows = 1 + data[0] % 8;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  mskg::interop::ImportOptions options;
  options.batch_rows = (data[0] & 0x80) != 0 ? chunk_rows : 100000;
  {
    std::istringstream in(text);
    mskg::interop::TriplesChunkReader reader(&in, "fuzz.tsv", options,
                                             chunk_rows,
                                             /*chunk_bytes=*/64 + data[0]);
    mskg::graph::TripleBatch batch;
    // Each call reads at least one line, so this ends.
    while (true) {
      absl::StatusOr<bool> more = reader.Next(&batch);
      if (!more.ok() || !*more) break;
    }
  }
  {
    std::istringstream in(text);
    mskg::interop::ReadTriples(
        &in, "fuzz.tsv", options,
        [](std::vector<mskg::schema::DocumentClaims>*) {
          return absl::OkStatus();
        })
        .IgnoreError();
  }
  return 0;
}
