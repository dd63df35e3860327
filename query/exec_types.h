// query/exec_types.h
//
// The options, rows and result of one execution (executor.h): what the
// executor and its operator families (exec_context.h) share with the
// engine. Rows hold executor values: nodes and relationships as indices
// into the view, strings possibly by reference into it.
#ifndef MSKG_QUERY_EXEC_TYPES_H_
#define MSKG_QUERY_EXEC_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "graph/graph_view.h"
#include "query/exec_bounds.h"
#include "query/exec_value.h"
#include "query/value.h"

namespace mskg::query {

// Most evidence paths kept per result row (DISTINCT and grouping merge them).
inline constexpr size_t kMaxEvidencePaths = 5;

struct ExecOptions {
  // Parameters by name (without '$'). Not owned; may be null if none.
  const absl::flat_hash_map<std::string, Value>* params = nullptr;
  size_t max_rows = 10000;
  int max_hops = 8;
  bool include_negated = false;
  bool include_inferred = true;
  bool collect_evidence = true;
  bool profile = false;
  // Rows the caller expects (e.g. the last execution's count); DISTINCT
  // maps and the row vector are reserved for this many, capped at
  // max_rows. Only a hint. Default: 0.
  size_t expected_rows = 0;
  // The bounds every operator loop charges. Not owned; null: unbounded.
  ExecBounds* bounds = nullptr;
};

// A row's values: inline for rows of up to two columns (most answers), so
// that such a row costs no heap allocation of its own.
using ExecRowValues = absl::InlinedVector<ExecValue, 2>;

struct ExecRow {
  ExecRowValues values;
  // Each path: the edges matched for one way of producing the row.
  std::vector<std::vector<graph::EdgeIndex>> paths;
};

struct ExecResult {
  std::vector<ExecRow> rows;
  bool truncated = false;
  std::vector<std::string> notices;
  std::vector<uint64_t> op_rows;   // PROFILE: rows each operator passed on.
  std::vector<double> op_micros;   // PROFILE: inclusive time per operator.
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXEC_TYPES_H_
