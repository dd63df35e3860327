#include "graph/graph_view.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "util/name_key.h"

namespace mskg::graph {
namespace {

std::string TypeKey(schema::NodeType type, absl::string_view name) {
  return absl::StrCat(static_cast<int>(type), " ", NameKey(name));
}

bool AdjacentLess(const Adjacent& a, const Adjacent& b) {
  if (a.relation != b.relation) return a.relation < b.relation;
  if (a.node != b.node) return a.node < b.node;
  return a.edge < b.edge;
}

// Returns the sub-span of `all` (sorted by relation) whose relation is `r`.
absl::Span<const Adjacent> RelationRange(absl::Span<const Adjacent> all,
                                         schema::Relation r) {
  auto lo = std::lower_bound(
      all.begin(), all.end(), r,
      [](const Adjacent& a, schema::Relation rel) { return a.relation < rel; });
  auto hi = std::upper_bound(
      lo, all.end(), r,
      [](schema::Relation rel, const Adjacent& a) { return rel < a.relation; });
  return absl::Span<const Adjacent>(&*all.begin() + (lo - all.begin()),
                                    hi - lo);
}

}  // namespace

absl::Span<const NodeIndex> GraphView::LookupKey(absl::string_view key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return {};
  return it->second;
}

absl::Span<const NodeIndex> GraphView::Lookup(absl::string_view name) const {
  return LookupKey(NameKey(name));
}

NodeIndex GraphView::Find(schema::NodeType type, absl::string_view name) const {
  const std::string key = NameKey(name);
  for (NodeIndex v : LookupKey(key)) {
    if (nodes_[v].type == type && NameKey(nodes_[v].name) == key) return v;
  }
  return kInvalidIndex;
}

absl::Span<const NodeIndex> GraphView::NodesOfType(
    schema::NodeType type) const {
  const int t = static_cast<int>(type);
  if (t < 0 || t >= kNumNodeTypes) return {};
  return by_type_[t];
}

absl::Span<const Adjacent> GraphView::Out(NodeIndex v) const {
  return absl::Span<const Adjacent>(out_.data() + out_begin_[v],
                                    out_begin_[v + 1] - out_begin_[v]);
}

absl::Span<const Adjacent> GraphView::In(NodeIndex v) const {
  return absl::Span<const Adjacent>(in_.data() + in_begin_[v],
                                    in_begin_[v + 1] - in_begin_[v]);
}

absl::Span<const Adjacent> GraphView::Out(NodeIndex v,
                                          schema::Relation r) const {
  return RelationRange(Out(v), r);
}

absl::Span<const Adjacent> GraphView::In(NodeIndex v,
                                         schema::Relation r) const {
  return RelationRange(In(v), r);
}

EdgeIndex GraphView::FindEdge(NodeIndex source, schema::Relation r,
                              NodeIndex target) const {
  absl::Span<const Adjacent> range = Out(source, r);
  auto it = std::lower_bound(
      range.begin(), range.end(), target,
      [](const Adjacent& a, NodeIndex t) { return a.node < t; });
  if (it == range.end() || it->node != target) return kInvalidIndex;
  return it->edge;
}

GraphViewBuilder::GraphViewBuilder() : view_(new GraphView()) {}
GraphViewBuilder::~GraphViewBuilder() = default;

NodeIndex GraphViewBuilder::AddNode(schema::NodeType type,
                                    absl::string_view name,
                                    absl::Span<const std::string> aliases,
                                    uint64_t id) {
  auto [it, inserted] = node_by_type_key_.try_emplace(
      TypeKey(type, name), static_cast<NodeIndex>(view_->nodes_.size()));
  if (inserted) {
    NodeInfo info;
    info.id = id != 0 ? id : view_->nodes_.size() + 1;
    info.type = type;
    info.name = std::string(name);
    view_->nodes_.push_back(std::move(info));
  }
  NodeInfo& info = view_->nodes_[it->second];
  for (const std::string& alias : aliases) {
    if (alias != info.name &&
        std::find(info.aliases.begin(), info.aliases.end(), alias) ==
            info.aliases.end()) {
      info.aliases.push_back(alias);
    }
  }
  return it->second;
}

NodeIndex GraphViewBuilder::FindNode(schema::NodeType type,
                                     absl::string_view name) const {
  auto it = node_by_type_key_.find(TypeKey(type, name));
  return it == node_by_type_key_.end() ? kInvalidIndex : it->second;
}

EdgeIndex GraphViewBuilder::AddEdge(
    NodeIndex source, schema::Relation relation, NodeIndex target,
    absl::Span<const schema::Provenance> support) {
  const std::pair<uint64_t, int> key{
      (static_cast<uint64_t>(source) << 32) | target,
      static_cast<int>(relation)};
  auto [it, inserted] = edge_by_key_.try_emplace(
      key, static_cast<EdgeIndex>(view_->edges_.size()));
  if (inserted) {
    EdgeInfo info;
    info.source = source;
    info.target = target;
    info.relation = relation;
    view_->edges_.push_back(std::move(info));
  }
  EdgeInfo& info = view_->edges_[it->second];
  if (info.inferred && !support.empty()) {
    // A sentence states what a rule derived: it is asserted after all.
    info.inferred = false;
    info.rule.clear();
    info.premises.clear();
  }
  info.support.insert(info.support.end(), support.begin(), support.end());
  return it->second;
}

EdgeIndex GraphViewBuilder::AddEdgeMove(
    NodeIndex source, schema::Relation relation, NodeIndex target,
    std::vector<schema::Provenance>* support) {
  const EdgeIndex e = AddEdge(source, relation, target,
                              absl::Span<const schema::Provenance>());
  EdgeInfo& info = view_->edges_[e];
  if (support->empty()) return e;
  if (info.inferred) {
    info.inferred = false;
    info.rule.clear();
    info.premises.clear();
  }
  if (info.support.empty()) {
    info.support.swap(*support);
  } else {
    for (schema::Provenance& p : *support) info.support.push_back(std::move(p));
  }
  support->clear();
  return e;
}

EdgeIndex GraphViewBuilder::AddInferredEdge(NodeIndex source,
                                            schema::Relation relation,
                                            NodeIndex target,
                                            absl::string_view rule,
                                            std::vector<EdgeIndex> premises) {
  const std::pair<uint64_t, int> key{
      (static_cast<uint64_t>(source) << 32) | target,
      static_cast<int>(relation)};
  auto [it, inserted] = edge_by_key_.try_emplace(
      key, static_cast<EdgeIndex>(view_->edges_.size()));
  if (!inserted) return kInvalidIndex;
  EdgeInfo info;
  info.source = source;
  info.target = target;
  info.relation = relation;
  info.inferred = true;
  info.rule = std::string(rule);
  info.premises = std::move(premises);
  view_->edges_.push_back(std::move(info));
  return it->second;
}

size_t GraphViewBuilder::num_nodes() const { return view_->nodes_.size(); }
size_t GraphViewBuilder::num_edges() const { return view_->edges_.size(); }
const NodeInfo& GraphViewBuilder::node(NodeIndex v) const {
  return view_->nodes_[v];
}
const EdgeInfo& GraphViewBuilder::edge(EdgeIndex e) const {
  return view_->edges_[e];
}

void GraphViewBuilder::Reserve(size_t nodes, size_t edges) {
  view_->nodes_.reserve(nodes);
  view_->edges_.reserve(edges);
  node_by_type_key_.reserve(nodes);
  edge_by_key_.reserve(edges);
}

std::shared_ptr<const GraphView> GraphViewBuilder::Finish() {
  GraphView& v = *view_;
  const size_t n = v.nodes_.size();
  // Counting sort of edges by endpoint into CSR arrays.
  v.out_begin_.assign(n + 1, 0);
  v.in_begin_.assign(n + 1, 0);
  for (const EdgeInfo& e : v.edges_) {
    ++v.out_begin_[e.source + 1];
    ++v.in_begin_[e.target + 1];
    // An edge is negated when no support affirms it.
    if (!e.inferred && !e.support.empty()) {
      bool any_affirmed = false;
      for (const schema::Provenance& p : e.support) {
        if (p.polarity() != schema::NEGATED) any_affirmed = true;
      }
      const_cast<EdgeInfo&>(e).negated = !any_affirmed;
    }
    ++v.relation_counts_[e.relation];
  }
  for (size_t i = 0; i < n; ++i) {
    v.out_begin_[i + 1] += v.out_begin_[i];
    v.in_begin_[i + 1] += v.in_begin_[i];
  }
  v.out_.resize(v.edges_.size());
  v.in_.resize(v.edges_.size());
  {
    std::vector<uint32_t> out_fill(v.out_begin_.begin(), v.out_begin_.end() - 1);
    std::vector<uint32_t> in_fill(v.in_begin_.begin(), v.in_begin_.end() - 1);
    for (EdgeIndex i = 0; i < v.edges_.size(); ++i) {
      const EdgeInfo& e = v.edges_[i];
      v.out_[out_fill[e.source]++] =
          Adjacent{e.target, i, e.relation, e.negated, e.inferred};
      v.in_[in_fill[e.target]++] =
          Adjacent{e.source, i, e.relation, e.negated, e.inferred};
    }
  }
  for (size_t i = 0; i < n; ++i) {
    std::sort(v.out_.begin() + v.out_begin_[i],
              v.out_.begin() + v.out_begin_[i + 1], AdjacentLess);
    std::sort(v.in_.begin() + v.in_begin_[i],
              v.in_.begin() + v.in_begin_[i + 1], AdjacentLess);
  }
  // Name and type indices.
  v.by_key_.reserve(n);
  for (NodeIndex i = 0; i < n; ++i) {
    NodeInfo& info = v.nodes_[i];
    info.name_hash = absl::Hash<absl::string_view>()(info.name);
    v.by_type_[info.type].push_back(i);
    std::vector<NodeIndex>& own = v.by_key_[NameKey(info.name)];
    if (own.empty() || own.back() != i) own.push_back(i);
    for (const std::string& alias : info.aliases) {
      std::vector<NodeIndex>& list = v.by_key_[NameKey(alias)];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  {
    absl::flat_hash_map<absl::string_view, NodeIndex> first_with_name;
    first_with_name.reserve(n);
    for (NodeIndex i = 0; i < n; ++i) {
      auto [it, inserted] = first_with_name.try_emplace(v.nodes_[i].name, i);
      if (!inserted) {
        v.nodes_[i].name_unique = false;
        v.nodes_[it->second].name_unique = false;
      }
    }
  }
  node_by_type_key_.clear();
  edge_by_key_.clear();
  std::shared_ptr<const GraphView> result(view_.release());
  view_.reset(new GraphView());
  return result;
}

}  // namespace mskg::graph
