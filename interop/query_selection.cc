// interop/query_selection.cc: query answers to node and edge indices.
#include "interop/query_selection.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

class Collector {
 public:
  Collector(const graph::GraphView& view, bool premises)
      : view_(view), premises_(premises) {}

  // Results hold nodes as their names (query/value.h): a string selects
  // the nodes of exactly that name.
  void AddValue(const query::Value& value) {
    if (value.is_string()) {
      for (graph::NodeIndex v : view_.Lookup(value.AsString())) {
        if (view_.node(v).name == value.AsString()) nodes_.insert(v);
      }
    } else if (value.is_list()) {
      for (const query::Value& item : value.AsList()) AddValue(item);
    }
  }

  void AddEvidence(const query::EdgeEvidence& evidence) {
    absl::StatusOr<schema::Relation> relation =
        ParseRelationLabel(evidence.relation);
    if (relation.ok()) {
      for (graph::NodeIndex s : view_.Lookup(evidence.source)) {
        for (graph::NodeIndex t : view_.Lookup(evidence.target)) {
          const graph::EdgeIndex e = view_.FindEdge(s, *relation, t);
          if (e != graph::kInvalidIndex) edges_.insert(e);
        }
      }
    }
    if (!premises_) return;
    for (const query::EdgeEvidence& premise : evidence.premises) {
      AddEvidence(premise);
    }
  }

  Selection Finish() && {
    Selection selection;
    selection.nodes.assign(nodes_.begin(), nodes_.end());
    selection.edges.assign(edges_.begin(), edges_.end());
    return selection;
  }

 private:
  const graph::GraphView& view_;
  const bool premises_;
  absl::flat_hash_set<graph::NodeIndex> nodes_;
  absl::flat_hash_set<graph::EdgeIndex> edges_;
};

}  // namespace

Selection SelectionFromResult(const graph::GraphView& view,
                              const query::ResultTable& table, bool premises) {
  Collector collector(view, premises);
  for (const query::ResultRow& row : table.rows) {
    for (const query::Value& value : row.values) collector.AddValue(value);
    for (const query::EdgeEvidence& evidence : row.evidence) {
      collector.AddEvidence(evidence);
    }
  }
  return std::move(collector).Finish();
}

absl::StatusOr<QuerySelection> SelectByQuery(
    std::shared_ptr<const graph::GraphView> view, absl::string_view cypher,
    const query::QueryOptions& options, bool premises) {
  query::QueryOptions with_evidence = options;
  with_evidence.collect_evidence = true;
  const graph::GraphView& ref = *view;
  query::QueryEngine engine(std::move(view));
  absl::StatusOr<query::ResultTable> table = engine.Run(cypher, with_evidence);
  if (!table.ok()) return table.status();
  QuerySelection result;
  result.selection = SelectionFromResult(ref, *table, premises);
  result.rows = static_cast<int64_t>(table->rows.size());
  result.truncated = table->truncated;
  return result;
}

}  // namespace mskg::interop
