// cli/query_flags.h
//
// The flags that `mskg query` and `mskg ask` share (--max-rows, --max-hops,
// --include-negated, --why, and the bounds --timeout,
// --max-intermediate-rows, --max-memory-mb), read into query::QueryOptions.
#ifndef MSKG_CLI_QUERY_FLAGS_H_
#define MSKG_CLI_QUERY_FLAGS_H_

#include "absl/status/status.h"
#include "cli/cli_args.h"
#include "query/query_engine.h"

namespace mskg::cli {

// A query's deadline without --timeout: a command never runs unbounded.
inline constexpr double kDefaultTimeoutSeconds = 30;

// Sets the fields of `options` that the flags name; the deadline to now +
// --timeout (default kDefaultTimeoutSeconds; 0: none). InvalidArgument if a
// number is not a positive integer (--timeout: a non-negative number).
// Reads --`name`, when given, into `value`. InvalidArgument unless it is an
// integer of at least `min`. (Also for other commands' integer flags.)
absl::Status IntFlag(const CliArgs& args, const char* name, int64_t min,
                     int64_t* value);

absl::Status ApplyQueryFlags(const CliArgs& args, query::QueryOptions* options);

}  // namespace mskg::cli

#endif  // MSKG_CLI_QUERY_FLAGS_H_
