// graph/graph_view_test.cc
//
// Tests of GraphViewBuilder merge semantics and GraphView lookups.
#include "graph/graph_view.h"

#include <string>
#include <vector>

#include "absl/hash/hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

schema::Provenance Prov(const std::string& doc, const std::string& sentence,
                        schema::Polarity polarity = schema::AFFIRMED) {
  schema::Provenance p;
  p.set_document_id(doc);
  p.set_sentence(sentence);
  p.set_polarity(polarity);
  return p;
}

TEST(GraphViewBuilderTest, MergesNodesByTypeAndNameKey) {
  GraphViewBuilder builder;
  const std::vector<std::string> a1 = {"iliopsoas"};
  const std::vector<std::string> a2 = {"psoas", "iliopsoas"};
  NodeIndex a = builder.AddNode(schema::MUSCLE, "Psoas Major", a1);
  NodeIndex b = builder.AddNode(schema::MUSCLE, "psoas-major", a2);
  NodeIndex c = builder.AddNode(schema::STRUCTURE, "psoas major");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(builder.num_nodes(), 2u);
  EXPECT_THAT(builder.node(a).aliases, ElementsAre("iliopsoas", "psoas"));
  EXPECT_EQ(builder.node(a).id, 1u);
  EXPECT_EQ(builder.FindNode(schema::MUSCLE, "PSOAS MAJOR"), a);
  EXPECT_EQ(builder.FindNode(schema::NERVE, "psoas major"), kInvalidIndex);
}

TEST(GraphViewBuilderTest, MergesEdgeSupport) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "a");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "b");
  const std::vector<schema::Provenance> s1 = {Prov("d1", "one")};
  const std::vector<schema::Provenance> s2 = {Prov("d2", "two")};
  EdgeIndex e1 = builder.AddEdge(a, schema::ANTAGONIST_OF, b, s1);
  EdgeIndex e2 = builder.AddEdge(a, schema::ANTAGONIST_OF, b, s2);
  EdgeIndex e3 = builder.AddEdge(a, schema::PART_OF, b, s2);
  EXPECT_EQ(e1, e2);
  EXPECT_NE(e1, e3);
  EXPECT_EQ(builder.edge(e1).support.size(), 2u);
  // An inferred edge over an existing key is refused.
  EXPECT_EQ(builder.AddInferredEdge(a, schema::PART_OF, b, "r", {e1}),
            kInvalidIndex);
  // An asserted edge over an inferred one makes it asserted.
  EdgeIndex inf = builder.AddInferredEdge(b, schema::PART_OF, a, "r", {e3});
  ASSERT_NE(inf, kInvalidIndex);
  EXPECT_TRUE(builder.edge(inf).inferred);
  EXPECT_EQ(builder.AddEdge(b, schema::PART_OF, a, s1), inf);
  EXPECT_FALSE(builder.edge(inf).inferred);
  EXPECT_TRUE(builder.edge(inf).premises.empty());
  // AddEdgeMove merges like AddEdge and empties its argument.
  std::vector<schema::Provenance> moved = {Prov("d3", "three")};
  EXPECT_EQ(builder.AddEdgeMove(a, schema::ANTAGONIST_OF, b, &moved), e1);
  EXPECT_TRUE(moved.empty());
  ASSERT_EQ(builder.edge(e1).support.size(), 3u);
  EXPECT_EQ(builder.edge(e1).support[2].sentence(), "three");
}

// Support copied encoded from another view is laid out byte for byte as
// the decoded support would be, and decoded when the edge merges.
TEST(GraphViewBuilderTest, EncodedSupportCopiesAndMerges) {
  GraphViewBuilder first;
  NodeIndex a = first.AddNode(schema::MUSCLE, "a");
  NodeIndex b = first.AddNode(schema::MUSCLE, "b");
  const std::vector<schema::Provenance> s1 = {
      Prov("d1", "one", schema::NEGATED), Prov("d2", "two", schema::NEGATED)};
  first.AddEdge(a, schema::ANTAGONIST_OF, b, s1);
  first.AddEdge(b, schema::PART_OF, a, {Prov("d3", "three")});
  std::shared_ptr<const GraphView> base = first.Finish();
  ASSERT_EQ(base->num_edges(), 2u);

  GraphViewBuilder copied;
  copied.AddNode(schema::MUSCLE, "a");
  copied.AddNode(schema::MUSCLE, "b");
  for (EdgeIndex e = 0; e < base->num_edges(); ++e) {
    const EdgeInfo info = base->edge(e);
    copied.AddEdgeEncoded(info.source, info.relation, info.target,
                          base->EncodedSupport(e), info.negated);
  }
  EXPECT_FALSE(copied.edge(0).encoded_support.empty());
  EXPECT_TRUE(copied.edge(0).encoded_negated);
  EXPECT_TRUE(copied.edge(0).support.empty());
  // A merge decodes the encoded support first and appends.
  copied.AddEdge(b, schema::PART_OF, a, {Prov("d4", "four")});
  EXPECT_TRUE(copied.edge(1).encoded_support.empty());
  ASSERT_EQ(copied.edge(1).support.size(), 2u);
  EXPECT_EQ(copied.edge(1).support[0].sentence(), "three");
  EXPECT_EQ(copied.edge(1).support[1].sentence(), "four");
  std::shared_ptr<const GraphView> view = copied.Finish();
  EXPECT_EQ(view->EncodedSupport(0), base->EncodedSupport(0));
  EXPECT_TRUE(view->edge(0).negated);
  EXPECT_FALSE(view->edge(1).negated);
  ASSERT_EQ(view->edge(1).support.size(), 2u);
  EXPECT_EQ(view->edge(1).support[1].document_id(), "d4");
}

TEST(GraphViewTest, OutInByRelationSortedAndFindEdge) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "a");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "b");
  NodeIndex c = builder.AddNode(schema::STRUCTURE, "c");
  builder.AddEdge(a, schema::INSERTS_ON, c, {});
  builder.AddEdge(a, schema::ANTAGONIST_OF, b, {});
  builder.AddEdge(a, schema::ORIGINATES_FROM, c, {});
  builder.AddEdge(b, schema::INSERTS_ON, c, {});
  const std::vector<schema::Provenance> neg = {
      Prov("d", "a is not part of c", schema::NEGATED)};
  EdgeIndex negated = builder.AddEdge(a, schema::PART_OF, c, neg);
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_EQ(view->num_nodes(), 3u);
  EXPECT_EQ(view->num_edges(), 5u);
  std::vector<schema::Relation> rels;
  for (const Adjacent& adj : view->Out(a)) rels.push_back(adj.relation);
  EXPECT_THAT(rels, ElementsAre(schema::ORIGINATES_FROM, schema::INSERTS_ON,
                                schema::PART_OF, schema::ANTAGONIST_OF));
  ASSERT_EQ(view->Out(a, schema::INSERTS_ON).size(), 1u);
  EXPECT_EQ(view->Out(a, schema::INSERTS_ON)[0].node, c);
  EXPECT_TRUE(view->Out(a, schema::CAUSES).empty());
  std::vector<NodeIndex> from;
  for (const Adjacent& adj : view->In(c, schema::INSERTS_ON)) {
    from.push_back(adj.node);
  }
  EXPECT_THAT(from, ElementsAre(a, b));
  EXPECT_EQ(view->In(c).size(), 4u);
  EXPECT_EQ(view->RelationCount(schema::INSERTS_ON), 2u);
  EdgeIndex e = view->FindEdge(a, schema::ANTAGONIST_OF, b);
  ASSERT_NE(e, kInvalidIndex);
  EXPECT_EQ(view->edge(e).source, a);
  EXPECT_EQ(view->edge(e).target, b);
  EXPECT_EQ(view->FindEdge(b, schema::ANTAGONIST_OF, a), kInvalidIndex);
  EXPECT_TRUE(view->edge(negated).negated);
  EXPECT_FALSE(view->edge(e).negated);
  EXPECT_THAT(view->NodesOfType(schema::MUSCLE), ElementsAre(a, b));
}

TEST(GraphViewTest, LookupByNameAndAlias) {
  GraphViewBuilder builder;
  const std::vector<std::string> aliases = {"Hip Flexor Group", "IP"};
  NodeIndex hf = builder.AddNode(schema::MUSCLE, "hip flexors", aliases, 42);
  NodeIndex s = builder.AddNode(schema::STRUCTURE, "Hip-Flexor");
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_EQ(view->node(hf).id, 42u);
  EXPECT_THAT(view->Lookup("Hip Flexor's"), UnorderedElementsAre(hf, s));
  EXPECT_THAT(view->Lookup("hip flexor group"), ElementsAre(hf));
  EXPECT_THAT(view->LookupKey("ip"), ElementsAre(hf));
  EXPECT_TRUE(view->Lookup("glutes").empty());
  EXPECT_EQ(view->Find(schema::MUSCLE, "HIP FLEXORS"), hf);
  EXPECT_EQ(view->Find(schema::STRUCTURE, "hip flexors"), s);
  EXPECT_EQ(view->Find(schema::MUSCLE, "IP"), kInvalidIndex);
}

TEST(GraphViewTest, NamesAreHashedAndFlaggedWhenShared) {
  GraphViewBuilder builder;
  NodeIndex m = builder.AddNode(schema::MUSCLE, "gracilis");
  NodeIndex c = builder.AddNode(schema::CONDITION, "gracilis");
  NodeIndex s = builder.AddNode(schema::STRUCTURE, "Gracilis");  // Other case.
  std::shared_ptr<const GraphView> view = builder.Finish();
  EXPECT_FALSE(view->node(m).name_unique);
  EXPECT_FALSE(view->node(c).name_unique);
  EXPECT_TRUE(view->node(s).name_unique);
  // The hash is this process's absl::Hash, made when first asked for:
  // never stored in a view's bytes, since absl::Hash is seeded per process.
  EXPECT_EQ(view->owned_name(m).hash,
            absl::Hash<absl::string_view>()("gracilis"));
  EXPECT_EQ(view->owned_name(m).text, "gracilis");
  EXPECT_EQ(&view->owned_name(m), &view->owned_name(m));  // Made once.
}

TEST(GraphViewTest, AdjacencyCarriesTheEdgeFlags) {
  GraphViewBuilder builder;
  NodeIndex a = builder.AddNode(schema::MUSCLE, "a");
  NodeIndex b = builder.AddNode(schema::MUSCLE, "b");
  schema::Provenance denied;
  denied.set_polarity(schema::NEGATED);
  builder.AddEdge(a, schema::ANTAGONIST_OF, b, {denied});
  builder.AddInferredEdge(b, schema::ANTAGONIST_OF, a, "antagonist_symmetric",
                          {0});
  std::shared_ptr<const GraphView> view = builder.Finish();
  ASSERT_EQ(view->Out(a).size(), 1u);
  EXPECT_TRUE(view->Out(a)[0].negated);
  EXPECT_FALSE(view->Out(a)[0].inferred);
  ASSERT_EQ(view->In(a).size(), 1u);
  EXPECT_TRUE(view->In(a)[0].inferred);
  EXPECT_FALSE(view->In(a)[0].negated);
}

// A view of 8 MB or more lays out in a mapped block (view_layout.h): the
// same bytes as the same graph needs, read the same way.
TEST(GraphViewTest, LargeViewInAMappedBlock) {
  GraphViewBuilder builder;
  constexpr int kNodes = 20000;
  constexpr int kEdgesPerNode = 10;
  for (int i = 0; i < kNodes; ++i) {
    builder.AddNode(schema::MUSCLE, "muscle " + std::to_string(i));
  }
  for (int i = 0; i < kNodes; ++i) {
    for (int k = 1; k <= kEdgesPerNode; ++k) {
      builder.AddEdge(i, schema::ATTACHES_TO, (i + k) % kNodes);
    }
  }
  std::shared_ptr<const GraphView> view = builder.Finish();
  ASSERT_GE(view->bytes().size(), size_t{8} << 20);
  EXPECT_EQ(view->num_edges(), size_t{kNodes} * kEdgesPerNode);
  EXPECT_EQ(view->Out(7).size(), size_t{kEdgesPerNode});
  EXPECT_NE(view->FindEdge(kNodes - 1, schema::ATTACHES_TO, 0), kInvalidIndex);
  EXPECT_EQ(view->Find(schema::MUSCLE, "muscle 12345"), 12345u);
  EXPECT_EQ(view->bytes().substr(0, 8), absl::string_view("MSKGVIEW", 8));
}

}  // namespace
}  // namespace mskg::graph
