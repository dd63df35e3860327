// graph/sst_triples_loader.cc
//
// Per chunk: documents and nodes resolved (new ones looked up in the store
// with sorted MultiGets), claims sorted twice and spilled as runs. At the
// end: the "supports" runs merged into the supports file and, edge by edge,
// into "edges" rows (stored counts read with sorted MultiGets), whose "in"
// rows are sorted in runs of their own and merged with the "out" rows; on a
// second thread, the "documents" runs merged into Document records, and the
// new nodes written.
#include "graph/sst_triples_loader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <numeric>
#include <system_error>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/rocksdb_status.h"
#include "rocksdb/db.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

// Sorts `items` by the string `text(item)` returns, in byte order. Each
// string's first 24 bytes, zero-padded, are compared as integers first (a
// difference there is the strings' order), so that most comparisons read
// no string: sorting by strings in an arena is otherwise cache misses, and
// generated names share long prefixes ("chronic syndrome co...").
template <typename Text>
void SortByText(std::vector<uint32_t>* items, const Text& text) {
  constexpr int kWords = 3;
  struct Key {
    uint64_t prefix[kWords];
    uint32_t item;
  };
  std::vector<Key> keys(items->size());
  for (size_t k = 0; k < items->size(); ++k) {
    const absl::string_view s = text((*items)[k]);
    for (int w = 0; w < kWords; ++w) {
      uint64_t v = 0;
      for (size_t i = 8 * w; i < 8 * w + 8; ++i) {
        v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0);
      }
      keys[k].prefix[w] = v;
    }
    keys[k].item = (*items)[k];
  }
  std::sort(keys.begin(), keys.end(), [&text](const Key& a, const Key& b) {
    for (int w = 0; w < kWords; ++w) {
      if (a.prefix[w] != b.prefix[w]) return a.prefix[w] < b.prefix[w];
    }
    return text(a.item) < text(b.item);
  });
  for (size_t k = 0; k < keys.size(); ++k) (*items)[k] = keys[k].item;
}

}  // namespace

// By "supports" key, the rank standing for the document id.
bool SstTriplesLoader::ClaimLess::operator()(const Claim& a,
                                             const Claim& b) const {
  // (source, relation) and (target, rank), each packed into one integer:
  // two comparisons instead of up to four.
  const uint64_t a_high = uint64_t{a.source} << 8 | a.relation;
  const uint64_t b_high = uint64_t{b.source} << 8 | b.relation;
  if (a_high != b_high) return a_high < b_high;
  return (uint64_t{a.target} << 32 | a.rank) <
         (uint64_t{b.target} << 32 | b.rank);
}

// An edge of the merge with what the import changes in its counts.
struct SstTriplesLoader::PendingEdge {
  uint32_t source;
  uint32_t target;
  uint8_t relation;
  int64_t documents = 0;
  int64_t sentences = 0;
};

SstTriplesLoader::SstTriplesLoader(const SstBulkTarget& target,
                                   const keys::StoredStats& stats,
                                   uint64_t next_node_id)
    : target_(target),
      before_(stats),
      stats_(stats),
      next_node_id_(next_node_id) {}

SstTriplesLoader::~SstTriplesLoader() {
  supports_run_.reset();
  documents_run_.reset();
  out_run_.reset();
  in_run_.reset();
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
}

absl::Status SstTriplesLoader::Start() {
  MSKG_ASSIGN_OR_RETURN(dir_, MakeBulkLoadDir(target_));
  MSKG_ASSIGN_OR_RETURN(supports_run_, RunFile::Create(dir_ + "/supports.run"));
  MSKG_ASSIGN_OR_RETURN(documents_run_,
                        RunFile::Create(dir_ + "/documents.run"));
  MSKG_ASSIGN_OR_RETURN(out_run_, RunFile::Create(dir_ + "/edges_out.run"));
  MSKG_ASSIGN_OR_RETURN(in_run_, RunFile::Create(dir_ + "/edges_in.run"));
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::AddChunk(const TripleBatch& batch) {
  if (dir_.empty()) MSKG_RETURN_IF_ERROR(Start());
  MSKG_RETURN_IF_ERROR(MapDocuments(batch));
  row_nodes_.clear();
  nodes_.ResolveRows(batch, &row_nodes_);
  MSKG_RETURN_IF_ERROR(AssignNodeIds());
  MSKG_RETURN_IF_ERROR(SpillChunk(batch));
  rows_ += static_cast<int64_t>(batch.rows().size());
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::MapDocuments(const TripleBatch& batch) {
  const std::vector<std::string>& ids = batch.documents();
  chunk_docs_.resize(ids.size());
  std::vector<uint32_t> fresh;  // New to the import.
  for (size_t d = 0; d < ids.size(); ++d) {
    if (auto it = doc_index_.find(ids[d]); it != doc_index_.end()) {
      chunk_docs_[d] = it->second;
      continue;
    }
    const uint32_t index = static_cast<uint32_t>(docs_.size());
    Doc& doc = docs_.emplace_back();
    doc.id = arena_.Add(ids[d]);
    doc.provenance = arena_.Add(keys::TripleRowSupportField(ids[d]));
    doc_index_.emplace(doc.id, index);
    chunk_docs_[d] = index;
    fresh.push_back(index);
  }
  if (fresh.empty()) return absl::OkStatus();
  // Ranks: the order of the ids among all documents so far, which is their
  // order in the end too. A chunk usually brings few new documents: they
  // are sorted and merged in.
  SortByText(&fresh, [this](uint32_t d) { return docs_[d].id; });
  std::vector<uint32_t> order;
  order.reserve(doc_order_.size() + fresh.size());
  std::merge(doc_order_.begin(), doc_order_.end(), fresh.begin(), fresh.end(),
             std::back_inserter(order), [this](uint32_t a, uint32_t b) {
               return docs_[a].id < docs_[b].id;
             });
  doc_order_.swap(order);
  for (uint32_t r = 0; r < doc_order_.size(); ++r) {
    docs_[doc_order_[r]].rank = r;
  }

  if (before_.documents > 0) {
    std::vector<rocksdb::Slice> keys;
    keys.reserve(fresh.size());
    for (uint32_t d : fresh) keys.push_back(ToSlice(docs_[d].id));
    std::vector<uint32_t> found;
    MSKG_RETURN_IF_ERROR(
        SortedMultiGet(target_.db, target_.documents, keys,
                       [&](size_t i, absl::string_view) -> absl::Status {
                         docs_[fresh[i]].replaced = true;
                         found.push_back(fresh[i]);
                         return absl::OkStatus();
                       }));
    if (!found.empty()) MSKG_RETURN_IF_ERROR(RemoveStoredClaims(found));
  }
  for (uint32_t d : fresh) {
    if (!docs_[d].replaced) ++stats_.documents;
  }
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::RemoveStoredClaims(
    const std::vector<uint32_t>& found) {
  // The rare path (importing over documents already stored): one Get per
  // document, and removals spilled every kRunRecords so that replacing a
  // large store stays within memory.
  std::vector<Claim> removals;
  std::string value;
  schema::Document stored;
  for (uint32_t d : found) {
    rocksdb::Status s =
        target_.db->Get(rocksdb::ReadOptions(), target_.documents,
                        ToSlice(docs_[d].id), &value);
    MSKG_RETURN_IF_ERROR(FromRocksDb(s, "bulk load document lookup"));
    if (!stored.ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat(
          "store ", target_.path, ": unreadable documents record for '",
          docs_[d].id, "'"));
    }
    for (const schema::Document::ClaimRef& ref : stored.claims()) {
      MSKG_RETURN_IF_ERROR(CheckStoredId(ref.source()));
      MSKG_RETURN_IF_ERROR(CheckStoredId(ref.target()));
      removals.push_back(Claim{static_cast<uint32_t>(ref.source()),
                               static_cast<uint32_t>(ref.target()), d, 0, 0,
                               static_cast<uint8_t>(ref.relation()), kRemoved});
    }
    if (removals.size() >= kRunRecords) {
      MSKG_RETURN_IF_ERROR(AppendRemovals(&removals));
    }
  }
  return AppendRemovals(&removals);
}

absl::Status SstTriplesLoader::AppendRemovals(std::vector<Claim>* removals) {
  if (removals->empty()) return absl::OkStatus();
  // By "supports" key: (source, relation, target, document id).
  for (Claim& c : *removals) c.rank = docs_[c.doc].rank;
  std::sort(removals->begin(), removals->end(), ClaimLess());
  std::string arena;
  std::vector<size_t> ends;
  ends.reserve(removals->size());
  std::string key;
  for (const Claim& c : *removals) {
    keys::AssignSupportKey(c.source, c.relation, c.target, docs_[c.doc].id,
                           &key);
    arena.append(key);
    ends.push_back(arena.size());
  }
  std::vector<rocksdb::Slice> keys;
  keys.reserve(removals->size());
  for (size_t i = 0; i < ends.size(); ++i) {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    keys.emplace_back(arena.data() + begin, ends[i] - begin);
  }
  std::vector<bool> present(removals->size(), false);
  schema::Support support;
  MSKG_RETURN_IF_ERROR(SortedMultiGet(
      target_.db, target_.supports, keys,
      [&](size_t i, absl::string_view value) -> absl::Status {
        if (!support.ParseFromArray(value.data(),
                                    static_cast<int>(value.size()))) {
          return absl::DataLossError(absl::StrCat("store ", target_.path,
                                                  ": unreadable supports row"));
        }
        present[i] = true;
        (*removals)[i].removed =
            static_cast<uint32_t>(support.provenance_size());
        return absl::OkStatus();
      }));
  // A claim whose support row is gone is not counted, as in the
  // per-document path.
  size_t kept = 0;
  for (size_t i = 0; i < removals->size(); ++i) {
    if (present[i]) (*removals)[kept++] = (*removals)[i];
  }
  removals->resize(kept);
  MSKG_RETURN_IF_ERROR(supports_run_->AppendRun(*removals));
  removals->clear();
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::CheckStoredId(uint64_t id) const {
  // Every stored id is below the store's counter, which AssignNodeIds()
  // keeps within kMaxNodeId: a larger one is corruption.
  if (id <= kMaxNodeId) return absl::OkStatus();
  return absl::DataLossError(
      absl::StrCat("store ", target_.path, ": node id ", id, " out of range"));
}

absl::Status SstTriplesLoader::AssignNodeIds() {
  const size_t first = node_ids_.size();
  const size_t n = nodes_.size();
  node_ids_.resize(n, 0);
  node_is_new_.resize(n, true);
  if (before_.nodes > 0 && n > first) {
    std::vector<uint32_t> order(n - first);
    std::iota(order.begin(), order.end(), static_cast<uint32_t>(first));
    SortByText(&order, [this](uint32_t i) { return nodes_.node(i).identity; });
    std::vector<rocksdb::Slice> identities;
    identities.reserve(order.size());
    for (uint32_t i : order) {
      identities.push_back(ToSlice(nodes_.node(i).identity));
    }
    MSKG_RETURN_IF_ERROR(SortedMultiGet(
        target_.db, target_.node_keys, identities,
        [&](size_t i, absl::string_view value) -> absl::Status {
          if (value.size() != 8) {
            return absl::DataLossError(absl::StrCat(
                "store ", target_.path, ": bad node_keys row for '",
                nodes_.node(order[i]).name, "'"));
          }
          const uint64_t id = keys::ReadBigEndian64(value);
          MSKG_RETURN_IF_ERROR(CheckStoredId(id));
          node_ids_[order[i]] = static_cast<uint32_t>(id);
          node_is_new_[order[i]] = false;
          return absl::OkStatus();
        }));
  }
  // New nodes take ids in the order they are first named.
  for (size_t i = first; i < n; ++i) {
    if (!node_is_new_[i]) continue;
    if (next_node_id_ > kMaxNodeId) {
      return absl::OutOfRangeError(absl::StrCat(
          "store ", target_.path, ": node id ", next_node_id_,
          " would exceed 2^32 - 1, the most the bulk import can give: "
          "import with BulkLoad() in batches"));
    }
    node_ids_[i] = static_cast<uint32_t>(next_node_id_++);
    ++stats_.nodes;
    ++stats_.nodes_by_type[nodes_.node(static_cast<uint32_t>(i)).type];
  }
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::SpillChunk(const TripleBatch& batch) {
  const std::vector<TripleBatch::Row>& rows = batch.rows();
  claims_.clear();
  claims_.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const TripleBatch::Row& row = rows[i];
    const uint32_t doc = chunk_docs_[row.document];
    claims_.push_back(Claim{
        node_ids_[row_nodes_[2 * i]], node_ids_[row_nodes_[2 * i + 1]], doc,
        docs_[doc].rank, 0, static_cast<uint8_t>(row.relation), kAdded});
  }
  std::sort(claims_.begin(), claims_.end(), ClaimLess());
  // An exact duplicate row adds nothing.
  claims_.erase(std::unique(claims_.begin(), claims_.end(),
                            [](const Claim& a, const Claim& b) {
                              return a.source == b.source &&
                                     a.relation == b.relation &&
                                     a.target == b.target && a.doc == b.doc;
                            }),
                claims_.end());
  MSKG_RETURN_IF_ERROR(supports_run_->AppendRun(claims_));

  // The same claims by document (a stable counting sort keeps each
  // document's edges in order).
  std::vector<uint32_t> begin(docs_.size() + 1, 0);
  for (const Claim& c : claims_) ++begin[c.rank + 1];
  std::partial_sum(begin.begin(), begin.end(), begin.begin());
  doc_claims_.resize(claims_.size());
  for (const Claim& c : claims_) {
    doc_claims_[begin[c.rank]++] =
        DocClaim{c.source, c.target, c.doc, c.relation};
  }
  return documents_run_->AppendRun(doc_claims_);
}

absl::Status SstTriplesLoader::Finish() {
  if (dir_.empty()) MSKG_RETURN_IF_ERROR(Start());
  // What only the chunks needed makes room for the merges.
  std::vector<uint32_t>().swap(chunk_docs_);
  std::vector<uint32_t>().swap(row_nodes_);
  std::vector<Claim>().swap(claims_);
  std::vector<DocClaim>().swap(doc_claims_);
  absl::flat_hash_map<absl::string_view, uint32_t>().swap(doc_index_);
  nodes_.ReleaseLookups();
  std::vector<uint32_t>().swap(doc_order_);
  if (view_ != nullptr) MSKG_RETURN_IF_ERROR(AddViewNodes());
  // Documents and nodes on a second thread: they share nothing with the
  // supports and edges but docs_ and nodes_, which no longer change.
  std::vector<rocksdb::IngestExternalFileArg> args;
  std::vector<rocksdb::IngestExternalFileArg> other_args;
  absl::Status other_status;
  std::thread other([&] {
    other_status = WriteDocuments(&other_args);
    if (other_status.ok()) other_status = WriteNodes(&other_args);
  });
  absl::Status status = WriteSupportsAndEdges(&args);
  if (status.ok()) status = WriteEdges(&args);
  other.join();
  MSKG_RETURN_IF_ERROR(status);
  MSKG_RETURN_IF_ERROR(other_status);
  for (auto& arg : other_args) args.push_back(std::move(arg));
  {
    SstFile file(target_.db, target_.meta, dir_ + "/meta.sst");
    // Ascending: "next_node_id" < "stats".
    MSKG_RETURN_IF_ERROR(
        file.Put(keys::kMetaNextNodeId, keys::NodeRowKey(next_node_id_)));
    MSKG_RETURN_IF_ERROR(file.Put(keys::kMetaStats, keys::EncodeStats(stats_)));
    MSKG_RETURN_IF_ERROR(file.Finish(&args));
  }
  MSKG_ASSIGN_OR_RETURN(HeldFileSetLock held, LockForIngestion(target_));
  return FromRocksDb(target_.db->IngestExternalFiles(args),
                     absl::StrCat("ingest into ", target_.path));
}

bool SstTriplesLoader::StoreWasEmpty() const {
  return before_.documents == 0 && before_.nodes == 0 && before_.edges == 0 &&
         before_.supports == 0;
}

absl::Status SstTriplesLoader::AddViewNodes() {
  if (!StoreWasEmpty()) {
    return absl::InternalError("a view built by the import of a store that "
                               "was not empty would miss its content");
  }
  // Room for every row as an edge, and a quarter more for inference, as
  // the scan reserves: a vector of edges doubling past a million of them
  // would hold both copies at once. Pages never written cost nothing.
  view_->Reserve(node_ids_.size(),
                 static_cast<size_t>(rows_) + static_cast<size_t>(rows_) / 4);
  for (uint32_t i = 0; i < node_ids_.size(); ++i) {
    const NodeTable::Node& node = nodes_.node(i);
    // The edges below name nodes by id - node_ids_[0], their index here.
    if (node_ids_[i] != node_ids_[0] + i ||
        view_->AddNode(node.type, node.name, {}, node_ids_[i]) != i) {
      return absl::InternalError("import: node ids not in index order");
    }
  }
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::WriteSupportsAndEdges(
    std::vector<rocksdb::IngestExternalFileArg>* args) {
  const std::vector<Doc>& docs = docs_;
  auto less = [&docs](const Claim& a, const Claim& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.relation != b.relation) return a.relation < b.relation;
    if (a.target != b.target) return a.target < b.target;
    return docs[a.doc].rank < docs[b.doc].rank;
  };
  RunMerger<Claim, decltype(less)> merger({supports_run_.get()},
                                          kMergeBufferBytes, less);
  MSKG_RETURN_IF_ERROR(merger.Start());
  SstFile supports(target_.db, target_.supports, dir_ + "/supports.sst");
  std::vector<PendingEdge> pending;
  pending.reserve(kMultiGetBatch);
  std::vector<EdgeRow> out_rows;
  std::vector<EdgeRow> in_rows;
  std::string key;
  // The support of the edge going to view_, as a scan of the store encodes
  // it (AddScannedContent): varint count, then per document the stored
  // provenance field less its tag byte (varint length + Provenance).
  std::string view_body;
  std::string view_encoded;
  size_t view_count = 0;
  Claim view_edge{};
  const uint32_t first_id = node_ids_.empty() ? 0 : node_ids_[0];
  auto flush_view = [&] {
    if (view_count == 0) return;
    view_encoded.clear();
    keys::AppendVarint64(&view_encoded, view_count);
    view_encoded.append(view_body);
    view_->AddEdgeEncodedCopy(view_edge.source - first_id,
                              static_cast<schema::Relation>(view_edge.relation),
                              view_edge.target - first_id, view_encoded,
                              /*negated=*/false);
    view_count = 0;
    view_body.clear();
  };
  while (!merger.Done()) {
    const Claim head = merger.Top();
    uint8_t flags = 0;
    uint64_t removed = 0;
    do {
      flags |= merger.Top().flags;
      removed += merger.Top().removed;
      MSKG_RETURN_IF_ERROR(merger.Next());
    } while (!merger.Done() && merger.Top().source == head.source &&
             merger.Top().relation == head.relation &&
             merger.Top().target == head.target &&
             merger.Top().doc == head.doc);
    const bool added = (flags & kAdded) != 0;
    keys::AssignSupportKey(head.source, head.relation, head.target,
                           docs_[head.doc].id, &key);
    if (added) {
      MSKG_RETURN_IF_ERROR(supports.Put(key, docs_[head.doc].provenance));
      if (view_ != nullptr) {
        if (view_count > 0 && (view_edge.source != head.source ||
                               view_edge.relation != head.relation ||
                               view_edge.target != head.target)) {
          flush_view();
        }
        view_edge = head;
        ++view_count;
        const absl::string_view field = docs_[head.doc].provenance.substr(1);
        view_body.append(field.data(), field.size());
      }
    } else {
      MSKG_RETURN_IF_ERROR(supports.Delete(key));
    }
    if (pending.empty() || pending.back().source != head.source ||
        pending.back().relation != head.relation ||
        pending.back().target != head.target) {
      if (pending.size() == kMultiGetBatch) {
        MSKG_RETURN_IF_ERROR(FlushEdges(&pending, &out_rows, &in_rows));
      }
      pending.push_back(PendingEdge{head.source, head.target, head.relation});
    }
    PendingEdge& edge = pending.back();
    edge.documents += (added ? 1 : 0) - ((flags & kRemoved) != 0 ? 1 : 0);
    edge.sentences += (added ? 1 : 0) - static_cast<int64_t>(removed);
  }
  MSKG_RETURN_IF_ERROR(FlushEdges(&pending, &out_rows, &in_rows));
  if (view_ != nullptr) flush_view();
  MSKG_RETURN_IF_ERROR(supports.Finish(args));
  MSKG_RETURN_IF_ERROR(out_run_->AppendRun(out_rows));
  std::sort(in_rows.begin(), in_rows.end(),
            [](const EdgeRow& a, const EdgeRow& b) {
              if (a.node != b.node) return a.node < b.node;
              if (a.relation != b.relation) return a.relation < b.relation;
              return a.other < b.other;
            });
  return in_run_->AppendRun(in_rows);
}

absl::Status SstTriplesLoader::FlushEdges(std::vector<PendingEdge>* pending,
                                          std::vector<EdgeRow>* out_rows,
                                          std::vector<EdgeRow>* in_rows) {
  // Counts after the import: stored counts (if any) plus its changes,
  // applied as the per-document path applies them.
  std::vector<keys::EdgeCounts> old(pending->size());
  if (before_.edges > 0 && !pending->empty()) {
    constexpr size_t kKeySize = keys::kEdgeRowKeySize;
    std::string arena(pending->size() * kKeySize, '\0');
    std::vector<rocksdb::Slice> out_keys(pending->size());
    for (size_t i = 0; i < pending->size(); ++i) {
      const PendingEdge& e = (*pending)[i];
      char* key = arena.data() + i * kKeySize;
      keys::EncodeEdgeRowKey(e.source, keys::kOut, e.relation, e.target, key);
      out_keys[i] = rocksdb::Slice(key, kKeySize);
    }
    MSKG_RETURN_IF_ERROR(
        SortedMultiGet(target_.db, target_.edges, out_keys,
                       [&](size_t i, absl::string_view value) -> absl::Status {
                         if (!keys::DecodeEdgeCounts(value, &old[i])) {
                           return absl::DataLossError(absl::StrCat(
                               "store ", target_.path, ": bad edge row"));
                         }
                         return absl::OkStatus();
                       }));
  }
  for (size_t i = 0; i < pending->size(); ++i) {
    const PendingEdge& e = (*pending)[i];
    if (e.documents == 0 && e.sentences == 0) continue;
    const int64_t old_documents = static_cast<int64_t>(old[i].documents);
    const int64_t old_sentences = static_cast<int64_t>(old[i].sentences);
    const int64_t documents = old_documents + e.documents;
    const int64_t sentences = std::max<int64_t>(0, old_sentences + e.sentences);
    if (documents > UINT32_MAX || sentences > UINT32_MAX) {
      return absl::OutOfRangeError(
          absl::StrCat("edge ", e.source, " -", static_cast<int>(e.relation),
                       "-> ", e.target,
                       " would have more than 2^32 supports; the bulk import "
                       "cannot count them: import with BulkLoad() in batches"));
    }
    EdgeRow out{e.source, e.target, 0, 0, e.relation, keys::kOut, false};
    if (documents <= 0) {
      if (old_documents <= 0) continue;
      out.erase = true;
      --stats_.edges;
      --stats_.edges_by_relation[e.relation];
      stats_.supports -= old_sentences;
    } else {
      out.documents = static_cast<uint32_t>(documents);
      out.sentences = static_cast<uint32_t>(sentences);
      if (old_documents <= 0) {
        ++stats_.edges;
        ++stats_.edges_by_relation[e.relation];
      }
      stats_.supports += sentences - old_sentences;
    }
    out_rows->push_back(out);
    EdgeRow in = out;
    in.node = e.target;
    in.other = e.source;
    in.direction = keys::kIn;
    in_rows->push_back(in);
  }
  pending->clear();
  // "out" rows come in key order: one run, written as it grows. "in" rows
  // are sorted into runs of kRunRecords.
  if (out_rows->size() >= kRunRecords) {
    MSKG_RETURN_IF_ERROR(
        out_run_->Append(out_rows->data(), out_rows->size() * sizeof(EdgeRow)));
    out_rows->clear();
  }
  if (in_rows->size() >= kRunRecords) {
    std::sort(in_rows->begin(), in_rows->end(),
              [](const EdgeRow& a, const EdgeRow& b) {
                if (a.node != b.node) return a.node < b.node;
                if (a.relation != b.relation) return a.relation < b.relation;
                return a.other < b.other;
              });
    MSKG_RETURN_IF_ERROR(in_run_->AppendRun(*in_rows));
    in_rows->clear();
  }
  return absl::OkStatus();
}

absl::Status SstTriplesLoader::WriteEdges(
    std::vector<rocksdb::IngestExternalFileArg>* args) {
  // A node's "in" rows come before its "out" rows (keys::kIn < keys::kOut).
  auto less = [](const EdgeRow& a, const EdgeRow& b) {
    if (a.node != b.node) return a.node < b.node;
    if (a.direction != b.direction) return a.direction < b.direction;
    if (a.relation != b.relation) return a.relation < b.relation;
    return a.other < b.other;
  };
  RunMerger<EdgeRow, decltype(less)> merger({out_run_.get(), in_run_.get()},
                                            kMergeBufferBytes, less);
  MSKG_RETURN_IF_ERROR(merger.Start());
  SstFile edges(target_.db, target_.edges, dir_ + "/edges.sst");
  char key[keys::kEdgeRowKeySize];
  char value[keys::kMaxEdgeCountsSize];
  while (!merger.Done()) {
    const EdgeRow& row = merger.Top();
    keys::EncodeEdgeRowKey(row.node, static_cast<char>(row.direction),
                           row.relation, row.other, key);
    if (row.erase) {
      MSKG_RETURN_IF_ERROR(edges.Delete(absl::string_view(key, sizeof(key))));
    } else {
      const size_t n =
          keys::EncodeEdgeCounts({row.documents, row.sentences}, value);
      MSKG_RETURN_IF_ERROR(edges.Put(absl::string_view(key, sizeof(key)),
                                     absl::string_view(value, n)));
    }
    MSKG_RETURN_IF_ERROR(merger.Next());
  }
  return edges.Finish(args);
}

absl::Status SstTriplesLoader::WriteDocuments(
    std::vector<rocksdb::IngestExternalFileArg>* args) {
  const std::vector<Doc>& docs = docs_;
  auto less = [&docs](const DocClaim& a, const DocClaim& b) {
    if (a.doc != b.doc) return docs[a.doc].rank < docs[b.doc].rank;
    if (a.source != b.source) return a.source < b.source;
    if (a.relation != b.relation) return a.relation < b.relation;
    return a.target < b.target;
  };
  RunMerger<DocClaim, decltype(less)> merger({documents_run_.get()},
                                             kMergeBufferBytes, less);
  MSKG_RETURN_IF_ERROR(merger.Start());
  SstFile file(target_.db, target_.documents, dir_ + "/documents.sst");
  const int64_t now = keys::IngestTimeMicros();
  schema::Document record;
  std::string value;
  while (!merger.Done()) {
    const uint32_t doc = merger.Top().doc;
    record.Clear();
    record.set_id(std::string(docs_[doc].id));
    record.set_ingested_unix_micros(now);
    while (!merger.Done() && merger.Top().doc == doc) {
      const DocClaim& c = merger.Top();
      const int n = record.claims_size();
      // The same edge from another chunk comes next to it: once only.
      if (n == 0 || record.claims(n - 1).source() != c.source ||
          record.claims(n - 1).relation() != c.relation ||
          record.claims(n - 1).target() != c.target) {
        schema::Document::ClaimRef* ref = record.add_claims();
        ref->set_source(c.source);
        ref->set_relation(static_cast<schema::Relation>(c.relation));
        ref->set_target(c.target);
      }
      MSKG_RETURN_IF_ERROR(merger.Next());
    }
    record.SerializeToString(&value);
    MSKG_RETURN_IF_ERROR(file.Put(docs_[doc].id, value));
  }
  return file.Finish(args);
}

absl::Status SstTriplesLoader::WriteNodes(
    std::vector<rocksdb::IngestExternalFileArg>* args) {
  std::vector<uint32_t> added;
  for (uint32_t i = 0; i < node_ids_.size(); ++i) {
    if (node_is_new_[i]) added.push_back(i);
  }
  std::string value;
  {
    // Ids were given in index order.
    SstFile file(target_.db, target_.nodes, dir_ + "/nodes.sst");
    schema::Node record;
    for (uint32_t i : added) {
      const NodeTable::Node& node = nodes_.node(i);
      record.set_id(node_ids_[i]);
      record.set_type(node.type);
      record.set_name(std::string(node.name));
      record.SerializeToString(&value);
      char key[keys::kNodeRowKeySize];
      keys::EncodeNodeRowKey(node_ids_[i], key);
      MSKG_RETURN_IF_ERROR(
          file.Put(absl::string_view(key, sizeof(key)), value));
    }
    MSKG_RETURN_IF_ERROR(file.Finish(args));
  }
  // An identity is a type byte and the NameKey of the name: sorted by
  // NameKey, then stably by type (a counting sort), it is in identity
  // order.
  SortByText(&added,
             [this](uint32_t i) { return nodes_.node(i).identity.substr(1); });
  {
    std::vector<uint32_t> by_identity(added.size());
    std::vector<size_t> begin(257, 0);
    auto type_byte = [this](uint32_t i) {
      return static_cast<unsigned char>(nodes_.node(i).identity[0]);
    };
    for (uint32_t i : added) ++begin[type_byte(i) + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    for (uint32_t i : added) by_identity[begin[type_byte(i)]++] = i;
    SstFile file(target_.db, target_.node_keys, dir_ + "/node_keys.sst");
    for (uint32_t i : by_identity) {
      char id[keys::kNodeRowKeySize];
      keys::EncodeNodeRowKey(node_ids_[i], id);
      MSKG_RETURN_IF_ERROR(
          file.Put(nodes_.node(i).identity, absl::string_view(id, sizeof(id))));
    }
    MSKG_RETURN_IF_ERROR(file.Finish(args));
  }
  return absl::OkStatus();
}

}  // namespace mskg::graph
