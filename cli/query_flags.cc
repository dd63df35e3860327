#include "cli/query_flags.h"

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace mskg::cli {
absl::Status IntFlag(const CliArgs& args, const char* name, int64_t min,
                     int64_t* value) {
  if (!args.Has(name)) return absl::OkStatus();
  if (!absl::SimpleAtoi(args.Get(name, ""), value) || *value < min) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", name,
        min == 1 ? " needs a positive integer"
                 : absl::StrCat(" needs an integer of at least ", min)));
  }
  return absl::OkStatus();
}

namespace {

// Reads --`name` into `value` when given. InvalidArgument unless positive.
absl::Status PositiveFlag(const CliArgs& args, const char* name,
                          int64_t* value) {
  return IntFlag(args, name, 1, value);
}

}  // namespace

absl::Status ApplyQueryFlags(const CliArgs& args,
                             query::QueryOptions* options) {
  int64_t max_rows = static_cast<int64_t>(options->max_rows);
  if (absl::Status s = PositiveFlag(args, "max-rows", &max_rows); !s.ok()) {
    return s;
  }
  int64_t max_hops = options->max_hops;
  if (absl::Status s = PositiveFlag(args, "max-hops", &max_hops); !s.ok()) {
    return s;
  }
  int64_t max_intermediate = static_cast<int64_t>(options->max_intermediate_rows);
  if (absl::Status s = PositiveFlag(args, "max-intermediate-rows", &max_intermediate);
      !s.ok()) {
    return s;
  }
  int64_t max_memory_mb = static_cast<int64_t>(options->max_memory_bytes >> 20);
  if (absl::Status s = PositiveFlag(args, "max-memory-mb", &max_memory_mb); !s.ok()) {
    return s;
  }
  if (max_memory_mb > (int64_t{1} << 40)) max_memory_mb = int64_t{1} << 40;
  // The deadline runs from here: it bounds the command, opening the store
  // included, as a caller waiting for it sees it.
  double timeout = kDefaultTimeoutSeconds;
  if (args.Has("timeout") &&
      (!absl::SimpleAtod(args.Get("timeout", ""), &timeout) || !(timeout >= 0) ||
       timeout > 1e9)) {
    return absl::InvalidArgumentError(
        "--timeout needs a number of seconds (0 for no deadline)");
  }
  options->deadline = timeout > 0 ? absl::Now() + absl::Seconds(timeout)
                                  : absl::InfiniteFuture();
  options->max_intermediate_rows = static_cast<uint64_t>(max_intermediate);
  options->max_memory_bytes = static_cast<uint64_t>(max_memory_mb) << 20;
  options->max_rows = static_cast<size_t>(max_rows);
  options->max_hops = static_cast<int>(max_hops);
  options->include_negated = args.Has("include-negated");
  options->collect_evidence = args.Has("why");
  return absl::OkStatus();
}

}  // namespace mskg::cli
