// graph/bulk_loader.cc
//
// The bulk paths (bulk_loader.h): BulkLoad() of many documents through the
// SST loader (sst_bulk_loader.h) or, when some are stored already or the
// call is small, through one per-document WriteBatch (document_writer.h);
// and the triples import, chunk by chunk into the SST triples loader
// (sst_triples_loader.h), the next chunk read on a second thread while one
// loads.
#include "graph/bulk_loader.h"

#include <memory>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "graph/claim_validation.h"
#include "graph/document_writer.h"
#include "graph/graph_view.h"
#include "graph/sst_bulk_loader.h"
#include "graph/sst_triples_loader.h"
#include "graph/store_impl.h"
#include "util/status_macros.h"

namespace mskg::graph {

SstBulkTarget GraphStore::Impl::MakeSstTarget() const {
  SstBulkTarget target;
  target.db = db_.get();
  target.nodes = cf(kNodes);
  target.node_keys = cf(kNodeKeys);
  target.edges = cf(kEdges);
  target.supports = cf(kSupports);
  target.documents = cf(kDocuments);
  target.meta = cf(kMeta);
  target.path = path_;
  return target;
}

absl::StatusOr<bool> GraphStore::Impl::RunSstLoad(const SstLoad& load,
                                                  keys::StoredStats* stats) {
  uint64_t next_node_id = next_node_id_;
  absl::StatusOr<bool> loaded = load(MakeSstTarget(), stats, &next_node_id);
  // Whatever happened, ingestion may have flushed memtables.
  InvalidateView();
  PurgeObsoleteFiles();
  if (loaded.ok() && *loaded) next_node_id_ = next_node_id;
  return loaded;
}

absl::Status GraphStore::Impl::BulkLoad(
    const std::vector<schema::DocumentClaims>& docs) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  for (const schema::DocumentClaims& doc : docs) {
    MSKG_RETURN_IF_ERROR(ValidateDocument(doc));
  }
  absl::MutexLock lock(&write_mu_);
  return BulkLoadLocked(docs);
}

absl::Status GraphStore::Impl::BulkLoadLocked(
    const std::vector<schema::DocumentClaims>& docs) {
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  int64_t claims = 0;
  for (const schema::DocumentClaims& doc : docs) claims += doc.claims_size();
  if (!docs.empty() && claims >= bulk_sst_min_claims_) {
    const SstLoad load = [&](const SstBulkTarget& target,
                             keys::StoredStats* stats, uint64_t* next_id) {
      return SstBulkLoad(target, docs, stats, next_id);
    };
    MSKG_ASSIGN_OR_RETURN(const bool loaded, RunSstLoad(load, &stats));
    if (loaded) return absl::OkStatus();
    // Some document is stored already: the per-document path replaces it.
  }
  Writer writer(this, next_node_id_, stats);
  DocumentWriteResult result;
  for (const schema::DocumentClaims& doc : docs) {
    DocumentWriteResult doc_result;
    MSKG_RETURN_IF_ERROR(writer.ApplyDocument(doc, &doc_result));
  }
  return CommitWriter(&writer, &result);
}

absl::Status GraphStore::Impl::BulkLoadTriples(
    const TripleBatch* given, const TripleChunkSource& next_chunk) {
  MSKG_RETURN_IF_ERROR(CheckWritable());
  absl::MutexLock lock(&write_mu_);
  MSKG_ASSIGN_OR_RETURN(keys::StoredStats stats, ReadStats());
  // Chunks are read into `owned`, at most two at a time.
  TripleBatch owned[2];
  const TripleBatch* first = given;
  if (first == nullptr) {
    MSKG_ASSIGN_OR_RETURN(const bool has_first, next_chunk(&owned[0]));
    if (!has_first) return absl::OkStatus();  // Nothing to import.
    first = &owned[0];
  }
  MSKG_RETURN_IF_ERROR(ValidateTriples(*first, 0));
  auto loader =
      std::make_unique<SstTriplesLoader>(MakeSstTarget(), stats, next_node_id_);
  // Into an empty store, the loader hands what it writes to a view builder
  // as well: the view is then built without scanning the store, the half
  // of an import's time that the scan and its decoding took.
  std::unique_ptr<GraphViewBuilder> view;
  if (loader->StoreWasEmpty()) {
    view = std::make_unique<GraphViewBuilder>();
    loader->BuildViewInto(view.get());
  }
  if (static_cast<int64_t>(first->rows().size()) < bulk_sst_min_claims_) {
    // Small: one WriteBatch is cheaper than files, if nothing follows.
    TripleBatch* second = &owned[1];
    MSKG_ASSIGN_OR_RETURN(const bool has_second, next_chunk(second));
    if (!has_second) return BulkLoadLocked(first->ToDocuments());
    MSKG_RETURN_IF_ERROR(
        ValidateTriples(*second, static_cast<int64_t>(first->rows().size())));
    MSKG_RETURN_IF_ERROR(loader->AddChunk(*first));
    first = second;
  }
  MSKG_RETURN_IF_ERROR(LoadTripleChunks(next_chunk, first, owned, loader.get()));
  // The loader's tables are freed before the view is laid out.
  loader.reset();
  if (view != nullptr) AdoptBuiltView(view.get());
  return absl::OkStatus();
}

absl::Status GraphStore::Impl::LoadTripleChunks(
    const TripleChunkSource& next_chunk, const TripleBatch* current,
    TripleBatch* buffers, SstTriplesLoader* loader) {
  // `current` is validated and not yet loaded; the next chunk is read into
  // whichever buffer it is not, on a second thread, meanwhile.
  while (true) {
    TripleBatch* next = current == &buffers[0] ? &buffers[1] : &buffers[0];
    absl::StatusOr<bool> has_next;
    std::thread reader([&] {
      next->Clear();
      has_next = next_chunk(next);
    });
    absl::Status added = loader->AddChunk(*current);
    reader.join();
    MSKG_RETURN_IF_ERROR(added);
    MSKG_RETURN_IF_ERROR(has_next.status());
    if (!*has_next) break;
    MSKG_RETURN_IF_ERROR(ValidateTriples(*next, loader->rows()));
    current = next;
  }
  // The merges of Finish() reuse the chunks' memory.
  buffers[0].Release();
  buffers[1].Release();
  absl::Status finished = loader->Finish();
  // Whatever happened, ingestion may have flushed memtables.
  InvalidateView();
  PurgeObsoleteFiles();
  MSKG_RETURN_IF_ERROR(finished);
  next_node_id_ = loader->next_node_id();
  return absl::OkStatus();
}

absl::Status BulkLoad(GraphStore* store,
                      const std::vector<schema::DocumentClaims>& docs) {
  return GraphStoreInternals::Of(*store).BulkLoad(docs);
}

absl::Status BulkLoadTriples(GraphStore* store,
                             const TripleChunkSource& next_chunk) {
  return GraphStoreInternals::Of(*store).BulkLoadTriples(nullptr, next_chunk);
}

absl::Status BulkLoadTriples(GraphStore* store, const TripleBatch& batch) {
  return GraphStoreInternals::Of(*store).BulkLoadTriples(
      &batch, [](TripleBatch*) -> absl::StatusOr<bool> { return false; });
}

}  // namespace mskg::graph
