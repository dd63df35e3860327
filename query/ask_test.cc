#include "query/ask.h"

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AskTest : public ::testing::Test {
 protected:
  AskTest() : view_(testing::MakeTestGraph()), engine_(view_) {}

  CompiledQuestion MustCompile(absl::string_view question) {
    auto c = CompileQuestion(*view_, question);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *std::move(c) : CompiledQuestion();
  }

  std::vector<std::string> Answers(absl::string_view question) {
    auto r = Ask(engine_, question);
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const ResultRow& row : r->table.rows)
      out.push_back(row.values[0].ToString());
    return out;
  }

  std::shared_ptr<const graph::GraphView> view_;
  QueryEngine engine_;
};

TEST_F(AskTest, OpposingMusclesFollowGroupsAndDropStateWords) {
  const CompiledQuestion c = MustCompile("Which muscles oppose a tight psoas?");
  EXPECT_EQ(c.template_name, "antagonists");
  EXPECT_EQ(c.cypher,
            "MATCH (x:Muscle {name: "
            "$x})-[:PART_OF*0..2]->(g:Muscle)-[:ANTAGONIST_OF]-"
            "(m:Muscle) WHERE m <> x RETURN DISTINCT m.name AS muscle ORDER BY "
            "muscle");
  EXPECT_EQ(c.params.at("x").AsString(), "psoas major");
  EXPECT_THAT(Answers("muscles opposing a tight psoas"),
              ElementsAre("gluteal muscles"));
  EXPECT_THAT(Answers("what opposes the sore glutes"),
              ElementsAre("hip flexors", "psoas major"));
}

TEST_F(AskTest, SpasmCompositesResolveAsConditions) {
  const CompiledQuestion c =
      MustCompile("causes shared by QL spasm and psoas spasm");
  EXPECT_EQ(c.template_name, "shared_causes");
  EXPECT_THAT(c.cypher, HasSubstr("(x:Condition {name: $x})"));
  EXPECT_THAT(c.cypher, HasSubstr("(y:Condition {name: $y})"));
  EXPECT_EQ(c.params.at("x").AsString(), "quadratus lumborum spasm");
  // "psoas spasm" is no alias: psoas -> psoas major -> "psoas major spasm".
  EXPECT_EQ(c.params.at("y").AsString(), "psoas major spasm");
  EXPECT_THAT(Answers("causes shared by QL spasm and psoas spasm"),
              ElementsAre("prolonged sitting"));
  EXPECT_THAT(Answers("What causes a QL spasm?"),
              ElementsAre("poor posture", "prolonged sitting"));
}

TEST_F(AskTest, OtherTemplates) {
  EXPECT_EQ(MustCompile("where does the psoas attach").template_name,
            "attachments");
  EXPECT_THAT(Answers("where does the psoas attach"), ElementsAre("hip joint"));
  EXPECT_THAT(Answers("what attaches to the hip joint?"),
              ElementsAre("psoas major"));
  EXPECT_THAT(Answers("Which muscles stabilize the hip joint?"),
              ElementsAre("quadratus lumborum"));
  EXPECT_EQ(MustCompile("how is QL spasm treated").template_name, "treatments");
  EXPECT_EQ(MustCompile("symptoms of QL spasm").template_name, "symptoms");
  EXPECT_EQ(MustCompile("what does the psoas do").template_name, "function");
  EXPECT_EQ(MustCompile("what prevents psoas spasm").template_name,
            "prevention");
  EXPECT_EQ(MustCompile("how is psoas spasm diagnosed").template_name,
            "diagnosis");
  EXPECT_EQ(MustCompile("what strengthens the glutes").template_name,
            "strengtheners");
}

TEST_F(AskTest, RepeatedTemplatesReuseThePlan) {
  ASSERT_TRUE(Ask(engine_, "what opposes the psoas").ok());
  ASSERT_TRUE(Ask(engine_, "what opposes the glutes").ok());
  EXPECT_EQ(engine_.plan_cache_stats().hits, 1u);
}

TEST_F(AskTest, UnknownQuestionsListTheTemplates) {
  auto r = Ask(engine_, "how tall is the psoas");
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("muscles opposing X"));
  EXPECT_THAT(r.status().message(), HasSubstr("causes shared by X and Y"));
  EXPECT_EQ(AskTemplates().size(), 15u);
  auto missing = Ask(engine_, "what opposes the deltoid");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace mskg::query
