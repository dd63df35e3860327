// interop/query_selection.h
//
// Adapter from a query's answer to a Selection (subgraph.h): runs Cypher
// with query::QueryEngine over a view and collects the nodes and edges the
// rows name. Rows carry evidence by names (EdgeEvidence: source, relation,
// target), so edges are found again in the view with Lookup + FindEdge;
// premises of inferred edges are followed too. Returned values that are
// nodes (or strings naming nodes) select those nodes.
#ifndef MSKG_INTEROP_QUERY_SELECTION_H_
#define MSKG_INTEROP_QUERY_SELECTION_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "interop/subgraph.h"
#include "query/query_engine.h"

namespace mskg::interop {

struct QuerySelection {
  Selection selection;
  int64_t rows = 0;
  bool truncated = false;
};

// Runs `cypher` on `view` and returns what it selected. Errors of the query
// engine are returned as they are (InvalidArgument "line:col: ...").
// With `premises` false, the premises of inferred edges are not selected
// (`mskg show` draws what matched, not why).
absl::StatusOr<QuerySelection> SelectByQuery(
    std::shared_ptr<const graph::GraphView> view, absl::string_view cypher,
    const query::QueryOptions& options = {}, bool premises = true);

// Returns the selection named by an answer `table` computed on `view`.
Selection SelectionFromResult(const graph::GraphView& view,
                              const query::ResultTable& table,
                              bool premises = true);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_QUERY_SELECTION_H_
