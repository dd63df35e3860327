// graph/claim_validation.cc
//
// The checks of claim_validation.h. Messages are built only for a bad
// claim or row; the common case costs a few comparisons.
#include "graph/claim_validation.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

bool ValidNodeKey(const schema::NodeKey& key) {
  return ValidNodeType(key.type()) && HasNameKey(key.name());
}

absl::Status ValidateNodeKey(const schema::NodeKey& key,
                             absl::string_view what) {
  if (!ValidNodeType(key.type())) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " '", key.name(), "' has no valid node type (", key.type(), ")"));
  }
  if (NameKey(key.name()).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " has no name ('", key.name(), "')"));
  }
  return absl::OkStatus();
}

// Returns true if the span of `p` is [begin, end) with begin <= end and, when
// the document's size is known (`size_bytes` > 0, as ingest sets it), within
// it. An inverted span would make the sentence's place in its document
// meaningless to every reader of the evidence.
bool ValidSpan(const schema::Provenance& p, uint64_t size_bytes) {
  return p.begin() <= p.end() && (size_bytes == 0 || p.end() <= size_bytes);
}

absl::Status SpanError(const schema::Provenance& p, uint64_t size_bytes,
                       absl::string_view prefix) {
  if (p.end() < p.begin()) {
    return absl::InvalidArgumentError(absl::StrCat(
        prefix, "span end ", p.end(), " is before its begin ", p.begin(),
        "; a span is the bytes [begin, end) of its document: give begin <= "
        "end, or 0 for both if the place is unknown"));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      prefix, "span [", p.begin(), ", ", p.end(), ") ends past the ",
      size_bytes, " bytes of its document; give offsets within it"));
}

}  // namespace

bool HasNameKey(absl::string_view name) {
  for (const char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return true;
    }
  }
  return !NameKey(name).empty();
}

absl::Status ValidateDocument(const schema::DocumentClaims& doc) {
  if (doc.document_id().empty()) {
    return absl::InvalidArgumentError("document has an empty document_id");
  }
  for (int i = 0; i < doc.claims_size(); ++i) {
    const schema::Claim& claim = doc.claims(i);
    if (ValidNodeKey(claim.subject()) && ValidNodeKey(claim.object()) &&
        ValidRelation(claim.relation()) &&
        ValidSpan(claim.provenance(), doc.size_bytes())) {
      continue;  // The common case, without building messages.
    }
    const std::string prefix =
        absl::StrCat("document ", doc.document_id(), ": claim ", i, ": ");
    MSKG_RETURN_IF_ERROR(
        ValidateNodeKey(claim.subject(), absl::StrCat(prefix, "subject")));
    MSKG_RETURN_IF_ERROR(
        ValidateNodeKey(claim.object(), absl::StrCat(prefix, "object")));
    if (!ValidRelation(claim.relation())) {
      return absl::InvalidArgumentError(absl::StrCat(
          prefix, "has no valid relation (", claim.relation(), ")"));
    }
    return SpanError(claim.provenance(), doc.size_bytes(), prefix);
  }
  for (int i = 0; i < doc.mentions_size(); ++i) {
    MSKG_RETURN_IF_ERROR(ValidateNodeKey(
        doc.mentions(i),
        absl::StrCat("document ", doc.document_id(), ": mention ", i)));
  }
  return absl::OkStatus();
}

absl::Status ValidateTriples(const TripleBatch& batch, int64_t first_row) {
  const std::vector<TripleBatch::Row>& rows = batch.rows();
  for (size_t i = 0; i < rows.size(); ++i) {
    const TripleBatch::Row& row = rows[i];
    if (ValidNodeType(row.subject_type) && ValidNodeType(row.object_type) &&
        ValidRelation(row.relation) && HasNameKey(row.subject) &&
        HasNameKey(row.object) && row.document < batch.documents().size() &&
        !batch.documents()[row.document].empty()) {
      continue;
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "triple row ", first_row + static_cast<int64_t>(i), " ('", row.subject,
        "' ", row.relation, " '", row.object,
        "'): invalid type, relation, name or document; nothing imported"));
  }
  return absl::OkStatus();
}

}  // namespace mskg::graph
