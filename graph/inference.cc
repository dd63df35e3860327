// graph/inference.cc
//
// ApplyInference() on a GraphViewBuilder: the rules of inference_rules.h
// over the builder's edges.
#include "graph/inference.h"

#include "graph/inference_rules.h"

namespace mskg::graph {

bool EdgeNegated(const GraphViewBuilder::Edge& info) {
  if (info.inferred) return false;
  if (!info.encoded_support.empty()) return info.encoded_negated;
  if (info.support.empty()) return false;
  for (const schema::Provenance& p : info.support) {
    if (p.polarity() != schema::NEGATED) return false;
  }
  return true;
}

bool EdgeFromReference(const GraphViewBuilder::Edge& info) {
  // Parsed only here, for the few PERFORMS edges that reach this.
  for (const schema::Provenance& p : SupportList(info.encoded_support)) {
    if (p.document_id() == kReferenceDocument &&
        p.polarity() != schema::NEGATED) {
      return true;
    }
  }
  for (const schema::Provenance& p : info.support) {
    if (p.document_id() == kReferenceDocument &&
        p.polarity() != schema::NEGATED) {
      return true;
    }
  }
  return false;
}

size_t ApplyInference(GraphViewBuilder* builder) {
  return Inference<GraphViewBuilder>(builder).Run();
}

}  // namespace mskg::graph
