#include "server/responses.h"

#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace mskg::server {
namespace {

// Prefixes that tell 413 and 429 apart from a query's budget, which is also
// ResourceExhausted but is the client asking for too much work (400).
constexpr absl::string_view kTooLarge = "too large: ";
constexpr absl::string_view kRateLimited = "rate limited: ";

// Returns the (line, column) of a message that starts with "line:col:".
std::optional<std::pair<int, int>> MessagePosition(absl::string_view message) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(message, absl::MaxSplits(':', 2));
  int line = 0, column = 0;
  if (parts.size() == 3 && absl::SimpleAtoi(parts[0], &line) &&
      absl::SimpleAtoi(parts[1], &column) && line > 0 && column > 0) {
    return std::make_pair(line, column);
  }
  return std::nullopt;
}

}  // namespace

Response JsonResponse(int status, const Json& json) {
  Response response;
  response.status = status;
  response.SetHeader("Content-Type", "application/json");
  response.body = DumpJson(json);
  response.body += '\n';
  return response;
}

int HttpStatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kUnimplemented:  // Cypher we do not support.
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kDeadlineExceeded:
      return 408;
    case absl::StatusCode::kResourceExhausted:
      if (absl::StartsWith(status.message(), kTooLarge)) return 413;
      if (absl::StartsWith(status.message(), kRateLimited)) return 429;
      return 400;  // A query past its row or memory budget: ask for less.
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

Response ErrorResponse(const absl::Status& status) {
  Json error = {{"code", absl::StatusCodeToString(status.code())},
                {"message", std::string(status.message())},
                {"line", nullptr},
                {"column", nullptr}};
  if (auto position = MessagePosition(status.message())) {
    error["line"] = position->first;
    error["column"] = position->second;
  }
  return JsonResponse(HttpStatusFor(status), Json{{"error", error}});
}

absl::Status TooLargeError(absl::string_view message) {
  return absl::ResourceExhaustedError(absl::StrCat(kTooLarge, message));
}

absl::Status RateLimitError(absl::string_view message) {
  return absl::ResourceExhaustedError(absl::StrCat(kRateLimited, message));
}

}  // namespace mskg::server
