#include "bench/bench_graphs.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace mskg::bench {

namespace fs = std::filesystem;

std::string SharedDir() {
  const char* shared = std::getenv("MSKG_SHARED");
  return shared != nullptr && *shared != '\0' ? shared : "/work/shared";
}

absl::StatusOr<std::string> GraphFile(int edges) {
  const std::string path = absl::StrCat("/tmp/mskg_bench_g", edges, ".tsv");
  if (fs::exists(path)) return path;
  // Written aside and renamed, so an interrupted run leaves no short file.
  const std::string part = path + ".part";
  const std::string command =
      absl::StrCat("python3 '", SharedDir(), "/bench/gen_graph.py' ", edges,
                   " --seed 42 -o '", part, "'");
  std::fprintf(stderr, "bench: %s\n", command.c_str());
  if (std::system(command.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("failed: ", command));
  }
  // The overload without an error_code throws; our code never does.
  std::error_code error;
  fs::rename(part, path, error);
  if (error) {
    return absl::InternalError(absl::StrCat(
        "the generator wrote no ", part, " for ", path, ": ", error.message()));
  }
  return path;
}

}  // namespace mskg::bench
