// Tests of AccessControl (access.h): key files and MSKG_API_KEYS text and
// their errors, who may read and write with and without keys, the two
// headers a key may come in, the per-client rate limit and the CORS
// allowlist.
#include "server/access.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/http_message.h"
#include "server/responses.h"

namespace mskg::server {
namespace {

using ::testing::HasSubstr;

constexpr char kReadKey[] = "read-key-0123456789";
constexpr char kWriteKey[] = "writ-key-0123456789";

std::unique_ptr<AccessControl> MakeAccess(const AccessOptions& options) {
  absl::StatusOr<std::unique_ptr<AccessControl>> access =
      AccessControl::Create(options);
  EXPECT_TRUE(access.ok()) << access.status();
  return access.ok() ? *std::move(access) : nullptr;
}

AccessOptions WithKeys() {
  AccessOptions options;
  options.key_file_text = absl::StrCat("# keys of the test\n\n  ", kReadKey,
                                       " read\n", kWriteKey, "\twrite  \n");
  return options;
}

Request From(absl::string_view remote) {
  Request request;
  request.method = "GET";
  request.target = "/v1/stats";
  request.remote = std::string(remote);
  return request;
}

Request WithHeader(absl::string_view name, absl::string_view value) {
  Request request = From("10.0.0.1");
  request.headers.emplace_back(std::string(name), std::string(value));
  return request;
}

absl::Status CreateError(const AccessOptions& options) {
  return AccessControl::Create(options).status();
}

TEST(AccessTest, ReadsKeyFileWithCommentsAndBlankLines) {
  std::unique_ptr<AccessControl> access = MakeAccess(WithKeys());
  ASSERT_NE(access, nullptr);
  EXPECT_TRUE(access->has_keys());
  absl::StatusOr<std::string> reader = access->Authorize(
      WithHeader("Authorization", absl::StrCat("Bearer ", kReadKey)),
      Scope::kRead);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(*reader, "key:read…");  // Only the first 4 characters.
  EXPECT_TRUE(
      access->Authorize(WithHeader("X-API-Key", kWriteKey), Scope::kWrite)
          .ok());
}

TEST(AccessTest, ReadsKeyListText) {
  AccessOptions options;
  options.key_list_text =
      absl::StrCat(" ", kReadKey, ":read , ", kWriteKey, ":write,");
  std::unique_ptr<AccessControl> access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  EXPECT_TRUE(
      access->Authorize(WithHeader("X-API-Key", kReadKey), Scope::kRead).ok());
  EXPECT_TRUE(
      access->Authorize(WithHeader("X-API-Key", kWriteKey), Scope::kWrite)
          .ok());
}

TEST(AccessTest, MalformedKeyLinesNameTheirLine) {
  AccessOptions options;
  options.key_file_text = absl::StrCat("# ok\n", kReadKey, "\n");
  absl::Status status = CreateError(options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "keys:2: expected 'KEY SCOPE' (scope read or write)");

  options.key_file_text = absl::StrCat(kReadKey, " admin\n");
  status = CreateError(options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "keys:1: unknown scope 'admin'; expected read or write");

  options.key_file_text = "\n\nshort-key read\n";
  status = CreateError(options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "keys:3: API keys need at least 16 characters");
}

TEST(AccessTest, MalformedKeyListIsNamed) {
  AccessOptions options;
  options.key_list_text = absl::StrCat(kReadKey, ":READ");
  absl::Status status = CreateError(options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "MSKG_API_KEYS: unknown scope 'READ'; expected read or write");
  options.key_list_text = kReadKey;  // No scope at all.
  EXPECT_THAT(CreateError(options).message(),
              HasSubstr("MSKG_API_KEYS: unknown scope ''"));
  options.key_list_text = "0123456789abcde:read";  // 15 characters.
  EXPECT_EQ(CreateError(options).message(),
            "MSKG_API_KEYS: API keys need at least 16 characters");
}

TEST(AccessTest, WithoutKeysReadsAreOpenAndWritesRefused) {
  std::unique_ptr<AccessControl> access = MakeAccess(AccessOptions());
  ASSERT_NE(access, nullptr);
  EXPECT_FALSE(access->has_keys());
  absl::StatusOr<std::string> reader =
      access->Authorize(From("192.0.2.7"), Scope::kRead);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(*reader, "anonymous:192.0.2.7");
  absl::StatusOr<std::string> writer =
      access->Authorize(From("192.0.2.7"), Scope::kWrite);
  EXPECT_EQ(writer.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(writer.status().message(), HasSubstr("--keys FILE"));
  // A key sent to a server without keys is unknown.
  EXPECT_EQ(access->Authorize(WithHeader("X-API-Key", kReadKey), Scope::kRead)
                .status()
                .code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AccessTest, WithKeysEveryRequestNeedsOne) {
  std::unique_ptr<AccessControl> access = MakeAccess(WithKeys());
  ASSERT_NE(access, nullptr);
  absl::StatusOr<std::string> reader =
      access->Authorize(From("10.0.0.1"), Scope::kRead);
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(reader.status().message(), HasSubstr("Authorization: Bearer"));
  absl::StatusOr<std::string> writer =
      access->Authorize(From("10.0.0.1"), Scope::kWrite);
  EXPECT_EQ(writer.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(HttpStatusFor(writer.status()), 401);
}

TEST(AccessTest, PublicReadsNeedNoKeyButWritesDo) {
  AccessOptions options = WithKeys();
  options.public_reads = true;
  std::unique_ptr<AccessControl> access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(*access->Authorize(From("10.0.0.2"), Scope::kRead),
            "anonymous:10.0.0.2");
  EXPECT_EQ(access->Authorize(From("10.0.0.2"), Scope::kWrite).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AccessTest, ScopesAndUnknownKeys) {
  std::unique_ptr<AccessControl> access = MakeAccess(WithKeys());
  ASSERT_NE(access, nullptr);
  absl::StatusOr<std::string> read_writing =
      access->Authorize(WithHeader("X-API-Key", kReadKey), Scope::kWrite);
  EXPECT_EQ(read_writing.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(read_writing.status().message(), HasSubstr("scope 'write'"));
  // Write includes read.
  EXPECT_EQ(
      *access->Authorize(WithHeader("X-API-Key", kWriteKey), Scope::kRead),
      "key:writ…");
  absl::StatusOr<std::string> unknown = access->Authorize(
      WithHeader("Authorization", "Bearer not-a-key-0123456789"), Scope::kRead);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(unknown.status().message(), "unknown API key");
}

TEST(AccessTest, KeyHeadersAnyCaseAndTrimmed) {
  std::unique_ptr<AccessControl> access = MakeAccess(WithKeys());
  ASSERT_NE(access, nullptr);
  EXPECT_TRUE(access
                  ->Authorize(WithHeader("x-api-key",
                                         absl::StrCat("  ", kReadKey, " ")),
                              Scope::kRead)
                  .ok());
  EXPECT_TRUE(access
                  ->Authorize(WithHeader("authorization",
                                         absl::StrCat("Bearer ", kReadKey)),
                              Scope::kRead)
                  .ok());
  // Another scheme is no key at all.
  EXPECT_EQ(access
                ->Authorize(WithHeader("Authorization",
                                       absl::StrCat("Basic ", kReadKey)),
                            Scope::kRead)
                .status()
                .code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(AccessTest, RateLimitIsPerClient) {
  AccessOptions options;
  options.rate_limit = 0.001;  // A burst of one, then one per 1000 s.
  std::unique_ptr<AccessControl> access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  ASSERT_TRUE(access->Authorize(From("10.0.0.1"), Scope::kRead).ok());
  absl::StatusOr<std::string> again =
      access->Authorize(From("10.0.0.1"), Scope::kRead);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(HttpStatusFor(again.status()), 429);
  EXPECT_THAT(again.status().message(), HasSubstr("requests per second"));
  // Another address has a bucket of its own.
  EXPECT_TRUE(access->Authorize(From("10.0.0.2"), Scope::kRead).ok());
}

// Regression: with a limit below 0.5 requests per second the bucket's burst
// (twice the limit) held less than one request, so every request was
// refused with 429, the first included.
TEST(AccessTest, SlowRateLimitStillAdmitsTheFirstRequest) {
  for (double rate : {0.001, 0.2, 0.49}) {
    AccessOptions options;
    options.rate_limit = rate;
    std::unique_ptr<AccessControl> access = MakeAccess(options);
    ASSERT_NE(access, nullptr);
    EXPECT_TRUE(access->Authorize(From("10.0.0.9"), Scope::kRead).ok()) << rate;
  }
}

TEST(AccessTest, BurstIsTwiceTheRate) {
  AccessOptions options;
  // Burst 4. The bucket refills one request per 0.5 s, far slower than
  // these five calls run.
  options.rate_limit = 2;
  std::unique_ptr<AccessControl> access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  int admitted = 0;
  for (int i = 0; i < 5; ++i) {
    if (access->Authorize(From("10.0.0.3"), Scope::kRead).ok()) ++admitted;
  }
  EXPECT_EQ(admitted, 4);
}

TEST(AccessTest, NoRateLimitByDefault) {
  std::unique_ptr<AccessControl> access = MakeAccess(AccessOptions());
  ASSERT_NE(access, nullptr);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(access->Authorize(From("10.0.0.4"), Scope::kRead).ok()) << i;
  }
}

TEST(AccessTest, AllowedOrigin) {
  AccessOptions options;
  options.cors_origins = {"https://example.org", "http://localhost:8080"};
  std::unique_ptr<AccessControl> access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(access->AllowedOrigin("https://example.org"),
            "https://example.org");
  EXPECT_EQ(access->AllowedOrigin("http://localhost:8080"),
            "http://localhost:8080");
  EXPECT_EQ(access->AllowedOrigin("https://example.org.evil"), "");
  EXPECT_EQ(access->AllowedOrigin("http://example.org"), "");
  EXPECT_EQ(access->AllowedOrigin(""), "");

  options.cors_origins = {"*"};
  access = MakeAccess(options);
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(access->AllowedOrigin("https://anywhere.test"), "*");
  EXPECT_EQ(access->AllowedOrigin(""), "");  // No Origin header: no CORS.

  EXPECT_EQ(MakeAccess(AccessOptions())->AllowedOrigin("https://example.org"),
            "");
}

}  // namespace
}  // namespace mskg::server
