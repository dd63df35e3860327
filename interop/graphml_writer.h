// interop/graphml_writer.h
//
// Writes a graph as GraphML with Boost.Graph's write_graphml and typed
// attributes (dynamic_properties):
//   node: id (long, the store id), type, name (string), aliases (string: a
//         JSON array of strings, since names may hold any character)
//   edge: relation (string), inferred, negated (boolean), support (int:
//         supporting sentences), documents (string: JSON array), rule
//         (string, inferred edges)
// GraphML node n<i> is the view's node i. XML 1.0 cannot carry most control
// characters even escaped; they become U+FFFD. boost::read_graphml reads the
// file back (see graphml_writer_test.cc).
#ifndef MSKG_INTEROP_GRAPHML_WRITER_H_
#define MSKG_INTEROP_GRAPHML_WRITER_H_

#include <cstdint>
#include <ostream>

#include "absl/status/statusor.h"
#include "graph/graph_view.h"

namespace mskg::interop {

struct GraphmlWriterOptions {
  // Write inferred edges. Default: true.
  bool include_inferred = true;
  // Write edges that every source denies. Default: true.
  bool include_negated = true;
};

// Writes `view` to `out`. Beyond the view, memory is a compressed-sparse-row
// index of the edges (8 bytes an edge). Returns the number of edges written.
// Internal if Boost throws or the stream fails.
absl::StatusOr<int64_t> WriteGraphml(const graph::GraphView& view,
                                     const GraphmlWriterOptions& options,
                                     std::ostream* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_GRAPHML_WRITER_H_
