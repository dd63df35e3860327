// graph/inference_rules.h
//
// The semi-naive evaluation of inference.h's rules, over any graph being
// built: every edge (asserted or derived) is taken from the worklist once
// and joined with the PART_OF/ANTAGONIST_OF edges present at that time;
// edges derived later join with it when they are taken in turn.
//
// `Graph` provides num_nodes(), num_edges(), node(v).name, edge(e) (with
// source, target, relation, inferred) and AddInferredEdge() as
// GraphViewBuilder does; the free functions EdgeNegated(edge),
// EdgeFromReference(edge) and EdgeRule(edge), found by argument-dependent
// lookup, read what its edges hold of support and rules. ApplyInference()
// (inference.cc) runs it on a GraphViewBuilder, and the patched view
// (view_patch.cc) on the edges of a view being patched, so that both derive
// the same edges, in the same order, with the same premises.
//
// Private to //graph.
#ifndef MSKG_GRAPH_INFERENCE_RULES_H_
#define MSKG_GRAPH_INFERENCE_RULES_H_

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "util/name_key.h"

namespace mskg::graph {

// GraphViewBuilder's edges (inference.cc).
bool EdgeNegated(const GraphViewBuilder::Edge& info);
bool EdgeFromReference(const GraphViewBuilder::Edge& info);
inline absl::string_view EdgeRule(const GraphViewBuilder::Edge& info) {
  return info.rule;
}

// One run of the rules over `Graph`; not thread-safe.
template <typename Graph>
class Inference {
 public:
  explicit Inference(Graph* builder)
      : builder_(builder),
        part_out_(builder->num_nodes()),
        part_in_(builder->num_nodes()),
        ant_out_(builder->num_nodes()),
        ant_in_(builder->num_nodes()) {}

  size_t Run() {
    const size_t n = builder_->num_edges();
    // Group sizes from the asserted, affirmed PART_OF edges only, so that
    // which groups pass on their antagonists does not depend on the order
    // in which edges are derived.
    group_size_.assign(builder_->num_nodes(), 0);
    for (EdgeIndex e = 0; e < n; ++e) {
      const auto& info = builder_->edge(e);
      if (info.relation == schema::PART_OF && !IsNegated(info)) {
        ++group_size_[info.target];
      }
    }
    OppositeActions(n);
    for (EdgeIndex e = 0; e < n; ++e) {
      const auto& info = builder_->edge(e);
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
  // True when every support of `info` is negated.
  static bool IsNegated(const typename Graph::Edge& info) {
    return EdgeNegated(info);
  }
  // True if some affirmed support of `info` comes from the reference
  // document.
  static bool FromReference(const typename Graph::Edge& info) {
    return EdgeFromReference(info);
  }

  // Splits an action's NameKey into its joint and the side (0 or 1) of an
  // opposed pair of movements; false if it names no joint or a movement
  // without an opposite.
  static bool ParseAction(absl::string_view key, absl::string_view* joint,
                          int* pair, int* side) {
    // Movements are matched as whole trailing words ("plantarflexion" is not
    // "flexion"); qualified movements without an opposite come first.
    static constexpr const char* kUnopposed[] = {"lateral flexion"};
    static constexpr const char* kPairs[][2] = {
        {"flexion", "extension"},
        {"abduction", "adduction"},
        {"internal rotation", "external rotation"},
        {"plantarflexion", "dorsiflexion"},
        {"inversion", "eversion"},
        {"pronation", "supination"},
        {"elevation", "depression"},
        {"protraction", "retraction"},
    };
    auto ends_with_word = [key](absl::string_view word) {
      return key.size() > word.size() + 1 && absl::EndsWith(key, word) &&
             key[key.size() - word.size() - 1] == ' ';
    };
    for (const char* movement : kUnopposed) {
      if (ends_with_word(movement)) return false;
    }
    for (int p = 0; p < static_cast<int>(std::size(kPairs)); ++p) {
      for (int s = 0; s < 2; ++s) {
        const absl::string_view movement = kPairs[p][s];
        if (!ends_with_word(movement)) continue;
        *joint = key.substr(0, key.size() - movement.size() - 1);
        *pair = p;
        *side = s;
        return true;
      }
    }
    return false;
  }

  // True if `from` reaches `to` over affirmed PART_OF edges.
  bool PartOfReaches(NodeIndex from, NodeIndex to) {
    std::vector<NodeIndex> stack = {from};
    absl::flat_hash_set<NodeIndex> visited = {from};
    while (!stack.empty()) {
      const NodeIndex v = stack.back();
      stack.pop_back();
      for (EdgeIndex e : part_of_asserted_[v]) {
        const NodeIndex w = builder_->edge(e).target;
        if (w == to) return true;
        if (visited.insert(w).second) stack.push_back(w);
      }
    }
    return false;
  }

  // Rule opposite_actions over the first `n` edges (the asserted ones).
  void OppositeActions(size_t n) {
    struct Performer {
      NodeIndex muscle;
      EdgeIndex edge;
    };
    // (joint, pair) -> performers of each side.
    absl::flat_hash_map<std::pair<std::string, int>,
                        std::array<std::vector<Performer>, 2>>
        by_joint;
    absl::flat_hash_map<NodeIndex, std::string> action_keys;
    for (EdgeIndex e = 0; e < n; ++e) {
      const auto& info = builder_->edge(e);
      if (info.relation == schema::PART_OF && !IsNegated(info) &&
          info.source != info.target) {
        if (part_of_asserted_.empty()) {
          part_of_asserted_.resize(builder_->num_nodes());
        }
        part_of_asserted_[info.source].push_back(e);
        continue;
      }
      if (info.relation != schema::PERFORMS || info.inferred ||
          IsNegated(info) || !FromReference(info)) {
        continue;
      }
      auto [it, added] = action_keys.try_emplace(info.target);
      if (added) it->second = NameKey(builder_->node(info.target).name);
      absl::string_view joint;
      int pair = 0;
      int side = 0;
      if (!ParseAction(it->second, &joint, &pair, &side)) continue;
      by_joint[{std::string(joint), pair}][side].push_back(
          Performer{info.source, e});
    }
    if (by_joint.empty()) return;
    if (part_of_asserted_.empty()) {
      part_of_asserted_.resize(builder_->num_nodes());
    }
    // Deterministic order: by joint, then pair.
    std::vector<const std::pair<const std::pair<std::string, int>,
                                std::array<std::vector<Performer>, 2>>*>
        groups;
    for (const auto& entry : by_joint) groups.push_back(&entry);
    std::sort(groups.begin(), groups.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    size_t added = 0;
    for (const auto* group : groups) {
      for (const Performer& m1 : group->second[0]) {
        for (const Performer& m2 : group->second[1]) {
          if (added >= kMaxOppositeActionEdges) return;
          if (m1.muscle == m2.muscle || PartOfReaches(m1.muscle, m2.muscle) ||
              PartOfReaches(m2.muscle, m1.muscle)) {
            continue;
          }
          const size_t before = added_;
          Derive(m1.muscle, schema::ANTAGONIST_OF, m2.muscle,
                 kRuleOppositeActions, {m1.edge, m2.edge});
          Derive(m2.muscle, schema::ANTAGONIST_OF, m1.muscle,
                 kRuleOppositeActions, {m2.edge, m1.edge});
          added += added_ - before;
        }
      }
    }
  }

  // True if the group `g` is small enough to pass its antagonists on to
  // its members (see kMaxGroupSizeForInheritance).
  bool Inherits(NodeIndex g) const {
    return group_size_[g] <= kMaxGroupSizeForInheritance;
  }

  // True if the antagonism `e` is inherited by group members. One read off
  // opposite actions is not: it pairs two particular muscles by what each
  // does, which says nothing of the muscles grouped with either.
  bool PassesToMembers(EdgeIndex e) const {
    const auto& info = builder_->edge(e);
    return !(info.inferred && EdgeRule(info) == kRuleOppositeActions);
  }

  // Adds `e` to the adjacency of its relation and to the worklist.
  void Register(EdgeIndex e) {
    const auto& info = builder_->edge(e);
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
      if (!Inherits(b)) return;
      for (size_t i = 0; i < ant_out_[b].size(); ++i) {  // B ANTAGONIST_OF H.
        const EdgeIndex bh = ant_out_[b][i];
        if (!PassesToMembers(bh)) continue;
        Derive(a, schema::ANTAGONIST_OF, builder_->edge(bh).target,
               kRuleAntagonistInherited, {e, bh});
      }
      for (size_t i = 0; i < ant_in_[b].size(); ++i) {  // G ANTAGONIST_OF B.
        const EdgeIndex gb = ant_in_[b][i];
        if (!PassesToMembers(gb)) continue;
        Derive(builder_->edge(gb).source, schema::ANTAGONIST_OF, a,
               kRuleAntagonistInherited, {gb, e});
      }
    } else {
      // e = G ANTAGONIST_OF H.
      Derive(b, schema::ANTAGONIST_OF, a, kRuleAntagonistSymmetric, {e});
      if (!PassesToMembers(e)) return;
      for (size_t i = 0; Inherits(a) && i < part_in_[a].size(); ++i) {
        // M PART_OF G.
        const EdgeIndex mg = part_in_[a][i];
        Derive(builder_->edge(mg).source, schema::ANTAGONIST_OF, b,
               kRuleAntagonistInherited, {mg, e});
      }
      for (size_t i = 0; Inherits(b) && i < part_in_[b].size(); ++i) {
        // X PART_OF H.
        const EdgeIndex xh = part_in_[b][i];
        Derive(a, schema::ANTAGONIST_OF, builder_->edge(xh).source,
               kRuleAntagonistInherited, {e, xh});
      }
    }
  }

  Graph* builder_;
  std::vector<std::vector<EdgeIndex>> part_out_;
  std::vector<std::vector<EdgeIndex>> part_in_;
  std::vector<std::vector<EdgeIndex>> ant_out_;
  std::vector<std::vector<EdgeIndex>> ant_in_;
  std::deque<EdgeIndex> worklist_;
  // Affirmed asserted PART_OF edges by source (opposite_actions only).
  std::vector<std::vector<EdgeIndex>> part_of_asserted_;
  // Asserted members of each node, by index.
  std::vector<uint32_t> group_size_;
  size_t added_ = 0;
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_INFERENCE_RULES_H_
