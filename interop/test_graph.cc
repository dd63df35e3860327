// interop/test_graph.cc: graphs and comparisons for the interop tests.
#include "interop/test_graph.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "interop/vocabulary.h"

namespace mskg::interop::testing {
namespace {

schema::Provenance Prov(const std::string& document, uint32_t begin,
                        uint32_t end, const std::string& sentence,
                        schema::Polarity polarity = schema::AFFIRMED,
                        bool hedged = false) {
  schema::Provenance p;
  p.set_document_id(document);
  p.set_begin(begin);
  p.set_end(end);
  p.set_sentence(sentence);
  p.set_rule("rule:pattern_1");
  p.set_confidence(0.875f);
  p.set_polarity(polarity);
  p.set_hedged(hedged);
  return p;
}

}  // namespace

std::shared_ptr<const graph::GraphView> TrickyGraph() {
  using schema::NodeType;
  graph::GraphViewBuilder b;
  const auto psoas = b.AddNode(schema::MUSCLE, "psoas major",
                               {"psoas", kQuoteName}, 101);
  const auto group = b.AddNode(schema::MUSCLE, "hip flexors", {}, 102);
  const auto glutes = b.AddNode(schema::MUSCLE, kUnicodeName,
                                {kTabName, kBackslashName}, 103);
  const auto vertebrae =
      b.AddNode(schema::STRUCTURE, "lumbar vertebrae (L1\xE2\x80\x93L5)",
                {"L1-L5"}, 104);
  const auto spasm = b.AddNode(schema::CONDITION, kNewlineName, {}, 105);
  const auto pain = b.AddNode(schema::SYMPTOM, kMarkupName, {}, 106);
  const auto heat = b.AddNode(schema::TREATMENT, "heat therapy", {}, 107);
  const auto nerve = b.AddNode(schema::NERVE, "lumbar plexus", {}, 108);
  b.AddNode(schema::TEST, "MRI, \"isolated\" \\N", {"magnetic resonance"},
            109);

  const auto part_of = b.AddEdge(
      psoas, schema::PART_OF, group,
      {{Prov("doc \"one\"", 0, 40, "The psoas is one of the hip flexors."),
        Prov("doc,two", 10, 52, "Psoas\tand iliacus;\nhip flexors & co.")}});
  const auto antagonist =
      b.AddEdge(group, schema::ANTAGONIST_OF, glutes,
                {{Prov("doc,two", 60, 90, "Hip flexors oppose the glutes.")}});
  b.AddEdge(psoas, schema::ORIGINATES_FROM, vertebrae,
            {{Prov("reference", 12, 13, "")}});
  b.AddEdge(spasm, schema::AFFECTS, psoas,
            {{Prov("d\xC3\xB6" "c-3", 5, 77, "A spasm <may> affect the psoas.",
                   schema::AFFIRMED, /*hedged=*/true)}});
  b.AddEdge(spasm, schema::HAS_SYMPTOM, pain,
            {{Prov("doc \"one\"", 100, 130, "It causes \"pain\" & aches.")}});
  // Denied by its only source.
  b.AddEdge(heat, schema::TREATS, spasm,
            {{Prov("d\xC3\xB6" "c-3", 200, 240, "Heat does not treat it.",
                   schema::NEGATED)}});
  b.AddEdge(psoas, schema::INNERVATED_BY, nerve,
            {{Prov("doc,two", 3, 9, "control\x01" "char")}});
  b.AddInferredEdge(psoas, schema::ANTAGONIST_OF, glutes,
                    "antagonist_inherited_by_members", {part_of, antagonist});
  return b.Finish();
}

std::shared_ptr<const graph::GraphView> ViewFromClaims(
    const std::vector<schema::DocumentClaims>& docs) {
  graph::GraphViewBuilder b;
  auto add = [&b](const schema::NodeKey& key) {
    std::vector<std::string> aliases(key.aliases().begin(),
                                     key.aliases().end());
    return b.AddNode(key.type(), key.name(), aliases);
  };
  for (const schema::DocumentClaims& doc : docs) {
    for (const schema::NodeKey& mention : doc.mentions()) add(mention);
    for (const schema::Claim& claim : doc.claims()) {
      const graph::NodeIndex s = add(claim.subject());
      const graph::NodeIndex o = add(claim.object());
      b.AddEdge(s, claim.relation(), o, {{claim.provenance()}});
    }
  }
  return b.Finish();
}

std::string CanonicalDump(const graph::GraphView& view, bool with_provenance) {
  std::vector<std::string> lines;
  auto node_text = [&view](graph::NodeIndex v) {
    const graph::NodeInfo& n = view.node(v);
    return absl::StrCat(TypeLabel(n.type), ":", n.name);
  };
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    std::vector<std::string> aliases = view.node(v).aliases.ToStrings();
    std::sort(aliases.begin(), aliases.end());
    lines.push_back(absl::StrCat("node ", node_text(v), " aliases=[",
                                 absl::StrJoin(aliases, "|"), "]"));
  }
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.inferred) continue;
    std::vector<std::string> support;
    if (with_provenance) {
      for (const schema::Provenance& p : edge.support) {
        support.push_back(absl::StrCat(
            p.document_id(), "@", p.begin(), "-", p.end(), " '", p.sentence(),
            "' ", p.rule(), " ", p.confidence(), " ",
            PolarityLabel(p.polarity()), p.hedged() ? " hedged" : ""));
      }
      std::sort(support.begin(), support.end());
    } else {
      if (edge.negated) continue;
      support = AffirmedDocuments(edge);
    }
    lines.push_back(absl::StrCat("edge ", node_text(edge.source), " -",
                                 RelationLabel(edge.relation), "-> ",
                                 node_text(edge.target), " {",
                                 absl::StrJoin(support, "; "), "}"));
  }
  std::sort(lines.begin(), lines.end());
  return absl::StrJoin(lines, "\n");
}

}  // namespace mskg::interop::testing
