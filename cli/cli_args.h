// cli/cli_args.h
//
// Parses the mskg command line: global flags (--db) may come before or after
// the subcommand; each subcommand takes its own flags and positional
// arguments. Parsing is pure: it reads argv and the environment passed in.
#ifndef MSKG_CLI_CLI_ARGS_H_
#define MSKG_CLI_CLI_ARGS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::cli {

struct CliArgs {
  std::string command;                  // "ingest", "query", "export", ...
  std::string db;                       // Resolved store path.
  std::vector<std::string> positional;  // Paths, query text.
  // Flags of the subcommand, by name without dashes. A repeated flag keeps
  // every value in order. Boolean flags have the value "true".
  std::multimap<std::string, std::string> flags;

  bool Has(absl::string_view name) const;
  // Returns the last value of `name`, or `fallback`.
  std::string Get(absl::string_view name, absl::string_view fallback) const;
  std::vector<std::string> GetAll(absl::string_view name) const;
};

// Returns the store path used when --db is absent: $MSKG_DB, else
// $XDG_DATA_HOME/mskg/store, else $HOME/.local/share/mskg/store.
std::string DefaultStorePath();

// Parses argv (without argv[0]). InvalidArgument on an unknown flag, a flag
// missing its value, or a missing subcommand; the message says what to do.
absl::StatusOr<CliArgs> ParseArgs(const std::vector<std::string>& argv);

// The usage text printed by `mskg help` and on usage errors.
const char* UsageText();

}  // namespace mskg::cli

#endif  // MSKG_CLI_CLI_ARGS_H_
