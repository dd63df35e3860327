// graph/graph_store.h
//
// GraphStore: mskg's typed property graph, persisted in RocksDB. Documents
// are the unit of change: PutDocument() writes everything read from one
// document in a single atomic WriteBatch, replacing whatever that document
// said before; writing identical content again changes nothing. Reference
// knowledge (the lexicon's facts) is stored as the document "reference".
// Loading many documents at once, and the triples import, are in
// bulk_loader.h; streaming scans of the stored records in store_scans.h.
// The on-disk layout is in graph/README.md.
//
// Thread-safety: all methods may be called from several threads. Writers are
// serialized inside the store. View() returns an immutable snapshot that
// stays valid (and unchanged) while later writes happen, so queries see a
// consistent graph. Only one process may open a store for writing; a second
// Open() fails with FailedPrecondition.
#ifndef MSKG_GRAPH_GRAPH_STORE_H_
#define MSKG_GRAPH_GRAPH_STORE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class GraphView;

struct GraphStoreOptions {
  // Create the store if `path` does not hold one. Default: true.
  bool create_if_missing = true;
  // Open without taking the writer lock; writes fail. Several read-only
  // openers may coexist with one writer. Default: false.
  bool read_only = false;
  // BulkLoad() (bulk_loader.h) calls with at least this many claims, all of new
  // documents, are written as sorted SST files ingested atomically (fast,
  // durable without the WAL); smaller calls go through one WriteBatch, which is
  // cheaper for a few rows and leaves no small files. Default: 20000.
  int64_t bulk_sst_min_claims = 20000;
  // View() adds the edges of the inference rules (graph/inference.h).
  // Benchmarks that compare with engines without inference turn it off.
  // Default: true.
  bool apply_inference = true;
  // View() on a writable store writes the view it builds to the store's
  // snapshot file (graph/snapshot_file.h), so that later opens, read-only
  // ones included, map it instead of scanning the store; views patched
  // after document writes are written when the store closes. Default: true.
  bool persist_view = true;
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

  // Returns the stored counters. DataLoss if their record is unreadable.
  absl::StatusOr<StoreStats> Stats() const;

  // Returns a snapshot of the whole graph for queries, with inferred edges
  // added (graph/inference.h). Cached: rebuilt only after a write. After
  // document writes (PutDocument, DeleteDocument, small BulkLoad calls),
  // the last view patched with what they changed (the same answers as a
  // rebuild; written to the snapshot file at close). Else mapped from the
  // store's snapshot file when that matches the store's RocksDB sequence
  // number; else built from a scan of the store and, unless the store is
  // read-only (or !persist_view), written to that file.
  absl::StatusOr<std::shared_ptr<const GraphView>> View() const;

  // Returns the directory given to Open().
  const std::string& path() const;

 private:
  class Impl;  // store_impl.h
  // Gives bulk_loader.cc and store_scans.cc the Impl.
  friend class GraphStoreInternals;
  explicit GraphStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_GRAPH_STORE_H_
