#include "cli/query_flags.h"

#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace mskg::cli {
namespace {

// Reads --`name` into `value` when given. InvalidArgument unless positive.
absl::Status PositiveFlag(const CliArgs& args, const char* name,
                          int64_t* value) {
  if (!args.Has(name)) return absl::OkStatus();
  if (!absl::SimpleAtoi(args.Get(name, ""), value) || *value <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " needs a positive integer"));
  }
  return absl::OkStatus();
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
  options->max_rows = static_cast<size_t>(max_rows);
  options->max_hops = static_cast<int>(max_hops);
  options->include_negated = args.Has("include-negated");
  options->collect_evidence = args.Has("why");
  return absl::OkStatus();
}

}  // namespace mskg::cli
