// query/test_graph.h
//
// A tiny hand-built musculoskeletal graph for the query tests: hip flexors
// and gluteal muscles (with an inferred psoas major ANTAGONIST_OF gluteal
// muscles edge), and causes of two spasms (with one denied cause).
#ifndef MSKG_QUERY_TEST_GRAPH_H_
#define MSKG_QUERY_TEST_GRAPH_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_view.h"
#include "schema/graph.pb.h"

namespace mskg::query::testing {

inline schema::Provenance Sentence(const std::string& doc, const std::string& text,
                                   bool negated = false) {
  schema::Provenance p;
  p.set_document_id(doc);
  p.set_sentence(text);
  p.set_begin(0);
  p.set_end(text.size());
  p.set_rule("test");
  p.set_polarity(negated ? schema::NEGATED : schema::AFFIRMED);
  return p;
}

inline std::shared_ptr<const graph::GraphView> MakeTestGraph() {
  using schema::Relation;
  graph::GraphViewBuilder b;
  const auto psoas = b.AddNode(schema::MUSCLE, "psoas major", {"psoas"});
  const auto iliacus = b.AddNode(schema::MUSCLE, "iliacus");
  const auto flexors = b.AddNode(schema::MUSCLE, "hip flexors");
  const auto glutes = b.AddNode(schema::MUSCLE, "gluteal muscles", {"glutes"});
  const auto gmax = b.AddNode(schema::MUSCLE, "gluteus maximus");
  const auto ql = b.AddNode(schema::MUSCLE, "quadratus lumborum", {"QL"});
  const auto ql_spasm =
      b.AddNode(schema::CONDITION, "quadratus lumborum spasm", {"QL spasm"});
  const auto psoas_spasm = b.AddNode(schema::CONDITION, "psoas major spasm");
  const auto sitting = b.AddNode(schema::CAUSE, "prolonged sitting");
  const auto posture = b.AddNode(schema::CAUSE, "poor posture");
  const auto dehydration = b.AddNode(schema::CAUSE, "dehydration");
  const auto hip = b.AddNode(schema::STRUCTURE, "hip joint");
  const auto e1 = b.AddEdge(psoas, schema::PART_OF, flexors,
                            {Sentence("anatomy.md", "The psoas major is a hip flexor.")});
  b.AddEdge(iliacus, schema::PART_OF, flexors,
            {Sentence("anatomy.md", "The iliacus is a hip flexor.")});
  const auto e3 = b.AddEdge(
      flexors, schema::ANTAGONIST_OF, glutes,
      {Sentence("balance.md", "The hip flexors oppose the gluteal muscles.")});
  b.AddInferredEdge(psoas, schema::ANTAGONIST_OF, glutes, "part_of_antagonist",
                    {e1, e3});
  b.AddEdge(gmax, schema::PART_OF, glutes,
            {Sentence("anatomy.md", "The gluteus maximus is the largest glute.")});
  b.AddEdge(psoas, schema::ATTACHES_TO, hip,
            {Sentence("anatomy.md", "The psoas crosses the hip joint.")});
  b.AddEdge(sitting, schema::CAUSES, ql_spasm,
            {Sentence("back.md", "Prolonged sitting causes QL spasm.")});
  b.AddEdge(sitting, schema::CAUSES, psoas_spasm,
            {Sentence("back.md", "Prolonged sitting causes psoas spasm.")});
  b.AddEdge(posture, schema::CAUSES, ql_spasm,
            {Sentence("back.md", "Poor posture causes QL spasm.")});
  b.AddEdge(dehydration, schema::CAUSES, psoas_spasm,
            {Sentence("cramps.md", "Dehydration may cause psoas spasm.")});
  b.AddEdge(dehydration, schema::CAUSES, ql_spasm,
            {Sentence("cramps.md", "Dehydration does not cause QL spasm.", true)});
  b.AddEdge(ql, schema::STABILIZES, hip, {Sentence("back.md", "The QL steadies the hip.")});
  return b.Finish();
}

}  // namespace mskg::query::testing

#endif  // MSKG_QUERY_TEST_GRAPH_H_
