// graph/store_testing.h
//
// For tests of //graph (view_delta_test.cc): the view a full rebuild of a
// store gives, to compare with the patched view View() returns.
#ifndef MSKG_GRAPH_STORE_TESTING_H_
#define MSKG_GRAPH_STORE_TESTING_H_

#include <memory>

#include "absl/status/statusor.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"

namespace mskg::graph {

// Returns the view of `store` built from a full scan of its current
// state (inference as the store applies it), ignoring its cached view,
// its delta and its snapshot file; neither cached nor written.
absl::StatusOr<std::shared_ptr<const GraphView>> RebuildViewForTesting(
    const GraphStore& store);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STORE_TESTING_H_
