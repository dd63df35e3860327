// graph/rocksdb_status.h
//
// FromRocksDb(): the one place where a rocksdb::Status becomes an
// absl::Status. Every RocksDB call in graph/ passes its status through it.
#ifndef MSKG_GRAPH_ROCKSDB_STATUS_H_
#define MSKG_GRAPH_ROCKSDB_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace rocksdb {
class Status;
}  // namespace rocksdb

namespace mskg::graph {

// Returns `status` as an absl::Status whose message starts with `context`
// (e.g. "store /tmp/db" or "write document d1"). Mapping:
//   ok -> OK; NotFound -> NotFound; Corruption -> DataLoss;
//   InvalidArgument -> InvalidArgument; NotSupported -> Unimplemented;
//   IOError/Busy on the LOCK file -> FailedPrecondition ("... is in use by
//   another mskg process (RocksDB LOCK held); close it or pass another --db");
//   IOError no space -> ResourceExhausted; IOError path not found ->
//   NotFound; other IOError, Busy, TryAgain, ShutdownInProgress ->
//   Unavailable; TimedOut -> DeadlineExceeded; Aborted -> Aborted;
//   anything else -> Internal.
absl::Status FromRocksDb(const rocksdb::Status& status,
                         absl::string_view context);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_ROCKSDB_STATUS_H_
