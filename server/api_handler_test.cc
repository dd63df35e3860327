// server/api_handler_test.cc: ApiHandler::HandleQuick, the path the I/O
// threads take: it answers cached pages and refusals as Handle() does, and
// declines the rest having had no effect (no rate-limit charge, nothing in
// the metrics), so that every request is checked, charged and counted once
// whichever path answers it.
#include "server/api_handler.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"

namespace mskg::server {
namespace {

using ::testing::HasSubstr;

constexpr char kReadKey[] = "read-key-0123456789a";
constexpr char kPage[] = "/v1/entities/Muscle/psoas%20major?evidence=1";
constexpr char kSearch[] = "/v1/search?q=pso&limit=3";

Request Get(const std::string& target) {
  Request request;
  request.method = "GET";
  request.target = target;
  request.remote = "127.0.0.1";
  return request;
}

// A store holding the reference claims (psoas major and its relations).
class HandleQuickTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir =
        absl::StrCat(::testing::TempDir(), "/api_handler_test_store");
    std::filesystem::remove_all(dir);
    store_ = graph::GraphStore::Open(dir).value().release();
    auto ingester = ingest::Ingester::Create().value();
    ASSERT_TRUE(store_->PutDocument(ingester->ReferenceClaims()).ok());
  }
  static void TearDownTestSuite() { delete store_; }

  static std::unique_ptr<ApiHandler> NewHandler(const ApiOptions& options) {
    return ApiHandler::Create(store_, nullptr, options).value();
  }

  // Returns the count of `endpoint`'s responses with `status` in /metrics.
  static int Counted(ApiHandler& handler, const std::string& endpoint,
                     int status) {
    const std::string metrics = handler.Handle(Get("/metrics")).body;
    const std::string line =
        absl::StrCat("mskg_http_requests_total{endpoint=\"", endpoint,
                     "\",status=\"", status, "\"} ");
    const size_t at = metrics.find(line);
    return at == std::string::npos
               ? 0
               : std::stoi(metrics.substr(at + line.size()));
  }

  static graph::GraphStore* store_;
};

graph::GraphStore* HandleQuickTest::store_ = nullptr;

TEST_F(HandleQuickTest, DeclinesPagesNotBuiltThenAnswersThemAsHandle) {
  ApiOptions options;
  options.access.cors_origins = {"https://app.example"};
  auto handler = NewHandler(options);
  for (const char* target : {kPage, kSearch}) {
    Request request = Get(target);
    request.headers = {{"Origin", "https://app.example"}};
    EXPECT_FALSE(handler->HandleQuick(request).has_value()) << target;
    const Response built = handler->Handle(request);
    ASSERT_EQ(built.status, 200) << built.Body();
    std::optional<Response> quick = handler->HandleQuick(request);
    ASSERT_TRUE(quick.has_value()) << target;
    EXPECT_EQ(quick->status, 200);
    EXPECT_EQ(quick->headers, built.headers);  // CORS headers included.
    EXPECT_EQ(quick->Body(), built.Body());
    // The cache's own string, not a copy.
    EXPECT_EQ(quick->shared_body, built.shared_body);
  }
}

TEST_F(HandleQuickTest, DeclinesWhatMayBlock) {
  auto handler = NewHandler(ApiOptions());
  Request query = Get("/v1/query");
  query.method = "POST";
  query.body = R"j({"query": "MATCH (m:Muscle) RETURN m.name"})j";
  EXPECT_FALSE(handler->HandleQuick(query).has_value());
  for (const char* target : {"/v1/health", "/metrics", "/", "/v1/nothing",
                             "/v1/documents/a.txt", "/v1/openapi.json"}) {
    EXPECT_FALSE(handler->HandleQuick(Get(target)).has_value()) << target;
  }
  Request preflight = Get(kSearch);
  preflight.method = "OPTIONS";
  EXPECT_FALSE(handler->HandleQuick(preflight).has_value());
  // Not a GET: declined, and the worker says 405.
  Request post = Get(kSearch);
  post.method = "POST";
  EXPECT_FALSE(handler->HandleQuick(post).has_value());
  EXPECT_EQ(handler->Handle(post).status, 405);
}

// Bad requests for pages are refused at once, with the error Handle()
// gives; a page of an unknown entity is built (a miss) on a worker.
TEST_F(HandleQuickTest, AnswersRefusalsAsHandle) {
  auto handler = NewHandler(ApiOptions());
  struct Case {
    const char* target;
    int status;
  };
  for (const Case& c : {Case{"/v1/search?q=pso&limit=1000", 400},
                        Case{"/v1/search", 400},
                        Case{"/v1/search?q=pso&type=Planet", 400},
                        Case{"/v1/entities/Planet/mars", 404},
                        Case{"/v1/entities/Muscle", 404},
                        Case{"/v1/entities/Muscle/psoas%ZZ", 400},
                        Case{"/v1/entities/Muscle/psoas?evidence=-1", 400},
                        Case{"no-slash", 400}}) {
    std::optional<Response> quick = handler->HandleQuick(Get(c.target));
    ASSERT_TRUE(quick.has_value()) << c.target;
    EXPECT_EQ(quick->status, c.status) << c.target;
    EXPECT_EQ(quick->Body(), handler->Handle(Get(c.target)).Body());
  }
  EXPECT_FALSE(
      handler->HandleQuick(Get("/v1/entities/Muscle/psoaz")).has_value());
  Response missing = handler->Handle(Get("/v1/entities/Muscle/psoaz"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr("psoas major"));
}

// A cached page still needs a key where reads do, and its answer is
// charged to the rate limit; a declined attempt is charged nothing, so a
// request that goes on to a worker is charged once.
TEST_F(HandleQuickTest, ChecksAccessAndChargesEachRequestOnce) {
  ApiOptions options;
  options.access.key_list_text = absl::StrCat(kReadKey, ":read");
  options.access.rate_limit = 0.5;  // A burst of one; the next in 2 s.
  auto handler = NewHandler(options);
  Request request = Get(kSearch);
  request.headers = {{"X-API-Key", kReadKey}};
  for (int i = 0; i < 10; ++i) {
    EXPECT_FALSE(handler->HandleQuick(request).has_value());
  }
  EXPECT_EQ(handler->Handle(request).status, 200);  // The one token left.
  std::optional<Response> limited = handler->HandleQuick(request);
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(limited->headers.back(),
            (std::pair<std::string, std::string>("Retry-After", "1")));

  std::optional<Response> anonymous = handler->HandleQuick(Get(kSearch));
  ASSERT_TRUE(anonymous.has_value());  // Cached, but no key: refused.
  EXPECT_EQ(anonymous->status, 401);
  Request unknown = Get(kSearch);
  unknown.headers = {{"X-API-Key", "not-a-key-at-all-no"}};
  std::optional<Response> refused = handler->HandleQuick(unknown);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(refused->body, handler->Handle(unknown).body);
}

TEST_F(HandleQuickTest, MetricsCountEachRequestOnce) {
  auto handler = NewHandler(ApiOptions());
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(handler->HandleQuick(Get(kPage)).has_value());
  }
  EXPECT_EQ(Counted(*handler, "entity", 200), 0);
  EXPECT_EQ(handler->Handle(Get(kPage)).status, 200);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(handler->HandleQuick(Get(kPage)).has_value());
  }
  EXPECT_EQ(Counted(*handler, "entity", 200), 3);
  ASSERT_TRUE(handler->HandleQuick(Get("/v1/search?q=a&limit=0")).has_value());
  EXPECT_EQ(Counted(*handler, "search", 400), 1);
}

}  // namespace
}  // namespace mskg::server
