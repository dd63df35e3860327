// Tests of the benchmark graphs (bench_graphs.h): SharedDir() and its
// fallback, and GraphFile() reusing a generated file, running the generator
// of $MSKG_SHARED/bench with the edge count and seed 42, and returning
// Internal when it fails. The generator here is a stand-in the test writes:
// it records its arguments instead of generating a graph.
#include "bench/bench_graphs.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::bench {
namespace {

namespace fs = std::filesystem;

using ::testing::HasSubstr;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class BenchGraphsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    shared_ = fs::path(tmp != nullptr ? tmp : "/tmp") /
              ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(shared_);
    fs::create_directories(shared_ / "bench");
    setenv("MSKG_SHARED", shared_.c_str(), 1);
    // An edge count no real benchmark uses, so that its /tmp file is ours.
    edges_ = 900000000 + static_cast<int>(getpid() % 1000000) * 10 +
             ::testing::UnitTest::GetInstance()->random_seed() % 10;
    path_ = absl::StrCat("/tmp/mskg_bench_g", edges_, ".tsv");
    fs::remove(path_);
    fs::remove(path_ + ".part");
  }
  void TearDown() override {
    fs::remove(path_);
    fs::remove(path_ + ".part");
    unsetenv("MSKG_SHARED");
  }

  // Writes the stand-in generator: Python that runs `body` with `args`
  // bound to its arguments.
  void WriteGenerator(const std::string& body) {
    std::ofstream(shared_ / "bench" / "gen_graph.py")
        << "import sys\nargs = sys.argv[1:]\n"
        << body;
  }

  fs::path shared_;
  int edges_ = 0;
  std::string path_;
};

TEST_F(BenchGraphsTest, SharedDirFromTheEnvironmentElseWorkShared) {
  EXPECT_EQ(SharedDir(), shared_.string());
  setenv("MSKG_SHARED", "", 1);
  EXPECT_EQ(SharedDir(), "/work/shared");
  unsetenv("MSKG_SHARED");
  EXPECT_EQ(SharedDir(), "/work/shared");
}

TEST_F(BenchGraphsTest, GeneratesWithTheEdgeCountAndSeed) {
  WriteGenerator(
      "out = args[args.index('-o') + 1]\n"
      "open(out, 'w').write(' '.join(args))\n");
  absl::StatusOr<std::string> path = GraphFile(edges_);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, path_);
  // Written as .part and renamed.
  EXPECT_EQ(Read(*path),
            absl::StrCat(edges_, " --seed 42 -o ", path_, ".part"));
  EXPECT_FALSE(fs::exists(path_ + ".part"));
}

TEST_F(BenchGraphsTest, ReusesAGeneratedFile) {
  WriteGenerator("sys.exit(1)\n");  // Would fail if it ran.
  std::ofstream(path_) << "from an earlier run";
  absl::StatusOr<std::string> path = GraphFile(edges_);
  ASSERT_TRUE(path.ok()) << path.status();
  EXPECT_EQ(*path, path_);
  EXPECT_EQ(Read(path_), "from an earlier run");
}

TEST_F(BenchGraphsTest, FailingGeneratorIsInternal) {
  WriteGenerator("sys.exit(3)\n");
  absl::StatusOr<std::string> path = GraphFile(edges_);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(
      path.status().message(),
      HasSubstr(absl::StrCat("failed: python3 '", shared_.string(),
                             "/bench/gen_graph.py' ", edges_, " --seed 42")));
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(BenchGraphsTest, MissingGeneratorIsInternal) {
  absl::StatusOr<std::string> path = GraphFile(edges_);
  EXPECT_EQ(path.status().code(), absl::StatusCode::kInternal);
  EXPECT_FALSE(fs::exists(path_));
}

// Regression: a generator that exited 0 without writing its output made
// the rename throw std::filesystem::filesystem_error, which ended the
// benchmark with std::terminate instead of a Status.
TEST_F(BenchGraphsTest, GeneratorWritingNothingIsInternal) {
  WriteGenerator("sys.exit(0)\n");
  absl::StatusOr<std::string> path = GraphFile(edges_);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(path.status().message(), HasSubstr(path_));
  EXPECT_FALSE(fs::exists(path_));
}

}  // namespace
}  // namespace mskg::bench
