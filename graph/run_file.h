// graph/run_file.h
//
// External sorting for the triples import (sst_triples_loader.h): sorted
// runs of fixed-size records are appended to a temporary file (RunFile) and
// read back in order by RunMerger, a k-way merge that holds a bounded
// buffer per run. This is how an import larger than memory groups its
// claims by edge and by document: each chunk sorts its own claims into a
// run, and the merge sees every run at once.
//
// Records are trivially copyable structs written as their bytes: the files
// live only for one import, on one machine.
//
// Thread-safety: a RunFile is written by one thread; once written, several
// RunMergers may read it concurrently (pread). A RunMerger is used by one
// thread.
//
// Private to //graph.
#ifndef MSKG_GRAPH_RUN_FILE_H_
#define MSKG_GRAPH_RUN_FILE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "util/status_macros.h"

namespace mskg::graph {

class RunFile {
 public:
  struct Run {
    uint64_t offset = 0;
    uint64_t size = 0;  // Bytes.
  };

  // Creates (or truncates) the file at `path`. Internal if it cannot.
  static absl::StatusOr<std::unique_ptr<RunFile>> Create(std::string path);
  // Closes and removes the file.
  ~RunFile();
  RunFile(const RunFile&) = delete;
  RunFile& operator=(const RunFile&) = delete;

  // Appends `size` bytes to the run being written. Internal on a write
  // error (the file system full, say).
  absl::Status Append(const void* data, size_t size);
  // Ends the run being written; an empty one is dropped.
  void EndRun();

  // Appends `records` (sorted) as one run.
  template <typename Record>
  absl::Status AppendRun(const std::vector<Record>& records) {
    static_assert(std::is_trivially_copyable_v<Record>);
    MSKG_RETURN_IF_ERROR(
        Append(records.data(), records.size() * sizeof(Record)));
    EndRun();
    return absl::OkStatus();
  }

  // Reads `size` bytes at `offset`. Internal on a read error.
  absl::Status Read(uint64_t offset, void* out, size_t size) const;

  const std::vector<Run>& runs() const { return runs_; }
  const std::string& path() const { return path_; }

 private:
  RunFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}

  std::string path_;
  int fd_;
  uint64_t end_ = 0;        // Bytes written.
  uint64_t run_begin_ = 0;  // Where the run being written starts.
  std::vector<Run> runs_;
};

// Merges every run of some RunFiles in the order of `Less` (each run must
// be sorted by it), reading each run through a buffer of about
// `buffer_bytes` / (number of runs) bytes, at least kMinRunBuffer.
template <typename Record, typename Less>
class RunMerger {
 public:
  static constexpr size_t kMinRunBuffer = size_t{16} << 10;

  // The files must outlive the merger and not change while it reads.
  RunMerger(std::vector<const RunFile*> files, size_t buffer_bytes, Less less)
      : less_(std::move(less)) {
    static_assert(std::is_trivially_copyable_v<Record>);
    size_t num_runs = 0;
    for (const RunFile* file : files) num_runs += file->runs().size();
    const size_t per_run =
        std::max(kMinRunBuffer, buffer_bytes / std::max<size_t>(num_runs, 1));
    capacity_ = std::max<size_t>(1, per_run / sizeof(Record));
    for (const RunFile* file : files) {
      for (const RunFile::Run& run : file->runs()) {
        cursors_.push_back(Cursor{file, run.offset, run.offset + run.size});
      }
    }
  }

  // Reads the first block of every run. Call once, before anything else.
  absl::Status Start() {
    for (uint32_t c = 0; c < cursors_.size(); ++c) {
      MSKG_RETURN_IF_ERROR(Refill(&cursors_[c]));
      if (cursors_[c].count > 0) heap_.push_back(c);
    }
    for (size_t i = heap_.size() / 2; i-- > 0;) SiftDown(i);
    return absl::OkStatus();
  }

  bool Done() const { return heap_.empty(); }
  // REQUIRES: !Done().
  const Record& Top() const { return Head(heap_[0]); }
  // Moves past Top(). REQUIRES: !Done().
  absl::Status Next() {
    Cursor& cursor = cursors_[heap_[0]];
    if (++cursor.pos == cursor.count) {
      MSKG_RETURN_IF_ERROR(Refill(&cursor));
      if (cursor.count == 0) {
        heap_[0] = heap_.back();
        heap_.pop_back();
        if (heap_.empty()) return absl::OkStatus();
      }
    }
    SiftDown(0);
    return absl::OkStatus();
  }

 private:
  struct Cursor {
    const RunFile* file;
    uint64_t next;  // Offset of the first record not yet read.
    uint64_t end;
    std::vector<Record> buffer;
    size_t pos = 0;
    size_t count = 0;
  };

  const Record& Head(uint32_t c) const {
    return cursors_[c].buffer[cursors_[c].pos];
  }

  absl::Status Refill(Cursor* cursor) {
    const size_t n = std::min<uint64_t>(
        capacity_, (cursor->end - cursor->next) / sizeof(Record));
    cursor->pos = 0;
    cursor->count = n;
    if (n == 0) {
      cursor->buffer = std::vector<Record>();
      return absl::OkStatus();
    }
    cursor->buffer.resize(n);
    MSKG_RETURN_IF_ERROR(cursor->file->Read(cursor->next, cursor->buffer.data(),
                                            n * sizeof(Record)));
    cursor->next += n * sizeof(Record);
    return absl::OkStatus();
  }

  void SiftDown(size_t i) {
    const uint32_t moving = heap_[i];
    const size_t n = heap_.size();
    while (true) {
      size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && less_(Head(heap_[child + 1]), Head(heap_[child]))) {
        ++child;
      }
      if (!less_(Head(heap_[child]), Head(moving))) break;
      heap_[i] = heap_[child];
      i = child;
    }
    heap_[i] = moving;
  }

  Less less_;
  size_t capacity_ = 1;  // Records per buffer.
  std::vector<Cursor> cursors_;
  std::vector<uint32_t> heap_;  // Cursor indices, a min-heap by head.
};

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_RUN_FILE_H_
