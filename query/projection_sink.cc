// query/projection_sink.cc: WITH/RETURN: items, DISTINCT, grouping and
// aggregates, ORDER BY, SKIP and LIMIT.
#include "query/projection_sink.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

#include "absl/strings/str_format.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

using graph::EdgeIndex;

// Returns a + b, or SIZE_MAX where that overflows (SKIP and LIMIT are
// arbitrary non-negative integers).
size_t SaturatingAdd(size_t a, size_t b) {
  size_t r;
  return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<size_t>::max() : r;
}

// Returns the bytes `v` holds, roughly: what the memory bound counts.
uint64_t ValueBytes(const ExecValue& v) {
  uint64_t bytes = sizeof(ExecValue);
  bytes += v.OwnedStringBytes();
  if (v.is_list()) {
    for (const ExecValue& x : v.AsList()) bytes += ValueBytes(x);
  }
  return bytes;
}

// Returns the bytes `row` holds, roughly.
uint64_t RowBytes(const ExecRow& row) {
  uint64_t bytes = sizeof(ExecRow);
  for (const ExecValue& v : row.values) bytes += ValueBytes(v);
  for (const auto& p : row.paths) bytes += sizeof(p) + p.size() * sizeof(graph::EdgeIndex);
  return bytes;
}

// Whether `e` holds an aggregate.
bool ContainsAgg(const BoundExpr& e) {
  if (e.kind == BoundExpr::Kind::kAgg) return true;
  for (const auto& a : e.args) {
    if (ContainsAgg(*a)) return true;
  }
  return false;
}

void MergePaths(std::vector<std::vector<EdgeIndex>>* into,
                       std::vector<std::vector<EdgeIndex>>&& from) {
  for (auto& p : from) {
    if (into->size() >= kMaxEvidencePaths) return;
    if (std::find(into->begin(), into->end(), p) == into->end()) {
      into->push_back(std::move(p));
    }
  }
}

}  // namespace

void ProjectionScratch::Clear() {
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

ProjectionSink::ProjectionSink(ExecContext* context, ExpressionEvaluator* evaluator,
                               const std::vector<ExecValue>* slots,
                               ProjectionScratch* scratch)
    : context_(*context),
      evaluator_(*evaluator),
      slots_(*slots),
      rows_(scratch->rows),
      groups_(scratch->groups),
      distinct_width_(scratch->distinct_width),
      distinct_rows_(scratch->distinct_rows),
      node_key_slots_(scratch->node_key_slots),
      node_rows_(scratch->node_rows),
      node_row_array_(scratch->node_row_array),
      key_items_(scratch->key_items) {}

absl::StatusOr<int64_t> ProjectionSink::CountArg(const BoundExpr* e,
                                                 const char* what) {
  if (e == nullptr) return -1;
  ExecValue v = evaluator_.Eval(*e, nullptr);
  MSKG_RETURN_IF_ERROR(context_.error());
  if (!v.is_int() || v.AsInt() < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d:%d: %s must be a non-negative integer, got %s", e->line, e->column,
        what, v.ToLiteral()));
  }
  return v.AsInt();
}

absl::Status ProjectionSink::Start(const PartPlan& part, bool last) {
  projection_ = &part.projection;
  part_ = &part;
  groups_.clear();
  distinct_rows_.clear();
  distinct_width_ = part.projection.num_visible;
  agg_states_.clear();
  rows_.clear();
  MSKG_ASSIGN_OR_RETURN(skip_, CountArg(projection_->skip.get(), "SKIP"));
  MSKG_ASSIGN_OR_RETURN(limit_, CountArg(projection_->limit.get(), "LIMIT"));
  if (skip_ < 0) skip_ = 0;
  aggregate_ = !projection_->aggs.empty();
  // Rows beyond this many cannot reach the output (streaming only).
  stop_after_ = std::numeric_limits<size_t>::max();
  if (!aggregate_ && projection_->order_by.empty()) {
    size_t cap = std::numeric_limits<size_t>::max();
    if (limit_ >= 0) cap = SaturatingAdd(skip_, limit_);
    if (last) cap = std::min(cap, SaturatingAdd(SaturatingAdd(skip_, context_.options().max_rows), 1));
    stop_after_ = cap;
  }
  if (aggregate_) {
    for (size_t i = 0; i < projection_->items.size(); ++i) {
      if (!ContainsAgg(*projection_->items[i])) key_items_.push_back(i);
    }
  }
  // DISTINCT over nodes and their properties: rows are first deduplicated
  // on their nodes, before any item is evaluated.
  node_key_slots_.clear();
  node_rows_.clear();
  // Sized from the previous execution's answer, so that the maps do not
  // rehash as they grow (ExecOptions::expected_rows).
  if (last && projection_->distinct) {
    const size_t expect = std::min(context_.options().expected_rows, context_.options().max_rows);
    if (aggregate_) {
      groups_.reserve(expect);
    } else {
      distinct_rows_.reserve(expect);
      node_rows_.reserve(expect);
    }
  }
  node_key_names_only_ = true;
  if (!aggregate_ && projection_->distinct && projection_->items.size() <= kMaxNodeKeyItems &&
      static_cast<int>(projection_->items.size()) == projection_->num_visible) {
    for (const auto& item : projection_->items) {
      const BoundExpr* e = item.get();
      if (e->kind == BoundExpr::Kind::kProperty) {
        if (e->prop != Prop::kName) node_key_names_only_ = false;
        e = e->args[0].get();
      }
      if (e->kind != BoundExpr::Kind::kSlot) {
        node_key_slots_.clear();
        break;
      }
      node_key_slots_.push_back(e->slot);
    }
  }
  if (node_key_slots_.size() == 1) {
    node_row_array_.Start(context_.view().num_nodes(),
                          context_.options().collect_evidence);
  }
  return absl::OkStatus();
}


void ProjectionSink::CurrentPaths(std::vector<std::vector<EdgeIndex>>* paths) const {
  if (!context_.options().collect_evidence) return;
  std::vector<EdgeIndex> here;
  for (int s : part_->evidence_slots) {
    const ExecValue& v = slots_[s];
    if (v.is_edge()) {
      here.push_back(v.AsEdge());
    } else if (v.is_list()) {
      for (const ExecValue& x : v.AsList()) {
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


// Adds the current paths to those of row `r` while it has fewer than
// kMaxEvidencePaths (so that rows DISTINCT or grouping drops build none).
void ProjectionSink::AddPathsTo(size_t r) {
  if (!context_.options().collect_evidence || rows_[r].paths.size() >= kMaxEvidencePaths) return;
  std::vector<std::vector<EdgeIndex>> paths;
  CurrentPaths(&paths);
  MergePaths(&rows_[r].paths, std::move(paths));
}

size_t ProjectionSink::FindNodeRow(const NodeKey& key) const {
  if (node_key_slots_.size() == 1) return node_row_array_.Find(key[0]);
  auto it = node_rows_.find(key);
  return it == node_rows_.end() ? NodeRowArray::kNone : it->second;
}
void ProjectionSink::InsertNodeRow(const NodeKey& key, size_t r) {
  if (node_key_slots_.size() == 1) {
    node_row_array_.Insert(key[0], r);
  } else {
    node_rows_.emplace(key, r);
  }
}
// Whether every node of `key` (nulls aside) has a name no other node has.
bool ProjectionSink::NamesUnique(const NodeKey& key) const {
  for (size_t j = 0; j < node_key_slots_.size(); ++j) {
    if (key[j] != kNullNode && !context_.view().node(key[j]).name_unique) return false;
  }
  return true;
}

// Returns the node key of the current row in `key`, false if an item's
// slot holds something other than a node or null.
bool ProjectionSink::CurrentNodeKey(NodeKey* key) const {
  *key = NodeKey{};
  for (size_t j = 0; j < node_key_slots_.size(); ++j) {
    const ExecValue& v = slots_[node_key_slots_[j]];
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

bool ProjectionSink::Add() {
  if (aggregate_) return AddAggregated();
  {
    NodeKey node_key;
    const bool by_node = !node_key_slots_.empty() && CurrentNodeKey(&node_key);
    if (by_node) {
      const size_t r = FindNodeRow(node_key);
      if (r != NodeRowArray::kNone) {
        if (r != NodeRowArray::kSeen) AddPathsTo(r);
        return true;
      }
    }
    ExecRow row;
    row.values.reserve(projection_->items.size());
    for (const auto& item : projection_->items) row.values.push_back(evaluator_.Eval(*item, slots_.data()));
    if (!context_.ok()) return false;
    const size_t next = rows_.size();
    if (by_node && node_key_names_only_ && NamesUnique(node_key)) {
      InsertNodeRow(node_key, next);
    } else if (projection_->distinct) {
      // One probe: the set holds the index the row will have if new.
      const absl::Span<const ExecValue> key(row.values.data(), projection_->num_visible);
      const size_t r = *distinct_rows_.lazy_emplace(
          key, [next](const RowKeySet::constructor& ctor) { ctor(next); });
      if (by_node) InsertNodeRow(node_key, r);
      if (r != next) {
        AddPathsTo(r);
        return true;
      }
    }
    CurrentPaths(&row.paths);
    if (!context_.Charge(RowBytes(row))) return false;
    rows_.push_back(std::move(row));
    return rows_.size() < stop_after_;
  }
}

bool ProjectionSink::AddAggregated() {
  std::vector<ExecValue> key;
  key.reserve(key_items_.size());
  for (size_t i : key_items_) key.push_back(evaluator_.Eval(*projection_->items[i], slots_.data()));
  auto [it, inserted] = groups_.try_emplace(key, rows_.size());
  if (inserted) {
    ExecRow row;
    row.values.resize(projection_->items.size());
    for (size_t j = 0; j < key_items_.size(); ++j) row.values[key_items_[j]] = key[j];
    // The row, the group's key, its aggregate states.
    if (!context_.Charge(2 * RowBytes(row) + projection_->aggs.size() * sizeof(AggState))) {
      return false;
    }
    rows_.push_back(std::move(row));
    agg_states_.emplace_back(projection_->aggs.size());
  }
  AddPathsTo(it->second);
  std::vector<AggState>& states = agg_states_[it->second];
  for (size_t a = 0; a < projection_->aggs.size(); ++a) {
    const AggSpec& spec = projection_->aggs[a];
    AggState& st = states[a];
    if (spec.fn == AggFn::kCountStar) {
      ++st.count;
      continue;
    }
    ExecValue v = evaluator_.Eval(*spec.arg, slots_.data());
    if (v.is_null()) continue;
    if (spec.distinct) {
      if (!st.seen.insert(v).second) continue;
      if (!context_.Charge(ValueBytes(v))) return false;
    }
    switch (spec.fn) {
      case AggFn::kCountStar:
      case AggFn::kCount: ++st.count; break;
      case AggFn::kCollect:
        if (!evaluator_.CheckListDepth(*spec.arg, v) || !context_.Charge(ValueBytes(v))) return false;
        st.list.push_back(std::move(v));
        break;
      case AggFn::kSum:
      case AggFn::kAvg:
        if (v.is_int()) {
          if (__builtin_add_overflow(st.int_sum, v.AsInt(), &st.int_sum)) {
            context_.Fail(spec.arg->line, spec.arg->column,
                          "integer overflow: the sum is outside the 64-bit "
                          "integer range; sum floats instead (e.g. sum(1.0 * x))");
            return false;
          }
          st.double_sum += v.AsInt();
          ++st.count;
        } else if (v.is_double()) {
          st.any_double = true;
          st.double_sum += v.AsDouble();
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
  return context_.ok();
}

absl::Status ProjectionSink::Finish(bool last, bool* truncated) {
  if (aggregate_) {
    if (rows_.empty() && key_items_.empty()) {
      rows_.emplace_back();
      rows_.back().values.resize(projection_->items.size());
      agg_states_.emplace_back(projection_->aggs.size());
    }
    for (size_t r = 0; r < rows_.size(); ++r) {
      if (!context_.Tick()) return context_.error();
      std::vector<ExecValue> agg_values;
      for (size_t a = 0; a < projection_->aggs.size(); ++a) {
        const AggState& st = agg_states_[r][a];
        switch (projection_->aggs[a].fn) {
          case AggFn::kCountStar:
          case AggFn::kCount: agg_values.push_back(ExecValue(st.count)); break;
          case AggFn::kCollect: agg_values.push_back(ExecValue(st.list)); break;
          case AggFn::kSum:
            agg_values.push_back(st.any_double ? ExecValue(st.double_sum) : ExecValue(st.int_sum));
            break;
          case AggFn::kAvg:
            agg_values.push_back(st.count == 0 ? ExecValue() : ExecValue(st.double_sum / st.count));
            break;
          case AggFn::kMin:
          case AggFn::kMax: agg_values.push_back(st.best); break;
        }
      }
      evaluator_.set_aggregates(&agg_values);
      for (size_t i = 0; i < projection_->items.size(); ++i) {
        if (ContainsAgg(*projection_->items[i])) {
          rows_[r].values[i] = evaluator_.Eval(*projection_->items[i], slots_.data());
        }
      }
      evaluator_.set_aggregates(nullptr);
    }
    if (projection_->distinct) {
      absl::flat_hash_set<ExecRowValues> seen;
      std::vector<ExecRow> kept;
      for (ExecRow& row : rows_) {
        if (seen.insert(row.values).second) kept.push_back(std::move(row));
      }
      rows_ = std::move(kept);
    }
  }
  MSKG_RETURN_IF_ERROR(context_.error());
  if (!projection_->order_by.empty()) {
    // Sorting is not interrupted: charged up front, by its size.
    if (!context_.Tick(rows_.size()) || !context_.Charge(rows_.size() * projection_->order_by.size() * sizeof(ExecValue))) {
      return context_.error();
    }
    std::vector<std::pair<std::vector<ExecValue>, size_t>> keys(rows_.size());
    for (size_t r = 0; r < rows_.size(); ++r) {
      keys[r].second = r;
      for (const SortKey& s : projection_->order_by) {
        keys[r].first.push_back(evaluator_.Eval(*s.expr, rows_[r].values.data()));
      }
    }
    std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
      for (size_t j = 0; j < projection_->order_by.size(); ++j) {
        int c = CompareForOrder(a.first[j], b.first[j]);
        if (projection_->order_by[j].descending) c = -c;
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
  if (last && end - begin > context_.options().max_rows) {
    end = begin + context_.options().max_rows;
    *truncated = true;
  }
  if (begin > 0 || end < rows_.size()) {
    std::vector<ExecRow> kept(std::make_move_iterator(rows_.begin() + begin),
                              std::make_move_iterator(rows_.begin() + end));
    rows_ = std::move(kept);
  }
  for (ExecRow& row : rows_) row.values.resize(projection_->num_visible);
  key_items_.clear();
  return absl::OkStatus();
}


}  // namespace mskg::query
