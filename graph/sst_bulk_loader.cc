// graph/sst_bulk_loader.cc
//
// SstBulkLoad(): resolve nodes (first by raw name, then by identity, then in
// the store with one sorted MultiGet), sort every claim once by its
// "supports" key, and stream the sorted rows into SstFileWriters; the other
// column families are small or derived from the same sorted pass. Values are
// encoded into reused buffers; Support records are concatenations of
// serialized Provenance messages, which is their protobuf encoding.
#include "graph/sst_bulk_loader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/rocksdb_status.h"
#include "graph/spelling_index.h"
#include "graph/sst_file.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

// A node named in the call.
struct LocalNode {
  absl::string_view identity;  // keys::NodeIdentityKey; owned by the map.
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  absl::string_view name;  // As first named; views the input.
  uint64_t id = 0;
  bool is_new = true;
  bool dirty = false;
  bool has_record = false;
  schema::Node record;  // For new nodes and existing ones gaining aliases.
};

// One claim, by its "supports" key; `ordinal` keeps the input order.
struct Entry {
  uint64_t source;
  uint64_t target;
  uint32_t doc_rank;  // Rank of the document id in byte order.
  uint32_t ordinal;
  uint32_t provenance;  // Index in Loader::provenance_.
  uint8_t relation;
};

bool EntryLess(const Entry& a, const Entry& b) {
  if (a.source != b.source) return a.source < b.source;
  if (a.relation != b.relation) return a.relation < b.relation;
  if (a.target != b.target) return a.target < b.target;
  if (a.doc_rank != b.doc_rank) return a.doc_rank < b.doc_rank;
  return a.ordinal < b.ordinal;
}

// An edge of the call with the support it adds.
struct EdgeAgg {
  uint64_t source;
  uint64_t target;
  uint8_t relation;
  uint32_t documents = 0;
  uint32_t sentences = 0;
};

class Loader {
 public:
  Loader(const SstBulkTarget& target,
         const std::vector<schema::DocumentClaims>& docs,
         keys::StoredStats* stats, uint64_t* next_node_id)
      : target_(target),
        docs_(docs),
        stats_(*stats),
        next_node_id_(*next_node_id) {}

  absl::StatusOr<bool> Run();

  const keys::StoredStats& stats() const { return stats_; }
  uint64_t next_node_id() const { return next_node_id_; }

 private:
  size_t NumDocuments() const { return docs_.size(); }
  absl::string_view DocumentId(uint32_t d) const {
    return docs_[d].document_id();
  }
  absl::StatusOr<bool> RankDocuments();
  // Returns the index in nodes_ of (type, name).
  uint32_t Resolve(schema::NodeType type, absl::string_view name);
  uint32_t Resolve(const schema::NodeKey& key);
  // Fills `entries` (and provenance_) from the input.
  void BuildEntries(std::vector<Entry>* entries);
  absl::Status ResolveNodes();
  absl::Status ApplyAliases();
  absl::Status WriteSupportsAndEdges(const std::string& dir);
  absl::Status WriteEdges(SstFile* file);
  absl::Status WriteNodes(const std::string& dir);

  const SstBulkTarget& target_;
  const std::vector<schema::DocumentClaims>& docs_;
  keys::StoredStats stats_;
  uint64_t next_node_id_;
  std::vector<rocksdb::IngestExternalFileArg> args_;

  std::vector<uint32_t> doc_by_rank_;
  std::vector<uint32_t> rank_of_doc_;

  // Names as written (viewing the input) -> index in nodes_, so that a
  // NameKey is computed once per distinct spelling.
  SpellingIndex spellings_;
  absl::flat_hash_map<std::string, uint32_t> by_identity_;
  std::vector<LocalNode> nodes_;
  std::vector<std::pair<uint32_t, const schema::NodeKey*>> alias_keys_;
  std::vector<uint32_t> claim_nodes_;  // Source, target per claim.
  std::string provenance_bytes_;
  std::vector<std::pair<size_t, size_t>> provenance_;  // Spans of the above.
  size_t num_claims_ = 0;

  std::vector<EdgeAgg> edges_;
  // The edges each document supports, by document rank: those of rank r
  // are doc_claims_[doc_claim_begin_[r], doc_claim_begin_[r + 1]), copied
  // so that the documents pass reads them in order.
  struct DocClaim {
    uint64_t source;
    uint64_t target;
    uint8_t relation;
  };
  std::vector<uint32_t> doc_claim_begin_;
  std::vector<DocClaim> doc_claims_;
};

absl::StatusOr<bool> Loader::RankDocuments() {
  const size_t n = NumDocuments();
  doc_by_rank_.resize(n);
  for (uint32_t i = 0; i < n; ++i) doc_by_rank_[i] = i;
  std::sort(
      doc_by_rank_.begin(), doc_by_rank_.end(),
      [this](uint32_t a, uint32_t b) { return DocumentId(a) < DocumentId(b); });
  rank_of_doc_.resize(n);
  for (uint32_t r = 0; r < n; ++r) {
    rank_of_doc_[doc_by_rank_[r]] = r;
    if (r > 0 &&
        DocumentId(doc_by_rank_[r]) == DocumentId(doc_by_rank_[r - 1])) {
      return absl::InvalidArgumentError(
          absl::StrCat("document ", DocumentId(doc_by_rank_[r]),
                       " appears twice in one write"));
    }
  }
  if (stats_.documents == 0) return true;
  std::vector<rocksdb::Slice> ids;
  ids.reserve(n);
  for (uint32_t d : doc_by_rank_) ids.push_back(ToSlice(DocumentId(d)));
  bool any = false;
  MSKG_RETURN_IF_ERROR(SortedMultiGet(target_.db, target_.documents, ids,
                                      [&any](size_t, absl::string_view) {
                                        any = true;
                                        return absl::OkStatus();
                                      }));
  return !any;
}

uint32_t Loader::Resolve(schema::NodeType type, absl::string_view name) {
  const uint64_t hash = SpellingIndex::Hash(type, name);
  if (const uint32_t node = spellings_.Find(type, name, hash);
      node != SpellingIndex::kAbsent) {
    return node;
  }
  // A new spelling: only now is its identity (NameKey) computed.
  auto [jt, added] = by_identity_.try_emplace(keys::NodeIdentityKey(type, name),
                                              nodes_.size());
  if (added) {
    LocalNode& node = nodes_.emplace_back();
    node.type = type;
    node.name = name;
  }
  spellings_.Insert(type, name, hash, jt->second);
  return jt->second;
}

uint32_t Loader::Resolve(const schema::NodeKey& key) {
  const uint32_t index = Resolve(key.type(), key.name());
  if (key.aliases_size() > 0) alias_keys_.emplace_back(index, &key);
  return index;
}

absl::Status Loader::ResolveNodes() {
  size_t num_claims = 0;
  for (const schema::DocumentClaims& doc : docs_) {
    num_claims += doc.claims_size();
  }
  num_claims_ = num_claims;
  by_identity_.reserve(num_claims / 8);
  claim_nodes_.reserve(2 * num_claims);
  for (const schema::DocumentClaims& doc : docs_) {
    for (const schema::Claim& claim : doc.claims()) {
      claim_nodes_.push_back(Resolve(claim.subject()));
      claim_nodes_.push_back(Resolve(claim.object()));
    }
    for (const schema::NodeKey& mention : doc.mentions()) Resolve(mention);
  }
  for (const auto& [identity, index] : by_identity_) {
    nodes_[index].identity = identity;
  }
  if (stats_.nodes > 0) {
    std::vector<uint32_t> order(nodes_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](uint32_t a, uint32_t b) {
      return nodes_[a].identity < nodes_[b].identity;
    });
    std::vector<rocksdb::Slice> identities;
    identities.reserve(order.size());
    for (uint32_t i : order) identities.push_back(ToSlice(nodes_[i].identity));
    MSKG_RETURN_IF_ERROR(SortedMultiGet(
        target_.db, target_.node_keys, identities,
        [&](size_t i, absl::string_view value) -> absl::Status {
          if (value.size() != 8) {
            return absl::DataLossError(absl::StrCat(
                "store ", target_.path, ": bad node_keys row for '",
                nodes_[order[i]].name, "'"));
          }
          nodes_[order[i]].id = keys::ReadBigEndian64(value);
          nodes_[order[i]].is_new = false;
          return absl::OkStatus();
        }));
  }
  // New nodes take ids in the order they are first named, as the
  // per-document path does.
  for (LocalNode& node : nodes_) {
    if (!node.is_new) continue;
    node.id = next_node_id_++;
    node.dirty = true;
    node.has_record = true;
    node.record.set_id(node.id);
    node.record.set_type(node.type);
    node.record.set_name(std::string(node.name));
    ++stats_.nodes;
    ++stats_.nodes_by_type[node.type];
  }
  return ApplyAliases();
}

absl::Status Loader::ApplyAliases() {
  for (const auto& [index, key] : alias_keys_) {
    LocalNode& node = nodes_[index];
    if (!node.has_record) {
      std::string value;
      rocksdb::Status s = target_.db->Get(rocksdb::ReadOptions(), target_.nodes,
                                          keys::NodeRowKey(node.id), &value);
      if (s.IsNotFound()) {
        return absl::DataLossError(absl::StrCat(
            "store ", target_.path, ": node ", node.id, " has no record"));
      }
      MSKG_RETURN_IF_ERROR(FromRocksDb(s, "bulk load node lookup"));
      if (!node.record.ParseFromString(value)) {
        return absl::DataLossError(
            absl::StrCat("store ", target_.path, ": unreadable nodes record"));
      }
      node.has_record = true;
    }
    schema::Node& record = node.record;
    for (const std::string& alias : key->aliases()) {
      if (alias == record.name() || NameKey(alias).empty() ||
          std::find(record.aliases().begin(), record.aliases().end(), alias) !=
              record.aliases().end()) {
        continue;
      }
      record.add_aliases(alias);
      node.dirty = true;
    }
  }
  return absl::OkStatus();
}

void Loader::BuildEntries(std::vector<Entry>* entries_out) {
  std::vector<Entry>& entries = *entries_out;
  entries.reserve(num_claims_);
  // LocalNode is large: read the ids from a compact copy.
  std::vector<uint64_t> ids(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i) ids[i] = nodes_[i].id;
  std::string bytes;
  absl::flat_hash_map<absl::string_view, uint32_t> in_doc;
  std::vector<std::string> doc_provenance;
  uint32_t ordinal = 0;
  for (uint32_t d = 0; d < docs_.size(); ++d) {
    in_doc.clear();
    doc_provenance.clear();
    const std::string& document_id = docs_[d].document_id();
    for (const schema::Claim& claim : docs_[d].claims()) {
      keys::SerializeStoredProvenance(claim.provenance(), document_id, &bytes);
      uint32_t p = static_cast<uint32_t>(provenance_.size());
      // Usually the same as the claim before: no hashing needed.
      if (!doc_provenance.empty() && doc_provenance.back() == bytes) {
        p = in_doc[doc_provenance.back()];
      } else {
        // doc_provenance owns the strings the map views; reserve keeps
        // them in place.
        if (doc_provenance.empty()) {
          doc_provenance.reserve(docs_[d].claims_size());
        }
        auto found = in_doc.find(bytes);
        if (found != in_doc.end()) {
          p = found->second;
        } else {
          doc_provenance.push_back(bytes);
          in_doc.emplace(doc_provenance.back(), p);
          const size_t offset = provenance_bytes_.size();
          keys::AppendSupportField(bytes, &provenance_bytes_);
          provenance_.emplace_back(offset, provenance_bytes_.size() - offset);
        }
      }
      entries.push_back(Entry{
          ids[claim_nodes_[2 * ordinal]], ids[claim_nodes_[2 * ordinal + 1]],
          rank_of_doc_[d], ordinal, p, static_cast<uint8_t>(claim.relation())});
      ++ordinal;
    }
  }
}

absl::Status Loader::WriteSupportsAndEdges(const std::string& dir) {
  // Provenance, serialized once per distinct value per document:
  // `provenance_[p]` is a span of `provenance_bytes_`, encoded as a Support
  // field.
  std::vector<Entry> entries;
  BuildEntries(&entries);
  std::sort(entries.begin(), entries.end(), EntryLess);

  // Pass 1 (cheap): the edges, their counts and each document's edges;
  // `groups` marks where each "supports" row starts.
  std::vector<std::pair<uint32_t, uint32_t>> doc_edge;  // (rank, edge).
  doc_edge.reserve(entries.size());
  std::vector<uint32_t> groups;
  std::vector<uint32_t> seen;  // Provenance of the record being built.
  for (size_t i = 0; i < entries.size();) {
    const Entry& head = entries[i];
    groups.push_back(static_cast<uint32_t>(i));
    seen.clear();
    uint32_t sentences = 0;
    for (; i < entries.size() && entries[i].source == head.source &&
           entries[i].relation == head.relation &&
           entries[i].target == head.target &&
           entries[i].doc_rank == head.doc_rank;
         ++i) {
      // Equal provenance of one document has one index.
      const uint32_t p = entries[i].provenance;
      if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
      seen.push_back(p);
      ++sentences;
    }
    if (edges_.empty() || edges_.back().source != head.source ||
        edges_.back().relation != head.relation ||
        edges_.back().target != head.target) {
      edges_.push_back(EdgeAgg{head.source, head.target, head.relation});
    }
    edges_.back().documents += 1;
    edges_.back().sentences += sentences;
    doc_edge.emplace_back(head.doc_rank,
                          static_cast<uint32_t>(edges_.size() - 1));
  }
  groups.push_back(static_cast<uint32_t>(entries.size()));
  doc_claim_begin_.assign(NumDocuments() + 1, 0);
  for (const auto& [rank, edge] : doc_edge) ++doc_claim_begin_[rank + 1];
  for (size_t r = 1; r < doc_claim_begin_.size(); ++r) {
    doc_claim_begin_[r] += doc_claim_begin_[r - 1];
  }
  {
    std::vector<uint32_t> next(doc_claim_begin_.begin(),
                               doc_claim_begin_.end() - 1);
    doc_claims_.resize(doc_edge.size());
    for (const auto& [rank, edge] : doc_edge) {
      const EdgeAgg& e = edges_[edge];
      doc_claims_[next[rank]++] = DocClaim{e.source, e.target, e.relation};
    }
  }
  doc_edge = {};

  // Pass 2: the "supports" file, on a second thread while this one writes
  // "edges" (SstFileWriter::Put dominates both; they share nothing).
  SstFile supports(target_.db, target_.supports, dir + "/supports.sst");
  std::vector<rocksdb::IngestExternalFileArg> supports_args;
  absl::Status supports_status;
  std::thread supports_writer([&] {
    supports_status = [&]() -> absl::Status {
      std::string key;
      std::string value;
      std::vector<uint32_t> seen_here;
      for (size_t g = 0; g + 1 < groups.size(); ++g) {
        const Entry& head = entries[groups[g]];
        value.clear();
        seen_here.clear();
        for (uint32_t i = groups[g]; i < groups[g + 1]; ++i) {
          const uint32_t p = entries[i].provenance;
          if (std::find(seen_here.begin(), seen_here.end(), p) !=
              seen_here.end()) {
            continue;
          }
          seen_here.push_back(p);
          value.append(provenance_bytes_, provenance_[p].first,
                       provenance_[p].second);
        }
        keys::AssignSupportKey(head.source, head.relation, head.target,
                               DocumentId(doc_by_rank_[head.doc_rank]), &key);
        MSKG_RETURN_IF_ERROR(supports.Put(key, value));
      }
      return supports.Finish(&supports_args);
    }();
  });
  SstFile edges(target_.db, target_.edges, dir + "/edges.sst");
  absl::Status edges_status = WriteEdges(&edges);
  if (edges_status.ok()) edges_status = edges.Finish(&args_);
  supports_writer.join();
  MSKG_RETURN_IF_ERROR(supports_status);
  MSKG_RETURN_IF_ERROR(edges_status);
  for (auto& arg : supports_args) args_.push_back(std::move(arg));
  return absl::OkStatus();
}

absl::Status Loader::WriteEdges(SstFile* file) {
  // Counts after the load: stored counts (if any) plus what this call adds.
  std::vector<keys::EdgeCounts> counts(edges_.size());
  for (size_t i = 0; i < edges_.size(); ++i) {
    counts[i].documents = edges_[i].documents;
    counts[i].sentences = edges_[i].sentences;
  }
  std::vector<bool> existed(edges_.size(), false);
  if (stats_.edges > 0) {
    constexpr size_t kKeySize = keys::kEdgeRowKeySize;
    std::string arena(edges_.size() * kKeySize, '\0');
    std::vector<rocksdb::Slice> out_keys(edges_.size());
    for (size_t i = 0; i < edges_.size(); ++i) {
      const EdgeAgg& e = edges_[i];
      char* key = arena.data() + i * kKeySize;
      keys::EncodeEdgeRowKey(e.source, keys::kOut, e.relation, e.target, key);
      out_keys[i] = rocksdb::Slice(key, kKeySize);
    }
    MSKG_RETURN_IF_ERROR(
        SortedMultiGet(target_.db, target_.edges, out_keys,
                       [&](size_t i, absl::string_view value) -> absl::Status {
                         keys::EdgeCounts old;
                         if (!keys::DecodeEdgeCounts(value, &old)) {
                           return absl::DataLossError(absl::StrCat(
                               "store ", target_.path, ": bad edge row"));
                         }
                         existed[i] = old.documents > 0;
                         counts[i].documents += old.documents;
                         counts[i].sentences += old.sentences;
                         return absl::OkStatus();
                       }));
  }
  for (size_t i = 0; i < edges_.size(); ++i) {
    if (!existed[i]) {
      ++stats_.edges;
      ++stats_.edges_by_relation[edges_[i].relation];
    }
    stats_.supports += edges_[i].sentences;
  }
  // Rows of one node: its 'i' rows, then its 'o' rows. edges_ is in 'o'
  // order; the 'i' order is sorted here; the two are merged. An InRow
  // carries its counts: looking them up by edge index would miss the cache
  // on every row.
  struct InRow {
    uint64_t target;
    uint64_t source;
    keys::EdgeCounts counts;
    uint8_t relation;
  };
  std::vector<InRow> in_rows;
  in_rows.reserve(edges_.size());
  for (uint32_t i = 0; i < edges_.size(); ++i) {
    in_rows.push_back(InRow{edges_[i].target, edges_[i].source, counts[i],
                            edges_[i].relation});
  }
  std::sort(in_rows.begin(), in_rows.end(), [](const InRow& x, const InRow& y) {
    if (x.target != y.target) return x.target < y.target;
    if (x.relation != y.relation) return x.relation < y.relation;
    return x.source < y.source;
  });
  char key[keys::kEdgeRowKeySize];
  char value[keys::kMaxEdgeCountsSize];
  size_t o = 0;
  size_t in = 0;
  while (o < edges_.size() || in < in_rows.size()) {
    const bool take_in =
        o == edges_.size() ||
        (in < in_rows.size() && in_rows[in].target <= edges_[o].source);
    const keys::EdgeCounts* row_counts;
    if (take_in) {
      const InRow& row = in_rows[in++];
      keys::EncodeEdgeRowKey(row.target, keys::kIn, row.relation, row.source,
                             key);
      row_counts = &row.counts;
    } else {
      const EdgeAgg& edge = edges_[o];
      keys::EncodeEdgeRowKey(edge.source, keys::kOut, edge.relation,
                             edge.target, key);
      row_counts = &counts[o++];
    }
    const size_t value_size = keys::EncodeEdgeCounts(*row_counts, value);
    MSKG_RETURN_IF_ERROR(file->Put(absl::string_view(key, sizeof(key)),
                                   absl::string_view(value, value_size)));
  }
  return absl::OkStatus();
}

absl::Status Loader::WriteNodes(const std::string& dir) {
  std::vector<uint32_t> dirty;
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].dirty) dirty.push_back(i);
  }
  std::sort(dirty.begin(), dirty.end(), [this](uint32_t a, uint32_t b) {
    return nodes_[a].id < nodes_[b].id;
  });
  std::string value;
  {
    SstFile file(target_.db, target_.nodes, dir + "/nodes.sst");
    for (uint32_t i : dirty) {
      nodes_[i].record.SerializeToString(&value);
      char key[keys::kNodeRowKeySize];
      keys::EncodeNodeRowKey(nodes_[i].id, key);
      MSKG_RETURN_IF_ERROR(
          file.Put(absl::string_view(key, sizeof(key)), value));
    }
    MSKG_RETURN_IF_ERROR(file.Finish(&args_));
  }
  {
    std::vector<uint32_t> added;
    for (uint32_t i : dirty) {
      if (nodes_[i].is_new) added.push_back(i);
    }
    std::sort(added.begin(), added.end(), [this](uint32_t a, uint32_t b) {
      return nodes_[a].identity < nodes_[b].identity;
    });
    SstFile file(target_.db, target_.node_keys, dir + "/node_keys.sst");
    for (uint32_t i : added) {
      MSKG_RETURN_IF_ERROR(
          file.Put(nodes_[i].identity, keys::NodeRowKey(nodes_[i].id)));
    }
    MSKG_RETURN_IF_ERROR(file.Finish(&args_));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> Loader::Run() {
  MSKG_ASSIGN_OR_RETURN(bool all_new, RankDocuments());
  if (!all_new) return false;
  MSKG_RETURN_IF_ERROR(ResolveNodes());

  MSKG_ASSIGN_OR_RETURN(const std::string dir, MakeBulkLoadDir(target_));
  absl::Cleanup remove_dir = [&dir] {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  };

  MSKG_RETURN_IF_ERROR(WriteSupportsAndEdges(dir));
  {
    SstFile file(target_.db, target_.documents, dir + "/documents.sst");
    const int64_t now = keys::IngestTimeMicros();
    std::string value;
    schema::Document record;
    for (uint32_t r = 0; r < doc_by_rank_.size(); ++r) {
      const uint32_t d = doc_by_rank_[r];
      record.Clear();
      record.set_id(std::string(DocumentId(d)));
      record.set_content_hash(docs_[d].content_hash());
      record.set_size_bytes(docs_[d].size_bytes());
      record.set_ingested_unix_micros(now);
      for (uint32_t i = doc_claim_begin_[r]; i < doc_claim_begin_[r + 1]; ++i) {
        const DocClaim& claim = doc_claims_[i];
        schema::Document::ClaimRef* ref = record.add_claims();
        ref->set_source(claim.source);
        ref->set_relation(static_cast<schema::Relation>(claim.relation));
        ref->set_target(claim.target);
      }
      record.SerializeToString(&value);
      MSKG_RETURN_IF_ERROR(file.Put(DocumentId(d), value));
    }
    MSKG_RETURN_IF_ERROR(file.Finish(&args_));
  }
  MSKG_RETURN_IF_ERROR(WriteNodes(dir));
  stats_.documents += NumDocuments();
  {
    SstFile file(target_.db, target_.meta, dir + "/meta.sst");
    // Ascending: "next_node_id" < "stats".
    MSKG_RETURN_IF_ERROR(
        file.Put(keys::kMetaNextNodeId, keys::NodeRowKey(next_node_id_)));
    MSKG_RETURN_IF_ERROR(file.Put(keys::kMetaStats, keys::EncodeStats(stats_)));
    MSKG_RETURN_IF_ERROR(file.Finish(&args_));
  }
  MSKG_ASSIGN_OR_RETURN(HeldFileSetLock held, LockForIngestion(target_));
  MSKG_RETURN_IF_ERROR(FromRocksDb(target_.db->IngestExternalFiles(args_),
                                   absl::StrCat("ingest into ", target_.path)));
  return true;
}

}  // namespace

absl::StatusOr<bool> SstBulkLoad(
    const SstBulkTarget& target,
    const std::vector<schema::DocumentClaims>& docs, keys::StoredStats* stats,
    uint64_t* next_node_id) {
  Loader loader(target, docs, stats, next_node_id);
  MSKG_ASSIGN_OR_RETURN(bool loaded, loader.Run());
  if (loaded) {
    *stats = loader.stats();
    *next_node_id = loader.next_node_id();
  }
  return loaded;
}

}  // namespace mskg::graph
