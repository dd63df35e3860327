// interop/rdf_writer_test.cc: N-Triples and Turtle parse with raptor's
// `rapper` with zero errors; IRIs are stable.
#include "interop/rdf_writer.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

using ::testing::HasSubstr;

constexpr char kRapper[] = "/usr/bin/rapper";

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `rapper -i <syntax> -c <path>`; returns its exit code and stores its
// standard error (where it reports the count and any error).
int RunRapper(const std::string& syntax, const std::string& path,
              std::string* messages) {
  const std::string log =
      TempPath(std::filesystem::path(path).filename().string() + ".log");
  const std::string command = absl::StrCat(kRapper, " -i ", syntax, " -c '",
                                           path, "' 2>'", log, "' >/dev/null");
  const int status = std::system(command.c_str());
  *messages = ReadAll(log);
  return WEXITSTATUS(status);
}

class RdfWriterTest : public ::testing::TestWithParam<RdfSyntax> {};

TEST_P(RdfWriterTest, RapperParsesWithoutErrors) {
  if (!std::filesystem::exists(kRapper)) {
    GTEST_SKIP() << kRapper << " missing (apt-get install raptor2-utils)";
  }
  auto view = testing::TrickyGraph();
  RdfWriterOptions options;
  options.syntax = GetParam();
  const bool turtle = options.syntax == RdfSyntax::kTurtle;
  const std::string path = TempPath(turtle ? "graph.ttl" : "graph.nt");
  absl::StatusOr<int64_t> triples;
  {
    std::ofstream out(path, std::ios::binary);
    triples = WriteRdf(*view, options, &out);
  }
  ASSERT_TRUE(triples.ok()) << triples.status();
  std::string messages;
  EXPECT_EQ(RunRapper(turtle ? "turtle" : "ntriples", path, &messages), 0)
      << messages;
  EXPECT_THAT(messages, ::testing::Not(HasSubstr("rror")));
  EXPECT_THAT(messages, HasSubstr(absl::StrCat("returned ", *triples,
                                               " triples")));
}

INSTANTIATE_TEST_SUITE_P(Syntaxes, RdfWriterTest,
                         ::testing::Values(RdfSyntax::kNTriples,
                                           RdfSyntax::kTurtle));

TEST(RdfWriterIriTest, StableIrisAndReification) {
  EXPECT_EQ(NodeIri(schema::MUSCLE, "Hip Flexors"),
            "https://mskg.dev/id/Muscle/hip%20flexor");
  EXPECT_EQ(NodeIri(schema::STRUCTURE, "<>&"),
            "https://mskg.dev/id/Structure/_");
  auto view = testing::TrickyGraph();
  std::ostringstream out;
  ASSERT_TRUE(WriteRdf(*view, {}, &out).ok());
  const std::string nt = out.str();
  EXPECT_THAT(nt, HasSubstr(
      "<https://mskg.dev/id/Muscle/psoa%20major> "
      "<https://mskg.dev/vocab#PART_OF> "
      "<https://mskg.dev/id/Muscle/hip%20flexor> .\n"));
  EXPECT_THAT(nt, HasSubstr(
      "<https://mskg.dev/id/edge/Muscle/psoa%20major/PART_OF/Muscle/"
      "hip%20flexor> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .\n"));
  EXPECT_THAT(nt, HasSubstr("<https://mskg.dev/vocab#document> \"doc \\\"one\\\"\" ."));
  // The denied edge is only reified, never asserted.
  EXPECT_THAT(nt, ::testing::Not(HasSubstr(
      "<https://mskg.dev/vocab#TREATS> <https://mskg.dev/id/Condition/")));
}

TEST(RdfWriterIriTest, VocabularyFileParses) {
  if (!std::filesystem::exists(kRapper)) {
    GTEST_SKIP() << kRapper << " missing (apt-get install raptor2-utils)";
  }
  const std::string path = "schema/mskg_vocabulary.ttl";
  ASSERT_TRUE(std::filesystem::exists(path));
  std::string messages;
  EXPECT_EQ(RunRapper("turtle", path, &messages), 0) << messages;
  EXPECT_THAT(messages, ::testing::Not(HasSubstr("rror")));
  const std::string ttl = ReadAll(path);
  for (int r = 1; r < 19; ++r) {
    EXPECT_THAT(ttl, HasSubstr(absl::StrCat(
                         "mskg:", schema::Relation_Name(
                                      static_cast<schema::Relation>(r)),
                         " ")));
  }
}

}  // namespace
}  // namespace mskg::interop
