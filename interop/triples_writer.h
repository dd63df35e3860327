// interop/triples_writer.h
//
// Writes the graph as the triples TSV of shared/eval/VOCABULARY.md: a header
// line, then one row per (edge, document that affirms it):
//   subject_type  subject  relation  object_type  object  document
// Edges that every source denies, and inferred edges, are not facts of any
// document and are left out. Tabs and line breaks inside names become spaces,
// since the format has no quoting.
#ifndef MSKG_INTEROP_TRIPLES_WRITER_H_
#define MSKG_INTEROP_TRIPLES_WRITER_H_

#include <cstdint>
#include <ostream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"

namespace mskg::interop {

struct TriplesWriterOptions {
  // Also write reference knowledge: the lexicon (document "reference") and
  // imported ontologies ("reference:obo:...").
  // Default: true.
  bool include_reference = true;
};

// Streams every stored edge of `store` to `out`. Returns the number of rows
// written. Internal if the stream fails.
absl::StatusOr<int64_t> WriteTriples(const graph::GraphStore& store,
                                     const TriplesWriterOptions& options,
                                     std::ostream* out);

// Same, for the edges of `view` (the whole graph or a subgraph), in edge
// index order.
absl::StatusOr<int64_t> WriteTriples(const graph::GraphView& view,
                                     const TriplesWriterOptions& options,
                                     std::ostream* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_TRIPLES_WRITER_H_
