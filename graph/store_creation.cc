// graph/store_creation.cc: build a store beside its path, rename it in.
#include "graph/store_creation.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace mskg::graph {
namespace {

namespace fs = std::filesystem;

fs::path Parent(const fs::path& path) {
  fs::path parent = path.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// Makes a rename or a removal in `dir` durable: rename(2) is atomic but only
// durable once the directory holding the entry is synced.
absl::Status SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return absl::InternalError(absl::StrCat("cannot open folder ", dir.string(),
                                            " to sync it: ", strerror(errno)));
  }
  const int synced = ::fsync(fd);
  const int saved_errno = errno;
  ::close(fd);
  if (synced != 0) {
    return absl::InternalError(absl::StrCat("cannot sync folder ", dir.string(),
                                            ": ", strerror(saved_errno)));
  }
  return absl::OkStatus();
}

// True if the process that made a temporary directory called
// "<prefix><pid>-<n>" is gone, so that its half-built store may go too.
bool CreatorIsGone(absl::string_view suffix) {
  const size_t dash = suffix.find('-');
  int pid = 0;
  if (dash == absl::string_view::npos ||
      !absl::SimpleAtoi(suffix.substr(0, dash), &pid) || pid <= 0) {
    return false;  // Not ours: leave it alone.
  }
  if (pid == ::getpid()) return false;  // Another thread of ours, maybe.
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Removes half-built stores left beside `path` by killed creators.
void RemoveStaleCreations(const fs::path& path) {
  const std::string prefix = CreationPrefix(path.string());
  std::error_code ec;
  for (fs::directory_iterator it(Parent(path), ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!absl::StartsWith(name, prefix)) continue;
    if (!CreatorIsGone(absl::string_view(name).substr(prefix.size()))) continue;
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
  }
}

bool IsEmptyDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_empty(path, ec) && !ec;
}

}  // namespace

std::string CreationPrefix(absl::string_view path) {
  fs::path p{std::string(path)};
  if (!p.has_filename()) p = p.parent_path();  // "store/" names "store".
  return absl::StrCat(".", p.filename().string(), ".creating-");
}

absl::Status CreateStoreAtomically(
    absl::string_view path,
    const std::function<absl::Status(const std::string& temp_dir)>& build) {
  fs::path target{std::string(path)};
  if (!target.has_filename()) target = target.parent_path();
  const fs::path parent = Parent(target);
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    return absl::InternalError(absl::StrCat(
        "cannot create folder ", parent.string(), ": ", ec.message()));
  }
  RemoveStaleCreations(target);

  static std::atomic<int> counter{0};
  const fs::path temp =
      parent / absl::StrCat(CreationPrefix(target.string()), ::getpid(), "-",
                            counter.fetch_add(1));
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec)) {
    return absl::InternalError(absl::StrCat("cannot create folder ",
                                            temp.string(), ": ", ec.message()));
  }
  auto discard = [&temp] {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
  };
  absl::Status built = build(temp.string());
  if (!built.ok()) {
    discard();
    return built;
  }
  // rename(2) replaces an empty directory atomically and fails on a
  // non-empty one: then another creator won, and its store stands.
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved_errno = errno;
    discard();
    if ((saved_errno == ENOTEMPTY || saved_errno == EEXIST) &&
        !IsEmptyDirectory(target)) {
      return absl::OkStatus();
    }
    return absl::InternalError(absl::StrCat("cannot move the new store to ",
                                            target.string(), ": ",
                                            strerror(saved_errno)));
  }
  return SyncDirectory(parent);
}

}  // namespace mskg::graph
