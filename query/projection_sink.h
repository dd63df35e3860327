// query/projection_sink.h
//
// ProjectionSink: the end of a query part's pipeline (WITH or RETURN,
// executor-private). Takes the rows the operators pass on and computes the
// projection: its items, DISTINCT, grouping and aggregates (count, collect,
// sum, avg, min, max), ORDER BY, SKIP and LIMIT, and each row's evidence
// paths (merged, up to kMaxEvidencePaths, where DISTINCT or grouping merges
// rows).
//
// A part's execution is Start, then Add for each row of slots, then
// Finish; rows() then holds the part's output.
//
// Thread-safety: one execution, one thread.
#ifndef MSKG_QUERY_PROJECTION_SINK_H_
#define MSKG_QUERY_PROJECTION_SINK_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/types/span.h"
#include "query/exec_context.h"
#include "query/exec_types.h"
#include "query/expression_evaluator.h"
#include "query/node_set.h"
#include "query/plan.h"
#include "query/stamped_array.h"
#include "query/exec_value.h"

namespace mskg::query {

// DISTINCT keys of rows whose items are all nodes or properties of nodes:
// the node of each item (kNullNode for null), unused entries 0.
inline constexpr size_t kMaxNodeKeyItems = 4;
inline constexpr uint32_t kNullNode = std::numeric_limits<uint32_t>::max();
using NodeKey = std::array<uint32_t, kMaxNodeKeyItems>;

// The row of each node a DISTINCT over a single node has emitted
// (single-item node keys): finding a node's row is an array read, not a
// hash probe. Null gets its own entry. Without evidence no row is revisited
// (rows are revisited only to merge evidence paths), so only whether a
// node has a row is kept, in a bitmap that stays in cache at 1M nodes.
struct NodeRowArray {
  static constexpr size_t kNone = std::numeric_limits<size_t>::max();
  // What Find returns for a node that has a row when rows are not kept.
  static constexpr size_t kSeen = kNone - 1;
  StampedArray<size_t> rows;
  NodeSet seen;
  bool keep_rows = true;
  size_t null_row = kNone;

  // Forgets every node; `keep_rows`: whether Find must return rows.
  void Start(size_t n, bool keep) {
    keep_rows = keep;
    if (keep_rows) {
      rows.Start(n);
    } else {
      seen.Start(n);
    }
    null_row = kNone;
  }
  // Returns the row of node `v` (kNullNode for null), kSeen (rows not
  // kept), or kNone.
  size_t Find(uint32_t v) const {
    if (v == kNullNode) return null_row;
    if (!keep_rows) return seen.Contains(v) ? kSeen : kNone;
    return rows.Has(v) ? rows.value[v] : kNone;
  }
  void Insert(uint32_t v, size_t r) {
    if (v == kNullNode) {
      null_row = keep_rows ? r : kSeen;
    } else if (keep_rows) {
      rows.Set(v, r);
    } else {
      seen.Insert(v);
    }
  }
};

// Hash and equality of DISTINCT and grouping keys that also take a span of
// values, so that a row is looked up without copying it into a key.
struct ValuesHash {
  using is_transparent = void;
  size_t operator()(absl::Span<const ExecValue> v) const {
    return absl::Hash<absl::Span<const ExecValue>>()(v);
  }
};
struct ValuesEq {
  using is_transparent = void;
  bool operator()(absl::Span<const ExecValue> a, absl::Span<const ExecValue> b) const {
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
  size_t operator()(absl::Span<const ExecValue> v) const { return ValuesHash()(v); }
};
struct RowKeyEq {
  using is_transparent = void;
  const std::vector<ExecRow>* rows;
  const size_t* width;
  absl::Span<const ExecValue> Key(size_t r) const {
    return absl::MakeConstSpan((*rows)[r].values.data(), *width);
  }
  absl::Span<const ExecValue> Key(absl::Span<const ExecValue> v) const { return v; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return Key(a) == Key(b);
  }
};
using RowKeySet = absl::flat_hash_set<size_t, RowKeyHash, RowKeyEq>;

using GroupMap =
    absl::flat_hash_map<std::vector<ExecValue>, size_t, ValuesHash, ValuesEq>;

// The containers a projection fills and empties, kept per thread between
// executions (inside ExecScratch) so that their capacity is reused.
struct ProjectionScratch {
  std::vector<ExecRow> rows;
  GroupMap groups;
  absl::flat_hash_map<NodeKey, size_t> node_rows;
  NodeRowArray node_row_array;
  size_t distinct_width = 0;
  RowKeySet distinct_rows{0, RowKeyHash{&rows, &distinct_width},
                          RowKeyEq{&rows, &distinct_width}};
  std::vector<int> node_key_slots;
  std::vector<size_t> key_items;

  ProjectionScratch() = default;
  ProjectionScratch(const ProjectionScratch&) = delete;
  ProjectionScratch& operator=(const ProjectionScratch&) = delete;

  // Drops contents, keeps capacity. Maps that grew far beyond this
  // execution's needs are released, so one huge query does not pin memory.
  void Clear();
};

// The running state of one aggregate of one group.
struct AggState {
  int64_t count = 0;
  int64_t int_sum = 0;
  double double_sum = 0;
  bool any_double = false;
  ExecValue best;  // min, max.
  std::vector<ExecValue> list;  // collect.
  absl::flat_hash_set<ExecValue> seen;  // DISTINCT.
};

class ProjectionSink {
 public:
  // Reads the current row from `*slots`. All must outlive the sink.
  ProjectionSink(ExecContext* context, ExpressionEvaluator* evaluator,
                 const std::vector<ExecValue>* slots, ProjectionScratch* scratch);
  ProjectionSink(const ProjectionSink&) = delete;
  ProjectionSink& operator=(const ProjectionSink&) = delete;

  // Starts `part`'s projection (`last`: the RETURN). InvalidArgument
  // ("line:col: ...") for a SKIP or LIMIT that is not a non-negative
  // integer; errors of the evaluator.
  absl::Status Start(const PartPlan& part, bool last);

  // Sets the input row (of the previous part) the current slots came from,
  // whose evidence paths each new row extends. Not owned; null for none.
  void set_input_row(const ExecRow* row) { input_row_ = row; }

  // Adds the row in the slots. Returns false when the pipeline should stop:
  // on an error (kept in the context) or when no further row can reach the
  // output (a LIMIT without ORDER BY is met).
  bool Add();

  // Finishes the part: aggregates, DISTINCT over aggregates, ORDER BY,
  // SKIP, LIMIT and (for the `last` part) ExecOptions::max_rows, setting
  // `*truncated` when rows were dropped for it. Errors of the bounds and
  // of the evaluator.
  absl::Status Finish(bool last, bool* truncated);

  // The part's rows (after Finish, its output).
  std::vector<ExecRow>& rows() { return rows_; }

 private:
  bool AddAggregated();
  void CurrentPaths(std::vector<std::vector<graph::EdgeIndex>>* paths) const;
  void AddPathsTo(size_t r);
  size_t FindNodeRow(const NodeKey& key) const;
  void InsertNodeRow(const NodeKey& key, size_t r);
  bool NamesUnique(const NodeKey& key) const;
  bool CurrentNodeKey(NodeKey* key) const;
  absl::StatusOr<int64_t> CountArg(const BoundExpr* e, const char* what);

  ExecContext& context_;
  ExpressionEvaluator& evaluator_;
  const std::vector<ExecValue>& slots_;
  // The part being run.
  const PartPlan* part_ = nullptr;
  const ProjectionSpec* projection_ = nullptr;
  const ExecRow* input_row_ = nullptr;
  // Borrowed from a ProjectionScratch.
  std::vector<ExecRow>& rows_;
  GroupMap& groups_;
  size_t& distinct_width_;
  RowKeySet& distinct_rows_;
  // DISTINCT by nodes (see Start): the slot of each item's node, and the
  // row of each node key seen.
  std::vector<int>& node_key_slots_;
  absl::flat_hash_map<NodeKey, size_t>& node_rows_;
  NodeRowArray& node_row_array_;
  // The items that are not aggregates (the grouping key).
  std::vector<size_t>& key_items_;
  // Whether every DISTINCT item is a node or a node's name: a row whose
  // nodes all have unique names (NodeInfo::name_unique) then equals no row
  // with other nodes, and skips the value-level set.
  bool node_key_names_only_ = false;
  std::vector<std::vector<AggState>> agg_states_;  // By group (row).
  bool aggregate_ = false;
  int64_t skip_ = 0;
  int64_t limit_ = -1;
  size_t stop_after_ = 0;  // Rows past which Add stops the pipeline.
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_PROJECTION_SINK_H_
