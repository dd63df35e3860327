// graph/spelling_index.h
//
// SpellingIndex: names as written, (type, spelling) -> a uint32 value, for
// the bulk loaders' node resolution, which sees each distinct spelling
// millions of times and must compute its NameKey only once.
//
// An open-addressing table of 8-byte slots, (hash >> 32) << 32 | (spelling
// index + 1), 0 if empty, kept at most half full, over a vector of
// spellings. Unlike absl::flat_hash_map it lets a caller prefetch a later
// lookup's slot and spelling (PrefetchSlot, PrefetchSpelling); why that
// matters is in bench/README.md. Find() compares the bytes of every
// spelling whose slot tag matches, so equal hashes of different spellings
// are told apart.
//
// The index does not own the spellings' bytes: they must outlive it.
//
// Thread-safety: not thread-safe. Private to //graph.
#ifndef MSKG_GRAPH_SPELLING_INDEX_H_
#define MSKG_GRAPH_SPELLING_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace mskg::graph {

class SpellingIndex {
 public:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

  SpellingIndex() { Grow(); }

  static uint64_t Hash(int type, absl::string_view name) {
    return absl::Hash<std::pair<int, absl::string_view>>{}(
        std::pair<int, absl::string_view>(type, name));
  }

  // Returns the value of (type, name), or kAbsent. `hash` is Hash().
  uint32_t Find(int type, absl::string_view name, uint64_t hash) const {
    const uint64_t tag = hash >> 32;
    for (size_t i = hash & mask_; slots_[i] != 0; i = (i + 1) & mask_) {
      if ((slots_[i] >> 32) != tag) continue;
      const Spelling& s = spellings_[(slots_[i] & 0xFFFFFFFF) - 1];
      if (s.type == type && s.size == name.size() &&
          std::memcmp(s.data, name.data(), name.size()) == 0) {
        return s.value;
      }
    }
    return kAbsent;
  }

  // Adds (type, name) -> value. REQUIRES: Find() returns kAbsent for it;
  // name's bytes outlive the index.
  void Insert(int type, absl::string_view name, uint64_t hash, uint32_t value) {
    spellings_.push_back(Spelling{hash, name.data(),
                                  static_cast<uint32_t>(name.size()), value,
                                  type});
    if (2 * spellings_.size() > slots_.size()) {
      Grow();  // Places every spelling, the new one too.
    } else {
      Place(spellings_.size() - 1);
    }
  }

  // Prefetches the slot a lookup of `hash` reads first.
  void PrefetchSlot(uint64_t hash) const {
    __builtin_prefetch(&slots_[hash & mask_]);
  }
  // Prefetches the spelling that slot points to (speculatively: inserts in
  // between may move it), once the slot is in cache.
  void PrefetchSpelling(uint64_t hash) const {
    const uint64_t slot = slots_[hash & mask_];
    if (slot != 0 && (slot & 0xFFFFFFFF) <= spellings_.size()) {
      const Spelling& s = spellings_[(slot & 0xFFFFFFFF) - 1];
      __builtin_prefetch(&s);
      __builtin_prefetch(s.data);
    }
  }

  size_t MemoryBytes() const {
    return slots_.capacity() * sizeof(uint64_t) +
           spellings_.capacity() * sizeof(Spelling);
  }

 private:
  struct Spelling {
    uint64_t hash;
    const char* data;
    uint32_t size;
    uint32_t value;
    int type;
  };

  void Place(size_t r) {
    size_t i = spellings_[r].hash & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (spellings_[r].hash >> 32 << 32) | (r + 1);
  }
  void Grow() {
    slots_.assign(std::max<size_t>(2 * slots_.size(), 1 << 12), 0);
    mask_ = slots_.size() - 1;
    for (size_t r = 0; r < spellings_.size(); ++r) Place(r);
  }

  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
  std::vector<Spelling> spellings_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_SPELLING_INDEX_H_
