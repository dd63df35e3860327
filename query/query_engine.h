// query/query_engine.h
//
// QueryEngine: runs Cypher-style read queries over a GraphView snapshot.
// A query goes through lexer -> parser -> binder -> planner -> executor
// (one file per stage); Prepare does the first four once so that a query can
// run many times with new parameters.
//
// Supported: MATCH / OPTIONAL MATCH with node and relationship patterns
// (labels are NodeType names in CamelCase, types Relation names; directed,
// undirected, `|` alternatives, variable length `*`, `*2`, `*1..3`), WHERE,
// shortestPath() and allShortestPaths() (Boost breadth-first search), named
// paths (`p = ...`, with length(p), nodes(p), relationships(p)),
// WITH, RETURN [DISTINCT], aggregates (count, collect, sum, avg, min, max),
// ORDER BY, SKIP, LIMIT, parameters ($name), pattern predicates, EXPLAIN and
// PROFILE. Names in `{name: ...}` and `n.name = ...` match through aliases
// and NameKey (case-, plural- and punctuation-insensitive).
//
// Nodes in results are returned as their names, relationships as their
// types. Each row carries the evidence of the edges matched to produce it.
//
// Thread-safety: QueryEngine and PreparedQuery are immutable after
// construction but for the engine's plan cache, which is internally
// synchronized; any number of threads may run queries at once.
#ifndef MSKG_QUERY_QUERY_ENGINE_H_
#define MSKG_QUERY_QUERY_ENGINE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "query/cancellation.h"
#include "query/value.h"
#include "schema/graph.pb.h"

namespace mskg::graph {
class GraphView;
}  // namespace mskg::graph

namespace mskg::query {

struct PhysicalPlan;
class PlanCache;

struct QueryOptions {
  // Values of $parameters, by name without '$'. Default: none.
  absl::flat_hash_map<std::string, Value> params;
  // Rows beyond this many are dropped and ResultTable::truncated set.
  // Default: 10000.
  size_t max_rows = 10000;
  // Upper bound of variable-length relationships (`*` means 1..max_hops).
  // Default: 8.
  int max_hops = 8;
  // Whether edges whose sources deny them (EdgeInfo::negated) match.
  // Default: false.
  bool include_negated = false;
  // Whether edges added by inference (EdgeInfo::inferred) match; false
  // answers over asserted edges only. shortestPath() and
  // allShortestPaths() follow inferred edges regardless (with a notice).
  // Default: true.
  bool include_inferred = true;
  // Whether rows carry evidence. Default: true.
  bool collect_evidence = true;
  // How deep the premises of inferred edges are followed (at most 64).
  // Default: 4.
  int max_premise_depth = 4;

  // Bounds: a query that exceeds one ends with the error named, whose
  // message says which bound and how to narrow the query. Each operator
  // loop checks them (the clock every ExecBounds::kCheckEvery rows).
  //
  // When the query must end: past it, DeadlineExceeded. Default: none
  // (mskg sets now + --timeout, 30 s).
  absl::Time deadline = absl::InfiniteFuture();
  // A handle another thread may Cancel() to end the query with Cancelled.
  // Not owned; must outlive Run/Execute. Default: none.
  const QueryCancellation* cancellation = nullptr;
  // Intermediate rows past which ResourceExhausted: the rows each operator
  // passes on plus the relationships searches follow (a shortest-path
  // search counts the whole graph). Default: 20,000,000, a few seconds of
  // work; enumerating the paths of `(a)-[*]-(b)` on a graph of thousands of
  // edges exceeds it, counting its DISTINCT end nodes does not.
  uint64_t max_intermediate_rows = 20'000'000;
  // Bytes of rows, groups, collected lists and evidence held past which
  // ResourceExhausted; an estimate. Default: 1 GiB.
  uint64_t max_memory_bytes = uint64_t{1} << 30;
};

// One edge that supports a row: its endpoints, its sentences, and for an
// inferred edge its rule and (recursively) the premises it came from.
struct EdgeEvidence {
  std::string source;
  std::string relation;
  std::string target;
  bool inferred = false;
  bool negated = false;
  std::string rule;
  std::vector<schema::Provenance> support;
  std::vector<EdgeEvidence> premises;
};

struct ResultRow {
  std::vector<Value> values;
  // The edges matched for this row (for DISTINCT or grouped rows, those of
  // up to 5 of the matches merged into it), each once.
  std::vector<EdgeEvidence> evidence;
};

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<ResultRow> rows;
  bool truncated = false;  // More than QueryOptions::max_rows rows.
  std::string plan;        // EXPLAIN/PROFILE: the plan as text.
  std::vector<std::string> notices;
};

// A parsed, bound and planned query. Cheap to copy (shares the plan).
class PreparedQuery {
 public:
  // Runs the query. InvalidArgument for a missing parameter (or one that is
  // not UTF-8), a bad SKIP/LIMIT value or integer overflow ("line:col:
  // ..."); DeadlineExceeded, Cancelled or ResourceExhausted past a bound
  // of `options`.
  absl::StatusOr<ResultTable> Execute(const QueryOptions& options = {}) const;

  // Returns the plan as text (what EXPLAIN shows).
  std::string Explain() const;
  const std::vector<std::string>& columns() const;

 private:
  friend class QueryEngine;
  PreparedQuery(std::shared_ptr<const graph::GraphView> view,
                std::shared_ptr<const PhysicalPlan> plan);

  std::shared_ptr<const graph::GraphView> view_;
  std::shared_ptr<const PhysicalPlan> plan_;
  // Rows the last execution produced (shared by copies), the size hint of
  // the next one's DISTINCT maps. Relaxed: only a hint.
  std::shared_ptr<std::atomic<size_t>> last_rows_;
};

struct QueryEngineOptions {
  // Most prepared plans the engine keeps, by query text (least recently used
  // evicted first); 0 disables the cache. Default: 256.
  size_t plan_cache_size = 256;
};

// Counters of a QueryEngine's plan cache.
struct PlanCacheStats {
  uint64_t hits = 0;       // Run/Prepare calls that reused a plan.
  uint64_t misses = 0;     // Calls that parsed, bound and planned.
  uint64_t evictions = 0;  // Plans dropped to stay within capacity.
  size_t size = 0;         // Plans cached now.
  size_t capacity = 0;
};

// Copies share the view and the plan cache.
class QueryEngine {
 public:
  // REQUIRES: view != nullptr.
  explicit QueryEngine(std::shared_ptr<const graph::GraphView> view,
                       const QueryEngineOptions& options = {});
  ~QueryEngine();
  QueryEngine(const QueryEngine&);
  QueryEngine& operator=(const QueryEngine&);

  // Parses, plans and runs `cypher`; a text run before (and still cached)
  // skips straight to execution. InvalidArgument ("line:col: ...") for
  // syntax errors, unknown labels, relation types or variables, text that is
  // not UTF-8 and queries nested past the bounds of query/limits.h;
  // Unimplemented for unsupported Cypher; errors of Execute.
  absl::StatusOr<ResultTable> Run(absl::string_view cypher,
                                  const QueryOptions& options = {}) const;

  // Parses, binds and plans `cypher` for repeated execution, or returns the
  // cached plan of the same text. Errors as Run (errors are not cached).
  absl::StatusOr<PreparedQuery> Prepare(absl::string_view cypher) const;

  PlanCacheStats plan_cache_stats() const;

 private:
  // The graph is not handed back: embedders hold the view they built the
  // engine with, and graph::GraphView is opaque to them. //query's own
  // libraries reach it through query_engine_access.h.
  friend class QueryEngineAccess;

  std::shared_ptr<const graph::GraphView> view_;
  std::shared_ptr<PlanCache> cache_;
};

// Returns `status`'s message followed, when it starts with "line:col:", by
// that line of `query` and a caret under the column:
//   1:17: expected ')' to close node pattern, found 'RETURN'
//     MATCH (p:Muscle RETURN p
//                     ^
std::string FormatQueryError(absl::string_view query, const absl::Status& status);

}  // namespace mskg::query

#endif  // MSKG_QUERY_QUERY_ENGINE_H_
