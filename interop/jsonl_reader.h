// interop/jsonl_reader.h
//
// Reads the JSON Lines that jsonl_writer.h writes. Node lines are kept in a
// table by id (memory: one NodeKey per node); each edge line becomes one
// claim per support entry, with its full provenance (document, span,
// sentence, rule, confidence, polarity, hedged), under that entry's
// document. Inferred edges are skipped: the store derives them again. An
// asserted edge without support is claimed by options.default_document.
// Nodes that no imported edge names are handed over at the end as mentions
// of options.default_document, so isolated nodes survive a round trip.
#ifndef MSKG_INTEROP_JSONL_READER_H_
#define MSKG_INTEROP_JSONL_READER_H_

#include <istream>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "interop/claims_batcher.h"

namespace mskg::interop {

// Reads `in` (named `source_name` in messages) and hands its claims to
// `sink`. InvalidArgument, with "name:line:", on bad JSON, a missing field,
// an unknown type, relation or node id, a span offset that is not a whole
// number in [0, 2^32) or a span whose end is before its begin; DataLoss if
// the stream fails.
absl::StatusOr<ImportStats> ReadJsonl(std::istream* in,
                                      absl::string_view source_name,
                                      const ImportOptions& options,
                                      const ClaimsSink& sink);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_JSONL_READER_H_
