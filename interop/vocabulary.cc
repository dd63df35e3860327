// interop/vocabulary.cc: label tables for node types, relations, polarities.
#include "interop/vocabulary.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace mskg::interop {
namespace {

constexpr absl::string_view kTypeLabels[] = {
    "Unspecified", "Muscle",    "Structure", "Action", "Condition", "Cause",
    "Symptom",     "Treatment", "Test",      "Nerve",  "Vessel"};

constexpr int kNumTypes = sizeof(kTypeLabels) / sizeof(kTypeLabels[0]);

}  // namespace

absl::string_view TypeLabel(schema::NodeType type) {
  const int t = static_cast<int>(type);
  if (t < 0 || t >= kNumTypes) return "Unspecified";
  return kTypeLabels[t];
}

absl::StatusOr<schema::NodeType> ParseTypeLabel(absl::string_view label) {
  for (int t = 1; t < kNumTypes; ++t) {
    if (absl::EqualsIgnoreCase(label, kTypeLabels[t])) {
      return static_cast<schema::NodeType>(t);
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown node type '", label, "'"));
}

absl::string_view RelationLabel(schema::Relation relation) {
  return schema::Relation_Name(relation);
}

absl::StatusOr<schema::Relation> ParseRelationLabel(absl::string_view label) {
  schema::Relation relation;
  if (schema::Relation_Parse(absl::AsciiStrToUpper(label), &relation) &&
      relation != schema::RELATION_UNSPECIFIED) {
    return relation;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown relation '", label, "'"));
}

absl::string_view PolarityLabel(schema::Polarity polarity) {
  return polarity == schema::NEGATED ? "NEGATED" : "AFFIRMED";
}

absl::StatusOr<schema::Polarity> ParsePolarityLabel(absl::string_view label) {
  if (label.empty() || absl::EqualsIgnoreCase(label, "AFFIRMED")) {
    return schema::AFFIRMED;
  }
  if (absl::EqualsIgnoreCase(label, "NEGATED")) return schema::NEGATED;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown polarity '", label, "'"));
}

std::vector<std::string> AffirmedDocuments(const graph::EdgeInfo& edge) {
  std::vector<std::string> documents;
  for (const schema::Provenance& p : edge.support) {
    if (p.polarity() != schema::NEGATED) documents.push_back(p.document_id());
  }
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()),
                  documents.end());
  return documents;
}

std::string EdgeId(const graph::GraphView& view, const graph::EdgeInfo& edge) {
  return absl::StrCat(view.node(edge.source).id, ":",
                      RelationLabel(edge.relation), ":",
                      view.node(edge.target).id);
}

void AppendFloat(float value, std::string* out) {
  char buffer[32];
  std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  out->append(buffer, result.ptr - buffer);
}

}  // namespace mskg::interop
