// graph/sst_triples_loader.h
//
// SstTriplesLoader: the triples import (GraphStore::BulkLoadTriples) as one
// atomic write of any size in bounded memory.
//
// Chunks of rows arrive one at a time (AddChunk). Each is resolved to node
// ids against an import-wide NodeTable and the store; its claims are sorted
// by their "supports" key and, separately, by document, and each order is
// appended as a sorted run to a temporary file (run_file.h); then the chunk
// may be reused. Finish() merges the runs (k-way) into one sorted SST file
// per column family: "supports"; "edges", both directions, with the counts
// of what the store held added; "documents", each the union of its rows in
// every chunk; "nodes" and "node_keys" for the new nodes; "meta". It
// ingests them all with one DB::IngestExternalFiles() call, so the import
// becomes visible whole or not at all. Nothing is written to the store's
// column families before that call: a loader destroyed without Finish()
// (after a bad row, say) leaves the store as it was, and removes its files.
//
// Documents: a document's rows may be spread over any number of chunks;
// its claims are all of them (an exact duplicate row counts once). A
// document the store held before the import is replaced, as BulkLoad() and
// PutDocument() replace: its old support rows are removed (tombstones in
// the same ingestion, unless re-asserted) and its edges' counts lowered.
// Each row's provenance is its document only (triple_batch.h), so one
// (edge, document) pair is one supporting sentence.
//
// Node ids: the store's are 64-bit, but the runs hold them in 32 bits, so
// the import refuses, with OutOfRange, to give a node an id of 2^32 or
// more.
//
// The rows and their encodings are those of key_codec.h, byte for byte what
// the WriteBatch path writes for TripleBatch::ToDocuments() (bar the ingest
// time in Document records); new nodes take ids in the order rows first
// name them.
//
// Memory: one chunk's claims; the NodeTable (node_table.h) and a table of
// the documents, which grow with the distinct nodes and documents named but
// not with the rows; in Finish(), two merges at a time with
// kMergeBufferBytes of buffers each and two buffers of kRunRecords "edges"
// rows. The runs are on disk in the store's directory until the loader is
// destroyed. Figures and the reasons for the constants: bench/README.md.
//
// The view: an import into an empty store can also hand its nodes and
// edges to a GraphViewBuilder (BuildViewInto), in the order and form a
// scan of the store would (view_building.cc), so that the store need not
// scan what it has just written. Its memory is then the builder's besides.
//
// Thread-safety: not thread-safe. REQUIRES the caller to serialize writers
// (GraphStore holds its write mutex across the whole import). Finish() uses
// a second thread internally.
//
// Private to //graph.
#ifndef MSKG_GRAPH_SST_TRIPLES_LOADER_H_
#define MSKG_GRAPH_SST_TRIPLES_LOADER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "graph/key_codec.h"
#include "graph/node_table.h"
#include "graph/run_file.h"
#include "graph/sst_file.h"
#include "graph/string_arena.h"
#include "graph/triple_batch.h"

namespace mskg::graph {

class SstTriplesLoader {
 public:
  // Records per in-memory run of "edges" rows in Finish() (20 bytes each),
  // and most removals of stored claims held at once.
  static constexpr size_t kRunRecords = size_t{1} << 17;
  // Read buffers of one k-way merge, shared by its runs.
  static constexpr size_t kMergeBufferBytes = size_t{4} << 20;
  // The largest node id the runs can hold.
  static constexpr uint64_t kMaxNodeId = UINT32_MAX;

  // `stats` and `next_node_id` are the store's before the import. What
  // `target` points to must outlive the loader.
  SstTriplesLoader(const SstBulkTarget& target, const keys::StoredStats& stats,
                   uint64_t next_node_id);
  // Removes the temporary files, whether or not Finish() ran.
  ~SstTriplesLoader();
  SstTriplesLoader(const SstTriplesLoader&) = delete;
  SstTriplesLoader& operator=(const SstTriplesLoader&) = delete;

  // Adds the rows of `batch` (already validated; see GraphStore). `batch`
  // may be cleared and refilled once this returns. DataLoss if a stored row
  // the import reads is unreadable; Internal if a temporary file fails;
  // other errors from RocksDB.
  absl::Status AddChunk(const TripleBatch& batch);

  // Writes and ingests everything added. Errors as AddChunk(); nothing is
  // ingested after an error. Call at most once.
  absl::Status Finish();

  // Whether the store held nothing before the import (no node, edge or
  // document): then the import is all that a view of it holds.
  bool StoreWasEmpty() const;
  // Makes Finish() add every node and edge it writes to `*builder`, as
  // GraphStore's scan of "nodes" then "supports" would add them after the
  // ingestion: nodes in id order, then each edge in "supports" key order
  // with its support encoded. REQUIRES: StoreWasEmpty(); before Finish();
  // `*builder` empty and outliving Finish().
  void BuildViewInto(GraphViewBuilder* builder) { view_ = builder; }

  // The store's statistics and node id counter after Finish().
  const keys::StoredStats& stats() const { return stats_; }
  uint64_t next_node_id() const { return next_node_id_; }

  // Rows added so far.
  int64_t rows() const { return rows_; }

 private:
  // One claim of a chunk, or the removal of a stored support (a document
  // being replaced), by its "supports" key. Also the record of the
  // "supports" runs (24 bytes).
  struct Claim {
    uint32_t source;  // Node ids: see kMaxNodeId.
    uint32_t target;
    uint32_t doc;      // Index in docs_.
    uint32_t rank;     // Order of the document's id when sorted.
    uint32_t removed;  // Sentences of the removed support.
    uint8_t relation;
    uint8_t flags;  // kAdded | kRemoved.
  };
  // A type, not a function, so that std::sort inlines the comparison.
  struct ClaimLess {
    bool operator()(const Claim& a, const Claim& b) const;
  };
  static constexpr uint8_t kAdded = 1;
  static constexpr uint8_t kRemoved = 2;
  // Record of the "documents" runs: a (document, edge) pair (16 bytes).
  struct DocClaim {
    uint32_t source;
    uint32_t target;
    uint32_t doc;
    uint8_t relation;
  };
  // Record of the "edges" runs: one row of "edges", to put or to delete.
  // Ids and counts are 32-bit here; the loader refuses larger ones.
  struct EdgeRow {
    uint32_t node;
    uint32_t other;
    uint32_t documents;
    uint32_t sentences;
    uint8_t relation;
    uint8_t direction;  // keys::kIn or keys::kOut.
    bool erase;
  };
  struct Doc {
    absl::string_view id;          // In arena_.
    absl::string_view provenance;  // Support.provenance field, in arena_.
    // Order of `id` among the documents so far (and at the end, all).
    uint32_t rank = 0;
    bool replaced = false;  // Stored before the import.
  };
  struct PendingEdge;

  absl::Status Start();
  // Maps the documents of `batch` to docs_ (chunk_docs_); ranks and looks
  // up in the store those new to the import.
  absl::Status MapDocuments(const TripleBatch& batch);
  // For stored documents `found` (indices in docs_), spills the removal of
  // their support rows as runs.
  absl::Status RemoveStoredClaims(const std::vector<uint32_t>& found);
  absl::Status AppendRemovals(std::vector<Claim>* removals);
  // Gives ids to the nodes added to nodes_ since the last call. OutOfRange
  // if an id would exceed kMaxNodeId; DataLoss if a stored one does.
  absl::Status AssignNodeIds();
  // DataLoss unless `id`, read from the store, fits the runs.
  absl::Status CheckStoredId(uint64_t id) const;
  absl::Status SpillChunk(const TripleBatch& batch);

  // Adds the nodes to view_ (all new, ids ascending with their index).
  absl::Status AddViewNodes();
  absl::Status WriteSupportsAndEdges(
      std::vector<rocksdb::IngestExternalFileArg>* args);
  absl::Status FlushEdges(std::vector<PendingEdge>* pending,
                          std::vector<EdgeRow>* out_rows,
                          std::vector<EdgeRow>* in_rows);
  absl::Status WriteEdges(std::vector<rocksdb::IngestExternalFileArg>* args);
  absl::Status WriteDocuments(
      std::vector<rocksdb::IngestExternalFileArg>* args);
  absl::Status WriteNodes(std::vector<rocksdb::IngestExternalFileArg>* args);

  const SstBulkTarget target_;
  const keys::StoredStats before_;  // The store's, before the import.
  keys::StoredStats stats_;
  uint64_t next_node_id_;
  std::string dir_;  // Empty until Start().
  int64_t rows_ = 0;

  StringArena arena_;
  std::vector<Doc> docs_;
  std::vector<uint32_t> doc_order_;  // docs_ indices by id.
  absl::flat_hash_map<absl::string_view, uint32_t> doc_index_;
  NodeTable nodes_;
  std::vector<uint32_t> node_ids_;  // By node index; compact for lookups.
  std::vector<bool> node_is_new_;

  // Per chunk, reused.
  std::vector<uint32_t> chunk_docs_;  // Batch document -> docs_ index.
  std::vector<uint32_t> row_nodes_;   // Subject, object node per row.
  std::vector<Claim> claims_;
  std::vector<DocClaim> doc_claims_;

  std::unique_ptr<RunFile> supports_run_;   // Claim records.
  std::unique_ptr<RunFile> documents_run_;  // DocClaim records.
  std::unique_ptr<RunFile> out_run_;        // EdgeRow records, kOut.
  std::unique_ptr<RunFile> in_run_;         // EdgeRow records, kIn.

  GraphViewBuilder* view_ = nullptr;  // Not owned; see BuildViewInto().
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SST_TRIPLES_LOADER_H_
