// interop/triples_reader.h
//
// Reads the triples TSV that triples_writer.h writes (and that
// shared/bench/gen_graph.py generates): a header line, then
//   subject_type  subject  relation  object_type  object  [document]
// Each row becomes a claim of its document (options.default_document when
// the column is absent or empty), with provenance carrying the document
// only: the format has no sentences or spans. Two readers: ReadTriples()
// hands DocumentClaims to a sink in batches (claims_batcher.h);
// TriplesChunkReader fills columnar chunks for graph::BulkLoadTriples()
// (graph/bulk_loader.h; what `mskg import` uses: no message per row). Both stream: lines are
// split as string_views from blocks of the input.
#ifndef MSKG_INTEROP_TRIPLES_READER_H_
#define MSKG_INTEROP_TRIPLES_READER_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>

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

// Rows per chunk of TriplesChunkReader, as `mskg import --format triples`
// reads them: the smallest size past which a chunk's fixed cost is noise;
// memory grows with it (two chunks are held at once). The measurements
// that chose it are in bench/README.md ("How the import streams").
inline constexpr size_t kDefaultChunkRows = size_t{1} << 17;
// A chunk also ends at a line boundary once its text reaches this size (plus
// at most one 4 MiB read), so that long lines cannot make it large; a single
// longer line is read whole.
inline constexpr size_t kDefaultChunkBytes = size_t{32} << 20;

// Reads a triples TSV chunk by chunk into graph::TripleBatch, the input of
// graph::BulkLoadTriples() (graph/bulk_loader.h): the text once, rows as
// views into it, no message per row. Same rows, defaults and errors as
// ReadTriples(); line numbers count from the start of the input across
// chunks.
//
// Thread-safety: not thread-safe; may be used from one thread at a time,
// whichever it is.
class TriplesChunkReader {
 public:
  // `in` must outlive the reader. Chunks have at most `chunk_rows` rows
  // (at least 1).
  TriplesChunkReader(std::istream* in, absl::string_view source_name,
                     const ImportOptions& options,
                     size_t chunk_rows = kDefaultChunkRows,
                     size_t chunk_bytes = kDefaultChunkBytes);

  // Fills `batch` (cleared first) with the next chunk, at most chunk_rows
  // rows, and returns true; or returns false, with `batch` empty, at the end
  // of the input.
  // InvalidArgument, with "name:line:", on a malformed row, an unknown type
  // or relation, or a name without a letter or digit; DataLoss if the
  // stream fails.
  absl::StatusOr<bool> Next(graph::TripleBatch* batch);

  // Lines read and claims returned so far; batches: chunks returned.
  const ImportStats& stats() const { return stats_; }

 private:
  // Adds the row of `line` to `batch`, or returns why it cannot.
  absl::Status ParseLine(absl::string_view line, graph::TripleBatch* batch);
  absl::Status Error(absl::string_view message) const;

  std::istream* in_;
  const std::string source_name_;
  const std::string default_document_;
  const size_t chunk_rows_;
  const size_t chunk_bytes_;
  size_t stream_left_;  // Bytes left in `in`, if it can tell; else max.
  bool eof_ = false;
  bool header_seen_ = false;
  std::string carry_;  // Text read past the end of the last chunk.
  ImportStats stats_;
  // Labels repeat: the last one parsed per column (copies: the text they
  // came from is reused) and its value.
  std::string last_label_[3];
  int last_value_[3] = {0, 0, 0};
  // The last document of this chunk and its index in the batch, and the
  // index of the default document (-1: not yet used in this chunk).
  std::string last_document_;
  int64_t last_document_index_ = -1;
  int64_t default_document_index_ = -1;
};

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_TRIPLES_READER_H_
