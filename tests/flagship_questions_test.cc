// tests/flagship_questions_test.cc
//
// The two flagship questions end to end: the development corpus is ingested
// into a fresh store and the questions are answered by the query engine,
// with evidence, and compared with the gold answers of
// shared/eval/gold/QUERIES.md (Q1, Q2).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"
#include "query/query_engine.h"
#include "util/name_key.h"

namespace mskg {
namespace {

namespace fs = std::filesystem;

std::string CorpusDir() {
  const char* shared = std::getenv("MSKG_SHARED");
  if (shared == nullptr) return "";
  const fs::path corpus = fs::path(shared) / "corpus";
  return fs::is_directory(corpus) ? corpus.string() : "";
}

// Returns, for each canonical name in the gold files, the NameKeys of all its
// aliases: an answer matches a gold name when its key is among them, as the
// scorer decides.
std::map<std::string, std::set<std::string>> GoldAliases() {
  std::map<std::string, std::set<std::string>> aliases;
  const char* shared = std::getenv("MSKG_SHARED");
  if (shared == nullptr) return aliases;
  for (const auto& entry :
       fs::directory_iterator(fs::path(shared) / "eval" / "gold")) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      for (size_t column : {0, 2}) {
        size_t begin = 0;
        for (size_t i = 0; i < column; ++i) begin = line.find('\t', begin) + 1;
        std::string node = line.substr(begin, line.find('\t', begin) - begin);
        node = node.substr(node.find(':') + 1);
        std::vector<std::string> names;
        size_t start = 0;
        for (size_t bar; (bar = node.find('|', start)) != std::string::npos;
             start = bar + 1) {
          names.push_back(node.substr(start, bar - start));
        }
        names.push_back(node.substr(start));
        for (const std::string& name : names) {
          aliases[names[0]].insert(NameKey(name));
        }
      }
    }
  }
  return aliases;
}

// Returns the gold names of `expected` that no answer in `names` matches.
std::vector<std::string> Missing(const std::set<std::string>& names,
                                 const std::vector<std::string>& expected) {
  static const auto* gold =
      new std::map<std::string, std::set<std::string>>(GoldAliases());
  std::vector<std::string> missing;
  for (const std::string& want : expected) {
    auto it = gold->find(want);
    bool found = false;
    for (const std::string& name : names) {
      if (it != gold->end() ? it->second.count(NameKey(name)) > 0
                            : NameKey(name) == NameKey(want)) {
        found = true;
      }
    }
    if (!found) missing.push_back(want);
  }
  return missing;
}

class FlagshipQuestionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string corpus = CorpusDir();
    if (corpus.empty()) return;
    auto store = graph::GraphStore::Open(::testing::TempDir() + "/flagship");
    ASSERT_TRUE(store.ok()) << store.status();
    auto ingester = ingest::Ingester::Create();
    ASSERT_TRUE(ingester.ok()) << ingester.status();
    ASSERT_TRUE((*store)->PutDocument((*ingester)->ReferenceClaims()).ok());
    for (const auto& entry : fs::directory_iterator(corpus)) {
      auto result = (*ingester)->IngestFile(entry.path().string(), store->get());
      ASSERT_TRUE(result.ok()) << result.status();
    }
    store_ = store->release();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }

  void SetUp() override {
    if (store_ == nullptr) {
      // tools/test.sh always names the shared folder: a missing corpus
      // there is a failure, not a skip.
      const char* shared = std::getenv("MSKG_SHARED");
      if (shared != nullptr && *shared != '\0') {
        GTEST_FAIL() << shared << "/corpus not found (MSKG_SHARED=" << shared
                     << "): point MSKG_SHARED at the shared folder";
      }
      GTEST_SKIP() << "MSKG_SHARED is not set: set it to the shared folder "
                      "(tools/test.sh does) to run corpus tests";
    }
  }

  query::ResultTable Run(const std::string& cypher) {
    auto view = store_->View();
    EXPECT_TRUE(view.ok()) << view.status();
    query::QueryEngine engine(*view);
    auto result = engine.Run(cypher);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : query::ResultTable();
  }

  static std::set<std::string> Names(const query::ResultTable& table) {
    std::set<std::string> names;
    for (const query::ResultRow& row : table.rows) {
      names.insert(row.values[0].ToString());
    }
    return names;
  }

  static graph::GraphStore* store_;
};

graph::GraphStore* FlagshipQuestionsTest::store_ = nullptr;

// The corpus graph's view as the writer built it, and as a new read-only
// open maps it from the store's snapshot file, answer every accessor alike.
TEST_F(FlagshipQuestionsTest, ViewMappedFromTheSnapshotFileEqualsTheBuiltOne) {
  auto built = store_->View();
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_FALSE((*built)->mapped_from_file());
  graph::GraphStoreOptions options;
  options.read_only = true;
  auto reader = graph::GraphStore::Open(store_->path(), options);
  ASSERT_TRUE(reader.ok()) << reader.status();
  auto mapped = (*reader)->View();
  ASSERT_TRUE(mapped.ok()) << mapped.status();
  EXPECT_TRUE((*mapped)->mapped_from_file());
  EXPECT_GT((*mapped)->num_edges(), 1000u);
  EXPECT_EQ(graph::DiffViews(**built, **mapped), "");
}

TEST_F(FlagshipQuestionsTest, MusclesOpposingPsoas) {
  query::ResultTable table = Run(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas major'}) "
      "RETURN DISTINCT m.name");
  const std::set<std::string> names = Names(table);
  EXPECT_THAT(Missing(names, {"gluteal muscles", "hip extensors"}),
              ::testing::IsEmpty());
  // The psoas's own group partner does not oppose it.
  EXPECT_THAT(names, ::testing::Not(::testing::Contains("iliacus")));
  EXPECT_THAT(names, ::testing::Not(::testing::Contains("psoas major")));
  // Every row can say why: a chain of edges that ends in sentences.
  for (const query::ResultRow& row : table.rows) {
    EXPECT_FALSE(row.evidence.empty()) << row.values[0].ToString();
  }
}

TEST_F(FlagshipQuestionsTest, AliasesResolve) {
  query::ResultTable by_alias = Run(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas'}) "
      "RETURN DISTINCT m.name");
  query::ResultTable by_name = Run(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'Psoas Major'}) "
      "RETURN DISTINCT m.name");
  // Not vacuous: the answer has rows.
  EXPECT_FALSE(Names(by_name).empty());
  EXPECT_EQ(Names(by_alias), Names(by_name));
}

TEST_F(FlagshipQuestionsTest, SharedCausesOfQlAndPsoasSpasm) {
  query::ResultTable table = Run(
      "MATCH (c)-[:CAUSES]->(:Condition {name: 'quadratus lumborum spasm'}), "
      "(c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) "
      "RETURN DISTINCT c.name");
  const std::set<std::string> names = Names(table);
  // Of the gold answer of shared/eval/gold/QUERIES.md, Q2 (acute injury,
  // heavy lifting, overuse during exercise, sudden movement, weak glutes,
  // weak core, muscle imbalance), the three still found. Three others were
  // found only through phrases of these documents that the lexicon listed as
  // aliases until they were removed as fitted to the corpus, and muscle
  // imbalance only by rules that named it in code.
  EXPECT_THAT(Missing(names, {"acute injury", "weak glutes", "weak core"}),
              ::testing::IsEmpty());
  for (const query::ResultRow& row : table.rows) {
    EXPECT_GE(row.evidence.size(), 2u) << row.values[0].ToString();
  }
}

TEST_F(FlagshipQuestionsTest, SharedCausesByLayNames) {
  // Composed muscle states carry every name of their muscle: "QL spasm"
  // and "psoas spasm" find the same nodes as their canonical names.
  const std::set<std::string> by_lay_name =
      Names(Run("MATCH (c)-[:CAUSES]->(:Condition {name: 'QL spasm'}), "
                "(c)-[:CAUSES]->(:Condition {name: 'psoas spasm'}) "
                "RETURN DISTINCT c.name"));
  const std::set<std::string> by_name = Names(Run(
      "MATCH (c)-[:CAUSES]->(:Condition {name: 'quadratus lumborum spasm'}), "
      "(c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) "
      "RETURN DISTINCT c.name"));
  EXPECT_FALSE(by_lay_name.empty());
  EXPECT_EQ(by_lay_name, by_name);
}

}  // namespace
}  // namespace mskg
