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

NodeTable::NodeTable() = default;

uint32_t NodeTable::Resolve(schema::NodeType type, absl::string_view name,
                            uint64_t hash) {
  if (const uint32_t node = spellings_.Find(type, name, hash);
      node != SpellingIndex::kAbsent) {
    return node;
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
  spellings_.Insert(type, spelling, hash, node);
  return node;
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
    ring[k] = SpellingIndex::Hash(type_at(k), name_at(k));
  }
  for (size_t k = 0; k < n; ++k) {
    const uint64_t hash = ring[k % kAhead];
    if (k + kAhead < n) {
      const uint64_t ahead =
          SpellingIndex::Hash(type_at(k + kAhead), name_at(k + kAhead));
      ring[k % kAhead] = ahead;
      spellings_.PrefetchSlot(ahead);
    }
    if (k + kAhead / 2 < n) {
      spellings_.PrefetchSpelling(ring[(k + kAhead / 2) % kAhead]);
    }
    out->push_back(Resolve(type_at(k), name_at(k), hash));
  }
}

void NodeTable::ReleaseLookups() {
  spellings_ = SpellingIndex();
  absl::flat_hash_map<absl::string_view, uint32_t>().swap(by_identity_);
}

size_t NodeTable::MemoryBytes() const {
  return arena_.MemoryBytes() + spellings_.MemoryBytes() +
         nodes_.capacity() * sizeof(Node) +
         by_identity_.capacity() *
             (sizeof(std::pair<absl::string_view, uint32_t>) + 1);
}

}  // namespace mskg::graph
