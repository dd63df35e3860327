// interop/answer_picture.cc: rank and cut an answer for `mskg show`.
#include "interop/answer_picture.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace mskg::interop {
namespace {

struct Ranked {
  graph::NodeIndex node;
  size_t links;  // Matched edges (answer) or kept nodes linked (context).
  size_t edges;
};

// Sorts best first: more links, more edges, then name and index, so that
// the picture does not depend on hash order.
void SortRanked(const graph::GraphView& view, std::vector<Ranked>* ranked) {
  std::sort(ranked->begin(), ranked->end(),
            [&view](const Ranked& a, const Ranked& b) {
              return std::make_tuple(b.links, b.edges, view.node(a.node).name,
                                     a.node) <
                     std::make_tuple(a.links, a.edges, view.node(b.node).name,
                                     b.node);
            });
}

}  // namespace

PicturePlan PlanPicture(const graph::GraphView& view,
                        const Selection& selection,
                        const PictureOptions& options) {
  PicturePlan plan;
  absl::flat_hash_map<graph::NodeIndex, size_t> degree;
  for (graph::NodeIndex v : selection.nodes) degree.try_emplace(v, 0);
  absl::flat_hash_set<graph::EdgeIndex> edges(selection.edges.begin(),
                                              selection.edges.end());
  for (graph::EdgeIndex e : edges) {
    ++degree[view.edge(e).source];
    ++degree[view.edge(e).target];
  }
  std::vector<Ranked> answer;
  for (const auto& [v, d] : degree) answer.push_back({v, d, 0});
  SortRanked(view, &answer);
  const size_t kept_count = std::min(answer.size(), options.max_nodes);
  plan.matched_nodes_left_out = answer.size() - kept_count;
  absl::flat_hash_set<graph::NodeIndex> kept;
  for (size_t i = 0; i < kept_count; ++i) {
    kept.insert(answer[i].node);
    plan.matched.nodes.push_back(answer[i].node);
  }
  std::vector<graph::EdgeIndex> edge_list(edges.begin(), edges.end());
  std::sort(edge_list.begin(), edge_list.end());
  for (graph::EdgeIndex e : edge_list) {
    if (kept.contains(view.edge(e).source) &&
        kept.contains(view.edge(e).target)) {
      plan.matched.edges.push_back(e);
    } else {
      ++plan.matched_edges_left_out;
    }
  }

  const size_t budget =
      std::min(options.neighbours, options.max_nodes - kept_count);
  if (options.neighbours == 0) return plan;
  // Candidates: nodes next to a kept node, with the kept nodes they link.
  // Visited in the answer's rank order, so each candidate's edges come
  // best-ranked answer node first.
  struct Candidate {
    absl::flat_hash_set<graph::NodeIndex> linked;
    std::vector<graph::EdgeIndex> edges;  // To the first few linked only.
  };
  absl::flat_hash_map<graph::NodeIndex, Candidate> candidates;
  for (graph::NodeIndex v : plan.matched.nodes) {
    for (auto adjacency : {view.Out(v), view.In(v)}) {
      for (const graph::Adjacent& a : adjacency) {
        if (kept.contains(a.node)) continue;
        Candidate& c = candidates[a.node];
        c.linked.insert(v);
        if (c.linked.size() <= options.max_links_per_neighbour) {
          c.edges.push_back(a.edge);
        }
      }
    }
  }
  std::vector<Ranked> context;
  for (const auto& [v, c] : candidates) {
    context.push_back({v, c.linked.size(), c.edges.size()});
  }
  SortRanked(view, &context);
  const size_t taken = std::min(budget, context.size());
  plan.neighbours_left_out = context.size() - taken;
  for (size_t i = 0; i < taken; ++i) {
    plan.context.nodes.push_back(context[i].node);
    for (graph::EdgeIndex e : candidates[context[i].node].edges) {
      plan.context.edges.push_back(e);
    }
  }
  return plan;
}

}  // namespace mskg::interop
