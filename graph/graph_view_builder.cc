// graph/graph_view_builder.cc
//
// GraphViewBuilder's merging of nodes and edges; Finish(), which lays the
// view out in bytes, is in view_layout.cc.
#include <algorithm>
#include <cstring>
#include <memory>
#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/graph_view.h"
#include "util/name_key.h"

namespace mskg::graph {
namespace {

std::string TypeKey(schema::NodeType type, absl::string_view name) {
  return absl::StrCat(static_cast<int>(type), " ", NameKey(name));
}

std::pair<uint64_t, int> EdgeKey(NodeIndex source, schema::Relation relation,
                                 NodeIndex target) {
  return {(static_cast<uint64_t>(source) << 32) | target,
          static_cast<int>(relation)};
}

}  // namespace

GraphViewBuilder::GraphViewBuilder() = default;
GraphViewBuilder::~GraphViewBuilder() = default;

NodeIndex GraphViewBuilder::AddNode(schema::NodeType type,
                                    absl::string_view name,
                                    absl::Span<const std::string> aliases,
                                    uint64_t id) {
  auto [it, inserted] = node_by_type_key_.try_emplace(
      TypeKey(type, name), static_cast<NodeIndex>(nodes_.size()));
  if (inserted) {
    Node info;
    info.id = id != 0 ? id : nodes_.size() + 1;
    info.type = type;
    info.name = std::string(name);
    nodes_.push_back(std::move(info));
  }
  Node& info = nodes_[it->second];
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
  auto [it, inserted] = edge_by_key_.try_emplace(
      EdgeKey(source, relation, target), static_cast<EdgeIndex>(edges_.size()));
  if (inserted) {
    Edge info;
    info.source = source;
    info.target = target;
    info.relation = relation;
    edges_.push_back(std::move(info));
  }
  Edge& info = edges_[it->second];
  if (!support.empty()) DecodeSupport(&info);
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
  Edge& info = edges_[e];
  if (support->empty()) return e;
  DecodeSupport(&info);
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

EdgeIndex GraphViewBuilder::AddEdgeEncoded(NodeIndex source,
                                           schema::Relation relation,
                                           NodeIndex target,
                                           absl::string_view encoded,
                                           bool negated) {
  const bool existed =
      edge_by_key_.contains(EdgeKey(source, relation, target));
  if (existed || encoded.empty()) {
    // A merge: the support is decoded, as AddEdge() would have it.
    std::vector<schema::Provenance> support = SupportList(encoded).Decode();
    return AddEdgeMove(source, relation, target, &support);
  }
  const EdgeIndex e = AddEdge(source, relation, target, {});
  edges_[e].encoded_support = encoded;
  edges_[e].encoded_negated = negated;
  return e;
}

EdgeIndex GraphViewBuilder::AddEdgeEncodedCopy(NodeIndex source,
                                               schema::Relation relation,
                                               NodeIndex target,
                                               absl::string_view encoded,
                                               bool negated) {
  if (encoded.empty() ||
      edge_by_key_.contains(EdgeKey(source, relation, target))) {
    // A merge decodes the support anyway: no copy needed.
    return AddEdgeEncoded(source, relation, target, encoded, negated);
  }
  char* copy = encoded_.Allocate(encoded.size());
  std::memcpy(copy, encoded.data(), encoded.size());
  return AddEdgeEncoded(source, relation, target,
                        absl::string_view(copy, encoded.size()), negated);
}

char* GraphViewBuilder::EncodedArena::Allocate(size_t size) {
  constexpr size_t kBlockBytes = size_t{1} << 20;
  if (size > kBlockBytes / 4) {
    // Large supports get a block of their own, leaving the current one
    // (the last) as it was.
    blocks.insert(blocks.begin(), std::shared_ptr<char[]>(new char[size]));
    return blocks.front().get();
  }
  if (free < size) {
    blocks.push_back(std::shared_ptr<char[]>(new char[kBlockBytes]));
    free = kBlockBytes;
  }
  char* out = blocks.back().get() + (kBlockBytes - free);
  free -= size;
  return out;
}

void GraphViewBuilder::DecodeSupport(Edge* edge) {
  if (edge->encoded_support.empty()) return;
  std::vector<schema::Provenance> decoded =
      SupportList(edge->encoded_support).Decode();
  edge->encoded_support = absl::string_view();
  edge->encoded_negated = false;
  decoded.insert(decoded.end(), std::make_move_iterator(edge->support.begin()),
                 std::make_move_iterator(edge->support.end()));
  edge->support = std::move(decoded);
}

EdgeIndex GraphViewBuilder::AddInferredEdge(NodeIndex source,
                                            schema::Relation relation,
                                            NodeIndex target,
                                            absl::string_view rule,
                                            std::vector<EdgeIndex> premises) {
  auto [it, inserted] = edge_by_key_.try_emplace(
      EdgeKey(source, relation, target), static_cast<EdgeIndex>(edges_.size()));
  if (!inserted) return kInvalidIndex;
  Edge info;
  info.source = source;
  info.target = target;
  info.relation = relation;
  info.inferred = true;
  info.rule = std::string(rule);
  info.premises = std::move(premises);
  edges_.push_back(std::move(info));
  return it->second;
}

void GraphViewBuilder::Reserve(size_t nodes, size_t edges) {
  nodes_.reserve(nodes);
  edges_.reserve(edges);
  node_by_type_key_.reserve(nodes);
  edge_by_key_.reserve(edges);
}

}  // namespace mskg::graph
