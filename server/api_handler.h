// server/api_handler.h
//
// ApiHandler: the HTTP/JSON API of `mskg serve` as a function from Request
// to Response, over the same C++ API as the command line (QueryEngine, Ask,
// Ingester, GraphStore). It routes /v1/..., checks keys and scopes
// (access.h), adds CORS headers, records metrics and turns every error into
// {"error": {"code", "message", "line", "column"}} with its HTTP status.
//
// Reads run on the current Snapshot (snapshot.h). A write (PUT or DELETE
// of a document) commits to the store, builds the next snapshot and
// publishes it before it answers, so the writer's next read sees its write;
// readers meanwhile keep the snapshot they started with. Writes are
// serialized by the handler.
//
// Thread-safety: Handle() may be called from any number of threads.
#ifndef MSKG_SERVER_API_HANDLER_H_
#define MSKG_SERVER_API_HANDLER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "graph/graph_store.h"
#include "ingest/ingester.h"
#include "server/access.h"
#include "server/http_message.h"
#include "server/metrics.h"
#include "server/snapshot.h"

namespace mskg::server {

struct ApiOptions {
  AccessOptions access;
  // Query deadline when the request sets no timeout_ms, and the most it may
  // ask for. Default: 10 s and 60 s.
  absl::Duration default_timeout = absl::Seconds(10);
  absl::Duration max_timeout = absl::Seconds(60);
  // Rows a query request returns without "limit", and the most "offset +
  // limit" may reach. Default: 100 and 10000.
  int64_t default_limit = 100;
  int64_t max_rows = 10000;
  // Budgets of every query (QueryOptions). Default: the engine's, but 256
  // MiB of memory, since many queries share the process.
  uint64_t max_intermediate_rows = 20'000'000;
  uint64_t max_memory_bytes = uint64_t{256} << 20;
  // Sentences shown per neighbour on an entity page without ?evidence=.
  // Default: 3.
  int entity_evidence = 3;
  // The OpenAPI document served at /v1/openapi.json. Default: the one
  // built in (server/openapi.json).
  std::string openapi_json;
};

class ApiHandler {
 public:
  // Returns a handler over `store`, with `ingester` for document writes
  // (null: a read-only server, whose writes answer 503). Builds the first
  // snapshot. Errors of AccessControl::Create and GraphStore::View.
  // `store` and `ingester` must outlive the handler.
  static absl::StatusOr<std::unique_ptr<ApiHandler>> Create(
      graph::GraphStore* store, const ingest::Ingester* ingester,
      const ApiOptions& options);
  ~ApiHandler();

  // Answers `request`; never fails (errors are responses).
  Response Handle(const Request& request);

  // Answers `request` as Handle() would if that is quick and cannot block:
  // a GET of a search answer or entity page, when the current snapshot has
  // the page cached or the request is refused (access, a bad parameter).
  // Otherwise declines (nullopt) having had no effect: no rate-limit charge,
  // nothing in the metrics, for Handle() to answer it in full
  // (HttpServerOptions::quick).
  std::optional<Response> HandleQuick(const Request& request);

  // From now on, /v1/health answers 503 "shutting_down" and writes 503;
  // requests already running finish.
  void BeginShutdown() { shutting_down_.store(true); }

  std::shared_ptr<const Snapshot> snapshot() const {
    return snapshots_.Current();
  }

 private:
  friend struct Endpoints;
  ApiHandler(graph::GraphStore* store, const ingest::Ingester* ingester,
             const ApiOptions& options, std::unique_ptr<AccessControl> access,
             std::shared_ptr<const Snapshot> first);

  // What Route may answer: kQuick, only what costs no more than a cached
  // page (declining the rest); kFull, everything.
  enum class Mode { kQuick, kFull };
  // Routes `request`, adds the CORS headers and records the metrics; in
  // kQuick mode, nullopt for a request declined.
  std::optional<Response> Answer(const Request& request, Mode mode);
  // Routes `request`; sets `*endpoint` to its metrics name.
  std::optional<Response> Route(const Request& request, Mode mode,
                                std::string* endpoint);
  // Runs `write` under the writer lock and, if it returns true (the store
  // changed), builds and publishes the next snapshot before returning; sets
  // `*visible` to the time from commit to publication. Errors of `write`
  // and BuildSnapshot.
  absl::Status Write(const std::function<absl::StatusOr<bool>()>& write,
                     absl::Duration* visible);

  graph::GraphStore* const store_;
  const ingest::Ingester* const ingester_;
  const ApiOptions options_;
  const std::unique_ptr<AccessControl> access_;
  SnapshotHolder snapshots_;
  Metrics metrics_;
  const absl::Time started_;
  std::atomic<bool> shutting_down_{false};
  absl::Mutex write_mu_;
  uint64_t version_ ABSL_GUARDED_BY(write_mu_) = 1;
  std::atomic<int64_t> last_visible_micros_{0};
};

// The OpenAPI 3 document of the API (server/openapi.json, built in).
absl::string_view BuiltInOpenApi();

}  // namespace mskg::server

#endif  // MSKG_SERVER_API_HANDLER_H_
