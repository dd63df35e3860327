// cli/output_file.h
//
// OutputFile: a file written in full or not at all. Writes go to a temporary
// file beside the target, which replaces the target only on Commit(); a
// command that fails half-way leaves whatever was at the target untouched.
#ifndef MSKG_CLI_OUTPUT_FILE_H_
#define MSKG_CLI_OUTPUT_FILE_H_

#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace mskg::cli {

class OutputFile {
 public:
  // Creates the temporary file for `path`. PermissionDenied if the folder
  // cannot be written.
  static absl::StatusOr<std::unique_ptr<OutputFile>> Create(
      const std::string& path);

  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Removes the temporary file unless Commit() succeeded.
  ~OutputFile();

  std::ostream* stream() { return &stream_; }

  // Flushes and renames the temporary file over the target. Internal if
  // writing failed (e.g. disk full); the target is then unchanged.
  absl::Status Commit();

 private:
  OutputFile(std::string path, std::string temporary);

  const std::string path_;
  const std::string temporary_;
  std::ofstream stream_;
  bool committed_ = false;
};

}  // namespace mskg::cli

#endif  // MSKG_CLI_OUTPUT_FILE_H_
