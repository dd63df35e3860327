// server/endpoints.h
//
// The endpoints of ApiHandler, one file per group: query_endpoints.cc
// (/v1/query, /v1/ask), entity_endpoints.cc (/v1/entities, /v1/search),
// document_endpoints.cc (/v1/documents), status_endpoints.cc (/v1/health,
// /metrics). Each returns its response or the error ApiHandler turns into
// one; access has been checked before they run. Private to //server.
#ifndef MSKG_SERVER_ENDPOINTS_H_
#define MSKG_SERVER_ENDPOINTS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/api_handler.h"
#include "server/http_message.h"
#include "server/url.h"

namespace mskg::server {

struct Endpoints {
  static absl::StatusOr<Response> Query(ApiHandler& api,
                                        const Request& request);
  static absl::StatusOr<Response> Ask(ApiHandler& api, const Request& request);
  // `type` and `name` are the decoded path segments.
  static absl::StatusOr<Response> Entity(ApiHandler& api, const Target& target,
                                         absl::string_view type,
                                         absl::string_view name);
  static absl::StatusOr<Response> Search(ApiHandler& api, const Target& target);
  // Whether Entity and Search would answer from the current snapshot's
  // PageCache (false too when they would answer an error).
  static bool EntityCached(const ApiHandler& api, const Target& target,
                           absl::string_view type, absl::string_view name);
  static bool SearchCached(const ApiHandler& api, const Target& target);
  // `id` is the decoded rest of the path.
  static absl::StatusOr<Response> GetDocument(ApiHandler& api,
                                              absl::string_view id);
  static absl::StatusOr<Response> PutDocument(ApiHandler& api,
                                              const Request& request,
                                              absl::string_view id);
  static absl::StatusOr<Response> DeleteDocument(ApiHandler& api,
                                                 absl::string_view id);
  static absl::StatusOr<Response> Health(ApiHandler& api);
  static absl::StatusOr<Response> Metrics(ApiHandler& api);
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_ENDPOINTS_H_
