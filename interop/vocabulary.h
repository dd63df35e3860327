// interop/vocabulary.h
//
// The spellings of node types, relations and polarities in exchange formats:
// node types as the vocabulary's labels ("Muscle", "Structure"), relations
// and polarities as their enum names ("PART_OF", "NEGATED"); see
// shared/eval/VOCABULARY.md. Every reader and writer of interop/ uses these,
// so a file written by one format's writer reads back with its reader.
#ifndef MSKG_INTEROP_VOCABULARY_H_
#define MSKG_INTEROP_VOCABULARY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "schema/graph.pb.h"

namespace mskg::interop {

// Returns the label of `type`: "Muscle" for MUSCLE, "Unspecified" for
// NODE_TYPE_UNSPECIFIED.
absl::string_view TypeLabel(schema::NodeType type);

// Returns the type whose label (or enum name, any case) is `label`.
// InvalidArgument for an unknown or unspecified type.
absl::StatusOr<schema::NodeType> ParseTypeLabel(absl::string_view label);

// Returns the name of `relation`: "PART_OF".
absl::string_view RelationLabel(schema::Relation relation);

// Returns the relation named `label` (any case). InvalidArgument for an
// unknown or unspecified relation.
absl::StatusOr<schema::Relation> ParseRelationLabel(absl::string_view label);

// Returns "AFFIRMED" or "NEGATED" (POLARITY_UNSPECIFIED reads as AFFIRMED).
absl::string_view PolarityLabel(schema::Polarity polarity);

// Returns the polarity named `label`; "" reads as AFFIRMED. InvalidArgument
// otherwise.
absl::StatusOr<schema::Polarity> ParsePolarityLabel(absl::string_view label);

// Returns the distinct documents whose support of `edge` is affirmed, sorted.
std::vector<std::string> AffirmedDocuments(const graph::EdgeInfo& edge);

// Returns the stable id of an edge in exports: "<source id>:<RELATION>:<target
// id>", the store ids of its endpoints.
std::string EdgeId(const graph::GraphView& view, const graph::EdgeInfo& edge);

// Appends the shortest decimal form of `value` that reads back as the same
// float.
void AppendFloat(float value, std::string* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_VOCABULARY_H_
