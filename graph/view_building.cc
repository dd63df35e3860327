// graph/view_building.cc
//
// GraphStore::View(): the immutable GraphView of a snapshot. In order:
// the cached view if nothing was written since; else, if document writes
// are all that happened since the last view was built or mapped (the
// base), the base patched with what they changed (the delta: the triples
// whose support they wrote and the nodes whose records they wrote, each
// re-read from the RocksDB snapshot; up to kMinDeltaLimit or a quarter of
// the base's edges); else the store's snapshot file
// (snapshot_file.h) when its stamp matches the RocksDB snapshot's
// sequence number; else one scan of "nodes" and one of "supports". The
// inference rules (inference.h) are applied to the result unless the store
// was opened without them. Scanned views are written to the snapshot file
// by writable stores at once, patched ones at close.
//
// A patched view equals a full rebuild (view_delta_test.cc): nodes keep
// the store's id order (new ids are above every stored one), asserted
// edges the order of the "supports" keys, and inference reruns on the
// whole patched graph, since part_of_transitive and the inheritance rule
// reach arbitrarily far from a changed edge.
//
// The stamp is the sequence number of the RocksDB snapshot the view reads,
// so a crash between a write's commit and the file's rewrite leaves a file
// whose stamp is older than the store's: it is refused and rebuilt.
#include <algorithm>
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
#include "graph/store_testing.h"
#include "graph/view_patch.h"
#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "util/status_macros.h"

namespace mskg::graph {

using keys::Triple;

namespace {

// A delta may hold this many triples and nodes, or a quarter of the base's
// edges if more, before the next view scans the store instead.
constexpr size_t kMinDeltaLimit = 4096;

// Releases a RocksDB snapshot on scope exit.
class SnapshotHolder {
 public:
  SnapshotHolder(rocksdb::DB* db, const rocksdb::Snapshot* snapshot)
      : db_(db), snapshot_(snapshot) {}
  SnapshotHolder(const SnapshotHolder&) = delete;
  SnapshotHolder& operator=(const SnapshotHolder&) = delete;
  ~SnapshotHolder() { db_->ReleaseSnapshot(snapshot_); }
  const rocksdb::Snapshot* get() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::Impl::View()
    const {
  uint64_t generation = 0;
  std::shared_ptr<const GraphView> base;
  ViewDelta delta;
  const rocksdb::Snapshot* raw_snapshot = nullptr;
  {
    absl::MutexLock lock(&view_mu_);
    if (view_ != nullptr) return view_;
    generation = generation_;
    base = base_;
    // Taken with the delta, under the lock that BeginDeltaWrite() holds:
    // every write in the snapshot is in the delta (extra entries only
    // re-read what did not change).
    if (base != nullptr) delta = delta_;
    raw_snapshot = db_->GetSnapshot();
  }
  SnapshotHolder snapshot(db_.get(), raw_snapshot);
  snapshot::StoreStamp stamp;
  stamp.sequence = snapshot.get()->GetSequenceNumber();
  stamp.identity_hash = identity_hash_;
  stamp.inference = apply_inference_ ? 1 : 0;
  const std::string snapshot_path = SnapshotPath();
  if (base == nullptr) {
    // Any refusal (absent, stale, corrupt) means: rebuild from the store.
    absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
        MapSnapshotFile(snapshot_path, stamp);
    if (mapped.ok()) {
      return CacheView(generation, *std::move(mapped));
    }
  }
  MSKG_ASSIGN_OR_RETURN(std::shared_ptr<const GraphView> view,
                        BuildView(snapshot.get(), stamp, base.get(), delta));
  const bool patched = base != nullptr;
  if (!patched) PersistView(*view);
  {
    absl::MutexLock lock(&view_mu_);
    if (generation == generation_ && view_ == nullptr) {
      view_unpersisted_ = patched;
    }
  }
  return CacheView(generation, std::move(view));
}

absl::StatusOr<std::shared_ptr<const GraphView>>
GraphStore::Impl::RebuildViewForTesting() const {
  rocksdb::ManagedSnapshot snapshot(db_.get());
  snapshot::StoreStamp stamp;
  stamp.sequence = snapshot.snapshot()->GetSequenceNumber();
  stamp.identity_hash = identity_hash_;
  stamp.inference = apply_inference_ ? 1 : 0;
  return BuildView(snapshot.snapshot(), stamp, nullptr, ViewDelta());
}

absl::StatusOr<std::shared_ptr<const GraphView>> RebuildViewForTesting(
    const GraphStore& store) {
  return GraphStoreInternals::Of(store).RebuildViewForTesting();
}

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::Impl::BuildView(
    const rocksdb::Snapshot* snapshot, const snapshot::StoreStamp& stamp,
    const GraphView* base, const ViewDelta& delta) const {
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot;
  if (base != nullptr) {
    MSKG_ASSIGN_OR_RETURN(ViewPatch patch, ReadViewPatch(read_options, delta));
    std::shared_ptr<const GraphView> patched =
        PatchView(*base, patch, apply_inference_, stamp);
    if (patched != nullptr) return patched;
  }
  GraphViewBuilder builder;
  if (base != nullptr) {
    MSKG_RETURN_IF_ERROR(
        AddPatchedContent(read_options, *base, delta, &builder));
  } else {
    // Whole-column-family scans: read ahead, and keep the block cache for
    // point lookups.
    read_options.readahead_size = 4 << 20;
    read_options.fill_cache = false;
    MSKG_RETURN_IF_ERROR(AddScannedContent(read_options, &builder));
  }
  if (apply_inference_) ApplyInference(&builder);
  return builder.Finish(stamp);
}

absl::Status GraphStore::Impl::AddScannedContent(
    const rocksdb::ReadOptions& read_options,
    GraphViewBuilder* builder) const {
  {
    MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
    builder->Reserve(stats.nodes, stats.edges + stats.edges / 4);
  }
  absl::flat_hash_map<uint64_t, NodeIndex> index_by_id;
  MSKG_RETURN_IF_ERROR(ScanNodes(read_options, [&](const schema::Node& node) {
    std::vector<std::string> aliases(node.aliases().begin(),
                                     node.aliases().end());
    index_by_id[node.id()] =
        builder->AddNode(node.type(), node.name(), aliases, node.id());
    return absl::OkStatus();
  }));
  // Each edge's support goes to the builder still encoded (SupportList's
  // form: varint count, then varint length + bytes per provenance), cut
  // out of the stored values without parsing them. Rows of one triple (one
  // per document) are consecutive in key order: they are gathered first.
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kSupports)));
  Triple current;
  bool have = false;
  size_t count = 0;
  bool affirmed = false;
  std::string body;
  std::string encoded;
  auto flush = [&]() -> absl::Status {
    if (!have) return absl::OkStatus();
    auto source = index_by_id.find(current.source);
    auto target = index_by_id.find(current.target);
    if (source == index_by_id.end() || target == index_by_id.end()) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": support of a missing node (",
                       current.source, " -> ", current.target, ")"));
    }
    if (count == 0) {  // Rows without provenance: the edge alone.
      builder->AddEdge(source->second, current.relation, target->second);
      return absl::OkStatus();
    }
    encoded.clear();
    keys::AppendVarint64(&encoded, count);
    encoded.append(body);
    builder->AddEdgeEncodedCopy(source->second, current.relation,
                                target->second, encoded, !affirmed);
    return absl::OkStatus();
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Triple triple;
    absl::string_view document_id;
    if (!keys::DecodeSupportKey(ToView(it->key()), &triple, &document_id)) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": unreadable support record"));
    }
    if (!have || !(triple == current)) {
      MSKG_RETURN_IF_ERROR(flush());
      have = true;
      current = triple;
      count = 0;
      affirmed = false;
      body.clear();
    }
    const bool valid = keys::ForEachSupportProvenance(
        ToView(it->value()), [&](absl::string_view p, bool a) {
          keys::AppendVarint64(&body, p.size());
          body.append(p.data(), p.size());
          ++count;
          affirmed |= a;
        });
    if (!valid) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": unreadable support record"));
    }
  }
  MSKG_RETURN_IF_ERROR(flush());
  return FromRocksDb(it->status(), absl::StrCat("scan supports of ", path_));
}

absl::Status GraphStore::Impl::AddPatchedContent(
    const rocksdb::ReadOptions& read_options, const GraphView& base,
    const ViewDelta& delta, GraphViewBuilder* builder) const {
  builder->Reserve(base.num_nodes() + delta.nodes.size(),
                   base.num_edges() + delta.triples.size());
  // Nodes: the base's (ascending ids), the changed ones re-read, then the
  // new ones, ascending.
  absl::flat_hash_map<uint64_t, NodeIndex> index_by_id;
  std::vector<uint64_t> new_ids;
  uint64_t max_base_id = 0;
  for (NodeIndex v = 0; v < base.num_nodes(); ++v) {
    max_base_id = std::max(max_base_id, base.node(v).id);
  }
  for (uint64_t id : delta.nodes) {
    if (id > max_base_id) new_ids.push_back(id);
  }
  std::sort(new_ids.begin(), new_ids.end());
  schema::Node record;
  // Returns whether the node had a record in the snapshot.
  auto add_stored = [&](uint64_t id) -> absl::StatusOr<bool> {
    MSKG_ASSIGN_OR_RETURN(
        bool found, GetProto(read_options, kNodes, keys::NodeRowKey(id), &record));
    if (!found) return false;
    std::vector<std::string> aliases(record.aliases().begin(),
                                     record.aliases().end());
    index_by_id[id] =
        builder->AddNode(record.type(), record.name(), aliases, record.id());
    return true;
  };
  for (NodeIndex v = 0; v < base.num_nodes(); ++v) {
    const NodeInfo node = base.node(v);
    if (delta.nodes.contains(node.id)) {
      MSKG_ASSIGN_OR_RETURN(bool found, add_stored(node.id));
      if (found) continue;
    }
    index_by_id[node.id] = builder->AddNode(
        node.type, node.name, node.aliases.ToStrings(), node.id);
  }
  for (uint64_t id : new_ids) {
    MSKG_RETURN_IF_ERROR(add_stored(id).status());
  }
  // Asserted edges in "supports" key order: the base's, merged with the
  // changed triples re-read (those without support left are dropped).
  std::vector<Triple> changed(delta.triples.begin(), delta.triples.end());
  std::sort(changed.begin(), changed.end());
  struct BaseEdge {
    Triple triple;
    EdgeIndex index;
  };
  std::vector<BaseEdge> kept;
  kept.reserve(base.num_edges());
  for (EdgeIndex e = 0; e < base.num_edges(); ++e) {
    const EdgeInfo edge = base.edge(e);
    if (edge.inferred) continue;
    const Triple triple{base.node(edge.source).id, edge.relation,
                        base.node(edge.target).id};
    if (delta.triples.contains(triple)) continue;
    kept.push_back(BaseEdge{triple, e});
  }
  std::sort(kept.begin(), kept.end(), [](const BaseEdge& a, const BaseEdge& b) {
    return a.triple < b.triple;
  });
  auto node_index = [&](uint64_t id) -> absl::StatusOr<NodeIndex> {
    auto it = index_by_id.find(id);
    if (it == index_by_id.end()) {
      return absl::DataLossError(absl::StrCat(
          "store ", path_, ": support of a missing node (", id, ")"));
    }
    return it->second;
  };
  std::vector<schema::Provenance> provenance;
  // The base's support is copied encoded (`base` outlives the builder's
  // Finish(), in BuildView()): parsing and re-serializing it was most of
  // the cost of a patched view.
  auto add_base = [&](const BaseEdge& edge) -> absl::Status {
    MSKG_ASSIGN_OR_RETURN(NodeIndex source, node_index(edge.triple.source));
    MSKG_ASSIGN_OR_RETURN(NodeIndex target, node_index(edge.triple.target));
    builder->AddEdgeEncoded(source, edge.triple.relation, target,
                            base.EncodedSupport(edge.index),
                            base.edge(edge.index).negated);
    return absl::OkStatus();
  };
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kSupports)));
  auto add_changed = [&](const Triple& wanted) -> absl::Status {
    MSKG_RETURN_IF_ERROR(ReadTripleSupport(it.get(), wanted, &provenance));
    if (provenance.empty()) return absl::OkStatus();
    MSKG_ASSIGN_OR_RETURN(NodeIndex source, node_index(wanted.source));
    MSKG_ASSIGN_OR_RETURN(NodeIndex target, node_index(wanted.target));
    builder->AddEdgeMove(source, wanted.relation, target, &provenance);
    return absl::OkStatus();
  };
  size_t i = 0;
  size_t j = 0;
  while (i < kept.size() || j < changed.size()) {
    if (j == changed.size() ||
        (i < kept.size() && kept[i].triple < changed[j])) {
      MSKG_RETURN_IF_ERROR(add_base(kept[i++]));
    } else {
      MSKG_RETURN_IF_ERROR(add_changed(changed[j++]));
    }
  }
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::ReadTripleSupport(
    rocksdb::Iterator* it, const Triple& wanted,
    std::vector<schema::Provenance>* provenance) const {
  const std::string prefix = keys::SupportKey(wanted, "");
  provenance->clear();
  schema::Support support;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    Triple triple;
    MSKG_RETURN_IF_ERROR(ReadSupportRow(*it, &triple, &support));
    if (!(triple == wanted)) break;
    for (schema::Provenance& p : *support.mutable_provenance()) {
      provenance->push_back(std::move(p));
    }
  }
  return FromRocksDb(it->status(), absl::StrCat("read supports of ", path_));
}

absl::StatusOr<ViewPatch> GraphStore::Impl::ReadViewPatch(
    const rocksdb::ReadOptions& read_options, const ViewDelta& delta) const {
  ViewPatch patch;
  schema::Node record;
  for (uint64_t id : delta.nodes) {
    MSKG_ASSIGN_OR_RETURN(bool found, GetProto(read_options, kNodes,
                                               keys::NodeRowKey(id), &record));
    if (found) patch.nodes.push_back(record);
  }
  std::vector<Triple> changed(delta.triples.begin(), delta.triples.end());
  std::sort(changed.begin(), changed.end());
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kSupports)));
  patch.triples.resize(changed.size());
  for (size_t i = 0; i < changed.size(); ++i) {
    ViewPatch::Triple& t = patch.triples[i];
    t.source = changed[i].source;
    t.relation = changed[i].relation;
    t.target = changed[i].target;
    MSKG_RETURN_IF_ERROR(ReadTripleSupport(it.get(), changed[i], &t.support));
  }
  return patch;
}

void GraphStore::Impl::AdoptBuiltView(GraphViewBuilder* builder) const {
  uint64_t generation = 0;
  {
    absl::MutexLock lock(&view_mu_);
    generation = generation_;
  }
  snapshot::StoreStamp stamp;
  {
    // The sequence number a View() now would stamp its view with.
    SnapshotHolder snapshot(db_.get(), db_->GetSnapshot());
    stamp.sequence = snapshot.get()->GetSequenceNumber();
  }
  stamp.identity_hash = identity_hash_;
  stamp.inference = apply_inference_ ? 1 : 0;
  if (apply_inference_) ApplyInference(builder);
  std::shared_ptr<const GraphView> view = builder->Finish(stamp);
  PersistView(*view);
  CacheView(generation, std::move(view));
}

void GraphStore::Impl::PersistView(const GraphView& view) const {
  if (read_only_ || !persist_view_) return;
  // The stamp must not name writes a power cut could still take back:
  // sync the WAL first (writes do not sync it; no-WAL ones are flushed).
  absl::Status persisted = FromRocksDb(db_->FlushWAL(/*sync=*/true),
                                       absl::StrCat("sync WAL of ", path_));
  if (persisted.ok()) persisted = WriteSnapshotFile(SnapshotPath(), view);
  // The file is a cache: without it the next open rebuilds the view,
  // so a failed write must not fail the query that asked for the view.
  persisted.IgnoreError();
}

void GraphStore::Impl::PersistPatchedView() {
  std::shared_ptr<const GraphView> view;
  {
    absl::MutexLock lock(&view_mu_);
    if (!view_unpersisted_ || db_ == nullptr) return;
    view = view_;
    view_unpersisted_ = false;
  }
  if (view != nullptr) PersistView(*view);
}

std::shared_ptr<const GraphView> GraphStore::Impl::CacheView(
    uint64_t generation, std::shared_ptr<const GraphView> view) const {
  absl::MutexLock lock(&view_mu_);
  if (generation == generation_ && view_ == nullptr) {
    view_ = view;
    if (writes_in_flight_ == 0) {
      base_ = view;
      delta_.triples.clear();
      delta_.nodes.clear();
    }
  }
  return view;
}

void GraphStore::Impl::BeginDeltaWrite(const ViewDelta& delta) {
  absl::MutexLock lock(&view_mu_);
  ++writes_in_flight_;
  ++generation_;
  view_.reset();
  view_unpersisted_ = false;
  if (base_ == nullptr) return;
  delta_.triples.insert(delta.triples.begin(), delta.triples.end());
  delta_.nodes.insert(delta.nodes.begin(), delta.nodes.end());
  // Past this, one seek per changed triple costs more than a scan, and
  // the delta's memory grows with no view asked for: drop the base.
  const size_t limit = std::max<size_t>(kMinDeltaLimit, base_->num_edges() / 4);
  if (delta_.triples.size() + delta_.nodes.size() > limit) {
    base_.reset();
    delta_.triples.clear();
    delta_.nodes.clear();
  }
}

void GraphStore::Impl::EndDeltaWrite() {
  absl::MutexLock lock(&view_mu_);
  --writes_in_flight_;
  ++generation_;
  view_.reset();
}

}  // namespace mskg::graph
