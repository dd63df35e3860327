#include "query/result_format.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

ResultTable Table() {
  ResultTable table;
  table.columns = {"muscle", "n"};
  ResultRow& row = table.rows.emplace_back();
  row.values = {Value("psoas\tmajor"), Value(int64_t{2})};
  EdgeEvidence& edge = row.evidence.emplace_back();
  edge.source = "psoas major";
  edge.relation = "ANTAGONIST_OF";
  edge.target = "gluteal muscles";
  edge.inferred = true;
  edge.rule = "part_of_antagonist";
  EdgeEvidence& premise = edge.premises.emplace_back();
  premise.source = "psoas major";
  premise.relation = "PART_OF";
  premise.target = "hip flexors";
  schema::Provenance& p = premise.support.emplace_back();
  p.set_document_id("anatomy.md");
  p.set_sentence("The psoas major is a \"hip flexor\".");
  ResultRow& second = table.rows.emplace_back();
  second.values = {Value(), Value(int64_t{10})};
  return table;
}

TEST(ResultFormatTest, TsvEscapesTabs) {
  EXPECT_EQ(FormatTsv(Table()), "muscle\tn\npsoas major\t2\nnull\t10\n");
}

TEST(ResultFormatTest, TableAlignsAndCounts) {
  ResultTable table = Table();
  table.truncated = true;
  table.notices = {"bounded"};
  EXPECT_EQ(FormatTable(table),
            "muscle      | n\n"
            "------------+---\n"
            "psoas major | 2\n"
            "null        | 10\n"
            "(2 rows, truncated)\n"
            "note: bounded\n");
}

TEST(ResultFormatTest, JsonQuotesAndNestsEvidence) {
  const std::string plain = FormatJson(Table());
  EXPECT_THAT(plain, HasSubstr("\"columns\":[\"muscle\",\"n\"]"));
  EXPECT_THAT(plain, HasSubstr("\"n\":2"));
  EXPECT_THAT(plain, HasSubstr("\"truncated\":false"));
  EXPECT_THAT(plain, ::testing::Not(HasSubstr("evidence")));
  const std::string with = FormatJson(Table(), true);
  EXPECT_THAT(with, HasSubstr("\"rule\":\"part_of_antagonist\""));
  EXPECT_THAT(with, HasSubstr("\\\"hip flexor\\\""));
  EXPECT_THAT(with, HasSubstr("\"premises\":[{"));
}

TEST(ResultFormatTest, WhyIndentsPremises) {
  const std::string why = FormatWhy(Table());
  EXPECT_THAT(why, HasSubstr("part_of_antagonist"));
  EXPECT_THAT(why, HasSubstr("anatomy.md: The psoas major is a \"hip flexor\"."));
  const size_t rule = why.find("part_of_antagonist");
  const size_t premise = why.find("hip flexors");
  ASSERT_NE(premise, std::string::npos);
  EXPECT_LT(rule, premise);
}

}  // namespace
}  // namespace mskg::query
