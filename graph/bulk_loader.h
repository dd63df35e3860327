// graph/bulk_loader.h
//
// Bulk loading into a GraphStore: many documents in one atomic write, or a
// triples import of any size as one atomic write in bounded memory. Kept
// apart from graph_store.h, as RocksDB keeps SstFileWriter apart from DB:
// most embedders write document by document. When a call is large and its
// documents are new, it builds sorted SST files and ingests them
// (sst_bulk_loader.h, sst_triples_loader.h); otherwise it goes through one
// WriteBatch, as PutDocument() does. Either way the store holds the same
// bytes afterwards (graph/write_paths_test.cc).
//
// Thread-safety: as GraphStore's writes: callable from any thread, and
// serialized with the store's other writers. `store` must outlive the
// call.
#ifndef MSKG_GRAPH_BULK_LOADER_H_
#define MSKG_GRAPH_BULK_LOADER_H_

#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "graph/triple_batch.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class GraphStore;

// Writes many documents at once: the bulk path used by import and
// benchmarks. Atomic per call. When every document is new and the call has
// at least GraphStoreOptions::bulk_sst_min_claims claims, writes sorted SST
// files; otherwise goes document by document in one WriteBatch, replacing
// stored documents as PutDocument() does. InvalidArgument if a document is
// invalid (as for PutDocument()) or its id repeats within the call;
// FailedPrecondition if the store is open read-only.
absl::Status BulkLoad(GraphStore* store,
                      const std::vector<schema::DocumentClaims>& docs);

// Fills `batch` (empty on entry) with the next chunk of a triples import
// and returns true, or returns false at the end of the input. An error
// stops the import. Called from one thread at a time, not necessarily the
// caller's (it reads a chunk while the one before loads); it must not
// write to the store.
using TripleChunkSource =
    std::function<absl::StatusOr<bool>(TripleBatch* batch)>;

// Loads every chunk `next_chunk` produces as ONE write, without a message
// per row: the path of `mskg import --format triples`. The result is that
// of BulkLoad() on the documents of all the rows together (as
// TripleBatch::ToDocuments() builds them): a document's rows may be spread
// over any number of chunks, and its claims are all of them; a document
// stored before the call is replaced by what the call says of it; an edge
// cited by several documents is one edge with several supports. New nodes
// are numbered in the order rows first name them (BulkLoad() numbers them
// in the order its documents do, the same when each document's rows are
// together). All of it becomes visible at once, or nothing does: after an
// error from the source, an invalid row or the store, the store is as it
// was. Rows are validated chunk by chunk: InvalidArgument naming the row
// (counted from 0 across chunks). OutOfRange if a node id would reach
// 2^32.
//
// Memory: two chunks (one loading while the next is read), plus tables of
// the distinct nodes and documents named (node_table.h); the claims
// themselves are sorted on disk, in the store's directory. A single chunk
// smaller than bulk_sst_min_claims goes through one WriteBatch instead.
//
// View: an import into an empty store (no node, edge or document) also
// builds the store's view from what it loads, as View() would build it by
// scanning the store, and caches it (and writes the snapshot file, if the
// store persists views) before returning: the next View() costs nothing.
// Memory: that of the view builder besides.
absl::Status BulkLoadTriples(GraphStore* store,
                             const TripleChunkSource& next_chunk);
// The same for one chunk.
absl::Status BulkLoadTriples(GraphStore* store, const TripleBatch& batch);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_BULK_LOADER_H_
