// graph/string_arena.h
//
// StringArena: copies of many small strings in large blocks, at stable
// addresses, freed together. The triples import keeps the names and
// document ids it has seen in one while the chunks that held them are
// reused: a std::string per name would cost an allocation and ~32 bytes of
// overhead each, and string keys of a flat_hash_map move when it grows.
//
// Thread-safety: not thread-safe; views it returned may be read from any
// thread while no Add() runs.
//
// Private to //graph.
#ifndef MSKG_GRAPH_STRING_ARENA_H_
#define MSKG_GRAPH_STRING_ARENA_H_

#include <cstring>
#include <memory>
#include <vector>

#include "absl/strings/string_view.h"

namespace mskg::graph {

class StringArena {
 public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;

  // Returns a copy of `s` that lives as long as the arena.
  absl::string_view Add(absl::string_view s) {
    if (s.empty()) return absl::string_view();
    if (s.size() > kBlockBytes / 4) {
      // Large strings get a block of their own, leaving the current one.
      blocks_.push_back(std::make_unique<char[]>(s.size()));
      bytes_ += s.size();
      std::memcpy(blocks_.back().get(), s.data(), s.size());
      return absl::string_view(blocks_.back().get(), s.size());
    }
    if (free_ < s.size()) {
      current_ =
          blocks_.emplace_back(std::make_unique<char[]>(kBlockBytes)).get();
      free_ = kBlockBytes;
      bytes_ += kBlockBytes;
    }
    char* out = current_ + (kBlockBytes - free_);
    std::memcpy(out, s.data(), s.size());
    free_ -= s.size();
    return absl::string_view(out, s.size());
  }

  // Returns the bytes allocated.
  size_t MemoryBytes() const { return bytes_; }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;
  size_t free_ = 0;
  size_t bytes_ = 0;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_STRING_ARENA_H_
