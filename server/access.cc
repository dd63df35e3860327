#include "server/access.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/responses.h"

namespace mskg::server {
namespace {

// Shorter keys are guessable.
constexpr size_t kMinKeyLength = 16;
// Buckets kept before the table is cleared (anonymous clients are counted
// by address; a scan of many addresses must not grow it without bound).
constexpr size_t kMaxBuckets = 100000;

absl::Status AddKey(absl::string_view key, absl::string_view scope,
                    absl::string_view where,
                    absl::flat_hash_map<std::string, Scope>* keys) {
  if (key.size() < kMinKeyLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": API keys need at least ", kMinKeyLength, " characters"));
  }
  Scope parsed;
  if (scope == "read") {
    parsed = Scope::kRead;
  } else if (scope == "write") {
    parsed = Scope::kWrite;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": unknown scope '", scope, "'; expected read or write"));
  }
  (*keys)[std::string(key)] = parsed;
  return absl::OkStatus();
}

// Returns the key the request carries, or "".
absl::string_view RequestKey(const Request& request) {
  absl::string_view key = request.Header("X-API-Key");
  if (!key.empty()) return absl::StripAsciiWhitespace(key);
  absl::string_view auth = request.Header("Authorization");
  if (absl::ConsumePrefix(&auth, "Bearer ")) {
    return absl::StripAsciiWhitespace(auth);
  }
  return {};
}

}  // namespace

absl::StatusOr<std::unique_ptr<AccessControl>> AccessControl::Create(
    const AccessOptions& options) {
  auto access = std::unique_ptr<AccessControl>(new AccessControl());
  access->options_ = options;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(options.key_file_text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.size() < 2) {
      return absl::InvalidArgumentError(
          absl::StrCat("keys:", line_number,
                       ": expected 'KEY SCOPE' (scope read or write)"));
    }
    if (absl::Status added =
            AddKey(fields[0], fields[1], absl::StrCat("keys:", line_number),
                   &access->keys_);
        !added.ok()) {
      return added;
    }
  }
  for (absl::string_view item :
       absl::StrSplit(options.key_list_text, ',', absl::SkipWhitespace())) {
    item = absl::StripAsciiWhitespace(item);
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(item, absl::MaxSplits(':', 1));
    if (absl::Status added =
            AddKey(kv.first, kv.second, "MSKG_API_KEYS", &access->keys_);
        !added.ok()) {
      return added;
    }
  }
  return access;
}

absl::StatusOr<std::string> AccessControl::Authorize(const Request& request,
                                                     Scope scope) {
  const absl::string_view key = RequestKey(request);
  std::string client;
  if (!key.empty()) {
    auto it = keys_.find(key);
    if (it == keys_.end()) {
      return absl::UnauthenticatedError("unknown API key");
    }
    if (scope == Scope::kWrite && it->second != Scope::kWrite) {
      return absl::PermissionDeniedError(
          "this API key may read but not write; writes need a key with "
          "scope 'write'");
    }
    client = absl::StrCat("key:", key.substr(0, 4), "…");
  } else if (scope == Scope::kWrite) {
    if (keys_.empty()) {
      return absl::PermissionDeniedError(
          "writes need an API key with scope 'write'; start the server with "
          "--keys FILE or MSKG_API_KEYS");
    }
    return absl::UnauthenticatedError(
        "writes need an API key: send 'Authorization: Bearer KEY'");
  } else if (!options_.public_reads && !keys_.empty()) {
    return absl::UnauthenticatedError(
        "this server needs an API key: send 'Authorization: Bearer KEY'");
  } else {
    client = absl::StrCat("anonymous:", request.remote);
  }
  if (absl::Status charged = Charge(client); !charged.ok()) return charged;
  return client;
}

absl::Status AccessControl::Charge(const std::string& client) {
  if (options_.rate_limit <= 0) return absl::OkStatus();
  const absl::Time now = absl::Now();
  // At least one request, or a limit below 0.5/s would refuse them all.
  const double burst = std::max(1.0, 2 * options_.rate_limit);
  absl::MutexLock lock(&mu_);
  if (buckets_.size() > kMaxBuckets) buckets_.clear();
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst, now});
  Bucket& bucket = it->second;
  bucket.tokens =
      std::min(burst, bucket.tokens + absl::ToDoubleSeconds(now - bucket.last) *
                                          options_.rate_limit);
  bucket.last = now;
  if (bucket.tokens < 1) {
    return RateLimitError(
        absl::StrCat("more than ", options_.rate_limit,
                     " requests per second; retry in a second"));
  }
  bucket.tokens -= 1;
  return absl::OkStatus();
}

std::string AccessControl::AllowedOrigin(absl::string_view origin) const {
  if (origin.empty()) return "";
  for (const std::string& allowed : options_.cors_origins) {
    if (allowed == "*") return "*";
    if (allowed == origin) return std::string(origin);
  }
  return "";
}

}  // namespace mskg::server
