#include "query/query_engine.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "graph/graph_view.h"
#include "query/binder.h"
#include "query/exec_bounds.h"
#include "query/executor.h"
#include "query/lexer.h"
#include "query/node_names.h"
#include "query/parser.h"
#include "query/plan.h"
#include "query/plan_cache.h"
#include "query/planner.h"
#include "query/to_public.h"
#include "util/status_macros.h"
#include "util/utf8.h"

namespace mskg::query {
namespace {

// How many rows ahead the conversion loop prefetches names.
constexpr size_t kPrefetchAhead = 8;

// Deepest premise chain followed, whatever QueryOptions asks (the
// recursion below is one frame a level).
constexpr int kMaxPremiseDepth = 64;

// Returns the evidence of edge `e`, its premises `depth` levels deep,
// charging `bounds` one intermediate row and its bytes for each edge; once
// a bound is exceeded, adds no more premises (the caller checks).
EdgeEvidence MakeEvidence(const graph::GraphView& g, graph::EdgeIndex e, int depth,
                          ExecBounds* bounds) {
  const graph::EdgeInfo& info = g.edge(e);
  // Decoded once from the view (graph::SupportList decodes on each pass).
  std::vector<schema::Provenance> support = info.support.Decode();
  uint64_t bytes = sizeof(EdgeEvidence);
  for (const schema::Provenance& p : support) bytes += p.SpaceUsedLong();
  const bool within = bounds->Tick() && bounds->Charge(bytes);
  EdgeEvidence ev;
  ev.source = std::string(NodeName(g, info.source));
  ev.relation = RelationName(info.relation);
  ev.target = std::string(NodeName(g, info.target));
  ev.inferred = info.inferred;
  ev.negated = info.negated;
  ev.rule = std::string(info.rule);
  ev.support = std::move(support);
  if (depth > 0 && within) {
    ev.premises.reserve(info.premises.size());
    for (graph::EdgeIndex p : info.premises) {
      if (!bounds->status().ok()) break;
      if (p < g.num_edges()) ev.premises.push_back(MakeEvidence(g, p, depth - 1, bounds));
    }
  }
  return ev;
}

// Returns whether every string in `v` (lists included) is UTF-8.
bool IsUtf8(const Value& v) {
  if (v.is_string()) return FirstInvalidUtf8(v.AsString()) == absl::string_view::npos;
  if (v.is_list()) {
    for (const Value& x : v.AsList()) {
      if (!IsUtf8(x)) return false;
    }
  }
  return true;
}

// InvalidArgument naming the first parameter that holds a string that is
// not UTF-8: names, comparisons and output all assume text.
absl::Status CheckParams(const absl::flat_hash_map<std::string, Value>& params) {
  for (const auto& [name, value] : params) {
    if (!IsUtf8(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter $", name, " is not valid UTF-8 text; pass text in UTF-8"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<PhysicalPlan>> Compile(absl::string_view cypher,
                                                      const graph::GraphView& view) {
  MSKG_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lex(cypher));
  MSKG_ASSIGN_OR_RETURN(std::unique_ptr<ast::Query> query, Parse(tokens));
  MSKG_ASSIGN_OR_RETURN(BoundQuery bound, Bind(*query));
  return Plan(std::move(bound), view);
}

}  // namespace

PreparedQuery::PreparedQuery(std::shared_ptr<const graph::GraphView> view,
                             std::shared_ptr<const PhysicalPlan> plan)
    : view_(std::move(view)),
      plan_(std::move(plan)),
      last_rows_(std::make_shared<std::atomic<size_t>>(0)) {}

std::string PreparedQuery::Explain() const { return plan_->ToString(); }

const std::vector<std::string>& PreparedQuery::columns() const {
  return plan_->columns;
}

absl::StatusOr<ResultTable> PreparedQuery::Execute(const QueryOptions& options) const {
  ResultTable table;
  table.columns = plan_->columns;
  if (plan_->mode == PhysicalPlan::Mode::kExplain) {
    table.plan = plan_->ToString();
    return table;
  }
  MSKG_RETURN_IF_ERROR(CheckParams(options.params));
  BoundsLimits limits;
  limits.deadline = options.deadline;
  limits.cancellation = options.cancellation;
  limits.max_intermediate_rows = options.max_intermediate_rows;
  limits.max_bytes = options.max_memory_bytes;
  ExecBounds bounds(limits);
  ExecOptions exec;
  exec.bounds = &bounds;
  exec.params = &options.params;
  exec.max_rows = options.max_rows;
  exec.max_hops = options.max_hops;
  exec.include_negated = options.include_negated;
  exec.include_inferred = options.include_inferred;
  exec.collect_evidence = options.collect_evidence;
  exec.profile = plan_->mode == PhysicalPlan::Mode::kProfile;
  exec.expected_rows = last_rows_->load(std::memory_order_relaxed);
  const int64_t t0 = exec.profile ? absl::GetCurrentTimeNanos() : 0;
  MSKG_ASSIGN_OR_RETURN(ExecResult result, query::Execute(*plan_, *view_, exec));
  last_rows_->store(result.rows.size(), std::memory_order_relaxed);
  const graph::GraphView& g = *view_;
  table.truncated = result.truncated;
  table.notices = std::move(result.notices);
  table.rows.reserve(result.rows.size());
  // Evidence is built here, for the returned rows only (the executor keeps
  // edge indices, at most kMaxEvidencePaths paths per row), each edge's
  // once per execution.
  // Where each edge's evidence was first built, as (row, index in its
  // evidence); an edge is once per row, so a hit is in an earlier row.
  // The third number is the intermediate rows that evidence cost, charged
  // again for each copy.
  absl::flat_hash_map<graph::EdgeIndex, std::tuple<size_t, size_t, uint64_t>> evidence_at;
  const int premise_depth = std::clamp(options.max_premise_depth, 0, kMaxPremiseDepth);
  absl::flat_hash_set<graph::EdgeIndex> seen;
  for (size_t r = 0; r < result.rows.size(); ++r) {
    ExecRow& row = result.rows[r];
    // Names are copied below from all over the view: fetch those of a row
    // a few ahead.
    if (r + kPrefetchAhead < result.rows.size()) {
      for (const ExecValue& v : result.rows[r + kPrefetchAhead].values) {
        if (v.is_ref()) __builtin_prefetch(v.AsString().data());
      }
    }
    ResultRow out;
    out.values.reserve(row.values.size());
    for (ExecValue& v : row.values) out.values.push_back(ToPublic(std::move(v), g));
    if (options.collect_evidence) {
      seen.clear();
      for (const auto& path : row.paths) {
        for (graph::EdgeIndex e : path) {
          if (!seen.insert(e).second) continue;
          auto [it, inserted] = evidence_at.try_emplace(
              e, std::make_tuple(table.rows.size(), out.evidence.size(), 0));
          auto& [at_row, at_index, cost] = it->second;
          if (inserted) {
            const uint64_t before = bounds.work();
            out.evidence.push_back(MakeEvidence(g, e, premise_depth, &bounds));
            cost = bounds.work() - before;
          } else {
            if (!bounds.Tick(cost) ||
                !bounds.Charge(cost * sizeof(EdgeEvidence))) {
              break;
            }
            out.evidence.push_back(table.rows[at_row].evidence[at_index]);
          }
          if (!bounds.status().ok()) break;
        }
      }
    }
    table.rows.push_back(std::move(out));
    if (!bounds.Tick()) break;
  }
  MSKG_RETURN_IF_ERROR(bounds.status());
  if (exec.profile) {
    table.plan = absl::StrCat(
        plan_->ToString(&result.op_rows, &result.op_micros), "Total: ",
        (absl::GetCurrentTimeNanos() - t0) / 1000, "us, ", table.rows.size(), " rows\n");
  }
  return table;
}

QueryEngine::QueryEngine(std::shared_ptr<const graph::GraphView> view,
                         const QueryEngineOptions& options)
    : view_(std::move(view)),
      cache_(std::make_shared<PlanCache>(options.plan_cache_size)) {}

QueryEngine::~QueryEngine() = default;
QueryEngine::QueryEngine(const QueryEngine&) = default;
QueryEngine& QueryEngine::operator=(const QueryEngine&) = default;

absl::StatusOr<PreparedQuery> QueryEngine::Prepare(absl::string_view cypher) const {
  if (std::shared_ptr<const PhysicalPlan> cached = cache_->Find(cypher)) {
    return PreparedQuery(view_, std::move(cached));
  }
  MSKG_ASSIGN_OR_RETURN(std::unique_ptr<PhysicalPlan> compiled, Compile(cypher, *view_));
  std::shared_ptr<const PhysicalPlan> plan(std::move(compiled));
  cache_->Insert(cypher, plan);
  return PreparedQuery(view_, std::move(plan));
}

PlanCacheStats QueryEngine::plan_cache_stats() const {
  const PlanCache::Stats s = cache_->stats();
  PlanCacheStats out;
  out.hits = s.hits;
  out.misses = s.misses;
  out.evictions = s.evictions;
  out.size = s.size;
  out.capacity = cache_->capacity();
  return out;
}

absl::StatusOr<ResultTable> QueryEngine::Run(absl::string_view cypher,
                                             const QueryOptions& options) const {
  MSKG_ASSIGN_OR_RETURN(PreparedQuery prepared, Prepare(cypher));
  return prepared.Execute(options);
}

std::string FormatQueryError(absl::string_view query, const absl::Status& status) {
  std::string out(status.message());
  std::vector<absl::string_view> head = absl::StrSplit(status.message(), absl::MaxSplits(':', 2));
  int line = 0, col = 0;
  if (head.size() < 3 || !absl::SimpleAtoi(head[0], &line) ||
      !absl::SimpleAtoi(head[1], &col) || line < 1 || col < 1) {
    return out;
  }
  std::vector<absl::string_view> lines = absl::StrSplit(query, '\n');
  if (line > static_cast<int>(lines.size())) return out;
  const absl::string_view text = lines[line - 1];
  std::string caret;
  for (int i = 0; i + 1 < col && i < static_cast<int>(text.size()); ++i) {
    caret.push_back(text[i] == '\t' ? '\t' : ' ');
  }
  absl::StrAppend(&out, "\n  ", text, "\n  ", caret, "^");
  return out;
}

}  // namespace mskg::query
