#include "cli/output_file.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"

namespace mskg::cli {

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Create(
    const std::string& path) {
  std::unique_ptr<OutputFile> file(new OutputFile(
      path, absl::StrCat(path, ".tmp.", static_cast<long>(getpid()))));
  if (!file->stream_) {
    return absl::PermissionDeniedError(
        absl::StrCat(path, ": cannot open for writing"));
  }
  return file;
}

OutputFile::OutputFile(std::string path, std::string temporary)
    : path_(std::move(path)),
      temporary_(std::move(temporary)),
      stream_(temporary_, std::ios::binary | std::ios::trunc) {}

OutputFile::~OutputFile() {
  if (!committed_) {
    stream_.close();
    std::remove(temporary_.c_str());
  }
}

absl::Status OutputFile::Commit() {
  stream_.flush();
  stream_.close();
  if (stream_.fail()) {
    return absl::InternalError(
        absl::StrCat(path_, ": writing failed (disk full?); left unchanged"));
  }
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return absl::PermissionDeniedError(
        absl::StrCat(path_, ": cannot replace the file"));
  }
  committed_ = true;
  return absl::OkStatus();
}

}  // namespace mskg::cli
