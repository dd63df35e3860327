// interop/dot_writer.h
//
// Writes a graph in Graphviz DOT: nodes are boxes filled with a colour per
// node type, edges are labelled with their relation. Inferred edges are
// dashed, edges that every source denies are red and dotted with a "NOT"
// label. For pictures of query answers (`mskg show`), a set of highlighted
// nodes and edges is drawn in full and the rest faded, with a legend of the
// node types present. Names are written as DOT quoted strings (quotes and
// backslashes escaped, line breaks as \n), so any name is safe.
#ifndef MSKG_INTEROP_DOT_WRITER_H_
#define MSKG_INTEROP_DOT_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"

namespace mskg::interop {

struct DotWriterOptions {
  // When true, only the nodes and edges below are drawn in full; the others
  // are faded (light colours, grey text). Default: false (all in full).
  bool highlight = false;
  absl::flat_hash_set<graph::NodeIndex> highlighted_nodes;
  absl::flat_hash_set<graph::EdgeIndex> highlighted_edges;
  // Add a legend cluster with one swatch per node type present.
  // Default: false.
  bool legend = false;
  // Graph label drawn at the top (for example the query). Default: none.
  std::string title;
  // Layout direction. Default: "LR".
  std::string rankdir = "LR";
  // Draw all the edges between two nodes as one line, labelled with each
  // relation once ("NOT" for denied ones, the rules of those only inferred),
  // an arrow at each end it points to, dashed if every edge is inferred.
  // Default: false (one line per edge, as exported).
  bool merge_parallel = false;
  // Scale the drawing down to at most this many screen pixels (96 per
  // inch) on its long side (Graphviz `size`). Default: 0 (no bound).
  int max_pixels = 0;
  // The `dpi` written with max_pixels: 96 for bitmaps; 72 for SVG, whose
  // lengths are points (a browser draws 1 pt as 4/3 px). Default: 96.
  int dpi = 96;
};

// Returns the fill colour of `type` as "#RRGGBB".
absl::string_view TypeColor(schema::NodeType type);

// Streams `view` to `out`. Returns the number of edge lines written. Internal if
// the stream fails.
absl::StatusOr<int64_t> WriteDot(const graph::GraphView& view,
                                 const DotWriterOptions& options,
                                 std::ostream* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_DOT_WRITER_H_
