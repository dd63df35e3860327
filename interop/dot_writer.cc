// interop/dot_writer.cc: Graphviz DOT with type colours and highlights.
#include "interop/dot_writer.h"

#include <string>

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
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
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
