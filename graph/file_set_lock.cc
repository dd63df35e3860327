// graph/file_set_lock.cc
#include "graph/file_set_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace mskg::graph {

std::string FileSetLockPath(absl::string_view store_dir) {
  return absl::StrCat(store_dir, "/FILES.lock");
}

HeldFileSetLock::HeldFileSetLock(HeldFileSetLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

HeldFileSetLock& HeldFileSetLock::operator=(HeldFileSetLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

// Closing the descriptor releases the flock.
HeldFileSetLock::~HeldFileSetLock() {
  if (fd_ >= 0) ::close(fd_);
}

static int OpenLockFile(const std::string& path, bool create) {
  // Read-only suffices for flock, and works on a store a reader may not
  // write to.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT && create) {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  }
  return fd;
}

absl::StatusOr<HeldFileSetLock> FileSetLock::Acquire(
    absl::string_view store_dir, Mode mode, absl::Duration timeout,
    bool create) {
  const std::string path = FileSetLockPath(store_dir);
  const int fd = OpenLockFile(path, create);
  if (fd < 0) {
    const int error = errno;
    const std::string what =
        absl::StrCat("cannot open ", path, ": ", std::strerror(error));
    if (error == ENOENT) return absl::NotFoundError(what);
    return absl::PermissionDeniedError(what);
  }
  HeldFileSetLock held(fd);
  const int operation = mode == Mode::kShared ? LOCK_SH : LOCK_EX;
  const absl::Time deadline = absl::Now() + timeout;
  // Polled rather than blocking so that the wait is bounded; holders keep
  // the lock for an open or one file change, milliseconds to seconds.
  for (int attempt = 1;; ++attempt) {
    if (::flock(fd, operation | LOCK_NB) == 0) return held;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      return absl::InternalError(
          absl::StrCat("cannot lock ", path, ": ", std::strerror(errno)));
    }
    if (absl::Now() >= deadline) {
      return absl::DeadlineExceededError(absl::StrCat(
          "store ", store_dir, " stayed busy for ", absl::FormatDuration(timeout),
          mode == Mode::kShared ? " (a writer was changing its files)"
                                : " (readers were opening it)",
          "; try again, or stop the other process"));
    }
    absl::SleepFor(absl::Milliseconds(std::min(attempt, 20)));
  }
}

HeldFileSetLock FileSetLock::TryExclusive(absl::string_view store_dir) {
  const int fd = OpenLockFile(FileSetLockPath(store_dir), /*create=*/true);
  if (fd < 0) return HeldFileSetLock();
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return HeldFileSetLock();
  }
  return HeldFileSetLock(fd);
}

}  // namespace mskg::graph
