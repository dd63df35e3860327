// cli/show_command.cc: `mskg show 'CYPHER' -o answer.svg|png|dot`.
//
// Runs the query, takes the nodes and edges of its answer plus their
// immediate neighbours (faded), writes DOT with a legend of node types, and
// renders it with Graphviz's `dot` (a .dot output is written as is).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "interop/dot_writer.h"
#include "interop/graphviz_render.h"
#include "interop/query_selection.h"
#include "interop/subgraph.h"

namespace mskg::cli {

int RunShow(const CliArgs& args) {
  if (args.positional.size() != 1) {
    return ReportError(absl::InvalidArgumentError(
        "show takes one query: mskg show 'CYPHER' -o answer.svg"));
  }
  const std::string& cypher = args.positional[0];
  const std::string path = args.Get("o", "");
  if (path.empty()) {
    return ReportError(absl::InvalidArgumentError(
        "show needs -o FILE ending in .svg, .png or .dot"));
  }
  const bool dot_only = absl::EndsWith(absl::AsciiStrToLower(path), ".dot");
  std::string format = "dot";
  if (!dot_only) {
    absl::StatusOr<std::string> picture = interop::RenderFormatForPath(path);
    if (!picture.ok()) return ReportError(picture.status());
    format = *picture;
  }
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(args);
  if (!store.ok()) return ReportError(store.status());
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) return ReportError(view.status());

  absl::StatusOr<interop::QuerySelection> selected =
      interop::SelectByQuery(*view, cypher);
  if (!selected.ok()) {
    std::cerr << "mskg: " << query::FormatQueryError(cypher, selected.status())
              << "\n";
    return selected.status().code() == absl::StatusCode::kInternal ? 1 : 2;
  }
  if (selected->selection.nodes.empty() && selected->selection.edges.empty()) {
    return ReportError(absl::NotFoundError(
        "the query matched no node or edge of the graph: nothing to draw"));
  }
  interop::SubgraphOptions sub_options;
  sub_options.neighbours = true;
  absl::StatusOr<interop::Subgraph> sub =
      interop::BuildSubgraph(**view, selected->selection, sub_options);
  if (!sub.ok()) return ReportError(sub.status());

  interop::DotWriterOptions options;
  options.highlight = true;
  options.highlighted_nodes = sub->selected_nodes;
  options.highlighted_edges = sub->selected_edges;
  options.legend = true;
  options.title = cypher;
  std::ostringstream dot;
  absl::StatusOr<int64_t> edges = interop::WriteDot(*sub->view, options, &dot);
  if (!edges.ok()) return ReportError(edges.status());

  if (dot_only) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << dot.str();
    out.close();
    if (!out) {
      return ReportError(
          absl::PermissionDeniedError(absl::StrCat(path, ": cannot write")));
    }
  } else {
    absl::StatusOr<interop::RenderResult> rendered =
        interop::RenderDot(dot.str(), format, path);
    if (!rendered.ok()) return ReportError(rendered.status());
    if (!rendered->warnings.empty()) std::cerr << rendered->warnings;
  }
  std::cerr << "drew " << sub->selected_nodes.size() << " matched nodes and "
            << sub->selected_edges.size() << " matched edges (with "
            << sub->view->num_nodes() - sub->selected_nodes.size()
            << " neighbours) to " << path << "\n";
  return 0;
}

}  // namespace mskg::cli
