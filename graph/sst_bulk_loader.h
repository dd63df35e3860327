// graph/sst_bulk_loader.h
//
// The fast path of BulkLoad() (bulk_loader.h) (DocumentClaims; the triples
// import has its own, sst_triples_loader.h): instead of one WriteBatch through
// the memtables, it builds one sorted SST file per column family with
// rocksdb::SstFileWriter and adds them all with DB::IngestExternalFiles(),
// which is atomic across column families and durable without the WAL (the
// files are synced and recorded in the MANIFEST).
//
// It handles only documents that are new to the store; the store may hold
// other documents, nodes and edges: existing nodes are looked up (MultiGet,
// sorted) and reused, existing edges have their counts read and rewritten,
// and the ingested rows shadow the old ones. If any document of the call is
// already stored, it writes nothing and reports that the caller must use the
// per-document path (which replaces documents).
//
// The rows and their encodings are those of key_codec.h, byte for byte what
// the WriteBatch path writes (bar the ingest time in Document records).
//
// Thread-safety: REQUIRES the caller to serialize writers (GraphStore holds
// its write mutex around the call).
//
// Private to //graph.
#ifndef MSKG_GRAPH_SST_BULK_LOADER_H_
#define MSKG_GRAPH_SST_BULK_LOADER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/key_codec.h"
#include "graph/sst_file.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

// Loads `docs` (already validated, distinct ids) into the store. Returns
// true when loaded, with `*stats` and `*next_node_id` advanced to what was
// written to "meta"; false when some document is stored already, having
// written nothing and left both unchanged. InvalidArgument if a document
// id appears twice; DataLoss if a stored row is unreadable; other errors
// from RocksDB or the file system (nothing ingested then).
absl::StatusOr<bool> SstBulkLoad(const SstBulkTarget& target,
                                 const std::vector<schema::DocumentClaims>& docs,
                                 keys::StoredStats* stats,
                                 uint64_t* next_node_id);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SST_BULK_LOADER_H_
