// graph/run_file_test.cc: sorted runs on disk merged back in order.
#include "graph/run_file.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

struct Record {
  uint64_t key;
  uint32_t run;
};

struct RecordLess {
  bool operator()(const Record& a, const Record& b) const {
    return a.key < b.key;
  }
};

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::vector<Record> MergeAll(std::vector<const RunFile*> files,
                             size_t buffer_bytes) {
  RunMerger<Record, RecordLess> merger(std::move(files), buffer_bytes,
                                       RecordLess());
  EXPECT_TRUE(merger.Start().ok());
  std::vector<Record> out;
  while (!merger.Done()) {
    out.push_back(merger.Top());
    EXPECT_TRUE(merger.Next().ok());
  }
  return out;
}

TEST(RunFileTest, MergesRunsOfSeveralFilesInOrder) {
  absl::StatusOr<std::unique_ptr<RunFile>> a = RunFile::Create(TempPath("a"));
  absl::StatusOr<std::unique_ptr<RunFile>> b = RunFile::Create(TempPath("b"));
  ASSERT_TRUE(a.ok() && b.ok());
  std::mt19937_64 random(7);
  std::vector<uint64_t> all;
  for (uint32_t run = 0; run < 9; ++run) {
    // Runs of very different sizes, some empty (dropped).
    std::vector<Record> records(run == 4 ? 0 : 1 + (run * 997) % 5000);
    for (Record& r : records) r = Record{random() % 100000, run};
    std::sort(records.begin(), records.end(), RecordLess());
    for (const Record& r : records) all.push_back(r.key);
    RunFile* file = run % 2 == 0 ? a->get() : b->get();
    // Written in two appends, as a run that grows.
    const size_t half = records.size() / 2;
    ASSERT_TRUE(file->Append(records.data(), half * sizeof(Record)).ok());
    ASSERT_TRUE(file->Append(records.data() + half,
                             (records.size() - half) * sizeof(Record))
                    .ok());
    file->EndRun();
  }
  EXPECT_EQ((*a)->runs().size() + (*b)->runs().size(), 8u);
  std::sort(all.begin(), all.end());
  // A tiny buffer refills often; a big one reads each run at once.
  for (size_t buffer : {size_t{1}, size_t{64} << 20}) {
    std::vector<Record> merged = MergeAll({a->get(), b->get()}, buffer);
    ASSERT_EQ(merged.size(), all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      ASSERT_EQ(merged[i].key, all[i]) << i;
    }
  }
}

TEST(RunFileTest, NoRunsMergesToNothing) {
  absl::StatusOr<std::unique_ptr<RunFile>> a =
      RunFile::Create(TempPath("empty"));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE((*a)->AppendRun(std::vector<Record>()).ok());
  EXPECT_TRUE(MergeAll({a->get()}, 1024).empty());
}

TEST(RunFileTest, RemovesItsFile) {
  const std::string path = TempPath("removed");
  {
    absl::StatusOr<std::unique_ptr<RunFile>> a = RunFile::Create(path);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE((*a)->AppendRun(std::vector<Record>{{1, 0}}).ok());
  }
  EXPECT_NE(::access(path.c_str(), F_OK), 0);
}

TEST(RunFileTest, CreateFailsInMissingDirectory) {
  absl::StatusOr<std::unique_ptr<RunFile>> a =
      RunFile::Create(TempPath("no/such/dir/run"));
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace mskg::graph
