// interop/claims_batcher.h
//
// Streaming import support: LineReader yields the lines of a stream without
// reading it whole, and ClaimsBatcher groups imported claims by document
// into schema::DocumentClaims and hands them to a sink (in the CLI,
// GraphStore::BulkLoad) in batches of about `batch_rows` claims.
//
// Every document reaches the sink exactly once, whole: BulkLoad and
// PutDocument replace what a document said before, so a document split over
// two batches would lose its first part. Inputs where a document's rows are
// spread over the file (our own exports are ordered by edge) are therefore
// handled like an external hash partition: while everything fits in one
// batch nothing touches the disk; beyond that, pending claims are spilled
// to kSpillBuckets temporary files by hash of their document (each file
// made when its bucket is first written), and at the end each bucket (about
// 1/kSpillBuckets of the input) is grouped in memory and handed over.
//
// Thread-safety: neither class is thread-safe.
#ifndef MSKG_INTEROP_CLAIMS_BATCHER_H_
#define MSKG_INTEROP_CLAIMS_BATCHER_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::interop {

// Receives a batch of documents; may move from them. An error stops the
// import.
using ClaimsSink =
    std::function<absl::Status(std::vector<schema::DocumentClaims>* batch)>;

struct ImportOptions {
  // Claims (rows) per batch handed to the sink. Default: 200000.
  size_t batch_rows = 200000;
  // Document of rows that name none (a 5-column triples file, an edge without
  // support, nodes without edges). Default: "import".
  std::string default_document = "import";
};

struct ImportStats {
  int64_t lines = 0;      // Lines read, header included.
  int64_t claims = 0;     // Claims handed to the sink.
  int64_t mentions = 0;   // Nodes handed over as mentions only.
  int64_t skipped = 0;    // Rows not imported (inferred edges).
  int64_t batches = 0;
};

// Returns the bytes left in `in` from where it is, by seeking to its end and
// back, or SIZE_MAX if it cannot seek (a pipe). Leaves `in` where it was.
size_t BytesLeft(std::istream* in);

// Reads lines from a stream in blocks of at most 1 MiB. A stream that can
// tell its size (a file, a string) is read in blocks no larger than what it
// has left, plus one byte to see its end, so a small input costs no 1 MiB
// buffer; one that cannot (a pipe) in blocks growing from 64 KiB.
class LineReader {
 public:
  // `in` must outlive the reader. Measures what is left of `in` with
  // BytesLeft.
  explicit LineReader(std::istream* in);

  // Sets `line` to the next line without its "\n" (or "\r\n"); valid until
  // the next call. Returns false at the end of the stream.
  bool Next(absl::string_view* line);

  // 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  // True if the stream failed other than by reaching its end.
  bool failed() const { return failed_; }

 private:
  bool Fill();

  std::istream* in_;
  size_t stream_left_;  // Bytes left in `in_`, if it can tell; else max.
  size_t next_block_;   // Bytes to read when `in_` cannot tell.
  std::string buffer_;
  size_t begin_ = 0;  // Start of unread text in buffer_.
  size_t end_ = 0;    // End of valid text in buffer_.
  bool eof_ = false;
  bool failed_ = false;
  int64_t line_number_ = 0;
};

class ClaimsBatcher {
 public:
  static constexpr int kSpillBuckets = 32;

  ClaimsBatcher(size_t batch_rows, ClaimsSink sink);
  ~ClaimsBatcher();
  ClaimsBatcher(const ClaimsBatcher&) = delete;
  ClaimsBatcher& operator=(const ClaimsBatcher&) = delete;

  // Adds `claim` (its provenance's document is the grouping key).
  absl::Status Add(schema::Claim claim);
  // Adds `key` as a mention of `document`.
  absl::Status AddMention(absl::string_view document, schema::NodeKey key);
  // Hands everything added so far to the sink. Call once, at the end.
  // Internal if a spill file fails.
  absl::Status Flush();

  int64_t claims() const { return claims_; }
  int64_t mentions() const { return mentions_; }
  int64_t batches() const { return batches_; }

 private:
  schema::DocumentClaims* Document(absl::string_view id);
  absl::Status MaybeFlush();
  // Writes the pending documents to the spill buckets.
  absl::Status Spill();
  // Moves `docs` into the outgoing batch, handing it to the sink whenever it
  // reaches batch_rows_ claims, and at the end when `last`.
  absl::Status HandOver(std::vector<schema::DocumentClaims>* docs, bool last);

  const size_t batch_rows_;
  ClaimsSink sink_;
  std::vector<schema::DocumentClaims> pending_;
  absl::flat_hash_map<std::string, size_t> index_;
  // Empty until the first spill; then kSpillBuckets, each null until
  // written.
  std::vector<std::FILE*> buckets_;
  std::vector<schema::DocumentClaims> out_;  // The batch being filled.
  size_t out_rows_ = 0;
  size_t pending_rows_ = 0;
  int64_t claims_ = 0;
  int64_t mentions_ = 0;
  int64_t batches_ = 0;
};

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_CLAIMS_BATCHER_H_
