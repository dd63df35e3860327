// server/endpoints.h
//
// The endpoints of ApiHandler, one file per group: query_endpoints.cc
// (/v1/query, /v1/ask), entity_endpoints.cc (/v1/entities, /v1/search),
// document_endpoints.cc (/v1/documents), status_endpoints.cc (/v1/health,
// /metrics). Each returns its response or the error ApiHandler turns into
// one; access has been checked before they run. Private to //server.
#ifndef MSKG_SERVER_ENDPOINTS_H_
#define MSKG_SERVER_ENDPOINTS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/api_handler.h"
#include "server/http_message.h"
#include "server/snapshot.h"
#include "server/url.h"

namespace mskg::server {

// A request for a page the snapshot's PageCache keeps (an entity page, a
// search answer), its parameters checked and its page looked up.
struct PageLookup {
  std::shared_ptr<const Snapshot> snapshot;  // The one the page is of.
  std::string key;                           // Its key in snapshot->pages.
  std::shared_ptr<const std::string> page;   // Null: not built yet.
  // What the page is built from. Entity pages: the type (`label` as sent),
  // the decoded name, the sentences per neighbour and the neighbours per
  // relation. Search: the type (unspecified: any), the query in `name`,
  // and the hits.
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  std::string label;
  std::string name;
  int64_t sentences = 0;
  int64_t limit = 0;
};

struct Endpoints {
  static absl::StatusOr<Response> Query(ApiHandler& api,
                                        const Request& request);
  static absl::StatusOr<Response> Ask(ApiHandler& api, const Request& request);
  // GET /v1/entities/{type}/{name} (`rest`: the path after /v1/entities/)
  // and GET /v1/search, pages the snapshot's PageCache keeps. Find* checks
  // the request's parameters and looks its page up in the current snapshot,
  // once per request; NotFound for an unknown type or a path of other than
  // two segments, InvalidArgument for a bad parameter. Entity and Search
  // answer the page found, or build it (NotFound for no such entity) and
  // cache it.
  static absl::StatusOr<PageLookup> FindEntity(const ApiHandler& api,
                                               const Target& target,
                                               absl::string_view rest);
  static absl::StatusOr<PageLookup> FindSearch(const ApiHandler& api,
                                               const Target& target);
  static absl::StatusOr<Response> Entity(const PageLookup& found);
  static absl::StatusOr<Response> Search(const PageLookup& found);
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
