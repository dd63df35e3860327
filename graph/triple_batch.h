// graph/triple_batch.h
//
// TripleBatch: claims in columns, for BulkLoadTriples() (bulk_loader.h). A row
// is (subject type, subject name, relation, object type, object name,
// document); names are string_views into the batch's own text (the
// importer reads a chunk of its input into it and splits lines in place),
// so no protobuf message or string is built per row. Every row's provenance
// is its document only: polarity AFFIRMED, confidence 1, no sentence or
// span, exactly what interop::ReadTriples() builds for a row.
//
// A batch holds one chunk of an import; Clear() empties it for the next one
// and keeps its capacity. Memory: the text plus 48 bytes per row plus the
// distinct document ids (bench/README.md has figures).
//
// Thread-safety: not thread-safe; neither copyable nor movable (rows view
// into text()).
#ifndef MSKG_GRAPH_TRIPLE_BATCH_H_
#define MSKG_GRAPH_TRIPLE_BATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

class TripleBatch {
 public:
  struct Row {
    absl::string_view subject;  // Views text() or other storage that
    absl::string_view object;   // outlives the batch.
    uint32_t document = 0;      // Index in documents().
    schema::NodeType subject_type = schema::NODE_TYPE_UNSPECIFIED;
    schema::Relation relation = schema::RELATION_UNSPECIFIED;
    schema::NodeType object_type = schema::NODE_TYPE_UNSPECIFIED;
  };

  TripleBatch() = default;
  TripleBatch(const TripleBatch&) = delete;
  TripleBatch& operator=(const TripleBatch&) = delete;

  // The text that rows view. Fill it before adding rows that view it;
  // changing it afterwards invalidates them.
  std::string* mutable_text() { return &text_; }
  const std::string& text() const { return text_; }

  // Returns the index of document `id`, adding it if new.
  uint32_t AddDocument(absl::string_view id);
  // REQUIRES: row.document < documents().size().
  void AddRow(const Row& row) { rows_.push_back(row); }

  // Removes the text, rows and documents, keeping the memory for reuse.
  void Clear();
  // Removes them and frees the memory.
  void Release();

  const std::vector<Row>& rows() const { return rows_; }
  const std::vector<std::string>& documents() const { return documents_; }

  // Returns the bytes held (text, rows, document ids), for memory budgets.
  size_t MemoryBytes() const;

  // Returns the rows as documents of claims, as interop::ReadTriples()
  // builds them (the store's general path, used when the fast one cannot
  // apply).
  std::vector<schema::DocumentClaims> ToDocuments() const;

 private:
  std::string text_;
  std::vector<Row> rows_;
  std::vector<std::string> documents_;
  absl::flat_hash_map<std::string, uint32_t> document_index_;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_TRIPLE_BATCH_H_
