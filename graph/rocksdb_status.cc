// graph/rocksdb_status.cc
//
// Conversion of rocksdb::Status to absl::Status (see rocksdb_status.h).
#include "graph/rocksdb_status.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rocksdb/status.h"

namespace mskg::graph {
namespace {

// True when RocksDB failed because another DB instance holds the LOCK file
// (another process, or another open in this process).
bool IsLockHeld(const rocksdb::Status& status, absl::string_view message) {
  if (!status.IsIOError() && !status.IsBusy()) return false;
  return absl::StrContains(message, "LOCK") ||
         absl::StrContains(message, "lock hold") ||
         absl::StrContains(message, "Resource temporarily unavailable") ||
         absl::StrContains(message, "No locks available");
}

}  // namespace

absl::Status FromRocksDb(const rocksdb::Status& status,
                         absl::string_view context) {
  if (status.ok()) return absl::OkStatus();
  const std::string rocks = status.ToString();
  const std::string message = absl::StrCat(context, ": ", rocks);
  if (IsLockHeld(status, rocks)) {
    return absl::FailedPreconditionError(absl::StrCat(
        context,
        " is in use by another mskg process (RocksDB LOCK held); close it or "
        "pass another --db [",
        rocks, "]"));
  }
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsInvalidArgument()) return absl::InvalidArgumentError(message);
  if (status.IsNotSupported()) return absl::UnimplementedError(message);
  if (status.IsNoSpace()) return absl::ResourceExhaustedError(message);
  if (status.IsPathNotFound()) return absl::NotFoundError(message);
  if (status.IsIOError() || status.IsBusy() || status.IsTryAgain() ||
      status.IsShutdownInProgress()) {
    return absl::UnavailableError(message);
  }
  if (status.IsTimedOut()) return absl::DeadlineExceededError(message);
  if (status.IsAborted()) return absl::AbortedError(message);
  return absl::InternalError(message);
}

}  // namespace mskg::graph
