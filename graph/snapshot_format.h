// graph/snapshot_format.h
//
// The byte layout of a GraphView: the same bytes whether the view was just
// built (GraphViewBuilder::Finish() lays them out on the heap) or mapped
// from the store's snapshot file (snapshot_file.h). A view reads its arrays
// in place, so opening a mapped file parses nothing and touches only the
// pages that queries read.
//
// Layout (little-endian, as written by the machine; the header records the
// byte order and a reader on another order refuses the file):
//
//   Header (kHeaderBytes, padded), then sections, each 8-byte aligned:
//   kNodes      NodeRecord[num_nodes]
//   kEdges      EdgeRecord[num_edges]
//   kStrings    bytes: names, aliases, rules, name keys (no terminators)
//   kAliases    StrRef[]   (NodeRecord::alias_begin .. + alias_count)
//   kPremises   uint32[]   (EdgeRecord::premise_begin .. + premise_count)
//   kSupports   bytes: per asserted edge, varint count, then per
//               provenance varint length + serialized schema::Provenance
//   kOutBegin   uint32[num_nodes + 1], kOut Adjacent[num_edges]
//   kInBegin    uint32[num_nodes + 1], kIn  Adjacent[num_edges]
//   kTypeBegin  uint32[kNumNodeTypes + 1], kTypeNodes NodeIndex[num_nodes]
//   kKeySlots   KeySlot[power of two]: open-addressing table of NameKeys,
//               hashed with StableHash64 (never absl::Hash, which is seeded
//               per process); kKeyLists NodeIndex[]
//   kRelationCounts uint64[kNumRelations]
//
// Only the header is checksummed: a checksum of the body would read every
// page on open. The file is written whole to a temporary name and renamed
// (snapshot_file.cc), so it is never torn; the header's sizes are checked
// against the file's, and every section's bounds against the file.
//
// Private to //graph.
#ifndef MSKG_GRAPH_SNAPSHOT_FORMAT_H_
#define MSKG_GRAPH_SNAPSHOT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "absl/strings/string_view.h"

namespace mskg::graph::snapshot {

// Bump on any change of the layout below or of what a view holds.
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr char kMagic[8] = {'M', 'S', 'K', 'G', 'V', 'I', 'E', 'W'};
inline constexpr uint32_t kByteOrderMark = 0x01020304u;
inline constexpr size_t kHeaderBytes = 512;

enum Section : int {
  kNodes,
  kEdges,
  kStrings,
  kAliases,
  kPremises,
  kSupports,
  kOutBegin,
  kOut,
  kInBegin,
  kIn,
  kTypeBegin,
  kTypeNodes,
  kKeySlots,
  kKeyLists,
  kRelationCounts,
  kNumSections
};

struct SectionRef {
  uint64_t offset = 0;
  uint64_t size = 0;  // Bytes.
};

// What a snapshot file must match to stand for the store: the store's
// RocksDB sequence number when the view was read, its database identity
// (so that a file copied from another store is refused) and whether the
// inference rules were applied. Zero in a view built without a store.
struct StoreStamp {
  uint64_t sequence = 0;
  uint64_t identity_hash = 0;  // StableHash64 of DB::GetDbIdentity().
  uint64_t inference = 0;      // 1 if the rules were applied.
  bool operator==(const StoreStamp& o) const {
    return sequence == o.sequence && identity_hash == o.identity_hash &&
           inference == o.inference;
  }
};

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t byte_order;
  uint64_t file_size;
  uint64_t num_nodes;
  uint64_t num_edges;
  StoreStamp stamp;
  SectionRef sections[kNumSections];
  // StableHash64 of the header bytes before this field.
  uint64_t checksum;
};
static_assert(sizeof(Header) <= kHeaderBytes);
static_assert(std::is_trivially_copyable_v<Header>);

struct StrRef {
  uint64_t offset;  // Into kStrings.
  uint32_t size;
  uint32_t unused;
};

struct NodeRecord {
  uint64_t id;
  StrRef name;
  uint32_t alias_begin;
  uint32_t alias_count;
  uint8_t type;
  uint8_t name_unique;
  uint8_t unused[6];
};

struct EdgeRecord {
  uint32_t source;
  uint32_t target;
  uint8_t relation;
  uint8_t inferred;
  uint8_t negated;
  uint8_t unused;
  uint32_t premise_count;
  uint64_t premise_begin;
  StrRef rule;
  uint64_t support_offset;  // Into kSupports.
  uint64_t support_size;    // 0: no support.
};

struct KeySlot {
  uint64_t hash;  // 0: empty slot (StableHash64 never returns 0).
  StrRef key;
  uint64_t list_begin;  // Into kKeyLists.
  uint64_t list_count;
};

static_assert(std::is_trivially_copyable_v<NodeRecord>);
static_assert(std::is_trivially_copyable_v<EdgeRecord>);
static_assert(std::is_trivially_copyable_v<KeySlot>);

// FNV-1a, 64 bits, with 0 mapped to 1: the same in every process and on
// every machine, unlike absl::Hash. Used for name keys and the header
// checksum.
inline uint64_t StableHash64(absl::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h == 0 ? 1 : h;
}

// Returns the checksum of `header` (the bytes before its checksum field).
inline uint64_t HeaderChecksum(const Header& header) {
  return StableHash64(absl::string_view(reinterpret_cast<const char*>(&header),
                                        offsetof(Header, checksum)));
}

}  // namespace mskg::graph::snapshot

#endif  // MSKG_GRAPH_SNAPSHOT_FORMAT_H_
