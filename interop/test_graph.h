// interop/test_graph.h
//
// Test-only graphs and comparisons for the interop tests: a small graph
// whose names hold every character that trips an exchange format, a way to
// turn imported DocumentClaims back into a GraphView, and a canonical text
// dump of a graph that two graphs are compared by.
#ifndef MSKG_INTEROP_TEST_GRAPH_H_
#define MSKG_INTEROP_TEST_GRAPH_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "schema/graph.pb.h"

namespace mskg::interop::testing {

// Names with quotes, commas, tabs, newlines, non-ASCII letters and <>&.
inline constexpr char kQuoteName[] = "the \"big\" one, really";
inline constexpr char kTabName[] = "tab\there";
inline constexpr char kNewlineName[] = "line one\nline two";
inline constexpr char kUnicodeName[] = "m\xC3\xBAsculo \xC3\xADleo-psoas";
inline constexpr char kMarkupName[] = "<b>a&b</b> 'quoted'";
inline constexpr char kBackslashName[] = "back\\slash; semi";

// Returns a graph of 9 nodes (one isolated) with asserted edges of several
// documents and sentences, a negated edge, a hedged claim, an edge with
// "reference" support and an inferred edge with premises. Node ids are
// 101, 102, ... (not indices + 1), so writers must use the ids.
std::shared_ptr<const graph::GraphView> TrickyGraph();

// Returns a graph with the claims and mentions of `docs` (edges merged by
// key, support in claim order), as the store would hold them, without
// inferred edges.
std::shared_ptr<const graph::GraphView> ViewFromClaims(
    const std::vector<schema::DocumentClaims>& docs);

// Returns the graph's content as sorted text lines: nodes by type, name and
// sorted aliases; asserted edges by endpoints and relation with their
// sorted support (document, span, sentence, rule, confidence, polarity,
// hedged). Ids, indices and inferred edges are left out. `with_provenance`
// false keeps only the affirming documents of each edge.
std::string CanonicalDump(const graph::GraphView& view,
                          bool with_provenance = true);

}  // namespace mskg::interop::testing

#endif  // MSKG_INTEROP_TEST_GRAPH_H_
