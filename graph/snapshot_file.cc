// graph/snapshot_file.cc
//
// Mapping and writing the view snapshot file (snapshot_file.h), with POSIX
// calls: mmap for reading (pages are read as queries touch them), write +
// fsync + rename for writing.
#include "graph/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

constexpr char kTemporaryInfix[] = ".tmp-";

// A read-only shared mapping of a whole file.
class MappedBytes : public SnapshotBytes {
 public:
  MappedBytes(void* data, size_t size) : data_(data), size_(size) {}
  ~MappedBytes() override { ::munmap(data_, size_); }
  const char* data() const override { return static_cast<const char*>(data_); }
  size_t size() const override { return size_; }
  bool mapped() const override { return true; }

 private:
  void* data_;
  size_t size_;
};

// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::InternalError(
      absl::StrCat("cannot ", what, " ", path, ": ", std::strerror(errno)));
}

absl::Status WriteAll(int fd, absl::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Errno("write", path);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

std::string StaleAdvice(const std::string& path) {
  return absl::StrCat(
      "; the view is rebuilt from the store (any writable open, e.g. "
      "`mskg import` or `mskg ingest`, rewrites ",
      path, ")");
}

}  // namespace

absl::StatusOr<std::shared_ptr<const GraphView>> MapSnapshotFile(
    const std::string& path, const snapshot::StoreStamp& expected) {
  Fd file;
  file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.fd < 0) {
    if (errno == ENOENT) {
      return absl::NotFoundError(absl::StrCat("no view snapshot at ", path));
    }
    return Errno("open view snapshot", path);
  }
  struct stat st;
  if (::fstat(file.fd, &st) != 0) return Errno("stat view snapshot", path);
  const size_t size = static_cast<size_t>(st.st_size);
  // The header alone first: a stale file is refused without mapping it.
  snapshot::Header header;
  if (size < sizeof(header) ||
      ::pread(file.fd, &header, sizeof(header), 0) !=
          static_cast<ssize_t>(sizeof(header))) {
    return absl::DataLossError(absl::StrCat("view snapshot ", path,
                                            " is truncated", StaleAdvice(path)));
  }
  if (std::memcmp(header.magic, snapshot::kMagic, sizeof(header.magic)) == 0 &&
      header.checksum == snapshot::HeaderChecksum(header) &&
      header.format_version == snapshot::kFormatVersion &&
      !(header.stamp == expected)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "view snapshot ", path, " is stale (store sequence ",
        header.stamp.sequence, ", the store is at ", expected.sequence,
        ", or another store or inference setting)", StaleAdvice(path)));
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, file.fd, 0);
  if (data == MAP_FAILED) return Errno("map view snapshot", path);
  absl::StatusOr<std::shared_ptr<const GraphView>> view =
      GraphView::FromBytes(std::make_unique<MappedBytes>(data, size));
  if (!view.ok()) {
    return absl::Status(view.status().code(),
                        absl::StrCat(path, ": ", view.status().message(),
                                     StaleAdvice(path)));
  }
  return view;
}

absl::Status WriteSnapshotFile(const std::string& path, const GraphView& view) {
  const std::string temporary =
      absl::StrCat(path, kTemporaryInfix, ::getpid());
  absl::Status written = [&]() -> absl::Status {
    Fd file;
    file.fd = ::open(temporary.c_str(),
                     O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (file.fd < 0) return Errno("create", temporary);
    MSKG_RETURN_IF_ERROR(WriteAll(file.fd, view.bytes(), temporary));
    if (::fsync(file.fd) != 0) return Errno("sync", temporary);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      return Errno("rename into place", temporary);
    }
    return absl::OkStatus();
  }();
  if (!written.ok()) {
    ::unlink(temporary.c_str());
    return written;
  }
  // The rename is durable once the folder is synced.
  const std::string folder = fs::path(path).parent_path().string();
  Fd dir;
  dir.fd = ::open(folder.empty() ? "." : folder.c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir.fd < 0) return Errno("open folder", folder);
  if (::fsync(dir.fd) != 0) return Errno("sync folder", folder);
  return absl::OkStatus();
}

void RemoveSnapshotTemporaries(const std::string& path) {
  const fs::path target(path);
  const std::string prefix =
      absl::StrCat(target.filename().string(), kTemporaryInfix);
  std::error_code error;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(target.parent_path(), error)) {
    if (absl::StartsWith(entry.path().filename().string(), prefix)) {
      fs::remove(entry.path(), error);
    }
  }
}

}  // namespace mskg::graph
