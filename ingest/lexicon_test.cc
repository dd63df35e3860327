#include "ingest/lexicon.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

using ::testing::HasSubstr;

constexpr char kDir[] = "ingest/testdata/lexicon";

TEST(LexiconTest, LoadsDirectory) {
  absl::StatusOr<std::unique_ptr<Lexicon>> lex = Lexicon::LoadDirectory(kDir);
  ASSERT_TRUE(lex.ok()) << lex.status();
  const LexiconEntry* psoas = (*lex)->Find(schema::MUSCLE, "Psoas Muscle");
  ASSERT_NE(psoas, nullptr);
  EXPECT_EQ(psoas->name, "psoas major");
  const LexiconEntry* group = (*lex)->Find(schema::MUSCLE, "hip flexors");
  ASSERT_NE(group, nullptr);
  EXPECT_TRUE(group->is_group);
  EXPECT_NE((*lex)->Find(schema::TEST, "MRI"), nullptr);
}

TEST(LexiconTest, AdjectivesAreAliasesThatNameNoNode) {
  auto lex =
      Lexicon::Load({{"data/lexicon/a.tsv",
                      "type\tname\taliases\n"
                      "Symptom\tdiscoloration\tdiscolouration\n"},
                     {"data/lexicon/b.tsv",
                      "type\tname\tadjectives\n"
                      "Symptom\tdiscoloration\tdiscolored|discoloured\n"}});
  ASSERT_TRUE(lex.ok()) << lex.status();
  const LexiconEntry* e = (*lex)->Find(schema::SYMPTOM, "discoloured");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "discoloration");
  EXPECT_THAT(e->adjectives,
              ::testing::ElementsAre("discolored", "discoloured"));
  EXPECT_THAT(e->aliases, ::testing::Contains("discolouration"));
  EXPECT_THAT(e->aliases, ::testing::Contains("discoloured"));
}

TEST(LexiconTest, ReferenceClaims) {
  auto lex = Lexicon::LoadDirectory(kDir);
  ASSERT_TRUE(lex.ok());
  schema::DocumentClaims ref = (*lex)->ReferenceClaims();
  EXPECT_EQ(ref.document_id(), "reference");
  bool found = false;
  for (const schema::Claim& c : ref.claims()) {
    if (c.subject().name() == "psoas major" && c.relation() == schema::PART_OF &&
        c.object().name() == "hip flexors") {
      found = true;
      EXPECT_EQ(c.provenance().rule(), "lexicon");
      EXPECT_THAT(c.provenance().sentence(), HasSubstr("muscles.tsv:"));
    }
  }
  EXPECT_TRUE(found);
}

TEST(LexiconTest, MalformedLinesNameFileAndLine) {
  auto bad = Lexicon::Load({{"data/lexicon/x.tsv",
                             "# c\ntype\tname\taliases\nCondition\tspasm\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(),
              HasSubstr("data/lexicon/x.tsv:3: wrong number of columns"));
  auto type = Lexicon::Load(
      {{"data/lexicon/x.tsv", "type\tname\taliases\nOrgan\tliver\t\n"}});
  EXPECT_THAT(type.status().message(),
              HasSubstr("data/lexicon/x.tsv:2: unknown type 'Organ'"));
  auto empty = Lexicon::Load(
      {{"data/lexicon/x.tsv", "type\tname\taliases\nCondition\t \t\n"}});
  EXPECT_THAT(empty.status().message(), HasSubstr("x.tsv:2: empty name"));
  auto dangling = Lexicon::Load(
      {{"data/lexicon/muscles.tsv",
        "name\taliases\tpart_of\nbiceps\t\tarm flexors\n"}});
  EXPECT_THAT(dangling.status().message(),
              HasSubstr("muscles.tsv:2: part_of names 'arm flexors'"));
}

TEST(LexiconTest, MissingDirectory) {
  EXPECT_EQ(Lexicon::LoadDirectory("/nonexistent").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace mskg::ingest
