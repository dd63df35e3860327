// server/json_body.h
//
// Request JSON, parsed by nlohmann-json (a well-kept Debian library; the
// project's interop/json_value.cc was written for exports, not for hostile
// input) within bounds, and the typed field readers the endpoints use.
// nlohmann reports errors by throwing; this file is the one place that
// catches them and turns them into absl::Status, so the rest of the server
// never sees an exception.
//
// Thread-safety: pure functions.
#ifndef MSKG_SERVER_JSON_BODY_H_
#define MSKG_SERVER_JSON_BODY_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"

namespace mskg::server {

using Json = nlohmann::json;

struct JsonLimits {
  // Largest body parsed, in bytes. Default: 1 MiB (queries and questions
  // are short; documents are not JSON).
  size_t max_bytes = size_t{1} << 20;
  // Deepest nesting of arrays and objects. Default: 64.
  int max_depth = 64;
};

// Parses `body` as one JSON object. InvalidArgument "line:col: ..." for
// malformed JSON, invalid UTF-8, nesting past `limits.max_depth` or a
// value that is not an object; ResourceExhausted past `limits.max_bytes`.
absl::StatusOr<Json> ParseJsonObject(absl::string_view body,
                                     const JsonLimits& limits = {});

// Field readers: return the field of `object` named `name`, `fallback` when
// it is absent or null; InvalidArgument naming the field when it has another
// type (or, for integers, lies outside [min, max]).
absl::StatusOr<std::string> StringField(const Json& object,
                                        absl::string_view name,
                                        absl::string_view fallback);
absl::StatusOr<bool> BoolField(const Json& object, absl::string_view name,
                               bool fallback);
absl::StatusOr<int64_t> IntField(const Json& object, absl::string_view name,
                                 int64_t fallback, int64_t min, int64_t max);

// Returns `json` as text; invalid UTF-8 in strings becomes U+FFFD instead of
// an exception.
std::string DumpJson(const Json& json);

}  // namespace mskg::server

#endif  // MSKG_SERVER_JSON_BODY_H_
