// server/status_endpoints.cc: GET /v1/health and GET /metrics.
#include <filesystem>
#include <system_error>
#include <vector>

#include "server/endpoints.h"
#include "server/json_body.h"
#include "server/responses.h"

namespace mskg::server {
namespace {

// Returns the bytes of the files under `path` (the store's directory).
uint64_t DirectoryBytes(const std::string& path) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(path, error), end;
       !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (it->is_regular_file(ignored)) total += it->file_size(ignored);
  }
  return total;
}

}  // namespace

absl::StatusOr<Response> Endpoints::Health(ApiHandler& api) {
  const std::shared_ptr<const Snapshot> snapshot = api.snapshots_.Current();
  const bool down = api.shutting_down_.load();
  const absl::Time now = absl::Now();
  return JsonResponse(
      down ? 503 : 200,
      Json{{"status", down ? "shutting_down" : "ok"},
           {"read_only", api.ingester_ == nullptr},
           {"uptime_seconds", absl::ToDoubleSeconds(now - api.started_)},
           {"snapshot",
            {{"version", snapshot->version},
             {"nodes", snapshot->view->num_nodes()},
             {"edges", snapshot->view->num_edges()},
             {"age_seconds", absl::ToDoubleSeconds(now - snapshot->built)},
             {"build_ms", absl::ToDoubleMilliseconds(snapshot->build_time)},
             {"view_ms", absl::ToDoubleMilliseconds(snapshot->view_time)}}}});
}

absl::StatusOr<Response> Endpoints::Metrics(ApiHandler& api) {
  const std::shared_ptr<const Snapshot> snapshot = api.snapshots_.Current();
  const std::vector<Gauge> gauges = {
      {"mskg_store_bytes", "Bytes of the store's files on disk.",
       static_cast<double>(DirectoryBytes(api.store_->path()))},
      {"mskg_snapshot_version", "Version of the snapshot reads use.",
       static_cast<double>(snapshot->version)},
      {"mskg_snapshot_age_seconds",
       "Seconds since that snapshot was published.",
       absl::ToDoubleSeconds(absl::Now() - snapshot->built)},
      {"mskg_snapshot_build_seconds",
       "Time its view and indices took to build.",
       absl::ToDoubleSeconds(snapshot->build_time)},
      {"mskg_write_visible_seconds",
       "Time from the last write's commit to its snapshot's publication.",
       api.last_visible_micros_.load() / 1e6},
      {"mskg_graph_nodes", "Nodes in the snapshot.",
       static_cast<double>(snapshot->view->num_nodes())},
      {"mskg_graph_edges", "Edges in the snapshot, inferred ones included.",
       static_cast<double>(snapshot->view->num_edges())},
  };
  Response response;
  response.SetHeader("Content-Type", "text/plain; version=0.0.4");
  response.body = api.metrics_.Render(gauges);
  return response;
}

}  // namespace mskg::server
