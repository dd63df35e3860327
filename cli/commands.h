// cli/commands.h
//
// The mskg subcommands. Each returns the process exit code: 0 on success,
// 2 on bad input or usage (the message says what and where), 1 on an
// internal error. Messages go to standard error, results to standard output.
#ifndef MSKG_CLI_COMMANDS_H_
#define MSKG_CLI_COMMANDS_H_

#include "absl/status/status.h"
#include "cli/cli_args.h"

namespace mskg::cli {

int RunIngest(const CliArgs& args);
int RunQuery(const CliArgs& args);
int RunExport(const CliArgs& args);
int RunStats(const CliArgs& args);
int RunImport(const CliArgs& args);
int RunShow(const CliArgs& args);
int RunAsk(const CliArgs& args);
int RunServe(const CliArgs& args);

// Prints "mskg: <message>" to standard error and returns the exit code for
// `status`: 2 for errors caused by the input, 1 for the rest.
int ReportError(const absl::Status& status);

}  // namespace mskg::cli

#endif  // MSKG_CLI_COMMANDS_H_
