// graph/key_codec.h
//
// The RocksDB layout of a GraphStore: column families, key and value
// encodings. This file is the only encoder of the format: the document
// writer (document_writer.cc) and both SST bulk loaders
// (sst_bulk_loader.cc, sst_triples_loader.cc) build every key and value
// through it, and graph_store_test's WritePathsWriteTheSameBytes checks
// that the three write the same bytes. Integers in keys are big-endian so
// that byte order is numeric order; counts in values are unsigned LEB128
// varints.
//
//   CF "nodes"      key: node id (8 bytes BE)
//                   value: schema::Node
//   CF "node_keys"  key: node type (1 byte) NameKey(canonical name)
//                   value: node id (8 bytes BE). A node's identity is
//                   (type, NameKey(name)); the writers look nodes up here.
//   CF "edges"      key: node id (8 BE) direction (1 byte: 'o' out, 'i' in)
//                        relation (1 byte) other node id (8 BE)
//                   value: varint documents, varint sentences (the number
//                   of documents and of sentences supporting the edge).
//                   Every edge has an 'o' row under its source and an 'i'
//                   row under its target. The writers read the 'o' row to
//                   update the counts.
//   CF "supports"   key: source (8 BE) relation (1 byte) target (8 BE)
//                        document id (rest of the key)
//                   value: schema::Support: all provenance of the edge from
//                   that document, each Provenance with its document_id
//                   set. The edge's rows in "edges" exist exactly while it
//                   has at least one support row. Scans and View() read
//                   this family in key order.
//   CF "documents"  key: document id
//                   value: schema::Document, listing the distinct
//                   (source, relation, target) the document claims, in
//                   that order.
//   CF "meta"       "format_version" -> decimal text (kFormatVersion)
//                   "next_node_id"   -> 8 bytes BE
//                   "stats"          -> varints: documents, nodes, edges,
//                                       supports, nodes_by_type[one per
//                                       schema::NodeType value],
//                                       edges_by_relation[one per
//                                       schema::Relation value]
//
// Format versions: "1" had a "names" column family (NameKey of each name
// and alias, '\0', node id) that nothing read; "2" dropped it. A store of
// another version fails to open with FailedPrecondition (graph/README.md
// says how to rebuild it).
//
// The Encode*/Put* forms write into a caller's buffer and never allocate:
// the bulk loaders call them per row. The std::string-returning forms are
// for the per-document path and tests.
//
// Private to //graph.
#ifndef MSKG_GRAPH_KEY_CODEC_H_
#define MSKG_GRAPH_KEY_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::graph::keys {

inline constexpr char kNodesCf[] = "nodes";
inline constexpr char kNodeKeysCf[] = "node_keys";
inline constexpr char kEdgesCf[] = "edges";
inline constexpr char kSupportsCf[] = "supports";
inline constexpr char kDocumentsCf[] = "documents";
inline constexpr char kMetaCf[] = "meta";
// The column family of format version 1 that version 2 dropped.
inline constexpr char kDroppedNamesCf[] = "names";

inline constexpr char kMetaFormatVersion[] = "format_version";
inline constexpr char kMetaNextNodeId[] = "next_node_id";
inline constexpr char kMetaStats[] = "stats";
inline constexpr char kFormatVersion[] = "2";

inline constexpr char kOut = 'o';
inline constexpr char kIn = 'i';

inline constexpr size_t kNodeRowKeySize = 8;
inline constexpr size_t kEdgeRowKeySize = 18;
inline constexpr size_t kTripleKeySize = 17;
inline constexpr size_t kMaxVarint64Size = 10;
inline constexpr size_t kMaxEdgeCountsSize = 2 * kMaxVarint64Size;

// Big-endian fixed 64-bit integers. PutBigEndian64 writes 8 bytes at `out`.
inline void PutBigEndian64(uint64_t value, char* out) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xFF);
    value >>= 8;
  }
}
void AppendBigEndian64(std::string* out, uint64_t value);
// REQUIRES: `in` has at least 8 bytes.
uint64_t ReadBigEndian64(absl::string_view in);

// Unsigned LEB128 varints. PutVarint64 writes at most kMaxVarint64Size
// bytes at `out` and returns how many. GetVarint64 consumes from the front
// of `in` and returns false on truncated input.
inline size_t PutVarint64(uint64_t value, char* out) {
  size_t n = 0;
  while (value >= 0x80) {
    out[n++] = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out[n++] = static_cast<char>(value);
  return n;
}
void AppendVarint64(std::string* out, uint64_t value);
bool GetVarint64(absl::string_view* in, uint64_t* value);

// "nodes" keys; also the encoding of "meta" next_node_id and of the
// "node_keys" values.
inline void EncodeNodeRowKey(uint64_t id, char* out) {
  PutBigEndian64(id, out);
}
std::string NodeRowKey(uint64_t id);

// "node_keys": type byte + NameKey(name) (NameKey is applied here).
std::string NodeIdentityKey(schema::NodeType type, absl::string_view name);

// "edges". EncodeEdgeRowKey writes kEdgeRowKeySize bytes at `out`.
inline void EncodeEdgeRowKey(uint64_t node, char direction, uint8_t relation,
                             uint64_t other, char* out) {
  PutBigEndian64(node, out);
  out[8] = direction;
  out[9] = static_cast<char>(relation);
  PutBigEndian64(other, out + 10);
}
std::string EdgeRowKey(uint64_t node, char direction, schema::Relation relation,
                       uint64_t other);

struct EdgeCounts {
  uint64_t documents = 0;
  uint64_t sentences = 0;
};
// Writes at most kMaxEdgeCountsSize bytes at `out`; returns how many.
inline size_t EncodeEdgeCounts(const EdgeCounts& counts, char* out) {
  const size_t n = PutVarint64(counts.documents, out);
  return n + PutVarint64(counts.sentences, out + n);
}
std::string EncodeEdgeCounts(const EdgeCounts& counts);
bool DecodeEdgeCounts(absl::string_view value, EdgeCounts* counts);

// "supports".
struct Triple {
  uint64_t source = 0;
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  uint64_t target = 0;

  friend bool operator==(const Triple& a, const Triple& b) {
    return a.source == b.source && a.relation == b.relation &&
           a.target == b.target;
  }
  friend bool operator<(const Triple& a, const Triple& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.relation != b.relation) return a.relation < b.relation;
    return a.target < b.target;
  }
  template <typename H>
  friend H AbslHashValue(H h, const Triple& t) {
    return H::combine(std::move(h), t.source, static_cast<int>(t.relation),
                      t.target);
  }
};
// Replaces `*key` by the "supports" key, reusing its capacity.
void AssignSupportKey(uint64_t source, uint8_t relation, uint64_t target,
                      absl::string_view document_id, std::string* key);
std::string SupportKey(const Triple& triple, absl::string_view document_id);
// Decodes a "supports" key; `document_id` views into `key`.
bool DecodeSupportKey(absl::string_view key, Triple* triple,
                      absl::string_view* document_id);

// "supports" values. A schema::Support is the concatenation of its
// Provenance fields (tag 0x0A, varint length, serialized Provenance), so
// the loaders build one by appending fields.
//
// Serializes `provenance` into `*out` (replacing it) as the record stores
// it: with `document_id` when its own is empty. Document_id is field 1,
// first in the encoding, so it is prepended without a copy of the message.
void SerializeStoredProvenance(const schema::Provenance& provenance,
                               absl::string_view document_id, std::string* out);
// Appends one Support.provenance field holding `serialized_provenance`.
void AppendSupportField(absl::string_view serialized_provenance,
                        std::string* out);
// The Support.provenance field of a triples row of `document_id`
// (triple_batch.h): the document only, AFFIRMED, confidence 1.
std::string TripleRowSupportField(absl::string_view document_id);

// Walks a "supports" value (a serialized schema::Support) without parsing
// it: calls `fn` with each serialized Provenance and whether it is not
// NEGATED (Support is `repeated Provenance provenance = 1`; polarity is
// Provenance field 7, a varint). Returns false if `value` is malformed.
bool ForEachSupportProvenance(
    absl::string_view value,
    absl::FunctionRef<void(absl::string_view provenance, bool affirmed)> fn);

// "documents" values and "meta": when the record was written. Every writer
// stamps schema::Document::ingested_unix_micros with this.
int64_t IngestTimeMicros();
// Makes IngestTimeMicros() return `micros` from now on (0: the clock
// again), so that tests can compare what writers write byte for byte.
void SetIngestTimeForTesting(int64_t micros);

// "meta" stats record. The arrays are indexed by the schema's enum values.
inline constexpr int kNumNodeTypeSlots = schema::NodeType_ARRAYSIZE;
inline constexpr int kNumRelationSlots = schema::Relation_ARRAYSIZE;
struct StoredStats {
  int64_t documents = 0;
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t supports = 0;
  int64_t nodes_by_type[kNumNodeTypeSlots] = {};
  int64_t edges_by_relation[kNumRelationSlots] = {};
};
std::string EncodeStats(const StoredStats& stats);
bool DecodeStats(absl::string_view value, StoredStats* stats);

}  // namespace mskg::graph::keys

#endif  // MSKG_GRAPH_KEY_CODEC_H_
