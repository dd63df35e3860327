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

TEST(InferenceTest, LargeGroupsDoNotPassOnAntagonists) {
  GraphViewBuilder builder;
  NodeIndex large = builder.AddNode(schema::MUSCLE, "large group");
  NodeIndex small = builder.AddNode(schema::MUSCLE, "small group");
  NodeIndex small_member = builder.AddNode(schema::MUSCLE, "small member");
  builder.AddEdge(small_member, schema::PART_OF, small, Support());
  std::vector<NodeIndex> members;
  for (uint32_t i = 0; i <= kMaxGroupSizeForInheritance; ++i) {
    members.push_back(
        builder.AddNode(schema::MUSCLE, "member " + std::to_string(i)));
    builder.AddEdge(members.back(), schema::PART_OF, large, Support());
  }
  builder.AddEdge(large, schema::ANTAGONIST_OF, small, Support());
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();
  // The small group's member inherits; the large group's members do not.
  EXPECT_NE(view->FindEdge(small_member, schema::ANTAGONIST_OF, large),
            kInvalidIndex);
  for (NodeIndex member : members) {
    EXPECT_EQ(view->FindEdge(member, schema::ANTAGONIST_OF, small),
              kInvalidIndex);
    EXPECT_EQ(view->FindEdge(member, schema::ANTAGONIST_OF, small_member),
              kInvalidIndex);
  }
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

TEST(InferenceTest, WideGroupStaysLinear) {
  // A group far past kMaxGroupSizeForInheritance: only the symmetric edge.
  GraphViewBuilder builder;
  NodeIndex g = builder.AddNode(schema::MUSCLE, "group g");
  NodeIndex h = builder.AddNode(schema::MUSCLE, "group h");
  builder.AddEdge(g, schema::ANTAGONIST_OF, h, Support());
  for (int i = 0; i < 20000; ++i) {
    NodeIndex m = builder.AddNode(schema::MUSCLE, "m" + std::to_string(i));
    builder.AddEdge(m, schema::PART_OF, g, Support());
    builder.AddEdge(m, schema::INSERTS_ON, h, Support());
  }
  EXPECT_EQ(ApplyInference(&builder), 1u);
}

std::vector<schema::Provenance> Reference() {
  schema::Provenance p;
  p.set_document_id(kReferenceDocument);
  p.set_sentence("lexicon line");
  return {p};
}

TEST(InferenceTest, OppositeActions) {
  GraphViewBuilder builder;
  auto muscle = [&](const char* name) {
    return builder.AddNode(schema::MUSCLE, name);
  };
  auto action = [&](const char* name) {
    return builder.AddNode(schema::ACTION, name);
  };
  const NodeIndex psoas = muscle("psoas major");
  const NodeIndex iliacus = muscle("iliacus");
  const NodeIndex rectus = muscle("rectus femoris");
  const NodeIndex gmax = muscle("gluteus maximus");
  const NodeIndex hip_muscles = muscle("hip muscles");
  const NodeIndex ql = muscle("quadratus lumborum");
  const NodeIndex abdominis = muscle("rectus abdominis");
  const NodeIndex gastrocnemius = muscle("gastrocnemius");
  const NodeIndex tibialis = muscle("tibialis anterior");
  const NodeIndex hip_flexion = action("hip flexion");
  const NodeIndex hip_extension = action("Hip Extension");
  const NodeIndex plantarflexion = action("ankle plantarflexion");
  const NodeIndex dorsiflexion = action("ankle dorsiflexion");
  const EdgeIndex psoas_flexes =
      builder.AddEdge(psoas, schema::PERFORMS, hip_flexion, Reference());
  builder.AddEdge(iliacus, schema::PERFORMS, hip_flexion, Reference());
  // Not from the lexicon: no premise.
  builder.AddEdge(rectus, schema::PERFORMS, hip_flexion, Support());
  const EdgeIndex gmax_extends =
      builder.AddEdge(gmax, schema::PERFORMS, hip_extension, Reference());
  // A group that performs flexion and contains an extensor.
  builder.AddEdge(hip_muscles, schema::PERFORMS, hip_flexion, Reference());
  builder.AddEdge(gmax, schema::PART_OF, hip_muscles, Support());
  // Lateral flexion is not opposed to flexion.
  builder.AddEdge(ql, schema::PERFORMS, action("trunk lateral flexion"),
                  Reference());
  builder.AddEdge(abdominis, schema::PERFORMS, action("trunk extension"),
                  Reference());
  // Plantarflexion is not flexion: only its own opposite.
  builder.AddEdge(gastrocnemius, schema::PERFORMS, plantarflexion,
                  Reference());
  builder.AddEdge(tibialis, schema::PERFORMS, dorsiflexion, Reference());
  builder.AddEdge(abdominis, schema::PERFORMS, action("knee extension"),
                  Reference());
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();

  const EdgeIndex e = view->FindEdge(psoas, schema::ANTAGONIST_OF, gmax);
  ASSERT_NE(e, kInvalidIndex);
  EXPECT_TRUE(view->edge(e).inferred);
  EXPECT_EQ(view->edge(e).rule, kRuleOppositeActions);
  EXPECT_THAT(view->edge(e).premises, ElementsAre(psoas_flexes, gmax_extends));
  const EdgeIndex back = view->FindEdge(gmax, schema::ANTAGONIST_OF, psoas);
  ASSERT_NE(back, kInvalidIndex);
  EXPECT_EQ(view->edge(back).rule, kRuleOppositeActions);
  EXPECT_THAT(view->edge(back).premises,
              ElementsAre(gmax_extends, psoas_flexes));
  EXPECT_NE(view->FindEdge(iliacus, schema::ANTAGONIST_OF, gmax),
            kInvalidIndex);
  EXPECT_NE(view->FindEdge(gastrocnemius, schema::ANTAGONIST_OF, tibialis),
            kInvalidIndex);
  EXPECT_NE(view->FindEdge(tibialis, schema::ANTAGONIST_OF, gastrocnemius),
            kInvalidIndex);
  // Not from the lexicon, same side, containing group, other joint,
  // lateral flexion.
  EXPECT_EQ(view->FindEdge(rectus, schema::ANTAGONIST_OF, gmax),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(psoas, schema::ANTAGONIST_OF, iliacus),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(hip_muscles, schema::ANTAGONIST_OF, gmax),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(gmax, schema::ANTAGONIST_OF, hip_muscles),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(gastrocnemius, schema::ANTAGONIST_OF, abdominis),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(ql, schema::ANTAGONIST_OF, abdominis),
            kInvalidIndex);
  EXPECT_EQ(view->FindEdge(abdominis, schema::ANTAGONIST_OF, ql),
            kInvalidIndex);
}

TEST(InferenceTest, OppositeActionsRespectNegation) {
  GraphViewBuilder builder;
  const NodeIndex a = builder.AddNode(schema::MUSCLE, "biceps brachii");
  const NodeIndex b = builder.AddNode(schema::MUSCLE, "triceps brachii");
  builder.AddEdge(a, schema::PERFORMS,
                  builder.AddNode(schema::ACTION, "elbow flexion"),
                  Reference());
  builder.AddEdge(b, schema::PERFORMS,
                  builder.AddNode(schema::ACTION, "elbow extension"),
                  Reference());
  // The sources deny it: not inferred either way.
  builder.AddEdge(a, schema::ANTAGONIST_OF, b, Support(schema::NEGATED));
  ApplyInference(&builder);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_FALSE(view->edge(view->FindEdge(a, schema::ANTAGONIST_OF, b)).inferred);
  const EdgeIndex ba = view->FindEdge(b, schema::ANTAGONIST_OF, a);
  ASSERT_NE(ba, kInvalidIndex);  // Derived by opposite_actions.
  EXPECT_EQ(view->edge(ba).rule, kRuleOppositeActions);
}

}  // namespace
}  // namespace mskg::graph
