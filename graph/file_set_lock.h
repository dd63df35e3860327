// graph/file_set_lock.h
//
// Who may change a store's set of files while a read-only open reads it.
//
// DB::OpenForReadOnly() reads the MANIFEST, then opens the table files it
// names and replays the write-ahead logs it finds. A writer in another
// process (or thread) that ingests table files, flushes a batch written
// without the log, or deletes obsolete files in between leaves that open
// with the tables of before and the logs of after: a document's supports
// without its nodes, or a deleted file. So the writer keeps file deletions
// disabled and changes the file set only while it holds this lock
// exclusively; read-only opens hold it shared for the length of the open
// (not of the queries after it: an open store has every table open). The
// lock is flock(2) on "<store>/FILES.lock", released by the kernel when a
// process dies, so a killed process never leaves a store locked.
#ifndef MSKG_GRAPH_FILE_SET_LOCK_H_
#define MSKG_GRAPH_FILE_SET_LOCK_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace mskg::graph {

// The lock file of the store at `store_dir`.
std::string FileSetLockPath(absl::string_view store_dir);

// A held lock; releases it when destroyed. Movable, not copyable.
class HeldFileSetLock {
 public:
  HeldFileSetLock() = default;
  HeldFileSetLock(HeldFileSetLock&& other) noexcept;
  HeldFileSetLock& operator=(HeldFileSetLock&& other) noexcept;
  ~HeldFileSetLock();

  bool held() const { return fd_ >= 0; }

 private:
  friend class FileSetLock;
  explicit HeldFileSetLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

class FileSetLock {
 public:
  enum class Mode { kShared, kExclusive };

  // Waits up to `timeout` for the lock of `store_dir` in `mode`, creating
  // the lock file if `create`. NotFound if the file is absent and !create
  // (a store made before the lock existed); DeadlineExceeded, naming the
  // store and what to do, if others held it throughout.
  static absl::StatusOr<HeldFileSetLock> Acquire(absl::string_view store_dir,
                                                 Mode mode,
                                                 absl::Duration timeout,
                                                 bool create);

  // Takes the lock exclusively only if nobody holds it now; an unheld lock
  // (held() false) otherwise, or if the file cannot be opened.
  static HeldFileSetLock TryExclusive(absl::string_view store_dir);
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_FILE_SET_LOCK_H_
