// graph/view_layout.h
//
// The steps of laying a view out in its bytes (snapshot_format.h) that
// GraphViewBuilder::Finish() (view_layout.cc) and the patched view
// (view_patch.cc) share, so that the same graph gives the same bytes by
// either path. Each step reads only what earlier steps wrote into the block.
//
// Private to //graph.
#ifndef MSKG_GRAPH_VIEW_LAYOUT_H_
#define MSKG_GRAPH_VIEW_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "graph/graph_view.h"
#include "graph/snapshot_format.h"

namespace mskg::graph::layout {

// Bytes on the heap, 8-byte aligned and zeroed (so that padding inside
// records is zero and the layout is the same on every run), as fresh zero
// pages made resident only as the layout writes them: calloc for small
// blocks, an anonymous mapping for large ones, advised to use huge pages
// where the kernel allows it (a view of a million edges is ~160 MB: with
// 4 KiB pages, faulting them in was a fifth of a patched view's time).
class HeapBytes : public SnapshotBytes {
 public:
  explicit HeapBytes(size_t size);
  ~HeapBytes() override;
  HeapBytes(const HeapBytes&) = delete;
  HeapBytes& operator=(const HeapBytes&) = delete;
  const char* data() const override { return data_; }
  size_t size() const override { return size_; }
  char* mutable_data() { return data_; }

 private:
  char* data_ = nullptr;
  size_t size_;
  size_t mapped_ = 0;  // Bytes mapped, if mapped (else calloc'ed).
};

// Returns the bytes of `v` as an unsigned LEB128 varint.
size_t VarintSize(uint64_t v);
// Writes `v` at `p` as an unsigned LEB128 varint; returns the end.
char* PutVarint(char* p, uint64_t v);

// Returns the number of name-key slots for `num_keys` distinct keys.
uint64_t KeySlotCount(size_t num_keys);

// What the sections hold, in elements or bytes as named.
struct Counts {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t string_bytes = 0;
  uint64_t aliases = 0;
  uint64_t premises = 0;
  uint64_t support_bytes = 0;
  uint64_t key_slots = 0;
  uint64_t keyed_nodes = 0;  // (key, node) pairs.
};

// A block sized for `counts`, zeroed, with its header (not yet written
// into it) zeroed but for the sections' offsets and sizes.
struct Block {
  explicit Block(const Counts& counts);
  char* at(snapshot::Section s) const {
    return base + header.sections[s].offset;
  }

  Counts counts;
  snapshot::Header header;
  std::unique_ptr<HeapBytes> bytes;
  char* base = nullptr;
};

// Appends strings to the block's kStrings section.
class StringWriter {
 public:
  explicit StringWriter(const Block& block)
      : base_(block.at(snapshot::kStrings)) {}
  snapshot::StrRef Put(absl::string_view s);

 private:
  char* base_;
  uint64_t used_ = 0;
};

// One (NameKey, node) pair of the name-key index.
struct KeyedNode {
  absl::string_view key;
  NodeIndex node;
  // StableHash64(key) if known, else 0 (computed).
  uint64_t hash = 0;
};

// Lays out kKeySlots and kKeyLists from `keyed`, sorted by key then node,
// without repeats, appending each distinct key to `strings` in that order.
void LayOutKeys(absl::Span<const KeyedNode> keyed, StringWriter* strings,
                Block* block);

// Lays out kOutBegin, kOut, kInBegin, kIn from the edge records and
// kTypeBegin, kTypeNodes from the node records, both written already.
void LayOutIndices(Block* block);
// Lays out kTypeBegin and kTypeNodes alone (LayOutIndices() does).
void LayOutNodesByType(Block* block);
// Returns whether adjacency entry `a` goes before `b` in a node's list.
bool AdjacentLess(const Adjacent& a, const Adjacent& b);

// Writes the header (with `stamp`) into the block and returns the view.
std::shared_ptr<const GraphView> FinishBlock(Block* block,
                                             const snapshot::StoreStamp& stamp);

}  // namespace mskg::graph::layout

#endif  // MSKG_GRAPH_VIEW_LAYOUT_H_
