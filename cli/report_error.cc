#include <iostream>

#include "cli/commands.h"

namespace mskg::cli {

int ReportError(const absl::Status& status) {
  std::cerr << "mskg: " << status.message() << "\n";
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kUnimplemented:
    // A query past its deadline or budget asked too much: the message says
    // how to narrow it.
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kCancelled:
      return 2;
    default:
      return 1;
  }
}

}  // namespace mskg::cli
