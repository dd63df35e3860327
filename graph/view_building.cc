// graph/view_building.cc
//
// GraphStore::View(): the immutable GraphView of a snapshot, mapped from
// the store's snapshot file (snapshot_file.h) when its stamp matches the
// RocksDB snapshot's sequence number, else built by one scan of "nodes"
// and one of "supports" into a GraphViewBuilder, with the inference rules
// applied (inference.h) unless the store was opened without them, and
// written to the snapshot file by writable stores; cached until the next
// write.
//
// The stamp is the sequence number of the RocksDB snapshot the view reads,
// so a crash between a write's commit and the file's rewrite leaves a file
// whose stamp is older than the store's: it is refused and rebuilt.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/key_codec.h"
#include "graph/rocksdb_status.h"
#include "graph/snapshot_file.h"
#include "graph/snapshot_format.h"
#include "graph/store_impl.h"
#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "util/status_macros.h"

namespace mskg::graph {

using keys::Triple;

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::Impl::View()
    const {
  uint64_t generation = 0;
  {
    absl::MutexLock lock(&view_mu_);
    if (view_ != nullptr) return view_;
    generation = generation_;
  }
  rocksdb::ManagedSnapshot snapshot(db_.get());
  snapshot::StoreStamp stamp;
  stamp.sequence = snapshot.snapshot()->GetSequenceNumber();
  stamp.identity_hash = identity_hash_;
  stamp.inference = apply_inference_ ? 1 : 0;
  const std::string snapshot_path = SnapshotPath();
  {
    // Any refusal (absent, stale, corrupt) means: rebuild from the store.
    absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
        MapSnapshotFile(snapshot_path, stamp);
    if (mapped.ok()) return CacheView(generation, *std::move(mapped));
  }
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  // Whole-column-family scans: read ahead, and keep the block cache for
  // point lookups.
  read_options.readahead_size = 4 << 20;
  read_options.fill_cache = false;
  GraphViewBuilder builder;
  {
    MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
    builder.Reserve(stats.nodes, stats.edges + stats.edges / 4);
  }
  absl::flat_hash_map<uint64_t, NodeIndex> index_by_id;
  MSKG_RETURN_IF_ERROR(ScanNodes(read_options, [&](const schema::Node& node) {
    std::vector<std::string> aliases(node.aliases().begin(),
                                     node.aliases().end());
    index_by_id[node.id()] =
        builder.AddNode(node.type(), node.name(), aliases, node.id());
    return absl::OkStatus();
  }));
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(read_options, cf(kSupports)));
    schema::Support support;
    std::vector<schema::Provenance> provenance;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      Triple triple;
      MSKG_RETURN_IF_ERROR(ReadSupportRow(*it, &triple, &support));
      auto source = index_by_id.find(triple.source);
      auto target = index_by_id.find(triple.target);
      if (source == index_by_id.end() || target == index_by_id.end()) {
        return absl::DataLossError(
            absl::StrCat("store ", path_, ": support of a missing node (",
                         triple.source, " -> ", triple.target, ")"));
      }
      provenance.clear();
      for (schema::Provenance& p : *support.mutable_provenance()) {
        provenance.push_back(std::move(p));
      }
      builder.AddEdgeMove(source->second, triple.relation, target->second,
                          &provenance);
    }
    MSKG_RETURN_IF_ERROR(
        FromRocksDb(it->status(), absl::StrCat("scan supports of ", path_)));
  }
  if (apply_inference_) ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish(stamp);
  if (!read_only_ && persist_view_) {
    // The stamp must not name writes a power cut could still take back:
    // sync the WAL first (writes do not sync it; no-WAL ones are flushed).
    absl::Status persisted = FromRocksDb(
        db_->FlushWAL(/*sync=*/true), absl::StrCat("sync WAL of ", path_));
    if (persisted.ok()) persisted = WriteSnapshotFile(snapshot_path, *view);
    // The file is a cache: without it the next open rebuilds the view,
    // so a failed write must not fail the query that asked for the view.
    persisted.IgnoreError();
  }
  return CacheView(generation, std::move(view));
}

std::shared_ptr<const GraphView> GraphStore::Impl::CacheView(
    uint64_t generation, std::shared_ptr<const GraphView> view) const {
  absl::MutexLock lock(&view_mu_);
  if (generation == generation_ && view_ == nullptr) view_ = view;
  return view;
}

}  // namespace mskg::graph
