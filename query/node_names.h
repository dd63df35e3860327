// query/node_names.h
//
// The one place in //query that reads node names and aliases from the
// GraphView. Everything else asks here, so that a change to how the
// snapshot stores names (a memory-mapped string pool, for instance) lands
// in this file: the executor borrows names as ExecValue references (no
// copy until a row leaves the engine), the engine copies them into results
// and evidence, and ask.cc reads them to resolve questions.
//
// Thread-safety: reads an immutable view.
#ifndef MSKG_QUERY_NODE_NAMES_H_
#define MSKG_QUERY_NODE_NAMES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "query/exec_value.h"

namespace mskg::query {

// Returns node `v`'s name, as long-lived as the view.
// REQUIRES: v < view.num_nodes().
inline absl::string_view NodeName(const graph::GraphView& view,
                                  graph::NodeIndex v) {
  return view.node(v).name;
}

// Returns node `v`'s aliases, as long-lived as the view.
// REQUIRES: v < view.num_nodes().
inline graph::AliasList NodeAliases(const graph::GraphView& view,
                                    graph::NodeIndex v) {
  return view.node(v).aliases;
}

// Returns node `v`'s name as a string value that refers to the view's
// bytes, its hash precomputed (so DISTINCT does not read the name).
// REQUIRES: v < view.num_nodes(); the view outlives the value.
inline ExecValue NodeNameRef(const graph::GraphView& view, graph::NodeIndex v) {
  // The view keeps each name's hash (with an owned copy) once it is first
  // asked for: absl::Hash is seeded per process, so a snapshot file cannot
  // hold it.
  const graph::OwnedName& name = view.owned_name(v);
  return ExecValue::Ref(name.text, name.hash);
}

// Returns node `v`'s aliases as a list of string values that refer to the
// view's bytes. REQUIRES: as NodeNameRef.
inline ExecValue NodeAliasRefs(const graph::GraphView& view, graph::NodeIndex v) {
  const graph::AliasList aliases = NodeAliases(view, v);
  std::vector<ExecValue> out;
  out.reserve(aliases.size());
  for (absl::string_view a : aliases) out.push_back(ExecValue::Ref(a));
  return ExecValue(std::move(out));
}

// Fetches node `v`'s name into the cache ahead of its copy (result rows
// copy names from all over the view). REQUIRES: v < view.num_nodes().
inline void PrefetchNodeName(const graph::GraphView& view, graph::NodeIndex v) {
  view.PrefetchNode(v);
}

}  // namespace mskg::query

#endif  // MSKG_QUERY_NODE_NAMES_H_
