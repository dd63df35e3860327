// graph/graph_store.h
//
// GraphStore: mskg's typed property graph, persisted in RocksDB. Documents
// are the unit of change: PutDocument() writes everything read from one
// document in a single atomic WriteBatch, replacing whatever that document
// said before; writing identical content again changes nothing. Reference
// knowledge (the lexicon's facts) is stored as the document "reference".
//
// Thread-safety: all methods may be called from several threads. Writers are
// serialized inside the store. View() returns an immutable snapshot that
// stays valid (and unchanged) while later writes happen, so queries see a
// consistent graph. Only one process may open a store for writing; a second
// Open() fails with FailedPrecondition.
#ifndef MSKG_GRAPH_GRAPH_STORE_H_
#define MSKG_GRAPH_GRAPH_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/triple_batch.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class GraphView;

struct GraphStoreOptions {
  // Create the store if `path` does not hold one. Default: true.
  bool create_if_missing = true;
  // Open without taking the writer lock; writes fail. Several read-only
  // openers may coexist with one writer. Default: false.
  bool read_only = false;
  // BulkLoad() calls with at least this many claims, all of new documents,
  // are written as sorted SST files ingested atomically (fast, durable
  // without the WAL); smaller calls go through one WriteBatch, which is
  // cheaper for a few rows and leaves no small files. Default: 20000.
  int64_t bulk_sst_min_claims = 20000;
  // View() adds the edges of the inference rules (graph/inference.h).
  // Benchmarks that compare with engines without inference turn it off.
  // Default: true.
  bool apply_inference = true;
};

// What one PutDocument() changed.
struct DocumentWriteResult {
  bool unchanged = false;  // Same content hash as stored: nothing written.
  bool replaced = false;   // The document existed with other content.
  int64_t nodes_added = 0;
  int64_t edges_added = 0;    // Edges that did not exist before.
  int64_t edges_removed = 0;  // Edges whose last support was this document.
  int64_t claims = 0;         // Claims written.
};

struct StoreStats {
  int64_t documents = 0;
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t supports = 0;  // Sum over edges of supporting sentences.
  // Indexed by the enum values (index 0, UNSPECIFIED, stays 0).
  int64_t nodes_by_type[schema::NodeType_ARRAYSIZE] = {};
  int64_t edges_by_relation[schema::Relation_ARRAYSIZE] = {};
};

// One stored edge with all its support, as streamed by ForEachEdge().
struct StoredEdge {
  schema::Node source;
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  schema::Node target;
  std::vector<schema::Provenance> support;
};

// One "supports" row: an edge and one document that supports it, as
// streamed by ForEachSupportRow().
struct SupportRow {
  uint64_t source = 0;  // Node ids.
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  uint64_t target = 0;
  absl::string_view document_id;  // Valid during the call only.
  // Some provenance from this document affirms the edge (not NEGATED).
  bool affirmed = false;
};

class GraphStore {
 public:
  // Opens the store in directory `path`. InvalidArgument if `path` exists
  // but is not a store; FailedPrecondition if another process holds the
  // writer lock; DataLoss on corruption.
  static absl::StatusOr<std::unique_ptr<GraphStore>> Open(
      absl::string_view path, const GraphStoreOptions& options = {});

  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;
  ~GraphStore();

  // Writes `doc` atomically: its nodes (merged by type and name, aliases
  // unioned), and its claims as edges with provenance, replacing the claims
  // the same document id made before. InvalidArgument if a claim lacks a
  // type, name or relation; nothing is written then.
  absl::StatusOr<DocumentWriteResult> PutDocument(
      const schema::DocumentClaims& doc);

  // Removes a document and its claims. NotFound if it is not stored.
  absl::Status DeleteDocument(absl::string_view document_id);

  // Returns the stored record of a document. NotFound if absent.
  absl::StatusOr<schema::Document> GetDocument(
      absl::string_view document_id) const;

  // Writes many documents at once: the bulk path used by import and
  // benchmarks. Atomic per call. When every document is new and the call is
  // large, writes sorted SST files (fast); otherwise goes document by
  // document in one WriteBatch, replacing stored documents as PutDocument()
  // does. InvalidArgument if a document id repeats within the call.
  absl::Status BulkLoad(const std::vector<schema::DocumentClaims>& docs);

  // Fills `batch` (empty on entry) with the next chunk of a triples import
  // and returns true, or returns false at the end of the input. An error
  // stops the import. Called from one thread at a time, not necessarily
  // the caller's (it reads a chunk while the one before loads); it must not
  // write to the store.
  using TripleChunkSource =
      std::function<absl::StatusOr<bool>(TripleBatch* batch)>;

  // Loads every chunk `next_chunk` produces as ONE write, without a message
  // per row: the path of `mskg import --format triples`. The result is that
  // of BulkLoad() on the documents of all the rows together (as
  // TripleBatch::ToDocuments() builds them): a document's rows may be
  // spread over any number of chunks, and its claims are all of them; a
  // document stored before the call is replaced by what the call says of
  // it; an edge cited by several documents is one edge with several
  // supports; new nodes are numbered in the order rows first name them.
  // All of it becomes visible at once, or nothing does: after an error
  // from the source, an invalid row or the store, the store is as it was.
  // Rows are validated chunk by chunk: InvalidArgument naming the row
  // (counted from 0 across chunks).
  //
  // Memory: two chunks (one loading while the next is read), plus tables of
  // the distinct nodes and documents named (graph/node_table.h); the claims
  // themselves are sorted on disk, in the store's directory. A single chunk
  // smaller than `bulk_sst_min_claims` goes through one WriteBatch instead.
  absl::Status BulkLoadTriples(const TripleChunkSource& next_chunk);
  // The same for one chunk.
  absl::Status BulkLoadTriples(const TripleBatch& batch);

  absl::StatusOr<StoreStats> Stats() const;

  // Calls `fn` for every node, in id order; stops at the first error.
  absl::Status ForEachNode(
      const std::function<absl::Status(const schema::Node&)>& fn) const;
  // Calls `fn` for every edge, grouped by source; stops at the first error.
  absl::Status ForEachEdge(
      const std::function<absl::Status(const StoredEdge&)>& fn) const;

  // Calls `node_fn` for every node in id order, then `row_fn` for every
  // support row (edges grouped by source, then relation, target, document
  // id in byte order), all from one snapshot; stops at the first error.
  // Provenance is not parsed beyond its polarity, so this is the cheap way
  // to stream (edge, document) pairs. DataLoss on an unreadable row.
  absl::Status ForEachSupportRow(
      const std::function<absl::Status(const schema::Node&)>& node_fn,
      const std::function<absl::Status(const SupportRow&)>& row_fn) const;

  // Returns a snapshot of the whole graph for queries, with inferred edges
  // added (graph/inference.h). Cached: rebuilt only after a write.
  absl::StatusOr<std::shared_ptr<const GraphView>> View() const;

  const std::string& path() const;

 private:
  class Impl;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_GRAPH_STORE_H_
