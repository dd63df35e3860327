// graph/view_patch.cc
//
// PatchView() (view_patch.h). Node indices of the base are kept (ids
// ascend with indices, and new ids are above every stored one, so new
// nodes go after the base's), so the base's records, aliases, name-key
// lists and support bytes are copied with no index remapped; only edge
// indices move, by the changed triples before them. What GraphViewBuilder
// would compute again for every node and edge (name keys, the identity and
// edge hash maps, support decoded and encoded, the sort of the name keys,
// the sort of each node's adjacency) is computed for the changed ones
// only. The inference rules rerun over every edge when the patch changes
// what they read, else their result is copied (CopyInferredEdges()). What
// is still linear in the graph: copying the records and bytes into a new
// block, and reinserting every name key into a new slot table.
#include "graph/view_patch.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "graph/inference.h"
#include "graph/inference_rules.h"
#include "graph/view_layout.h"
#include "util/name_key.h"

namespace mskg::graph {

using snapshot::EdgeRecord;
using snapshot::KeySlot;
using snapshot::NodeRecord;
using snapshot::StrRef;

// The patched view's edges as the inference rules read and extend them
// (inference_rules.h): asserted edges in store order, then derived ones.
// Whether an edge of a relation the rules derive exists is a lookup of its
// key (IndexAssertedEdges()); of another relation, the changed triples and
// else the base's adjacency answer. Not thread-safe.
class PatchGraph {
 public:
  struct Node {
    absl::string_view name;
  };
  struct Edge {
    NodeIndex source = kInvalidIndex;
    NodeIndex target = kInvalidIndex;
    schema::Relation relation = schema::RELATION_UNSPECIFIED;
    bool inferred = false;
    bool negated = false;        // Asserted, with every support negated.
    absl::string_view rule;      // Static storage (inference.h's names).
    absl::string_view support;   // Encoded (SupportList's form).
    uint32_t premise_begin = 0;  // Into premises().
    uint32_t premise_count = 0;
  };
  using Key = std::pair<uint64_t, int>;
  static Key KeyOf(NodeIndex s, schema::Relation r, NodeIndex t) {
    return {(static_cast<uint64_t>(s) << 32) | t, static_cast<int>(r)};
  }

  // `names` holds every node's name; `changed` says, for each changed
  // triple, whether it has support now. Both must outlive this.
  PatchGraph(const GraphView& base, const std::vector<absl::string_view>& names,
             const absl::flat_hash_map<Key, bool>& changed)
      : base_(base), names_(names), changed_(changed) {}

  size_t num_nodes() const { return names_.size(); }
  size_t num_edges() const { return edges_.size(); }
  Node node(NodeIndex v) const { return Node{names_[v]}; }
  const Edge& edge(EdgeIndex e) const { return edges_[e]; }
  const std::vector<EdgeIndex>& premises() const { return premises_; }
  std::vector<Edge>& mutable_edges() { return edges_; }

  // As GraphViewBuilder::AddInferredEdge().
  EdgeIndex AddInferredEdge(NodeIndex source, schema::Relation relation,
                            NodeIndex target, absl::string_view rule,
                            std::vector<EdgeIndex> premises) {
    const Key key = KeyOf(source, relation, target);
    if (Indexed(relation)) {
      // Asserted or derived already.
      if (!keys_.insert(key).second) return kInvalidIndex;
    } else {
      if (AssertedExists(source, relation, target, key)) return kInvalidIndex;
      if (!keys_.insert(key).second) return kInvalidIndex;
    }
    Edge e;
    e.source = source;
    e.target = target;
    e.relation = relation;
    e.inferred = true;
    e.rule = rule;
    e.premise_begin = static_cast<uint32_t>(premises_.size());
    e.premise_count = static_cast<uint32_t>(premises.size());
    premises_.insert(premises_.end(), premises.begin(), premises.end());
    edges_.push_back(e);
    return static_cast<EdgeIndex>(edges_.size() - 1);
  }

  // Before the rules run: indexes the keys of the asserted edges of the
  // relations they derive, so that whether one exists is one lookup.
  void IndexAssertedEdges() {
    for (const Edge& e : edges_) {
      if (Indexed(e.relation))
        keys_.insert(KeyOf(e.source, e.relation, e.target));
    }
  }

  // Appends `edges`, derived ones whose premises are `premises` from
  // each one's premise_begin.
  void AddCopiedEdges(const std::vector<Edge>& edges,
                      const std::vector<EdgeIndex>& premises) {
    const uint32_t offset = static_cast<uint32_t>(premises_.size());
    for (Edge e : edges) {
      e.premise_begin += offset;
      edges_.push_back(e);
    }
    premises_.insert(premises_.end(), premises.begin(), premises.end());
  }

 private:
  // The relations the rules derive (inference.h), whose asserted edges
  // IndexAssertedEdges() puts in keys_.
  static bool Indexed(schema::Relation r) {
    return r == schema::PART_OF || r == schema::ANTAGONIST_OF;
  }
  bool AssertedExists(NodeIndex s, schema::Relation r, NodeIndex t,
                      const Key& key) const {
    auto it = changed_.find(key);
    if (it != changed_.end()) return it->second;
    if (s >= base_.num_nodes() || t >= base_.num_nodes()) return false;
    absl::Span<const Adjacent> range = base_.Out(s, r);
    auto at = std::lower_bound(
        range.begin(), range.end(), t,
        [](const Adjacent& a, NodeIndex x) { return a.node < x; });
    return at != range.end() && at->node == t && !at->inferred;
  }

  const GraphView& base_;
  const std::vector<absl::string_view>& names_;
  const absl::flat_hash_map<Key, bool>& changed_;
  std::vector<Edge> edges_;
  std::vector<EdgeIndex> premises_;
  // Derived edges' keys, and the asserted ones IndexAssertedEdges() adds.
  absl::flat_hash_set<Key> keys_;
};

bool EdgeNegated(const PatchGraph::Edge& info) {
  return !info.inferred && info.negated;
}

bool EdgeFromReference(const PatchGraph::Edge& info) {
  for (const schema::Provenance& p : SupportList(info.support)) {
    if (p.document_id() == kReferenceDocument &&
        p.polarity() != schema::NEGATED) {
      return true;
    }
  }
  return false;
}

absl::string_view EdgeRule(const PatchGraph::Edge& info) { return info.rule; }

namespace {

// The base's bytes, read as sections.
struct BaseBytes {
  explicit BaseBytes(const GraphView& view) : data(view.bytes().data()) {
    header = reinterpret_cast<const snapshot::Header*>(data);
  }
  const char* at(snapshot::Section s) const {
    return data + header->sections[s].offset;
  }
  uint64_t size(snapshot::Section s) const { return header->sections[s].size; }
  const char* data;
  const snapshot::Header* header;
};

// A node whose record the patch holds: its name and aliases as
// GraphViewBuilder::AddNode() keeps them.
struct StoredNode {
  uint64_t id = 0;
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  absl::string_view name;
  std::vector<absl::string_view> aliases;
};

StoredNode FromRecord(const schema::Node& record) {
  StoredNode node;
  node.id = record.id();
  node.type = record.type();
  node.name = record.name();
  for (const std::string& alias : record.aliases()) {
    if (alias != node.name &&
        std::find(node.aliases.begin(), node.aliases.end(), alias) ==
            node.aliases.end()) {
      node.aliases.push_back(alias);
    }
  }
  return node;
}

// Returns `support` as GraphView::EncodedSupport() holds it, and sets
// `*negated` when none of it affirms the edge. REQUIRES: not empty.
std::string EncodeSupport(const std::vector<schema::Provenance>& support,
                          bool* negated) {
  std::string out;
  char varint[10];
  out.append(varint, layout::PutVarint(varint, support.size()) - varint);
  bool any_affirmed = false;
  for (const schema::Provenance& p : support) {
    if (p.polarity() != schema::NEGATED) any_affirmed = true;
    out.append(varint, layout::PutVarint(varint, p.ByteSizeLong()) - varint);
    p.AppendToString(&out);
  }
  *negated = !any_affirmed;
  return out;
}

// A changed triple, by node index.
struct PatchedTriple {
  NodeIndex source;
  schema::Relation relation;
  NodeIndex target;
  const ViewPatch::Triple* triple;
};

// The edges the rules read (inference_rules.h): PART_OF and ANTAGONIST_OF
// (premises, and what blocks a derivation), PERFORMS (opposite_actions).
bool ReadByRules(schema::Relation r) {
  return r == schema::PART_OF || r == schema::ANTAGONIST_OF ||
         r == schema::PERFORMS;
}

// If no changed triple changes what the rules read, copies the base's
// inferred edges into `graph` (whose asserted edges are laid out, `asserted`
// of them) and returns true; else returns false with `graph` unchanged.
//
// Why this is the rules' result: a run (inference_rules.h) reads, of the
// asserted edges, only those of the relations of ReadByRules() (the
// relations it derives are PART_OF and ANTAGONIST_OF, so the edges of
// other relations never block a derivation), and of each only its
// endpoints, relation, position in the edge order, whether it is negated
// and, for PERFORMS, whether an affirmed support comes from the reference
// document; of nodes, only the names of PERFORMS targets. The worklist and
// every list it walks are in edge order. If each changed triple of those
// relations was asserted in the base exactly when it is now, and then with
// the same negation and reference status, the run sees the same sequence
// of edges as the base's run did (the patched order keeps the base's
// relative order, and changed nodes keep their names), so it derives the
// same edges in the same order, with the premises renumbered: asserted
// ones by `remap`, derived ones by their place after the asserted edges.
// Node indices do not change. A premise with no new index (it would have
// lost its support) refuses the copy.
bool CopyInferredEdges(const GraphView& base,
                       const std::vector<PatchedTriple>& changed,
                       const std::vector<EdgeIndex>& remap, size_t asserted,
                       PatchGraph* graph) {
  for (const PatchedTriple& c : changed) {
    if (!ReadByRules(c.relation)) continue;
    const bool now = !c.triple->support.empty();
    EdgeIndex before = kInvalidIndex;
    if (c.source < base.num_nodes() && c.target < base.num_nodes()) {
      before = base.FindEdge(c.source, c.relation, c.target);
    }
    if (before != kInvalidIndex && base.edge(before).inferred) {
      before = kInvalidIndex;
    }
    if ((before != kInvalidIndex) != now) return false;
    if (!now) continue;
    const PatchGraph::Edge& e = graph->edge(remap[before]);
    const PatchGraph::Edge old = {.negated = base.edge(before).negated,
                                  .support = base.EncodedSupport(before)};
    if (e.negated != old.negated ||
        (c.relation == schema::PERFORMS &&
         EdgeFromReference(e) != EdgeFromReference(old))) {
      return false;
    }
  }
  const size_t base_asserted = remap.size();
  std::vector<PatchGraph::Edge> copied;
  std::vector<EdgeIndex> premises;
  for (EdgeIndex i = base_asserted; i < base.num_edges(); ++i) {
    const EdgeInfo info = base.edge(i);
    PatchGraph::Edge e;
    e.source = info.source;
    e.target = info.target;
    e.relation = info.relation;
    e.inferred = true;
    e.rule = info.rule;
    e.premise_begin = static_cast<uint32_t>(premises.size());
    e.premise_count = static_cast<uint32_t>(info.premises.size());
    for (EdgeIndex p : info.premises) {
      const EdgeIndex q =
          p < base_asserted ? remap[p]
          : p < base.num_edges()
              ? static_cast<EdgeIndex>(asserted + p - base_asserted)
              : kInvalidIndex;
      if (q == kInvalidIndex) return false;
      premises.push_back(q);
    }
    copied.push_back(e);
  }
  graph->AddCopiedEdges(copied, premises);
  return true;
}

// Lays out kOutBegin, kOut, kInBegin, kIn as LayOutIndices() would, from
// the base's: each node's entries are the base's whose edge is `kept`
// (renumbered; their relation, flags and order are unchanged, since a
// node's entries are ordered by relation and other endpoint, which a
// renumbering keeps), merged with the entries of the `fresh` edges (in
// ascending order). Returns false if some edge of the block is neither
// kept nor fresh (the sections are then to be laid out anew).
bool LayOutAdjacency(const GraphView& base, const std::vector<EdgeIndex>& kept,
                     const std::vector<EdgeIndex>& fresh,
                     layout::Block* block) {
  const size_t n = block->counts.nodes;
  const auto* edge_records =
      reinterpret_cast<const EdgeRecord*>(block->at(snapshot::kEdges));
  for (const bool out : {true, false}) {
    auto* begin = reinterpret_cast<uint32_t*>(
        block->at(out ? snapshot::kOutBegin : snapshot::kInBegin));
    auto* list = reinterpret_cast<Adjacent*>(
        block->at(out ? snapshot::kOut : snapshot::kIn));
    // (node, entry) of each fresh edge, by node, then in list order.
    std::vector<std::pair<NodeIndex, Adjacent>> extra;
    extra.reserve(fresh.size());
    for (const EdgeIndex e : fresh) {
      const EdgeRecord& r = edge_records[e];
      Adjacent a;
      a.node = out ? r.target : r.source;
      a.edge = e;
      a.relation = static_cast<schema::Relation>(r.relation);
      a.negated = r.negated != 0;
      a.inferred = r.inferred != 0;
      extra.emplace_back(out ? r.source : r.target, a);
    }
    std::sort(extra.begin(), extra.end(), [](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first < y.first;
      return layout::AdjacentLess(x.second, y.second);
    });
    uint32_t used = 0;
    size_t x = 0;
    for (NodeIndex v = 0; v < n; ++v) {
      begin[v] = used;
      if (v < base.num_nodes()) {
        for (const Adjacent& a : out ? base.Out(v) : base.In(v)) {
          const EdgeIndex e = kept[a.edge];
          if (e == kInvalidIndex) continue;
          Adjacent b = a;
          b.edge = e;
          while (x < extra.size() && extra[x].first == v &&
                 layout::AdjacentLess(extra[x].second, b)) {
            list[used++] = extra[x++].second;
          }
          list[used++] = b;
        }
      }
      while (x < extra.size() && extra[x].first == v) {
        list[used++] = extra[x++].second;
      }
    }
    begin[n] = used;
    if (used != block->counts.edges) return false;
  }
  return true;
}

std::atomic<size_t> refusals{0};
std::atomic<size_t> inference_copies{0};
std::atomic<size_t> inference_reruns{0};

// PatchView() itself; nullptr when it refuses.
std::shared_ptr<const GraphView> Patch(const GraphView& base,
                                       const ViewPatch& patch,
                                       bool apply_inference,
                                       const snapshot::StoreStamp& stamp) {
  const BaseBytes raw(base);
  const auto* base_nodes =
      reinterpret_cast<const NodeRecord*>(raw.at(snapshot::kNodes));
  const auto* base_edges =
      reinterpret_cast<const EdgeRecord*>(raw.at(snapshot::kEdges));
  const auto* base_aliases =
      reinterpret_cast<const StrRef*>(raw.at(snapshot::kAliases));
  const char* base_strings = raw.at(snapshot::kStrings);
  const char* base_supports = raw.at(snapshot::kSupports);
  const size_t base_n = base.num_nodes();
  const size_t base_m = base.num_edges();
  auto str = [base_strings](const StrRef& r) {
    return absl::string_view(base_strings + r.offset, r.size);
  };
  for (size_t v = 1; v < base_n; ++v) {
    if (base_nodes[v - 1].id >= base_nodes[v].id) return nullptr;
  }
  const uint64_t max_base_id = base_n == 0 ? 0 : base_nodes[base_n - 1].id;
  auto base_index = [&](uint64_t id) -> NodeIndex {
    const NodeRecord* at = std::lower_bound(
        base_nodes, base_nodes + base_n, id,
        [](const NodeRecord& r, uint64_t x) { return r.id < x; });
    return at != base_nodes + base_n && at->id == id
               ? static_cast<NodeIndex>(at - base_nodes)
               : kInvalidIndex;
  };

  // ---- Nodes: the base's, the changed ones' records, the new ones ----
  absl::flat_hash_map<NodeIndex, StoredNode> changed_nodes;
  std::vector<StoredNode> new_nodes;
  for (const schema::Node& record : patch.nodes) {
    StoredNode node = FromRecord(record);
    const NodeIndex v = base_index(node.id);
    if (v != kInvalidIndex) {
      if (node.type != base_nodes[v].type ||
          node.name != str(base_nodes[v].name)) {
        return nullptr;
      }
      changed_nodes[v] = std::move(node);
    } else if (node.id > max_base_id) {
      new_nodes.push_back(std::move(node));
    } else {
      return nullptr;
    }
  }
  std::sort(
      new_nodes.begin(), new_nodes.end(),
      [](const StoredNode& a, const StoredNode& b) { return a.id < b.id; });
  {
    // A builder would merge nodes of one identity: leave that to it.
    absl::flat_hash_set<std::string> identities;
    for (size_t i = 0; i < new_nodes.size(); ++i) {
      if ((i > 0 && new_nodes[i - 1].id == new_nodes[i].id) ||
          base.Find(new_nodes[i].type, new_nodes[i].name) != kInvalidIndex ||
          !identities
               .insert(absl::StrCat(static_cast<int>(new_nodes[i].type), " ",
                                    NameKey(new_nodes[i].name)))
               .second) {
        return nullptr;
      }
    }
  }
  const size_t n = base_n + new_nodes.size();
  auto new_index = [&](uint64_t id) -> NodeIndex {
    if (id <= max_base_id) return base_index(id);
    auto at = std::lower_bound(
        new_nodes.begin(), new_nodes.end(), id,
        [](const StoredNode& node, uint64_t x) { return node.id < x; });
    return at != new_nodes.end() && at->id == id
               ? static_cast<NodeIndex>(base_n + (at - new_nodes.begin()))
               : kInvalidIndex;
  };
  std::vector<absl::string_view> names(n);
  for (size_t v = 0; v < base_n; ++v) names[v] = str(base_nodes[v].name);
  for (size_t i = 0; i < new_nodes.size(); ++i) {
    names[base_n + i] = new_nodes[i].name;
  }
  // The stored node of index v, or null for a base node unchanged.
  std::vector<const StoredNode*> stored_of(n, nullptr);
  for (const auto& [v, node] : changed_nodes) stored_of[v] = &node;
  for (size_t i = 0; i < new_nodes.size(); ++i) {
    stored_of[base_n + i] = &new_nodes[i];
  }
  auto stored = [&stored_of](NodeIndex v) { return stored_of[v]; };

  // ---- Changed triples, by node index ----
  std::vector<PatchedTriple> changed;
  changed.reserve(patch.triples.size());
  absl::flat_hash_map<PatchGraph::Key, bool> changed_keys;
  for (const ViewPatch::Triple& t : patch.triples) {
    const NodeIndex s = new_index(t.source);
    const NodeIndex o = new_index(t.target);
    if (t.support.empty()) {
      // Nothing to add; what matters is that a base edge is dropped.
      if (s == kInvalidIndex || o == kInvalidIndex) continue;
    } else if (s == kInvalidIndex || o == kInvalidIndex) {
      return nullptr;
    }
    changed.push_back(PatchedTriple{s, t.relation, o, &t});
    changed_keys[PatchGraph::KeyOf(s, t.relation, o)] = !t.support.empty();
  }
  auto triple_less = [](NodeIndex s1, int r1, NodeIndex t1, NodeIndex s2,
                        int r2, NodeIndex t2) {
    if (s1 != s2) return s1 < s2;
    if (r1 != r2) return r1 < r2;
    return t1 < t2;
  };
  for (size_t i = 1; i < changed.size(); ++i) {
    const PatchedTriple& a = changed[i - 1];
    const PatchedTriple& b = changed[i];
    if (!triple_less(a.source, a.relation, a.target, b.source, b.relation,
                     b.target)) {
      return nullptr;
    }
  }

  // ---- Asserted edges: the base's merged with the changed triples ----
  PatchGraph graph(base, names, changed_keys);
  std::vector<PatchGraph::Edge>& edges = graph.mutable_edges();
  edges.reserve(base_m + changed.size());
  std::vector<std::string> encoded;
  encoded.reserve(changed.size());
  // The edges with no entry in the base's adjacency: changed triples with
  // support, derived edges unless copied.
  std::vector<EdgeIndex> fresh;
  auto add_changed = [&](const PatchedTriple& c) {
    if (c.triple->support.empty()) return;
    PatchGraph::Edge e;
    e.source = c.source;
    e.target = c.target;
    e.relation = c.relation;
    encoded.push_back(EncodeSupport(c.triple->support, &e.negated));
    e.support = encoded.back();
    fresh.push_back(static_cast<EdgeIndex>(edges.size()));
    edges.push_back(e);
  };
  // The new index of each asserted edge of the base (kInvalidIndex if it
  // has no support left).
  std::vector<EdgeIndex> remap;
  remap.reserve(base_m);
  size_t j = 0;
  const EdgeRecord* last = nullptr;
  for (EdgeIndex i = 0; i < base_m; ++i) {
    const EdgeRecord& r = base_edges[i];
    if (r.inferred) break;
    if (last != nullptr &&
        !triple_less(last->source, last->relation, last->target, r.source,
                     r.relation, r.target)) {
      return nullptr;  // Not in store order.
    }
    last = &r;
    while (j < changed.size() &&
           triple_less(changed[j].source, changed[j].relation,
                       changed[j].target, r.source, r.relation, r.target)) {
      add_changed(changed[j++]);
    }
    if (j < changed.size() && changed[j].source == r.source &&
        changed[j].relation == r.relation && changed[j].target == r.target) {
      // Replaced (or dropped) by the stored one.
      const size_t before = edges.size();
      add_changed(changed[j++]);
      remap.push_back(edges.size() > before ? before : kInvalidIndex);
      continue;
    }
    remap.push_back(static_cast<EdgeIndex>(edges.size()));
    PatchGraph::Edge e;
    e.source = r.source;
    e.target = r.target;
    e.relation = static_cast<schema::Relation>(r.relation);
    e.negated = r.negated != 0;
    e.support =
        absl::string_view(base_supports + r.support_offset, r.support_size);
    edges.push_back(e);
  }
  const size_t base_asserted = remap.size();
  for (size_t i = base_asserted; i < base_m; ++i) {
    if (!base_edges[i].inferred) return nullptr;  // Not in store order.
  }
  while (j < changed.size()) add_changed(changed[j++]);

  // For the adjacency: the new index of each base edge whose entries
  // stay as they are but for it.
  std::vector<EdgeIndex> kept(base_m, kInvalidIndex);
  {
    size_t f = 0;
    for (size_t b = 0; b < base_asserted; ++b) {
      const EdgeIndex e = remap[b];
      if (e == kInvalidIndex) continue;
      while (f < fresh.size() && fresh[f] < e) ++f;
      if (f < fresh.size() && fresh[f] == e) continue;  // Replaced.
      kept[b] = e;
    }
  }
  const size_t asserted = edges.size();
  if (apply_inference) {
    if (CopyInferredEdges(base, changed, remap, asserted, &graph)) {
      inference_copies.fetch_add(1, std::memory_order_relaxed);
      for (size_t b = base_asserted; b < base_m; ++b) {
        kept[b] = static_cast<EdgeIndex>(asserted + (b - base_asserted));
      }
    } else {
      inference_reruns.fetch_add(1, std::memory_order_relaxed);
      graph.IndexAssertedEdges();
      Inference<PatchGraph>(&graph).Run();
      for (size_t e = asserted; e < edges.size(); ++e) {
        fresh.push_back(static_cast<EdgeIndex>(e));
      }
    }
  }
  const size_t m = edges.size();

  // ---- Name keys: the base's lists, less the changed nodes, merged with
  // the changed and new nodes' keys ----
  std::vector<std::pair<std::string, NodeIndex>> extra;
  auto add_keys = [&extra](NodeIndex v, const StoredNode& node) {
    extra.emplace_back(NameKey(node.name), v);
    for (absl::string_view a : node.aliases) extra.emplace_back(NameKey(a), v);
  };
  for (const auto& [v, node] : changed_nodes) add_keys(v, node);
  for (size_t i = 0; i < new_nodes.size(); ++i) {
    add_keys(static_cast<NodeIndex>(base_n + i), new_nodes[i]);
  }
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
  const auto* base_slots =
      reinterpret_cast<const KeySlot*>(raw.at(snapshot::kKeySlots));
  const size_t base_slot_count =
      raw.size(snapshot::kKeySlots) / sizeof(KeySlot);
  const auto* base_lists =
      reinterpret_cast<const NodeIndex*>(raw.at(snapshot::kKeyLists));
  const size_t base_keyed = raw.size(snapshot::kKeyLists) / sizeof(NodeIndex);
  // The base's keys in key order: each starts its list where the one
  // before ended (Finish() lays the lists out in key order).
  // Gathered in one pass over the slots (reading them in key order would
  // miss the cache at every key).
  struct BaseKey {
    uint64_t hash = 0;  // 0: no key starts here.
    uint64_t offset = 0;
    uint32_t size = 0;
    uint32_t count = 0;
  };
  std::vector<BaseKey> key_at(base_keyed);
  for (size_t s = 0; s < base_slot_count; ++s) {
    const KeySlot& slot = base_slots[s];
    if (slot.hash == 0) continue;
    if (slot.list_begin >= base_keyed || slot.list_count == 0) return nullptr;
    key_at[slot.list_begin] = {slot.hash, slot.key.offset, slot.key.size,
                               static_cast<uint32_t>(slot.list_count)};
  }
  std::vector<layout::KeyedNode> keyed;
  keyed.reserve(base_keyed + extra.size());
  size_t num_keys = 0;
  uint64_t key_bytes = 0;
  size_t x = 0;
  auto emit_extra_key = [&](absl::string_view key) {
    while (x < extra.size() && extra[x].first == key) {
      keyed.push_back({extra[x].first, extra[x].second});
      ++x;
    }
  };
  auto count_key = [&](size_t before) {
    if (keyed.size() > before) {
      ++num_keys;
      key_bytes += keyed.back().key.size();
    }
  };
  for (size_t p = 0; p < base_keyed;) {
    const BaseKey& slot = key_at[p];
    if (slot.hash == 0) return nullptr;
    const absl::string_view key(base_strings + slot.offset, slot.size);
    while (x < extra.size() && absl::string_view(extra[x].first) < key) {
      const size_t before = keyed.size();
      emit_extra_key(extra[x].first);
      count_key(before);
    }
    const size_t before = keyed.size();
    const NodeIndex* list = base_lists + p;
    const size_t count = slot.count;
    if (p + count > base_keyed) return nullptr;
    for (size_t i = 0; i < count; ++i) {
      const NodeIndex v = list[i];
      // Extra nodes of the same key that sort before v.
      while (x < extra.size() && extra[x].first == key && extra[x].second < v) {
        keyed.push_back({extra[x].first, extra[x].second, slot.hash});
        ++x;
      }
      if (v < base_n && stored_of[v] != nullptr) continue;
      keyed.push_back({key, v, slot.hash});
    }
    while (x < extra.size() && extra[x].first == key) {
      keyed.push_back({extra[x].first, extra[x].second, slot.hash});
      ++x;
    }
    count_key(before);
    p += count;
  }
  while (x < extra.size()) {
    const size_t before = keyed.size();
    emit_extra_key(extra[x].first);
    count_key(before);
  }

  // ---- Sizes ----
  std::vector<absl::string_view> rules;
  for (size_t i = 0; i < m; ++i) {
    if (!edges[i].rule.empty() &&
        std::find(rules.begin(), rules.end(), edges[i].rule) == rules.end()) {
      rules.push_back(edges[i].rule);
    }
  }
  std::sort(rules.begin(), rules.end());
  layout::Counts counts;
  counts.nodes = n;
  counts.edges = m;
  counts.key_slots = layout::KeySlotCount(num_keys);
  counts.keyed_nodes = keyed.size();
  counts.premises = graph.premises().size();
  counts.string_bytes = key_bytes;
  for (absl::string_view rule : rules) counts.string_bytes += rule.size();
  for (NodeIndex v = 0; v < n; ++v) {
    if (const StoredNode* node = stored(v)) {
      counts.string_bytes += node->name.size();
      for (absl::string_view a : node->aliases) counts.string_bytes += a.size();
      counts.aliases += node->aliases.size();
    } else {
      const NodeRecord& r = base_nodes[v];
      counts.string_bytes += r.name.size;
      for (uint32_t a = 0; a < r.alias_count; ++a) {
        counts.string_bytes += base_aliases[r.alias_begin + a].size;
      }
      counts.aliases += r.alias_count;
    }
  }
  for (const PatchGraph::Edge& e : edges) {
    counts.support_bytes += e.support.size();
  }
  layout::Block block(counts);
  layout::StringWriter strings(block);

  // ---- Strings, nodes, aliases ----
  auto* node_records =
      reinterpret_cast<NodeRecord*>(block.at(snapshot::kNodes));
  auto* alias_refs = reinterpret_cast<StrRef*>(block.at(snapshot::kAliases));
  uint32_t alias_used = 0;
  for (NodeIndex v = 0; v < n; ++v) {
    NodeRecord& r = node_records[v];
    r.alias_begin = alias_used;
    if (const StoredNode* node = stored(v)) {
      r.id = node->id;
      r.type = static_cast<uint8_t>(node->type);
      r.name = strings.Put(node->name);
      r.alias_count = static_cast<uint32_t>(node->aliases.size());
      for (absl::string_view a : node->aliases) {
        alias_refs[alias_used++] = strings.Put(a);
      }
    } else {
      const NodeRecord& b = base_nodes[v];
      r.id = b.id;
      r.type = b.type;
      r.name = strings.Put(str(b.name));
      r.alias_count = b.alias_count;
      for (uint32_t a = 0; a < b.alias_count; ++a) {
        alias_refs[alias_used++] =
            strings.Put(str(base_aliases[b.alias_begin + a]));
      }
    }
    // Unique among the base's nodes as before (their names do not
    // change); new nodes are checked below.
    r.name_unique = v < base_n ? base_nodes[v].name_unique : 1;
  }
  {
    absl::flat_hash_map<absl::string_view, NodeIndex> new_names;
    for (NodeIndex v = base_n; v < n; ++v) {
      const absl::string_view name = names[v];
      auto [it, inserted] = new_names.try_emplace(name, v);
      if (!inserted) {
        node_records[v].name_unique = 0;
        node_records[it->second].name_unique = 0;
      }
      // A node of the base with this name has this name's key.
      for (NodeIndex w : base.Lookup(name)) {
        if (names[w] == name) {
          node_records[v].name_unique = 0;
          node_records[w].name_unique = 0;
        }
      }
    }
  }
  // Rules are few (inference.h): found by a scan.
  std::vector<StrRef> rule_refs;
  for (absl::string_view rule : rules) rule_refs.push_back(strings.Put(rule));
  auto rule_ref = [&](absl::string_view rule) {
    size_t i = 0;
    while (rules[i].data() != rule.data() && rules[i] != rule) ++i;
    return rule_refs[i];
  };

  // ---- Edges, premises, supports ----
  auto* edge_records =
      reinterpret_cast<EdgeRecord*>(block.at(snapshot::kEdges));
  auto* premise_out =
      reinterpret_cast<EdgeIndex*>(block.at(snapshot::kPremises));
  const std::vector<EdgeIndex>& premises = graph.premises();
  if (!premises.empty()) {
    std::memcpy(premise_out, premises.data(),
                premises.size() * sizeof(EdgeIndex));
  }
  char* const support_base = block.at(snapshot::kSupports);
  uint64_t support_used = 0;
  auto* relation_counts =
      reinterpret_cast<uint64_t*>(block.at(snapshot::kRelationCounts));
  for (EdgeIndex i = 0; i < m; ++i) {
    const PatchGraph::Edge& e = edges[i];
    EdgeRecord& r = edge_records[i];
    r.source = e.source;
    r.target = e.target;
    r.relation = static_cast<uint8_t>(e.relation);
    r.inferred = e.inferred ? 1 : 0;
    if (!e.rule.empty()) r.rule = rule_ref(e.rule);
    // Premises are laid out in edge order, as Finish() does.
    r.premise_begin = e.inferred ? e.premise_begin : 0;
    r.premise_count = e.premise_count;
    if (!e.support.empty()) {
      r.support_offset = support_used;
      std::memcpy(support_base + support_used, e.support.data(),
                  e.support.size());
      support_used += e.support.size();
      r.support_size = e.support.size();
      r.negated = e.negated ? 1 : 0;
    }
    ++relation_counts[e.relation];
  }
  if (LayOutAdjacency(base, kept, fresh, &block)) {
    layout::LayOutNodesByType(&block);
  } else {
    for (const snapshot::Section s : {snapshot::kOutBegin, snapshot::kOut,
                                      snapshot::kInBegin, snapshot::kIn}) {
      std::memset(block.at(s), 0, block.header.sections[s].size);
    }
    layout::LayOutIndices(&block);
  }
  layout::LayOutKeys(keyed, &strings, &block);
  return layout::FinishBlock(&block, stamp);
}

}  // namespace

std::shared_ptr<const GraphView> PatchView(const GraphView& base,
                                           const ViewPatch& patch,
                                           bool apply_inference,
                                           const snapshot::StoreStamp& stamp) {
  std::shared_ptr<const GraphView> view =
      Patch(base, patch, apply_inference, stamp);
  if (view == nullptr) refusals.fetch_add(1, std::memory_order_relaxed);
  return view;
}

PatchViewCounts PatchViewCountsForTesting() {
  PatchViewCounts counts;
  counts.refused = refusals.load(std::memory_order_relaxed);
  counts.inference_copied = inference_copies.load(std::memory_order_relaxed);
  counts.inference_rerun = inference_reruns.load(std::memory_order_relaxed);
  return counts;
}

}  // namespace mskg::graph
