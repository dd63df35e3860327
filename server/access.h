// server/access.h
//
// Who may do what: API keys with a read or write scope (write includes
// read), read from a key file (`mskg serve --keys FILE`: lines "KEY SCOPE",
// '#' comments) or the MSKG_API_KEYS environment variable ("KEY:SCOPE,..."),
// sent as "Authorization: Bearer KEY" or "X-API-Key: KEY"; a per-client
// token-bucket rate limit (by key, or by address for anonymous reads); and
// the CORS origin allowlist.
//
// Writes always need a write key. Reads need a key unless `public_reads`,
// or unless no key is configured at all (then the server is a local,
// read-only one: reads are open and writes refused).
//
// Thread-safety: Authorize() may be called from any thread (the buckets are
// behind a mutex); the rest is immutable after Create().
#ifndef MSKG_SERVER_ACCESS_H_
#define MSKG_SERVER_ACCESS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/http_message.h"

namespace mskg::server {

enum class Scope { kRead, kWrite };

struct AccessOptions {
  // Key file contents ("KEY SCOPE" lines) and MSKG_API_KEYS-style text
  // ("KEY:SCOPE,..."); either may be empty. Default: none.
  std::string key_file_text;
  std::string key_list_text;
  // Reads need no key even when keys exist. Default: false.
  bool public_reads = false;
  // Requests per second each client may make (bursts up to twice as many,
  // and at least one); 0: no limit. Default: 0.
  double rate_limit = 0;
  // Origins whose browsers may call the API ("https://example.org", or "*"
  // for any). Default: none (no CORS headers).
  std::vector<std::string> cors_origins;
};

class AccessControl {
 public:
  // InvalidArgument "keys:LINE: ..." for a malformed key line, an unknown
  // scope or a key shorter than 16 characters.
  static absl::StatusOr<std::unique_ptr<AccessControl>> Create(
      const AccessOptions& options);

  // Returns the client's identity ("key:<first 4 chars>…" or
  // "anonymous:<address>") if `request` may use `scope`, after charging its
  // rate bucket. Unauthenticated (401) without a key where one is needed or
  // with an unknown key; PermissionDenied (403) for a read key writing, or
  // for writes when no key is configured; rate limited (429) past the limit.
  absl::StatusOr<std::string> Authorize(const Request& request, Scope scope);

  // Returns the value of Access-Control-Allow-Origin for `origin`, or "" if
  // it is not allowed.
  std::string AllowedOrigin(absl::string_view origin) const;

  bool has_keys() const { return !keys_.empty(); }

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time last;
  };
  AccessControl() = default;
  absl::Status Charge(const std::string& client);

  AccessOptions options_;
  absl::flat_hash_map<std::string, Scope> keys_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_ACCESS_H_
