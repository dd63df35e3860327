// cli/ask_command.cc: `mskg ask [--why] [--max-rows N] QUESTION...`.
//
// Compiles a plain-English question to the query language (query/ask.h),
// prints the query it ran with its parameters, then the table and, with
// --why, each row's evidence.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/query_flags.h"
#include "graph/graph_store.h"
#include "query/ask.h"
#include "query/query_engine.h"
#include "query/result_format.h"

namespace mskg::cli {

int RunAsk(const CliArgs& args) {
  if (args.positional.empty()) {
    return ReportError(absl::InvalidArgumentError(absl::StrCat(
        "ask needs a question, e.g. mskg ask \"muscles opposing a tight "
        "psoas\"; questions it understands:\n  ",
        absl::StrJoin(query::AskTemplates(), "\n  "))));
  }
  const std::string question = absl::StrJoin(args.positional, " ");
  query::QueryOptions options;
  if (absl::Status flags = ApplyQueryFlags(args, &options); !flags.ok()) {
    return ReportError(flags);
  }
  const bool why = options.collect_evidence;

  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(args);
  if (!store.ok()) return ReportError(store.status());
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) return ReportError(view.status());

  query::QueryEngine engine(*view);
  absl::StatusOr<query::AskResult> result =
      query::Ask(engine, question, options);
  if (!result.ok()) return ReportError(result.status());

  std::vector<std::pair<std::string, query::Value>> params(
      result->params.begin(), result->params.end());
  std::sort(params.begin(), params.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::cout << "query: " << result->cypher << "\n";
  for (const auto& [name, value] : params) {
    std::cout << "  $" << name << " = " << value.ToLiteral() << "\n";
  }
  std::cout << "\n" << query::FormatTable(result->table);
  if (why) std::cout << "\n" << query::FormatWhy(result->table);
  for (const std::string& notice : result->table.notices) {
    std::cerr << "note: " << notice << "\n";
  }
  return 0;
}

}  // namespace mskg::cli
