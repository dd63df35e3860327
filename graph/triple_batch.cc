// graph/triple_batch.cc: the columnar claims batch.
#include "graph/triple_batch.h"

namespace mskg::graph {

uint32_t TripleBatch::AddDocument(absl::string_view id) {
  auto [it, inserted] = document_index_.try_emplace(
      id, static_cast<uint32_t>(documents_.size()));
  if (inserted) documents_.emplace_back(id);
  return it->second;
}

void TripleBatch::Clear() {
  text_.clear();
  rows_.clear();
  documents_.clear();
  document_index_.clear();
}

void TripleBatch::Release() {
  std::string().swap(text_);
  std::vector<Row>().swap(rows_);
  std::vector<std::string>().swap(documents_);
  absl::flat_hash_map<std::string, uint32_t>().swap(document_index_);
}

size_t TripleBatch::MemoryBytes() const {
  size_t bytes = text_.capacity() + rows_.capacity() * sizeof(Row);
  for (const std::string& id : documents_) bytes += 2 * (id.size() + 32);
  return bytes;
}

std::vector<schema::DocumentClaims> TripleBatch::ToDocuments() const {
  std::vector<schema::DocumentClaims> docs(documents_.size());
  for (size_t d = 0; d < documents_.size(); ++d) {
    docs[d].set_document_id(documents_[d]);
  }
  for (const Row& row : rows_) {
    schema::Claim* claim = docs[row.document].add_claims();
    claim->mutable_subject()->set_type(row.subject_type);
    claim->mutable_subject()->set_name(std::string(row.subject));
    claim->set_relation(row.relation);
    claim->mutable_object()->set_type(row.object_type);
    claim->mutable_object()->set_name(std::string(row.object));
    schema::Provenance* p = claim->mutable_provenance();
    p->set_document_id(documents_[row.document]);
    p->set_polarity(schema::AFFIRMED);
    p->set_confidence(1.0f);
  }
  return docs;
}

}  // namespace mskg::graph
