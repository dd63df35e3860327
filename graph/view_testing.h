// graph/view_testing.h
//
// Test helpers for views: a deep comparison of two GraphViews through every
// accessor, and the round trip of a view through a snapshot file in the
// test's temporary folder, so that tests of any package can run against a
// view mapped from a file as well as a freshly built one.
#ifndef MSKG_GRAPH_VIEW_TESTING_H_
#define MSKG_GRAPH_VIEW_TESTING_H_

#include <memory>
#include <string>

#include "graph/graph_view.h"

namespace mskg::graph {

// Returns "" if `a` and `b` answer every accessor the same (nodes, edges,
// support, premises, adjacency per relation, types, name keys of every name
// and alias, Find, FindEdge, relation counts), else the first difference.
std::string DiffViews(const GraphView& a, const GraphView& b);

// Writes `view` to a new snapshot file under $TEST_TMPDIR and returns the
// view mapped from it. Fails the test (and returns null) if either fails.
std::shared_ptr<const GraphView> RoundTripThroughFile(const GraphView& view);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_VIEW_TESTING_H_
