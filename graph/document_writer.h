// graph/document_writer.h
//
// GraphStore::Impl::Writer: one write transaction of the per-document path
// (PutDocument, DeleteDocument, and BulkLoad when the SST path does not
// apply). It accumulates the changes of one or more documents in memory
// (nodes merged by identity, edge support counted), then writes them, with
// the keys and values of key_codec.h, in one WriteBatch.
//
// Thread-safety: not thread-safe. REQUIRES: the store's write_mu_ is held
// for the writer's lifetime.
//
// Private to //graph.
#ifndef MSKG_GRAPH_DOCUMENT_WRITER_H_
#define MSKG_GRAPH_DOCUMENT_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/key_codec.h"
#include "graph/store_impl.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class GraphStore::Impl::Writer {
 public:
  // `impl` must outlive the writer; `next_node_id` and `stats` are the
  // store's before the write.
  Writer(Impl* impl, uint64_t next_node_id, const keys::StoredStats& stats)
      : impl_(impl),
        next_node_id_(next_node_id),
        stats_(stats),
        // On an empty store nothing needs to be looked up (the bulk case).
        nodes_empty_(stats.nodes == 0),
        edges_empty_(stats.edges == 0) {}

  // Replaces what `doc` said before (if anything) by its claims; sets
  // `result->unchanged` (and adds nothing) if its content hash is stored.
  // InvalidArgument if `doc` was applied to this writer already.
  absl::Status ApplyDocument(const schema::DocumentClaims& doc,
                             DocumentWriteResult* result);
  // Removes a stored document and its support.
  absl::Status RemoveDocument(const schema::Document& stored);
  // Adds the node, edge and meta rows to the batch and writes it; large
  // batches skip the WAL and are flushed instead. Unavailable if such a
  // batch was written but its flush failed: then written() is true.
  absl::Status Commit(DocumentWriteResult* result);

  uint64_t next_node_id() const { return next_node_id_; }
  // What the batch changes, for the next view to patch (store_impl.h).
  ViewDelta MakeViewDelta() const;
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
  // What the write changes in an edge's support.
  struct SupportDelta {
    int64_t documents = 0;
    int64_t sentences = 0;
  };

  // A buffered write. Commit() sorts each column family's writes by key
  // before adding them to the batch: sorted memtable inserts are several
  // times faster than random ones on large batches.
  struct BufferedWrite {
    std::string key;
    std::string value;
    bool is_delete = false;
  };
  void Put(CfIndex family, std::string key, std::string value) {
    writes_[family].push_back(
        BufferedWrite{std::move(key), std::move(value), false});
  }
  void Delete(CfIndex family, std::string key) {
    writes_[family].push_back(
        BufferedWrite{std::move(key), std::string(), true});
  }
  // Moves the buffered writes into batch_, sorted; the last write of a key
  // wins.
  void FillBatch();
  // Writes batch_; flushes it instead of logging it when large.
  absl::Status WriteBatch();

  absl::StatusOr<uint64_t> ResolveNode(const schema::NodeKey& key);
  // Returns the stored id of the node `identity` (named `name`), if any,
  // from the store's cache or "node_keys". DataLoss if its row is bad.
  absl::StatusOr<std::optional<uint64_t>> FindStoredNode(
      const std::string& identity, absl::string_view name);
  absl::Status RemoveClaims(const schema::Document& stored);
  // Adds the edge rows for the support deltas, counting what changed.
  absl::Status ApplySupportDeltas(DocumentWriteResult* result);

  Impl* impl_;
  rocksdb::ReadOptions read_options_;
  rocksdb::WriteBatch batch_;
  uint64_t next_node_id_;
  bool written_ = false;
  keys::StoredStats stats_;
  const bool nodes_empty_;
  const bool edges_empty_;
  int64_t nodes_added_ = 0;
  absl::flat_hash_map<std::string, uint64_t> id_by_identity_;
  absl::flat_hash_map<uint64_t, PendingNode> nodes_;
  absl::flat_hash_set<uint64_t> dirty_nodes_;
  absl::flat_hash_map<keys::Triple, SupportDelta> support_deltas_;
  absl::flat_hash_set<std::string> documents_in_batch_;
  std::vector<BufferedWrite> writes_[kNumColumnFamilies];
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_DOCUMENT_WRITER_H_
