// interop/graphviz_render.cc: runs Graphviz `dot` on DOT text.
#include "interop/graphviz_render.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

extern char** environ;

namespace mskg::interop {
namespace {

// A temporary file removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = absl::StrCat(dir != nullptr && *dir != '\0' ? dir : "/tmp",
                         "/mskg_render_XXXXXX");
    fd_ = mkstemp(path_.data());
  }
  ~TempFile() {
    if (fd_ >= 0) {
      close(fd_);
      unlink(path_.c_str());
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

absl::StatusOr<std::string> RenderFormatForPath(absl::string_view path) {
  const std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".svg")) return std::string("svg");
  if (absl::EndsWith(lower, ".png")) return std::string("png");
  return absl::InvalidArgumentError(absl::StrCat(
      "cannot tell the picture format of '", path,
      "': the output file must end in .svg or .png"));
}

absl::StatusOr<RenderResult> RenderDot(absl::string_view dot_text,
                                       absl::string_view format,
                                       const std::string& output_path,
                                       const std::string& dot_program,
                                       absl::Duration timeout) {
  if (format != "svg" && format != "png") {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown picture format '", format, "'; use svg or png"));
  }
  TempFile input;
  TempFile errors;
  if (!input.ok() || !errors.ok()) {
    return absl::InternalError(absl::StrCat(
        "cannot create a temporary file: ", std::strerror(errno)));
  }
  {
    std::ofstream out(input.path(), std::ios::binary | std::ios::trunc);
    out.write(dot_text.data(), dot_text.size());
    out.close();
    if (!out) return absl::InternalError("cannot write the DOT file");
  }
  const std::string type_flag = absl::StrCat("-T", format);
  std::vector<std::string> args = {dot_program, type_flag, "-o", output_path,
                                   input.path()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null",
                                   O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO,
                                   errors.path().c_str(), O_WRONLY | O_TRUNC,
                                   0);
  pid_t pid;
  const int spawn_error = posix_spawnp(&pid, argv[0], &actions, nullptr,
                                       argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot run '", dot_program, "': ", std::strerror(spawn_error),
        "; install Graphviz (apt-get install graphviz)"));
  }
  int wait_status = 0;
  const absl::Time deadline = absl::Now() + timeout;
  absl::Duration pause = absl::Milliseconds(1);
  while (true) {
    const pid_t done = waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      return absl::InternalError(
          absl::StrCat("waiting for dot: ", std::strerror(errno)));
    }
    if (absl::Now() >= deadline) {
      kill(pid, SIGKILL);
      while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
      }
      unlink(output_path.c_str());
      return absl::DeadlineExceededError(absl::StrCat(
          "Graphviz's layout took longer than ", absl::FormatDuration(timeout),
          " and was stopped; draw less (a narrower query, fewer "
          "--neighbours, a lower --max-nodes) or allow more time with "
          "--layout-timeout SECONDS"));
    }
    // Polls: most layouts take milliseconds, the deadline is seconds.
    absl::SleepFor(pause);
    pause = std::min(pause * 2, absl::Milliseconds(20));
  }
  RenderResult result;
  result.warnings = ReadFile(errors.path());
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 127) {
      return absl::FailedPreconditionError(absl::StrCat(
          "cannot run '", dot_program,
          "'; install Graphviz (apt-get install graphviz)"));
    }
    return absl::InternalError(
        absl::StrCat("dot failed: ", result.warnings));
  }
  return result;
}

}  // namespace mskg::interop
