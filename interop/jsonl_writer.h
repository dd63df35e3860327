// interop/jsonl_writer.h
//
// Writes a graph as JSON Lines: one JSON object a line, first every node,
// then every edge. Ids are the store's node ids, stable across exports.
//
//   {"kind":"node","id":12,"type":"Muscle","name":"psoas major",
//    "aliases":["psoas"]}
//   {"kind":"edge","id":"12:PART_OF:34","source":12,"relation":"PART_OF",
//    "target":34,"inferred":false,"negated":false,"rule":"","premises":[],
//    "documents":["doc1"],
//    "support":[{"document":"doc1","begin":0,"end":57,"sentence":"...",
//                "rule":"...","confidence":0.9,"polarity":"AFFIRMED",
//                "hedged":false}]}
//
// "documents" lists the documents that affirm the edge; "support" has one
// entry per supporting sentence; "premises" are the edge ids an inferred
// edge was derived from (within the exported graph). Strings are valid UTF-8
// with JSON escapes for '"', '\\' and control characters; other non-ASCII
// text passes through. jsonl_reader.h reads this format back.
#ifndef MSKG_INTEROP_JSONL_WRITER_H_
#define MSKG_INTEROP_JSONL_WRITER_H_

#include <cstdint>
#include <ostream>

#include "absl/status/statusor.h"
#include "graph/graph_view.h"

namespace mskg::interop {

struct JsonlWriterOptions {
  // Write inferred edges. Default: true.
  bool include_inferred = true;
  // Write edges that every source denies. Default: true.
  bool include_negated = true;
};

// Streams `view` to `out`; memory beyond the view is one line. Returns the
// number of lines written. Internal if the stream fails.
absl::StatusOr<int64_t> WriteJsonl(const graph::GraphView& view,
                                   const JsonlWriterOptions& options,
                                   std::ostream* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_JSONL_WRITER_H_
