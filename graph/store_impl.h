// graph/store_impl.h
//
// GraphStore::Impl: the state of an open store (the RocksDB handle and its
// column families, the writer mutex, the node id counter, the cached view)
// and the operations of every stage. Each stage has its own file:
//
//   store_open.cc       Open(): path checks, atomic creation, the file-set
//                       lock, the format record; single-row reads
//   document_writer.cc  PutDocument(), DeleteDocument() (document_writer.h)
//   bulk_loader.cc      BulkLoad(), BulkLoadTriples() (bulk_loader.h)
//   store_scans.cc      ForEachNode() and the other scans (store_scans.h)
//   view_building.cc    View(): the last view patched with the writes'
//                       delta, else the view snapshot file, else a rebuild
//
// Thread-safety: as GraphStore's (graph_store.h). write_mu_ serializes
// writers; view_mu_ guards the cached view, the base and its delta.
//
// Private to //graph.
#ifndef MSKG_GRAPH_STORE_IMPL_H_
#define MSKG_GRAPH_STORE_IMPL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/key_codec.h"
#include "graph/sst_file.h"
#include "graph/store_scans.h"
#include "graph/view_patch.h"
#include "rocksdb/db.h"
#include "schema/graph.pb.h"
#include "util/status_macros.h"

namespace mskg::graph {

class GraphViewBuilder;
class SstTriplesLoader;
namespace snapshot {
struct StoreStamp;
}

// The column families, in the order of CfIndex.
inline constexpr const char* kColumnFamilies[] = {
    keys::kNodesCf,    keys::kNodeKeysCf,  keys::kEdgesCf,
    keys::kSupportsCf, keys::kDocumentsCf, keys::kMetaCf};
inline constexpr int kNumColumnFamilies = 6;
enum CfIndex { kNodes, kNodeKeys, kEdges, kSupports, kDocuments, kMeta };

inline absl::string_view ToView(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

class GraphStore::Impl {
 public:
  ~Impl() {
    PersistPatchedView();
    CloseDb();
  }

  // ---- store_open.cc ----
  absl::Status Open(absl::string_view path, const GraphStoreOptions& options);
  // Releases the column family handles and closes RocksDB, if open.
  void CloseDb();
  absl::StatusOr<StoreStats> Stats() const;
  const std::string& path() const { return path_; }

  // ---- document_writer.cc ----
  absl::StatusOr<DocumentWriteResult> PutDocument(
      const schema::DocumentClaims& doc);
  absl::Status DeleteDocument(absl::string_view document_id);
  absl::StatusOr<schema::Document> GetDocument(
      absl::string_view document_id) const;

  // ---- bulk_loader.cc ----
  absl::Status BulkLoad(const std::vector<schema::DocumentClaims>& docs);
  // Loads `*given` (if not null) as the first chunk, then those of
  // `next_chunk`.
  absl::Status BulkLoadTriples(const TripleBatch* given,
                               const TripleChunkSource& next_chunk);

  // ---- store_scans.cc ----
  absl::Status ForEachNode(
      const std::function<absl::Status(const schema::Node&)>& fn) const;
  absl::Status ForEachEdge(
      const std::function<absl::Status(const StoredEdge&)>& fn) const;
  absl::Status ForEachSupportRow(
      const std::function<absl::Status(const schema::Node&)>& node_fn,
      const std::function<absl::Status(const SupportRow&)>& row_fn) const;
  // Calls `fn` for every node record read with `read_options`.
  absl::Status ScanNodes(
      const rocksdb::ReadOptions& read_options,
      const std::function<absl::Status(const schema::Node&)>& fn) const;

  // ---- view_building.cc ----
  absl::StatusOr<std::shared_ptr<const GraphView>> View() const;
  // Returns a view built from a full scan of the store, ignoring the
  // cached view, the delta and the snapshot file (tests compare it with
  // View()).
  absl::StatusOr<std::shared_ptr<const GraphView>> RebuildViewForTesting()
      const;
  // The view snapshot file (snapshot_file.h) in the store's folder.
  std::string SnapshotPath() const;

 private:
  class Writer;  // document_writer.h

  rocksdb::ColumnFamilyHandle* cf(CfIndex i) const { return handles_[i + 1]; }

  // ---- store_open.cc ----
  // Opens RocksDB at path_ with mskg's column families, creating the
  // database and its format record if `create`.
  absl::Status OpenDb(bool create);
  absl::Status OpenDbOnce(bool create);
  absl::Status InitializeMeta() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // FailedPrecondition for a store of format `version`, saying how to
  // rebuild it.
  absl::Status OldFormatError(absl::string_view version) const;
  // Reads `key` of `family` into `value`. Returns false if absent.
  absl::StatusOr<bool> Get(const rocksdb::ReadOptions& read_options,
                           CfIndex family, absl::string_view key,
                           std::string* value) const;
  template <typename Proto>
  absl::StatusOr<bool> GetProto(const rocksdb::ReadOptions& read_options,
                                CfIndex family, absl::string_view key,
                                Proto* proto) const;
  absl::StatusOr<keys::StoredStats> ReadStats() const;
  // The support row under `it`: its triple and record; DataLoss if either
  // does not decode (store_scans.cc).
  absl::Status ReadSupportRow(const rocksdb::Iterator& it, keys::Triple* triple,
                              schema::Support* support) const;
  absl::Status CheckWritable() const;
  // Drops the cached view and the base the next one could be patched
  // from (bulk loads: the next View() rescans the store).
  void InvalidateView();
  // What a document write changed, for the next View() to patch the base
  // with: the triples whose support rows it wrote or deleted and the nodes
  // whose records it wrote. BeginDeltaWrite() before the batch is written
  // records them and marks a write in flight; EndDeltaWrite() after it
  // drops the cached view (document_writer.cc).
  struct ViewDelta {
    absl::flat_hash_set<keys::Triple> triples;
    absl::flat_hash_set<uint64_t> nodes;
  };
  void BeginDeltaWrite(const ViewDelta& delta);
  void EndDeltaWrite();
  // The view of `snapshot`: `base` patched with `delta` if `base` is not
  // null, else a full scan; inference applied (view_building.cc).
  absl::StatusOr<std::shared_ptr<const GraphView>> BuildView(
      const rocksdb::Snapshot* snapshot, const snapshot::StoreStamp& stamp,
      const GraphView* base, const ViewDelta& delta) const;
  // Finishes `builder`, which holds exactly what a scan of the store would
  // read now (a triples import into an empty store), as the cached view and
  // the base of the next patch, inference applied, and writes it to the
  // snapshot file. REQUIRES: write_mu_ held since the content was written,
  // so that no write happened since.
  void AdoptBuiltView(GraphViewBuilder* builder) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Writes the cached view to the snapshot file if it was patched and not
  // written yet (at close).
  void PersistPatchedView();
  // Syncs the WAL and writes `view` to the snapshot file; failures are
  // dropped (the file is a cache).
  void PersistView(const GraphView& view) const;
  absl::Status AddScannedContent(const rocksdb::ReadOptions& read_options,
                                 GraphViewBuilder* builder) const;
  absl::Status AddPatchedContent(const rocksdb::ReadOptions& read_options,
                                 const GraphView& base, const ViewDelta& delta,
                                 GraphViewBuilder* builder) const;
  // Reads what `delta` names as the snapshot of `read_options` holds it.
  absl::StatusOr<ViewPatch> ReadViewPatch(
      const rocksdb::ReadOptions& read_options, const ViewDelta& delta) const;
  // Sets `*provenance` to every provenance stored for `wanted`, seeking
  // `it` (over "supports").
  absl::Status ReadTripleSupport(
      rocksdb::Iterator* it, const keys::Triple& wanted,
      std::vector<schema::Provenance>* provenance) const;
  // Caches `view` unless a write happened since `generation` was read;
  // returns it (view_building.cc).
  std::shared_ptr<const GraphView> CacheView(
      uint64_t generation, std::shared_ptr<const GraphView> view) const;
  // Deletes the files RocksDB no longer needs, if no read-only open is
  // under way and (unless `now`) the last purge is a second old.
  void PurgeObsoleteFiles(bool now = false);

  // ---- document_writer.cc ----
  // Commits `writer` and, once its batch is written, advances the node id
  // counter and drops the cached view, even if the commit then fails.
  absl::Status CommitWriter(Writer* writer, DocumentWriteResult* result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  // ---- bulk_loader.cc ----
  // The column families and paths the SST bulk loaders write to.
  SstBulkTarget MakeSstTarget() const;
  // Runs one SST bulk load (SstBulkLoad) against this store; on success
  // advances the node id counter. Returns whether it loaded (false: some
  // document is stored already, nothing written).
  using SstLoad = std::function<absl::StatusOr<bool>(
      const SstBulkTarget&, keys::StoredStats*, uint64_t*)>;
  absl::StatusOr<bool> RunSstLoad(const SstLoad& load, keys::StoredStats* stats)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // BulkLoad() once `docs` are validated.
  absl::Status BulkLoadLocked(const std::vector<schema::DocumentClaims>& docs)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Loads `current` (validated) and the chunks after it with `loader`,
  // then finishes it; reads each next chunk into one of `buffers` (two,
  // one of which may be `current`) while the one before is loaded.
  absl::Status LoadTripleChunks(const TripleChunkSource& next_chunk,
                                const TripleBatch* current,
                                TripleBatch* buffers, SstTriplesLoader* loader)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  std::string path_;
  bool read_only_ = false;
  absl::Time last_purge_ = absl::InfinitePast();
  int64_t bulk_sst_min_claims_ = 0;
  bool apply_inference_ = true;
  bool persist_view_ = true;
  // snapshot::StableHash64 of RocksDB's database identity.
  uint64_t identity_hash_ = 0;
  std::unique_ptr<rocksdb::DB> db_;
  // handles_[0] is "default"; handles_[i + 1] is kColumnFamilies[i].
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;

  // Serializes writers; guards the id counter.
  absl::Mutex write_mu_;
  uint64_t next_node_id_ ABSL_GUARDED_BY(write_mu_) = 1;
  // Node ids by identity (keys::NodeIdentityKey), of nodes the writers have
  // committed, so that a document's nodes are rarely looked up in
  // "node_keys". Nodes are never deleted and an identity's id never
  // changes once committed, so an entry never goes stale; it is added only
  // after a successful commit, since an id given in a failed write may be
  // given again. Cleared when it reaches kMaxCachedNodeIds (~80 bytes each).
  static constexpr size_t kMaxCachedNodeIds = size_t{1} << 18;
  absl::flat_hash_map<std::string, uint64_t> node_id_cache_
      ABSL_GUARDED_BY(write_mu_);

  mutable absl::Mutex view_mu_;
  mutable std::shared_ptr<const GraphView> view_ ABSL_GUARDED_BY(view_mu_);
  // Incremented by every write; a view built across a write is not cached.
  mutable uint64_t generation_ ABSL_GUARDED_BY(view_mu_) = 0;
  // The last view built or mapped, and what document writes changed since
  // it: the next View() patches it instead of scanning the store. Null
  // after a bulk load (then the next View() scans).
  mutable std::shared_ptr<const GraphView> base_ ABSL_GUARDED_BY(view_mu_);
  mutable ViewDelta delta_ ABSL_GUARDED_BY(view_mu_);
  // Document writes between BeginDeltaWrite() and EndDeltaWrite(): no view
  // built meanwhile becomes the base.
  mutable int writes_in_flight_ ABSL_GUARDED_BY(view_mu_) = 0;
  // Whether view_ was built by patching and not yet written to the
  // snapshot file (the destructor writes it).
  mutable bool view_unpersisted_ ABSL_GUARDED_BY(view_mu_) = false;
};

template <typename Proto>
absl::StatusOr<bool> GraphStore::Impl::GetProto(
    const rocksdb::ReadOptions& read_options, CfIndex family,
    absl::string_view key, Proto* proto) const {
  std::string value;
  MSKG_ASSIGN_OR_RETURN(bool found, Get(read_options, family, key, &value));
  if (!found) return false;
  if (!proto->ParseFromString(value)) {
    return absl::DataLossError(absl::StrCat(
        "store ", path_, ": unreadable ", kColumnFamilies[family], " record"));
  }
  return true;
}

// How bulk_loader.cc and store_scans.cc reach the Impl of a GraphStore
// (GraphStore befriends this class).
class GraphStoreInternals {
 public:
  static GraphStore::Impl& Of(GraphStore& store) { return *store.impl_; }
  static const GraphStore::Impl& Of(const GraphStore& store) {
    return *store.impl_;
  }
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STORE_IMPL_H_
