#include "server/api_handler.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/endpoints.h"
#include "server/responses.h"
#include "server/static_files.h"
#include "server/url.h"
#include "util/status_macros.h"

namespace mskg::server {
namespace {

// The metrics names of the routes.
std::vector<std::string> EndpointNames() {
  return {"query",        "ask",          "entity",          "search",
          "document_get", "document_put", "document_delete", "health",
          "metrics",      "openapi",      "preflight",       "static"};
}

Response MethodNotAllowed(absl::string_view allow) {
  Response response = ErrorResponse(absl::InvalidArgumentError(
      absl::StrCat("method not allowed here; allowed: ", allow)));
  response.status = 405;
  response.SetHeader("Allow", std::string(allow));
  return response;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ApiHandler>> ApiHandler::Create(
    graph::GraphStore* store, const ingest::Ingester* ingester,
    const ApiOptions& options) {
  MSKG_ASSIGN_OR_RETURN(std::unique_ptr<AccessControl> access,
                        AccessControl::Create(options.access));
  MSKG_ASSIGN_OR_RETURN(std::shared_ptr<const Snapshot> first,
                        BuildSnapshot(*store, 1));
  return std::unique_ptr<ApiHandler>(new ApiHandler(
      store, ingester, options, std::move(access), std::move(first)));
}

ApiHandler::ApiHandler(graph::GraphStore* store,
                       const ingest::Ingester* ingester,
                       const ApiOptions& options,
                       std::unique_ptr<AccessControl> access,
                       std::shared_ptr<const Snapshot> first)
    : store_(store),
      ingester_(ingester),
      options_(options),
      access_(std::move(access)),
      snapshots_(std::move(first)),
      metrics_(EndpointNames()),
      started_(absl::Now()) {}

ApiHandler::~ApiHandler() = default;

Response ApiHandler::Handle(const Request& request) {
  return *Answer(request, Mode::kFull);
}

std::optional<Response> ApiHandler::HandleQuick(const Request& request) {
  return Answer(request, Mode::kQuick);
}

std::optional<Response> ApiHandler::Answer(const Request& request, Mode mode) {
  const absl::Time start = absl::Now();
  std::string endpoint = "other";
  std::optional<Response> response = Route(request, mode, &endpoint);
  if (!response.has_value()) return std::nullopt;  // Counted when answered.
  if (std::string origin = access_->AllowedOrigin(request.Header("Origin"));
      !origin.empty()) {
    response->SetHeader("Access-Control-Allow-Origin", origin);
    response->SetHeader("Vary", "Origin");
  }
  metrics_.Record(endpoint, response->status, absl::Now() - start);
  return response;
}

std::optional<Response> ApiHandler::Route(const Request& request, Mode mode,
                                          std::string* endpoint) {
  // Only pages are quick, and only GETs are pages: decline the rest before
  // parsing anything.
  if (mode == Mode::kQuick && request.method != "GET") return std::nullopt;
  absl::StatusOr<Target> target = ParseTarget(request.target);
  if (!target.ok()) return ErrorResponse(target.status());
  const std::string& path = target->raw_path;
  const std::string& method = request.method;

  // Checks access, then runs `fn`, whose errors become error responses.
  auto run = [&](absl::string_view name, Scope scope,
                 const auto& fn) -> Response {
    *endpoint = std::string(name);
    absl::StatusOr<std::string> client = access_->Authorize(request, scope);
    if (!client.ok()) {
      Response response = ErrorResponse(client.status());
      if (response.status == 401) {
        response.SetHeader("WWW-Authenticate", "Bearer");
      } else if (response.status == 429) {
        response.SetHeader("Retry-After", "1");
      }
      return response;
    }
    absl::StatusOr<Response> response = fn();
    return response.ok() ? *std::move(response)
                         : ErrorResponse(response.status());
  };
  // Answers `name` only for `want`, else 405.
  auto only = [&](absl::string_view want, absl::string_view name, Scope scope,
                  const auto& fn) -> Response {
    if (method != want) {
      *endpoint = std::string(name);
      return MethodNotAllowed(want);
    }
    return run(name, scope, fn);
  };

  if (method == "OPTIONS") {
    *endpoint = "preflight";
    if (access_->AllowedOrigin(request.Header("Origin")).empty()) {
      return ErrorResponse(absl::PermissionDeniedError(
          "this origin may not call the API (see mskg serve --cors)"));
    }
    Response response;
    response.status = 204;
    response.SetHeader("Access-Control-Allow-Methods",
                       "GET, POST, PUT, DELETE, OPTIONS");
    response.SetHeader("Access-Control-Allow-Headers",
                       "Authorization, Content-Type, X-API-Key");
    response.SetHeader("Access-Control-Max-Age", "600");
    return response;
  }
  // A page of the snapshot's PageCache: its parameters are checked and the
  // page looked up first, so that the quick path can decline a page not
  // built yet before it has charged the client's rate limit (and the worker
  // charges it once); access is then checked before anything is answered,
  // errors of the parameters included, as for the other endpoints.
  auto page = [&](absl::string_view name, const auto& find,
                  const auto& build) -> std::optional<Response> {
    if (method != "GET") {
      *endpoint = std::string(name);
      return MethodNotAllowed("GET");
    }
    absl::StatusOr<PageLookup> found = find();
    if (mode == Mode::kQuick && found.ok() && found->page == nullptr) {
      return std::nullopt;  // To be built, on a worker.
    }
    return run(name, Scope::kRead, [&]() -> absl::StatusOr<Response> {
      MSKG_RETURN_IF_ERROR(found.status());
      return build(*found);
    });
  };
  if (path == "/v1/search") {
    return page(
        "search", [&] { return Endpoints::FindSearch(*this, *target); },
        &Endpoints::Search);
  }
  absl::string_view rest = path;
  if (absl::ConsumePrefix(&rest, "/v1/entities/")) {
    return page(
        "entity", [&] { return Endpoints::FindEntity(*this, *target, rest); },
        &Endpoints::Entity);
  }
  // The rest may block (a query, a write, the store's statistics).
  if (mode == Mode::kQuick) return std::nullopt;

  if (path == "/v1/health") {
    if (method != "GET") return MethodNotAllowed("GET");
    *endpoint = "health";
    absl::StatusOr<Response> health = Endpoints::Health(*this);
    return health.ok() ? *health : ErrorResponse(health.status());
  }
  if (path == "/v1/openapi.json") {
    if (method != "GET") return MethodNotAllowed("GET");
    *endpoint = "openapi";
    Response response;
    response.SetHeader("Content-Type", "application/json");
    response.body = options_.openapi_json.empty()
                        ? std::string(BuiltInOpenApi())
                        : options_.openapi_json;
    return response;
  }
  if (path == "/metrics") {
    return only("GET", "metrics", Scope::kRead,
                [&] { return Endpoints::Metrics(*this); });
  }
  if (path == "/v1/query") {
    return only("POST", "query", Scope::kRead,
                [&] { return Endpoints::Query(*this, request); });
  }
  if (path == "/v1/ask") {
    return only("POST", "ask", Scope::kRead,
                [&] { return Endpoints::Ask(*this, request); });
  }
  if (absl::ConsumePrefix(&rest, "/v1/documents/")) {
    absl::StatusOr<std::string> id = PercentDecode(rest, false);
    if (!id.ok()) return ErrorResponse(id.status());
    if (method == "GET") {
      return run("document_get", Scope::kRead,
                 [&] { return Endpoints::GetDocument(*this, *id); });
    }
    if (method == "PUT") {
      return run("document_put", Scope::kWrite,
                 [&] { return Endpoints::PutDocument(*this, request, *id); });
    }
    if (method == "DELETE") {
      return run("document_delete", Scope::kWrite,
                 [&] { return Endpoints::DeleteDocument(*this, *id); });
    }
    return MethodNotAllowed("GET, PUT, DELETE");
  }
  if (const EmbeddedFile* file = FindStaticFile(path)) {
    // The explorer page needs no key: it holds no data, and it is where a
    // browser user types the key its API calls then send.
    *endpoint = "static";
    if (method != "GET") return MethodNotAllowed("GET");
    return StaticResponse(*file, request);
  }
  return ErrorResponse(absl::NotFoundError(absl::StrCat(
      "no endpoint ", path, "; see /v1/openapi.json, or / for the explorer")));
}

absl::Status ApiHandler::Write(
    const std::function<absl::StatusOr<bool>()>& write,
    absl::Duration* visible) {
  absl::MutexLock lock(&write_mu_);
  MSKG_ASSIGN_OR_RETURN(bool changed, write());
  const absl::Time committed = absl::Now();
  if (changed) {
    MSKG_ASSIGN_OR_RETURN(std::shared_ptr<const Snapshot> next,
                          BuildSnapshot(*store_, version_ + 1));
    ++version_;
    snapshots_.Publish(std::move(next));
  }
  *visible = absl::Now() - committed;
  last_visible_micros_.store(absl::ToInt64Microseconds(*visible));
  return absl::OkStatus();
}

}  // namespace mskg::server
