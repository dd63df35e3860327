// server/snapshot.h
//
// Snapshot: what a request reads, immutable and shared: the store's
// GraphView, a QueryEngine over it, the search index and the map from store
// node ids to view indices. SnapshotHolder holds the current one; a request
// takes a shared_ptr to it at its start and reads only that, so a write,
// which builds the next snapshot and then swaps it in, never tears a read
// and never makes a reader wait for the build.
//
// Thread-safety: Snapshot is immutable. SnapshotHolder's methods may be
// called from any thread.
#ifndef MSKG_SERVER_SNAPSHOT_H_
#define MSKG_SERVER_SNAPSHOT_H_

#include <cstdint>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "query/query_engine.h"
#include "server/page_cache.h"
#include "server/search_index.h"

namespace mskg::server {

struct Snapshot {
  std::shared_ptr<const graph::GraphView> view;
  query::QueryEngine engine;
  SearchIndex search;
  absl::flat_hash_map<uint64_t, graph::NodeIndex> index_of_id;
  uint64_t version = 0;       // 1 for the first, +1 per write.
  absl::Time built;           // When it was published.
  absl::Duration build_time;  // View plus indices.
  absl::Duration view_time;   // GraphStore::View() alone.
  // Entity pages built from this snapshot (mutable: a cache, not state).
  mutable PageCache pages;

  explicit Snapshot(std::shared_ptr<const graph::GraphView> v)
      : view(v), engine(std::move(v)) {}
};

// Returns a snapshot of `store` as it is now, numbered `version`. Errors of
// GraphStore::View().
absl::StatusOr<std::shared_ptr<const Snapshot>> BuildSnapshot(
    const graph::GraphStore& store, uint64_t version);

class SnapshotHolder {
 public:
  explicit SnapshotHolder(std::shared_ptr<const Snapshot> first)
      : current_(std::move(first)) {}

  // Returns the current snapshot; it stays valid while the caller holds it.
  std::shared_ptr<const Snapshot> Current() const {
    absl::ReaderMutexLock lock(&mu_);
    return current_;
  }

  // Makes `next` the snapshot of later Current() calls.
  void Publish(std::shared_ptr<const Snapshot> next) {
    {
      absl::MutexLock lock(&mu_);
      current_.swap(next);
    }
    // `next` holds the old snapshot now: if this was its last holder, the
    // whole graph is freed here, outside the lock.
  }

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const Snapshot> current_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_SNAPSHOT_H_
