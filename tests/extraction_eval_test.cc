// tests/extraction_eval_test.cc
//
// Extracts claims from the evaluation corpus ($MSKG_SHARED/corpus/*.txt)
// with the compiled-in lexicon (or $MSKG_LEXICON_DIR), scores the triples
// against $MSKG_SHARED/eval/gold like shared/eval/score, prints precision,
// recall and F1 per relation, and fails below the agreed micro F1. With
// $MSKG_TRIPLES_OUT set, also writes the triples there (the scorer's input).
// Skipped when MSKG_SHARED is not set.
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

// Floors over the five documents, a little under what is reached (micro F1
// 0.798, precision 0.892); the issue demanded F1 0.70. The F1 floor was 0.84
// (F1 0.864) until the lexicon lost the aliases fitted to these documents
// and their gold lists (tools/audit_lexicon.py) and gained the open
// vocabularies; a dev-set gate is to replace this one.
constexpr double kMinF1 = 0.78;
constexpr double kMinPrecision = 0.88;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ExtractionEvalTest, MicroF1OverCorpus) {
  const char* shared = std::getenv("MSKG_SHARED");
  if (shared == nullptr || *shared == '\0') {
    GTEST_SKIP() << "MSKG_SHARED is not set (pass --test_env=MSKG_SHARED="
                    "/work/shared); the evaluation corpus is not in the repo";
  }
  const std::string corpus = std::string(shared) + "/corpus";
  const std::string gold = std::string(shared) + "/eval/gold";
  DIR* dir = opendir(corpus.c_str());
  if (dir == nullptr) GTEST_SKIP() << corpus << " not found";
  std::vector<std::string> names;
  while (struct dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (absl::EndsWith(name, ".txt")) names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  ASSERT_FALSE(names.empty());

  IngesterOptions options;
  if (const char* lex = std::getenv("MSKG_LEXICON_DIR")) options.lexicon_dir = lex;
  absl::StatusOr<std::unique_ptr<Ingester>> ingester = Ingester::Create(options);
  ASSERT_TRUE(ingester.ok()) << ingester.status();

  std::vector<Triple> triples;
  for (const std::string& name : names) {
    const std::string path = corpus + "/" + name;
    absl::StatusOr<schema::DocumentClaims> claims =
        (*ingester)->Extract(path, ReadFile(path));
    ASSERT_TRUE(claims.ok()) << claims.status();
    std::vector<Triple> t = ClaimsToTriples(*claims, name);
    triples.insert(triples.end(), t.begin(), t.end());
  }
  if (const char* out = std::getenv("MSKG_TRIPLES_OUT")) {
    std::ofstream f(out);
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
  EXPECT_GE(report->all.f1(), kMinF1);
  EXPECT_GE(report->all.precision(), kMinPrecision);
}

}  // namespace
}  // namespace mskg::ingest
