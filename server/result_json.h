// server/result_json.h
//
// Query results as the API's JSON: values, provenance, evidence edges, and
// a table page {columns, rows, evidence, truncated, notices, plan}.
//
// Thread-safety: pure functions.
#ifndef MSKG_SERVER_RESULT_JSON_H_
#define MSKG_SERVER_RESULT_JSON_H_

#include <cstddef>

#include "query/query_engine.h"
#include "query/value.h"
#include "schema/graph.pb.h"
#include "server/json_body.h"

namespace mskg::server {

// Returns `value` as JSON (null, bool, number, string, array).
Json ValueJson(const query::Value& value);

// Returns `json` as a query parameter. InvalidArgument naming `name` for
// objects (parameters are scalars or lists).
absl::StatusOr<query::Value> ParamValue(absl::string_view name,
                                        const Json& json);

// {document, begin, end, sentence, rule, confidence, negated, hedged}.
Json ProvenanceJson(const schema::Provenance& provenance);

// {source, relation, target, inferred, negated, rule, support, premises}.
Json EvidenceJson(const query::EdgeEvidence& edge);

// Returns {columns, rows (arrays of values), evidence (with `with_evidence`:
// one array of edges per row), truncated, notices, plan (EXPLAIN/PROFILE)}
// for rows [offset, end) of `table`; "truncated" is true when the engine
// dropped rows past its row limit.
Json TableJson(const query::ResultTable& table, size_t offset,
               bool with_evidence);

}  // namespace mskg::server

#endif  // MSKG_SERVER_RESULT_JSON_H_
