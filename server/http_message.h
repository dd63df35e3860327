// server/http_message.h
//
// Request and Response: an HTTP exchange as plain values, so that the API
// handler (api_handler.h) is independent of the transport: the Beast server
// (http_server.h) converts to and from them, and tests and the fuzzer call
// the handler directly.
//
// Thread-safety: plain value types.
#ifndef MSKG_SERVER_HTTP_MESSAGE_H_
#define MSKG_SERVER_HTTP_MESSAGE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "query/cancellation.h"

namespace mskg::server {

struct Request {
  std::string method;  // "GET", "PUT", ... as sent.
  std::string target;  // Path and query string, still percent-encoded.
  // Header fields in order, names as sent (compare case-insensitively).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote;  // The peer's address, for per-client rate limits.
  // Tripped by the server when the client closes the connection before its
  // answer is sent, so that a query nobody waits for stops (queries take it
  // as QueryOptions::cancellation). Null for requests no connection made
  // (tests, the fuzzer).
  std::shared_ptr<const query::QueryCancellation> cancellation;

  // Returns the value of the first header named `name` (any case), or "".
  absl::string_view Header(absl::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (absl::EqualsIgnoreCase(key, name)) return value;
    }
    return {};
  }
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body instead of `body`: one shared with a cache (an
  // entity page), sent without a copy. Read either through Body().
  std::shared_ptr<const std::string> shared_body;
  // Whether the connection must close after this response (the server
  // closes it anyway when shutting down or when the client asked).
  bool close = false;

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }

  absl::string_view Body() const {
    return shared_body != nullptr ? absl::string_view(*shared_body)
                                  : absl::string_view(body);
  }
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_HTTP_MESSAGE_H_
