// graph/claim_validation.h
//
// The checks every write path makes before it writes anything: each claim
// and mention has a valid node type, a name whose NameKey is not empty, a
// valid relation, and a span whose end is not before its begin (nor past
// the document's size_bytes, when that is set); each triples row, the same
// and a document.
//
// Private to //graph.
#ifndef MSKG_GRAPH_CLAIM_VALIDATION_H_
#define MSKG_GRAPH_CLAIM_VALIDATION_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"  // kNumNodeTypes, kNumRelations.
#include "graph/triple_batch.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

inline bool ValidNodeType(schema::NodeType type) {
  return type > schema::NODE_TYPE_UNSPECIFIED && type < kNumNodeTypes;
}

inline bool ValidRelation(schema::Relation relation) {
  return relation > schema::RELATION_UNSPECIFIED && relation < kNumRelations;
}

// Returns true if NameKey(name) is not empty, cheaply in the common case
// (an ASCII letter or digit, which NameKey keeps).
bool HasNameKey(absl::string_view name);

// Returns InvalidArgument naming the first bad claim or mention of `doc`
// (its document, its index and what to fix).
absl::Status ValidateDocument(const schema::DocumentClaims& doc);

// Returns InvalidArgument naming the first bad row of `batch`, whose rows
// are numbered from `first_row`.
absl::Status ValidateTriples(const TripleBatch& batch, int64_t first_row);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_CLAIM_VALIDATION_H_
