// server/url.h
//
// Request targets as strangers send them: the path split from the query
// string, percent-decoded, and checked to be UTF-8 without NUL bytes.
//
// Thread-safety: pure functions.
#ifndef MSKG_SERVER_URL_H_
#define MSKG_SERVER_URL_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::server {

struct Target {
  std::string raw_path;  // As sent, still percent-encoded.
  std::vector<std::pair<std::string, std::string>> query;  // Decoded.

  // Returns the last value of parameter `name`, or `fallback`.
  std::string Param(absl::string_view name, absl::string_view fallback) const;
};

// Returns `text` percent-decoded ('+' stays '+' unless `plus_is_space`).
// InvalidArgument for a bad escape, invalid UTF-8 or a NUL byte.
absl::StatusOr<std::string> PercentDecode(absl::string_view text,
                                          bool plus_is_space);

// Splits `target` ("/v1/search?q=psoas") into its path and decoded query
// parameters. InvalidArgument if it does not start with '/' or a parameter
// does not decode.
absl::StatusOr<Target> ParseTarget(absl::string_view target);

}  // namespace mskg::server

#endif  // MSKG_SERVER_URL_H_
