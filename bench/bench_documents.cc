// bench/bench_documents.cc: reads the benchmarks' documents from one folder.
#include "bench/bench_documents.h"

#include <dirent.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"

namespace mskg::bench {

std::vector<std::pair<std::string, std::string>> LoadBenchDocuments() {
  std::string dir = "data/sample_corpus";
  if (const char* docs = std::getenv("MSKG_BENCH_DOCS")) {
    dir = docs;
  } else if (const char* shared = std::getenv("MSKG_SHARED")) {
    dir = std::string(shared) + "/corpus";
  }
  std::vector<std::pair<std::string, std::string>> docs;
  if (DIR* d = opendir(dir.c_str())) {
    while (struct dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (!absl::EndsWith(name, ".txt") && !absl::EndsWith(name, ".md") &&
          !absl::EndsWith(name, ".html")) {
        continue;
      }
      const std::string path = dir + "/" + name;
      // Only regular files (or links to them): a folder named x.md reads as
      // an empty document, and a FIFO would block the benchmark forever.
      struct stat st;
      if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      docs.emplace_back(name, ss.str());
    }
    closedir(d);
  }
  return docs;
}

}  // namespace mskg::bench
