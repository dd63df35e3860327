// Tests of the claim model's file format and decisions.
#include "ingest/claim_model.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

TEST(ClaimModelTest, WeighsFeaturesAndDecidesItsRules) {
  auto model = ClaimModel::Parse("m.tsv",
                                 "# a comment\n"
                                 "threshold\t0.4\n"
                                 "decides\ttopic_pair\n"
                                 "bias\t-1\n"
                                 "rel=TREATS\t2\n");
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_DOUBLE_EQ((*model)->threshold(), 0.4);
  // sigmoid(-1 + 2) and sigmoid(-1); unknown features weigh nothing.
  EXPECT_NEAR((*model)->Probability({"bias", "rel=TREATS"}), 0.7311, 1e-4);
  EXPECT_NEAR((*model)->Probability({"bias", "rel=CAUSES"}), 0.2689, 1e-4);
  EXPECT_TRUE((*model)->Decides("topic_pair"));
  EXPECT_FALSE((*model)->Decides("section_list"));
}

TEST(ClaimModelTest, WithoutDecidesLinesItDecidesEveryRule) {
  auto model = ClaimModel::Parse("m.tsv", "threshold\t0.5\nbias\t0\n");
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_TRUE((*model)->Decides("anything"));
}

TEST(ClaimModelTest, MalformedLineNamesFileAndLine) {
  auto model = ClaimModel::Parse("m.tsv", "threshold\t0.5\nbias\tnot-a-number\n");
  ASSERT_FALSE(model.ok());
  EXPECT_THAT(std::string(model.status().message()),
              ::testing::HasSubstr("m.tsv:2:"));
}

TEST(ClaimModelTest, EmbeddedModelLoads) {
  const ClaimModel& model = ClaimModel::Embedded();
  EXPECT_GT(model.threshold(), 0.0);
  EXPECT_LT(model.threshold(), 1.0);
}

}  // namespace
}  // namespace mskg::ingest
