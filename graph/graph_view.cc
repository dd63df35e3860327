// graph/graph_view.cc
//
// GraphView's accessors over its bytes (snapshot_format.h), and the check
// of those bytes' header and section bounds when a view is made from them.
#include "graph/graph_view.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "util/name_key.h"

namespace mskg::graph {

using snapshot::Header;
using snapshot::KeySlot;
using snapshot::NodeRecord;
using snapshot::EdgeRecord;
using snapshot::StrRef;

namespace {

// Reads an unsigned LEB128 varint at `*p`, advancing it. The bytes were
// laid out by Finish(), so they are well formed once the header checked.
uint64_t ReadVarint(const char** p) {
  uint64_t v = 0;
  int shift = 0;
  while (true) {
    const unsigned char c = static_cast<unsigned char>(**p);
    ++*p;
    v |= static_cast<uint64_t>(c & 0x7f) << shift;
    if ((c & 0x80) == 0) return v;
    shift += 7;
  }
}

// Returns the sub-span of `all` (sorted by relation) whose relation is `r`.
absl::Span<const Adjacent> RelationRange(absl::Span<const Adjacent> all,
                                         schema::Relation r) {
  auto lo = std::lower_bound(
      all.begin(), all.end(), r,
      [](const Adjacent& a, schema::Relation rel) { return a.relation < rel; });
  auto hi = std::upper_bound(
      lo, all.end(), r,
      [](schema::Relation rel, const Adjacent& a) { return rel < a.relation; });
  return absl::Span<const Adjacent>(all.data() + (lo - all.begin()), hi - lo);
}

}  // namespace

// ---- AliasList, SupportList ----

std::vector<std::string> AliasList::ToStrings() const {
  std::vector<std::string> out;
  out.reserve(count_);
  for (absl::string_view a : *this) out.emplace_back(a);
  return out;
}

SupportList::SupportList(absl::string_view bytes) {
  if (bytes.empty()) return;
  const char* p = bytes.data();
  count_ = ReadVarint(&p);
  first_ = p;
}

schema::Provenance SupportList::Iterator::operator*() const {
  const char* p = at_;
  const uint64_t size = ReadVarint(&p);
  schema::Provenance out;
  // Written by Finish() from a parsed message: it parses back.
  out.ParseFromArray(p, static_cast<int>(size));
  return out;
}

SupportList::Iterator& SupportList::Iterator::operator++() {
  const char* p = at_;
  const uint64_t size = ReadVarint(&p);
  at_ = p + size;
  --left_;
  return *this;
}

schema::Provenance SupportList::operator[](size_t i) const {
  Iterator it = begin();
  for (size_t k = 0; k < i; ++k) ++it;
  return *it;
}

std::vector<schema::Provenance> SupportList::Decode() const {
  std::vector<schema::Provenance> out;
  out.reserve(count_);
  for (Iterator it = begin(); it != end(); ++it) out.push_back(*it);
  return out;
}

// ---- GraphView ----

// Names made owned on first use (owned_name()), one slot per node.
struct GraphView::NameCache {
  explicit NameCache(size_t n) : slots(new std::atomic<OwnedName*>[n]), n(n) {
    for (size_t i = 0; i < n; ++i) {
      slots[i].store(nullptr, std::memory_order_relaxed);
    }
  }
  ~NameCache() {
    for (size_t i = 0; i < n; ++i) delete slots[i].load();
  }
  std::unique_ptr<std::atomic<OwnedName*>[]> slots;
  size_t n;
};

GraphView::~GraphView() = default;

const char* GraphView::Section(snapshot::Section s) const {
  return bytes_->data() + header_->sections[s].offset;
}

absl::StatusOr<std::shared_ptr<const GraphView>> GraphView::FromBytes(
    std::unique_ptr<const SnapshotBytes> bytes) {
  if (bytes->size() < snapshot::kHeaderBytes) {
    return absl::DataLossError(absl::StrCat(
        "view snapshot of ", bytes->size(), " bytes is shorter than its ",
        snapshot::kHeaderBytes, "-byte header (truncated)"));
  }
  const Header* h = reinterpret_cast<const Header*>(bytes->data());
  if (std::memcmp(h->magic, snapshot::kMagic, sizeof(h->magic)) != 0) {
    return absl::DataLossError("view snapshot has no mskg view header");
  }
  if (h->checksum != snapshot::HeaderChecksum(*h)) {
    return absl::DataLossError("view snapshot header fails its checksum");
  }
  if (h->format_version != snapshot::kFormatVersion ||
      h->byte_order != snapshot::kByteOrderMark) {
    return absl::FailedPreconditionError(absl::StrCat(
        "view snapshot has format version ", h->format_version,
        "; this mskg reads version ", snapshot::kFormatVersion,
        " in this machine's byte order"));
  }
  if (h->file_size != bytes->size()) {
    return absl::DataLossError(absl::StrCat(
        "view snapshot is ", bytes->size(), " bytes, its header says ",
        h->file_size, " (truncated or extended)"));
  }
  const uint64_t n = h->num_nodes, m = h->num_edges;
  // Each section's size as the header's counts imply, where they do.
  const uint64_t expected[snapshot::kNumSections] = {
      n * sizeof(NodeRecord), m * sizeof(EdgeRecord), 0, 0, 0, 0,
      (n + 1) * 4, m * sizeof(Adjacent), (n + 1) * 4, m * sizeof(Adjacent),
      (kNumNodeTypes + 1) * 4, n * 4, 0, 0, kNumRelations * 8};
  for (int s = 0; s < snapshot::kNumSections; ++s) {
    const snapshot::SectionRef& ref = h->sections[s];
    if (ref.offset % 8 != 0 || ref.offset < snapshot::kHeaderBytes ||
        ref.offset > bytes->size() || ref.size > bytes->size() - ref.offset ||
        (expected[s] != 0 && ref.size != expected[s])) {
      return absl::DataLossError(
          absl::StrCat("view snapshot section ", s, " lies outside the file"));
    }
  }
  const uint64_t slots = h->sections[snapshot::kKeySlots].size / sizeof(KeySlot);
  if (slots == 0 || (slots & (slots - 1)) != 0 || n >= kInvalidIndex ||
      m >= kInvalidIndex) {
    return absl::DataLossError("view snapshot has a malformed name index");
  }
  std::shared_ptr<GraphView> view(new GraphView());
  view->bytes_ = std::move(bytes);
  view->header_ = h;
  view->num_nodes_ = n;
  view->num_edges_ = m;
  auto at = [&view](snapshot::Section s) { return view->Section(s); };
  view->nodes_ = reinterpret_cast<const NodeRecord*>(at(snapshot::kNodes));
  view->edges_ = reinterpret_cast<const EdgeRecord*>(at(snapshot::kEdges));
  view->strings_ = at(snapshot::kStrings);
  view->aliases_ = reinterpret_cast<const StrRef*>(at(snapshot::kAliases));
  view->premises_ = reinterpret_cast<const EdgeIndex*>(at(snapshot::kPremises));
  view->supports_ = at(snapshot::kSupports);
  view->out_begin_ = reinterpret_cast<const uint32_t*>(at(snapshot::kOutBegin));
  view->out_ = reinterpret_cast<const Adjacent*>(at(snapshot::kOut));
  view->in_begin_ = reinterpret_cast<const uint32_t*>(at(snapshot::kInBegin));
  view->in_ = reinterpret_cast<const Adjacent*>(at(snapshot::kIn));
  view->type_begin_ =
      reinterpret_cast<const uint32_t*>(at(snapshot::kTypeBegin));
  view->type_nodes_ =
      reinterpret_cast<const NodeIndex*>(at(snapshot::kTypeNodes));
  view->key_slots_ = reinterpret_cast<const KeySlot*>(at(snapshot::kKeySlots));
  view->key_mask_ = slots - 1;
  view->key_lists_ = reinterpret_cast<const NodeIndex*>(at(snapshot::kKeyLists));
  view->relation_counts_ =
      reinterpret_cast<const uint64_t*>(at(snapshot::kRelationCounts));
  view->names_ = std::make_unique<NameCache>(n);
  return std::shared_ptr<const GraphView>(std::move(view));
}

NodeInfo GraphView::node(NodeIndex v) const {
  const NodeRecord& r = nodes_[v];
  NodeInfo info;
  info.id = r.id;
  info.type = static_cast<schema::NodeType>(r.type);
  info.name = absl::string_view(strings_ + r.name.offset, r.name.size);
  info.aliases = AliasList(aliases_ + r.alias_begin, r.alias_count, strings_);
  info.name_unique = r.name_unique != 0;
  return info;
}

EdgeInfo GraphView::edge(EdgeIndex e) const {
  const EdgeRecord& r = edges_[e];
  EdgeInfo info;
  info.source = r.source;
  info.target = r.target;
  info.relation = static_cast<schema::Relation>(r.relation);
  info.inferred = r.inferred != 0;
  info.negated = r.negated != 0;
  info.rule = absl::string_view(strings_ + r.rule.offset, r.rule.size);
  info.premises =
      absl::Span<const EdgeIndex>(premises_ + r.premise_begin, r.premise_count);
  info.support = SupportList(
      absl::string_view(supports_ + r.support_offset, r.support_size));
  return info;
}

absl::string_view GraphView::EncodedSupport(EdgeIndex e) const {
  const EdgeRecord& r = edges_[e];
  return absl::string_view(supports_ + r.support_offset, r.support_size);
}

const OwnedName& GraphView::owned_name(NodeIndex v) const {
  std::atomic<OwnedName*>& slot = names_->slots[v];
  OwnedName* name = slot.load(std::memory_order_acquire);
  if (name != nullptr) return *name;
  auto made = std::make_unique<OwnedName>();
  made->text = std::string(node(v).name);
  made->hash = absl::Hash<absl::string_view>()(made->text);
  if (slot.compare_exchange_strong(name, made.get(),
                                   std::memory_order_acq_rel)) {
    return *made.release();
  }
  return *name;  // Another thread made it first.
}

absl::Span<const NodeIndex> GraphView::LookupKey(absl::string_view key) const {
  const uint64_t hash = snapshot::StableHash64(key);
  // The table is at most half full; the bound only guards a bad file.
  uint64_t i = hash & key_mask_;
  for (uint64_t probes = 0; probes <= key_mask_;
       ++probes, i = (i + 1) & key_mask_) {
    const KeySlot& slot = key_slots_[i];
    if (slot.hash == 0) return {};
    if (slot.hash == hash &&
        absl::string_view(strings_ + slot.key.offset, slot.key.size) == key) {
      return absl::Span<const NodeIndex>(key_lists_ + slot.list_begin,
                                         slot.list_count);
    }
  }
  return {};
}

absl::Span<const NodeIndex> GraphView::Lookup(absl::string_view name) const {
  return LookupKey(NameKey(name));
}

NodeIndex GraphView::Find(schema::NodeType type, absl::string_view name) const {
  const std::string key = NameKey(name);
  for (NodeIndex v : LookupKey(key)) {
    const NodeInfo info = node(v);
    if (info.type == type && NameKey(info.name) == key) return v;
  }
  return kInvalidIndex;
}

absl::Span<const NodeIndex> GraphView::NodesOfType(
    schema::NodeType type) const {
  const int t = static_cast<int>(type);
  if (t < 0 || t >= kNumNodeTypes) return {};
  return absl::Span<const NodeIndex>(type_nodes_ + type_begin_[t],
                                     type_begin_[t + 1] - type_begin_[t]);
}

absl::Span<const Adjacent> GraphView::Out(NodeIndex v,
                                          schema::Relation r) const {
  return RelationRange(Out(v), r);
}

absl::Span<const Adjacent> GraphView::In(NodeIndex v,
                                         schema::Relation r) const {
  return RelationRange(In(v), r);
}

EdgeIndex GraphView::FindEdge(NodeIndex source, schema::Relation r,
                              NodeIndex target) const {
  absl::Span<const Adjacent> range = Out(source, r);
  auto it = std::lower_bound(
      range.begin(), range.end(), target,
      [](const Adjacent& a, NodeIndex t) { return a.node < t; });
  if (it == range.end() || it->node != target) return kInvalidIndex;
  return it->edge;
}

absl::string_view GraphView::bytes() const {
  return absl::string_view(bytes_->data(), bytes_->size());
}

const snapshot::StoreStamp& GraphView::stamp() const { return header_->stamp; }

}  // namespace mskg::graph
