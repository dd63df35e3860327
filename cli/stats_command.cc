// cli/stats_command.cc: `mskg stats`.
#include <iostream>
#include <memory>

#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "schema/graph.pb.h"

namespace mskg::cli {

int RunStats(const CliArgs& args) {
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(args);
  if (!store.ok()) return ReportError(store.status());
  absl::StatusOr<graph::StoreStats> stats = (*store)->Stats();
  if (!stats.ok()) return ReportError(stats.status());
  std::cout << absl::StrFormat(
      "store      %s\ndocuments  %d\nnodes      %d\nedges      %d\n"
      "supports   %d\n",
      args.db, stats->documents, stats->nodes, stats->edges, stats->supports);
  std::cout << "\nnodes by type\n";
  for (int t = 1; t < schema::NodeType_ARRAYSIZE; ++t) {
    if (stats->nodes_by_type[t] == 0) continue;
    std::cout << absl::StrFormat(
        "  %-16s %d\n", schema::NodeType_Name(static_cast<schema::NodeType>(t)),
        stats->nodes_by_type[t]);
  }
  std::cout << "\nedges by relation\n";
  for (int r = 1; r < schema::Relation_ARRAYSIZE; ++r) {
    if (stats->edges_by_relation[r] == 0) continue;
    std::cout << absl::StrFormat(
        "  %-16s %d\n", schema::Relation_Name(static_cast<schema::Relation>(r)),
        stats->edges_by_relation[r]);
  }
  return 0;
}

}  // namespace mskg::cli
