// server/query_endpoints.cc: POST /v1/query and POST /v1/ask, thin layers
// over QueryEngine::Run and query::Ask with the request's bounds.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "query/ask.h"
#include "server/endpoints.h"
#include "server/json_body.h"
#include "server/responses.h"
#include "server/result_json.h"
#include "util/status_macros.h"

namespace mskg::server {
namespace {

// What both endpoints read from the body besides the query or question.
struct Page {
  bool evidence = false;
  int64_t limit = 0;
  int64_t offset = 0;
};

// Fills `options` and `page` from `body`: limit, offset, evidence,
// timeout_ms, include_inferred, include_negated. InvalidArgument naming the
// field that is out of range or of the wrong type.
absl::Status ReadBounds(const ApiOptions& server, const Json& body,
                        query::QueryOptions* options, Page* page) {
  MSKG_ASSIGN_OR_RETURN(page->evidence, BoolField(body, "evidence", false));
  MSKG_ASSIGN_OR_RETURN(
      page->limit,
      IntField(body, "limit", server.default_limit, 1, server.max_rows));
  MSKG_ASSIGN_OR_RETURN(page->offset, IntField(body, "offset", 0, 0,
                                               server.max_rows - page->limit));
  MSKG_ASSIGN_OR_RETURN(
      int64_t timeout_ms,
      IntField(body, "timeout_ms",
               absl::ToInt64Milliseconds(server.default_timeout), 1,
               absl::ToInt64Milliseconds(server.max_timeout)));
  MSKG_ASSIGN_OR_RETURN(options->include_inferred,
                        BoolField(body, "include_inferred", true));
  MSKG_ASSIGN_OR_RETURN(options->include_negated,
                        BoolField(body, "include_negated", false));
  options->collect_evidence = page->evidence;
  options->max_rows = static_cast<size_t>(page->offset + page->limit);
  options->deadline = absl::Now() + absl::Milliseconds(timeout_ms);
  options->max_intermediate_rows = server.max_intermediate_rows;
  options->max_memory_bytes = server.max_memory_bytes;
  return absl::OkStatus();
}

Json ParamsJson(const absl::flat_hash_map<std::string, query::Value>& params) {
  std::vector<std::pair<std::string, query::Value>> sorted(params.begin(),
                                                           params.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Json json = Json::object();
  for (const auto& [name, value] : sorted) json[name] = ValueJson(value);
  return json;
}

double MillisSince(absl::Time start) {
  return absl::ToDoubleMilliseconds(absl::Now() - start);
}

}  // namespace

absl::StatusOr<Response> Endpoints::Query(ApiHandler& api,
                                          const Request& request) {
  const absl::Time start = absl::Now();
  MSKG_ASSIGN_OR_RETURN(Json body, ParseJsonObject(request.body));
  MSKG_ASSIGN_OR_RETURN(std::string text, StringField(body, "query", ""));
  if (text.empty()) {
    return absl::InvalidArgumentError(
        "field 'query' is required: {\"query\": \"MATCH ... RETURN ...\"}");
  }
  query::QueryOptions options;
  Page page;
  MSKG_RETURN_IF_ERROR(ReadBounds(api.options_, body, &options, &page));
  options.cancellation = request.cancellation.get();
  if (auto params = body.find("params");
      params != body.end() && !params->is_null()) {
    if (!params->is_object()) {
      return absl::InvalidArgumentError("field 'params' must be an object");
    }
    for (const auto& [name, json] : params->items()) {
      MSKG_ASSIGN_OR_RETURN(query::Value value, ParamValue(name, json));
      options.params[name] = std::move(value);
    }
  }
  const std::shared_ptr<const Snapshot> snapshot = api.snapshots_.Current();
  MSKG_ASSIGN_OR_RETURN(query::ResultTable table,
                        snapshot->engine.Run(text, options));
  Json json = TableJson(table, static_cast<size_t>(page.offset), page.evidence);
  json["offset"] = page.offset;
  json["next_offset"] =
      table.truncated ? Json(page.offset + page.limit) : Json(nullptr);
  json["snapshot"] = snapshot->version;
  json["took_ms"] = MillisSince(start);
  return JsonResponse(200, json);
}

absl::StatusOr<Response> Endpoints::Ask(ApiHandler& api,
                                        const Request& request) {
  const absl::Time start = absl::Now();
  MSKG_ASSIGN_OR_RETURN(Json body, ParseJsonObject(request.body));
  MSKG_ASSIGN_OR_RETURN(std::string question,
                        StringField(body, "question", ""));
  if (question.empty()) {
    return absl::InvalidArgumentError(
        "field 'question' is required: {\"question\": \"muscles opposing a "
        "tight psoas\"}");
  }
  query::QueryOptions options;
  Page page;
  MSKG_RETURN_IF_ERROR(ReadBounds(api.options_, body, &options, &page));
  options.cancellation = request.cancellation.get();
  const std::shared_ptr<const Snapshot> snapshot = api.snapshots_.Current();
  MSKG_ASSIGN_OR_RETURN(query::AskResult result,
                        query::Ask(snapshot->engine, question, options));
  Json json =
      TableJson(result.table, static_cast<size_t>(page.offset), page.evidence);
  json["template"] = result.template_name;
  json["cypher"] = result.cypher;
  json["params"] = ParamsJson(result.params);
  json["offset"] = page.offset;
  json["next_offset"] =
      result.table.truncated ? Json(page.offset + page.limit) : Json(nullptr);
  json["snapshot"] = snapshot->version;
  json["took_ms"] = MillisSince(start);
  return JsonResponse(200, json);
}

}  // namespace mskg::server
