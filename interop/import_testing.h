// interop/import_testing.h
//
// Test-only helpers for the importers' tests: a stream that fails while
// being read, and every row of a triples text read chunk by chunk.
#ifndef MSKG_INTEROP_IMPORT_TESTING_H_
#define MSKG_INTEROP_IMPORT_TESTING_H_

#include <cstdint>
#include <ios>
#include <streambuf>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace mskg::interop::testing {

// A stream buffer whose reads throw: an istream over it catches that and
// sets badbit, as a disk error would, so readers see a failed stream rather
// than its end.
class FailingStreamBuffer : public std::streambuf {
 protected:
  int_type underflow() override { throw std::ios_base::failure("disk"); }
};

// Reads every chunk of `text` with TriplesChunkReader (source "x.tsv",
// default document "import:x"); returns the rows as "Type|subject|RELATION|
// Type|object|document" lines, or the error. Sets `*chunks` to the number
// of chunks and checks each chunk's size and the reader's stats.
absl::StatusOr<std::vector<std::string>> ReadChunks(const std::string& text,
                                                    size_t chunk_rows,
                                                    size_t chunk_bytes,
                                                    int64_t* chunks);

}  // namespace mskg::interop::testing

#endif  // MSKG_INTEROP_IMPORT_TESTING_H_
