// graph/key_codec.cc
//
// Encodings of the RocksDB keys and values of a GraphStore (see
// key_codec.h for the layout).
#include "graph/key_codec.h"

#include <atomic>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "util/name_key.h"

namespace mskg::graph::keys {
namespace {

// 0: the clock. Set only by tests.
std::atomic<int64_t> ingest_time_for_testing{0};

}  // namespace

void AppendBigEndian64(std::string* out, uint64_t value) {
  char buf[8];
  PutBigEndian64(value, buf);
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
  char buf[kMaxVarint64Size];
  out->append(buf, PutVarint64(value, buf));
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
  char key[kNodeRowKeySize];
  EncodeNodeRowKey(id, key);
  return std::string(key, sizeof(key));
}

std::string NodeIdentityKey(schema::NodeType type, absl::string_view name) {
  std::string key(1, static_cast<char>(type));
  key += NameKey(name);
  return key;
}

std::string EdgeRowKey(uint64_t node, char direction, schema::Relation relation,
                       uint64_t other) {
  char key[kEdgeRowKeySize];
  EncodeEdgeRowKey(node, direction, static_cast<uint8_t>(relation), other, key);
  return std::string(key, sizeof(key));
}

std::string EncodeEdgeCounts(const EdgeCounts& counts) {
  char value[kMaxEdgeCountsSize];
  return std::string(value, EncodeEdgeCounts(counts, value));
}

bool DecodeEdgeCounts(absl::string_view value, EdgeCounts* counts) {
  return GetVarint64(&value, &counts->documents) &&
         GetVarint64(&value, &counts->sentences) && value.empty();
}

void AssignSupportKey(uint64_t source, uint8_t relation, uint64_t target,
                      absl::string_view document_id, std::string* key) {
  char triple[kTripleKeySize];
  PutBigEndian64(source, triple);
  triple[8] = static_cast<char>(relation);
  PutBigEndian64(target, triple + 9);
  key->assign(triple, sizeof(triple));
  key->append(document_id.data(), document_id.size());
}

std::string SupportKey(const Triple& triple, absl::string_view document_id) {
  std::string key;
  key.reserve(kTripleKeySize + document_id.size());
  AssignSupportKey(triple.source, static_cast<uint8_t>(triple.relation),
                   triple.target, document_id, &key);
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

void SerializeStoredProvenance(const schema::Provenance& provenance,
                               absl::string_view document_id,
                               std::string* out) {
  out->clear();
  if (provenance.document_id().empty()) {
    out->push_back(0x0A);  // Provenance.document_id.
    AppendVarint64(out, document_id.size());
    out->append(document_id.data(), document_id.size());
  }
  provenance.AppendToString(out);
}

void AppendSupportField(absl::string_view serialized_provenance,
                        std::string* out) {
  out->push_back(0x0A);  // Support.provenance.
  AppendVarint64(out, serialized_provenance.size());
  out->append(serialized_provenance.data(), serialized_provenance.size());
}

std::string TripleRowSupportField(absl::string_view document_id) {
  schema::Provenance provenance;
  provenance.set_document_id(std::string(document_id));
  provenance.set_polarity(schema::AFFIRMED);
  provenance.set_confidence(1.0f);
  std::string field;
  AppendSupportField(provenance.SerializeAsString(), &field);
  return field;
}

bool ForEachSupportProvenance(
    absl::string_view value,
    absl::FunctionRef<void(absl::string_view provenance, bool affirmed)> fn) {
  while (!value.empty()) {
    uint64_t tag;
    uint64_t size;
    if (!GetVarint64(&value, &tag) || tag != 0x0A ||
        !GetVarint64(&value, &size) || size > value.size()) {
      return false;
    }
    const absl::string_view provenance = value.substr(0, size);
    value.remove_prefix(size);
    absl::string_view p = provenance;
    uint64_t polarity = 0;
    while (!p.empty()) {
      uint64_t field;
      if (!GetVarint64(&p, &field)) return false;
      uint64_t n;
      switch (field & 7) {
        case 0:
          if (!GetVarint64(&p, &n)) return false;
          if ((field >> 3) == 7) polarity = n;
          break;
        case 1:
          if (p.size() < 8) return false;
          p.remove_prefix(8);
          break;
        case 2:
          if (!GetVarint64(&p, &n) || n > p.size()) return false;
          p.remove_prefix(n);
          break;
        case 5:
          if (p.size() < 4) return false;
          p.remove_prefix(4);
          break;
        default:
          return false;
      }
    }
    fn(provenance, polarity != schema::NEGATED);
  }
  return true;
}

int64_t IngestTimeMicros() {
  const int64_t fixed = ingest_time_for_testing.load(std::memory_order_relaxed);
  return fixed != 0 ? fixed : absl::ToUnixMicros(absl::Now());
}

void SetIngestTimeForTesting(int64_t micros) {
  ingest_time_for_testing.store(micros, std::memory_order_relaxed);
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
