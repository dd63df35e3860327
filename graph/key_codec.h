// graph/key_codec.h
//
// The RocksDB layout of a GraphStore: column families, key and value
// encodings. Integers in keys are big-endian so that byte order is numeric
// order; counts in values are unsigned LEB128 varints.
//
//   CF "nodes"      key: node id (8 bytes BE)
//                   value: schema::Node
//   CF "names"      key: NameKey(name or alias) '\0' node id (8 bytes BE)
//                   value: empty. One row per distinct key of a node's name
//                   and aliases, so looking a name up is one prefix scan of
//                   NameKey '\0'.
//   CF "node_keys"  key: node type (1 byte) NameKey(canonical name)
//                   value: node id (8 bytes BE). A node's identity is
//                   (type, NameKey(name)).
//   CF "edges"      key: node id (8 BE) direction (1 byte: 'o' out, 'i' in)
//                        relation (1 byte) other node id (8 BE)
//                   value: varint documents, varint sentences (the number
//                   of documents and of sentences supporting the edge).
//                   Every edge has an 'o' row under its source and an 'i'
//                   row under its target, so a node's edges of one relation
//                   in one direction are one prefix scan.
//   CF "supports"   key: source (8 BE) relation (1 byte) target (8 BE)
//                        document id (rest of the key)
//                   value: schema::Support: all provenance of the edge from
//                   that document. The edge's rows in "edges" exist exactly
//                   while it has at least one support row.
//   CF "documents"  key: document id
//                   value: schema::Document, listing the distinct
//                   (source, relation, target) the document claims.
//   CF "meta"       "format_version" -> decimal text (kFormatVersion)
//                   "next_node_id"   -> 8 bytes BE
//                   "stats"          -> varints: documents, nodes, edges,
//                                       supports, nodes_by_type[11],
//                                       edges_by_relation[19]
//
// Private to //graph.
#ifndef MSKG_GRAPH_KEY_CODEC_H_
#define MSKG_GRAPH_KEY_CODEC_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::graph::keys {

inline constexpr char kNodesCf[] = "nodes";
inline constexpr char kNamesCf[] = "names";
inline constexpr char kNodeKeysCf[] = "node_keys";
inline constexpr char kEdgesCf[] = "edges";
inline constexpr char kSupportsCf[] = "supports";
inline constexpr char kDocumentsCf[] = "documents";
inline constexpr char kMetaCf[] = "meta";

inline constexpr char kMetaFormatVersion[] = "format_version";
inline constexpr char kMetaNextNodeId[] = "next_node_id";
inline constexpr char kMetaStats[] = "stats";
inline constexpr char kFormatVersion[] = "1";

inline constexpr char kOut = 'o';
inline constexpr char kIn = 'i';

// Big-endian fixed 64-bit integers.
void AppendBigEndian64(std::string* out, uint64_t value);
// REQUIRES: `in` has at least 8 bytes.
uint64_t ReadBigEndian64(absl::string_view in);

// Unsigned LEB128 varints. GetVarint64 consumes from the front of `in` and
// returns false on truncated input.
void AppendVarint64(std::string* out, uint64_t value);
bool GetVarint64(absl::string_view* in, uint64_t* value);

// "nodes".
std::string NodeRowKey(uint64_t id);

// "names". `name_key` is already a NameKey.
std::string NameRowKey(absl::string_view name_key, uint64_t id);
std::string NameRowPrefix(absl::string_view name_key);

// "node_keys": type byte + NameKey(name) (NameKey is applied here).
std::string NodeIdentityKey(schema::NodeType type, absl::string_view name);

// "edges".
struct EdgeRow {
  uint64_t node = 0;
  char direction = kOut;
  schema::Relation relation = schema::RELATION_UNSPECIFIED;
  uint64_t other = 0;
};
std::string EdgeRowKey(uint64_t node, char direction,
                       schema::Relation relation, uint64_t other);
// Prefix of all edges of `node`; of one direction; of one relation.
std::string EdgeRowPrefix(uint64_t node);
std::string EdgeRowPrefix(uint64_t node, char direction);
std::string EdgeRowPrefix(uint64_t node, char direction,
                          schema::Relation relation);
bool DecodeEdgeRowKey(absl::string_view key, EdgeRow* row);

struct EdgeCounts {
  uint64_t documents = 0;
  uint64_t sentences = 0;
};
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
inline constexpr size_t kTripleKeySize = 17;
std::string SupportKey(const Triple& triple, absl::string_view document_id);
std::string SupportPrefix(const Triple& triple);
// Decodes a "supports" key; `document_id` views into `key`.
bool DecodeSupportKey(absl::string_view key, Triple* triple,
                      absl::string_view* document_id);

// "meta" stats record.
struct StoredStats {
  int64_t documents = 0;
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t supports = 0;
  int64_t nodes_by_type[11] = {};
  int64_t edges_by_relation[19] = {};
};
std::string EncodeStats(const StoredStats& stats);
bool DecodeStats(absl::string_view value, StoredStats* stats);

}  // namespace mskg::graph::keys

#endif  // MSKG_GRAPH_KEY_CODEC_H_
