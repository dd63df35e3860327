// query/query_engine_access.h
//
// QueryEngineAccess: the graph a QueryEngine queries, for //query's own
// libraries (ask.cc compiles a question against the names the graph
// holds). It is not part of query_engine.h, so that the public API does not
// hand the internal graph::GraphView back to embedders.
//
// Private to //query.
#ifndef MSKG_QUERY_QUERY_ENGINE_ACCESS_H_
#define MSKG_QUERY_QUERY_ENGINE_ACCESS_H_

#include "graph/graph_view.h"
#include "query/query_engine.h"

namespace mskg::query {

class QueryEngineAccess {
 public:
  // Returns the view `engine` was built with; valid while `engine` or a
  // copy of it lives.
  static const graph::GraphView& View(const QueryEngine& engine) {
    return *engine.view_;
  }
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_QUERY_ENGINE_ACCESS_H_
