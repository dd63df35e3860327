#include "query/plan.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace mskg::query {
namespace {

std::string Types(const PlanOp& op) {
  if (op.types.empty()) return "*";
  std::vector<std::string> names;
  for (schema::Relation r : op.types) names.push_back(RelationName(r));
  return absl::StrJoin(names, "|");
}

void Render(const std::vector<PlanOp>& ops, int indent,
            const std::vector<uint64_t>* rows, const std::vector<double>* micros,
            std::string* out) {
  for (const PlanOp& op : ops) {
    std::string line(indent * 2, ' ');
    switch (op.kind) {
      case PlanOp::Kind::kScan:
        absl::StrAppend(&line, op.anchor >= 0 ? "NodeByName" : "NodeScan", " #",
                        op.slot);
        if (op.label != schema::NODE_TYPE_UNSPECIFIED) {
          absl::StrAppend(&line, ":", LabelName(op.label));
        }
        if (op.anchor >= 0) absl::StrAppend(&line, " name=name#", op.anchor);
        break;
      case PlanOp::Kind::kExpand:
        absl::StrAppend(&line, op.into ? "ExpandInto" : "Expand", " #", op.from_slot,
                        op.out && op.in ? " -[" : (op.out ? " -[" : " <-["), "#",
                        op.edge_slot, ":", Types(op));
        if (op.variable_length) {
          absl::StrAppend(&line, "*", op.min_hops, "..",
                          op.max_hops < 0 ? std::string("max") : absl::StrCat(op.max_hops));
        }
        absl::StrAppend(&line, op.out && op.in ? "]- #" : (op.out ? "]-> #" : "]- #"),
                        op.to_slot);
        if (op.to_label != schema::NODE_TYPE_UNSPECIFIED) {
          absl::StrAppend(&line, ":", LabelName(op.to_label));
        }
        if (op.to_anchor >= 0) absl::StrAppend(&line, " name=name#", op.to_anchor);
        if (op.endpoints_only) absl::StrAppend(&line, " (end nodes, BFS)");
        break;
      case PlanOp::Kind::kFilter:
        absl::StrAppend(&line, "Filter ", op.predicate->ToString());
        break;
      case PlanOp::Kind::kOptional:
        absl::StrAppend(&line, "Optional");
        break;
      case PlanOp::Kind::kShortestPath:
        absl::StrAppend(&line, op.all_shortest ? "AllShortestPaths" : "ShortestPath",
                        " #", op.from_slot, op.out ? " -[" : " <-[", "#", op.edge_slot,
                        ":", Types(op), "*", op.min_hops, "..",
                        op.max_hops < 0 ? std::string("") : absl::StrCat(op.max_hops),
                        op.out && !op.in ? "]-> #" : "]- #", op.to_slot, " (BFS)");
        break;
      case PlanOp::Kind::kBuildPath:
        absl::StrAppend(&line, "NamedPath #", op.slot, " = #", op.from_slot);
        for (int s : op.path_slots) absl::StrAppend(&line, " #", s);
        break;
    }
    absl::StrAppendFormat(&line, "  (est. %.0f rows", op.estimated_rows);
    if (rows != nullptr) absl::StrAppend(&line, ", rows=", (*rows)[op.id]);
    if (micros != nullptr) {
      absl::StrAppendFormat(&line, ", time=%.1fus", (*micros)[op.id]);
    }
    absl::StrAppend(&line, ")\n");
    out->append(line);
    if (op.kind == PlanOp::Kind::kOptional) {
      Render(op.inner, indent + 1, rows, micros, out);
    }
  }
}

}  // namespace

std::string PhysicalPlan::ToString(const std::vector<uint64_t>* rows,
                                   const std::vector<double>* micros) const {
  std::string out;
  for (size_t p = 0; p < parts.size(); ++p) {
    const PartPlan& part = parts[p];
    absl::StrAppend(&out, "Part ", p, " (slots ", part.num_slots, ")\n");
    Render(part.ops, 1, rows, micros, &out);
    const ProjectionSpec& proj = part.projection;
    std::vector<std::string> items;
    for (int i = 0; i < proj.num_visible; ++i) {
      items.push_back(absl::StrCat(proj.items[i]->ToString(), " AS ", proj.columns[i]));
    }
    absl::StrAppend(&out, "  ", proj.is_return ? "Return" : "With",
                    proj.distinct ? " DISTINCT " : " ", absl::StrJoin(items, ", "));
    if (!proj.aggs.empty()) absl::StrAppend(&out, " [aggregate ", proj.aggs.size(), "]");
    if (!proj.order_by.empty()) absl::StrAppend(&out, " [order by ", proj.order_by.size(), "]");
    if (proj.skip) absl::StrAppend(&out, " SKIP ", proj.skip->ToString());
    if (proj.limit) absl::StrAppend(&out, " LIMIT ", proj.limit->ToString());
    absl::StrAppend(&out, "\n");
  }
  for (size_t i = 0; i < patterns.size(); ++i) {
    absl::StrAppend(&out, "Pattern predicate #", i, "\n");
    Render(patterns[i], 1, rows, micros, &out);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    absl::StrAppend(&out, "name#", i, " = ",
                    names[i].is_param ? absl::StrCat("$", names[i].param)
                                      : names[i].literal.ToLiteral(),
                    "\n");
  }
  return out;
}

}  // namespace mskg::query
