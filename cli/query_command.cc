// cli/query_command.cc: `mskg query [--format F] [--why] [--param k=v] Q`.
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/query_flags.h"
#include "graph/graph_store.h"
#include "query/query_engine.h"
#include "query/result_format.h"
#include "query/value.h"

namespace mskg::cli {
namespace {

// "42" -> integer, "1.5" -> double, "true"/"false" -> bool, else string.
query::Value ParseParamValue(const std::string& text) {
  int64_t integer;
  if (absl::SimpleAtoi(text, &integer)) return query::Value(integer);
  double real;
  if (absl::SimpleAtod(text, &real) && !text.empty() &&
      text.find_first_not_of("0123456789.eE+-") == std::string::npos) {
    return query::Value(real);
  }
  if (text == "true") return query::Value(true);
  if (text == "false") return query::Value(false);
  return query::Value(text);
}

}  // namespace

int RunQuery(const CliArgs& args) {
  if (args.positional.empty()) {
    return ReportError(absl::InvalidArgumentError(
        "query needs a Cypher query, e.g. mskg query \"MATCH (m:Muscle) "
        "RETURN m.name LIMIT 5\""));
  }
  const std::string text = absl::StrJoin(args.positional, " ");
  const std::string format = args.Get("format", "table");
  if (format != "table" && format != "tsv" && format != "json") {
    return ReportError(absl::InvalidArgumentError(absl::StrCat(
        "unknown --format '", format, "'; formats: table, tsv, json")));
  }

  query::QueryOptions options;
  for (const std::string& param : args.GetAll("param")) {
    const size_t eq = param.find('=');
    if (eq == std::string::npos || eq == 0) {
      return ReportError(absl::InvalidArgumentError(
          absl::StrCat("--param '", param, "' must look like NAME=VALUE")));
    }
    options.params[param.substr(0, eq)] = ParseParamValue(param.substr(eq + 1));
  }
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
  absl::StatusOr<query::ResultTable> result = engine.Run(text, options);
  if (!result.ok()) {
    std::cerr << "mskg: " << query::FormatQueryError(text, result.status())
              << "\n";
    return ReportError(absl::Status(result.status().code(), "query failed"));
  }
  if (format == "json") {
    std::cout << query::FormatJson(*result, why) << "\n";
  } else if (format == "tsv") {
    std::cout << query::FormatTsv(*result);
  } else {
    std::cout << query::FormatTable(*result);
    if (why) std::cout << "\n" << query::FormatWhy(*result);
  }
  for (const std::string& notice : result->notices) {
    std::cerr << "note: " << notice << "\n";
  }
  return 0;
}

}  // namespace mskg::cli
