// tests/queries_gold_test.cc
//
// The twelve questions of shared/eval/gold/QUERIES.md, end to end: the
// development corpus is ingested into a fresh store, each question is asked
// in the query language (and through `ask` where a template fits), and the
// answers are compared with the gold names through the gold alias sets.
//
// Q1 must be answered in full. For the others extraction may still be
// incomplete, so each asserts the recall reached so far as a floor (raise
// the floors as extraction improves) and that no answer has an absurd type.
// The floors of Q2 (to 3) and Q12 (to 1) were lowered again when the rules
// that named "muscle imbalance" and the QL's spasm in code, and two rules
// shaped after single sentences of these documents, gave way to general
// rules (ingest/EXTRACTION.md).
// The floors of Q2, Q6, Q8 and Q9 were lowered when the lexicon lost the
// aliases that had been copied from these documents and their gold lists
// (tools/audit_lexicon.py): some answers were found only through them.
// The test prints a recall table.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"
#include "query/ask.h"
#include "query/query_engine.h"
#include "util/name_key.h"

namespace mskg {
namespace {

namespace fs = std::filesystem;

std::string SharedDir() {
  const char* shared = std::getenv("MSKG_SHARED");
  return shared == nullptr ? "" : shared;
}

// Returns, for each canonical name in the gold files, the NameKeys of all its
// aliases (an answer matches a gold name when its key is among them).
std::map<std::string, std::set<std::string>> GoldAliases() {
  std::map<std::string, std::set<std::string>> aliases;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SharedDir()) / "eval" / "gold")) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
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
        for (const std::string& name : names)
          aliases[names[0]].insert(NameKey(name));
      }
    }
  }
  return aliases;
}

struct Question {
  const char* id;
  const char* text;  // As in QUERIES.md.
  std::vector<const char*>
      cypher;       // Each returns name, label; answers are the union.
  const char* ask;  // A phrasing `ask` understands, or null.
  std::vector<std::string> expected;
  std::set<std::string> labels;  // The answers' plausible labels.
  int floor;                     // Gold names found today (cypher), at least.
  int ask_floor = 0;             // The same through `ask`.
};

const std::vector<Question>& Questions() {
  static const auto* questions = new std::vector<Question>{
      {"Q1",
       "Which muscles oppose a tight psoas?",
       {"MATCH (x:Muscle {name: 'psoas major'})-[:PART_OF*0..2]->(g:Muscle)"
        "-[:ANTAGONIST_OF]-(m:Muscle) WHERE m <> x RETURN DISTINCT m.name, "
        "m.label"},
       "Which muscles oppose a tight psoas?",
       {"gluteal muscles", "hip extensors"},
       {"Muscle"},
       2,
       2},
      {"Q2",
       "Which causes do quadratus lumborum spasm and psoas major spasm share?",
       {"MATCH (c)-[:CAUSES]->(:Condition {name: 'quadratus lumborum spasm'}), "
        "(c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) RETURN "
        "DISTINCT c.name, c.label"},
       "causes shared by quadratus lumborum spasm and psoas major spasm",
       {"acute injury", "heavy lifting", "overuse during exercise",
        "sudden movement", "weak glutes", "weak core", "muscle imbalance"},
       {"Cause", "Condition"},
       3,
       3},
      {"Q3",
       "What can cause an upslip?",
       {"MATCH (c)-[:CAUSES]->(:Condition {name: 'upslip'}) RETURN DISTINCT "
        "c.name, c.label"},
       "What can cause an upslip?",
       {"tight quadratus lumborum", "quadratus lumborum spasm",
        "ligament sprain", "insufficient muscle strength"},
       {"Cause", "Condition"},
       2,
       2},
      {"Q4",
       "Which muscles overwork when the glutes are weak?",
       {"MATCH (m:Muscle)-[:COMPENSATES_FOR]->(:Muscle {name: 'gluteal "
        "muscles'}) "
        "RETURN DISTINCT m.name, m.label"},
       "Which muscles overwork when the glutes are weak?",
       {"quadratus lumborum", "psoas major"},
       {"Muscle"},
       2,
       2},
      {"Q5",
       "Which muscles tend to go into spasm when the SI joint is "
       "dysfunctional?",
       {"MATCH (:Condition {name: 'sacroiliac joint "
        "dysfunction'})-[:CAUSES]->(c:Condition)"
        "-[:AFFECTS]->(m:Muscle) RETURN DISTINCT m.name, m.label"},
       nullptr,
       {"quadratus lumborum", "erector spinae", "gluteal muscles", "piriformis",
        "hamstrings", "groin muscles"},
       {"Muscle"},
       6,
       0},
      {"Q6",
       "Which muscles, when tight or in spasm, can pull the SI joint out of "
       "alignment?",
       {"MATCH (c:Condition)-[:CAUSES]->(:Condition {name: 'sacroiliac joint "
        "dysfunction'}), "
        "(c)-[:AFFECTS]->(m:Muscle) RETURN DISTINCT m.name, m.label"},
       nullptr,
       {"psoas major", "piriformis", "hip flexors", "gluteal muscles",
        "quadratus lumborum"},
       {"Muscle"},
       1,
       0},
      {"Q7",
       "How is a quadratus lumborum (back) spasm treated?",
       {"MATCH (t)-[:TREATS]->(:Condition {name: 'quadratus lumborum spasm'}) "
        "RETURN DISTINCT t.name, t.label"},
       "How is a quadratus lumborum (back) spasm treated?",
       {"quadriceps stretching", "hamstring strengthening",
        "side-lying hip abduction"},
       {"Treatment"},
       2,
       2},
      {"Q8",
       "Which exercises strengthen the hip abductors / gluteus medius?",
       {"MATCH (x:Muscle)-[:PART_OF*0..1]-(g)<-[:STRENGTHENS]-(t) "
        "WHERE x.name = 'hip abductors' OR x.name = 'gluteus medius' "
        "RETURN DISTINCT t.name, t.label"},
       "Which exercises strengthen the hip abductors / gluteus medius?",
       {"side-lying hip abduction", "ankle weights"},
       {"Treatment"},
       1,
       1},
      {"Q9",
       "Which measures are said both to treat and to prevent psoas major "
       "spasm?",
       {"MATCH (t)-[:TREATS]->(c:Condition {name: 'psoas major spasm'}), "
        "(t)-[:PREVENTS]->(c) RETURN DISTINCT t.name, t.label"},
       nullptr,
       {"core strengthening exercises", "proper lifting techniques",
        "targeted stretching", "manual therapy", "ergonomic adjustments"},
       {"Treatment"},
       2,
       0},
      {"Q10",
       "Which muscles stabilize the sacroiliac joint?",
       {"MATCH (m:Muscle)-[:STABILIZES]->({name: 'sacroiliac joint'}) "
        "RETURN DISTINCT m.name, m.label"},
       "Which muscles stabilize the sacroiliac joint?",
       {"quadratus lumborum", "erector spinae", "back muscles", "core muscles",
        "gluteal muscles"},
       {"Muscle"},
       3,
       3},
      {"Q11",
       "Where does the psoas major attach, and what nerve and blood vessel "
       "supply it?",
       {"MATCH (:Muscle {name: 'psoas "
        "major'})-[:ORIGINATES_FROM|INSERTS_ON|ATTACHES_TO|"
        "INNERVATED_BY|SUPPLIED_BY]->(x) RETURN DISTINCT x.name, x.label"},
       "Where does the psoas major attach?",
       {"lumbar vertebrae", "lesser trochanter of the femur", "femur",
        "lumbar plexus", "lumbar arteries"},
       {"Structure", "Nerve", "Vessel"},
       5,
       3},
      {"Q12",
       "What causes anterior pelvic tilt, and what does it lead to?",
       {"MATCH (c)-[:CAUSES]->(:Condition {name: 'anterior pelvic tilt'}) "
        "RETURN DISTINCT c.name, c.label",
        "MATCH (:Condition {name: 'anterior pelvic tilt'})-[:CAUSES]->(e) "
        "RETURN DISTINCT e.name, e.label"},
       "What causes anterior pelvic tilt?",
       {"muscle imbalance", "shortened quadratus lumborum",
        "quadratus lumborum spasm"},
       {"Cause", "Condition"},
       1,
       1},
  };
  return *questions;
}

class QueriesGoldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string shared = SharedDir();
    if (shared.empty() || !fs::is_directory(fs::path(shared) / "corpus"))
      return;
    auto store =
        graph::GraphStore::Open(::testing::TempDir() + "/queries_gold");
    ASSERT_TRUE(store.ok()) << store.status();
    auto ingester = ingest::Ingester::Create();
    ASSERT_TRUE(ingester.ok()) << ingester.status();
    ASSERT_TRUE((*store)->PutDocument((*ingester)->ReferenceClaims()).ok());
    for (const auto& entry :
         fs::directory_iterator(fs::path(shared) / "corpus")) {
      auto result =
          (*ingester)->IngestFile(entry.path().string(), store->get());
      ASSERT_TRUE(result.ok()) << result.status();
    }
    auto view = (*store)->View();
    ASSERT_TRUE(view.ok()) << view.status();
    engine_ = new query::QueryEngine(*view);
    gold_ = new std::map<std::string, std::set<std::string>>(GoldAliases());
    delete store->release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
    delete gold_;
    gold_ = nullptr;
  }

  void SetUp() override {
    if (engine_ == nullptr) {
      // tools/test.sh always names the shared folder: a missing corpus
      // there is a failure, not a skip.
      if (!SharedDir().empty()) {
        GTEST_FAIL() << SharedDir() << "/corpus not found (MSKG_SHARED="
                     << SharedDir() << "): point MSKG_SHARED at the shared "
                     << "folder";
      }
      GTEST_SKIP() << "MSKG_SHARED is not set: set it to the shared folder "
                      "(tools/test.sh does) to run the gold QUERIES test";
    }
  }

  // Returns the gold names of `expected` that an answer in `names` matches.
  static std::vector<std::string> Found(
      const std::set<std::string>& names,
      const std::vector<std::string>& expected) {
    std::vector<std::string> found;
    for (const std::string& want : expected) {
      auto it = gold_->find(want);
      for (const std::string& name : names) {
        if (it != gold_->end() ? it->second.count(NameKey(name)) > 0
                               : NameKey(name) == NameKey(want)) {
          found.push_back(want);
          break;
        }
      }
    }
    return found;
  }

  static query::QueryEngine* engine_;
  static std::map<std::string, std::set<std::string>>* gold_;
};

query::QueryEngine* QueriesGoldTest::engine_ = nullptr;
std::map<std::string, std::set<std::string>>* QueriesGoldTest::gold_ = nullptr;

TEST_F(QueriesGoldTest, RecallPerQuestion) {
  std::string report =
      "\nquestion | cypher recall | ask recall | answers | missing\n"
      "---------|---------------|------------|---------|--------\n";
  std::string answers;
  for (const Question& q : Questions()) {
    SCOPED_TRACE(q.id);
    std::set<std::string> names;
    for (const char* cypher : q.cypher) {
      auto table = engine_->Run(cypher);
      ASSERT_TRUE(table.ok()) << q.id << ": " << table.status();
      for (const query::ResultRow& row : table->rows) {
        const std::string name = row.values[0].ToString();
        const std::string label = row.values[1].ToString();
        names.insert(name);
        EXPECT_TRUE(q.labels.count(label) > 0)
            << q.id << ": absurd answer '" << name << "' of type " << label;
      }
    }
    const std::vector<std::string> found = Found(names, q.expected);
    std::vector<std::string> missing;
    for (const std::string& want : q.expected) {
      if (std::find(found.begin(), found.end(), want) == found.end())
        missing.push_back(want);
    }
    std::string ask_recall = "-";
    if (q.ask != nullptr) {
      auto asked = query::Ask(*engine_, q.ask);
      std::set<std::string> ask_names;
      if (asked.ok()) {
        for (const query::ResultRow& row : asked->table.rows) {
          ask_names.insert(row.values[0].ToString());
        }
      } else {
        // A NotFound name is extraction's gap; any other error is ours.
        EXPECT_EQ(asked.status().code(), absl::StatusCode::kNotFound)
            << q.id << ": " << asked.status();
      }
      const int ask_found = Found(ask_names, q.expected).size();
      ask_recall = absl::StrFormat("%d/%d", ask_found, q.expected.size());
      EXPECT_GE(ask_found, q.ask_floor) << q.id << " recall via ask fell";
    }
    absl::StrAppendFormat(&report, "%-8s | %d/%d %9s | %-10s | %7d | %s\n",
                          q.id, found.size(), q.expected.size(), "", ask_recall,
                          names.size(), absl::StrJoin(missing, ", "));
    std::vector<std::string> extra;
    for (const std::string& name : names) {
      if (Found({name}, q.expected).empty()) extra.push_back(name);
    }
    if (!extra.empty()) {
      absl::StrAppend(&answers, q.id,
                      " also answers: ", absl::StrJoin(extra, ", "), "\n");
    }
    EXPECT_GE(static_cast<int>(found.size()), q.floor)
        << q.id << " recall fell; missing: " << absl::StrJoin(missing, ", ");
  }
  std::cout << report << "\n" << answers;
}

// Q1 answers in full (Q2 to its floor: three of its causes were found only
// through corpus phrases no longer in the lexicon), the psoas's group
// partner is no antagonist, and every row has evidence.
TEST_F(QueriesGoldTest, FlagshipQuestionsAnswerInFull) {
  for (const Question& q : {Questions()[0], Questions()[1]}) {
    const size_t want = q.id == std::string("Q1")
                            ? q.expected.size()
                            : static_cast<size_t>(q.floor);
    auto table = engine_->Run(q.cypher[0]);
    ASSERT_TRUE(table.ok()) << table.status();
    std::set<std::string> names;
    for (const query::ResultRow& row : table->rows) {
      names.insert(row.values[0].ToString());
      EXPECT_FALSE(row.evidence.empty())
          << q.id << ": " << row.values[0].ToString();
    }
    EXPECT_GE(Found(names, q.expected).size(), want)
        << q.id << " answers: " << absl::StrJoin(names, ", ");
    auto asked = query::Ask(*engine_, q.ask);
    ASSERT_TRUE(asked.ok()) << asked.status();
    std::set<std::string> ask_names;
    for (const query::ResultRow& row : asked->table.rows) {
      ask_names.insert(row.values[0].ToString());
    }
    EXPECT_GE(Found(ask_names, q.expected).size(), want) << q.id << " via ask";
  }
  auto q1 = engine_->Run(Questions()[0].cypher[0]);
  ASSERT_TRUE(q1.ok());
  for (const query::ResultRow& row : q1->rows) {
    EXPECT_NE(NameKey(row.values[0].ToString()), NameKey("iliacus"));
  }
}

}  // namespace
}  // namespace mskg
