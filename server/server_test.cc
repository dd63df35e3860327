// server/server_test.cc: the API end to end: a store ingested from
// data/sample_corpus, the server on an ephemeral loopback port, and a real
// HTTP client (test_client.h).

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/write.hpp"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"
#include "server/api_handler.h"
#include "server/http_server.h"
#include "server/test_client.h"

namespace mskg::server {
namespace {

using ::mskg::server::testing::Call;
using ::mskg::server::testing::Reply;
using ::testing::HasSubstr;
namespace asio = boost::asio;

constexpr char kWriteKey[] = "write-key-0123456789";
constexpr char kReadKey[] = "read-key-0123456789a";
const std::pair<std::string, std::string> kWrite = {
    "Authorization", absl::StrCat("Bearer ", kWriteKey)};

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir =
        absl::StrCat(::testing::TempDir(), "/server_test_store");
    std::filesystem::remove_all(dir);
    ingester_ = ingest::Ingester::Create().value().release();
    store_ = graph::GraphStore::Open(dir).value().release();
    ASSERT_TRUE(store_->PutDocument(ingester_->ReferenceClaims()).ok());
    for (const auto& entry :
         std::filesystem::directory_iterator("data/sample_corpus")) {
      const std::string path = entry.path().string();
      if (path.size() > 6 && path.substr(path.size() - 6) == ".bazel") continue;
      ASSERT_TRUE(ingester_->IngestFile(path, store_).ok()) << path;
    }
    ApiOptions api;
    api.access.key_file_text = absl::StrCat("# test keys\n", kWriteKey,
                                            " write\n", kReadKey, " read\n");
    api.access.public_reads = true;
    api.access.cors_origins = {"https://app.example"};
    handler_ = ApiHandler::Create(store_, ingester_, api).value().release();
    HttpServerOptions http;
    http.port = 0;
    http.threads = 2;
    http.max_body_bytes = 64 << 10;
    http.max_header_bytes = 4 << 10;
    http.header_timeout = absl::Milliseconds(300);
    http.idle_timeout = absl::Milliseconds(500);
    http.io_threads = 2;
    http.quick = [](const Request& r) { return handler_->HandleQuick(r); };
    server_ = HttpServer::Start(
                  http, [](const Request& r) { return handler_->Handle(r); })
                  .value()
                  .release();
    port_ = server_->port();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete handler_;
    delete store_;
    delete ingester_;
  }

  static Reply Post(const std::string& target, const std::string& body) {
    return Call(port_, "POST", target, body,
                {{"Content-Type", "application/json"}});
  }

  static ingest::Ingester* ingester_;
  static graph::GraphStore* store_;
  static ApiHandler* handler_;
  static HttpServer* server_;
  static int port_;
};

ingest::Ingester* ServerTest::ingester_ = nullptr;
graph::GraphStore* ServerTest::store_ = nullptr;
ApiHandler* ServerTest::handler_ = nullptr;
HttpServer* ServerTest::server_ = nullptr;
int ServerTest::port_ = 0;

TEST_F(ServerTest, Health) {
  Reply reply = Call(port_, "GET", "/v1/health");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["status"], "ok");
  EXPECT_GT(reply.Json()["snapshot"]["nodes"].get<int>(), 100);
  EXPECT_EQ(Call(port_, "POST", "/v1/health").status, 405);
}

// The explorer page is served without a key even where reads need one
// (the test server has keys), with its headers; the rest stays JSON 404.
TEST_F(ServerTest, ExplorerPageIsServedAtTheRoot) {
  Reply page = Call(port_, "GET", "/?from=bookmark");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(page.body, HasSubstr("<title>mskg explorer</title>"));
  EXPECT_THAT(page.Header("Content-Security-Policy"),
              HasSubstr("script-src 'self'"));
  const std::string etag = page.Header("ETag");
  ASSERT_FALSE(etag.empty());
  Reply again = Call(port_, "GET", "/", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  Reply script = Call(port_, "GET", "/vendor/cytoscape.min.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_GT(script.body.size(), 100000u);
  EXPECT_EQ(Call(port_, "POST", "/").status, 405);
  for (const char* path : {"/index.html", "/../explorer.js", "/explorer.js/",
                           "/vendor/", "/%2e%2e/etc/passwd", "/v1/"}) {
    Reply missing = Call(port_, "GET", path);
    EXPECT_EQ(missing.status, 404) << path;
    EXPECT_EQ(missing.Json()["error"]["code"], "NOT_FOUND") << path;
  }
}

TEST_F(ServerTest, QueryWithParamsEvidenceAndPaging) {
  Reply reply = Post(
      "/v1/query",
      R"j({"query": "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: $x}) RETURN DISTINCT m.name ORDER BY m.name",
                         "params": {"x": "psoas"}, "evidence": true, "limit": 2})j");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto json = reply.Json();
  EXPECT_EQ(json["columns"], nlohmann::json({"m.name"}));
  EXPECT_EQ(json["rows"].size(), 2);
  EXPECT_EQ(json["evidence"].size(), 2);
  EXPECT_TRUE(json["truncated"].get<bool>());
  EXPECT_EQ(json["next_offset"], 2);
  EXPECT_TRUE(json["took_ms"].is_number());
  EXPECT_FALSE(json["evidence"][0].empty());
  EXPECT_TRUE(json["evidence"][0][0].contains("support"));
  Reply next = Post(
      "/v1/query",
      R"j({"query": "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: $x}) RETURN DISTINCT m.name ORDER BY m.name",
                        "params": {"x": "psoas"}, "limit": 2, "offset": 2})j");
  ASSERT_EQ(next.status, 200);
  EXPECT_NE(next.Json()["rows"][0], json["rows"][0]);
}

TEST_F(ServerTest, QueryErrorsCarryPositions) {
  Reply syntax =
      Post("/v1/query", R"j({"query": "MATCH (m:Muscle RETURN m"})j");
  EXPECT_EQ(syntax.status, 400);
  EXPECT_EQ(syntax.Json()["error"]["code"], "INVALID_ARGUMENT");
  EXPECT_EQ(syntax.Json()["error"]["line"], 1);
  EXPECT_EQ(syntax.Json()["error"]["column"], 17);

  Reply json = Post("/v1/query", "{\"query\":\n  \"x\" oops}");
  EXPECT_EQ(json.status, 400);
  EXPECT_EQ(json.Json()["error"]["line"], 2);

  Reply deep =
      Post("/v1/query", std::string(1000, '[') + std::string(1000, ']'));
  EXPECT_EQ(deep.status, 400);
  EXPECT_THAT(deep.Json()["error"]["message"].get<std::string>(),
              HasSubstr("nested"));

  EXPECT_EQ(Post("/v1/query", R"j({"query": 5})j").status, 400);
  EXPECT_EQ(
      Post("/v1/query", R"j({"query": "MATCH (n) RETURN n", "limit": 0})j")
          .status,
      400);
  EXPECT_EQ(Post("/v1/query", "[1]").status, 400);
  EXPECT_EQ(Post("/v1/query", "{\"query\": \"\xff\"}").status, 400);
  EXPECT_EQ(Call(port_, "GET", "/v1/query").status, 405);
  EXPECT_EQ(Call(port_, "GET", "/v1/nothing").status, 404);
  EXPECT_EQ(Call(port_, "GET", "/v1/search?q=%zz").status, 400);
}

TEST_F(ServerTest, QueryBoundsFromTheRequest) {
  Reply slow = Post(
      "/v1/query",
      R"j({"query": "MATCH p = (a)-[*1..8]-(b) RETURN count(*)", "timeout_ms": 50})j");
  EXPECT_TRUE(slow.status == 408 || slow.status == 400) << slow.body;
  EXPECT_TRUE(slow.Json()["error"].contains("message"));
  Reply explain = Post(
      "/v1/query", R"j({"query": "EXPLAIN MATCH (m:Muscle) RETURN m.name"})j");
  ASSERT_EQ(explain.status, 200) << explain.body;
  EXPECT_TRUE(explain.Json()["plan"].is_string());
}

TEST_F(ServerTest, EntityPageResolvesAliases) {
  Reply reply = Call(port_, "GET", "/v1/entities/Muscle/psoas?evidence=1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto json = reply.Json();
  EXPECT_EQ(json["name"], "psoas major");
  EXPECT_EQ(json["type"], "Muscle");
  bool inferred = false;
  for (const auto& group : json["relations"]) {
    EXPECT_TRUE(group["direction"] == "out" || group["direction"] == "in");
    EXPECT_GE(group["count"].get<int>(), group["neighbours"].size());
    for (const auto& n : group["neighbours"]) {
      EXPECT_LE(n["evidence"].size(), 1);
      if (n["inferred"].get<bool>()) {
        inferred = true;
        EXPECT_TRUE(n["rule"].is_string());
      }
    }
  }
  EXPECT_TRUE(inferred);
  EXPECT_EQ(
      Call(port_, "GET", "/v1/entities/Muscle/Psoas%20Major").Json()["name"],
      "psoas major");
  Reply missing = Call(port_, "GET", "/v1/entities/Muscle/psoaz");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr("psoas major"));
  EXPECT_EQ(Call(port_, "GET", "/v1/entities/Planet/mars").status, 404);
}

TEST_F(ServerTest, CachedPagesAreQuickAndAnsweredTheSame) {
  for (const std::string target :
       {"/v1/entities/Muscle/psoas%20minor?evidence=2&limit=7",
        "/v1/search?q=ilio&limit=4&type=Muscle"}) {
    Request request;
    request.method = "GET";
    request.target = target;
    // Not built yet: declined, then built on a worker.
    EXPECT_FALSE(handler_->HandleQuick(request).has_value()) << target;
    Reply first = Call(port_, "GET", target);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_TRUE(handler_->HandleQuick(request).has_value()) << target;
    Reply second = Call(port_, "GET", target);  // On an I/O thread.
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(second.body, first.body);
    EXPECT_EQ(second.headers, first.headers);
    request.method = "POST";
    EXPECT_FALSE(handler_->HandleQuick(request).has_value());
  }
  // Refusals are answered at once too, as the workers would.
  for (const char* target :
       {"/v1/search?q=ilio&limit=1000", "/v1/entities/Muscle/psoas%ZZ"}) {
    Reply reply = Call(port_, "GET", target);
    EXPECT_EQ(reply.status, 400) << target;
    EXPECT_EQ(reply.Json()["error"]["code"], "INVALID_ARGUMENT") << target;
  }
}

TEST_F(ServerTest, SearchPrefixTypoTypeAndLimit) {
  Reply prefix = Call(port_, "GET", "/v1/search?q=Pso&limit=3");
  ASSERT_EQ(prefix.status, 200) << prefix.body;
  EXPECT_EQ(prefix.Json()["hits"].size(), 3);
  EXPECT_EQ(prefix.Json()["hits"][0]["name"], "psoas major");
  Reply typo = Call(port_, "GET", "/v1/search?q=hamstrng&type=Muscle");
  ASSERT_EQ(typo.status, 200);
  std::set<std::string> names;
  const nlohmann::json typo_json = typo.Json();
  for (const auto& hit : typo_json["hits"]) {
    names.insert(hit["name"].get<std::string>());
    EXPECT_EQ(hit["type"], "Muscle");
  }
  EXPECT_TRUE(names.count("hamstrings")) << typo.body;
  EXPECT_EQ(Call(port_, "GET", "/v1/search").status, 400);
  EXPECT_EQ(Call(port_, "GET", "/v1/search?q=a&limit=1000").status, 400);
}

TEST_F(ServerTest, Ask) {
  Reply reply =
      Post("/v1/ask", R"j({"question": "muscles opposing a tight psoas"})j");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["params"]["x"], "psoas major");
  EXPECT_FALSE(reply.Json()["rows"].empty());
  EXPECT_THAT(reply.Json()["cypher"].get<std::string>(),
              HasSubstr("ANTAGONIST_OF"));
  EXPECT_EQ(Post("/v1/ask", R"j({"question": "what is love"})j").status, 400);
}

TEST_F(ServerTest, DocumentsNeedWriteKeysAndAreVisibleAtOnce) {
  const std::string text = "Tight hamstrings cause low back pain.";
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text).status, 401);
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text,
                 {{"X-API-Key", kReadKey}})
                .status,
            403);
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text,
                 {{"X-API-Key", "not-a-key-at-all-no"}})
                .status,
            401);
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text,
                 {kWrite, {"Content-Type", "image/png"}})
                .status,
            400);
  // Entity pages are cached per snapshot: the cached one, then a new one.
  const int64_t before = Call(port_, "GET", "/v1/entities/Muscle/psoas")
                             .Json()["snapshot"]
                             .get<int64_t>();
  EXPECT_EQ(Call(port_, "GET", "/v1/entities/Muscle/psoas").Json()["snapshot"],
            before);
  Reply put = Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text,
                   {kWrite, {"Content-Type", "text/plain"}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_GT(Call(port_, "GET", "/v1/entities/Muscle/psoas")
                .Json()["snapshot"]
                .get<int64_t>(),
            before);
  EXPECT_GT(put.Json()["claims"].get<int>(), 0);
  Reply get = Call(port_, "GET", "/v1/documents/api%2Fa.txt");
  ASSERT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(get.Json()["id"], "api/a.txt");
  EXPECT_FALSE(get.Json()["claims"].empty());
  EXPECT_EQ(get.Json()["claims"][0]["source_type"], "Condition");
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fa.txt", text, {kWrite})
                .Json()["unchanged"],
            true);
  EXPECT_EQ(Call(port_, "PUT", "/v1/documents/api%2Fbin.txt",
                 std::string("\0\1\2", 3), {kWrite})
                .status,
            400);
  EXPECT_EQ(
      Call(port_, "DELETE", "/v1/documents/api%2Fa.txt", "", {kWrite}).status,
      200);
  EXPECT_EQ(Call(port_, "GET", "/v1/documents/api%2Fa.txt").status, 404);
  EXPECT_EQ(
      Call(port_, "DELETE", "/v1/documents/api%2Fa.txt", "", {kWrite}).status,
      404);
  EXPECT_EQ(
      Call(port_, "DELETE", "/v1/documents/reference", "", {kWrite}).status,
      400);
}

TEST_F(ServerTest, Cors) {
  Reply allowed =
      Call(port_, "GET", "/v1/health", "", {{"Origin", "https://app.example"}});
  EXPECT_EQ(allowed.Header("Access-Control-Allow-Origin"),
            "https://app.example");
  Reply other = Call(port_, "GET", "/v1/health", "",
                     {{"Origin", "https://evil.example"}});
  EXPECT_EQ(other.Header("Access-Control-Allow-Origin"), "");
  Reply preflight = Call(port_, "OPTIONS", "/v1/query", "",
                         {{"Origin", "https://app.example"},
                          {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_THAT(preflight.Header("Access-Control-Allow-Methods"),
              HasSubstr("POST"));
  EXPECT_EQ(Call(port_, "OPTIONS", "/v1/query", "",
                 {{"Origin", "https://evil.example"}})
                .status,
            403);
}

TEST_F(ServerTest, SizeLimits) {
  Reply body = Post("/v1/query", std::string(100 << 10, ' '));
  EXPECT_EQ(body.status, 413);
  EXPECT_EQ(body.Json()["error"]["code"], "RESOURCE_EXHAUSTED");
  Reply header = Call(port_, "GET", "/v1/health", "",
                      {{"X-Big", std::string(8 << 10, 'a')}});
  EXPECT_EQ(header.status, 413);
}

// Returns what the server sends on a raw connection after `request`, until
// it closes (or 3 s pass).
std::string RawExchange(int port, const std::string& request, int wait_ms) {
  asio::io_context ioc;
  asio::ip::tcp::socket socket(ioc);
  socket.connect(
      {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  asio::write(socket, asio::buffer(request));
  std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
  std::string out;
  char buf[4096];
  struct timeval tv = {3, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  boost::system::error_code ec;
  for (;;) {
    size_t n = socket.read_some(asio::buffer(buf), ec);
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

TEST_F(ServerTest, SlowClientIsDropped) {
  const auto start = std::chrono::steady_clock::now();
  const std::string got =
      RawExchange(port_, "GET /v1/health HTTP/1.1\r\nHost: x\r\n", 0);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_THAT(got, HasSubstr("HTTP/1.1 408"));
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST_F(ServerTest, KeepAliveThenIdleClose) {
  const std::string got =
      RawExchange(port_,
                  "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/health "
                  "HTTP/1.1\r\nHost: x\r\n\r\n",
                  0);
  // Two answers on one connection, then closed silently once idle.
  size_t first = got.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos) << got;
  EXPECT_NE(got.find("HTTP/1.1 200", first + 1), std::string::npos);
  EXPECT_EQ(got.find("HTTP/1.1 408"), std::string::npos);
}

TEST_F(ServerTest, ReadersNeverSeeAFailedOrTornReadDuringWrites) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, reads{0};
  auto reader = [&] {
    int64_t last_version = 0;
    while (!done.load()) {
      Reply r = Post(
          "/v1/query",
          R"j({"query": "MATCH (c:Condition {name: 'tight hamstrings'})-[r]->(x) RETURN count(r)"})j");
      if (r.status != 200) {
        ++failures;
        continue;
      }
      const int64_t version = r.Json()["snapshot"].get<int64_t>();
      if (version < last_version) ++failures;  // Snapshots only move forward.
      last_version = version;
      ++reads;
    }
  };
  std::thread a(reader), b(reader);
  for (int i = 0; i < 6; ++i) {
    const std::string id = absl::StrCat("/v1/documents/live", i % 2, ".txt");
    Reply put =
        Call(port_, "PUT", id,
             absl::StrCat("Tight hamstrings cause low back pain and knee pain ",
                          i, "."),
             {kWrite});
    EXPECT_EQ(put.status, 200) << put.body;
  }
  EXPECT_EQ(
      Call(port_, "DELETE", "/v1/documents/live0.txt", "", {kWrite}).status,
      200);
  done = true;
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

TEST_F(ServerTest, MetricsArePrometheusText) {
  Call(port_, "GET", "/v1/search?q=psoas");
  Reply reply = Call(port_, "GET", "/metrics");
  ASSERT_EQ(reply.status, 200);
  EXPECT_THAT(
      reply.body,
      HasSubstr(
          "mskg_http_requests_total{endpoint=\"search\",status=\"200\"}"));
  EXPECT_THAT(reply.body, HasSubstr("mskg_http_request_duration_seconds_bucket{"
                                    "endpoint=\"search\",le=\"+Inf\"}"));
  EXPECT_THAT(reply.body, HasSubstr("mskg_store_bytes "));
  EXPECT_THAT(reply.body, HasSubstr("mskg_snapshot_age_seconds "));
}

// Returns the "required" fields of a schema, following $ref and allOf.
std::set<std::string> Required(const nlohmann::json& doc,
                               const nlohmann::json& schema) {
  std::set<std::string> out;
  if (schema.contains("$ref")) {
    std::string ref = schema["$ref"];  // "#/components/schemas/X"
    return Required(
        doc, doc["components"]["schemas"][ref.substr(ref.rfind('/') + 1)]);
  }
  if (schema.contains("allOf")) {
    for (const auto& part : schema["allOf"]) {
      for (const auto& f : Required(doc, part)) out.insert(f);
    }
  }
  if (schema.contains("required")) {
    for (const auto& f : schema["required"]) out.insert(f.get<std::string>());
  }
  return out;
}

TEST_F(ServerTest, OpenApiDescribesRealResponses) {
  Reply spec = Call(port_, "GET", "/v1/openapi.json");
  ASSERT_EQ(spec.status, 200);
  const nlohmann::json doc = spec.Json();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  struct Example {
    std::string path, method, target, body;
  };
  const std::vector<Example> examples = {
      {"/v1/query", "post", "/v1/query",
       R"j({"query": "MATCH (m:Muscle) RETURN m.name", "limit": 1})j"},
      {"/v1/ask", "post", "/v1/ask",
       R"j({"question": "muscles opposing a tight psoas"})j"},
      {"/v1/entities/{type}/{name}", "get", "/v1/entities/Muscle/psoas", ""},
      {"/v1/search", "get", "/v1/search?q=pso", ""},
      {"/v1/documents/{id}", "put", "/v1/documents/openapi.txt",
       "The psoas flexes the hip."},
      {"/v1/documents/{id}", "get", "/v1/documents/openapi.txt", ""},
      {"/v1/documents/{id}", "delete", "/v1/documents/openapi.txt", ""},
      {"/v1/health", "get", "/v1/health", ""},
      {"/metrics", "get", "/metrics", ""},
      {"/v1/openapi.json", "get", "/v1/openapi.json", ""},
      {"/", "get", "/", ""},
  };
  std::set<std::string> documented, exercised;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method != "parameters") documented.insert(path + " " + method);
    }
  }
  for (const Example& e : examples) {
    exercised.insert(e.path + " " + e.method);
    std::string method = e.method;
    for (char& c : method) c = toupper(c);
    Reply reply = Call(port_, method, e.target, e.body, {kWrite});
    ASSERT_EQ(reply.status, 200) << e.target << ": " << reply.body;
    const auto& response = doc["paths"][e.path][e.method]["responses"]["200"];
    ASSERT_TRUE(response.is_object()) << e.path << " " << e.method;
    if (!response.contains("content") ||
        !response["content"].contains("application/json")) {
      continue;
    }
    const nlohmann::json body = reply.Json();
    for (const std::string& field :
         Required(doc, response["content"]["application/json"]["schema"])) {
      EXPECT_TRUE(body.contains(field))
          << e.path << " " << e.method << " lacks " << field;
    }
  }
  EXPECT_EQ(documented, exercised);
}

TEST(AccessTest, KeysScopesAndRateLimits) {
  const std::string dir =
      absl::StrCat(::testing::TempDir(), "/access_test_store");
  std::filesystem::remove_all(dir);
  auto store = graph::GraphStore::Open(dir).value();
  ApiOptions api;
  api.access.key_list_text = absl::StrCat(kReadKey, ":read");
  api.access.rate_limit = 5;
  auto handler = ApiHandler::Create(store.get(), nullptr, api).value();
  Request request;
  request.method = "GET";
  request.target = "/v1/search?q=psoas";
  EXPECT_EQ(handler->Handle(request).status,
            401);  // Keys exist: reads need one.
  request.headers = {{"Authorization", absl::StrCat("Bearer ", kReadKey)}};
  int ok = 0, limited = 0;
  for (int i = 0; i < 20; ++i) {
    const int status = handler->Handle(request).status;
    ok += status == 200;
    limited += status == 429;
  }
  EXPECT_GE(ok, 9);
  EXPECT_GE(limited, 5);
  request.method = "PUT";
  request.target = "/v1/documents/a.txt";
  EXPECT_EQ(handler->Handle(request).status, 403);  // A read key.
  EXPECT_FALSE(AccessControl::Create({.key_list_text = "short:read"}).ok());
  EXPECT_FALSE(
      AccessControl::Create({.key_file_text = "0123456789abcdefgh admin"})
          .ok());
}

}  // namespace
}  // namespace mskg::server
