// graph/document_writer.cc
//
// The per-document write path: GraphStore::Impl::Writer (document_writer.h)
// and the Impl operations built on it, PutDocument() and DeleteDocument(),
// with GetDocument(), their read.
#include "graph/document_writer.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "graph/claim_validation.h"
#include "graph/file_set_lock.h"
#include "graph/rocksdb_status.h"
#include "rocksdb/db.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

using keys::Triple;

// Batches larger than this skip the WAL and are flushed instead (BulkLoad).
constexpr size_t kNoWalBatchBytes = 16 << 20;

}  // namespace

void GraphStore::Impl::Writer::FillBatch() {
  std::vector<std::pair<absl::string_view, uint32_t>> order;
  for (int family = 0; family < kNumColumnFamilies; ++family) {
    std::vector<BufferedWrite>& ops = writes_[family];
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
      const BufferedWrite& op = ops[order[i].second];
      if (op.is_delete) {
        batch_.Delete(handle, op.key);
      } else {
        batch_.Put(handle, op.key, op.value);
      }
    }
    std::vector<BufferedWrite>().swap(ops);
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
      dirty_nodes_.insert(id);
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
      dirty_nodes_.insert(id);
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
    SupportDelta& delta = support_deltas_[triple];
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
    SupportDelta& delta = support_deltas_[triple];
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
  for (const uint64_t id : dirty_nodes_) {
    const PendingNode& pending = nodes_[id];
    const schema::Node& node = pending.node;
    node.SerializeToString(&value);
    const std::string row = keys::NodeRowKey(id);
    Put(kNodes, row, value);
    if (pending.is_new) {
      Put(kNodeKeys, keys::NodeIdentityKey(node.type(), node.name()), row);
    }
  }
  MSKG_RETURN_IF_ERROR(ApplySupportDeltas(result));
  result->nodes_added = nodes_added_;
  Put(kMeta, keys::kMetaNextNodeId, keys::NodeRowKey(next_node_id_));
  Put(kMeta, keys::kMetaStats, keys::EncodeStats(stats_));
  FillBatch();
  return WriteBatch();
}

absl::Status GraphStore::Impl::Writer::ApplySupportDeltas(
    DocumentWriteResult* result) {
  // Edges: apply the support deltas to the stored counts.
  std::string value;
  for (const auto& [triple, delta] : support_deltas_) {
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
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::Writer::WriteBatch() {
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

GraphStore::Impl::ViewDelta GraphStore::Impl::Writer::MakeViewDelta() const {
  ViewDelta delta;
  delta.nodes.insert(dirty_nodes_.begin(), dirty_nodes_.end());
  for (const auto& [triple, unused] : support_deltas_) {
    delta.triples.insert(triple);
  }
  return delta;
}

absl::Status GraphStore::Impl::CommitWriter(Writer* writer,
                                            DocumentWriteResult* result) {
  BeginDeltaWrite(writer->MakeViewDelta());
  absl::Status committed = writer->Commit(result);
  EndDeltaWrite();
  if (writer->written()) {
    next_node_id_ = writer->next_node_id();
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
  MSKG_ASSIGN_OR_RETURN(const schema::Document stored,
                        GetDocument(document_id));
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

}  // namespace mskg::graph
