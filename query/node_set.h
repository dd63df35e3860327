// query/node_set.h
//
// NodeSet: a set of node indices as a bitmap (one bit a node), for the
// visited sets of breadth-first searches and the DISTINCT of rows keyed by
// one node. At 1M nodes the bitmap is 128 KiB and stays in the L2 cache,
// where a per-node array of stamps and values (stamped_array.h) is 8 MiB of
// cache misses. Clear() forgets only the words that were written, so a
// small search on a big view costs what it touches. Executor-private
// scratch.
//
// Thread-safety: none; each thread keeps its own.
#ifndef MSKG_QUERY_NODE_SET_H_
#define MSKG_QUERY_NODE_SET_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mskg::query {

class NodeSet {
 public:
  // Empties the set; makes room for indices below `n`.
  void Start(size_t n) {
    // Past an eighth of the words, one pass is cheaper than the list.
    if (touched_.size() > words_.size() / 8) {
      std::fill(words_.begin(), words_.end(), 0);
    } else {
      for (uint32_t w : touched_) words_[w] = 0;
    }
    touched_.clear();
    const size_t need = (n + 63) / 64;
    if (words_.size() < need) words_.resize(need, 0);
  }

  // REQUIRES: v below the `n` of the last Start.
  bool Contains(uint32_t v) const {
    return (words_[v >> 6] >> (v & 63)) & 1;
  }

  // Adds `v`; returns whether it was absent. REQUIRES: as Contains.
  bool Insert(uint32_t v) {
    uint64_t& word = words_[v >> 6];
    const uint64_t bit = uint64_t{1} << (v & 63);
    if (word & bit) return false;
    if (word == 0) touched_.push_back(static_cast<uint32_t>(v >> 6));
    word |= bit;
    return true;
  }

 private:
  std::vector<uint64_t> words_;
  std::vector<uint32_t> touched_;  // Words written since Start.
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_NODE_SET_H_
