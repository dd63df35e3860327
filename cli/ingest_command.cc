// cli/ingest_command.cc: `mskg ingest PATH...`.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "graph/graph_store.h"
#include "ingest/ingest_files.h"
#include "ingest/ingester.h"

namespace mskg::cli {
namespace {

namespace fs = std::filesystem;

bool IsDocumentExtension(const fs::path& path) {
  const std::string ext = absl::AsciiStrToLower(path.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".markdown" ||
         ext == ".html" || ext == ".htm";
}

// Returns what is at `status` when it is not a regular file ("a FIFO").
const char* Kind(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::not_found: return "a broken symbolic link";
    default: return "not a regular file";
  }
}

// Appends the documents under folder `root` to `found`, following
// symbolic links but walking each folder (by device and inode) once, so
// that a link to a folder above ends instead of looping; skips, with a
// note on stderr naming them, documents that are not regular files (a FIFO
// named notes.txt would block the reader forever) and folders reached
// again. An explicit stack: trees may be deeper than the call stack.
absl::Status WalkFolder(const std::string& root, std::vector<std::string>* found) {
  std::set<std::pair<dev_t, ino_t>> walked;
  std::vector<fs::path> pending = {fs::path(root)};
  while (!pending.empty()) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    struct stat st;
    if (stat(folder.c_str(), &st) != 0) continue;
    if (!walked.insert({st.st_dev, st.st_ino}).second) {
      std::cerr << "mskg: note: " << folder.string()
                << ": skipped: a folder already read (a symbolic link loop or "
                   "a second link to it)\n";
      continue;
    }
    std::error_code error;
    std::vector<fs::path> subfolders;
    for (fs::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
      std::error_code ignored;
      const fs::file_status status = it->status(ignored);  // Follows links.
      if (fs::is_directory(status)) {
        subfolders.push_back(it->path());
      } else if (IsDocumentExtension(it->path())) {
        if (fs::is_regular_file(status)) {
          found->push_back(it->path().string());
        } else {
          std::cerr << "mskg: note: " << it->path().string() << ": skipped: "
                    << Kind(status) << ", not a regular file\n";
        }
      }
    }
    if (error) {
      return absl::PermissionDeniedError(
          absl::StrCat(folder.string(), ": cannot list folder: ", error.message()));
    }
    // Reversed, so that the stack pops them in name order.
    std::sort(subfolders.rbegin(), subfolders.rend());
    for (fs::path& sub : subfolders) pending.push_back(std::move(sub));
  }
  return absl::OkStatus();
}

// Expands folders (recursively, documents only, sorted; see WalkFolder) and
// keeps files as given (the ingester refuses those that are not regular
// files). NotFound for a path that does not exist.
absl::StatusOr<std::vector<std::string>> CollectFiles(
    const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return absl::NotFoundError(
          absl::StrCat(path, ": no such file or folder"));
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    if (absl::Status walk = WalkFolder(path, &found); !walk.ok()) return walk;
    if (found.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path,
          ": no .txt, .md or .html files in this folder; pass a file "
          "or another folder"));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// The document id of `path`: its absolute, normalized form, so that the same
// file named two ways ("./a.txt", "/home/me/a.txt") is one document and
// ingesting it again changes nothing.
std::string DocumentId(const std::string& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path), error);
  return error ? path : canonical.string();
}

uint64_t FileSize(const std::string& path) {
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  return error ? 0 : size;
}

}  // namespace

int RunIngest(const CliArgs& args) {
  if (args.positional.empty()) {
    return ReportError(absl::InvalidArgumentError(
        "ingest needs at least one file or folder, e.g. "
        "'mskg ingest data/sample_corpus'"));
  }
  absl::StatusOr<std::vector<std::string>> files =
      CollectFiles(args.positional);
  if (!files.ok()) return ReportError(files.status());

  ingest::IngesterOptions ingester_options;
  ingester_options.lexicon_dir = args.Get("lexicon", "");
  if (args.Has("max-document-mb")) {
    int64_t mb = 0;
    if (!absl::SimpleAtoi(args.Get("max-document-mb", ""), &mb) || mb < 1 ||
        mb > (int64_t{1} << 20)) {
      return ReportError(absl::InvalidArgumentError(absl::StrCat(
          "--max-document-mb: expected a positive number of megabytes, got '",
          args.Get("max-document-mb", ""), "'")));
    }
    ingester_options.max_document_bytes = static_cast<size_t>(mb) << 20;
  }
  absl::StatusOr<std::unique_ptr<ingest::Ingester>> ingester =
      ingest::Ingester::Create(ingester_options);
  if (!ingester.ok()) return ReportError(ingester.status());

  std::error_code ignored;
  fs::create_directories(fs::path(args.db).parent_path(), ignored);
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(args.db);
  if (!store.ok()) return ReportError(store.status());

  int64_t nodes_added = 0;
  int64_t edges_added = 0;
  if (!args.Has("no-reference")) {
    absl::StatusOr<graph::DocumentWriteResult> reference =
        (*store)->PutDocument((*ingester)->ReferenceClaims());
    if (!reference.ok()) return ReportError(reference.status());
    nodes_added += reference->nodes_added;
    edges_added += reference->edges_added;
  }

  const bool show_progress = isatty(STDERR_FILENO) && !args.Has("quiet");
  std::vector<std::string> ids;
  ids.reserve(files->size());
  uint64_t total_bytes = 0;
  for (const std::string& file : *files) {
    ids.push_back(DocumentId(file));
    total_bytes += FileSize(file);
  }
  ingest::IngestFilesOptions ingest_options;
  if (args.Has("threads")) {
    if (!absl::SimpleAtoi(args.Get("threads", ""), &ingest_options.threads) ||
        ingest_options.threads < 1) {
      return ReportError(absl::InvalidArgumentError(absl::StrCat(
          "--threads: expected a positive number, got '",
          args.Get("threads", ""), "'")));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  uint64_t done_bytes = 0;
  int documents = 0, unchanged = 0, failed = 0;
  int exit_code = 0;  // The worst exit code of the failed documents.
  // Documents are extracted on worker threads and written here, in order.
  ingest::IngestFiles(
      **ingester, ids, store->get(), ingest_options,
      [&](const ingest::FileOutcome& outcome) {
        const std::string& file = (*files)[outcome.index];
        if (show_progress && !outcome.notices.empty()) std::cerr << "\r\033[K";
        for (const std::string& notice : outcome.notices) {
          std::cerr << "mskg: note: " << notice << "\n";
        }
        done_bytes += FileSize(file);
        if (!outcome.result.ok()) {
          if (show_progress) std::cerr << "\r\033[K";
          const int code = ReportError(outcome.result.status());
          if (exit_code == 0 || code == 1) exit_code = code;
          ++failed;
        } else {
          ++documents;
          if (outcome.result->unchanged) ++unchanged;
          nodes_added += outcome.result->nodes_added;
          edges_added += outcome.result->edges_added;
        }
        if (show_progress) {
          const double seconds = std::chrono::duration<double>(
                                     std::chrono::steady_clock::now() - start)
                                     .count();
          std::cerr << absl::StrFormat(
              "\r\033[K[%zu/%zu files] %.1f/%.1f MB  %.1f MB/s",
              outcome.index + 1, files->size(), done_bytes / 1e6,
              total_bytes / 1e6,
              seconds > 0 ? done_bytes / 1e6 / seconds : 0.0);
          std::cerr.flush();
        }
      });
  if (show_progress) std::cerr << "\r\033[K";
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::cout << absl::StrFormat(
      "ingested %d documents (%d unchanged, %d failed) into %s: +%d nodes, "
      "+%d edges, %.3f MB in %.2f s\n",
      documents, unchanged, failed, args.db, nodes_added, edges_added,
      done_bytes / 1e6, seconds);
  absl::Status snapshot = WriteViewSnapshot(**store);
  if (!snapshot.ok()) {
    const int code = ReportError(snapshot);
    if (exit_code == 0) exit_code = code;
  }
  return exit_code;
}

}  // namespace mskg::cli
