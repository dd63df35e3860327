// graph/graph_store.cc
//
// GraphStore's public methods, each handed to its stage in GraphStore::Impl
// (store_impl.h lists the files).
#include "graph/graph_store.h"

#include <memory>
#include <utility>

#include "graph/store_impl.h"
#include "util/status_macros.h"

namespace mskg::graph {

GraphStore::GraphStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphStore::~GraphStore() = default;

absl::StatusOr<std::unique_ptr<GraphStore>> GraphStore::Open(
    absl::string_view path, const GraphStoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  MSKG_RETURN_IF_ERROR(impl->Open(path, options));
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(impl)));
}

absl::StatusOr<DocumentWriteResult> GraphStore::PutDocument(
    const schema::DocumentClaims& doc) {
  return impl_->PutDocument(doc);
}

absl::Status GraphStore::DeleteDocument(absl::string_view document_id) {
  return impl_->DeleteDocument(document_id);
}

absl::StatusOr<schema::Document> GraphStore::GetDocument(
    absl::string_view document_id) const {
  return impl_->GetDocument(document_id);
}

absl::StatusOr<StoreStats> GraphStore::Stats() const { return impl_->Stats(); }

absl::StatusOr<std::shared_ptr<const GraphView>> GraphStore::View() const {
  return impl_->View();
}

const std::string& GraphStore::path() const { return impl_->path(); }

}  // namespace mskg::graph
