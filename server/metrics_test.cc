// Tests of Metrics (metrics.h): requests counted by endpoint and status
// (unknown endpoints and statuses under "other"), errors per endpoint,
// cumulative latency histograms, the caller's gauges, and counts that add
// up when many threads record at once.
#include "server/metrics.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsTest, EmptyRenderHasHeadersAndZeroes) {
  Metrics metrics({"query"});
  const std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("# TYPE mskg_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE mskg_http_errors_total counter\n"));
  EXPECT_THAT(
      text, HasSubstr("# TYPE mskg_http_request_duration_seconds histogram\n"));
  // No request counted: no request line, but every endpoint's errors and
  // histogram, "other" included.
  EXPECT_THAT(text, Not(HasSubstr("mskg_http_requests_total{")));
  for (const char* endpoint : {"query", "other"}) {
    const std::string e = endpoint;
    EXPECT_THAT(
        text, HasSubstr("mskg_http_errors_total{endpoint=\"" + e + "\"} 0\n"));
    EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_bucket{"
                                "endpoint=\"" +
                                e + "\",le=\"+Inf\"} 0\n"));
    EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_sum{"
                                "endpoint=\"" +
                                e + "\"} 0.000000\n"));
    EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_count{"
                                "endpoint=\"" +
                                e + "\"} 0\n"));
  }
}

TEST(MetricsTest, CountsByEndpointAndStatus) {
  Metrics metrics({"query", "search"});
  metrics.Record("query", 200, absl::Milliseconds(3));
  metrics.Record("query", 200, absl::Milliseconds(4));
  metrics.Record("query", 404, absl::Milliseconds(5));
  metrics.Record("search", 429, absl::Milliseconds(1));
  metrics.Record("/no/such/route", 200, absl::Milliseconds(1));
  metrics.Record("search", 418, absl::Milliseconds(1));  // Not in the table.
  const std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"query\","
                              "status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"query\","
                              "status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"search\","
                              "status=\"429\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"search\","
                              "status=\"other\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"other\","
                              "status=\"200\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("status=\"418\"")));
  // Errors: statuses >= 400, the uncounted ones included.
  EXPECT_THAT(text,
              HasSubstr("mskg_http_errors_total{endpoint=\"query\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("mskg_http_errors_total{endpoint=\"search\"} 2\n"));
  EXPECT_THAT(text,
              HasSubstr("mskg_http_errors_total{endpoint=\"other\"} 0\n"));
}

TEST(MetricsTest, HistogramIsCumulative) {
  Metrics metrics({"query"});
  metrics.Record("query", 200, absl::Microseconds(100));  // On a bound.
  metrics.Record("query", 200, absl::Milliseconds(3));
  metrics.Record("query", 200, absl::Milliseconds(30));
  metrics.Record("query", 200, absl::Seconds(60));  // Past the last bound.
  const std::string text = metrics.Render({});
  auto bucket = [](const char* le, int n) {
    return "mskg_http_request_duration_seconds_bucket{endpoint=\"query\",le="
           "\"" +
           std::string(le) + "\"} " + std::to_string(n) + "\n";
  };
  EXPECT_THAT(text, HasSubstr(bucket("0.0001", 1)));
  EXPECT_THAT(text, HasSubstr(bucket("0.00025", 1)));
  EXPECT_THAT(text, HasSubstr(bucket("0.0025", 1)));
  EXPECT_THAT(text, HasSubstr(bucket("0.005", 2)));
  EXPECT_THAT(text, HasSubstr(bucket("0.025", 2)));
  EXPECT_THAT(text, HasSubstr(bucket("0.05", 3)));
  EXPECT_THAT(text, HasSubstr(bucket("2.5", 3)));
  EXPECT_THAT(text, HasSubstr(bucket("10", 3)));
  EXPECT_THAT(text, HasSubstr(bucket("+Inf", 4)));
  EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_sum{"
                              "endpoint=\"query\"} 60.033100\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_count{"
                              "endpoint=\"query\"} 4\n"));
}

TEST(MetricsTest, RendersGaugesAfterTheCounters) {
  Metrics metrics({});
  const std::string text =
      metrics.Render({{"mskg_store_nodes", "Nodes in the store.", 12},
                      {"mskg_snapshot_age_seconds", "Age.", 0.5},
                      {"mskg_store_bytes", "Bytes.", 1234567}});
  EXPECT_THAT(text, HasSubstr("# HELP mskg_store_nodes Nodes in the store.\n"
                              "# TYPE mskg_store_nodes gauge\n"
                              "mskg_store_nodes 12\n"));
  EXPECT_THAT(text, HasSubstr("\nmskg_snapshot_age_seconds 0.5\n"));
  EXPECT_THAT(text, HasSubstr("\nmskg_store_bytes 1.23457e+06\n"));
  EXPECT_GT(text.find("# HELP mskg_store_nodes"),
            text.find("mskg_http_request_duration_seconds_count"));
}

TEST(MetricsTest, ConcurrentRecordsAddUp) {
  Metrics metrics({"query"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&metrics] {
      for (int i = 0; i < 2500; ++i) {
        metrics.Record("query", 200, absl::Microseconds(10));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("mskg_http_requests_total{endpoint=\"query\","
                              "status=\"200\"} 10000\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_count{"
                              "endpoint=\"query\"} 10000\n"));
  EXPECT_THAT(text, HasSubstr("mskg_http_request_duration_seconds_sum{"
                              "endpoint=\"query\"} 0.100000\n"));
}

}  // namespace
}  // namespace mskg::server
