// graph/run_file.cc: sorted runs in a temporary file (POSIX I/O).
#include "graph/run_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace mskg::graph {

absl::StatusOr<std::unique_ptr<RunFile>> RunFile::Create(std::string path) {
  const int fd =
      ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return absl::InternalError(absl::StrCat("cannot create temporary file ",
                                            path, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<RunFile>(new RunFile(std::move(path), fd));
}

RunFile::~RunFile() {
  ::close(fd_);
  ::unlink(path_.c_str());
}

absl::Status RunFile::Append(const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(absl::StrCat(
          "cannot write temporary file ", path_, ": ", std::strerror(errno),
          "; is the store's file system full?"));
    }
    p += n;
    size -= static_cast<size_t>(n);
    end_ += static_cast<uint64_t>(n);
  }
  return absl::OkStatus();
}

void RunFile::EndRun() {
  if (end_ > run_begin_) runs_.push_back(Run{run_begin_, end_ - run_begin_});
  run_begin_ = end_;
}

absl::Status RunFile::Read(uint64_t offset, void* out, size_t size) const {
  char* p = static_cast<char*>(out);
  while (size > 0) {
    const ssize_t n = ::pread(fd_, p, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return absl::InternalError(absl::StrCat(
          "cannot read temporary file ", path_, ": ",
          n < 0 ? std::strerror(errno) : "unexpected end of file"));
    }
    p += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return absl::OkStatus();
}

}  // namespace mskg::graph
