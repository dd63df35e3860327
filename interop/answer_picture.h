// interop/answer_picture.h
//
// What `mskg show` draws of a query's answer, chosen so that the picture
// stays legible: the matched nodes ranked (most matched edges first, then
// by name) and cut at a node budget, the matched edges between the nodes
// kept, and, only when asked for, a few context neighbours ranked by how
// many kept nodes they link (then by how many edges, then by name). The
// picture itself is subgraph.h's (with `context`) and dot_writer.h's.
#ifndef MSKG_INTEROP_ANSWER_PICTURE_H_
#define MSKG_INTEROP_ANSWER_PICTURE_H_

#include <cstddef>

#include "graph/graph_view.h"
#include "interop/subgraph.h"

namespace mskg::interop {

struct PictureOptions {
  // Context neighbours drawn besides the answer. Default: 0 (none).
  size_t neighbours = 0;
  // Most nodes drawn in all, answer first: Graphviz's layout time and the
  // reader's patience grow fast with nodes. Default: 60.
  size_t max_nodes = 60;
  // A neighbour is drawn with its edges to at most this many answer nodes
  // (the best ranked): the top neighbours link most of the answer, and a
  // line to each would hide it. Default: 3.
  size_t max_links_per_neighbour = 3;
};

struct PicturePlan {
  Selection matched;  // The matched nodes and edges kept.
  Selection context;  // The neighbours kept, some of their edges to `matched`.
  size_t matched_nodes_left_out = 0;  // Past max_nodes.
  size_t matched_edges_left_out = 0;  // With an endpoint left out.
  size_t neighbours_left_out = 0;     // Candidates past the budget.
};

// Returns what to draw of `selection` (indices into `view`, which it must
// name validly). Deterministic: ties are broken by name, then index.
PicturePlan PlanPicture(const graph::GraphView& view,
                        const Selection& selection,
                        const PictureOptions& options);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_ANSWER_PICTURE_H_
