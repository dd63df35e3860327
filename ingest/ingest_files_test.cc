#include "ingest/ingest_files.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

namespace fs = std::filesystem;

// Our own sentences, a few facts each.
constexpr const char* kTexts[] = {
    "Tight hamstrings can cause lower back pain. Stretching the hamstrings "
    "relieves lower back pain.",
    "The psoas major originates from the lumbar vertebrae and inserts on the "
    "lesser trochanter. Prolonged sitting can lead to a tight psoas.",
    "# Causes of piriformis syndrome\n\n- Prolonged sitting\n- Overuse\n",
    "Poor posture may cause neck pain. Massage therapy treats neck pain.",
    "Weak glutes can lead to knee pain. Strengthen the glutes with bridges.",
};

class IngestFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/ingest_files_",
                        getpid(), "_",
                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto ingester = Ingester::Create();
    ASSERT_TRUE(ingester.ok()) << ingester.status();
    ingester_ = *std::move(ingester);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::unique_ptr<graph::GraphStore> OpenStore(const std::string& name) {
    auto store = graph::GraphStore::Open(dir_ + "/" + name);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::string dir_;
  std::unique_ptr<Ingester> ingester_;
};

TEST_F(IngestFilesTest, SameStoreAsOneIngestFileAfterAnotherWithFailuresInOrder) {
  std::vector<std::string> paths;
  for (int copy = 0; copy < 4; ++copy) {
    for (size_t i = 0; i < std::size(kTexts); ++i) {
      paths.push_back(Write(absl::StrCat("doc", copy, "_", i, ".md"), kTexts[i]));
    }
  }
  const size_t empty_at = 3, missing_at = 11;
  paths.insert(paths.begin() + empty_at, Write("empty.txt", ""));
  paths.insert(paths.begin() + missing_at, dir_ + "/missing.txt");

  std::unique_ptr<graph::GraphStore> one_by_one = OpenStore("one_by_one");
  for (const std::string& path : paths) {
    (void)ingester_->IngestFile(path, one_by_one.get());
  }

  std::unique_ptr<graph::GraphStore> parallel = OpenStore("parallel");
  IngestFilesOptions options;
  options.threads = 3;
  options.max_ahead = 2;
  std::vector<size_t> order;
  IngestFiles(*ingester_, paths, parallel.get(), options,
              [&](const FileOutcome& outcome) {
                order.push_back(outcome.index);
                if (outcome.index == empty_at) {
                  EXPECT_EQ(outcome.result.status().code(),
                            absl::StatusCode::kInvalidArgument);
                  EXPECT_NE(outcome.result.status().message().find("empty.txt"),
                            absl::string_view::npos);
                } else if (outcome.index == missing_at) {
                  EXPECT_EQ(outcome.result.status().code(),
                            absl::StatusCode::kNotFound);
                } else {
                  EXPECT_TRUE(outcome.result.ok()) << outcome.result.status();
                }
              });
  ASSERT_EQ(order.size(), paths.size());
  for (size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);

  auto a = one_by_one->Stats();
  auto b = parallel->Stats();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->documents, paths.size() - 2);
  EXPECT_EQ(b->documents, a->documents);
  EXPECT_EQ(b->nodes, a->nodes);
  EXPECT_EQ(b->edges, a->edges);
  EXPECT_EQ(b->supports, a->supports);
  EXPECT_GT(b->edges, 0);
  EXPECT_TRUE(parallel->GetDocument(paths[0]).ok());
}

TEST_F(IngestFilesTest, NoFilesIsNothingAndOneThreadWorks) {
  std::unique_ptr<graph::GraphStore> store = OpenStore("store");
  int calls = 0;
  IngestFiles(*ingester_, {}, store.get(), {},
              [&](const FileOutcome&) { ++calls; });
  EXPECT_EQ(calls, 0);
  IngestFilesOptions one;
  one.threads = 1;
  IngestFiles(*ingester_, {Write("a.txt", kTexts[0])}, store.get(), one,
              [&](const FileOutcome& outcome) {
                ++calls;
                EXPECT_TRUE(outcome.result.ok()) << outcome.result.status();
              });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace mskg::ingest
