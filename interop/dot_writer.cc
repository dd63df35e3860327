// interop/dot_writer.cc: Graphviz DOT with type colours and highlights.
#include "interop/dot_writer.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"

#include "absl/strings/str_cat.h"
#include "interop/text_escape.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

// ColorBrewer Set3, by NodeType number.
constexpr absl::string_view kColors[] = {
    "#FFFFFF",  // Unspecified
    "#FB8072",  // Muscle
    "#BEBADA",  // Structure
    "#8DD3C7",  // Action
    "#FDB462",  // Condition
    "#FFFFB3",  // Cause
    "#FCCDE5",  // Symptom
    "#B3DE69",  // Treatment
    "#80B1D3",  // Test
    "#FFED6F",  // Nerve
    "#BC80BD",  // Vessel
};

// Alpha suffix of faded fills and the colour of faded lines and text.
constexpr absl::string_view kFadedAlpha = "40";
constexpr absl::string_view kFadedInk = "#B0B0B0";

// Screen pixels per inch, by which max_pixels becomes Graphviz's `size`.
constexpr double kScreenDpi = 96;

// Appends the line of the edges `group` (all between the same two nodes,
// the first one's source drawn first) when merging parallel edges.
void AppendMergedEdge(const graph::GraphView& view,
                      const std::vector<graph::EdgeIndex>& group,
                      const DotWriterOptions& options, std::string* line) {
  const graph::NodeIndex from = view.edge(group.front()).source;
  const graph::NodeIndex to = view.edge(group.front()).target;
  // Per relation (and denial): whether asserted, the rules if inferred.
  std::map<std::pair<std::string, bool>, std::pair<bool, std::set<std::string>>>
      labels;
  bool forward = false, backward = false, all_inferred = true,
       all_negated = true, highlighted = false;
  for (graph::EdgeIndex e : group) {
    const graph::EdgeInfo& edge = view.edge(e);
    (edge.source == from ? forward : backward) = true;
    if (from == to) forward = true;
    all_inferred = all_inferred && edge.inferred;
    all_negated = all_negated && edge.negated;
    highlighted = highlighted || options.highlighted_edges.contains(e);
    auto& label = labels[std::make_pair(
        std::string(RelationLabel(edge.relation)), edge.negated)];
    if (edge.inferred) {
      label.second.insert(std::string(edge.rule));
    } else {
      label.first = true;
    }
  }
  std::vector<std::string> parts;
  for (const auto& [key, value] : labels) {
    std::string part = absl::StrCat(key.second ? "NOT " : "", key.first);
    if (!value.first) {
      absl::StrAppend(&part, " (", absl::StrJoin(value.second, ", "), ")");
    }
    parts.push_back(std::move(part));
  }
  absl::StrAppend(line, "  n", from, " -> n", to, " [label=");
  AppendDotString(absl::StrJoin(parts, "\n"), line);
  if (forward && backward) line->append(", dir=both");
  if (all_negated) {
    line->append(", style=dotted");
  } else if (all_inferred) {
    line->append(", style=dashed");
  }
  const bool faded = options.highlight && !highlighted;
  if (faded) {
    absl::StrAppend(line, ", color=\"", kFadedInk, "\", fontcolor=\"",
                    kFadedInk, "\"");
  } else if (all_negated) {
    line->append(", color=\"#D62728\", fontcolor=\"#D62728\"");
  } else if (options.highlight) {
    line->append(", penwidth=2");
  }
  line->append("];\n");
}

}  // namespace

absl::string_view TypeColor(schema::NodeType type) {
  const int t = static_cast<int>(type);
  if (t < 0 || t >= graph::kNumNodeTypes) return kColors[0];
  return kColors[t];
}

absl::StatusOr<int64_t> WriteDot(const graph::GraphView& view,
                                 const DotWriterOptions& options,
                                 std::ostream* out) {
  std::string line = "digraph mskg {\n  graph [rankdir=";
  AppendDotString(options.rankdir, &line);
  line.append(", fontname=\"Helvetica\"");
  if (options.max_pixels > 0) {
    const double inches = options.max_pixels / kScreenDpi;
    absl::StrAppend(&line, ", dpi=", options.dpi, ", size=\"", inches, ",",
                    inches, "\"");
  }
  if (!options.title.empty()) {
    line.append(", labelloc=t, label=");
    AppendDotString(options.title, &line);
  }
  line.append(
      "];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\","
      " fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n");
  out->write(line.data(), line.size());

  bool type_present[graph::kNumNodeTypes] = {};
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    const graph::NodeInfo& node = view.node(v);
    const bool faded =
        options.highlight && !options.highlighted_nodes.contains(v);
    if (node.type >= 0 && node.type < graph::kNumNodeTypes) {
      type_present[node.type] = true;
    }
    line.clear();
    absl::StrAppend(&line, "  n", v, " [label=");
    AppendDotString(node.name, &line);
    absl::StrAppend(&line, ", fillcolor=\"", TypeColor(node.type),
                    faded ? kFadedAlpha : "", "\"");
    if (faded) {
      absl::StrAppend(&line, ", color=\"", kFadedInk, "\", fontcolor=\"",
                      kFadedInk, "\"");
    } else if (options.highlight) {
      line.append(", penwidth=2");
    }
    line.append(", tooltip=");
    AppendDotString(absl::StrCat(TypeLabel(node.type), " #", node.id), &line);
    line.append("];\n");
    out->write(line.data(), line.size());
  }

  int64_t edges = 0;
  if (options.merge_parallel) {
    // Groups by the unordered pair of endpoints, in the order of their first
    // edge.
    absl::flat_hash_map<std::pair<graph::NodeIndex, graph::NodeIndex>, size_t>
        group_of;
    std::vector<std::vector<graph::EdgeIndex>> groups;
    for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
      const graph::EdgeInfo& edge = view.edge(e);
      const auto key = std::minmax(edge.source, edge.target);
      auto [it, added] = group_of.try_emplace(key, groups.size());
      if (added) groups.emplace_back();
      groups[it->second].push_back(e);
    }
    for (const std::vector<graph::EdgeIndex>& group : groups) {
      line.clear();
      AppendMergedEdge(view, group, options, &line);
      out->write(line.data(), line.size());
      ++edges;
    }
  }
  for (graph::EdgeIndex e = 0;
       !options.merge_parallel && e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    const bool faded =
        options.highlight && !options.highlighted_edges.contains(e);
    line.clear();
    absl::StrAppend(&line, "  n", edge.source, " -> n", edge.target,
                    " [label=");
    AppendDotString(absl::StrCat(edge.negated ? "NOT " : "",
                                 RelationLabel(edge.relation)),
                    &line);
    std::string style;
    if (edge.inferred) style = "dashed";
    if (edge.negated) style = "dotted";
    if (!style.empty()) absl::StrAppend(&line, ", style=", style);
    if (faded) {
      absl::StrAppend(&line, ", color=\"", kFadedInk, "\", fontcolor=\"",
                      kFadedInk, "\"");
    } else if (edge.negated) {
      line.append(", color=\"#D62728\", fontcolor=\"#D62728\"");
    } else if (options.highlight) {
      line.append(", penwidth=2");
    }
    line.append("];\n");
    out->write(line.data(), line.size());
    ++edges;
    if ((e & 4095) == 0 && !*out) {
      return absl::InternalError("failed writing DOT");
    }
  }

  if (options.legend) {
    line =
        "  subgraph cluster_legend {\n"
        "    label=\"Node types\"; fontname=\"Helvetica\"; fontsize=11;"
        " style=rounded; color=\"#808080\";\n";
    std::string previous;
    for (int t = 0; t < graph::kNumNodeTypes; ++t) {
      if (!type_present[t]) continue;
      const auto type = static_cast<schema::NodeType>(t);
      const std::string id = absl::StrCat("legend_", t);
      absl::StrAppend(&line, "    ", id, " [label=\"", TypeLabel(type),
                      "\", fillcolor=\"", TypeColor(type), "\"];\n");
      // Invisible edges line the swatches up in rank order.
      if (!previous.empty()) {
        absl::StrAppend(&line, "    ", previous, " -> ", id,
                        " [style=invis];\n");
      }
      previous = id;
    }
    line.append("  }\n");
    out->write(line.data(), line.size());
  }
  *out << "}\n";
  out->flush();
  if (!*out) return absl::InternalError("failed writing DOT");
  return edges;
}

}  // namespace mskg::interop
