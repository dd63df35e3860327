#include "server/metrics.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace mskg::server {

Metrics::Metrics(std::vector<std::string> endpoints) {
  endpoints.push_back("other");
  for (std::string& name : endpoints) {
    endpoints_.push_back(std::make_unique<Endpoint>());
    endpoints_.back()->name = std::move(name);
  }
}

void Metrics::Record(absl::string_view endpoint, int status,
                     absl::Duration latency) {
  Endpoint* e = endpoints_.back().get();
  for (const auto& candidate : endpoints_) {
    if (candidate->name == endpoint) {
      e = candidate.get();
      break;
    }
  }
  int s = 0;
  while (s < kNumStatuses - 1 && kStatuses[s] != status) ++s;
  e->by_status[s].fetch_add(1, std::memory_order_relaxed);
  const double seconds = absl::ToDoubleSeconds(latency);
  for (int b = 0; b < kNumBuckets; ++b) {
    if (seconds <= kBuckets[b]) {
      e->buckets[b].fetch_add(1, std::memory_order_relaxed);
      break;  // Cumulated when rendered.
    }
  }
  e->count.fetch_add(1, std::memory_order_relaxed);
  e->micros_sum.fetch_add(absl::ToInt64Microseconds(latency),
                          std::memory_order_relaxed);
}

std::string Metrics::Render(const std::vector<Gauge>& gauges) const {
  std::string out;
  absl::StrAppend(&out,
                  "# HELP mskg_http_requests_total HTTP requests by endpoint "
                  "and status.\n# TYPE mskg_http_requests_total counter\n");
  for (const auto& e : endpoints_) {
    for (int s = 0; s < kNumStatuses; ++s) {
      const uint64_t n = e->by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      absl::StrAppend(
          &out, "mskg_http_requests_total{endpoint=\"", e->name, "\",status=\"",
          s < kNumStatuses - 1 ? absl::StrCat(kStatuses[s]) : "other", "\"} ",
          n, "\n");
    }
  }
  absl::StrAppend(&out,
                  "# HELP mskg_http_errors_total HTTP responses with status "
                  ">= 400, by endpoint.\n# TYPE mskg_http_errors_total "
                  "counter\n");
  for (const auto& e : endpoints_) {
    uint64_t errors = 0;
    for (int s = 0; s < kNumStatuses; ++s) {
      if (s == kNumStatuses - 1 || kStatuses[s] >= 400) {
        errors += e->by_status[s].load(std::memory_order_relaxed);
      }
    }
    absl::StrAppend(&out, "mskg_http_errors_total{endpoint=\"", e->name, "\"} ",
                    errors, "\n");
  }
  absl::StrAppend(&out,
                  "# HELP mskg_http_request_duration_seconds Time from a "
                  "request read to its response built.\n# TYPE "
                  "mskg_http_request_duration_seconds histogram\n");
  for (const auto& e : endpoints_) {
    uint64_t cumulative = 0;
    for (int b = 0; b < kNumBuckets; ++b) {
      cumulative += e->buckets[b].load(std::memory_order_relaxed);
      absl::StrAppend(
          &out, "mskg_http_request_duration_seconds_bucket{endpoint=\"",
          e->name, "\",le=\"", kBuckets[b], "\"} ", cumulative, "\n");
    }
    const uint64_t count = e->count.load(std::memory_order_relaxed);
    absl::StrAppend(&out,
                    "mskg_http_request_duration_seconds_bucket{endpoint=\"",
                    e->name, "\",le=\"+Inf\"} ", count, "\n");
    absl::StrAppend(&out, "mskg_http_request_duration_seconds_sum{endpoint=\"",
                    e->name, "\"} ",
                    absl::StrFormat("%.6f", e->micros_sum.load() / 1e6), "\n");
    absl::StrAppend(&out,
                    "mskg_http_request_duration_seconds_count{endpoint=\"",
                    e->name, "\"} ", count, "\n");
  }
  for (const Gauge& g : gauges) {
    absl::StrAppend(&out, "# HELP ", g.name, " ", g.help, "\n# TYPE ", g.name,
                    " gauge\n", g.name, " ", absl::StrFormat("%.6g", g.value),
                    "\n");
  }
  return out;
}

}  // namespace mskg::server
