// query/golden_test.cc
//
// Runs the golden query files tests/query/*.test over the tiny named test
// graph tests/query/tinymsk.tsv.
//
// The format follows DuckDB's sqllogictest and Kùzu's .test files. Lines that
// start with '#' are comments. A case is
//
//   param NAME VALUE        (any number; VALUE an integer, else a string)
//   query                   (or "query ordered", or "ask")
//   MATCH ... RETURN ...    (one or more lines; for "ask", the question)
//   ----
//   a | b                   (the expected rows, values joined by " | ")
//
// and ends at a blank line or the end of the file. Rows are compared sorted
// unless the case says "query ordered". An expected line "error: TEXT"
// expects the query to fail with a message containing TEXT; "notice: TEXT"
// expects a notice containing TEXT (notices are not rows).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/graph_view.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"
#include "query/ask.h"
#include "query/expr.h"
#include "query/query_engine.h"
#include "query/value.h"
#include "schema/graph.pb.h"

namespace mskg::query {
namespace {

namespace fs = std::filesystem;

fs::path GoldenDir() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir == nullptr || workspace == nullptr) return "tests/query";
  return fs::path(srcdir) / workspace / "tests" / "query";
}

std::vector<std::string> ReadLines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// "Muscle:psoas major|psoas" -> (MUSCLE, "psoas major", {"psoas"}).
bool ParseNode(absl::string_view spec, schema::NodeType* type,
               std::string* name, std::vector<std::string>* aliases) {
  const size_t colon = spec.find(':');
  if (colon == absl::string_view::npos) return false;
  const absl::string_view label = spec.substr(0, colon);
  *type = schema::NODE_TYPE_UNSPECIFIED;
  for (int t = 1; t < schema::NodeType_ARRAYSIZE; ++t) {
    if (schema::NodeType_IsValid(t) &&
        LabelName(static_cast<schema::NodeType>(t)) == label) {
      *type = static_cast<schema::NodeType>(t);
    }
  }
  std::vector<std::string> names = absl::StrSplit(spec.substr(colon + 1), '|');
  *name = names[0];
  aliases->assign(names.begin() + 1, names.end());
  return *type != schema::NODE_TYPE_UNSPECIFIED && !name->empty();
}

std::shared_ptr<const graph::GraphView> LoadGraph(const fs::path& path) {
  graph::GraphViewBuilder b;
  const std::vector<std::string> lines = ReadLines(path);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    schema::NodeType st, tt;
    std::string sn, tn;
    std::vector<std::string> sa, ta;
    schema::Relation rel;
    const bool ok = cols.size() >= 3 && ParseNode(cols[0], &st, &sn, &sa) &&
                    schema::Relation_Parse(cols[1], &rel) &&
                    ParseNode(cols[2], &tt, &tn, &ta);
    EXPECT_TRUE(ok) << path.filename() << ":" << i + 1
                    << ": bad edge line: " << line;
    if (!ok) continue;
    schema::Provenance p;
    p.set_document_id("tinymsk.tsv");
    p.set_sentence(absl::StrCat("line ", i + 1));
    p.set_rule("golden");
    p.set_polarity(cols.size() >= 4 && cols[3] == "negated" ? schema::NEGATED
                                                            : schema::AFFIRMED);
    b.AddEdge(b.AddNode(st, sn, sa), rel, b.AddNode(tt, tn, ta), {p});
  }
  return b.Finish();
}

struct Case {
  std::string file;
  int line = 0;
  std::string kind;  // "query", "query ordered" or "ask".
  absl::flat_hash_map<std::string, Value> params;
  std::string text;
  std::vector<std::string> expected;
};

std::vector<Case> ParseCases(const fs::path& path) {
  std::vector<Case> cases;
  const std::vector<std::string> lines = ReadLines(path);
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].empty() || lines[i][0] == '#') {
      ++i;
      continue;
    }
    Case c;
    c.file = path.filename().string();
    c.line = i + 1;
    while (i < lines.size() && absl::StartsWith(lines[i], "param ")) {
      std::vector<std::string> parts =
          absl::StrSplit(lines[i].substr(6), absl::MaxSplits(' ', 1));
      int64_t n;
      Value v = parts.size() < 2                 ? Value()
                : absl::SimpleAtoi(parts[1], &n) ? Value(n)
                                                 : Value(parts[1]);
      c.params[parts[0]] = v;
      ++i;
    }
    if (i < lines.size()) c.kind = lines[i++];
    std::vector<std::string> text;
    while (i < lines.size() && lines[i] != "----" && !lines[i].empty()) {
      text.push_back(lines[i++]);
    }
    c.text = absl::StrJoin(text, "\n");
    if (i < lines.size() && lines[i] == "----") {
      ++i;
      while (i < lines.size() && !lines[i].empty())
        c.expected.push_back(lines[i++]);
    } else {
      ADD_FAILURE() << c.file << ":" << c.line << ": case without '----'";
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Returns the error, notices and rows of running `c`, as the file writes them.
std::vector<std::string> RunCase(const QueryEngine& engine, const Case& c) {
  QueryOptions options;
  options.params = c.params;
  absl::StatusOr<ResultTable> table;
  if (c.kind == "ask") {
    absl::StatusOr<AskResult> asked = Ask(engine, c.text, options);
    if (asked.ok()) {
      table = std::move(asked->table);
    } else {
      table = asked.status();
    }
  } else {
    table = engine.Run(c.text, options);
  }
  if (!table.ok()) return {absl::StrCat("error: ", table.status().message())};
  std::vector<std::string> rows;
  for (const ResultRow& row : table->rows) {
    std::vector<std::string> values;
    for (const Value& v : row.values) values.push_back(v.ToString());
    rows.push_back(absl::StrJoin(values, " | "));
  }
  if (c.kind != "query ordered") std::sort(rows.begin(), rows.end());
  std::vector<std::string> out;
  for (const std::string& notice : table->notices) {
    out.push_back(absl::StrCat("notice: ", notice));
  }
  out.insert(out.end(), rows.begin(), rows.end());
  return out;
}

// Returns whether `actual` meets `expected`: rows equal, and error and
// notice lines contained in the actual ones.
bool Meets(const std::vector<std::string>& actual,
           const std::vector<std::string>& expected) {
  if (actual.size() != expected.size()) return false;
  for (size_t i = 0; i < actual.size(); ++i) {
    const std::string& want = expected[i];
    if (absl::StartsWith(want, "error: ") ||
        absl::StartsWith(want, "notice: ")) {
      const size_t colon = want.find(": ");
      if (actual[i].substr(0, colon) != want.substr(0, colon) ||
          !absl::StrContains(actual[i], want.substr(colon + 2))) {
        return false;
      }
    } else if (actual[i] != want) {
      return false;
    }
  }
  return true;
}

// Runs every golden file's cases on `view` (the graph of tinymsk.tsv).
void ExpectEveryFilePasses(std::shared_ptr<const graph::GraphView> view) {
  const fs::path dir = GoldenDir();
  QueryEngine engine(std::move(view));
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 5u) << "golden files missing from " << dir;
  int cases = 0;
  for (const fs::path& file : files) {
    for (const Case& c : ParseCases(file)) {
      ++cases;
      std::vector<std::string> expected = c.expected;
      // Expected rows sort as actual rows do; notices and errors come first.
      if (c.kind != "query ordered") {
        std::stable_partition(expected.begin(), expected.end(),
                              [](const std::string& s) {
                                return absl::StartsWith(s, "notice: ") ||
                                       absl::StartsWith(s, "error: ");
                              });
        auto rows = std::find_if(expected.begin(), expected.end(),
                                 [](const std::string& s) {
                                   return !absl::StartsWith(s, "notice: ") &&
                                          !absl::StartsWith(s, "error: ");
                                 });
        std::sort(rows, expected.end());
      }
      EXPECT_TRUE(c.kind == "query" || c.kind == "query ordered" ||
                  c.kind == "ask")
          << c.file << ":" << c.line << ": unknown case kind '" << c.kind
          << "'";
      const std::vector<std::string> actual = RunCase(engine, c);
      EXPECT_TRUE(Meets(actual, expected))
          << c.file << ":" << c.line << ": " << c.kind << "\n"
          << c.text << "\n---- expected\n"
          << absl::StrJoin(expected, "\n") << "\n---- actual\n"
          << absl::StrJoin(actual, "\n");
    }
  }
  EXPECT_GE(cases, 40);
  std::cout << cases << " golden cases in " << files.size() << " files\n";
}

TEST(GoldenTest, EveryFilePasses) {
  ASSERT_TRUE(fs::is_directory(GoldenDir())) << GoldenDir();
  ExpectEveryFilePasses(LoadGraph(GoldenDir() / "tinymsk.tsv"));
}

// The same view written to a snapshot file and mapped back, as a store's
// later opens read it.
TEST(GoldenTest, EveryFilePassesOnAViewMappedFromItsFile) {
  ASSERT_TRUE(fs::is_directory(GoldenDir())) << GoldenDir();
  std::shared_ptr<const graph::GraphView> fresh =
      LoadGraph(GoldenDir() / "tinymsk.tsv");
  std::shared_ptr<const graph::GraphView> mapped =
      graph::RoundTripThroughFile(*fresh);
  ASSERT_NE(mapped, nullptr);
  ASSERT_EQ(graph::DiffViews(*fresh, *mapped), "");
  ExpectEveryFilePasses(mapped);
}

}  // namespace
}  // namespace mskg::query
