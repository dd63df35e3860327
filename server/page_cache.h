// server/page_cache.h
//
// PageCache: response bodies of one snapshot by request (entity pages),
// which are a pure function of the snapshot and the request, so a page is
// built once per snapshot however often it is asked for. It lives in the
// Snapshot and dies with it: a write never serves a stale page. Bounded in
// bytes; when full, it is emptied (pages are rebuilt on demand, cheaply
// enough that a smarter eviction is not worth its state).
//
// Thread-safety: Find() and Insert() may be called from any thread.
#ifndef MSKG_SERVER_PAGE_CACHE_H_
#define MSKG_SERVER_PAGE_CACHE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace mskg::server {

class PageCache {
 public:
  // Default: 64 MiB of bodies.
  explicit PageCache(size_t max_bytes = size_t{64} << 20)
      : max_bytes_(max_bytes) {}

  // Returns the body cached under `key`, or null.
  std::shared_ptr<const std::string> Find(absl::string_view key) const {
    absl::ReaderMutexLock lock(&mu_);
    auto it = pages_.find(key);
    return it == pages_.end() ? nullptr : it->second;
  }

  bool Contains(absl::string_view key) const {
    absl::ReaderMutexLock lock(&mu_);
    return pages_.contains(key);
  }

  void Insert(absl::string_view key, std::shared_ptr<const std::string> body) {
    const size_t size = key.size() + body->size();
    if (size > max_bytes_ / 4) return;  // One page must not empty the cache.
    absl::MutexLock lock(&mu_);
    if (bytes_ + size > max_bytes_) {
      pages_.clear();
      bytes_ = 0;
    }
    if (pages_.emplace(std::string(key), std::move(body)).second)
      bytes_ += size;
  }

 private:
  const size_t max_bytes_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<const std::string>> pages_
      ABSL_GUARDED_BY(mu_);
  size_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_PAGE_CACHE_H_
