// graph/store_scans.h
//
// Streaming scans of a GraphStore's stored records, for exports and tools
// that must not build a GraphView (which holds the whole graph in memory).
// Each scan reads one RocksDB snapshot: writes made during it are not
// seen.
//
// Thread-safety: callable from any thread, concurrently with writes and
// other scans. `store` must outlive the call.
#ifndef MSKG_GRAPH_STORE_SCANS_H_
#define MSKG_GRAPH_STORE_SCANS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class GraphStore;

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

// Calls `fn` for every node, in id order; stops at the first error, which
// it returns. DataLoss on an unreadable record.
absl::Status ForEachNode(
    const GraphStore& store,
    const std::function<absl::Status(const schema::Node&)>& fn);

// Calls `fn` for every edge, grouped by source; stops at the first error.
// DataLoss on an unreadable record or a missing endpoint.
absl::Status ForEachEdge(
    const GraphStore& store,
    const std::function<absl::Status(const StoredEdge&)>& fn);

// Calls `node_fn` for every node in id order, then `row_fn` for every
// support row (edges grouped by source, then relation, target, document
// id in byte order), all from one snapshot; stops at the first error.
// Provenance is not parsed beyond its polarity, so this is the cheap way
// to stream (edge, document) pairs. DataLoss on an unreadable row.
absl::Status ForEachSupportRow(
    const GraphStore& store,
    const std::function<absl::Status(const schema::Node&)>& node_fn,
    const std::function<absl::Status(const SupportRow&)>& row_fn);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STORE_SCANS_H_
