// graph/node_table.cc: names as written to node indices, for the triples
// import.
#include "graph/node_table.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

#include "absl/hash/hash.h"
#include "graph/key_codec.h"

namespace mskg::graph {

NodeTable::NodeTable() { Grow(); }

uint64_t NodeTable::Hash(schema::NodeType type, absl::string_view name) {
  return absl::Hash<std::pair<int, absl::string_view>>{}(
      std::pair<int, absl::string_view>(type, name));
}

uint32_t NodeTable::Resolve(schema::NodeType type, absl::string_view name,
                            uint64_t hash) {
  const uint64_t tag = hash >> 32;
  size_t i = hash & mask_;
  for (uint64_t slot; (slot = slots_[i]) != 0; i = (i + 1) & mask_) {
    if ((slot >> 32) != tag) continue;
    const Spelling& s = spellings_[(slot & 0xFFFFFFFF) - 1];
    if (s.type == type && s.size == name.size() &&
        std::memcmp(s.data, name.data(), name.size()) == 0) {
      return s.node;
    }
  }
  // A new spelling: only now is its identity (NameKey) computed.
  const absl::string_view spelling = arena_.Add(name);
  const std::string identity = keys::NodeIdentityKey(type, name);
  uint32_t node;
  if (auto it = by_identity_.find(identity); it != by_identity_.end()) {
    node = it->second;
  } else {
    node = static_cast<uint32_t>(nodes_.size());
    const absl::string_view stored = arena_.Add(identity);
    by_identity_.emplace(stored, node);
    nodes_.push_back(Node{stored, spelling, type});
  }
  spellings_.push_back(Spelling{
      hash, spelling.data(), static_cast<uint32_t>(name.size()), node, type});
  slots_[i] = (tag << 32) | spellings_.size();
  if (2 * spellings_.size() > slots_.size()) Grow();
  return node;
}

void NodeTable::Grow() {
  slots_.assign(std::max<size_t>(2 * slots_.size(), 1 << 12), 0);
  mask_ = slots_.size() - 1;
  for (size_t r = 0; r < spellings_.size(); ++r) {
    size_t i = spellings_[r].hash & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (spellings_[r].hash >> 32 << 32) | (r + 1);
  }
}

void NodeTable::ResolveRows(const TripleBatch& batch,
                            std::vector<uint32_t>* out) {
  const std::vector<TripleBatch::Row>& rows = batch.rows();
  const size_t n = 2 * rows.size();  // Subject, object, subject, ...
  out->reserve(out->size() + n);
  auto type_at = [&rows](size_t k) {
    return k % 2 == 0 ? rows[k / 2].subject_type : rows[k / 2].object_type;
  };
  auto name_at = [&rows](size_t k) {
    return k % 2 == 0 ? rows[k / 2].subject : rows[k / 2].object;
  };
  // Name k + kAhead: hashed, its slot prefetched; name k + kAhead / 2: its
  // slot read (speculatively: later inserts may move it) and the spelling
  // it points to prefetched; name k: resolved.
  constexpr size_t kAhead = 16;
  uint64_t ring[kAhead];
  for (size_t k = 0; k < std::min(n, kAhead); ++k) {
    ring[k] = Hash(type_at(k), name_at(k));
  }
  for (size_t k = 0; k < n; ++k) {
    const uint64_t hash = ring[k % kAhead];
    if (k + kAhead < n) {
      const uint64_t ahead = Hash(type_at(k + kAhead), name_at(k + kAhead));
      ring[k % kAhead] = ahead;
      __builtin_prefetch(&slots_[ahead & mask_]);
    }
    if (k + kAhead / 2 < n) {
      const uint64_t slot = slots_[ring[(k + kAhead / 2) % kAhead] & mask_];
      if (slot != 0 && (slot & 0xFFFFFFFF) <= spellings_.size()) {
        const Spelling& s = spellings_[(slot & 0xFFFFFFFF) - 1];
        __builtin_prefetch(&s);
        __builtin_prefetch(s.data);
      }
    }
    out->push_back(Resolve(type_at(k), name_at(k), hash));
  }
}

void NodeTable::ReleaseLookups() {
  std::vector<uint64_t>().swap(slots_);
  std::vector<Spelling>().swap(spellings_);
  absl::flat_hash_map<absl::string_view, uint32_t>().swap(by_identity_);
}

size_t NodeTable::MemoryBytes() const {
  return arena_.MemoryBytes() + slots_.capacity() * sizeof(uint64_t) +
         spellings_.capacity() * sizeof(Spelling) +
         nodes_.capacity() * sizeof(Node) +
         by_identity_.capacity() *
             (sizeof(std::pair<absl::string_view, uint32_t>) + 1);
}

}  // namespace mskg::graph
