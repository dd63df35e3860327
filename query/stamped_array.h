// query/stamped_array.h
//
// StampedArray: values indexed by node, each valid only where stamped with
// the current generation, so that Start() forgets them all at once (the
// arrays are cleared only when the generation wraps): a search or a
// DISTINCT costs nothing for the nodes it does not touch. Sized to the
// largest view seen. Executor-private scratch.
//
// Thread-safety: none; each thread keeps its own.
#ifndef MSKG_QUERY_STAMPED_ARRAY_H_
#define MSKG_QUERY_STAMPED_ARRAY_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mskg::query {

template <typename T>
struct StampedArray {
  std::vector<uint32_t> stamp;
  std::vector<T> value;  // Where stamp == generation.
  uint32_t generation = 0;

  // Forgets every value; makes room for indices below `n`.
  void Start(size_t n) {
    if (stamp.size() < n) {
      stamp.resize(n, 0);
      value.resize(n);
    }
    if (++generation == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      generation = 1;
    }
  }
  bool Has(uint32_t v) const { return stamp[v] == generation; }
  void Set(uint32_t v, T x) {
    stamp[v] = generation;
    value[v] = x;
  }
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_STAMPED_ARRAY_H_
