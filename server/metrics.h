// server/metrics.h
//
// Metrics: request counters by endpoint and status, latency histograms by
// endpoint, rendered in the Prometheus text format (version 0.0.4) with the
// gauges the caller adds (store size, snapshot age).
//
// Thread-safety: Record() is lock-free (atomic counters) and may be called
// from any thread; Render() reads a moment's counts.
#ifndef MSKG_SERVER_METRICS_H_
#define MSKG_SERVER_METRICS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace mskg::server {

// A gauge line: metric name, help text, value.
struct Gauge {
  std::string name;
  std::string help;
  double value;
};

class Metrics {
 public:
  // `endpoints`: the route names requests are recorded under; others go to
  // "other".
  explicit Metrics(std::vector<std::string> endpoints);

  void Record(absl::string_view endpoint, int status, absl::Duration latency);

  // Returns the exposition text.
  std::string Render(const std::vector<Gauge>& gauges) const;

 private:
  // The statuses the server sends, counted separately; index kStatuses.size()
  // counts the rest.
  static constexpr int kStatuses[] = {200, 204, 400, 401, 403, 404,
                                      405, 408, 413, 429, 500, 503};
  static constexpr int kNumStatuses = sizeof(kStatuses) / sizeof(int) + 1;
  // Upper bounds of the latency buckets, in seconds (+Inf is the count).
  static constexpr double kBuckets[] = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
      0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};
  static constexpr int kNumBuckets = sizeof(kBuckets) / sizeof(double);

  struct Endpoint {
    std::string name;
    std::atomic<uint64_t> by_status[kNumStatuses] = {};
    std::atomic<uint64_t> buckets[kNumBuckets] = {};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> micros_sum{0};
  };
  std::vector<std::unique_ptr<Endpoint>> endpoints_;  // "other" last.
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_METRICS_H_
