// graph/graph_store.cc
//
// GraphStore on RocksDB: opening (with the path checks), document writes as
// one WriteBatch each, the bulk path, reads, and the cached GraphView. The
// key layout is in key_codec.h.
#include "graph/graph_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/file_set_lock.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/key_codec.h"
#include "graph/rocksdb_status.h"
#include "graph/sst_bulk_loader.h"
#include "graph/sst_file.h"
#include "graph/sst_triples_loader.h"
#include "graph/store_creation.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;
using keys::Triple;
using TripleChunkSource = GraphStore::TripleChunkSource;

// Batches larger than this skip the WAL and are flushed instead (BulkLoad).
constexpr size_t kNoWalBatchBytes = 16 << 20;

constexpr const char* kColumnFamilies[] = {
    keys::kNodesCf,    keys::kNodeKeysCf,  keys::kEdgesCf,
    keys::kSupportsCf, keys::kDocumentsCf, keys::kMetaCf};
constexpr int kNumColumnFamilies = 6;
enum CfIndex {
  kNodes,
  kNodeKeys,
  kEdges,
  kSupports,
  kDocuments,
  kMeta
};

bool ValidNodeType(schema::NodeType type) {
  return type > schema::NODE_TYPE_UNSPECIFIED && type < kNumNodeTypes;
}

bool ValidRelation(schema::Relation relation) {
  return relation > schema::RELATION_UNSPECIFIED && relation < kNumRelations;
}

// Returns true if NameKey(name) is not empty, cheaply in the common case
// (an ASCII letter or digit, which NameKey keeps).
bool HasNameKey(absl::string_view name) {
  for (const char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return true;
    }
  }
  return !NameKey(name).empty();
}

bool ValidNodeKey(const schema::NodeKey& key) {
  return ValidNodeType(key.type()) && HasNameKey(key.name());
}

absl::Status ValidateNodeKey(const schema::NodeKey& key,
                             absl::string_view what) {
  if (!ValidNodeType(key.type())) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " '", key.name(), "' has no valid node type (", key.type(), ")"));
  }
  if (NameKey(key.name()).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has no name ('", key.name(), "')"));
  }
  return absl::OkStatus();
}

// Returns InvalidArgument naming the first bad claim or mention of `doc`.
absl::Status ValidateDocument(const schema::DocumentClaims& doc) {
  if (doc.document_id().empty()) {
    return absl::InvalidArgumentError("document has an empty document_id");
  }
  for (int i = 0; i < doc.claims_size(); ++i) {
    const schema::Claim& claim = doc.claims(i);
    if (ValidNodeKey(claim.subject()) && ValidNodeKey(claim.object()) &&
        ValidRelation(claim.relation())) {
      continue;  // The common case, without building messages.
    }
    const std::string prefix =
        absl::StrCat("document ", doc.document_id(), ": claim ", i, ": ");
    MSKG_RETURN_IF_ERROR(
        ValidateNodeKey(claim.subject(), absl::StrCat(prefix, "subject")));
    MSKG_RETURN_IF_ERROR(
        ValidateNodeKey(claim.object(), absl::StrCat(prefix, "object")));
    if (!ValidRelation(claim.relation())) {
      return absl::InvalidArgumentError(absl::StrCat(
          prefix, "has no valid relation (", claim.relation(), ")"));
    }
  }
  for (int i = 0; i < doc.mentions_size(); ++i) {
    MSKG_RETURN_IF_ERROR(ValidateNodeKey(
        doc.mentions(i),
        absl::StrCat("document ", doc.document_id(), ": mention ", i)));
  }
  return absl::OkStatus();
}

absl::string_view ToView(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

}  // namespace

class GraphStore::Impl {
 public:
  ~Impl() { CloseDb(); }

  // Releases the column family handles and closes RocksDB, if open.
  void CloseDb() {
    if (db_ != nullptr) {
      PurgeObsoleteFiles(/*now=*/true);
      for (rocksdb::ColumnFamilyHandle* handle : handles_) {
        db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
      }
      db_->Close().PermitUncheckedError();
      db_.reset();
    }
    handles_.clear();
  }

  absl::Status Open(absl::string_view path, const GraphStoreOptions& options);
  // Opens RocksDB at path_ with mskg's column families, creating the
  // database and its format record if `create`.
  absl::Status OpenDb(bool create);
  absl::Status OpenDbOnce(bool create);

  absl::StatusOr<DocumentWriteResult> PutDocument(
      const schema::DocumentClaims& doc);
  absl::Status DeleteDocument(absl::string_view document_id);
  absl::StatusOr<schema::Document> GetDocument(
      absl::string_view document_id) const;
  absl::Status BulkLoad(const std::vector<schema::DocumentClaims>& docs);
  // Loads `*given` (if not null) as the first chunk, then those of
  // `next_chunk`.
  absl::Status BulkLoadTriples(const TripleBatch* given,
                               const TripleChunkSource& next_chunk);
  absl::StatusOr<StoreStats> Stats() const;
  // Calls `fn` for every node record read with `read_options`.
  absl::Status ScanNodes(
      const rocksdb::ReadOptions& read_options,
      const std::function<absl::Status(const schema::Node&)>& fn) const;
  absl::Status ForEachNode(
      const std::function<absl::Status(const schema::Node&)>& fn) const;
  absl::Status ForEachEdge(
      const std::function<absl::Status(const StoredEdge&)>& fn) const;
  absl::Status ForEachSupportRow(
      const std::function<absl::Status(const schema::Node&)>& node_fn,
      const std::function<absl::Status(const SupportRow&)>& row_fn) const;
  absl::StatusOr<std::shared_ptr<const GraphView>> View() const;

  const std::string& path() const { return path_; }

 private:
  class Writer;

  rocksdb::ColumnFamilyHandle* cf(CfIndex i) const { return handles_[i + 1]; }

  // Reads `key` of `family` into `value`. Returns false if absent.
  absl::StatusOr<bool> Get(const rocksdb::ReadOptions& read_options,
                           CfIndex family, absl::string_view key,
                           std::string* value) const;
  template <typename Proto>
  absl::StatusOr<bool> GetProto(const rocksdb::ReadOptions& read_options,
                                CfIndex family, absl::string_view key,
                                Proto* proto) const;
  absl::StatusOr<keys::StoredStats> ReadStats() const;
  absl::Status CheckWritable() const;
  // FailedPrecondition for a store of format `version`, saying how to
  // rebuild it.
  absl::Status OldFormatError(absl::string_view version) const;
  absl::Status InitializeMeta() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  void InvalidateView();
  // Deletes the files RocksDB no longer needs, if no read-only open is
  // under way and (unless `now`) the last purge is a second old.
  void PurgeObsoleteFiles(bool now = false);
  // The column families and paths the SST bulk loader writes to.
  SstBulkTarget MakeSstTarget() const;
  // Runs one SST bulk load (SstBulkLoad or SstBulkLoadTriples) against this
  // store; on success advances the node id counter. Returns whether it
  // loaded (false: some document is stored already, nothing written).
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
  // Commits `writer` and, once its batch is written, advances the node id
  // counter and drops the cached view, even if the commit then fails.
  absl::Status CommitWriter(Writer* writer, DocumentWriteResult* result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  std::string path_;
  bool read_only_ = false;
  absl::Time last_purge_ = absl::InfinitePast();
  int64_t bulk_sst_min_claims_ = 0;
  bool apply_inference_ = true;
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
};

// One write transaction: accumulates the changes of one or more documents
// in memory (nodes merged, edge support counted), then writes them in one
// WriteBatch. REQUIRES: the store's write_mu_ is held for its lifetime.
class GraphStore::Impl::Writer {
 public:
  Writer(Impl* impl, uint64_t next_node_id, const keys::StoredStats& stats)
      : impl_(impl), next_node_id_(next_node_id), stats_(stats) {
    // On an empty store nothing needs to be looked up (the bulk case).
    nodes_empty_ = stats.nodes == 0;
    edges_empty_ = stats.edges == 0;
  }

  // Replaces what `doc` said before (if anything) by its claims; sets
  // `result->unchanged` (and adds nothing) if its content hash is stored.
  absl::Status ApplyDocument(const schema::DocumentClaims& doc,
                             DocumentWriteResult* result);
  // Removes a stored document and its support.
  absl::Status RemoveDocument(const schema::Document& stored);
  // Adds the node, edge and meta rows to the batch and writes it; large
  // batches skip the WAL and are flushed instead. Unavailable if such a
  // batch was written but its flush failed: then written() is true.
  absl::Status Commit(DocumentWriteResult* result);

  uint64_t next_node_id() const { return next_node_id_; }
  // The ids of the nodes the writer resolved, by identity.
  const absl::flat_hash_map<std::string, uint64_t>& node_ids() const {
    return id_by_identity_;
  }
  // True once the batch is in the database (visible to reads), even if a
  // later flush failed: the store's id counter and view must follow it.
  bool written() const { return written_; }

 private:
  struct PendingNode {
    schema::Node node;  // Empty while !loaded.
    bool is_new = false;
    // The stored record is read only when aliases must be merged into it.
    bool loaded = false;
  };
  struct Delta {
    int64_t documents = 0;
    int64_t sentences = 0;
  };

  // A buffered write. Commit() sorts each column family's writes by key
  // before adding them to the batch: sorted memtable inserts are several
  // times faster than random ones on large batches.
  struct Op {
    std::string key;
    std::string value;
    bool is_delete = false;
  };
  void Put(CfIndex family, std::string key, std::string value) {
    ops_[family].push_back(Op{std::move(key), std::move(value), false});
  }
  void Delete(CfIndex family, std::string key) {
    ops_[family].push_back(Op{std::move(key), std::string(), true});
  }
  // Moves the buffered writes into batch_, sorted; the last write of a key
  // wins.
  void FillBatch();

  absl::StatusOr<uint64_t> ResolveNode(const schema::NodeKey& key);
  // Returns the stored id of the node `identity` (named `name`), if any,
  // from the store's cache or "node_keys". DataLoss if its row is bad.
  absl::StatusOr<std::optional<uint64_t>> FindStoredNode(
      const std::string& identity, absl::string_view name);
  absl::Status RemoveClaims(const schema::Document& stored);

  Impl* impl_;
  rocksdb::ReadOptions read_options_;
  rocksdb::WriteBatch batch_;
  uint64_t next_node_id_;
  bool written_ = false;
  keys::StoredStats stats_;
  bool nodes_empty_ = false;
  bool edges_empty_ = false;
  int64_t nodes_added_ = 0;
  absl::flat_hash_map<std::string, uint64_t> id_by_identity_;
  absl::flat_hash_map<uint64_t, PendingNode> nodes_;
  absl::flat_hash_map<uint64_t, bool> dirty_;
  absl::flat_hash_map<Triple, Delta> deltas_;
  absl::flat_hash_set<std::string> documents_in_batch_;
  std::vector<Op> ops_[kNumColumnFamilies];
};

void GraphStore::Impl::Writer::FillBatch() {
  std::vector<std::pair<absl::string_view, uint32_t>> order;
  for (int family = 0; family < kNumColumnFamilies; ++family) {
    std::vector<Op>& ops = ops_[family];
    order.clear();
    order.reserve(ops.size());
    for (uint32_t i = 0; i < ops.size(); ++i) order.emplace_back(ops[i].key, i);
    // By key, then by write order, so the last write of a key comes last.
    std::sort(order.begin(), order.end());
    rocksdb::ColumnFamilyHandle* handle =
        impl_->cf(static_cast<CfIndex>(family));
    for (size_t i = 0; i < order.size(); ++i) {
      if (i + 1 < order.size() && order[i + 1].first == order[i].first) {
        continue;
      }
      const Op& op = ops[order[i].second];
      if (op.is_delete) {
        batch_.Delete(handle, op.key);
      } else {
        batch_.Put(handle, op.key, op.value);
      }
    }
    std::vector<Op>().swap(ops);
  }
}

absl::StatusOr<std::optional<uint64_t>>
GraphStore::Impl::Writer::FindStoredNode(const std::string& identity,
                                         absl::string_view name) {
  impl_->write_mu_.AssertHeld();
  if (auto it = impl_->node_id_cache_.find(identity);
      it != impl_->node_id_cache_.end()) {
    return it->second;
  }
  if (nodes_empty_) return std::nullopt;
  std::string value;
  MSKG_ASSIGN_OR_RETURN(bool found,
                        impl_->Get(read_options_, kNodeKeys, identity, &value));
  if (!found) return std::nullopt;
  if (value.size() != 8) {
    return absl::DataLossError(absl::StrCat(
        "store ", impl_->path_, ": bad node_keys row for '", name, "'"));
  }
  return keys::ReadBigEndian64(value);
}

absl::StatusOr<uint64_t> GraphStore::Impl::Writer::ResolveNode(
    const schema::NodeKey& key) {
  std::string identity = keys::NodeIdentityKey(key.type(), key.name());
  uint64_t id = 0;
  auto it = id_by_identity_.find(identity);
  if (it != id_by_identity_.end()) {
    id = it->second;
  } else {
    MSKG_ASSIGN_OR_RETURN(std::optional<uint64_t> stored,
                          FindStoredNode(identity, key.name()));
    PendingNode pending;
    if (stored.has_value()) {
      id = *stored;
    } else {
      id = next_node_id_++;
      pending.is_new = true;
      pending.loaded = true;
      pending.node.set_id(id);
      pending.node.set_type(key.type());
      pending.node.set_name(key.name());
      ++nodes_added_;
      ++stats_.nodes;
      ++stats_.nodes_by_type[key.type()];
      dirty_[id] = true;
    }
    nodes_.emplace(id, std::move(pending));
    id_by_identity_.emplace(std::move(identity), id);
  }
  if (key.aliases_size() > 0) {
    PendingNode& pending = nodes_[id];
    if (!pending.loaded) {
      MSKG_ASSIGN_OR_RETURN(
          bool has_node, impl_->GetProto(read_options_, kNodes,
                                         keys::NodeRowKey(id), &pending.node));
      if (!has_node) {
        return absl::DataLossError(absl::StrCat(
            "store ", impl_->path_, ": node ", id, " has no record"));
      }
      pending.loaded = true;
    }
    schema::Node& node = pending.node;
    for (const std::string& alias : key.aliases()) {
      if (alias == node.name() || NameKey(alias).empty() ||
          std::find(node.aliases().begin(), node.aliases().end(), alias) !=
              node.aliases().end()) {
        continue;
      }
      node.add_aliases(alias);
      dirty_[id] = true;
    }
  }
  return id;
}

absl::Status GraphStore::Impl::Writer::RemoveClaims(
    const schema::Document& stored) {
  for (const schema::Document::ClaimRef& ref : stored.claims()) {
    const Triple triple{ref.source(), ref.relation(), ref.target()};
    const std::string key = keys::SupportKey(triple, stored.id());
    schema::Support support;
    MSKG_ASSIGN_OR_RETURN(
        bool found, impl_->GetProto(read_options_, kSupports, key, &support));
    if (!found) continue;
    Delete(kSupports, key);
    Delta& delta = deltas_[triple];
    delta.documents -= 1;
    delta.sentences -= support.provenance_size();
  }
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Writer::RemoveDocument(
    const schema::Document& stored) {
  MSKG_RETURN_IF_ERROR(RemoveClaims(stored));
  Delete(kDocuments, stored.id());
  --stats_.documents;
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Writer::ApplyDocument(
    const schema::DocumentClaims& doc, DocumentWriteResult* result) {
  if (!documents_in_batch_.insert(doc.document_id()).second) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document ", doc.document_id(), " appears twice in one write"));
  }
  schema::Document stored;
  MSKG_ASSIGN_OR_RETURN(
      bool exists,
      impl_->GetProto(read_options_, kDocuments, doc.document_id(), &stored));
  if (exists && !doc.content_hash().empty() &&
      stored.content_hash() == doc.content_hash()) {
    result->unchanged = true;
    return absl::OkStatus();
  }
  if (exists) {
    result->replaced = true;
    MSKG_RETURN_IF_ERROR(RemoveClaims(stored));
  } else {
    ++stats_.documents;
  }

  // Claims grouped by (source, relation, target), exact duplicates dropped.
  std::map<Triple, std::vector<const schema::Claim*>> grouped;
  for (const schema::Claim& claim : doc.claims()) {
    MSKG_ASSIGN_OR_RETURN(uint64_t source, ResolveNode(claim.subject()));
    MSKG_ASSIGN_OR_RETURN(uint64_t target, ResolveNode(claim.object()));
    grouped[Triple{source, claim.relation(), target}].push_back(&claim);
  }
  for (const schema::NodeKey& mention : doc.mentions()) {
    MSKG_RETURN_IF_ERROR(ResolveNode(mention).status());
  }

  schema::Document record;
  record.set_id(doc.document_id());
  record.set_content_hash(doc.content_hash());
  record.set_size_bytes(doc.size_bytes());
  record.set_ingested_unix_micros(keys::IngestTimeMicros());
  std::string value;
  std::string bytes;
  absl::flat_hash_set<std::string> seen;
  for (const auto& [triple, claims] : grouped) {
    // The Support record, field by field (key_codec.h); equal provenance
    // once.
    value.clear();
    seen.clear();
    int64_t sentences = 0;
    for (const schema::Claim* claim : claims) {
      keys::SerializeStoredProvenance(claim->provenance(), doc.document_id(),
                                      &bytes);
      if (!seen.insert(bytes).second) continue;
      keys::AppendSupportField(bytes, &value);
      ++sentences;
    }
    result->claims += sentences;
    Put(kSupports, keys::SupportKey(triple, doc.document_id()), value);
    Delta& delta = deltas_[triple];
    delta.documents += 1;
    delta.sentences += sentences;
    schema::Document::ClaimRef* ref = record.add_claims();
    ref->set_source(triple.source);
    ref->set_relation(triple.relation);
    ref->set_target(triple.target);
  }
  record.SerializeToString(&value);
  Put(kDocuments, doc.document_id(), value);
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Writer::Commit(DocumentWriteResult* result) {
  std::string value;
  // Nodes: record and, for new ones, identity.
  for (const auto& [id, unused] : dirty_) {
    const PendingNode& pending = nodes_[id];
    const schema::Node& node = pending.node;
    node.SerializeToString(&value);
    const std::string row = keys::NodeRowKey(id);
    Put(kNodes, row, value);
    if (pending.is_new) {
      Put(kNodeKeys, keys::NodeIdentityKey(node.type(), node.name()), row);
    }
  }
  // Edges: apply the support deltas to the stored counts.
  for (const auto& [triple, delta] : deltas_) {
    if (delta.documents == 0 && delta.sentences == 0) continue;
    const std::string out_key = keys::EdgeRowKey(
        triple.source, keys::kOut, triple.relation, triple.target);
    keys::EdgeCounts old_counts;
    if (!edges_empty_) {
      MSKG_ASSIGN_OR_RETURN(bool found,
                            impl_->Get(read_options_, kEdges, out_key, &value));
      if (found && !keys::DecodeEdgeCounts(value, &old_counts)) {
        return absl::DataLossError(
            absl::StrCat("store ", impl_->path_, ": bad edge row"));
      }
    }
    const int64_t documents =
        static_cast<int64_t>(old_counts.documents) + delta.documents;
    const int64_t sentences = std::max<int64_t>(
        0, static_cast<int64_t>(old_counts.sentences) + delta.sentences);
    const std::string in_key = keys::EdgeRowKey(triple.target, keys::kIn,
                                                triple.relation, triple.source);
    if (documents <= 0) {
      if (old_counts.documents > 0) {
        Delete(kEdges, out_key);
        Delete(kEdges, in_key);
        --stats_.edges;
        --stats_.edges_by_relation[triple.relation];
        stats_.supports -= old_counts.sentences;
        ++result->edges_removed;
      }
      continue;
    }
    const std::string counts = keys::EncodeEdgeCounts(
        {static_cast<uint64_t>(documents), static_cast<uint64_t>(sentences)});
    Put(kEdges, out_key, counts);
    Put(kEdges, in_key, counts);
    if (old_counts.documents == 0) {
      ++stats_.edges;
      ++stats_.edges_by_relation[triple.relation];
      ++result->edges_added;
    }
    stats_.supports += sentences - static_cast<int64_t>(old_counts.sentences);
  }
  result->nodes_added = nodes_added_;
  Put(kMeta, keys::kMetaNextNodeId, keys::NodeRowKey(next_node_id_));
  Put(kMeta, keys::kMetaStats, keys::EncodeStats(stats_));

  FillBatch();
  rocksdb::WriteOptions write_options;
  write_options.sync = false;
  const bool no_wal = batch_.GetDataSize() > kNoWalBatchBytes;
  write_options.disableWAL = no_wal;
  MSKG_RETURN_IF_ERROR(
      FromRocksDb(impl_->db_->Write(write_options, &batch_),
                  absl::StrCat("write to store ", impl_->path_)));
  written_ = true;
  if (no_wal) {
    // Without the WAL the batch is durable only once flushed; atomic_flush
    // flushes all column families together.
    std::vector<rocksdb::ColumnFamilyHandle*> families(
        impl_->handles_.begin() + 1, impl_->handles_.end());
    // The flush adds the batch to the file set (file_set_lock.h).
    absl::StatusOr<HeldFileSetLock> held =
        FileSetLock::Acquire(impl_->path_, FileSetLock::Mode::kExclusive,
                             absl::Seconds(60), /*create=*/true);
    absl::Status flushed = held.status();
    if (flushed.ok()) {
      flushed =
          FromRocksDb(impl_->db_->Flush(rocksdb::FlushOptions(), families),
                      absl::StrCat("flush store ", impl_->path_));
    }
    if (!flushed.ok()) {
      return absl::UnavailableError(absl::StrCat(
          "written but not yet durable (", flushed.message(),
          "); it becomes durable at the next successful flush or close"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> GraphStore::Impl::Get(
    const rocksdb::ReadOptions& read_options, CfIndex family,
    absl::string_view key, std::string* value) const {
  rocksdb::Status s = db_->Get(read_options, cf(family), ToSlice(key), value);
  if (s.IsNotFound()) return false;
  MSKG_RETURN_IF_ERROR(FromRocksDb(
      s, absl::StrCat("read ", kColumnFamilies[family], " of store ", path_)));
  return true;
}

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

absl::StatusOr<keys::StoredStats> GraphStore::Impl::ReadStats() const {
  keys::StoredStats stats;
  std::string value;
  MSKG_ASSIGN_OR_RETURN(
      bool found, Get(rocksdb::ReadOptions(), kMeta, keys::kMetaStats, &value));
  if (found && !keys::DecodeStats(value, &stats)) {
    return absl::DataLossError(
        absl::StrCat("store ", path_, ": unreadable stats record"));
  }
  return stats;
}

absl::Status GraphStore::Impl::OldFormatError(
    absl::string_view version) const {
  return absl::FailedPreconditionError(absl::StrCat(
      "store ", path_, " has format version ", version,
      "; this mskg reads version ", keys::kFormatVersion,
      " only. Rebuild it into a new store: ingest the documents again, or "
      "run `mskg --db OLD export --format jsonl -o graph.jsonl` with the "
      "mskg that wrote it, then `mskg --db NEW import --format jsonl "
      "graph.jsonl` with this one (README.md, \"Store format versions\")"));
}

absl::Status GraphStore::Impl::CheckWritable() const {
  if (read_only_) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", path_, " is open read-only"));
  }
  return absl::OkStatus();
}

void GraphStore::Impl::InvalidateView() {
  absl::MutexLock lock(&view_mu_);
  ++generation_;
  view_.reset();
}

absl::Status GraphStore::Impl::InitializeMeta() {
  std::string value;
  MSKG_ASSIGN_OR_RETURN(
      bool has_version,
      Get(rocksdb::ReadOptions(), kMeta, keys::kMetaFormatVersion, &value));
  if (has_version && value != keys::kFormatVersion) {
    return OldFormatError(value);
  }
  MSKG_ASSIGN_OR_RETURN(bool has_next, Get(rocksdb::ReadOptions(), kMeta,
                                           keys::kMetaNextNodeId, &value));
  if (has_next) {
    if (value.size() != 8) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": bad next_node_id"));
    }
    next_node_id_ = keys::ReadBigEndian64(value);
  }
  if (!has_version && !read_only_) {
    rocksdb::WriteBatch batch;
    batch.Put(cf(kMeta), keys::kMetaFormatVersion, keys::kFormatVersion);
    std::string next_id;
    keys::AppendBigEndian64(&next_id, next_node_id_);
    batch.Put(cf(kMeta), keys::kMetaNextNodeId, next_id);
    batch.Put(cf(kMeta), keys::kMetaStats,
              keys::EncodeStats(keys::StoredStats()));
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    MSKG_RETURN_IF_ERROR(FromRocksDb(db_->Write(write_options, &batch),
                                     absl::StrCat("initialize store ", path_)));
  }
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Open(absl::string_view path,
                                    const GraphStoreOptions& options) {
  path_ = std::string(path);
  read_only_ = options.read_only;
  bulk_sst_min_claims_ = options.bulk_sst_min_claims;
  apply_inference_ = options.apply_inference;
  if (path_.empty()) return absl::InvalidArgumentError("empty store path");
  std::error_code ec;
  const fs::file_status status = fs::status(path_, ec);
  bool has_db = false;
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_, " exists and is not a directory, so it is not an mskg store"));
    }
    has_db = fs::exists(fs::path(path_) / "CURRENT", ec);
    if (!has_db && !fs::is_empty(path_, ec)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path_,
                       " is a non-empty directory that holds no mskg store; "
                       "pass an empty or new directory"));
    }
  }
  if (!has_db && (read_only_ || !options.create_if_missing)) {
    return absl::NotFoundError(absl::StrCat("no mskg store at ", path_));
  }
  if (!has_db) {
    // Built aside and renamed in whole (store_creation.h says why).
    MSKG_RETURN_IF_ERROR(CreateStoreAtomically(
        path_, [](const std::string& temp_dir) -> absl::Status {
          Impl scratch;
          scratch.path_ = temp_dir;
          return scratch.OpenDb(/*create=*/true);
        }));
  } else if (!read_only_) {
    // What a bulk load killed midway left; the next one would remove it too.
    fs::remove_all(fs::path(path_) / "bulk_load.tmp", ec);
  }
  return OpenDb(/*create=*/false);
}

absl::Status GraphStore::Impl::OpenDb(bool create) {
  // file_set_lock.h says why opens and file changes exclude each other.
  constexpr absl::Duration kLockWait = absl::Seconds(60);
  HeldFileSetLock held;
  if (create || !read_only_) {
    // A writable open may recover logs and delete obsolete files.
    MSKG_ASSIGN_OR_RETURN(held, FileSetLock::Acquire(path_,
                                                     FileSetLock::Mode::kExclusive,
                                                     kLockWait, /*create=*/true));
  } else {
    absl::StatusOr<HeldFileSetLock> shared = FileSetLock::Acquire(
        path_, FileSetLock::Mode::kShared, kLockWait, /*create=*/false);
    // A store made before the lock has no lock file; its writer is an older
    // mskg, so the retries below are all the protection there is.
    if (!shared.ok() && !absl::IsNotFound(shared.status())) {
      return shared.status();
    }
    if (shared.ok()) held = *std::move(shared);
  }
  // Without the lock, a writer may delete a file the MANIFEST names before
  // this open reads it: not corruption, and the next attempt reads the new
  // MANIFEST.
  constexpr int kAttempts = 50;
  for (int attempt = 1;; ++attempt) {
    absl::Status status = OpenDbOnce(create);
    if (status.ok() && !read_only_) {
      // Deleting obsolete files changes the file set: from now on only
      // PurgeObsoleteFiles() does it, under the lock.
      status = FromRocksDb(db_->DisableFileDeletions(),
                           absl::StrCat("store ", path_));
    }
    if (status.ok() || !read_only_ || attempt == kAttempts ||
        !absl::StrContains(status.message(), "No such file or directory")) {
      return status;
    }
    CloseDb();
    absl::SleepFor(absl::Milliseconds(std::min(attempt, 10)));
  }
}

void GraphStore::Impl::PurgeObsoleteFiles(bool now) {
  if (read_only_ || db_ == nullptr) return;
  // Purging scans the folder and logs to RocksDB's LOG: not on every write.
  const absl::Time time = absl::Now();
  if (!now && time - last_purge_ < absl::Seconds(1)) return;
  // A reader opening the store meanwhile: files wait for the next purge.
  HeldFileSetLock held = FileSetLock::TryExclusive(path_);
  if (!held.held()) return;
  last_purge_ = time;
  db_->EnableFileDeletions(/*force=*/true).PermitUncheckedError();
  db_->DisableFileDeletions().PermitUncheckedError();
}

absl::Status GraphStore::Impl::OpenDbOnce(bool create) {
  rocksdb::Options db_options;
  db_options.create_if_missing = create;
  // Writable opens also add families a store of an older layout lacks.
  db_options.create_missing_column_families = !read_only_;
  db_options.atomic_flush = true;
  db_options.IncreaseParallelism(2);
  db_options.write_buffer_size = 64 << 20;
  if (!create) {
    std::vector<std::string> existing;
    rocksdb::Status s =
        rocksdb::DB::ListColumnFamilies(db_options, path_, &existing);
    MSKG_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
    if (std::find(existing.begin(), existing.end(),
                  keys::kDroppedNamesCf) != existing.end()) {
      return OldFormatError("1");
    }
    if (std::find(existing.begin(), existing.end(), keys::kMetaCf) ==
        existing.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_,
          " holds a RocksDB database that is not an mskg store (an mskg "
          "older than atomic creation, killed while creating it, leaves "
          "one: delete the folder and run the command again)"));
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName,
                           rocksdb::ColumnFamilyOptions(db_options));
  // Whole-key Bloom filters where rows are looked up by key (node identity,
  // edge counts, documents), so that lookups of absent keys, the common case
  // of a bulk load into a non-empty store, rarely read a block.
  rocksdb::ColumnFamilyOptions lookup_options(db_options);
  {
    rocksdb::BlockBasedTableOptions table_options;
    table_options.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    lookup_options.table_factory.reset(
        rocksdb::NewBlockBasedTableFactory(table_options));
  }
  for (const char* name : kColumnFamilies) {
    const absl::string_view n = name;
    const bool lookups = n == keys::kNodesCf || n == keys::kNodeKeysCf ||
                         n == keys::kEdgesCf || n == keys::kDocumentsCf;
    descriptors.emplace_back(
        name,
        lookups ? lookup_options : rocksdb::ColumnFamilyOptions(db_options));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      read_only_
          ? rocksdb::DB::OpenForReadOnly(db_options, path_, descriptors,
                                         &handles_, &raw)
          : rocksdb::DB::Open(db_options, path_, descriptors, &handles_, &raw);
  db_.reset(raw);
  MSKG_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
  if (handles_.size() != kNumColumnFamilies + 1) {
    return absl::InternalError(
        absl::StrCat("store ", path_, ": wrong number of column families"));
  }
  absl::MutexLock lock(&write_mu_);
  return InitializeMeta();
}

// Stats() copies the stored record's arrays into StoreStats'.
static_assert(sizeof(StoreStats::nodes_by_type) ==
              sizeof(keys::StoredStats::nodes_by_type));
static_assert(sizeof(StoreStats::edges_by_relation) ==
              sizeof(keys::StoredStats::edges_by_relation));

SstBulkTarget GraphStore::Impl::MakeSstTarget() const {
  SstBulkTarget target;
  target.db = db_.get();
  target.nodes = cf(kNodes);
  target.node_keys = cf(kNodeKeys);
  target.edges = cf(kEdges);
  target.supports = cf(kSupports);
  target.documents = cf(kDocuments);
  target.meta = cf(kMeta);
  target.path = path_;
  return target;
}

absl::StatusOr<bool> GraphStore::Impl::RunSstLoad(const SstLoad& load,
                                                  keys::StoredStats* stats) {
  uint64_t next_node_id = next_node_id_;
  absl::StatusOr<bool> loaded = load(MakeSstTarget(), stats, &next_node_id);
  // Whatever happened, ingestion may have flushed memtables.
  InvalidateView();
  PurgeObsoleteFiles();
  if (loaded.ok() && *loaded) next_node_id_ = next_node_id;
  return loaded;
}

absl::Status GraphStore::Impl::CommitWriter(Writer* writer,
                                            DocumentWriteResult* result) {
  absl::Status committed = writer->Commit(result);
  if (writer->written()) {
    next_node_id_ = writer->next_node_id();
    InvalidateView();
    PurgeObsoleteFiles();
  }
  if (committed.ok()) {
    if (node_id_cache_.size() + writer->node_ids().size() > kMaxCachedNodeIds) {
      node_id_cache_.clear();
    }
    if (writer->node_ids().size() <= kMaxCachedNodeIds) {
      node_id_cache_.insert(writer->node_ids().begin(),
                            writer->node_ids().end());
    }
  }
  return committed;
}

absl::StatusOr<DocumentWriteResult> GraphStore::Impl::PutDocument(
    const schema::DocumentClaims& doc) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  MSKG_RETURN_IF_ERROR(ValidateDocument(doc));
  absl::MutexLock lock(&write_mu_);
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  Writer writer(this, next_node_id_, stats);
  DocumentWriteResult result;
  MSKG_RETURN_IF_ERROR(writer.ApplyDocument(doc, &result));
  if (result.unchanged) return result;
  MSKG_RETURN_IF_ERROR(CommitWriter(&writer, &result));
  return result;
}

absl::Status GraphStore::Impl::DeleteDocument(absl::string_view document_id) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  absl::MutexLock lock(&write_mu_);
  schema::Document stored;
  MSKG_ASSIGN_OR_RETURN(bool found, GetProto(rocksdb::ReadOptions(), kDocuments,
                                             document_id, &stored));
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("document ", document_id, " is not in store ", path_));
  }
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  Writer writer(this, next_node_id_, stats);
  MSKG_RETURN_IF_ERROR(writer.RemoveDocument(stored));
  DocumentWriteResult result;
  return CommitWriter(&writer, &result);
}

absl::StatusOr<schema::Document> GraphStore::Impl::GetDocument(
    absl::string_view document_id) const {
  schema::Document stored;
  MSKG_ASSIGN_OR_RETURN(bool found, GetProto(rocksdb::ReadOptions(), kDocuments,
                                             document_id, &stored));
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("document ", document_id, " is not in store ", path_));
  }
  return stored;
}

absl::Status GraphStore::Impl::BulkLoad(
    const std::vector<schema::DocumentClaims>& docs) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  for (const schema::DocumentClaims& doc : docs) {
    MSKG_RETURN_IF_ERROR(ValidateDocument(doc));
  }
  absl::MutexLock lock(&write_mu_);
  return BulkLoadLocked(docs);
}

absl::Status GraphStore::Impl::BulkLoadLocked(
    const std::vector<schema::DocumentClaims>& docs) {
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  int64_t claims = 0;
  for (const schema::DocumentClaims& doc : docs) claims += doc.claims_size();
  if (!docs.empty() && claims >= bulk_sst_min_claims_) {
    const SstLoad load = [&](const SstBulkTarget& target,
                             keys::StoredStats* stats, uint64_t* next_id) {
      return SstBulkLoad(target, docs, stats, next_id);
    };
    MSKG_ASSIGN_OR_RETURN(const bool loaded, RunSstLoad(load, &stats));
    if (loaded) return absl::OkStatus();
    // Some document is stored already: the per-document path replaces it.
  }
  Writer writer(this, next_node_id_, stats);
  DocumentWriteResult result;
  for (const schema::DocumentClaims& doc : docs) {
    DocumentWriteResult doc_result;
    MSKG_RETURN_IF_ERROR(writer.ApplyDocument(doc, &doc_result));
  }
  return CommitWriter(&writer, &result);
}

namespace {

// Returns InvalidArgument naming the first bad row of `batch`, whose rows
// are numbered from `first_row`.
absl::Status ValidateTriples(const TripleBatch& batch, int64_t first_row) {
  const std::vector<TripleBatch::Row>& rows = batch.rows();
  for (size_t i = 0; i < rows.size(); ++i) {
    const TripleBatch::Row& row = rows[i];
    if (ValidNodeType(row.subject_type) && ValidNodeType(row.object_type) &&
        ValidRelation(row.relation) && HasNameKey(row.subject) &&
        HasNameKey(row.object) && row.document < batch.documents().size() &&
        !batch.documents()[row.document].empty()) {
      continue;
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "triple row ", first_row + static_cast<int64_t>(i), " ('", row.subject,
        "' ", row.relation, " '", row.object,
        "'): invalid type, relation, name or document; nothing imported"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status GraphStore::Impl::BulkLoadTriples(
    const TripleBatch* given, const TripleChunkSource& next_chunk) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  absl::MutexLock lock(&write_mu_);
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  // Chunks are read into `owned`, at most two at a time.
  TripleBatch owned[2];
  const TripleBatch* first = given;
  if (first == nullptr) {
    MSKG_ASSIGN_OR_RETURN(const bool has_first, next_chunk(&owned[0]));
    if (!has_first) return absl::OkStatus();  // Nothing to import.
    first = &owned[0];
  }
  MSKG_RETURN_IF_ERROR(ValidateTriples(*first, 0));
  SstTriplesLoader loader(MakeSstTarget(), stats, next_node_id_);
  if (static_cast<int64_t>(first->rows().size()) < bulk_sst_min_claims_) {
    // Small: one WriteBatch is cheaper than files, if nothing follows.
    TripleBatch* second = &owned[1];
    MSKG_ASSIGN_OR_RETURN(const bool has_second, next_chunk(second));
    if (!has_second) return BulkLoadLocked(first->ToDocuments());
    MSKG_RETURN_IF_ERROR(
        ValidateTriples(*second, static_cast<int64_t>(first->rows().size())));
    MSKG_RETURN_IF_ERROR(loader.AddChunk(*first));
    first = second;
  }
  return LoadTripleChunks(next_chunk, first, owned, &loader);
}

absl::Status GraphStore::Impl::LoadTripleChunks(
    const TripleChunkSource& next_chunk, const TripleBatch* current,
    TripleBatch* buffers, SstTriplesLoader* loader) {
  // `current` is validated and not yet loaded; the next chunk is read into
  // whichever buffer it is not, on a second thread, meanwhile.
  while (true) {
    TripleBatch* next = current == &buffers[0] ? &buffers[1] : &buffers[0];
    absl::StatusOr<bool> has_next;
    std::thread reader([&] {
      next->Clear();
      has_next = next_chunk(next);
    });
    absl::Status added = loader->AddChunk(*current);
    reader.join();
    MSKG_RETURN_IF_ERROR(added);
    MSKG_RETURN_IF_ERROR(has_next.status());
    if (!*has_next) break;
    MSKG_RETURN_IF_ERROR(ValidateTriples(*next, loader->rows()));
    current = next;
  }
  // The merges of Finish() reuse the chunks' memory.
  buffers[0].Release();
  buffers[1].Release();
  absl::Status finished = loader->Finish();
  // Whatever happened, ingestion may have flushed memtables.
  InvalidateView();
  PurgeObsoleteFiles();
  MSKG_RETURN_IF_ERROR(finished);
  next_node_id_ = loader->next_node_id();
  return absl::OkStatus();
}

absl::StatusOr<StoreStats> GraphStore::Impl::Stats() const {
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stored, ReadStats());
  StoreStats stats;
  stats.documents = stored.documents;
  stats.nodes = stored.nodes;
  stats.edges = stored.edges;
  stats.supports = stored.supports;
  std::copy(std::begin(stored.nodes_by_type), std::end(stored.nodes_by_type),
            std::begin(stats.nodes_by_type));
  std::copy(std::begin(stored.edges_by_relation),
            std::end(stored.edges_by_relation),
            std::begin(stats.edges_by_relation));
  return stats;
}

absl::Status GraphStore::Impl::ScanNodes(
    const rocksdb::ReadOptions& read_options,
    const std::function<absl::Status(const schema::Node&)>& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kNodes)));
  schema::Node node;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!node.ParseFromArray(it->value().data(), it->value().size())) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": unreadable node record"));
    }
    MSKG_RETURN_IF_ERROR(fn(node));
  }
  return FromRocksDb(it->status(), absl::StrCat("scan nodes of ", path_));
}

absl::Status GraphStore::Impl::ForEachNode(
    const std::function<absl::Status(const schema::Node&)>& fn) const {
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  return ScanNodes(read_options, fn);
}

absl::Status GraphStore::Impl::ForEachEdge(
    const std::function<absl::Status(const StoredEdge&)>& fn) const {
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kSupports)));
  absl::flat_hash_map<uint64_t, schema::Node> node_cache;
  auto get_node = [&](uint64_t id) -> absl::StatusOr<schema::Node> {
    auto found = node_cache.find(id);
    if (found != node_cache.end()) return found->second;
    if (node_cache.size() > 4096) node_cache.clear();
    schema::Node node;
    MSKG_ASSIGN_OR_RETURN(bool present, GetProto(read_options, kNodes,
                                                 keys::NodeRowKey(id), &node));
    if (!present) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": edge endpoint ", id, " missing"));
    }
    node_cache.emplace(id, node);
    return node;
  };
  StoredEdge edge;
  Triple current;
  bool have = false;
  schema::Support support;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Triple triple;
    absl::string_view document_id;
    if (!keys::DecodeSupportKey(ToView(it->key()), &triple, &document_id) ||
        !support.ParseFromArray(it->value().data(), it->value().size())) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": unreadable support record"));
    }
    if (!have || !(triple == current)) {
      if (have) MSKG_RETURN_IF_ERROR(fn(edge));
      have = true;
      current = triple;
      edge = StoredEdge();
      MSKG_ASSIGN_OR_RETURN(edge.source, get_node(triple.source));
      MSKG_ASSIGN_OR_RETURN(edge.target, get_node(triple.target));
      edge.relation = triple.relation;
    }
    for (schema::Provenance& p : *support.mutable_provenance()) {
      edge.support.push_back(std::move(p));
    }
  }
  MSKG_RETURN_IF_ERROR(
      FromRocksDb(it->status(), absl::StrCat("scan supports of ", path_)));
  if (have) MSKG_RETURN_IF_ERROR(fn(edge));
  return absl::OkStatus();
}

namespace {

// Returns false if `value` (a schema::Support) is malformed; sets
// `*affirmed` if some Provenance in it is not NEGATED. Reads the wire format
// directly: Support is `repeated Provenance provenance = 1`, and
// Provenance.polarity is field 7, a varint.
bool SupportAffirms(absl::string_view value, bool* affirmed) {
  *affirmed = false;
  while (!value.empty()) {
    uint64_t tag;
    uint64_t size;
    if (!keys::GetVarint64(&value, &tag) || tag != 0x0A ||
        !keys::GetVarint64(&value, &size) || size > value.size()) {
      return false;
    }
    absl::string_view p = value.substr(0, size);
    value.remove_prefix(size);
    uint64_t polarity = 0;
    while (!p.empty()) {
      uint64_t field;
      if (!keys::GetVarint64(&p, &field)) return false;
      uint64_t n;
      switch (field & 7) {
        case 0:
          if (!keys::GetVarint64(&p, &n)) return false;
          if ((field >> 3) == 7) polarity = n;
          break;
        case 1:
          if (p.size() < 8) return false;
          p.remove_prefix(8);
          break;
        case 2:
          if (!keys::GetVarint64(&p, &n) || n > p.size()) return false;
          p.remove_prefix(n);
          break;
        case 5:
          if (p.size() < 4) return false;
          p.remove_prefix(4);
          break;
        default:
          return false;
      }
    }
    if (polarity != schema::NEGATED) *affirmed = true;
  }
  return true;
}

}  // namespace

absl::Status GraphStore::Impl::ForEachSupportRow(
    const std::function<absl::Status(const schema::Node&)>& node_fn,
    const std::function<absl::Status(const SupportRow&)>& row_fn) const {
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  // Sequential scans of large files: read ahead.
  read_options.readahead_size = 2 << 20;
  MSKG_RETURN_IF_ERROR(ScanNodes(read_options, node_fn));
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(read_options, cf(kSupports)));
  SupportRow row;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Triple triple;
    if (!keys::DecodeSupportKey(ToView(it->key()), &triple, &row.document_id) ||
        !SupportAffirms(ToView(it->value()), &row.affirmed)) {
      return absl::DataLossError(
          absl::StrCat("store ", path_, ": unreadable support record"));
    }
    row.source = triple.source;
    row.relation = triple.relation;
    row.target = triple.target;
    MSKG_RETURN_IF_ERROR(row_fn(row));
  }
  return FromRocksDb(it->status(), absl::StrCat("scan supports of ", path_));
}

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::Impl::View()
    const {
  uint64_t generation = 0;
  {
    absl::MutexLock lock(&view_mu_);
    if (view_ != nullptr) return view_;
    generation = generation_;
  }
  rocksdb::ManagedSnapshot snapshot(db_.get());
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
      absl::string_view document_id;
      if (!keys::DecodeSupportKey(ToView(it->key()), &triple, &document_id) ||
          !support.ParseFromArray(it->value().data(), it->value().size())) {
        return absl::DataLossError(
            absl::StrCat("store ", path_, ": unreadable support record"));
      }
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
  std::shared_ptr<const GraphView> view = builder.Finish();
  absl::MutexLock lock(&view_mu_);
  if (generation == generation_ && view_ == nullptr) view_ = view;
  return view;
}

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() = default;

absl::StatusOr<std::unique_ptr<GraphStore>> GraphStore::Open(
    absl::string_view path, const GraphStoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  MSKG_RETURN_IF_ERROR(impl->Open(path, options));
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(impl)));
}

absl::StatusOr<DocumentWriteResult> GraphStore::PutDocument(
    const schema::DocumentClaims& doc) {
  return impl_->PutDocument(doc);
}

absl::Status GraphStore::DeleteDocument(absl::string_view document_id) {
  return impl_->DeleteDocument(document_id);
}

absl::StatusOr<schema::Document> GraphStore::GetDocument(
    absl::string_view document_id) const {
  return impl_->GetDocument(document_id);
}

absl::Status GraphStore::BulkLoad(
    const std::vector<schema::DocumentClaims>& docs) {
  return impl_->BulkLoad(docs);
}

absl::StatusOr<StoreStats> GraphStore::Stats() const { return impl_->Stats(); }

absl::Status GraphStore::BulkLoadTriples(const TripleChunkSource& next_chunk) {
  return impl_->BulkLoadTriples(nullptr, next_chunk);
}

absl::Status GraphStore::BulkLoadTriples(const TripleBatch& batch) {
  return impl_->BulkLoadTriples(
      &batch, [](TripleBatch*) -> absl::StatusOr<bool> { return false; });
}

absl::Status GraphStore::ForEachSupportRow(
    const std::function<absl::Status(const schema::Node&)>& node_fn,
    const std::function<absl::Status(const SupportRow&)>& row_fn) const {
  return impl_->ForEachSupportRow(node_fn, row_fn);
}

absl::Status GraphStore::ForEachNode(
    const std::function<absl::Status(const schema::Node&)>& fn) const {
  return impl_->ForEachNode(fn);
}

absl::Status GraphStore::ForEachEdge(
    const std::function<absl::Status(const StoredEdge&)>& fn) const {
  return impl_->ForEachEdge(fn);
}

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::View() const {
  return impl_->View();
}

const std::string& GraphStore::path() const { return impl_->path(); }

}  // namespace mskg::graph
