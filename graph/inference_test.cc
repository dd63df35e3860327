// graph/inference_test.cc
//
// Tests of the inference rules, including their premises.
#include "graph/inference.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;

std::vector<schema::Provenance> Support(
    schema::Polarity polarity = schema::AFFIRMED) {
  schema::Provenance p;
  p.set_document_id("d");
  p.set_sentence("s");
  p.set_polarity(polarity);
  return {p};
}

TEST(InferenceTest, AntagonistSymmetric) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "biceps");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "triceps");
  EdgeIndex ab = builder.AddEdge(a, schema::ANTAGONIST_OF, b, Support());
  EXPECT_EQ(ApplyInference(&builder), 1u);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EdgeIndex ba = view->FindEdge(b, schema::ANTAGONIST_OF, a);
  ASSERT_NE(ba, kInvalidIndex);
  EXPECT_TRUE(view->edge(ba).inferred);
  EXPECT_EQ(view->edge(ba).rule, kRuleAntagonistSymmetric);
  EXPECT_THAT(view->edge(ba).premises, ElementsAre(ab));
}

TEST(InferenceTest, PartOfTransitive) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "a");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "b");
  NodeIndex c = builder.AddNode(schema::MUSCLE, "c");
  NodeIndex d = builder.AddNode(schema::MUSCLE, "d");
  EdgeIndex ab = builder.AddEdge(a, schema::PART_OF, b, Support());
  EdgeIndex bc = builder.AddEdge(b, schema::PART_OF, c, Support());
  builder.AddEdge(c, schema::PART_OF, d, Support());
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EdgeIndex ac = view->FindEdge(a, schema::PART_OF, c);
  ASSERT_NE(ac, kInvalidIndex);
  EXPECT_EQ(view->edge(ac).rule, kRulePartOfTransitive);
  EXPECT_THAT(view->edge(ac).premises, ElementsAre(ab, bc));
  EXPECT_NE(view->FindEdge(a, schema::PART_OF, d), kInvalidIndex);
  EXPECT_NE(view->FindEdge(b, schema::PART_OF, d), kInvalidIndex);
  EXPECT_EQ(view->RelationCount(schema::PART_OF), 6u);
}

TEST(InferenceTest, PsoasInheritsHipFlexorAntagonism) {
  GraphViewBuilder builder;
  NodeIndex psoas = builder.AddNode(schema::MUSCLE, "psoas major");
  NodeIndex hip_flexors = builder.AddNode(schema::MUSCLE, "hip flexors");
  NodeIndex glutes = builder.AddNode(schema::MUSCLE, "gluteal muscles");
  NodeIndex gmax = builder.AddNode(schema::MUSCLE, "gluteus maximus");
  EdgeIndex part =
      builder.AddEdge(psoas, schema::PART_OF, hip_flexors, Support());
  EdgeIndex ant =
      builder.AddEdge(hip_flexors, schema::ANTAGONIST_OF, glutes, Support());
  builder.AddEdge(gmax, schema::PART_OF, glutes, Support());
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();

  EdgeIndex e = view->FindEdge(psoas, schema::ANTAGONIST_OF, glutes);
  ASSERT_NE(e, kInvalidIndex);
  EXPECT_TRUE(view->edge(e).inferred);
  EXPECT_EQ(view->edge(e).rule, kRuleAntagonistInherited);
  EXPECT_THAT(view->edge(e).premises, ElementsAre(part, ant));
  // Members of both sides, both ways.
  EXPECT_NE(view->FindEdge(psoas, schema::ANTAGONIST_OF, gmax), kInvalidIndex);
  EXPECT_NE(view->FindEdge(gmax, schema::ANTAGONIST_OF, psoas), kInvalidIndex);
  EXPECT_NE(view->FindEdge(hip_flexors, schema::ANTAGONIST_OF, gmax),
            kInvalidIndex);
  EXPECT_NE(view->FindEdge(glutes, schema::ANTAGONIST_OF, psoas),
            kInvalidIndex);
  // No self-antagonism, and a member is not an antagonist of its group.
  EXPECT_EQ(view->FindEdge(psoas, schema::ANTAGONIST_OF, hip_flexors),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(psoas, schema::ANTAGONIST_OF, psoas),
            kInvalidIndex);
}

TEST(InferenceTest, InheritsThroughTransitivePartOf) {
  GraphViewBuilder builder;
  NodeIndex fiber = builder.AddNode(schema::STRUCTURE, "psoas fibers");
  NodeIndex psoas = builder.AddNode(schema::MUSCLE, "psoas major");
  NodeIndex hip_flexors = builder.AddNode(schema::MUSCLE, "hip flexors");
  NodeIndex glutes = builder.AddNode(schema::MUSCLE, "gluteal muscles");
  builder.AddEdge(fiber, schema::PART_OF, psoas, Support());
  builder.AddEdge(psoas, schema::PART_OF, hip_flexors, Support());
  builder.AddEdge(hip_flexors, schema::ANTAGONIST_OF, glutes, Support());
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_NE(view->FindEdge(fiber, schema::ANTAGONIST_OF, glutes),
            kInvalidIndex);
}

TEST(InferenceTest, NegatedPremiseIgnored) {
  GraphViewBuilder builder;
  NodeIndex psoas = builder.AddNode(schema::MUSCLE, "psoas major");
  NodeIndex hip_flexors = builder.AddNode(schema::MUSCLE, "hip flexors");
  NodeIndex glutes = builder.AddNode(schema::MUSCLE, "gluteal muscles");
  builder.AddEdge(psoas, schema::PART_OF, hip_flexors,
                  Support(schema::NEGATED));
  builder.AddEdge(hip_flexors, schema::ANTAGONIST_OF, glutes,
                  Support(schema::NEGATED));
  EXPECT_EQ(ApplyInference(&builder), 0u);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_EQ(view->FindEdge(psoas, schema::ANTAGONIST_OF, glutes),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(glutes, schema::ANTAGONIST_OF, hip_flexors),
            kInvalidIndex);
}

TEST(InferenceTest, NegatedStatementBlocksInference) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "a");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "b");
  builder.AddEdge(a, schema::ANTAGONIST_OF, b, Support());
  EdgeIndex ba =
      builder.AddEdge(b, schema::ANTAGONIST_OF, a, Support(schema::NEGATED));
  EXPECT_EQ(ApplyInference(&builder), 0u);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_TRUE(view->edge(ba).negated);
  EXPECT_FALSE(view->edge(ba).inferred);
}

TEST(InferenceTest, LongChainIsFast) {
  // A wide two-level hierarchy with antagonists: linear-ish work.
  GraphViewBuilder builder;
  NodeIndex g = builder.AddNode(schema::MUSCLE, "group g");
  NodeIndex h = builder.AddNode(schema::MUSCLE, "group h");
  builder.AddEdge(g, schema::ANTAGONIST_OF, h, Support());
  for (int i = 0; i < 20000; ++i) {
    NodeIndex m = builder.AddNode(schema::MUSCLE, "m" + std::to_string(i));
    builder.AddEdge(m, schema::PART_OF, g, Support());
    builder.AddEdge(m, schema::INSERTS_ON, h, Support());
  }
  // 1 symmetric + 20000 member->h + 20000 h->member.
  EXPECT_EQ(ApplyInference(&builder), 40001u);
}

}  // namespace
}  // namespace mskg::graph
