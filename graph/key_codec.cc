// graph/key_codec.cc
//
// Encodings of the RocksDB keys and values of a GraphStore (see
// key_codec.h for the layout).
#include "graph/key_codec.h"

#include "util/name_key.h"

namespace mskg::graph::keys {

void AppendBigEndian64(std::string* out, uint64_t value) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(value & 0xFF);
    value >>= 8;
  }
  out->append(buf, 8);
}

uint64_t ReadBigEndian64(absl::string_view in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value = (value << 8) | static_cast<uint8_t>(in[i]);
  }
  return value;
}

void AppendVarint64(std::string* out, uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool GetVarint64(absl::string_view* in, uint64_t* value) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    const uint8_t byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  return false;
}

std::string NodeRowKey(uint64_t id) {
  std::string key;
  AppendBigEndian64(&key, id);
  return key;
}

std::string NameRowPrefix(absl::string_view name_key) {
  std::string key(name_key);
  key.push_back('\0');
  return key;
}

std::string NameRowKey(absl::string_view name_key, uint64_t id) {
  std::string key = NameRowPrefix(name_key);
  AppendBigEndian64(&key, id);
  return key;
}

std::string NodeIdentityKey(schema::NodeType type, absl::string_view name) {
  std::string key(1, static_cast<char>(type));
  key += NameKey(name);
  return key;
}

std::string EdgeRowPrefix(uint64_t node) { return NodeRowKey(node); }

std::string EdgeRowPrefix(uint64_t node, char direction) {
  std::string key = NodeRowKey(node);
  key.push_back(direction);
  return key;
}

std::string EdgeRowPrefix(uint64_t node, char direction,
                          schema::Relation relation) {
  std::string key = EdgeRowPrefix(node, direction);
  key.push_back(static_cast<char>(relation));
  return key;
}

std::string EdgeRowKey(uint64_t node, char direction,
                       schema::Relation relation, uint64_t other) {
  std::string key = EdgeRowPrefix(node, direction, relation);
  AppendBigEndian64(&key, other);
  return key;
}

bool DecodeEdgeRowKey(absl::string_view key, EdgeRow* row) {
  if (key.size() != 18) return false;
  row->node = ReadBigEndian64(key);
  row->direction = key[8];
  row->relation = static_cast<schema::Relation>(static_cast<uint8_t>(key[9]));
  row->other = ReadBigEndian64(key.substr(10));
  return row->direction == kOut || row->direction == kIn;
}

std::string EncodeEdgeCounts(const EdgeCounts& counts) {
  std::string value;
  AppendVarint64(&value, counts.documents);
  AppendVarint64(&value, counts.sentences);
  return value;
}

bool DecodeEdgeCounts(absl::string_view value, EdgeCounts* counts) {
  return GetVarint64(&value, &counts->documents) &&
         GetVarint64(&value, &counts->sentences) && value.empty();
}

std::string SupportPrefix(const Triple& triple) {
  std::string key;
  key.reserve(kTripleKeySize + 16);
  AppendBigEndian64(&key, triple.source);
  key.push_back(static_cast<char>(triple.relation));
  AppendBigEndian64(&key, triple.target);
  return key;
}

std::string SupportKey(const Triple& triple, absl::string_view document_id) {
  std::string key = SupportPrefix(triple);
  key.append(document_id.data(), document_id.size());
  return key;
}

bool DecodeSupportKey(absl::string_view key, Triple* triple,
                      absl::string_view* document_id) {
  if (key.size() < kTripleKeySize) return false;
  triple->source = ReadBigEndian64(key);
  triple->relation =
      static_cast<schema::Relation>(static_cast<uint8_t>(key[8]));
  triple->target = ReadBigEndian64(key.substr(9));
  *document_id = key.substr(kTripleKeySize);
  return true;
}

std::string EncodeStats(const StoredStats& stats) {
  std::string value;
  AppendVarint64(&value, stats.documents);
  AppendVarint64(&value, stats.nodes);
  AppendVarint64(&value, stats.edges);
  AppendVarint64(&value, stats.supports);
  for (int64_t n : stats.nodes_by_type) AppendVarint64(&value, n);
  for (int64_t n : stats.edges_by_relation) AppendVarint64(&value, n);
  return value;
}

bool DecodeStats(absl::string_view value, StoredStats* stats) {
  uint64_t n = 0;
  auto next = [&](int64_t* field) {
    if (!GetVarint64(&value, &n)) return false;
    *field = static_cast<int64_t>(n);
    return true;
  };
  if (!next(&stats->documents) || !next(&stats->nodes) ||
      !next(&stats->edges) || !next(&stats->supports)) {
    return false;
  }
  for (int64_t& field : stats->nodes_by_type) {
    if (!next(&field)) return false;
  }
  for (int64_t& field : stats->edges_by_relation) {
    if (!next(&field)) return false;
  }
  return value.empty();
}

}  // namespace mskg::graph::keys
