// interop/vocabulary_test.cc: the contract of vocabulary.h, the spellings
// every exchange format shares, so a writer's output reads back.
#include "interop/vocabulary.h"

#include <cstdlib>
#include <string>

#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"

namespace mskg::interop {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(VocabularyTest, EveryTypeLabelParsesBackInAnyCase) {
  for (int t = schema::MUSCLE; t <= schema::VESSEL; ++t) {
    const auto type = static_cast<schema::NodeType>(t);
    const std::string label(TypeLabel(type));
    EXPECT_EQ(ParseTypeLabel(label).value(), type) << label;
    // The enum name ("MUSCLE") is the label in another case.
    EXPECT_EQ(ParseTypeLabel(schema::NodeType_Name(type)).value(), type);
  }
  EXPECT_EQ(TypeLabel(schema::MUSCLE), "Muscle");
  EXPECT_EQ(TypeLabel(schema::STRUCTURE), "Structure");
  EXPECT_EQ(ParseTypeLabel("sYmPtOm").value(), schema::SYMPTOM);
}

TEST(VocabularyTest, UnspecifiedAndUnknownTypesAreRefused) {
  EXPECT_EQ(TypeLabel(schema::NODE_TYPE_UNSPECIFIED), "Unspecified");
  EXPECT_EQ(TypeLabel(static_cast<schema::NodeType>(999)), "Unspecified");
  EXPECT_EQ(TypeLabel(static_cast<schema::NodeType>(-1)), "Unspecified");
  for (const char* label :
       {"Unspecified", "NODE_TYPE_UNSPECIFIED", "", "Muscles", " Muscle"}) {
    const absl::StatusOr<schema::NodeType> type = ParseTypeLabel(label);
    EXPECT_EQ(type.status().code(), absl::StatusCode::kInvalidArgument)
        << label;
    EXPECT_THAT(type.status().message(),
                HasSubstr(std::string("unknown node type '") + label + "'"));
  }
}

TEST(VocabularyTest, RelationsAreTheirEnumNamesInAnyCase) {
  EXPECT_EQ(RelationLabel(schema::PART_OF), "PART_OF");
  EXPECT_EQ(ParseRelationLabel("part_of").value(), schema::PART_OF);
  EXPECT_EQ(ParseRelationLabel("Antagonist_Of").value(), schema::ANTAGONIST_OF);
  for (const char* label : {"RELATION_UNSPECIFIED", "", "LIKES", "PART OF"}) {
    const absl::StatusOr<schema::Relation> relation = ParseRelationLabel(label);
    EXPECT_EQ(relation.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(relation.status().message(),
                HasSubstr(std::string("unknown relation '") + label + "'"));
  }
}

TEST(VocabularyTest, PolaritiesWithEmptyAndUnspecifiedAsAffirmed) {
  EXPECT_EQ(PolarityLabel(schema::NEGATED), "NEGATED");
  EXPECT_EQ(PolarityLabel(schema::AFFIRMED), "AFFIRMED");
  EXPECT_EQ(PolarityLabel(schema::POLARITY_UNSPECIFIED), "AFFIRMED");
  EXPECT_EQ(ParsePolarityLabel("").value(), schema::AFFIRMED);
  EXPECT_EQ(ParsePolarityLabel("affirmed").value(), schema::AFFIRMED);
  EXPECT_EQ(ParsePolarityLabel("Negated").value(), schema::NEGATED);
  const absl::StatusOr<schema::Polarity> bad = ParsePolarityLabel("MAYBE");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown polarity 'MAYBE'"));
}

schema::Provenance Support(const std::string& document,
                           schema::Polarity polarity) {
  schema::Provenance p;
  p.set_document_id(document);
  p.set_polarity(polarity);
  return p;
}

// Affirmed documents come sorted and once each; denials are left out and
// an unspecified polarity counts as affirmed; edge ids use the store ids.
TEST(VocabularyTest, AffirmedDocumentsAndEdgeIds) {
  graph::GraphViewBuilder b;
  const auto psoas = b.AddNode(schema::MUSCLE, "psoas major", {}, 41);
  const auto glutes = b.AddNode(schema::MUSCLE, "glutes", {}, 7);
  b.AddEdge(psoas, schema::ANTAGONIST_OF, glutes,
            {{Support("d2", schema::AFFIRMED), Support("d1", schema::NEGATED),
              Support("d0", schema::POLARITY_UNSPECIFIED),
              Support("d2", schema::AFFIRMED), Support("d3", schema::NEGATED),
              Support("d1", schema::AFFIRMED)}});
  b.AddEdge(glutes, schema::PART_OF, psoas, {{Support("d9", schema::NEGATED)}});
  const auto view = b.Finish();
  ASSERT_EQ(view->num_edges(), 2u);
  EXPECT_THAT(AffirmedDocuments(view->edge(0)), ElementsAre("d0", "d1", "d2"));
  EXPECT_THAT(AffirmedDocuments(view->edge(1)), ElementsAre());
  EXPECT_EQ(EdgeId(*view, view->edge(0)), "41:ANTAGONIST_OF:7");
  EXPECT_EQ(EdgeId(*view, view->edge(1)), "7:PART_OF:41");
}

TEST(VocabularyTest, AppendFloatIsShortestAndReadsBack) {
  for (const auto& [value, text] :
       std::vector<std::pair<float, std::string>>{{0.75f, "0.75"},
                                                  {0.1f, "0.1"},
                                                  {1.0f, "1"},
                                                  {0.0f, "0"},
                                                  {0.875f, "0.875"},
                                                  {1e-7f, "1e-07"}}) {
    std::string out = "x=";
    AppendFloat(value, &out);
    EXPECT_EQ(out, "x=" + text);
    EXPECT_EQ(std::strtof(out.c_str() + 2, nullptr), value) << out;
  }
}

}  // namespace
}  // namespace mskg::interop
