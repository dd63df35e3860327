// graph/graph_view.h
//
// GraphView: an immutable in-memory snapshot of the graph, built once from
// the store (or directly by tests and bulk loaders) and shared by every query
// that runs on it. Nodes and edges are dense indices; each node's out- and
// in-edges are stored contiguously, sorted by relation and then by the other
// endpoint, so "edges of v with relation R" is a binary search plus a span.
// A Boost.Graph adjacency_list over the same indices serves the classic
// algorithms (breadth-first search, shortest paths); see boost_graph.h.
//
// A view reads everything in place from one block of bytes
// (snapshot_format.h), built on the heap or mapped from the store's
// snapshot file: node() and edge() return small values whose strings,
// premises and support point into it, valid while the view lives.
//
// Thread-safety: a finished GraphView is immutable; any number of threads may
// read it. GraphViewBuilder is not thread-safe.
#ifndef MSKG_GRAPH_GRAPH_VIEW_H_
#define MSKG_GRAPH_GRAPH_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "graph/snapshot_format.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

using NodeIndex = uint32_t;
using EdgeIndex = uint32_t;
inline constexpr uint32_t kInvalidIndex = 0xFFFFFFFFu;
// Sizes of arrays indexed by relation and by node type, from the schema's
// enums (unspecified included).
inline constexpr int kNumRelations = schema::Relation_ARRAYSIZE;
inline constexpr int kNumNodeTypes = schema::NodeType_ARRAYSIZE;

// The bytes a GraphView reads: laid out on the heap by
// GraphViewBuilder::Finish(), or a mapped snapshot file (snapshot_file.h).
// Layout: snapshot_format.h.
class SnapshotBytes {
 public:
  virtual ~SnapshotBytes() = default;
  // 8-byte aligned; valid for the object's life.
  virtual const char* data() const = 0;
  virtual size_t size() const = 0;
  // Whether the bytes are a mapped file (else they are on the heap).
  virtual bool mapped() const { return false; }
};

// A node's aliases, read in place from the view: a range of string_views.
class AliasList {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = absl::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = absl::string_view;
    Iterator(const AliasList* list, size_t i) : list_(list), i_(i) {}
    absl::string_view operator*() const { return (*list_)[i_]; }
    Iterator& operator++() { ++i_; return *this; }
    Iterator operator++(int) { Iterator r = *this; ++i_; return r; }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }
   private:
    const AliasList* list_;
    size_t i_;
  };
  using value_type = absl::string_view;
  using const_iterator = Iterator;

  AliasList() = default;
  AliasList(const snapshot::StrRef* refs, size_t count, const char* strings)
      : refs_(refs), count_(count), strings_(strings) {}
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  absl::string_view operator[](size_t i) const {
    return absl::string_view(strings_ + refs_[i].offset, refs_[i].size);
  }
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, count_); }
  // Returns owned copies (for APIs that take strings).
  std::vector<std::string> ToStrings() const;

 private:
  const snapshot::StrRef* refs_ = nullptr;
  size_t count_ = 0;
  const char* strings_ = nullptr;
};

// An edge's support, decoded on demand from the view's bytes: iterating
// parses each schema::Provenance afresh, so keep the result if it is read
// more than once.
class SupportList {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = schema::Provenance;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = schema::Provenance;
    Iterator(const char* at, size_t left) : at_(at), left_(left) {}
    schema::Provenance operator*() const;
    Iterator& operator++();
    bool operator==(const Iterator& o) const { return left_ == o.left_; }
    bool operator!=(const Iterator& o) const { return left_ != o.left_; }
   private:
    const char* at_;  // The length varint of the current provenance.
    size_t left_;     // Provenances from here to the end.
  };
  using value_type = schema::Provenance;
  using const_iterator = Iterator;

  SupportList() = default;
  // `bytes`: varint count, then per provenance varint length + bytes.
  explicit SupportList(absl::string_view bytes);
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  Iterator begin() const { return Iterator(first_, count_); }
  Iterator end() const { return Iterator(nullptr, 0); }
  // Returns the i-th provenance (linear in i). REQUIRES: i < size().
  schema::Provenance operator[](size_t i) const;
  // Returns every provenance, decoded.
  std::vector<schema::Provenance> Decode() const;

 private:
  const char* first_ = nullptr;
  size_t count_ = 0;
};

// A node as GraphView::node() returns it: a small value whose strings
// point into the view (valid while the view lives).
struct NodeInfo {
  uint64_t id = 0;  // The store's node id (stable across views).
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  absl::string_view name;
  AliasList aliases;
  // Whether no other node of the view has exactly this name. DISTINCT over
  // node names then follows from distinct nodes.
  bool name_unique = true;
};

// An edge as GraphView::edge() returns it; points into the view.
struct EdgeInfo {
  NodeIndex source = kInvalidIndex;
  NodeIndex target = kInvalidIndex;
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  // True for edges derived by an inference rule; `rule` names it and
  // `premises` lists the edges it was derived from.
  bool inferred = false;
  absl::string_view rule;
  absl::Span<const EdgeIndex> premises;
  // Evidence of an asserted edge: one entry per supporting sentence.
  SupportList support;
  // True when every support is negated: the sources deny the edge.
  bool negated = false;
};

// A node's name as an owned string with its absl::Hash, for values that
// hold names by pointer (query/value.h). Made on first use and kept for
// the view's life; absl::Hash is seeded per process, so it is never stored.
struct OwnedName {
  std::string text;
  size_t hash = 0;
};

// One entry of a node's adjacency: the edge and its other endpoint, with
// the edge's relation and flags copied from its EdgeInfo, so that a
// traversal filters edges without reading EdgeInfo (a cache miss each).
// Stored as is in snapshot files: keep it trivially copyable.
struct Adjacent {
  NodeIndex node;
  EdgeIndex edge;
  schema::Relation relation;
  bool negated = false;   // EdgeInfo::negated.
  bool inferred = false;  // EdgeInfo::inferred.
};
static_assert(sizeof(Adjacent) == 16);

class GraphView {
 public:
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;
  ~GraphView();

  // Returns the view laid out in `bytes` (snapshot_format.h), reading only
  // its header and checking that every section lies inside it. DataLoss if
  // not; FailedPrecondition if it was written by another format version or
  // byte order. For graph/ (the snapshot file); others use a builder.
  static absl::StatusOr<std::shared_ptr<const GraphView>> FromBytes(
      std::unique_ptr<const SnapshotBytes> bytes);

  size_t num_nodes() const { return num_nodes_; }
  size_t num_edges() const { return num_edges_; }
  NodeInfo node(NodeIndex v) const;
  EdgeInfo edge(EdgeIndex e) const;
  // Returns edge e's support as encoded in the view's bytes (SupportList's
  // form; empty if it has none), for a builder to copy it unparsed.
  absl::string_view EncodedSupport(EdgeIndex e) const;
  // Returns node v's name as an owned string with its hash (see OwnedName);
  // thread-safe.
  const OwnedName& owned_name(NodeIndex v) const;
  // Hints that node(v) will be read soon.
  void PrefetchNode(NodeIndex v) const { __builtin_prefetch(nodes_ + v); }

  // Returns the nodes whose name or an alias has the NameKey `key`
  // (see util/name_key.h). Empty if none.
  absl::Span<const NodeIndex> LookupKey(absl::string_view key) const;
  // Same, for a raw name: computes its NameKey first.
  absl::Span<const NodeIndex> Lookup(absl::string_view name) const;
  // Returns the node of `type` whose canonical name has the key of `name`,
  // or kInvalidIndex.
  NodeIndex Find(schema::NodeType type, absl::string_view name) const;

  // All nodes of `type`, ascending.
  absl::Span<const NodeIndex> NodesOfType(schema::NodeType type) const;

  // Out-edges (v is the source) and in-edges (v is the target), all
  // relations or one relation. Sorted by relation, then other endpoint.
  absl::Span<const Adjacent> Out(NodeIndex v) const {
    return absl::Span<const Adjacent>(out_ + out_begin_[v],
                                      out_begin_[v + 1] - out_begin_[v]);
  }
  absl::Span<const Adjacent> In(NodeIndex v) const {
    return absl::Span<const Adjacent>(in_ + in_begin_[v],
                                      in_begin_[v + 1] - in_begin_[v]);
  }
  absl::Span<const Adjacent> Out(NodeIndex v, schema::Relation r) const;
  absl::Span<const Adjacent> In(NodeIndex v, schema::Relation r) const;

  // Number of edges with relation `r` (statistics for the planner).
  size_t RelationCount(schema::Relation r) const {
    return relation_counts_[r];
  }

  // Returns the index of the edge source -r-> target, or kInvalidIndex.
  EdgeIndex FindEdge(NodeIndex source, schema::Relation r,
                     NodeIndex target) const;

  // The view's bytes (snapshot_format.h), e.g. to write them to a file.
  absl::string_view bytes() const;
  // The store stamp in the view's header (zero if built without a store).
  const snapshot::StoreStamp& stamp() const;
  // Whether the view reads a mapped snapshot file (else heap bytes).
  bool mapped_from_file() const { return bytes_->mapped(); }

 private:
  struct NameCache;
  GraphView() = default;
  const char* Section(snapshot::Section s) const;

  std::unique_ptr<const SnapshotBytes> bytes_;
  const snapshot::Header* header_ = nullptr;
  size_t num_nodes_ = 0;
  size_t num_edges_ = 0;
  const snapshot::NodeRecord* nodes_ = nullptr;
  const snapshot::EdgeRecord* edges_ = nullptr;
  const char* strings_ = nullptr;
  const snapshot::StrRef* aliases_ = nullptr;
  const EdgeIndex* premises_ = nullptr;
  const char* supports_ = nullptr;
  const uint32_t* out_begin_ = nullptr;
  const Adjacent* out_ = nullptr;
  const uint32_t* in_begin_ = nullptr;
  const Adjacent* in_ = nullptr;
  const uint32_t* type_begin_ = nullptr;
  const NodeIndex* type_nodes_ = nullptr;
  const snapshot::KeySlot* key_slots_ = nullptr;
  uint64_t key_mask_ = 0;  // Number of slots - 1.
  const NodeIndex* key_lists_ = nullptr;
  const uint64_t* relation_counts_ = nullptr;
  std::unique_ptr<NameCache> names_;
};

// Builds a GraphView. Nodes are identified by (type, NameKey(name)); adding
// the same node twice merges aliases and returns the first index. Adding the
// same (source, relation, target) twice merges support into one edge.
class GraphViewBuilder {
 public:
  // A node or edge while the view is being built (owned strings, decoded
  // support), as inference rules read them.
  struct Node {
    uint64_t id = 0;
    schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
    std::string name;
    std::vector<std::string> aliases;
  };
  struct Edge {
    NodeIndex source = kInvalidIndex;
    NodeIndex target = kInvalidIndex;
    schema::Relation relation = schema::RELATION_UNSPECIFIED;
    bool inferred = false;
    std::string rule;
    std::vector<EdgeIndex> premises;
    std::vector<schema::Provenance> support;
    // Support still encoded as a GraphView holds it (SupportList's form),
    // for an edge copied unchanged from another view (AddEdgeEncoded):
    // Finish() copies the bytes instead of parsing and re-serializing each
    // provenance, which is most of the cost of patching a large view.
    // Points into that view. Empty when `support` holds the support; never
    // both non-empty. `encoded_negated` is that view's EdgeInfo::negated.
    absl::string_view encoded_support;
    bool encoded_negated = false;
  };

  GraphViewBuilder();
  ~GraphViewBuilder();

  // Returns the node's index. `id` 0 assigns index+1 as id.
  NodeIndex AddNode(schema::NodeType type, absl::string_view name,
                    absl::Span<const std::string> aliases = {},
                    uint64_t id = 0);
  // Returns the index of the node with this type and name, or kInvalidIndex.
  NodeIndex FindNode(schema::NodeType type, absl::string_view name) const;

  // Adds or merges an asserted edge with its support.
  EdgeIndex AddEdge(NodeIndex source, schema::Relation relation,
                    NodeIndex target,
                    absl::Span<const schema::Provenance> support = {});
  // Same, moving the support in (GraphStore::View() on large graphs).
  // `support` is left empty.
  EdgeIndex AddEdgeMove(NodeIndex source, schema::Relation relation,
                        NodeIndex target,
                        std::vector<schema::Provenance>* support);
  // Same, with the support encoded as GraphView::EncodedSupport() returns
  // it and `negated` as that edge's EdgeInfo::negated; kept encoded unless
  // the edge merges with another. REQUIRES: the view `encoded` points into
  // outlives Finish().
  EdgeIndex AddEdgeEncoded(NodeIndex source, schema::Relation relation,
                           NodeIndex target, absl::string_view encoded,
                           bool negated);
  // Same, with `encoded` copied into the builder (it need not outlive the
  // call): a view built from a scan of the store keeps each edge's support
  // in this form, never as parsed messages, which cost ~10 times the bytes.
  EdgeIndex AddEdgeEncodedCopy(NodeIndex source, schema::Relation relation,
                               NodeIndex target, absl::string_view encoded,
                               bool negated);
  // Adds an inferred edge, unless an edge with this key exists already.
  // Returns its index, or kInvalidIndex if it existed.
  EdgeIndex AddInferredEdge(NodeIndex source, schema::Relation relation,
                            NodeIndex target, absl::string_view rule,
                            std::vector<EdgeIndex> premises);

  size_t num_nodes() const { return nodes_.size(); }
  size_t num_edges() const { return edges_.size(); }
  const Node& node(NodeIndex v) const { return nodes_[v]; }
  const Edge& edge(EdgeIndex e) const { return edges_[e]; }

  // Reserves room for this many nodes and edges (bulk loading).
  void Reserve(size_t nodes, size_t edges);

  // Sorts adjacency, builds the indices, lays the view out in its bytes
  // (snapshot_format.h) with `stamp` in the header, and returns it. The
  // builder is empty afterwards.
  std::shared_ptr<const GraphView> Finish(
      const snapshot::StoreStamp& stamp = {});

 private:
  // Decodes `edge`'s encoded support into its `support` (before a merge).
  static void DecodeSupport(Edge* edge);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Blocks holding the support AddEdgeEncodedCopy() copied. A copy of the
  // builder shares the blocks its edges point into, and starts a block of
  // its own for what it adds.
  struct EncodedArena {
    EncodedArena() = default;
    EncodedArena(const EncodedArena& o) : blocks(o.blocks) {}
    EncodedArena& operator=(const EncodedArena& o) {
      blocks = o.blocks;
      free = 0;
      return *this;
    }
    EncodedArena(EncodedArena&&) = default;
    EncodedArena& operator=(EncodedArena&&) = default;
    // Returns room for `size` bytes, valid while a block is shared.
    char* Allocate(size_t size);

    std::vector<std::shared_ptr<char[]>> blocks;
    size_t free = 0;  // Left at the end of blocks.back().
  };
  EncodedArena encoded_;
  // Key: the type's number, a space, and the NameKey of the name.
  absl::flat_hash_map<std::string, NodeIndex> node_by_type_key_;
  // Key: (source << 32 | target, relation).
  absl::flat_hash_map<std::pair<uint64_t, int>, EdgeIndex> edge_by_key_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_GRAPH_VIEW_H_
