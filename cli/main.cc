// cli/main.cc: the `mskg` command-line tool. See cli_args.cc for the usage.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  absl::StatusOr<mskg::cli::CliArgs> parsed = mskg::cli::ParseArgs(args);
  if (!parsed.ok()) {
    mskg::cli::ReportError(parsed.status());
    std::cerr << "\n" << mskg::cli::UsageText();
    return 2;
  }
  const std::string& command = parsed->command;
  if (command == "help" || parsed->Has("help")) {
    std::cout << mskg::cli::UsageText();
    return 0;
  }
  if (command == "ingest") return mskg::cli::RunIngest(*parsed);
  if (command == "query") return mskg::cli::RunQuery(*parsed);
  if (command == "export") return mskg::cli::RunExport(*parsed);
  if (command == "stats") return mskg::cli::RunStats(*parsed);
  if (command == "import") return mskg::cli::RunImport(*parsed);
  if (command == "show") return mskg::cli::RunShow(*parsed);
  if (command == "ask") return mskg::cli::RunAsk(*parsed);
  if (command == "serve") return mskg::cli::RunServe(*parsed);
  std::cerr << mskg::cli::UsageText();
  return 2;
}
