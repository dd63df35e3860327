// tests/extraction_eval_test.cc
//
// Extracts claims from the development articles with the compiled-in
// lexicon (or $MSKG_LEXICON_DIR), scores the triples against their gold
// sets as shared/eval/score does (ingest/triples_eval.h is its port; the
// figures are the same), prints precision, recall and F1 per document and
// relation, and fails below the floors. The gate is the 18 articles of
// $MSKG_SHARED/eval/dev, which no rule was written from; the five original
// documents ($MSKG_SHARED/corpus) are scored and guarded too, with a floor
// that only catches breakage. With $MSKG_TRIPLES_OUT set, also writes the
// dev triples there (the scorer's input). Skipped when MSKG_SHARED is not
// set.
#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"
#include "ingest/triples_eval.h"

namespace mskg::ingest {
namespace {

// Floors a little under what is reached (dev: micro F1 0.311, precision
// 0.401; the five: F1 0.609, precision 0.543): regression guards, not
// targets. The five documents' floor was F1 0.84 while the lexicon and
// rules were fitted to them; held-out quality is what counts.
constexpr double kDevMinF1 = 0.29;
constexpr double kDevMinPrecision = 0.37;
constexpr double kCorpusMinF1 = 0.55;
constexpr double kCorpusMinPrecision = 0.50;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Extracts every .txt of `docs` and scores it against `gold`; prints the
// table. Writes the triples to `triples_out` if it is not null.
void ScoreFolder(const std::string& docs, const std::string& gold,
                 const char* triples_out, EvalReport* out) {
  DIR* dir = opendir(docs.c_str());
  ASSERT_NE(dir, nullptr) << docs << " not found: is MSKG_SHARED complete?";
  std::vector<std::string> names;
  while (struct dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (absl::EndsWith(name, ".txt")) names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  ASSERT_FALSE(names.empty()) << "no .txt documents in " << docs;
  IngesterOptions options;
  if (const char* lex = std::getenv("MSKG_LEXICON_DIR")) options.lexicon_dir = lex;
  absl::StatusOr<std::unique_ptr<Ingester>> ingester = Ingester::Create(options);
  ASSERT_TRUE(ingester.ok()) << ingester.status();
  std::vector<Triple> triples;
  for (const std::string& name : names) {
    const std::string path = docs + "/" + name;
    absl::StatusOr<schema::DocumentClaims> claims =
        (*ingester)->Extract(path, ReadFile(path));
    ASSERT_TRUE(claims.ok()) << claims.status();
    std::vector<Triple> t = ClaimsToTriples(*claims, name);
    triples.insert(triples.end(), t.begin(), t.end());
  }
  if (triples_out != nullptr) {
    std::ofstream f(triples_out);
    f << "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";
    for (const Triple& t : triples) f << TripleRow(t) << "\n";
  }
  absl::StatusOr<EvalReport> report = ScoreTriples(gold, triples);
  ASSERT_TRUE(report.ok()) << report.status();
  std::printf("%-18s %8s %7s %6s %6s %6s %6s\n", "relation", "correct",
              "system", "gold", "P", "R", "F1");
  auto line = [](const std::string& name, const Counts& c) {
    std::printf("%-18s %8d %7d %6d %6.3f %6.3f %6.3f\n", name.c_str(),
                c.correct, c.system, c.gold, c.precision(), c.recall(), c.f1());
  };
  for (const auto& [doc, c] : report->by_document) line(doc.substr(0, 18), c);
  for (const auto& [rel, c] : report->by_relation) line(rel, c);
  line("ALL", report->all);
  *out = *std::move(report);
}

const char* SharedOrSkip() {
  const char* shared = std::getenv("MSKG_SHARED");
  return shared != nullptr && *shared != '\0' ? shared : nullptr;
}

TEST(ExtractionEvalTest, DevelopmentArticles) {
  const char* shared = SharedOrSkip();
  if (shared == nullptr) {
    GTEST_SKIP() << "MSKG_SHARED is not set (pass --test_env=MSKG_SHARED="
                    "/work/shared); the evaluation articles are not in the repo";
  }
  EvalReport report;
  ScoreFolder(std::string(shared) + "/eval/dev/docs",
              std::string(shared) + "/eval/dev/gold",
              std::getenv("MSKG_TRIPLES_OUT"), &report);
  if (HasFatalFailure()) return;
  EXPECT_GE(report.all.f1(), kDevMinF1);
  EXPECT_GE(report.all.precision(), kDevMinPrecision);
}

TEST(ExtractionEvalTest, OriginalFiveDocuments) {
  const char* shared = SharedOrSkip();
  if (shared == nullptr) GTEST_SKIP() << "MSKG_SHARED is not set";
  EvalReport report;
  ScoreFolder(std::string(shared) + "/corpus",
              std::string(shared) + "/eval/gold", nullptr, &report);
  if (HasFatalFailure()) return;
  EXPECT_GE(report.all.f1(), kCorpusMinF1);
  EXPECT_GE(report.all.precision(), kCorpusMinPrecision);
}

}  // namespace
}  // namespace mskg::ingest
