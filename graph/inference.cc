// graph/inference.cc
//
// Semi-naive evaluation of the inference rules of inference.h: every edge
// (asserted or derived) is taken from the worklist once and joined with the
// PART_OF/ANTAGONIST_OF edges present at that time; edges derived later join
// with it when they are taken in turn.
#include "graph/inference.h"

#include <deque>
#include <utility>
#include <vector>

namespace mskg::graph {
namespace {

class Inference {
 public:
  explicit Inference(GraphViewBuilder* builder)
      : builder_(builder),
        part_out_(builder->num_nodes()),
        part_in_(builder->num_nodes()),
        ant_out_(builder->num_nodes()),
        ant_in_(builder->num_nodes()) {}

  size_t Run() {
    const size_t n = builder_->num_edges();
    for (EdgeIndex e = 0; e < n; ++e) {
      const EdgeInfo& info = builder_->edge(e);
      if (info.relation != schema::PART_OF &&
          info.relation != schema::ANTAGONIST_OF) {
        continue;
      }
      if (IsNegated(info) || info.source == info.target) continue;
      Register(e);
    }
    while (!worklist_.empty() && added_ < kMaxInferredEdges) {
      const EdgeIndex e = worklist_.front();
      worklist_.pop_front();
      Process(e);
    }
    return added_;
  }

 private:
  static bool IsNegated(const EdgeInfo& info) {
    if (info.inferred || info.support.empty()) return false;
    for (const schema::Provenance& p : info.support) {
      if (p.polarity() != schema::NEGATED) return false;
    }
    return true;
  }

  // Adds `e` to the adjacency of its relation and to the worklist.
  void Register(EdgeIndex e) {
    const EdgeInfo& info = builder_->edge(e);
    if (info.relation == schema::PART_OF) {
      part_out_[info.source].push_back(e);
      part_in_[info.target].push_back(e);
    } else {
      ant_out_[info.source].push_back(e);
      ant_in_[info.target].push_back(e);
    }
    worklist_.push_back(e);
  }

  void Derive(NodeIndex source, schema::Relation relation, NodeIndex target,
              const char* rule, std::vector<EdgeIndex> premises) {
    if (source == target || added_ >= kMaxInferredEdges) return;
    const EdgeIndex e = builder_->AddInferredEdge(source, relation, target,
                                                  rule, std::move(premises));
    if (e == kInvalidIndex) return;
    ++added_;
    Register(e);
  }

  // Joins edge `e` with the edges present. Lists are read by index because
  // Derive() may append to them.
  void Process(EdgeIndex e) {
    const NodeIndex a = builder_->edge(e).source;
    const NodeIndex b = builder_->edge(e).target;
    if (builder_->edge(e).relation == schema::PART_OF) {
      // e = A PART_OF B.
      for (size_t i = 0; i < part_out_[b].size(); ++i) {  // B PART_OF C.
        const EdgeIndex bc = part_out_[b][i];
        Derive(a, schema::PART_OF, builder_->edge(bc).target,
               kRulePartOfTransitive, {e, bc});
      }
      for (size_t i = 0; i < part_in_[a].size(); ++i) {  // Z PART_OF A.
        const EdgeIndex za = part_in_[a][i];
        Derive(builder_->edge(za).source, schema::PART_OF, b,
               kRulePartOfTransitive, {za, e});
      }
      for (size_t i = 0; i < ant_out_[b].size(); ++i) {  // B ANTAGONIST_OF H.
        const EdgeIndex bh = ant_out_[b][i];
        Derive(a, schema::ANTAGONIST_OF, builder_->edge(bh).target,
               kRuleAntagonistInherited, {e, bh});
      }
      for (size_t i = 0; i < ant_in_[b].size(); ++i) {  // G ANTAGONIST_OF B.
        const EdgeIndex gb = ant_in_[b][i];
        Derive(builder_->edge(gb).source, schema::ANTAGONIST_OF, a,
               kRuleAntagonistInherited, {gb, e});
      }
    } else {
      // e = G ANTAGONIST_OF H.
      Derive(b, schema::ANTAGONIST_OF, a, kRuleAntagonistSymmetric, {e});
      for (size_t i = 0; i < part_in_[a].size(); ++i) {  // M PART_OF G.
        const EdgeIndex mg = part_in_[a][i];
        Derive(builder_->edge(mg).source, schema::ANTAGONIST_OF, b,
               kRuleAntagonistInherited, {mg, e});
      }
      for (size_t i = 0; i < part_in_[b].size(); ++i) {  // X PART_OF H.
        const EdgeIndex xh = part_in_[b][i];
        Derive(a, schema::ANTAGONIST_OF, builder_->edge(xh).source,
               kRuleAntagonistInherited, {e, xh});
      }
    }
  }

  GraphViewBuilder* builder_;
  std::vector<std::vector<EdgeIndex>> part_out_;
  std::vector<std::vector<EdgeIndex>> part_in_;
  std::vector<std::vector<EdgeIndex>> ant_out_;
  std::vector<std::vector<EdgeIndex>> ant_in_;
  std::deque<EdgeIndex> worklist_;
  size_t added_ = 0;
};

}  // namespace

size_t ApplyInference(GraphViewBuilder* builder) {
  return Inference(builder).Run();
}

}  // namespace mskg::graph
