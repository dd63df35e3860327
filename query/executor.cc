#include "query/executor.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "graph/boost_graph.h"
#include "query/limits.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

using graph::Adjacent;
using graph::EdgeIndex;
using graph::NodeIndex;

// Three-valued logic: 1 true, 0 false, -1 null.
int Truth(const Value& v) {
  if (v.is_bool()) return v.AsBool() ? 1 : 0;
  return -1;
}
Value FromTruth(int t) { return t < 0 ? Value() : Value(t == 1); }

// Returns 1/0 for equal/unequal, -1 for null (openCypher `=`).
int Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return -1;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.AsInt() == b.AsInt();
    return a.AsNumber() == b.AsNumber();
  }
  if (a.is_list() && b.is_list()) {
    const auto& x = a.AsList();
    const auto& y = b.AsList();
    if (x.size() != y.size()) return 0;
    int result = 1;
    for (size_t i = 0; i < x.size(); ++i) {
      const int e = Equals(x[i], y[i]);
      if (e == 0) return 0;
      if (e < 0) result = -1;
    }
    return result;
  }
  if (a.kind() != b.kind()) return 0;
  return a == b;
}

// Returns <0, 0, >0, or kIncomparable.
constexpr int kIncomparable = 1000;
int Compare(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return CompareForOrder(a, b);
  if (a.is_string() && b.is_string()) return CompareForOrder(a, b);
  if (a.is_bool() && b.is_bool()) return CompareForOrder(a, b);
  return kIncomparable;
}

// Returns a + b, or SIZE_MAX where that overflows (SKIP and LIMIT are
// arbitrary non-negative integers).
size_t SaturatingAdd(size_t a, size_t b) {
  size_t r;
  return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<size_t>::max() : r;
}

// Returns the bytes `v` holds, roughly: what the memory bound counts.
uint64_t ValueBytes(const Value& v) {
  uint64_t bytes = sizeof(Value);
  if (v.is_string() && !v.is_ref()) bytes += v.AsString().capacity();
  if (v.is_list()) {
    for (const Value& x : v.AsList()) bytes += ValueBytes(x);
  }
  return bytes;
}

// Returns the bytes `row` holds, roughly.
uint64_t RowBytes(const ExecRow& row) {
  uint64_t bytes = sizeof(ExecRow);
  for (const Value& v : row.values) bytes += ValueBytes(v);
  for (const auto& p : row.paths) bytes += sizeof(p) + p.size() * sizeof(graph::EdgeIndex);
  return bytes;
}

// Returns the levels of lists in `v` (0 for a scalar), counting no further
// than `limit`.
int ListDepth(const Value& v, int limit) {
  if (!v.is_list() || limit <= 0) return 0;
  int below = 0;
  for (const Value& x : v.AsList()) below = std::max(below, ListDepth(x, limit - 1));
  return below + 1;
}

struct AggState {
  int64_t count = 0;
  int64_t isum = 0;
  double dsum = 0;
  bool any_double = false;
  Value best;
  std::vector<Value> list;
  absl::flat_hash_set<Value> seen;
};

// Values indexed by node, each valid only where stamped with the current
// generation, so that Start() forgets them all at once (the arrays are
// cleared only when the generation wraps): a search or a DISTINCT costs
// nothing for the nodes it does not touch. Sized to the largest view seen.
template <typename T>
struct StampedArray {
  std::vector<uint32_t> stamp;
  std::vector<T> value;  // Where stamp == gen.
  uint32_t gen = 0;

  void Start(size_t n) {
    if (stamp.size() < n) {
      stamp.resize(n, 0);
      value.resize(n);
    }
    if (++gen == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      gen = 1;
    }
  }
  bool Has(uint32_t v) const { return stamp[v] == gen; }
  void Set(uint32_t v, T x) {
    stamp[v] = gen;
    value[v] = x;
  }
};

// Per-thread scratch of the breadth-first searches of endpoints_only
// expansions: the BFS parent edge of each node reached, reused across
// executions. A search finishes before it emits any row, so nested
// searches never overlap.
using BfsScratch = StampedArray<EdgeIndex>;

// The row of each node a DISTINCT over a single node has emitted
// (single-item node keys): finding a node's row is an array read, not a
// hash probe. Null gets its own entry.
struct NodeRowArray {
  static constexpr size_t kNone = std::numeric_limits<size_t>::max();
  StampedArray<size_t> rows;
  size_t null_row = kNone;

  void Start(size_t n) {
    rows.Start(n);
    null_row = kNone;
  }
  // Returns the row of node `v` (kNullNode for null), or kNone.
  size_t Find(uint32_t v) const;
  void Insert(uint32_t v, size_t r);
};

BfsScratch& ThreadBfsScratch() {
  thread_local BfsScratch scratch;
  return scratch;
}

// Per-thread scratch of undirected endpoints_only searches that look for a
// cycle through their start: each node's subtree (the start's neighbour it
// was reached through) and depth.
using BranchScratch = StampedArray<std::pair<uint32_t, int>>;

BranchScratch& ThreadBranchScratch() {
  thread_local BranchScratch scratch;
  return scratch;
}

// How many nodes ahead a loop over scattered nodes prefetches their data.
constexpr size_t kPrefetchAhead = 8;

// DISTINCT keys of rows whose items are all nodes or properties of nodes:
// the node of each item (kNullNode for null), unused entries 0.
constexpr size_t kMaxNodeKeyItems = 4;
constexpr uint32_t kNullNode = std::numeric_limits<uint32_t>::max();
using NodeKey = std::array<uint32_t, kMaxNodeKeyItems>;

size_t NodeRowArray::Find(uint32_t v) const {
  if (v == kNullNode) return null_row;
  return rows.Has(v) ? rows.value[v] : kNone;
}
void NodeRowArray::Insert(uint32_t v, size_t r) {
  if (v == kNullNode) {
    null_row = r;
  } else {
    rows.Set(v, r);
  }
}

// Hash and equality of DISTINCT and grouping keys that also take a span of
// values, so that a row is looked up without copying it into a key.
struct ValuesHash {
  using is_transparent = void;
  size_t operator()(absl::Span<const Value> v) const {
    return absl::Hash<absl::Span<const Value>>()(v);
  }
};
struct ValuesEq {
  using is_transparent = void;
  bool operator()(absl::Span<const Value> a, absl::Span<const Value> b) const {
    return a == b;
  }
};

// DISTINCT without aggregation keeps a set of row indices, hashed and
// compared on the first `*width` values of each row in `*rows`: a new row
// is its own key, so no key is copied. Transparent, so that a row not yet
// added is looked up by its span of values.
struct RowKeyHash {
  using is_transparent = void;
  const std::vector<ExecRow>* rows;
  const size_t* width;
  size_t operator()(size_t r) const {
    return ValuesHash()(absl::MakeConstSpan((*rows)[r].values.data(), *width));
  }
  size_t operator()(absl::Span<const Value> v) const { return ValuesHash()(v); }
};
struct RowKeyEq {
  using is_transparent = void;
  const std::vector<ExecRow>* rows;
  const size_t* width;
  absl::Span<const Value> Key(size_t r) const {
    return absl::MakeConstSpan((*rows)[r].values.data(), *width);
  }
  absl::Span<const Value> Key(absl::Span<const Value> v) const { return v; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return Key(a) == Key(b);
  }
};
using RowKeySet = absl::flat_hash_set<size_t, RowKeyHash, RowKeyEq>;

struct Cont {
  enum class Kind { kSink, kOptional, kExists };
  Kind kind = Kind::kSink;
  const std::vector<PlanOp>* outer_ops = nullptr;
  size_t outer_next = 0;
  const Cont* outer = nullptr;
  bool* flag = nullptr;
};

// The containers an execution fills and empties, kept per thread between
// executions so that their capacity is reused (cleared, not freed): the
// fixed cost of a query that returns one row is then a few allocations,
// not tens. An execution on a thread that is already running one (not done
// today, but cheap to allow) gets fresh containers.
struct ExecScratch {
  std::vector<Value> slots;
  std::vector<absl::Span<const NodeIndex>> names;
  std::vector<ExecRow> rows;
  absl::flat_hash_map<std::vector<Value>, size_t, ValuesHash, ValuesEq> groups;
  absl::flat_hash_map<NodeKey, size_t> node_rows;
  NodeRowArray node_row_array;
  size_t distinct_width = 0;
  RowKeySet distinct_rows{0, RowKeyHash{&rows, &distinct_width},
                          RowKeyEq{&rows, &distinct_width}};
  std::vector<int> node_key_slots;
  std::vector<size_t> key_items;
  bool in_use = false;

  ExecScratch() = default;
  ExecScratch(const ExecScratch&) = delete;
  ExecScratch& operator=(const ExecScratch&) = delete;

  // Drops contents, keeps capacity. Maps that grew far beyond this
  // execution's needs are released, so one huge query does not pin memory.
  void Clear() {
    slots.clear();
    names.clear();
    rows.clear();
    if (groups.capacity() > 4096) {
      groups = {};
    } else {
      groups.clear();
    }
    if (node_rows.capacity() > 4096) {
      node_rows = {};
    } else {
      node_rows.clear();
    }
    distinct_rows.clear();
    node_key_slots.clear();
    key_items.clear();
  }
};

ExecScratch& ThreadExecScratch() {
  thread_local ExecScratch scratch;
  return scratch;
}

class Exec {
 public:
  Exec(const PhysicalPlan& plan, const graph::GraphView& g, const ExecOptions& o,
       ExecScratch* scratch)
      : plan_(plan),
        g_(g),
        o_(o),
        bounds_(o.bounds != nullptr ? o.bounds : &unbounded_),
        slots_(scratch->slots),
        names_(scratch->names),
        rows_(scratch->rows),
        groups_(scratch->groups),
        distinct_width_(scratch->distinct_width),
        distinct_rows_(scratch->distinct_rows),
        node_key_slots_(scratch->node_key_slots),
        node_rows_(scratch->node_rows),
        node_row_array_(scratch->node_row_array),
        key_items_(scratch->key_items) {}

  absl::StatusOr<ExecResult> Run() {
    if (o_.profile) {
      result_.op_rows.assign(plan_.num_ops, 0);
      result_.op_micros.assign(plan_.num_ops, 0);
    }
    MSKG_RETURN_IF_ERROR(ResolveNames());
    std::vector<ExecRow> input(1);
    if (plan_.parts.size() == 1) rows_.reserve(std::min(o_.expected_rows, o_.max_rows));
    for (size_t p = 0; p < plan_.parts.size(); ++p) {
      const PartPlan& part = plan_.parts[p];
      const bool last = p + 1 == plan_.parts.size();
      MSKG_RETURN_IF_ERROR(StartSink(part, last));
      slots_.assign(part.num_slots, Value());
      const Cont sink;
      for (const ExecRow& row : input) {
        for (int i = 0; i < part.num_input_slots; ++i) slots_[i] = row.values[i];
        input_row_ = &row;
        if (!Push(part.ops, 0, sink)) break;
      }
      if (!error_.ok()) return error_;
      MSKG_RETURN_IF_ERROR(FinishSink(last));
      if (last) {
        result_.rows.reserve(rows_.size());
        std::move(rows_.begin(), rows_.end(), std::back_inserter(result_.rows));
        rows_.clear();
      } else {
        input = std::move(rows_);
        rows_.clear();
      }
    }
    return std::move(result_);
  }

 private:
  absl::Status ResolveNames() {
    names_.assign(plan_.names.size(), {});
    for (size_t i = 0; i < plan_.names.size(); ++i) {
      const NameSource& src = plan_.names[i];
      if (src.is_param) {
        MSKG_ASSIGN_OR_RETURN(const Value* v, Param(src.param, src.line, src.column));
        if (v->is_string()) names_[i] = g_.Lookup(v->AsString());
      } else if (src.literal.is_string()) {
        names_[i] = g_.LookupKey(src.key);
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<const Value*> Param(const std::string& name, int line, int col) {
    if (o_.params != nullptr) {
      auto it = o_.params->find(name);
      if (it != o_.params->end()) return &it->second;
    }
    return absl::InvalidArgumentError(
        absl::StrFormat("%d:%d: missing parameter $%s", line, col, name));
  }

  // ---- Bounds ----

  // Counts `n` intermediate rows. Returns false, with error_ set, once a
  // bound is exceeded: the caller stops, as for any error.
  bool Tick(uint64_t n = 1) { return bounds_->Tick(n) || BoundExceeded(); }
  // Counts `bytes` more memory held; false as Tick.
  bool Charge(uint64_t bytes) { return bounds_->Charge(bytes) || BoundExceeded(); }
  bool BoundExceeded() {
    if (error_.ok()) error_ = bounds_->status();
    return false;
  }

  // ---- Pipeline ----

  bool Emit(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    if (!Tick()) return false;
    if (o_.profile) ++result_.op_rows[ops[i].id];
    return Push(ops, i + 1, k);
  }

  bool Push(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    if (i == ops.size()) {
      switch (k.kind) {
        case Cont::Kind::kSink: return Sink();
        case Cont::Kind::kOptional:
          *k.flag = true;
          return Push(*k.outer_ops, k.outer_next, *k.outer);
        case Cont::Kind::kExists:
          *k.flag = true;
          return false;
      }
    }
    if (!o_.profile) return Dispatch(ops, i, k);
    const int64_t t0 = absl::GetCurrentTimeNanos();
    const bool r = Dispatch(ops, i, k);
    result_.op_micros[ops[i].id] += (absl::GetCurrentTimeNanos() - t0) / 1e3;
    return r;
  }

  bool Dispatch(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    switch (op.kind) {
      case PlanOp::Kind::kScan: return Scan(ops, i, k);
      case PlanOp::Kind::kExpand:
        return op.variable_length ? VarExpand(ops, i, k) : Expand(ops, i, k);
      case PlanOp::Kind::kFilter: {
        const Value v = Eval(*op.predicate, slots_.data());
        if (!error_.ok()) return false;
        if (Truth(v) != 1) return true;
        return Emit(ops, i, k);
      }
      case PlanOp::Kind::kShortestPath: return ShortestPath(ops, i, k);
      case PlanOp::Kind::kBuildPath: return BuildPath(ops, i, k);
      case PlanOp::Kind::kOptional: {
        bool matched = false;
        Cont inner;
        inner.kind = Cont::Kind::kOptional;
        inner.outer_ops = &ops;
        inner.outer_next = i + 1;
        inner.outer = &k;
        inner.flag = &matched;
        if (!Push(op.inner, 0, inner)) return false;
        if (matched) return true;
        for (int s : op.null_slots) slots_[s] = Value();
        return Emit(ops, i, k);
      }
    }
    return true;
  }

  bool Scan(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    if (op.anchor >= 0) {
      for (NodeIndex v : names_[op.anchor]) {
        if (op.label != schema::NODE_TYPE_UNSPECIFIED && g_.node(v).type != op.label) continue;
        slots_[op.slot] = Value::Node(v);
        if (!Emit(ops, i, k)) return false;
      }
      return true;
    }
    if (op.label != schema::NODE_TYPE_UNSPECIFIED) {
      for (NodeIndex v : g_.NodesOfType(op.label)) {
        slots_[op.slot] = Value::Node(v);
        if (!Emit(ops, i, k)) return false;
      }
      return true;
    }
    for (NodeIndex v = 0; v < g_.num_nodes(); ++v) {
      slots_[op.slot] = Value::Node(v);
      if (!Emit(ops, i, k)) return false;
    }
    return true;
  }

  bool EdgeUsed(const PlanOp& op, EdgeIndex e) const {
    for (int s : op.unique_slots) {
      const Value& v = slots_[s];
      if (v.is_edge()) {
        if (v.AsEdge() == e) return true;
      } else if (v.is_list()) {
        for (const Value& x : v.AsList()) {
          if (x.is_edge() && x.AsEdge() == e) return true;
        }
      }
    }
    return false;
  }

  bool TargetOk(const PlanOp& op, NodeIndex w) const {
    if (op.into) {
      const Value& t = slots_[op.to_slot];
      return t.is_node() && t.AsNode() == w;
    }
    if (op.to_label != schema::NODE_TYPE_UNSPECIFIED && g_.node(w).type != op.to_label) {
      return false;
    }
    if (op.to_anchor >= 0) {
      const auto& span = names_[op.to_anchor];
      return std::binary_search(span.begin(), span.end(), w);
    }
    return true;
  }

  // Calls f(adjacent) for each edge of `v` the op follows; stops when f
  // returns false. Skips negated edges unless asked, and visits a self-loop
  // once when following both directions.
  template <typename F>
  bool ForEachEdge(const PlanOp& op, NodeIndex v, F&& f) {
    auto visit = [&](absl::Span<const Adjacent> span, bool is_in) {
      for (const Adjacent& a : span) {
        // Searches may follow many relationships for each row they emit.
        if (!Tick()) return false;
        if (is_in && op.out && a.node == v) continue;
        if (!o_.include_negated && a.negated) continue;
        if (!o_.include_inferred && a.inferred) continue;
        if (!f(a)) return false;
      }
      return true;
    };
    for (int dir = 0; dir < 2; ++dir) {
      const bool is_in = dir == 1;
      if (is_in ? !op.in : !op.out) continue;
      if (op.types.empty()) {
        if (!visit(is_in ? g_.In(v) : g_.Out(v), is_in)) return false;
      } else {
        for (schema::Relation r : op.types) {
          if (!visit(is_in ? g_.In(v, r) : g_.Out(v, r), is_in)) return false;
        }
      }
    }
    return true;
  }

  bool Expand(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    const Value& from = slots_[op.from_slot];
    if (!from.is_node()) return true;
    const NodeIndex v = from.AsNode();
    return ForEachEdge(op, v, [&](const Adjacent& a) {
      if (!TargetOk(op, a.node)) return true;
      if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
      if (!op.into) slots_[op.to_slot] = Value::Node(a.node);
      slots_[op.edge_slot] = Value::Edge(a.edge);
      return Emit(ops, i, k);
    });
  }

  bool VarExpand(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    const Value& from = slots_[op.from_slot];
    if (!from.is_node()) return true;
    int max = op.max_hops < 0 ? o_.max_hops : std::min(op.max_hops, o_.max_hops);
    if (op.max_hops < 0 || op.max_hops > o_.max_hops) {
      Notice(absl::StrCat("variable-length relationship bounded to ", o_.max_hops,
                          " hops (QueryOptions::max_hops)"));
    }
    if (op.endpoints_only) return VarBfs(ops, i, k, from.AsNode(), max);
    std::vector<EdgeIndex> path;
    return VarDfs(ops, i, k, from.AsNode(), max, &path);
  }

  // The endpoints_only form of VarExpand (see PlanOp::endpoints_only):
  // binds each node within [min_hops, max] hops of `s` once, in
  // breadth-first order, and the edge slot to one shortest path to it when
  // collecting evidence (else null).
  bool VarBfs(const std::vector<PlanOp>& ops, size_t i, const Cont& k, NodeIndex s,
              int max) {
    const PlanOp& op = ops[i];
    BfsScratch& scratch = ThreadBfsScratch();
    scratch.Start(g_.num_nodes());
    constexpr EdgeIndex kNoEdge = std::numeric_limits<EdgeIndex>::max();
    std::vector<NodeIndex> hits;
    scratch.Set(s, kNoEdge);
    // A start node is an end node at 0 hops, or at the length of a shortest
    // cycle through it. Directed: the first edge back into s closes one.
    // Undirected: walking a tree edge back is no cycle; a shortest cycle
    // through s closes on a non-tree edge between two different subtrees of
    // s (or s itself), its length their depths + 1 (the classic BFS
    // argument), so each node reached records its subtree and depth.
    bool start_done = op.min_hops == 0;
    EdgeIndex start_cycle = kNoEdge;  // Directed: the cycle's last edge.
    const bool undirected = op.out && op.in;
    const bool track = undirected && !start_done;
    BranchScratch& branch = ThreadBranchScratch();
    if (track) {
      branch.Start(g_.num_nodes());
      branch.Set(s, {kNullNode, 0});
    }
    int cycle_length = max + 1;  // Undirected: the shortest cycle so far,
    NodeIndex cycle_u = 0, cycle_w = 0;  // the ends of its closing edge,
    EdgeIndex cycle_edge = kNoEdge;      // and that edge.
    if (start_done && TargetOk(op, s)) hits.push_back(s);
    std::vector<NodeIndex> frontier = {s}, next;
    for (int depth = 1; depth <= max && !frontier.empty(); ++depth) {
      next.clear();
      for (NodeIndex u : frontier) {
        const bool within_bounds = ForEachEdge(op, u, [&](const Adjacent& a) {
          if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
          if (scratch.Has(a.node)) {
            if (start_done) return true;
            if (!undirected) {
              if (a.node == s) {
                start_done = true;
                start_cycle = a.edge;
                if (TargetOk(op, s)) hits.push_back(s);
              }
              return true;
            }
            const NodeIndex w = a.node;
            if (a.edge == scratch.value[u]) return true;  // The tree edge back.
            const auto [bu, du] = branch.value[u];
            const auto [bw, dw] = branch.value[w];
            if (u != s && w != s && bu == bw) return true;  // One subtree.
            if (du + dw + 1 < cycle_length) {
              cycle_length = du + dw + 1;
              cycle_u = u;
              cycle_w = w;
              cycle_edge = a.edge;
            }
            return true;
          }
          scratch.Set(a.node, a.edge);
          if (track) {
            branch.Set(a.node, {u == s ? a.node : branch.value[u].first, depth});
          }
          if (TargetOk(op, a.node)) hits.push_back(a.node);
          if (depth < max) next.push_back(a.node);
          return true;
        });
        if (!within_bounds) return false;
      }
      frontier.swap(next);
    }
    if (track && cycle_edge != kNoEdge) {
      start_done = true;
      if (TargetOk(op, s)) hits.push_back(s);
    }
    // With evidence, the paths are built before any row goes on (a nested
    // search reuses the scratch).
    std::vector<Value> paths;
    if (o_.collect_evidence) {
      paths.reserve(hits.size());
      for (NodeIndex x : hits) {
        std::vector<Value> edges;
        NodeIndex at = x;
        // Backwards, the undirected cycle is s..w, the closing edge, u..s.
        if (x == s && cycle_edge != kNoEdge && op.min_hops > 0) {
          for (NodeIndex y = cycle_w; scratch.value[y] != kNoEdge;) {
            const graph::EdgeInfo& info = g_.edge(scratch.value[y]);
            edges.push_back(Value::Edge(scratch.value[y]));
            y = info.source == y ? info.target : info.source;
          }
          std::reverse(edges.begin(), edges.end());
          edges.push_back(Value::Edge(cycle_edge));
          at = cycle_u;
        } else if (x == s && start_cycle != kNoEdge) {
          edges.push_back(Value::Edge(start_cycle));
          const graph::EdgeInfo& info = g_.edge(start_cycle);
          at = info.source == s ? info.target : info.source;
        }
        while (scratch.value[at] != kNoEdge) {
          const EdgeIndex e = scratch.value[at];
          edges.push_back(Value::Edge(e));
          const graph::EdgeInfo& info = g_.edge(e);
          at = info.source == at ? info.target : info.source;
        }
        // Collected backwards; the list is in the pattern's order.
        if (!op.reverse_list) std::reverse(edges.begin(), edges.end());
        paths.push_back(Value(std::move(edges)));
      }
    }
    for (size_t h = 0; h < hits.size(); ++h) {
      // The rows that follow read each hit's NodeInfo (its name, for
      // instance); hits are scattered over the view, so fetch ahead.
      if (h + kPrefetchAhead < hits.size()) {
        __builtin_prefetch(&g_.node(hits[h + kPrefetchAhead]));
      }
      if (!op.into) slots_[op.to_slot] = Value::Node(hits[h]);
      slots_[op.edge_slot] = o_.collect_evidence ? std::move(paths[h]) : Value();
      if (!Emit(ops, i, k)) return false;
    }
    return true;
  }

  bool VarDfs(const std::vector<PlanOp>& ops, size_t i, const Cont& k, NodeIndex v,
              int max, std::vector<EdgeIndex>* path) {
    const PlanOp& op = ops[i];
    if (static_cast<int>(path->size()) >= op.min_hops && TargetOk(op, v)) {
      if (!op.into) slots_[op.to_slot] = Value::Node(v);
      std::vector<Value> edges;
      edges.reserve(path->size());
      for (EdgeIndex e : *path) edges.push_back(Value::Edge(e));
      if (op.reverse_list) std::reverse(edges.begin(), edges.end());
      slots_[op.edge_slot] = Value(std::move(edges));
      if (!Emit(ops, i, k)) return false;
    }
    if (static_cast<int>(path->size()) >= max) return true;
    return ForEachEdge(op, v, [&](const Adjacent& a) {
      if (std::find(path->begin(), path->end(), a.edge) != path->end()) return true;
      if (!op.unique_slots.empty() && EdgeUsed(op, a.edge)) return true;
      path->push_back(a.edge);
      const bool r = VarDfs(ops, i, k, a.node, max, path);
      path->pop_back();
      return r;
    });
  }

  // Returns the shortest paths the op asks for between `a` and `b`, in the
  // op's left-to-right order, computed once per execution and pair; null
  // (with error_ set) if the search failed.
  const std::vector<graph::GraphPath>* FindShortestPaths(const PlanOp& op, NodeIndex a,
                                                         NodeIndex b) {
    auto key = std::make_tuple(op.id, a, b);
    auto it = shortest_memo_.find(key);
    if (it != shortest_memo_.end()) return &it->second;
    std::vector<graph::GraphPath> paths;
    if (op.max_hops == 0) {
      if (a == b) paths.push_back(graph::GraphPath{{a}, {}});
    } else {
      const bool undirected = op.out && op.in;
      const bool backward = op.in && !op.out;
      // A breadth-first search may visit the whole graph.
      if (!Tick(g_.num_nodes() + g_.num_edges())) return nullptr;
      // Search from the end the edges leave, then turn the paths around.
      const size_t max_paths = std::max<size_t>(o_.max_rows, 1);
      absl::StatusOr<std::vector<graph::GraphPath>> found = graph::ShortestPaths(
          g_, backward ? b : a, backward ? a : b, op.types, std::max(op.max_hops, 0),
          op.all_shortest, undirected, max_paths);
      if (!found.ok()) {
        if (error_.ok()) error_ = found.status();
        return nullptr;
      }
      paths = std::move(found).value();
      uint64_t bytes = 0;
      for (const graph::GraphPath& p : paths) {
        bytes += sizeof(p) + (p.nodes.size() + p.edges.size()) * sizeof(uint32_t);
      }
      if (!Charge(bytes)) return nullptr;
      if (backward) {
        for (graph::GraphPath& p : paths) {
          std::reverse(p.nodes.begin(), p.nodes.end());
          std::reverse(p.edges.begin(), p.edges.end());
        }
      }
      if (op.all_shortest && paths.size() >= max_paths) {
        Notice(absl::StrCat("allShortestPaths() stopped after ", max_paths,
                            " paths between one pair of nodes"));
      }
    }
    if (o_.include_negated) {
      Notice("shortest paths never follow negated edges");
    }
    if (!o_.include_inferred) {
      Notice("shortest paths follow inferred edges (include_inferred is ignored)");
    }
    return &shortest_memo_.emplace(key, std::move(paths)).first->second;
  }

  bool ShortestPath(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    const Value& from = slots_[op.from_slot];
    const Value& to = slots_[op.to_slot];
    if (!from.is_node() || !to.is_node()) return true;
    const std::vector<graph::GraphPath>* paths =
        FindShortestPaths(op, from.AsNode(), to.AsNode());
    if (paths == nullptr) return false;
    for (const graph::GraphPath& p : *paths) {
      if (static_cast<int>(p.edges.size()) < op.min_hops) continue;
      bool used = false;
      for (EdgeIndex e : p.edges) used = used || EdgeUsed(op, e);
      if (used) continue;
      std::vector<Value> edges;
      edges.reserve(p.edges.size());
      for (EdgeIndex e : p.edges) edges.push_back(Value::Edge(e));
      slots_[op.edge_slot] = Value(std::move(edges));
      if (!Emit(ops, i, k)) return false;
    }
    return true;
  }

  bool BuildPath(const std::vector<PlanOp>& ops, size_t i, const Cont& k) {
    const PlanOp& op = ops[i];
    const Value& start = slots_[op.from_slot];
    if (!start.is_node()) {  // An OPTIONAL MATCH that did not match.
      slots_[op.slot] = Value();
      return Emit(ops, i, k);
    }
    std::vector<Value> items = {start};
    NodeIndex at = start.AsNode();
    auto step = [&](const Value& e) {
      if (!e.is_edge()) return;
      const graph::EdgeInfo& info = g_.edge(e.AsEdge());
      at = info.source == at ? info.target : info.source;
      items.push_back(e);
      items.push_back(Value::Node(at));
    };
    for (int s : op.path_slots) {
      const Value& v = slots_[s];
      if (v.is_list()) {
        for (const Value& e : v.AsList()) step(e);
      } else {
        step(v);
      }
    }
    slots_[op.slot] = Value(std::move(items));
    return Emit(ops, i, k);
  }

  void Notice(std::string text) {
    if (std::find(result_.notices.begin(), result_.notices.end(), text) ==
        result_.notices.end()) {
      result_.notices.push_back(std::move(text));
    }
  }

  bool RunPattern(int index) {
    bool found = false;
    Cont k;
    k.kind = Cont::Kind::kExists;
    k.flag = &found;
    Push(plan_.patterns[index], 0, k);
    return found;
  }

  // ---- Projection sink ----

  absl::StatusOr<int64_t> CountArg(const BExpr* e, const char* what) {
    if (e == nullptr) return -1;
    Value v = Eval(*e, nullptr);
    MSKG_RETURN_IF_ERROR(error_);
    if (!v.is_int() || v.AsInt() < 0) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%d:%d: %s must be a non-negative integer, got %s", e->line, e->column,
          what, v.ToLiteral()));
    }
    return v.AsInt();
  }

  absl::Status StartSink(const PartPlan& part, bool last) {
    proj_ = &part.projection;
    part_ = &part;
    groups_.clear();
    distinct_rows_.clear();
    distinct_width_ = part.projection.num_visible;
    agg_states_.clear();
    rows_.clear();
    MSKG_ASSIGN_OR_RETURN(skip_, CountArg(proj_->skip.get(), "SKIP"));
    MSKG_ASSIGN_OR_RETURN(limit_, CountArg(proj_->limit.get(), "LIMIT"));
    if (skip_ < 0) skip_ = 0;
    aggregate_ = !proj_->aggs.empty();
    // Rows beyond this many cannot reach the output (streaming only).
    stop_after_ = std::numeric_limits<size_t>::max();
    if (!aggregate_ && proj_->order_by.empty()) {
      size_t cap = std::numeric_limits<size_t>::max();
      if (limit_ >= 0) cap = SaturatingAdd(skip_, limit_);
      if (last) cap = std::min(cap, SaturatingAdd(SaturatingAdd(skip_, o_.max_rows), 1));
      stop_after_ = cap;
    }
    if (aggregate_) {
      for (size_t i = 0; i < proj_->items.size(); ++i) {
        if (!ContainsAgg(*proj_->items[i])) key_items_.push_back(i);
      }
    }
    // DISTINCT over nodes and their properties: rows are first deduplicated
    // on their nodes, before any item is evaluated.
    node_key_slots_.clear();
    node_rows_.clear();
    // Sized from the previous execution's answer, so that the maps do not
    // rehash as they grow (ExecOptions::expected_rows).
    if (last && proj_->distinct) {
      const size_t expect = std::min(o_.expected_rows, o_.max_rows);
      if (aggregate_) {
        groups_.reserve(expect);
      } else {
        distinct_rows_.reserve(expect);
        node_rows_.reserve(expect);
      }
    }
    node_key_names_only_ = true;
    if (!aggregate_ && proj_->distinct && proj_->items.size() <= kMaxNodeKeyItems &&
        static_cast<int>(proj_->items.size()) == proj_->num_visible) {
      for (const auto& item : proj_->items) {
        const BExpr* e = item.get();
        if (e->kind == BExpr::Kind::kProperty) {
          if (e->prop != Prop::kName) node_key_names_only_ = false;
          e = e->args[0].get();
        }
        if (e->kind != BExpr::Kind::kSlot) {
          node_key_slots_.clear();
          break;
        }
        node_key_slots_.push_back(e->slot);
      }
    }
    if (node_key_slots_.size() == 1) node_row_array_.Start(g_.num_nodes());
    return absl::OkStatus();
  }

  static bool ContainsAgg(const BExpr& e) {
    if (e.kind == BExpr::Kind::kAgg) return true;
    for (const auto& a : e.args) {
      if (ContainsAgg(*a)) return true;
    }
    return false;
  }

  void CurrentPaths(std::vector<std::vector<EdgeIndex>>* paths) const {
    if (!o_.collect_evidence) return;
    std::vector<EdgeIndex> here;
    for (int s : part_->evidence_slots) {
      const Value& v = slots_[s];
      if (v.is_edge()) {
        here.push_back(v.AsEdge());
      } else if (v.is_list()) {
        for (const Value& x : v.AsList()) {
          if (x.is_edge()) here.push_back(x.AsEdge());
        }
      }
    }
    if (input_row_ != nullptr && !input_row_->paths.empty()) {
      for (const auto& p : input_row_->paths) {
        std::vector<EdgeIndex> merged = p;
        merged.insert(merged.end(), here.begin(), here.end());
        paths->push_back(std::move(merged));
      }
    } else if (!here.empty()) {
      paths->push_back(std::move(here));
    }
  }

  static void MergePaths(std::vector<std::vector<EdgeIndex>>* into,
                         std::vector<std::vector<EdgeIndex>>&& from) {
    for (auto& p : from) {
      if (into->size() >= kMaxEvidencePaths) return;
      if (std::find(into->begin(), into->end(), p) == into->end()) {
        into->push_back(std::move(p));
      }
    }
  }

  // Adds the current paths to those of row `r` while it has fewer than
  // kMaxEvidencePaths (so that rows DISTINCT or grouping drops build none).
  void AddPathsTo(size_t r) {
    if (!o_.collect_evidence || rows_[r].paths.size() >= kMaxEvidencePaths) return;
    std::vector<std::vector<EdgeIndex>> paths;
    CurrentPaths(&paths);
    MergePaths(&rows_[r].paths, std::move(paths));
  }

  size_t FindNodeRow(const NodeKey& key) const {
    if (node_key_slots_.size() == 1) return node_row_array_.Find(key[0]);
    auto it = node_rows_.find(key);
    return it == node_rows_.end() ? NodeRowArray::kNone : it->second;
  }
  void InsertNodeRow(const NodeKey& key, size_t r) {
    if (node_key_slots_.size() == 1) {
      node_row_array_.Insert(key[0], r);
    } else {
      node_rows_.emplace(key, r);
    }
  }
  // Whether every node of `key` (nulls aside) has a name no other node has.
  bool NamesUnique(const NodeKey& key) const {
    for (size_t j = 0; j < node_key_slots_.size(); ++j) {
      if (key[j] != kNullNode && !g_.node(key[j]).name_unique) return false;
    }
    return true;
  }

  // Returns the node key of the current row in `key`, false if an item's
  // slot holds something other than a node or null.
  bool CurrentNodeKey(NodeKey* key) const {
    *key = NodeKey{};
    for (size_t j = 0; j < node_key_slots_.size(); ++j) {
      const Value& v = slots_[node_key_slots_[j]];
      if (v.is_node()) {
        (*key)[j] = v.AsNode();
      } else if (v.is_null()) {
        (*key)[j] = kNullNode;
      } else {
        return false;
      }
    }
    return true;
  }

  bool Sink() {
    if (!aggregate_) {
      NodeKey node_key;
      const bool by_node = !node_key_slots_.empty() && CurrentNodeKey(&node_key);
      if (by_node) {
        const size_t r = FindNodeRow(node_key);
        if (r != NodeRowArray::kNone) {
          AddPathsTo(r);
          return true;
        }
      }
      ExecRow row;
      row.values.reserve(proj_->items.size());
      for (const auto& item : proj_->items) row.values.push_back(Eval(*item, slots_.data()));
      if (!error_.ok()) return false;
      const size_t next = rows_.size();
      if (by_node && node_key_names_only_ && NamesUnique(node_key)) {
        InsertNodeRow(node_key, next);
      } else if (proj_->distinct) {
        // One probe: the set holds the index the row will have if new.
        const absl::Span<const Value> key(row.values.data(), proj_->num_visible);
        const size_t r = *distinct_rows_.lazy_emplace(
            key, [next](const RowKeySet::constructor& ctor) { ctor(next); });
        if (by_node) InsertNodeRow(node_key, r);
        if (r != next) {
          AddPathsTo(r);
          return true;
        }
      }
      CurrentPaths(&row.paths);
      if (!Charge(RowBytes(row))) return false;
      rows_.push_back(std::move(row));
      return rows_.size() < stop_after_;
    }
    std::vector<Value> key;
    key.reserve(key_items_.size());
    for (size_t i : key_items_) key.push_back(Eval(*proj_->items[i], slots_.data()));
    auto [it, inserted] = groups_.try_emplace(key, rows_.size());
    if (inserted) {
      ExecRow row;
      row.values.resize(proj_->items.size());
      for (size_t j = 0; j < key_items_.size(); ++j) row.values[key_items_[j]] = key[j];
      // The row, the group's key, its aggregate states.
      if (!Charge(2 * RowBytes(row) + proj_->aggs.size() * sizeof(AggState))) {
        return false;
      }
      rows_.push_back(std::move(row));
      agg_states_.emplace_back(proj_->aggs.size());
    }
    AddPathsTo(it->second);
    std::vector<AggState>& states = agg_states_[it->second];
    for (size_t a = 0; a < proj_->aggs.size(); ++a) {
      const AggSpec& spec = proj_->aggs[a];
      AggState& st = states[a];
      if (spec.fn == AggFn::kCountStar) {
        ++st.count;
        continue;
      }
      Value v = Eval(*spec.arg, slots_.data());
      if (v.is_null()) continue;
      if (spec.distinct) {
        if (!st.seen.insert(v).second) continue;
        if (!Charge(ValueBytes(v))) return false;
      }
      switch (spec.fn) {
        case AggFn::kCountStar:
        case AggFn::kCount: ++st.count; break;
        case AggFn::kCollect:
          if (!CheckListDepth(*spec.arg, v) || !Charge(ValueBytes(v))) return false;
          st.list.push_back(std::move(v));
          break;
        case AggFn::kSum:
        case AggFn::kAvg:
          if (v.is_int()) {
            if (__builtin_add_overflow(st.isum, v.AsInt(), &st.isum)) {
              Fail(*spec.arg, "integer overflow: the sum is outside the 64-bit "
                              "integer range; sum floats instead (e.g. sum(1.0 * x))");
              return false;
            }
            st.dsum += v.AsInt();
            ++st.count;
          } else if (v.is_double()) {
            st.any_double = true;
            st.dsum += v.AsDouble();
            ++st.count;
          }
          break;
        case AggFn::kMin:
        case AggFn::kMax: {
          if (st.best.is_null()) {
            st.best = std::move(v);
          } else {
            const int c = CompareForOrder(v, st.best);
            if ((spec.fn == AggFn::kMin && c < 0) || (spec.fn == AggFn::kMax && c > 0)) {
              st.best = std::move(v);
            }
          }
          break;
        }
      }
    }
    return error_.ok();
  }

  absl::Status FinishSink(bool last) {
    if (aggregate_) {
      if (rows_.empty() && key_items_.empty()) {
        rows_.emplace_back();
        rows_.back().values.resize(proj_->items.size());
        agg_states_.emplace_back(proj_->aggs.size());
      }
      for (size_t r = 0; r < rows_.size(); ++r) {
        if (!Tick()) return error_;
        std::vector<Value> agg_values;
        for (size_t a = 0; a < proj_->aggs.size(); ++a) {
          const AggState& st = agg_states_[r][a];
          switch (proj_->aggs[a].fn) {
            case AggFn::kCountStar:
            case AggFn::kCount: agg_values.push_back(Value(st.count)); break;
            case AggFn::kCollect: agg_values.push_back(Value(st.list)); break;
            case AggFn::kSum:
              agg_values.push_back(st.any_double ? Value(st.dsum) : Value(st.isum));
              break;
            case AggFn::kAvg:
              agg_values.push_back(st.count == 0 ? Value() : Value(st.dsum / st.count));
              break;
            case AggFn::kMin:
            case AggFn::kMax: agg_values.push_back(st.best); break;
          }
        }
        agg_values_ = &agg_values;
        for (size_t i = 0; i < proj_->items.size(); ++i) {
          if (ContainsAgg(*proj_->items[i])) {
            rows_[r].values[i] = Eval(*proj_->items[i], slots_.data());
          }
        }
        agg_values_ = nullptr;
      }
      if (proj_->distinct) {
        absl::flat_hash_set<std::vector<Value>> seen;
        std::vector<ExecRow> kept;
        for (ExecRow& row : rows_) {
          if (seen.insert(row.values).second) kept.push_back(std::move(row));
        }
        rows_ = std::move(kept);
      }
    }
    MSKG_RETURN_IF_ERROR(error_);
    if (!proj_->order_by.empty()) {
      // Sorting is not interrupted: charged up front, by its size.
      if (!Tick(rows_.size()) || !Charge(rows_.size() * proj_->order_by.size() * sizeof(Value))) {
        return error_;
      }
      std::vector<std::pair<std::vector<Value>, size_t>> keys(rows_.size());
      for (size_t r = 0; r < rows_.size(); ++r) {
        keys[r].second = r;
        for (const SortKey& s : proj_->order_by) {
          keys[r].first.push_back(Eval(*s.expr, rows_[r].values.data()));
        }
      }
      std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        for (size_t j = 0; j < proj_->order_by.size(); ++j) {
          int c = CompareForOrder(a.first[j], b.first[j]);
          if (proj_->order_by[j].descending) c = -c;
          if (c != 0) return c < 0;
        }
        return false;
      });
      std::vector<ExecRow> sorted;
      sorted.reserve(rows_.size());
      for (auto& [key, r] : keys) sorted.push_back(std::move(rows_[r]));
      rows_ = std::move(sorted);
    }
    size_t begin = std::min<size_t>(skip_, rows_.size());
    size_t end = rows_.size();
    if (limit_ >= 0) end = std::min<size_t>(end, begin + limit_);
    if (last && end - begin > o_.max_rows) {
      end = begin + o_.max_rows;
      result_.truncated = true;
    }
    if (begin > 0 || end < rows_.size()) {
      std::vector<ExecRow> kept(std::make_move_iterator(rows_.begin() + begin),
                                std::make_move_iterator(rows_.begin() + end));
      rows_ = std::move(kept);
    }
    for (ExecRow& row : rows_) row.values.resize(proj_->num_visible);
    key_items_.clear();
    return absl::OkStatus();
  }

  // ---- Expressions ----

  void Fail(const BExpr& e, absl::string_view what) {
    if (error_.ok()) {
      error_ = absl::InvalidArgumentError(
          absl::StrFormat("%d:%d: %s", e.line, e.column, what));
    }
  }

  Value NodeProp(NodeIndex v, Prop p) const {
    const graph::NodeInfo& n = g_.node(v);
    switch (p) {
      // Names by reference: the view outlives the execution, and the
      // engine copies only the names of the rows it returns (ToPublic).
      case Prop::kName: return Value::Ref(&n.name, n.name_hash);
      case Prop::kAliases: {
        std::vector<Value> out;
        out.reserve(n.aliases.size());
        for (const std::string& a : n.aliases) out.push_back(Value::Ref(&a));
        return Value(std::move(out));
      }
      case Prop::kId: return Value(static_cast<int64_t>(n.id));
      case Prop::kType:
      case Prop::kLabel: return Value(LabelName(n.type));
      default: return Value();
    }
  }

  Value EdgeProp(EdgeIndex e, Prop p) const {
    const graph::EdgeInfo& info = g_.edge(e);
    switch (p) {
      case Prop::kType: return Value(RelationName(info.relation));
      case Prop::kPolarity: return Value(info.negated ? "NEGATED" : "AFFIRMED");
      case Prop::kSupport: return Value(static_cast<int64_t>(info.support.size()));
      case Prop::kInferred: return Value(info.inferred);
      case Prop::kRule: return info.rule.empty() ? Value() : Value(info.rule);
      case Prop::kHedged: {
        bool all = !info.support.empty();
        for (const auto& s : info.support) all = all && s.hedged();
        return Value(all);
      }
      case Prop::kNegated: return Value(info.negated);
      default: return Value();
    }
  }

  bool NameMatches(const BExpr& e, NodeIndex v) {
    if (e.index >= 0) {
      const auto& span = names_[e.index];
      return std::binary_search(span.begin(), span.end(), v);
    }
    return false;
  }

  // Returns the value of `e` over `row`; null with error_ set on an error.
  // The depth is counted (pattern predicates evaluate expressions within
  // expressions): the binder bounds it, and this check keeps a plan built
  // any other way from overflowing the stack.
  Value Eval(const BExpr& e, const Value* row) {
    if (eval_depth_ >= kMaxExprDepth) {
      Fail(e, absl::StrCat("expression more than ", kMaxExprDepth,
                           " levels deep; write it with fewer levels"));
      return Value();
    }
    ++eval_depth_;
    Value v = EvalNode(e, row);
    --eval_depth_;
    return v;
  }

  Value EvalNode(const BExpr& e, const Value* row) {
    switch (e.kind) {
      case BExpr::Kind::kConst: return e.value;
      case BExpr::Kind::kParam: {
        auto v = Param(e.name, e.line, e.column);
        if (!v.ok()) {
          if (error_.ok()) error_ = v.status();
          return Value();
        }
        return **v;
      }
      case BExpr::Kind::kSlot: return row[e.slot];
      case BExpr::Kind::kProperty: {
        const Value obj = Eval(*e.args[0], row);
        if (obj.is_node()) return NodeProp(obj.AsNode(), e.prop);
        if (obj.is_edge()) return EdgeProp(obj.AsEdge(), e.prop);
        return Value();
      }
      case BExpr::Kind::kNameMatch: {
        const Value& n = row[e.slot];
        if (!n.is_node()) return Value();
        if (e.index >= 0) return Value(NameMatches(e, n.AsNode()));
        const Value name = Eval(*e.args[0], row);
        if (name.is_null()) return Value();
        if (!name.is_string()) return Value(false);
        const auto span = g_.Lookup(name.AsString());
        return Value(std::binary_search(span.begin(), span.end(), n.AsNode()));
      }
      case BExpr::Kind::kHasLabel: {
        const Value& n = row[e.slot];
        if (!n.is_node()) return Value();
        return Value(g_.node(n.AsNode()).type == e.label);
      }
      case BExpr::Kind::kNot: {
        const int t = Truth(Eval(*e.args[0], row));
        return t < 0 ? Value() : Value(t == 0);
      }
      case BExpr::Kind::kNeg: {
        const Value v = Eval(*e.args[0], row);
        if (v.is_int()) {
          int64_t negated;
          if (__builtin_sub_overflow(int64_t{0}, v.AsInt(), &negated)) {
            Fail(e, absl::StrFormat("integer overflow: -(%d) is outside the 64-bit "
                                    "integer range",
                                    v.AsInt()));
            return Value();
          }
          return Value(negated);
        }
        if (v.is_double()) return Value(-v.AsDouble());
        return Value();
      }
      case BExpr::Kind::kBinary: return EvalBinary(e, row);
      case BExpr::Kind::kList: {
        std::vector<Value> out;
        out.reserve(e.args.size());
        for (const auto& a : e.args) {
          out.push_back(Eval(*a, row));
          if (!CheckListDepth(e, out.back())) return Value();
        }
        return Value(std::move(out));
      }
      case BExpr::Kind::kIsNull: {
        const bool null = Eval(*e.args[0], row).is_null();
        return Value(e.negated ? !null : null);
      }
      case BExpr::Kind::kFunction: return EvalFunction(e, row);
      case BExpr::Kind::kAgg:
        if (agg_values_ == nullptr) return Value();
        return (*agg_values_)[e.index];
      case BExpr::Kind::kExists: return Value(RunPattern(e.index));
    }
    return Value();
  }

  Value EvalBinary(const BExpr& e, const Value* row) {
    if (e.op == BinOp::kAnd || e.op == BinOp::kOr || e.op == BinOp::kXor) {
      const int a = Truth(Eval(*e.args[0], row));
      if (e.op == BinOp::kAnd && a == 0) return Value(false);
      if (e.op == BinOp::kOr && a == 1) return Value(true);
      const int b = Truth(Eval(*e.args[1], row));
      switch (e.op) {
        case BinOp::kAnd: return FromTruth(b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1));
        case BinOp::kOr: return FromTruth(b == 1 ? 1 : (a < 0 || b < 0 ? -1 : 0));
        default: return FromTruth(a < 0 || b < 0 ? -1 : (a != b));
      }
    }
    const Value a = Eval(*e.args[0], row);
    const Value b = Eval(*e.args[1], row);
    switch (e.op) {
      case BinOp::kEq: return FromTruth(Equals(a, b));
      case BinOp::kNe: {
        const int t = Equals(a, b);
        return t < 0 ? Value() : Value(t == 0);
      }
      case BinOp::kLt:
      case BinOp::kLe:
      case BinOp::kGt:
      case BinOp::kGe: {
        if (a.is_null() || b.is_null()) return Value();
        const int c = Compare(a, b);
        if (c == kIncomparable) return Value();
        switch (e.op) {
          case BinOp::kLt: return Value(c < 0);
          case BinOp::kLe: return Value(c <= 0);
          case BinOp::kGt: return Value(c > 0);
          default: return Value(c >= 0);
        }
      }
      case BinOp::kIn: {
        if (b.is_null()) return Value();
        if (!b.is_list()) {
          Fail(e, "IN needs a list on its right");
          return Value();
        }
        int result = 0;
        for (const Value& x : b.AsList()) {
          const int t = Equals(a, x);
          if (t == 1) return Value(true);
          if (t < 0) result = -1;
        }
        return FromTruth(result);
      }
      case BinOp::kStartsWith:
      case BinOp::kEndsWith:
      case BinOp::kContains: {
        if (!a.is_string() || !b.is_string()) return Value();
        if (e.op == BinOp::kStartsWith) return Value(absl::StartsWith(a.AsString(), b.AsString()));
        if (e.op == BinOp::kEndsWith) return Value(absl::EndsWith(a.AsString(), b.AsString()));
        return Value(absl::StrContains(a.AsString(), b.AsString()));
      }
      case BinOp::kAdd:
        if (a.is_string() && b.is_string()) return Value(a.AsString() + b.AsString());
        if (a.is_list() && b.is_list()) {
          std::vector<Value> out = a.AsList();
          out.insert(out.end(), b.AsList().begin(), b.AsList().end());
          return Value(std::move(out));
        }
        [[fallthrough]];
      case BinOp::kSub:
      case BinOp::kMul:
      case BinOp::kDiv:
      case BinOp::kMod: {
        if (!a.is_number() || !b.is_number()) return Value();
        if (a.is_int() && b.is_int()) return IntArithmetic(e, a.AsInt(), b.AsInt());
        const double x = a.AsNumber(), y = b.AsNumber();
        switch (e.op) {
          case BinOp::kAdd: return Value(x + y);
          case BinOp::kSub: return Value(x - y);
          case BinOp::kMul: return Value(x * y);
          case BinOp::kDiv: return Value(x / y);
          default: return Value(std::fmod(x, y));
        }
      }
      default: return Value();
    }
  }

  // Returns whether `item` may go into a list: lists nest only
  // kMaxListNesting deep (values are compared, hashed, printed and freed
  // recursively). Else false, with error_ set at `e`. Only lists built from
  // lists pay for the walk.
  bool CheckListDepth(const BExpr& e, const Value& item) {
    if (!item.is_list() || ListDepth(item, kMaxListNesting) < kMaxListNesting) return true;
    Fail(e, absl::StrCat("lists nested more than ", kMaxListNesting,
                         " levels deep; flatten the list"));
    return false;
  }

  // Returns x op y for 64-bit integers, or null with error_ set (at `e`)
  // where the result is not an integer in range: integers do not wrap
  // (openCypher), and C++ leaves overflow undefined (INT64_MIN / -1 traps).
  Value IntArithmetic(const BExpr& e, int64_t x, int64_t y) {
    int64_t r = 0;
    bool overflow = false;
    const char* op = "+";
    switch (e.op) {
      case BinOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); break;
      case BinOp::kSub:
        op = "-";
        overflow = __builtin_sub_overflow(x, y, &r);
        break;
      case BinOp::kMul:
        op = "*";
        overflow = __builtin_mul_overflow(x, y, &r);
        break;
      case BinOp::kDiv:
      case BinOp::kMod:
        op = e.op == BinOp::kDiv ? "/" : "%";
        if (y == 0) {
          Fail(e, "division by zero");
          return Value();
        }
        if (y == -1) {
          // x / -1 is -x, which overflows for INT64_MIN; x % -1 is exactly
          // 0 (as in Java, hence Neo4j), though x86 traps on INT64_MIN % -1.
          if (e.op == BinOp::kMod) return Value(int64_t{0});
          overflow = __builtin_sub_overflow(int64_t{0}, x, &r);
        } else {
          r = e.op == BinOp::kDiv ? x / y : x % y;
        }
        break;
      default: return Value();
    }
    if (overflow) {
      Fail(e, absl::StrFormat("integer overflow: %d %s %d is outside the 64-bit "
                              "integer range; compute in floating point instead "
                              "(e.g. 1.0 * x)",
                              x, op, y));
      return Value();
    }
    return Value(r);
  }

  Value EvalFunction(const BExpr& e, const Value* row) {
    if (e.fn == Fn::kCoalesce) {
      for (const auto& a : e.args) {
        Value v = Eval(*a, row);
        if (!v.is_null()) return v;
      }
      return Value();
    }
    const Value v = Eval(*e.args[0], row);
    if (v.is_null()) return Value();
    switch (e.fn) {
      case Fn::kLabels:
        if (!v.is_node()) break;
        return Value(std::vector<Value>{Value(LabelName(g_.node(v.AsNode()).type))});
      case Fn::kType:
        if (!v.is_edge()) break;
        return Value(RelationName(g_.edge(v.AsEdge()).relation));
      case Fn::kId:
        if (v.is_node()) return Value(static_cast<int64_t>(g_.node(v.AsNode()).id));
        if (v.is_edge()) return Value(static_cast<int64_t>(v.AsEdge()));
        break;
      case Fn::kSize:
      case Fn::kLength:
        if (v.is_list()) return Value(static_cast<int64_t>(v.AsList().size()));
        if (v.is_string()) return Value(static_cast<int64_t>(v.AsString().size()));
        if (v.is_edge()) return Value(int64_t{1});
        break;
      case Fn::kToLower:
        if (v.is_string()) return Value(absl::AsciiStrToLower(v.AsString()));
        break;
      case Fn::kToUpper:
        if (v.is_string()) return Value(absl::AsciiStrToUpper(v.AsString()));
        break;
      case Fn::kToString:
        if (v.is_node()) {
          const graph::NodeInfo& n = g_.node(v.AsNode());
          return Value::Ref(&n.name, n.name_hash);
        }
        if (v.is_edge()) return Value(RelationName(g_.edge(v.AsEdge()).relation));
        return Value(v.ToString());
      case Fn::kStartNode:
        if (v.is_edge()) return Value::Node(g_.edge(v.AsEdge()).source);
        break;
      case Fn::kEndNode:
        if (v.is_edge()) return Value::Node(g_.edge(v.AsEdge()).target);
        break;
      case Fn::kNodes:
      case Fn::kRelationships: {
        if (!v.is_list()) break;
        // A named path alternates nodes (even positions) and edges.
        std::vector<Value> out;
        const auto& items = v.AsList();
        for (size_t j = e.fn == Fn::kNodes ? 0 : 1; j < items.size(); j += 2) {
          out.push_back(items[j]);
        }
        return Value(std::move(out));
      }
      case Fn::kPathLength:
        if (v.is_list()) return Value(static_cast<int64_t>(v.AsList().size() / 2));
        break;
      case Fn::kCoalesce: break;
    }
    Fail(e, absl::StrCat(e.name, "() of ", v.ToLiteral()));
    return Value();
  }

  const PhysicalPlan& plan_;
  const graph::GraphView& g_;
  const ExecOptions& o_;
  ExecBounds unbounded_;  // Used when the options bring no bounds.
  ExecBounds* bounds_;
  // Borrowed from an ExecScratch.
  std::vector<Value>& slots_;
  std::vector<absl::Span<const NodeIndex>>& names_;
  absl::flat_hash_map<std::tuple<int, NodeIndex, NodeIndex>, std::vector<graph::GraphPath>>
      shortest_memo_;
  absl::Status error_;
  int eval_depth_ = 0;
  ExecResult result_;
  // The part being run.
  const PartPlan* part_ = nullptr;
  const ProjectionSpec* proj_ = nullptr;
  const ExecRow* input_row_ = nullptr;
  std::vector<ExecRow>& rows_;
  absl::flat_hash_map<std::vector<Value>, size_t, ValuesHash, ValuesEq>& groups_;
  size_t& distinct_width_;
  RowKeySet& distinct_rows_;
  // DISTINCT by nodes (see StartSink): the slot of each item's node, and
  // the row of each node key seen.
  std::vector<int>& node_key_slots_;
  absl::flat_hash_map<NodeKey, size_t>& node_rows_;
  NodeRowArray& node_row_array_;
  // Whether every DISTINCT item is a node or a node's name: a row whose
  // nodes all have unique names (NodeInfo::name_unique) then equals no row
  // with other nodes, and skips the value-level set.
  bool node_key_names_only_ = false;
  std::vector<std::vector<AggState>> agg_states_;
  std::vector<size_t>& key_items_;
  const std::vector<Value>* agg_values_ = nullptr;
  bool aggregate_ = false;
  int64_t skip_ = 0;
  int64_t limit_ = -1;
  size_t stop_after_ = 0;
};

}  // namespace

absl::StatusOr<ExecResult> Execute(const PhysicalPlan& plan,
                                   const graph::GraphView& view,
                                   const ExecOptions& options) {
  ExecScratch& thread_scratch = ThreadExecScratch();
  ExecScratch local;
  ExecScratch* scratch = thread_scratch.in_use ? &local : &thread_scratch;
  scratch->in_use = true;
  absl::StatusOr<ExecResult> result = Exec(plan, view, options, scratch).Run();
  scratch->Clear();
  scratch->in_use = false;
  return result;
}

}  // namespace mskg::query
