// server/responses.h
//
// The server's JSON responses: a body with its status, and errors, always
// {"error": {"code", "message", "line", "column"}}, from an absl::Status
// whose code chooses the HTTP status (the table in responses.cc) and whose
// message, when it starts with "line:col:", gives the position.
//
// Thread-safety: pure functions.
#ifndef MSKG_SERVER_RESPONSES_H_
#define MSKG_SERVER_RESPONSES_H_

#include "absl/status/status.h"
#include "server/http_message.h"
#include "server/json_body.h"

namespace mskg::server {

// Returns a response with `status` and `json` as its body.
Response JsonResponse(int status, const Json& json);

// Returns the HTTP status for `code`: 400 bad input, 401 unauthenticated,
// 403 permission denied, 404 not found, 408 deadline exceeded, 413 too
// large, 429 rate limited (ResourceExhausted with the "rate limit" prefix,
// see RateLimitError), 503 unavailable/cancelled, 500 for the rest.
int HttpStatusFor(const absl::Status& status);

// Returns the error response of `status` (which must not be OK).
Response ErrorResponse(const absl::Status& status);

// The statuses of the access layer, which map to 413 and 429.
absl::Status TooLargeError(absl::string_view message);
absl::Status RateLimitError(absl::string_view message);

}  // namespace mskg::server

#endif  // MSKG_SERVER_RESPONSES_H_
