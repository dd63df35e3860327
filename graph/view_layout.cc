// graph/view_layout.cc
//
// GraphViewBuilder::Finish(): lays the built graph out in one block of
// bytes in the snapshot format (snapshot_format.h), which the GraphView
// then reads in place, exactly as it reads a mapped snapshot file. Sizes
// are computed first and the block is allocated once; each edge's support
// is serialized straight into it and freed from the builder as it goes,
// so the peak is the builder plus the block.
#include "graph/view_layout.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "graph/graph_view.h"
#include "util/name_key.h"

namespace mskg::graph {

using snapshot::EdgeRecord;
using snapshot::KeySlot;
using snapshot::NodeRecord;
using snapshot::StrRef;

namespace layout {

HeapBytes::HeapBytes(size_t size) : size_(size) {
  constexpr size_t kMapAbove = size_t{8} << 20;
  constexpr size_t kHugePage = size_t{2} << 20;
  if (size >= kMapAbove) {
    const size_t length = (size + kHugePage - 1) & ~(kHugePage - 1);
    void* p = mmap(nullptr, length, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      // Advice only: without huge pages the block is as before.
      madvise(p, length, MADV_HUGEPAGE);
      data_ = static_cast<char*>(p);
      mapped_ = length;
      return;
    }
  }
  data_ = static_cast<char*>(std::calloc((size + 7) / 8, 8));
  if (data_ == nullptr) throw std::bad_alloc();
}

HeapBytes::~HeapBytes() {
  if (mapped_ != 0) {
    munmap(data_, mapped_);
  } else {
    std::free(data_);
  }
}

size_t VarintSize(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

char* PutVarint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

uint64_t KeySlotCount(size_t num_keys) {
  uint64_t slots = 1;
  while (slots < 2 * num_keys) slots <<= 1;
  return slots;
}

bool AdjacentLess(const Adjacent& a, const Adjacent& b) {
  if (a.relation != b.relation) return a.relation < b.relation;
  if (a.node != b.node) return a.node < b.node;
  return a.edge < b.edge;
}

namespace {

uint64_t Align8(uint64_t v) { return (v + 7) & ~uint64_t{7}; }

}  // namespace

Block::Block(const Counts& c) : counts(c) {
  std::memset(static_cast<void*>(&header), 0, sizeof(header));
  const uint64_t n = c.nodes, m = c.edges;
  const uint64_t sizes[snapshot::kNumSections] = {n * sizeof(NodeRecord),
                                                  m * sizeof(EdgeRecord),
                                                  c.string_bytes,
                                                  c.aliases * sizeof(StrRef),
                                                  c.premises * 4,
                                                  c.support_bytes,
                                                  (n + 1) * 4,
                                                  m * sizeof(Adjacent),
                                                  (n + 1) * 4,
                                                  m * sizeof(Adjacent),
                                                  (kNumNodeTypes + 1) * 4,
                                                  n * 4,
                                                  c.key_slots * sizeof(KeySlot),
                                                  c.keyed_nodes * 4,
                                                  kNumRelations * 8};
  uint64_t offset = snapshot::kHeaderBytes;
  for (int s = 0; s < snapshot::kNumSections; ++s) {
    header.sections[s] = {offset, sizes[s]};
    offset = Align8(offset + sizes[s]);
  }
  header.file_size = offset;
  bytes = std::make_unique<HeapBytes>(offset);
  base = bytes->mutable_data();
}

StrRef StringWriter::Put(absl::string_view s) {
  std::memcpy(base_ + used_, s.data(), s.size());
  StrRef ref{used_, static_cast<uint32_t>(s.size()), 0};
  used_ += s.size();
  return ref;
}

void LayOutKeys(absl::Span<const KeyedNode> keyed, StringWriter* strings,
                Block* block) {
  const uint64_t slots = block->counts.key_slots;
  auto* key_slots = reinterpret_cast<KeySlot*>(block->at(snapshot::kKeySlots));
  auto* key_lists =
      reinterpret_cast<NodeIndex*>(block->at(snapshot::kKeyLists));
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    while (j < keyed.size() && keyed[j].key == keyed[i].key) {
      key_lists[j] = keyed[j].node;
      ++j;
    }
    const uint64_t hash = keyed[i].hash != 0
                              ? keyed[i].hash
                              : snapshot::StableHash64(keyed[i].key);
    uint64_t s = hash & (slots - 1);
    while (key_slots[s].hash != 0) s = (s + 1) & (slots - 1);
    key_slots[s].hash = hash;
    key_slots[s].key = strings->Put(keyed[i].key);
    key_slots[s].list_begin = i;
    key_slots[s].list_count = j - i;
    i = j;
  }
}

// ---- CSR adjacency: counting sort by endpoint, then by relation ----
void LayOutIndices(Block* block) {
  const size_t n = block->counts.nodes;
  const size_t m = block->counts.edges;
  const auto* edge_records =
      reinterpret_cast<const EdgeRecord*>(block->at(snapshot::kEdges));
  auto* out_begin = reinterpret_cast<uint32_t*>(block->at(snapshot::kOutBegin));
  auto* in_begin = reinterpret_cast<uint32_t*>(block->at(snapshot::kInBegin));
  for (EdgeIndex i = 0; i < m; ++i) {
    ++out_begin[edge_records[i].source + 1];
    ++in_begin[edge_records[i].target + 1];
  }
  for (size_t i = 0; i < n; ++i) {
    out_begin[i + 1] += out_begin[i];
    in_begin[i + 1] += in_begin[i];
  }
  auto* out = reinterpret_cast<Adjacent*>(block->at(snapshot::kOut));
  auto* in = reinterpret_cast<Adjacent*>(block->at(snapshot::kIn));
  {
    std::vector<uint32_t> out_fill(out_begin, out_begin + n);
    std::vector<uint32_t> in_fill(in_begin, in_begin + n);
    auto fill = [](Adjacent& a, NodeIndex node, EdgeIndex e,
                   const EdgeRecord& r) {
      a.node = node;
      a.edge = e;
      a.relation = static_cast<schema::Relation>(r.relation);
      a.negated = r.negated != 0;
      a.inferred = r.inferred != 0;
    };
    for (EdgeIndex i = 0; i < m; ++i) {
      const EdgeRecord& r = edge_records[i];
      fill(out[out_fill[r.source]++], r.target, i, r);
      fill(in[in_fill[r.target]++], r.source, i, r);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    std::sort(out + out_begin[i], out + out_begin[i + 1], AdjacentLess);
    std::sort(in + in_begin[i], in + in_begin[i + 1], AdjacentLess);
  }

  LayOutNodesByType(block);
}

void LayOutNodesByType(Block* block) {
  const size_t n = block->counts.nodes;
  const auto* node_records =
      reinterpret_cast<const NodeRecord*>(block->at(snapshot::kNodes));
  auto* type_begin =
      reinterpret_cast<uint32_t*>(block->at(snapshot::kTypeBegin));
  auto* type_nodes =
      reinterpret_cast<NodeIndex*>(block->at(snapshot::kTypeNodes));
  for (size_t i = 0; i < n; ++i) ++type_begin[node_records[i].type + 1];
  for (int t = 0; t < kNumNodeTypes; ++t) type_begin[t + 1] += type_begin[t];
  std::vector<uint32_t> fill(type_begin, type_begin + kNumNodeTypes);
  for (NodeIndex i = 0; i < n; ++i) {
    type_nodes[fill[node_records[i].type]++] = i;
  }
}

std::shared_ptr<const GraphView> FinishBlock(
    Block* block, const snapshot::StoreStamp& stamp) {
  snapshot::Header& header = block->header;
  std::memcpy(header.magic, snapshot::kMagic, sizeof(header.magic));
  header.format_version = snapshot::kFormatVersion;
  header.byte_order = snapshot::kByteOrderMark;
  header.num_nodes = block->counts.nodes;
  header.num_edges = block->counts.edges;
  header.stamp = stamp;
  header.checksum = snapshot::HeaderChecksum(header);
  std::memcpy(block->base, &header, sizeof(header));
  // The bytes were laid out by the caller: FromBytes() cannot refuse them.
  return GraphView::FromBytes(std::move(block->bytes)).value();
}

}  // namespace layout

namespace {

using layout::PutVarint;
using layout::VarintSize;

}  // namespace

std::shared_ptr<const GraphView> GraphViewBuilder::Finish(
    const snapshot::StoreStamp& stamp) {
  const size_t n = nodes_.size();
  const size_t m = edges_.size();
  // The lookup tables are not needed to lay the view out: freed before
  // the block is allocated (clear() would keep their memory).
  absl::flat_hash_map<std::string, NodeIndex>().swap(node_by_type_key_);
  absl::flat_hash_map<std::pair<uint64_t, int>, EdgeIndex>().swap(
      edge_by_key_);

  // Name keys: (NameKey of a name or alias, node), sorted, so that each
  // key's nodes are ascending and the layout does not depend on hashing.
  std::vector<std::pair<std::string, NodeIndex>> keyed;
  for (NodeIndex i = 0; i < n; ++i) {
    keyed.emplace_back(NameKey(nodes_[i].name), i);
    for (const std::string& a : nodes_[i].aliases) {
      keyed.emplace_back(NameKey(a), i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
  size_t num_keys = 0;
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) ++num_keys;
  }

  // Rules are few: each distinct one is stored once.
  absl::flat_hash_map<std::string, StrRef> rule_refs;

  // ---- Sizes ----
  layout::Counts counts;
  counts.nodes = n;
  counts.edges = m;
  counts.key_slots = layout::KeySlotCount(num_keys);
  counts.keyed_nodes = keyed.size();
  for (const Node& node : nodes_) {
    counts.string_bytes += node.name.size();
    for (const std::string& a : node.aliases) counts.string_bytes += a.size();
    counts.aliases += node.aliases.size();
  }
  for (const Edge& e : edges_) {
    if (!e.rule.empty() && rule_refs.try_emplace(e.rule).second) {
      counts.string_bytes += e.rule.size();
    }
    counts.premises += e.premises.size();
    counts.support_bytes += e.encoded_support.size();
    if (!e.support.empty()) {
      counts.support_bytes += VarintSize(e.support.size());
      for (const schema::Provenance& p : e.support) {
        const size_t size = p.ByteSizeLong();
        counts.support_bytes += VarintSize(size) + size;
      }
    }
  }
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) {
      counts.string_bytes += keyed[i].first.size();
    }
  }
  layout::Block block(counts);
  layout::StringWriter strings(block);

  // ---- Strings, nodes, aliases ----
  auto* node_records =
      reinterpret_cast<NodeRecord*>(block.at(snapshot::kNodes));
  auto* alias_refs = reinterpret_cast<StrRef*>(block.at(snapshot::kAliases));
  uint32_t alias_used = 0;
  {
    absl::flat_hash_map<absl::string_view, NodeIndex> first_with_name;
    first_with_name.reserve(n);
    for (NodeIndex i = 0; i < n; ++i) {
      const Node& node = nodes_[i];
      NodeRecord& r = node_records[i];
      r.id = node.id;
      r.type = static_cast<uint8_t>(node.type);
      r.name = strings.Put(node.name);
      r.name_unique = 1;
      r.alias_begin = alias_used;
      r.alias_count = static_cast<uint32_t>(node.aliases.size());
      for (const std::string& a : node.aliases) {
        alias_refs[alias_used++] = strings.Put(a);
      }
      auto [it, inserted] = first_with_name.try_emplace(node.name, i);
      if (!inserted) {
        r.name_unique = 0;
        node_records[it->second].name_unique = 0;
      }
    }
  }
  {
    // In name order, not the table's (which hashing and addresses decide),
    // so that the same graph always gives the same bytes.
    std::vector<absl::string_view> rules;
    for (const auto& entry : rule_refs) rules.push_back(entry.first);
    std::sort(rules.begin(), rules.end());
    for (absl::string_view rule : rules) {
      rule_refs.find(rule)->second = strings.Put(rule);
    }
  }

  // ---- Edges, premises, supports ----
  auto* edge_records =
      reinterpret_cast<EdgeRecord*>(block.at(snapshot::kEdges));
  auto* premise_out =
      reinterpret_cast<EdgeIndex*>(block.at(snapshot::kPremises));
  char* const support_base = block.at(snapshot::kSupports);
  char* support_at = support_base;
  uint64_t premises_used = 0;
  auto* relation_counts =
      reinterpret_cast<uint64_t*>(block.at(snapshot::kRelationCounts));
  for (EdgeIndex i = 0; i < m; ++i) {
    Edge& e = edges_[i];
    EdgeRecord& r = edge_records[i];
    r.source = e.source;
    r.target = e.target;
    r.relation = static_cast<uint8_t>(e.relation);
    r.inferred = e.inferred ? 1 : 0;
    if (!e.rule.empty()) r.rule = rule_refs.at(e.rule);
    r.premise_begin = premises_used;
    r.premise_count = static_cast<uint32_t>(e.premises.size());
    for (EdgeIndex p : e.premises) premise_out[premises_used++] = p;
    // An edge is negated when it has support and none of it affirms it.
    bool any_affirmed = false;
    if (!e.encoded_support.empty()) {
      r.support_offset = support_at - support_base;
      std::memcpy(support_at, e.encoded_support.data(),
                  e.encoded_support.size());
      support_at += e.encoded_support.size();
      r.support_size = e.encoded_support.size();
      r.negated = e.encoded_negated ? 1 : 0;
    } else if (!e.support.empty()) {
      r.support_offset = support_at - support_base;
      support_at = PutVarint(support_at, e.support.size());
      for (const schema::Provenance& p : e.support) {
        if (p.polarity() != schema::NEGATED) any_affirmed = true;
        const size_t size = p.GetCachedSize();
        support_at = PutVarint(support_at, size);
        support_at = reinterpret_cast<char*>(p.SerializeWithCachedSizesToArray(
            reinterpret_cast<uint8_t*>(support_at)));
      }
      r.support_size = (support_at - support_base) - r.support_offset;
      r.negated = (!e.inferred && !any_affirmed) ? 1 : 0;
      std::vector<schema::Provenance>().swap(e.support);
    }
    ++relation_counts[e.relation];
  }
  // Everything below reads the records: the builder's edges and the
  // support they copied are freed before the adjacency is laid out.
  std::vector<Edge>().swap(edges_);
  encoded_ = EncodedArena();
  layout::LayOutIndices(&block);
  std::vector<Node>().swap(nodes_);

  std::vector<layout::KeyedNode> keys;
  keys.reserve(keyed.size());
  for (const auto& [key, node] : keyed) keys.push_back({key, node});
  layout::LayOutKeys(keys, &strings, &block);
  return layout::FinishBlock(&block, stamp);
}

}  // namespace mskg::graph
