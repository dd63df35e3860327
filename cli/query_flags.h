// cli/query_flags.h
//
// The flags that `mskg query` and `mskg ask` share (--max-rows, --max-hops,
// --include-negated, --why), read into query::QueryOptions.
#ifndef MSKG_CLI_QUERY_FLAGS_H_
#define MSKG_CLI_QUERY_FLAGS_H_

#include "absl/status/status.h"
#include "cli/cli_args.h"
#include "query/query_engine.h"

namespace mskg::cli {

// Sets the fields of `options` that the flags name. InvalidArgument if a
// number is not a positive integer.
absl::Status ApplyQueryFlags(const CliArgs& args, query::QueryOptions* options);

}  // namespace mskg::cli

#endif  // MSKG_CLI_QUERY_FLAGS_H_
