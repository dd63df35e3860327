// server/document_endpoints.cc: PUT, DELETE and GET /v1/documents/{id}.
// A PUT extracts outside the writer lock (extraction is the slow part and
// touches no store), then commits the document in one atomic PutDocument,
// as `mskg ingest` does; ApiHandler::Write publishes the next snapshot.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "interop/vocabulary.h"
#include "server/endpoints.h"
#include "server/json_body.h"
#include "server/responses.h"
#include "util/status_macros.h"

namespace mskg::server {
namespace {

// Longest document id accepted, in bytes.
constexpr size_t kMaxIdBytes = 1024;

absl::Status CheckId(absl::string_view id, bool writing) {
  if (id.empty()) {
    return absl::InvalidArgumentError(
        "the document id is missing: /v1/documents/{id}");
  }
  if (id.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the document id is longer than ", kMaxIdBytes, " bytes"));
  }
  if (writing && id == "reference") {
    return absl::InvalidArgumentError(
        "document 'reference' is the lexicon's reference anatomy; it is "
        "written by the server, not through the API");
  }
  return absl::OkStatus();
}

// Returns the format a Content-Type names. InvalidArgument for one that is
// not text, Markdown or HTML.
absl::StatusOr<ingest::DocumentFormat> FormatOf(
    absl::string_view content_type) {
  std::string type = absl::AsciiStrToLower(absl::StripAsciiWhitespace(
      content_type.substr(0, content_type.find(';'))));
  // curl -d / --data-binary sends form encoding unless told otherwise: the
  // body is still the document's bytes.
  if (type.empty() || type == "application/octet-stream" ||
      type == "application/x-www-form-urlencoded") {
    return ingest::DocumentFormat::kAuto;
  }
  if (type == "text/plain") return ingest::DocumentFormat::kText;
  if (type == "text/markdown" || type == "text/x-markdown") {
    return ingest::DocumentFormat::kMarkdown;
  }
  if (type == "text/html" || type == "application/xhtml+xml") {
    return ingest::DocumentFormat::kHtml;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unsupported Content-Type '", type,
                   "'; send text/plain, text/markdown or text/html"));
}

absl::Status CheckWritable(bool shutting_down,
                           const ingest::Ingester* ingester) {
  if (shutting_down) {
    return absl::UnavailableError("the server is shutting down");
  }
  if (ingester == nullptr) {
    return absl::UnavailableError(
        "this server is read-only (started with --read-only)");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Response> Endpoints::PutDocument(ApiHandler& api,
                                                const Request& request,
                                                absl::string_view id) {
  MSKG_RETURN_IF_ERROR(CheckId(id, true));
  MSKG_RETURN_IF_ERROR(CheckWritable(api.shutting_down_.load(), api.ingester_));
  MSKG_ASSIGN_OR_RETURN(ingest::DocumentFormat format,
                        FormatOf(request.Header("Content-Type")));
  std::vector<std::string> notices;
  MSKG_ASSIGN_OR_RETURN(
      schema::DocumentClaims claims,
      api.ingester_->Extract(id, request.body, format, &notices));
  graph::DocumentWriteResult result;
  absl::Duration visible;
  MSKG_RETURN_IF_ERROR(api.Write(
      [&]() -> absl::StatusOr<bool> {
        MSKG_ASSIGN_OR_RETURN(result, api.store_->PutDocument(claims));
        return !result.unchanged;
      },
      &visible));
  return JsonResponse(
      200, Json{{"id", std::string(id)},
                {"unchanged", result.unchanged},
                {"replaced", result.replaced},
                {"claims", result.claims},
                {"nodes_added", result.nodes_added},
                {"edges_added", result.edges_added},
                {"edges_removed", result.edges_removed},
                {"notices", notices},
                {"snapshot", api.snapshots_.Current()->version},
                {"visible_ms", absl::ToDoubleMilliseconds(visible)}});
}

absl::StatusOr<Response> Endpoints::DeleteDocument(ApiHandler& api,
                                                   absl::string_view id) {
  MSKG_RETURN_IF_ERROR(CheckId(id, true));
  MSKG_RETURN_IF_ERROR(CheckWritable(api.shutting_down_.load(), api.ingester_));
  absl::Duration visible;
  MSKG_RETURN_IF_ERROR(api.Write(
      [&]() -> absl::StatusOr<bool> {
        MSKG_RETURN_IF_ERROR(api.store_->DeleteDocument(id));
        return true;
      },
      &visible));
  return JsonResponse(
      200, Json{{"id", std::string(id)},
                {"deleted", true},
                {"snapshot", api.snapshots_.Current()->version},
                {"visible_ms", absl::ToDoubleMilliseconds(visible)}});
}

absl::StatusOr<Response> Endpoints::GetDocument(ApiHandler& api,
                                                absl::string_view id) {
  MSKG_RETURN_IF_ERROR(CheckId(id, false));
  MSKG_ASSIGN_OR_RETURN(schema::Document document, api.store_->GetDocument(id));
  // Names from the current snapshot; a node a write has just added may not
  // be in it yet, and is shown by its store id.
  const std::shared_ptr<const Snapshot> snapshot = api.snapshots_.Current();
  auto node = [&](uint64_t node_id, Json* name, Json* type) {
    auto it = snapshot->index_of_id.find(node_id);
    if (it == snapshot->index_of_id.end()) {
      *name = absl::StrCat("#", node_id);
      *type = nullptr;
      return;
    }
    const graph::NodeInfo& info = snapshot->view->node(it->second);
    *name = info.name;
    *type = interop::TypeLabel(info.type);
  };
  Json claims = Json::array();
  for (const schema::Document::ClaimRef& claim : document.claims()) {
    Json source, source_type, target, target_type;
    node(claim.source(), &source, &source_type);
    node(claim.target(), &target, &target_type);
    claims.push_back({{"source", source},
                      {"source_type", source_type},
                      {"relation", interop::RelationLabel(claim.relation())},
                      {"target", target},
                      {"target_type", target_type}});
  }
  return JsonResponse(
      200, Json{{"id", document.id()},
                {"content_hash", document.content_hash()},
                {"size_bytes", document.size_bytes()},
                {"ingested_unix_micros", document.ingested_unix_micros()},
                {"claims", std::move(claims)}});
}

}  // namespace mskg::server
