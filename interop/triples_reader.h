// interop/triples_reader.h
//
// Reads the triples TSV that triples_writer.h writes (and that
// shared/bench/gen_graph.py generates): a header line, then
//   subject_type  subject  relation  object_type  object  [document]
// Each row becomes a claim of its document (options.default_document when
// the column is absent or empty), with provenance carrying the document
// only: the format has no sentences or spans. Streaming: lines are split as
// string_views and handed to the sink in batches (claims_batcher.h).
#ifndef MSKG_INTEROP_TRIPLES_READER_H_
#define MSKG_INTEROP_TRIPLES_READER_H_

#include <istream>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/triple_batch.h"
#include "interop/claims_batcher.h"

namespace mskg::interop {

// Reads `in` (named `source_name` in messages) and hands its claims to
// `sink`. InvalidArgument, with "name:line:", on a malformed row, unknown
// type or relation; DataLoss if the stream fails; the sink's error as is.
absl::StatusOr<ImportStats> ReadTriples(std::istream* in,
                                        absl::string_view source_name,
                                        const ImportOptions& options,
                                        const ClaimsSink& sink);

// Input larger than this is not read whole by ReadTriplesColumnar(): with
// the rows (48 bytes each, ~60 bytes of text per row) about 400 MB at most.
inline constexpr size_t kColumnarMaxTextBytes = size_t{256} << 20;

// Reads all of `in` into `batch` (which must be empty): the text once, rows
// as views into it, no message per row. Same rows, errors and defaults as
// ReadTriples(); stats.batches is 1. ResourceExhausted if the input exceeds
// `max_text_bytes` (the caller then uses ReadTriples(), which streams).
absl::StatusOr<ImportStats> ReadTriplesColumnar(
    std::istream* in, absl::string_view source_name,
    const ImportOptions& options, graph::TripleBatch* batch,
    size_t max_text_bytes = kColumnarMaxTextBytes);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_TRIPLES_READER_H_
