#include "ingest/ingest_files.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace mskg::ingest {
namespace {

// A file's extraction, handed from a worker to the writer.
struct Extracted {
  absl::StatusOr<schema::DocumentClaims> claims;
  std::vector<std::string> notices;
};

}  // namespace

void IngestFiles(const Ingester& ingester, const std::vector<std::string>& paths,
                 graph::GraphStore* store, const IngestFilesOptions& options,
                 const std::function<void(const FileOutcome&)>& on_outcome) {
  const size_t n = paths.size();
  if (n == 0) return;
  size_t threads = options.threads > 0
                       ? options.threads
                       : std::max(1u, std::thread::hardware_concurrency()) - 1;
  threads = std::clamp<size_t>(threads, 1, n);
  const size_t max_ahead =
      options.max_ahead > 0 ? options.max_ahead : 4 * threads;

  std::mutex mu;
  std::condition_variable changed;
  size_t next_to_take = 0;  // Guarded by mu.
  size_t written = 0;       // Guarded by mu.
  // Slot i holds file i's extraction from when a worker finishes it until
  // the writer takes it; at most max_ahead are full at once.
  std::vector<std::optional<Extracted>> ready(n);  // Guarded by mu.

  auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] {
          return next_to_take >= n || next_to_take < written + max_ahead;
        });
        if (next_to_take >= n) return;
        i = next_to_take++;
      }
      Extracted e;
      e.claims = ingester.ExtractFile(paths[i], &e.notices);
      {
        std::lock_guard<std::mutex> lock(mu);
        ready[i] = std::move(e);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(work);

  for (size_t i = 0; i < n; ++i) {
    Extracted e;
    {
      std::unique_lock<std::mutex> lock(mu);
      changed.wait(lock, [&] { return ready[i].has_value(); });
      e = *std::move(ready[i]);
      ready[i].reset();
    }
    FileOutcome outcome;
    outcome.index = i;
    outcome.notices = std::move(e.notices);
    if (e.claims.ok()) {
      outcome.result = store->PutDocument(*e.claims);
    } else {
      outcome.result = e.claims.status();
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      written = i + 1;
    }
    changed.notify_all();
    on_outcome(outcome);
  }
  for (std::thread& worker : workers) worker.join();
}

}  // namespace mskg::ingest
