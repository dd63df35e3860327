// Tests of LoadBenchDocuments (bench_documents.h): the folder is
// $MSKG_BENCH_DOCS, else $MSKG_SHARED/corpus, else data/sample_corpus (from
// the working directory); only regular .txt, .md and .html files are read
// (not folders or FIFOs so named), whole
// and byte for byte; a missing folder gives no documents. Every folder here
// is one the test writes under TEST_TMPDIR.
#include "bench/bench_documents.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::bench {
namespace {

namespace fs = std::filesystem;

using Docs = std::vector<std::pair<std::string, std::string>>;
using ::testing::ElementsAre;
using ::testing::Pair;

class BenchDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    root_ = fs::path(tmp != nullptr ? tmp : "/tmp") /
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_);
    cwd_ = fs::current_path();
    unsetenv("MSKG_BENCH_DOCS");
    unsetenv("MSKG_SHARED");
  }
  void TearDown() override {
    fs::current_path(cwd_);
    unsetenv("MSKG_BENCH_DOCS");
    unsetenv("MSKG_SHARED");
  }

  // Writes `bytes` to `dir`/`name` under the test's folder.
  void Write(const std::string& dir, const std::string& name,
             const std::string& bytes) {
    fs::create_directories(root_ / dir);
    std::ofstream(root_ / dir / name, std::ios::binary) << bytes;
  }
  std::string Dir(const std::string& dir) const { return root_ / dir; }

  // Returns the documents sorted by name (the folder's order is the file
  // system's).
  static Docs Load() {
    Docs docs = LoadBenchDocuments();
    std::sort(docs.begin(), docs.end());
    return docs;
  }

  fs::path root_;
  fs::path cwd_;
};

TEST_F(BenchDocumentsTest, ReadsTextMarkdownAndHtmlOnly) {
  Write("docs", "a.txt", "The psoas major flexes the hip.\n");
  Write("docs", "b.md", "# Hip\n");
  Write("docs", "c.html", "<p>hip</p>");
  Write("docs", "notes.json", "{}");
  Write("docs", "old.txt.bak", "old");
  Write("docs", "README", "none");
  Write("docs", "upper.TXT", "case counts");
  setenv("MSKG_BENCH_DOCS", Dir("docs").c_str(), 1);
  EXPECT_THAT(
      Load(),
      ElementsAre(Pair("a.txt", "The psoas major flexes the hip.\n"),
                  Pair("b.md", "# Hip\n"), Pair("c.html", "<p>hip</p>")));
}

// Regression: a folder named like a document was read as an empty one, and
// a FIFO so named would have blocked the read. A link to a file counts.
TEST_F(BenchDocumentsTest, ReadsOnlyRegularFiles) {
  Write("docs", "real.txt", "real");
  fs::create_directories(root_ / "docs" / "folder.md");
  Write("docs/folder.md", "inside.txt", "not at the top");
  ASSERT_EQ(mkfifo((root_ / "docs" / "pipe.txt").c_str(), 0600), 0);
  fs::create_symlink(root_ / "docs" / "real.txt", root_ / "docs" / "link.html");
  fs::create_symlink(root_ / "docs" / "folder.md",
                     root_ / "docs" / "dirlink.md");
  fs::create_symlink(root_ / "docs" / "missing",
                     root_ / "docs" / "dangling.txt");
  setenv("MSKG_BENCH_DOCS", Dir("docs").c_str(), 1);
  EXPECT_THAT(Load(),
              ElementsAre(Pair("link.html", "real"), Pair("real.txt", "real")));
}

TEST_F(BenchDocumentsTest, KeepsEveryByte) {
  const std::string bytes("\xEF\xBB\xBFline 1\r\n\0line 2\xFF", 19);
  Write("docs", "bom.txt", bytes);
  Write("docs", "empty.md", "");
  setenv("MSKG_BENCH_DOCS", Dir("docs").c_str(), 1);
  EXPECT_THAT(Load(),
              ElementsAre(Pair("bom.txt", bytes), Pair("empty.md", "")));
}

TEST_F(BenchDocumentsTest, BenchDocsComesBeforeShared) {
  Write("docs", "chosen.txt", "chosen");
  Write("shared/corpus", "shared.txt", "shared");
  setenv("MSKG_BENCH_DOCS", Dir("docs").c_str(), 1);
  setenv("MSKG_SHARED", Dir("shared").c_str(), 1);
  EXPECT_THAT(Load(), ElementsAre(Pair("chosen.txt", "chosen")));
}

TEST_F(BenchDocumentsTest, SharedMeansItsCorpusFolder) {
  Write("shared", "top.txt", "not in corpus/");
  Write("shared/corpus", "shared.txt", "shared");
  setenv("MSKG_SHARED", Dir("shared").c_str(), 1);
  EXPECT_THAT(Load(), ElementsAre(Pair("shared.txt", "shared")));
}

TEST_F(BenchDocumentsTest, DefaultIsTheSampleCorpusOfTheWorkingDirectory) {
  Write("work/data/sample_corpus", "sample.md", "sample");
  fs::current_path(root_ / "work");
  EXPECT_THAT(Load(), ElementsAre(Pair("sample.md", "sample")));
}

TEST_F(BenchDocumentsTest, MissingFolderGivesNoDocuments) {
  setenv("MSKG_BENCH_DOCS", Dir("no/such/folder").c_str(), 1);
  EXPECT_TRUE(LoadBenchDocuments().empty());
  fs::current_path(root_);  // No data/sample_corpus here.
  unsetenv("MSKG_BENCH_DOCS");
  EXPECT_TRUE(LoadBenchDocuments().empty());
}

}  // namespace
}  // namespace mskg::bench
