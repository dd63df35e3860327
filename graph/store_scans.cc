// graph/store_scans.cc
//
// The streaming scans of store_scans.h, each over one RocksDB snapshot:
// nodes in id order, edges with their provenance, and support rows read
// without parsing provenance beyond its polarity.
#include "graph/store_scans.h"

#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "graph/key_codec.h"
#include "graph/rocksdb_status.h"
#include "graph/store_impl.h"
#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "util/status_macros.h"

namespace mskg::graph {

using keys::Triple;

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
    MSKG_RETURN_IF_ERROR(ReadSupportRow(*it, &triple, &support));
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
// `*affirmed` if some Provenance in it is not NEGATED.
bool SupportAffirms(absl::string_view value, bool* affirmed) {
  *affirmed = false;
  return keys::ForEachSupportProvenance(
      value, [affirmed](absl::string_view, bool a) { *affirmed |= a; });
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

absl::Status ForEachNode(
    const GraphStore& store,
    const std::function<absl::Status(const schema::Node&)>& fn) {
  return GraphStoreInternals::Of(store).ForEachNode(fn);
}

absl::Status ForEachEdge(
    const GraphStore& store,
    const std::function<absl::Status(const StoredEdge&)>& fn) {
  return GraphStoreInternals::Of(store).ForEachEdge(fn);
}

absl::Status ForEachSupportRow(
    const GraphStore& store,
    const std::function<absl::Status(const schema::Node&)>& node_fn,
    const std::function<absl::Status(const SupportRow&)>& row_fn) {
  return GraphStoreInternals::Of(store).ForEachSupportRow(node_fn, row_fn);
}

absl::Status GraphStore::Impl::ReadSupportRow(const rocksdb::Iterator& it,
                                              keys::Triple* triple,
                                              schema::Support* support) const {
  absl::string_view document_id;
  if (!keys::DecodeSupportKey(ToView(it.key()), triple, &document_id) ||
      !support->ParseFromArray(it.value().data(), it.value().size())) {
    return absl::DataLossError(
        absl::StrCat("store ", path_, ": unreadable support record"));
  }
  return absl::OkStatus();
}

}  // namespace mskg::graph
