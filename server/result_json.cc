#include "server/result_json.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace mskg::server {

Json ValueJson(const query::Value& value) {
  switch (value.kind()) {
    case query::Value::Kind::kBool:
      return value.AsBool();
    case query::Value::Kind::kInt:
      return value.AsInt();
    case query::Value::Kind::kDouble:
      // JSON has no NaN or infinity.
      if (!std::isfinite(value.AsDouble())) return value.ToString();
      return value.AsDouble();
    case query::Value::Kind::kString:
      return value.AsString();
    case query::Value::Kind::kList: {
      Json list = Json::array();
      for (const query::Value& item : value.AsList()) {
        list.push_back(ValueJson(item));
      }
      return list;
    }
    case query::Value::Kind::kNull:
      return nullptr;
  }
  return nullptr;
}

absl::StatusOr<query::Value> ParamValue(absl::string_view name,
                                        const Json& json) {
  if (json.is_null()) return query::Value();
  if (json.is_boolean()) return query::Value(json.get<bool>());
  // is_number_integer() is true for unsigned numbers too, which get<int64_t>()
  // would wrap past INT64_MAX.
  if (json.is_number_unsigned() &&
      json.get<uint64_t>() >
          static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter '", name, "' is past the largest integer, ",
        std::numeric_limits<int64_t>::max()));
  }
  if (json.is_number_integer()) return query::Value(json.get<int64_t>());
  if (json.is_number()) return query::Value(json.get<double>());
  if (json.is_string()) {
    return query::Value(json.get_ref<const std::string&>());
  }
  if (json.is_array()) {
    std::vector<query::Value> list;
    for (const Json& item : json) {
      absl::StatusOr<query::Value> value = ParamValue(name, item);
      if (!value.ok()) return value.status();
      list.push_back(*std::move(value));
    }
    return query::Value(std::move(list));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("parameter '", name,
                   "' must be null, a boolean, a number, a string or "
                   "a list of them"));
}

Json ProvenanceJson(const schema::Provenance& p) {
  return Json{{"document", p.document_id()},
              {"begin", p.begin()},
              {"end", p.end()},
              {"sentence", p.sentence()},
              {"rule", p.rule()},
              {"confidence", p.confidence()},
              {"negated", p.polarity() == schema::NEGATED},
              {"hedged", p.hedged()}};
}

Json EvidenceJson(const query::EdgeEvidence& edge) {
  Json support = Json::array();
  for (const schema::Provenance& p : edge.support) {
    support.push_back(ProvenanceJson(p));
  }
  Json premises = Json::array();
  for (const query::EdgeEvidence& premise : edge.premises) {
    premises.push_back(EvidenceJson(premise));
  }
  Json json = {
      {"source", edge.source},          {"relation", edge.relation},
      {"target", edge.target},          {"inferred", edge.inferred},
      {"negated", edge.negated},        {"support", std::move(support)},
      {"premises", std::move(premises)}};
  json["rule"] = edge.inferred ? Json(edge.rule) : Json(nullptr);
  return json;
}

Json TableJson(const query::ResultTable& table, size_t offset,
               bool with_evidence) {
  Json rows = Json::array();
  Json evidence = Json::array();
  for (size_t r = offset; r < table.rows.size(); ++r) {
    const query::ResultRow& row = table.rows[r];
    Json values = Json::array();
    for (const query::Value& value : row.values)
      values.push_back(ValueJson(value));
    rows.push_back(std::move(values));
    if (with_evidence) {
      Json edges = Json::array();
      for (const query::EdgeEvidence& edge : row.evidence) {
        edges.push_back(EvidenceJson(edge));
      }
      evidence.push_back(std::move(edges));
    }
  }
  Json json = {{"columns", table.columns},
               {"rows", std::move(rows)},
               {"truncated", table.truncated},
               {"notices", table.notices}};
  json["evidence"] = with_evidence ? std::move(evidence) : Json(nullptr);
  json["plan"] = table.plan.empty() ? Json(nullptr) : Json(table.plan);
  return json;
}

}  // namespace mskg::server
