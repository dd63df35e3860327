// graph/view_patch_test.cc
//
// PatchView() against a GraphViewBuilder fed the patched content in store
// order (what a rebuild from the store does): the same bytes, for each kind
// of change, whether the base's inferred edges are copied or the rules
// rerun; and the patches it refuses.
#include "graph/view_patch.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

using TripleKey = std::tuple<uint64_t, int, uint64_t>;

// A store's content: node records by id, support by triple.
struct Content {
  std::map<uint64_t, schema::Node> nodes;
  std::map<TripleKey, std::vector<schema::Provenance>> triples;

  void Node(uint64_t id, schema::NodeType type, const std::string& name,
            std::vector<std::string> aliases = {}) {
    schema::Node& node = nodes[id];
    node.set_id(id);
    node.set_type(type);
    node.set_name(name);
    node.clear_aliases();
    for (const std::string& a : aliases) node.add_aliases(a);
  }
  void Claim(uint64_t s, schema::Relation r, uint64_t t,
             const std::string& sentence,
             schema::Polarity polarity = schema::AFFIRMED,
             const std::string& document = "d.md") {
    schema::Provenance p;
    p.set_document_id(document);
    p.set_sentence(sentence);
    p.set_polarity(polarity);
    triples[{s, r, t}].push_back(p);
  }
  void Drop(uint64_t s, schema::Relation r, uint64_t t) {
    triples.erase({s, r, t});
  }
};

// What a scan of the store builds.
std::shared_ptr<const GraphView> Build(const Content& content) {
  GraphViewBuilder builder;
  absl::flat_hash_map<uint64_t, NodeIndex> index;
  for (const auto& [id, node] : content.nodes) {
    std::vector<std::string> aliases(node.aliases().begin(),
                                     node.aliases().end());
    index[id] = builder.AddNode(node.type(), node.name(), aliases, id);
  }
  for (const auto& [key, support] : content.triples) {
    std::vector<schema::Provenance> copy = support;
    builder.AddEdgeMove(index.at(std::get<0>(key)),
                        static_cast<schema::Relation>(std::get<1>(key)),
                        index.at(std::get<2>(key)), &copy);
  }
  ApplyInference(&builder);
  return builder.Finish();
}

// The patch from `before` to `after`: every node record and triple that
// differs.
ViewPatch Diff(const Content& before, const Content& after) {
  ViewPatch patch;
  for (const auto& [id, node] : after.nodes) {
    auto it = before.nodes.find(id);
    if (it == before.nodes.end() ||
        it->second.SerializeAsString() != node.SerializeAsString()) {
      patch.nodes.push_back(node);
    }
  }
  std::map<TripleKey, std::vector<schema::Provenance>> changed;
  for (const auto& [key, support] : before.triples) changed[key];
  for (const auto& [key, support] : after.triples) changed[key] = support;
  for (const auto& [key, support] : changed) {
    auto it = before.triples.find(key);
    const bool same =
        it != before.triples.end() && it->second.size() == support.size() &&
        std::equal(
            support.begin(), support.end(), it->second.begin(),
            [](const schema::Provenance& a, const schema::Provenance& b) {
              return a.SerializeAsString() == b.SerializeAsString();
            });
    if (same) continue;
    ViewPatch::Triple t;
    t.source = std::get<0>(key);
    t.relation = static_cast<schema::Relation>(std::get<1>(key));
    t.target = std::get<2>(key);
    t.support = support;
    patch.triples.push_back(t);
  }
  return patch;
}

class ViewPatchTest : public ::testing::Test {
 protected:
  // Ids: muscles 10.., groups 20.., actions 30.., structures 40...
  void SetUp() override {
    base_.Node(10, schema::MUSCLE, "psoas major", {"psoas"});
    base_.Node(11, schema::MUSCLE, "iliacus");
    base_.Node(12, schema::MUSCLE, "gluteus maximus");
    base_.Node(20, schema::MUSCLE, "hip flexors", {"iliopsoas group"});
    base_.Node(21, schema::MUSCLE, "hip extensors");
    base_.Node(30, schema::ACTION, "hip flexion");
    base_.Node(31, schema::ACTION, "hip extension");
    base_.Node(40, schema::STRUCTURE, "femur");
    base_.Claim(10, schema::PART_OF, 20, "The psoas is a hip flexor.");
    base_.Claim(11, schema::PART_OF, 20, "The iliacus is a hip flexor.");
    base_.Claim(12, schema::PART_OF, 21, "The glutes extend the hip.");
    base_.Claim(20, schema::ANTAGONIST_OF, 21, "Flexors oppose extensors.");
    base_.Claim(10, schema::ATTACHES_TO, 40, "The psoas inserts on the femur.");
    base_.Claim(10, schema::PERFORMS, 30, "ref", schema::AFFIRMED,
                kReferenceDocument);
    base_.Claim(12, schema::PERFORMS, 31, "ref", schema::AFFIRMED,
                kReferenceDocument);
  }

  // Patches the view of base_ into that of `after` and compares it with
  // the view built from `after`; `copied`: whether the base's inferred
  // edges should be copied (else the rules rerun).
  void ExpectPatchEqualsBuild(const Content& after, bool copied) {
    std::shared_ptr<const GraphView> base = Build(base_);
    std::shared_ptr<const GraphView> built = Build(after);
    const PatchViewCounts before = PatchViewCountsForTesting();
    std::shared_ptr<const GraphView> patched =
        PatchView(*base, Diff(base_, after), /*apply_inference=*/true, {});
    ASSERT_NE(patched, nullptr);
    EXPECT_EQ(DiffViews(*patched, *built), "");
    EXPECT_TRUE(patched->bytes() == built->bytes());
    const PatchViewCounts now = PatchViewCountsForTesting();
    EXPECT_EQ(now.inference_copied - before.inference_copied, copied ? 1u : 0u);
    EXPECT_EQ(now.inference_rerun - before.inference_rerun, copied ? 0u : 1u);
  }

  Content base_;
};

TEST_F(ViewPatchTest, TheBaseHasInferredEdges) {
  std::shared_ptr<const GraphView> base = Build(base_);
  size_t inferred = 0;
  bool opposite = false;
  for (EdgeIndex e = 0; e < base->num_edges(); ++e) {
    inferred += base->edge(e).inferred ? 1 : 0;
    opposite |= base->edge(e).rule == kRuleOppositeActions;
  }
  EXPECT_GT(inferred, 4u);
  EXPECT_TRUE(opposite);
}

TEST_F(ViewPatchTest, EmptyPatch) { ExpectPatchEqualsBuild(base_, true); }

TEST_F(ViewPatchTest, NewSupportOfAnInferencePremiseCopiesInferredEdges) {
  Content after = base_;
  after.Claim(20, schema::ANTAGONIST_OF, 21, "Another sentence.",
              schema::AFFIRMED, "e.md");
  after.triples[{10, schema::PART_OF, 20}][0].set_sentence("Reworded.");
  ExpectPatchEqualsBuild(after, true);
}

TEST_F(ViewPatchTest, NewNodeAndEdgeOfAnotherRelationCopyInferredEdges) {
  Content after = base_;
  after.Node(41, schema::STRUCTURE, "lesser trochanter");
  // Same name as a muscle: neither name is unique any more.
  after.Node(42, schema::STRUCTURE, "iliacus");
  after.Claim(10, schema::ATTACHES_TO, 41, "It attaches there.");
  after.Claim(11, schema::ATTACHES_TO, 42, "Odd but allowed.");
  ExpectPatchEqualsBuild(after, true);
  std::shared_ptr<const GraphView> patched =
      PatchView(*Build(base_), Diff(base_, after), true, {});
  ASSERT_NE(patched, nullptr);
  EXPECT_FALSE(
      patched->node(patched->Find(schema::MUSCLE, "iliacus")).name_unique);
}

TEST_F(ViewPatchTest, DeletedEdgeOfAnotherRelationCopiesInferredEdges) {
  Content after = base_;
  after.Drop(10, schema::ATTACHES_TO, 40);
  ExpectPatchEqualsBuild(after, true);
}

TEST_F(ViewPatchTest, ChangedAliasesUpdateTheNameKeys) {
  Content after = base_;
  after.Node(10, schema::MUSCLE, "psoas major",
             {"psoas", "psoas major muscle"});
  after.Node(20, schema::MUSCLE, "hip flexors", {});
  ExpectPatchEqualsBuild(after, true);
  std::shared_ptr<const GraphView> patched =
      PatchView(*Build(base_), Diff(base_, after), true, {});
  ASSERT_NE(patched, nullptr);
  EXPECT_EQ(patched->Lookup("psoas major muscle").size(), 1u);
  EXPECT_TRUE(patched->Lookup("iliopsoas group").empty());
}

TEST_F(ViewPatchTest, NewPartOfDerivesNewEdges) {
  Content after = base_;
  after.Node(51, schema::MUSCLE, "psoas minor");
  after.Claim(51, schema::PART_OF, 20, "The psoas minor flexes too.");
  ExpectPatchEqualsBuild(after, false);
}

TEST_F(ViewPatchTest, DeletedPremiseWithdrawsInferredEdges) {
  Content after = base_;
  after.Drop(20, schema::ANTAGONIST_OF, 21);
  ExpectPatchEqualsBuild(after, false);
  std::shared_ptr<const GraphView> patched =
      PatchView(*Build(base_), Diff(base_, after), true, {});
  ASSERT_NE(patched, nullptr);
  EXPECT_EQ(patched->RelationCount(schema::ANTAGONIST_OF),
            2u);  // opposite_actions only.
}

TEST_F(ViewPatchTest, NegatedPremiseWithdrawsInferredEdges) {
  Content after = base_;
  after.triples[{10, schema::PART_OF, 20}][0].set_polarity(schema::NEGATED);
  ExpectPatchEqualsBuild(after, false);
}

TEST_F(ViewPatchTest, ReferenceSupportLostRerunsOppositeActions) {
  Content after = base_;
  after.triples[{12, schema::PERFORMS, 31}][0].set_document_id("e.md");
  ExpectPatchEqualsBuild(after, false);
}

TEST_F(ViewPatchTest, ReplacedDocumentAddsAndDropsTriples) {
  Content after = base_;
  after.Drop(11, schema::PART_OF, 20);
  after.Drop(10, schema::ATTACHES_TO, 40);
  after.Claim(11, schema::PART_OF, 21, "Misfiled.");
  after.Claim(21, schema::ANTAGONIST_OF, 20, "Stated both ways.");
  after.Node(43, schema::STRUCTURE, "pelvis");
  after.Claim(11, schema::ATTACHES_TO, 43, "It starts at the pelvis.");
  ExpectPatchEqualsBuild(after, false);
}

TEST_F(ViewPatchTest, WithoutInference) {
  Content after = base_;
  after.Node(51, schema::MUSCLE, "psoas minor");
  after.Claim(51, schema::PART_OF, 20, "The psoas minor flexes too.");
  std::shared_ptr<const GraphView> base = Build(base_);
  std::shared_ptr<const GraphView> patched =
      PatchView(*base, Diff(base_, after), /*apply_inference=*/false, {});
  ASSERT_NE(patched, nullptr);
  for (EdgeIndex e = 0; e < patched->num_edges(); ++e) {
    EXPECT_FALSE(patched->edge(e).inferred);
  }
  EXPECT_EQ(patched->num_edges(), after.triples.size());
}

TEST_F(ViewPatchTest, RefusesWhatABuilderWouldMerge) {
  std::shared_ptr<const GraphView> base = Build(base_);
  const PatchViewCounts before = PatchViewCountsForTesting();
  {
    Content renamed = base_;
    renamed.Node(11, schema::MUSCLE, "iliacus muscle");
    EXPECT_EQ(PatchView(*base, Diff(base_, renamed), true, {}), nullptr);
  }
  {
    Content twin = base_;  // The identity of node 11.
    twin.Node(50, schema::MUSCLE, "Iliacus");
    EXPECT_EQ(PatchView(*base, Diff(base_, twin), true, {}), nullptr);
  }
  {
    ViewPatch patch;  // A node that is neither stored nor new.
    ViewPatch::Triple t;
    t.source = 10;
    t.relation = schema::ATTACHES_TO;
    t.target = 99;
    t.support.resize(1);
    patch.triples.push_back(t);
    EXPECT_EQ(PatchView(*base, patch, true, {}), nullptr);
  }
  EXPECT_EQ(PatchViewCountsForTesting().refused - before.refused, 3u);
}

}  // namespace
}  // namespace mskg::graph
