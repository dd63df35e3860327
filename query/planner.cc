#include "query/planner.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_format.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

class Planner {
 public:
  Planner(BoundQuery& q, const graph::GraphView& view, PhysicalPlan* plan)
      : q_(q), view_(view), plan_(plan) {}

  absl::Status Run() {
    for (size_t p = 0; p < q_.parts.size(); ++p) {
      BoundPart& part = q_.parts[p];
      PartPlan pp;
      pp.num_input_slots = part.num_input_slots;
      pp.num_slots = part.num_slots;
      std::vector<bool> bound(part.num_slots, false);
      for (int i = 0; i < part.num_input_slots; ++i) bound[i] = true;
      double est = 1;
      if (part.input_filter != nullptr) {
        PlanOp f;
        f.kind = PlanOp::Kind::kFilter;
        f.id = plan_->num_ops++;
        f.predicate = std::move(part.input_filter);
        f.estimated_rows = est;
        pp.ops.push_back(std::move(f));
      }
      for (BoundMatch& m : part.matches) {
        for (const BoundRel& r : m.rels) pp.evidence_slots.push_back(r.slot);
        if (m.optional) {
          PlanOp opt;
          opt.kind = PlanOp::Kind::kOptional;
          opt.id = plan_->num_ops++;
          double inner_est = est;
          MSKG_RETURN_IF_ERROR(PlanMatch(m, &bound, &inner_est, &opt.inner));
          opt.null_slots = m.new_slots;
          est = std::max(est, inner_est);
          opt.estimated_rows = est;
          pp.ops.push_back(std::move(opt));
        } else {
          MSKG_RETURN_IF_ERROR(PlanMatch(m, &bound, &est, &pp.ops));
        }
      }
      pp.projection = std::move(part.projection);
      MarkEndpointsOnly(&pp);
      plan_->parts.push_back(std::move(pp));
    }
    for (size_t i = 0; i < q_.patterns.size(); ++i) {
      BoundMatch& m = q_.patterns[i];
      const BoundPart& part = q_.parts[q_.pattern_part[i]];
      std::vector<bool> bound(part.num_slots, false);
      for (const BoundNode& n : m.nodes) {
        if (!n.is_new) bound[n.slot] = true;
      }
      double est = 1;
      std::vector<PlanOp> ops;
      MSKG_RETURN_IF_ERROR(PlanMatch(m, &bound, &est, &ops));
      MarkPatternEndpointsOnly(&ops);
      plan_->patterns.push_back(std::move(ops));
    }
    plan_->names = std::move(q_.names);
    plan_->columns = plan_->parts.back().projection.columns;
    return absl::OkStatus();
  }

 private:
  // Returns whether `op` (or an operator nested in it) reads `slot`.
  static bool OpReads(const PlanOp& op, int slot) {
    std::vector<int> slots;
    if (op.predicate != nullptr) op.predicate->CollectSlots(&slots);
    if (op.kind == PlanOp::Kind::kExpand || op.kind == PlanOp::Kind::kShortestPath) {
      slots.push_back(op.from_slot);
      if (op.into || op.kind == PlanOp::Kind::kShortestPath) slots.push_back(op.to_slot);
    }
    if (op.kind == PlanOp::Kind::kBuildPath) slots.push_back(op.from_slot);
    slots.insert(slots.end(), op.unique_slots.begin(), op.unique_slots.end());
    slots.insert(slots.end(), op.path_slots.begin(), op.path_slots.end());
    if (std::find(slots.begin(), slots.end(), slot) != slots.end()) return true;
    for (const PlanOp& inner : op.inner) {
      if (OpReads(inner, slot)) return true;
    }
    return false;
  }

  // Returns whether the rows of a part with projection `proj` can pass
  // each distinct row once instead of once per match without changing the
  // result: a DISTINCT projection without aggregates, or aggregates that
  // ignore multiplicity (count/collect/sum/avg DISTINCT, min, max; the
  // groups are the same either way).
  static bool MultiplicityInvisible(const ProjectionSpec& proj) {
    if (proj.aggs.empty()) return proj.distinct;
    for (const AggSpec& a : proj.aggs) {
      if (a.fn == AggFn::kMin || a.fn == AggFn::kMax) continue;
      if (a.fn == AggFn::kCountStar || !a.distinct) return false;
    }
    return true;
  }

  // Sets PlanOp::endpoints_only on the variable-length expansions of `part`
  // whose paths nothing reads. Requires that multiplicity be invisible (see
  // MultiplicityInvisible) and a breadth-first search that is exact: the
  // end nodes of relationship-unique paths of length min..max are those
  // within max hops when min <= 1, since a shortest walk repeats no
  // relationship. The start node itself needs a closed path: the executor
  // looks for a shortest cycle through it (for undirected expansions one
  // that does not walk an edge there and back). Larger minimums keep the
  // path enumeration.
  void MarkEndpointsOnly(PartPlan* part) const {
    const ProjectionSpec& proj = part->projection;
    if (!MultiplicityInvisible(proj)) return;
    for (size_t i = 0; i < part->ops.size(); ++i) {
      PlanOp& op = part->ops[i];
      if (op.kind != PlanOp::Kind::kExpand || !op.variable_length || op.into) continue;
      if (op.min_hops > 1) continue;
      bool read = false;
      for (size_t j = i + 1; j < part->ops.size() && !read; ++j) {
        read = OpReads(part->ops[j], op.edge_slot);
      }
      for (const BoundExprPtr& item : proj.items) {
        std::vector<int> slots;
        item->CollectSlots(&slots);
        read = read || std::find(slots.begin(), slots.end(), op.edge_slot) != slots.end();
      }
      for (const AggSpec& agg : proj.aggs) {
        if (agg.arg == nullptr) continue;
        std::vector<int> slots;
        agg.arg->CollectSlots(&slots);
        read = read || std::find(slots.begin(), slots.end(), op.edge_slot) != slots.end();
      }
      for (const std::vector<PlanOp>& pattern : plan_->patterns) {
        for (const PlanOp& p : pattern) read = read || OpReads(p, op.edge_slot);
      }
      for (const BoundMatch& m : q_.patterns) {
        for (const BoundRel& r : m.rels) read = read || r.slot == op.edge_slot;
        for (const BoundExprPtr& c : m.conjuncts) {
          if (c == nullptr) continue;
          std::vector<int> slots;
          c->CollectSlots(&slots);
          read = read || std::find(slots.begin(), slots.end(), op.edge_slot) != slots.end();
        }
      }
      if (!read) op.endpoints_only = true;
    }
  }

  // Sets PlanOp::endpoints_only on the variable-length expansions of a
  // pattern predicate that nothing after them reads: a predicate asks only
  // whether a match exists, and a breadth-first search answers that in time
  // linear in the graph where enumerating paths could take forever.
  static void MarkPatternEndpointsOnly(std::vector<PlanOp>* ops) {
    for (size_t i = 0; i < ops->size(); ++i) {
      PlanOp& op = (*ops)[i];
      if (op.kind != PlanOp::Kind::kExpand || !op.variable_length) continue;
      if (op.min_hops > 1) continue;
      bool read = false;
      for (size_t j = i + 1; j < ops->size() && !read; ++j) {
        read = OpReads((*ops)[j], op.edge_slot);
      }
      if (!read) op.endpoints_only = true;
    }
  }

  // Returns whether a relationship of `a` could be one of `b` (for
  // relationship uniqueness: disjoint type lists never share an edge).
  static bool TypesMayOverlap(const std::vector<schema::Relation>& a,
                              const std::vector<schema::Relation>& b) {
    if (a.empty() || b.empty()) return true;
    for (schema::Relation t : a) {
      if (std::find(b.begin(), b.end(), t) != b.end()) return true;
    }
    return false;
  }

  // Appends the slots `e` needs bound, including the outer nodes of pattern
  // predicates.
  void NeededSlots(const BoundExpr& e, std::vector<int>* out) const {
    if (e.slot >= 0) out->push_back(e.slot);
    if (e.kind == BoundExpr::Kind::kExists) {
      for (const BoundNode& n : q_.patterns[e.index].nodes) {
        if (!n.is_new) out->push_back(n.slot);
      }
    }
    for (const auto& a : e.args) NeededSlots(*a, out);
  }

  double LabelCount(schema::NodeType label) const {
    if (label == schema::NODE_TYPE_UNSPECIFIED) return view_.num_nodes();
    return view_.NodesOfType(label).size();
  }

  double Fanout(const BoundRel& r, bool both) const {
    double edges = 0;
    if (r.types.empty()) {
      edges = view_.num_edges();
    } else {
      for (schema::Relation t : r.types) edges += view_.RelationCount(t);
    }
    double f = edges / std::max<double>(1, view_.num_nodes());
    if (both) f *= 2;
    if (r.variable_length) f = f * 4 + 1;
    return std::max(1.0, f);
  }

  absl::Status PlanMatch(BoundMatch& m, std::vector<bool>* bound, double* est,
                         std::vector<PlanOp>* ops) {
    absl::flat_hash_map<int, int> anchor;  // Node slot -> NameSource.
    std::vector<BoundExprPtr> conjuncts;
    for (BoundExprPtr& c : m.conjuncts) {
      if (c->kind == BoundExpr::Kind::kNameMatch && c->index >= 0 && !(*bound)[c->slot] &&
          !anchor.contains(c->slot)) {
        anchor[c->slot] = c->index;
        continue;
      }
      conjuncts.push_back(std::move(c));
    }
    std::vector<bool> rel_done(m.rels.size(), false);
    std::vector<int> edge_slots_bound;
    std::vector<std::vector<schema::Relation>> edge_slot_types;  // Parallel.
    bool scanned_unanchored = false;
    const size_t first_op = ops->size();
    std::vector<bool> path_done(m.paths.size(), false);
    auto place_filters = [&]() {
      // Named paths as soon as their nodes and relationships are bound.
      for (size_t i = 0; i < m.paths.size(); ++i) {
        const BoundPath& path = m.paths[i];
        if (path_done[i] || !(*bound)[path.first_node_slot]) continue;
        bool ready = true;
        for (int s : path.rel_slots) ready = ready && (*bound)[s];
        if (!ready) continue;
        PlanOp b;
        b.kind = PlanOp::Kind::kBuildPath;
        b.id = plan_->num_ops++;
        b.slot = path.slot;
        b.from_slot = path.first_node_slot;
        b.path_slots = path.rel_slots;
        b.estimated_rows = *est;
        ops->push_back(std::move(b));
        (*bound)[path.slot] = true;
        path_done[i] = true;
      }
      for (BoundExprPtr& c : conjuncts) {
        if (c == nullptr) continue;
        std::vector<int> need;
        NeededSlots(*c, &need);
        bool ready = true;
        for (int s : need) ready = ready && (*bound)[s];
        if (!ready) continue;
        PlanOp f;
        f.kind = PlanOp::Kind::kFilter;
        f.id = plan_->num_ops++;
        f.predicate = std::move(c);
        f.estimated_rows = *est;
        ops->push_back(std::move(f));
        c = nullptr;
      }
    };
    place_filters();
    while (true) {
      // The best relationship with a bound end.
      int best = -1;
      int best_score = 1 << 30;
      bool best_from_left = true;
      for (size_t i = 0; i < m.rels.size(); ++i) {
        if (rel_done[i]) continue;
        const BoundRel& r = m.rels[i];
        const int ls = m.nodes[r.left].slot, rs = m.nodes[r.right].slot;
        const bool lb = (*bound)[ls], rb = (*bound)[rs];
        if (!lb && !rb) continue;
        // Shortest paths run between two bound ends.
        if (r.selector != ast::PathSelector::kAll && !(lb && rb)) continue;
        int score;
        bool from_left = lb;
        if (lb && rb) {
          score = 0;
        } else {
          const int other = lb ? rs : ls;
          score = anchor.contains(other) ? 1 : 2;
          const BoundNode& on = m.nodes[lb ? r.right : r.left];
          if (score == 2 && on.label != schema::NODE_TYPE_UNSPECIFIED) score = 3;
          if (score >= 2) score = 4;
        }
        if (r.variable_length) score += 10;
        if (score < best_score) {
          best_score = score;
          best = i;
          best_from_left = from_left;
        }
      }
      if (best >= 0 && m.rels[best].selector != ast::PathSelector::kAll) {
        const BoundRel& r = m.rels[best];
        PlanOp sp;
        sp.kind = PlanOp::Kind::kShortestPath;
        sp.id = plan_->num_ops++;
        sp.from_slot = m.nodes[r.left].slot;
        sp.to_slot = m.nodes[r.right].slot;
        sp.edge_slot = r.slot;
        sp.out = r.direction != ast::Direction::kRightToLeft;
        sp.in = r.direction != ast::Direction::kLeftToRight;
        sp.types = r.types;
        sp.variable_length = true;
        sp.min_hops = r.min_hops;
        sp.max_hops = r.max_hops;
        sp.all_shortest = r.selector == ast::PathSelector::kAllShortest;
        sp.estimated_rows = *est;
        ops->push_back(std::move(sp));
        rel_done[best] = true;
        (*bound)[r.slot] = true;
        edge_slots_bound.push_back(r.slot);
        edge_slot_types.push_back(r.types);
        place_filters();
        continue;
      }
      if (best >= 0) {
        const BoundRel& r = m.rels[best];
        const BoundNode& from = m.nodes[best_from_left ? r.left : r.right];
        const BoundNode& to = m.nodes[best_from_left ? r.right : r.left];
        PlanOp e;
        e.kind = PlanOp::Kind::kExpand;
        e.id = plan_->num_ops++;
        e.from_slot = from.slot;
        e.to_slot = to.slot;
        e.edge_slot = r.slot;
        e.into = (*bound)[to.slot];
        const bool forward = r.direction == ast::Direction::kLeftToRight;
        const bool backward = r.direction == ast::Direction::kRightToLeft;
        if (r.direction == ast::Direction::kBoth) {
          e.out = e.in = true;
        } else {
          e.out = best_from_left ? forward : backward;
          e.in = !e.out;
        }
        e.types = r.types;
        if (!e.into) {
          e.to_label = to.label;
          auto it = anchor.find(to.slot);
          if (it != anchor.end()) e.to_anchor = it->second;
        }
        e.variable_length = r.variable_length;
        e.reverse_list = r.variable_length && !best_from_left;
        e.min_hops = r.min_hops;
        e.max_hops = r.max_hops;
        for (size_t u = 0; u < edge_slots_bound.size(); ++u) {
          if (TypesMayOverlap(r.types, edge_slot_types[u])) {
            e.unique_slots.push_back(edge_slots_bound[u]);
          }
        }
        if (!e.into) {
          *est *= e.to_anchor >= 0 ? 1 : Fanout(r, e.out && e.in);
        }
        e.estimated_rows = *est;
        ops->push_back(std::move(e));
        rel_done[best] = true;
        (*bound)[to.slot] = true;
        (*bound)[r.slot] = true;
        edge_slots_bound.push_back(r.slot);
        edge_slot_types.push_back(r.types);
        place_filters();
        continue;
      }
      // Start a new component from its most selective node.
      int pick = -1;
      double pick_cost = 0;
      for (size_t i = 0; i < m.nodes.size(); ++i) {
        const BoundNode& n = m.nodes[i];
        if ((*bound)[n.slot]) continue;
        double cost = anchor.contains(n.slot) ? 1 : LabelCount(n.label);
        if (anchor.contains(n.slot)) cost = std::min(cost, 1.0);
        if (pick < 0 || cost < pick_cost) {
          pick = i;
          pick_cost = cost;
        }
      }
      if (pick < 0) break;
      const BoundNode& n = m.nodes[pick];
      const bool anchored = anchor.contains(n.slot);
      if (!anchored && (scanned_unanchored || ops->size() > first_op) &&
          *est * pick_cost > kMaxCartesianRows && *est > 1) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "%d:%d: this MATCH joins unconnected patterns into a cartesian "
            "product of about %.0f rows (more than %.0f); connect the patterns "
            "with a relationship or name one of their nodes",
            m.rels.empty() ? 1 : m.rels[0].line, m.rels.empty() ? 1 : m.rels[0].column,
            *est * pick_cost, kMaxCartesianRows));
      }
      PlanOp s;
      s.kind = PlanOp::Kind::kScan;
      s.id = plan_->num_ops++;
      s.slot = n.slot;
      s.label = n.label;
      if (anchored) s.anchor = anchor[n.slot];
      *est *= std::max(1.0, pick_cost);
      s.estimated_rows = *est;
      if (!anchored) scanned_unanchored = true;
      ops->push_back(std::move(s));
      (*bound)[n.slot] = true;
      place_filters();
    }
    place_filters();
    for (BoundExprPtr& c : conjuncts) {
      if (c != nullptr) return absl::InternalError("unplaced filter");
    }
    return absl::OkStatus();
  }

  BoundQuery& q_;
  const graph::GraphView& view_;
  PhysicalPlan* plan_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<PhysicalPlan>> Plan(BoundQuery query,
                                                   const graph::GraphView& view) {
  auto plan = std::make_unique<PhysicalPlan>();
  switch (query.mode) {
    case ast::Query::Mode::kRun: plan->mode = PhysicalPlan::Mode::kRun; break;
    case ast::Query::Mode::kExplain: plan->mode = PhysicalPlan::Mode::kExplain; break;
    case ast::Query::Mode::kProfile: plan->mode = PhysicalPlan::Mode::kProfile; break;
  }
  Planner planner(query, view, plan.get());
  MSKG_RETURN_IF_ERROR(planner.Run());
  return plan;
}

}  // namespace mskg::query
