// query/to_public.h
//
// ToPublic: the one conversion of executor values (exec_value.h) into the
// public Values of results (value.h), done once per value as rows leave
// the engine. This is where a node's name is first copied out of the
// snapshot.
//
// Thread-safety: reads an immutable view.
#ifndef MSKG_QUERY_TO_PUBLIC_H_
#define MSKG_QUERY_TO_PUBLIC_H_

#include "graph/graph_view.h"
#include "query/exec_value.h"
#include "query/value.h"

namespace mskg::query {

// Returns `v` as a public Value: a node as its name, a relationship as its
// type, a string held by reference copied; owned strings and lists are
// moved. REQUIRES: the nodes and relationships of `v` are of `view`, and
// the strings it refers to are alive.
Value ToPublic(ExecValue&& v, const graph::GraphView& view);

}  // namespace mskg::query

#endif  // MSKG_QUERY_TO_PUBLIC_H_
