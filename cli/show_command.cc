// cli/show_command.cc: `mskg show 'CYPHER' -o answer.svg|png|dot`.
//
// Draws a query's answer so that it can be read at a glance (issue 14): only
// the matched nodes and edges by default, context neighbours only with
// `--neighbours N` (ranked, faded), parallel edges merged into one labelled
// line, inferred ones dashed and named by rule, at most --max-nodes nodes
// (with a note of how many were left out), an image of at most
// --max-pixels on its long side, and Graphviz stopped past
// --layout-timeout. Selection and ranking: interop/answer_picture.h.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/query_flags.h"
#include "interop/answer_picture.h"
#include "interop/dot_writer.h"
#include "interop/graphviz_render.h"
#include "interop/query_selection.h"
#include "interop/subgraph.h"

namespace mskg::cli {
namespace {

// Defaults of the picture's bounds (README, `mskg show`).
constexpr int64_t kDefaultMaxNodes = 60;
constexpr int64_t kDefaultMaxPixels = 2000;
constexpr double kDefaultLayoutSeconds = 10;

struct ShowFlags {
  int64_t neighbours = 0;
  int64_t max_nodes = kDefaultMaxNodes;
  int64_t max_pixels = kDefaultMaxPixels;
  double layout_seconds = kDefaultLayoutSeconds;
};

absl::StatusOr<ShowFlags> ReadShowFlags(const CliArgs& args) {
  ShowFlags flags;
  if (absl::Status s = IntFlag(args, "neighbours", 0, &flags.neighbours);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = IntFlag(args, "max-nodes", 1, &flags.max_nodes);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = IntFlag(args, "max-pixels", 100, &flags.max_pixels);
      !s.ok()) {
    return s;
  }
  if (args.Has("layout-timeout") &&
      (!absl::SimpleAtod(args.Get("layout-timeout", ""),
                         &flags.layout_seconds) ||
       !(flags.layout_seconds > 0) || flags.layout_seconds > 1e6)) {
    return absl::InvalidArgumentError(
        "--layout-timeout needs a positive number of seconds");
  }
  return flags;
}

// The title's second line when something was left out, else "".
std::string LeftOutNote(const interop::PicturePlan& plan, int64_t max_nodes) {
  std::string note;
  if (plan.matched_nodes_left_out > 0) {
    absl::StrAppend(&note, "the first ", max_nodes, " nodes of the answer by rank; ",
                    plan.matched_nodes_left_out, " more left out");
    if (plan.matched_edges_left_out > 0) {
      absl::StrAppend(&note, " (with ", plan.matched_edges_left_out, " edges)");
    }
  }
  if (plan.neighbours_left_out > 0) {
    absl::StrAppend(&note, note.empty() ? "" : "; ", plan.neighbours_left_out,
                    " more neighbours not drawn");
  }
  return note;
}

}  // namespace

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
  absl::StatusOr<ShowFlags> flags = ReadShowFlags(args);
  if (!flags.ok()) return ReportError(flags.status());
  query::QueryOptions query_options;
  if (absl::Status s = ApplyQueryFlags(args, &query_options); !s.ok()) {
    return ReportError(s);
  }
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(args);
  if (!store.ok()) return ReportError(store.status());
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) return ReportError(view.status());

  // What matched, not the premises behind inferred edges.
  absl::StatusOr<interop::QuerySelection> selected = interop::SelectByQuery(
      *view, cypher, query_options, /*premises=*/false);
  if (!selected.ok()) {
    std::cerr << "mskg: " << query::FormatQueryError(cypher, selected.status())
              << "\n";
    return selected.status().code() == absl::StatusCode::kInternal ? 1 : 2;
  }
  if (selected->selection.nodes.empty() && selected->selection.edges.empty()) {
    return ReportError(absl::NotFoundError(
        "the query matched no node or edge of the graph: nothing to draw"));
  }
  interop::PictureOptions picture_options;
  picture_options.neighbours = static_cast<size_t>(flags->neighbours);
  picture_options.max_nodes = static_cast<size_t>(flags->max_nodes);
  const interop::PicturePlan plan =
      interop::PlanPicture(**view, selected->selection, picture_options);
  interop::SubgraphOptions sub_options;
  sub_options.edges_among_kept = false;
  sub_options.context = &plan.context;
  absl::StatusOr<interop::Subgraph> sub =
      interop::BuildSubgraph(**view, plan.matched, sub_options);
  if (!sub.ok()) return ReportError(sub.status());

  const std::string note = LeftOutNote(plan, flags->max_nodes);
  interop::DotWriterOptions options;
  options.highlight = flags->neighbours > 0;
  options.highlighted_nodes = sub->selected_nodes;
  options.highlighted_edges = sub->selected_edges;
  options.legend = true;
  options.title = note.empty() ? cypher : absl::StrCat(cypher, "\n(", note, ")");
  options.merge_parallel = true;
  options.max_pixels = static_cast<int>(flags->max_pixels);
  options.dpi = format == "png" ? 96 : 72;
  std::ostringstream dot;
  absl::StatusOr<int64_t> lines = interop::WriteDot(*sub->view, options, &dot);
  if (!lines.ok()) return ReportError(lines.status());

  if (dot_only) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << dot.str();
    out.close();
    if (!out) {
      return ReportError(
          absl::PermissionDeniedError(absl::StrCat(path, ": cannot write")));
    }
  } else {
    absl::StatusOr<interop::RenderResult> rendered = interop::RenderDot(
        dot.str(), format, path, "dot", absl::Seconds(flags->layout_seconds));
    if (!rendered.ok()) return ReportError(rendered.status());
    if (!rendered->warnings.empty()) std::cerr << rendered->warnings;
  }
  std::cerr << "drew " << sub->selected_nodes.size() << " matched nodes and "
            << *lines << " lines for " << sub->selected_edges.size()
            << " matched edges";
  if (flags->neighbours > 0) {
    std::cerr << " (with "
              << sub->view->num_nodes() - sub->selected_nodes.size()
              << " neighbours)";
  }
  std::cerr << " to " << path << "\n";
  if (!note.empty()) std::cerr << "note: " << note << "\n";
  return 0;
}

}  // namespace mskg::cli
