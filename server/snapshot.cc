#include "server/snapshot.h"

#include <memory>

#include "util/status_macros.h"

namespace mskg::server {

absl::StatusOr<std::shared_ptr<const Snapshot>> BuildSnapshot(
    const graph::GraphStore& store, uint64_t version) {
  const absl::Time start = absl::Now();
  MSKG_ASSIGN_OR_RETURN(std::shared_ptr<const graph::GraphView> view,
                        store.View());
  const absl::Time viewed = absl::Now();
  auto snapshot = std::make_shared<Snapshot>(view);
  snapshot->view_time = viewed - start;
  snapshot->search = SearchIndex::Build(*view);
  snapshot->index_of_id.reserve(view->num_nodes());
  for (graph::NodeIndex v = 0; v < view->num_nodes(); ++v) {
    snapshot->index_of_id.emplace(view->node(v).id, v);
  }
  snapshot->version = version;
  snapshot->built = absl::Now();
  snapshot->build_time = snapshot->built - start;
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

}  // namespace mskg::server
