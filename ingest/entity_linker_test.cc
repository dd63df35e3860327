#include "ingest/entity_linker.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

class EntityLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicon::LoadDirectory("ingest/testdata/lexicon");
    ASSERT_TRUE(lex.ok()) << lex.status();
    lexicon_ = std::move(*lex);
    linker_ = std::make_unique<EntityLinker>(lexicon_.get());
  }
  std::vector<std::string> Names(const std::string& text) {
    std::vector<std::string> out;
    for (const Mention& m : linker_->Link(Tokenize(text), &state_)) {
      out.push_back(m.name);
    }
    return out;
  }
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<EntityLinker> linker_;
  LinkerState state_;
};

TEST_F(EntityLinkerTest, LongestMatchCasePluralHyphenPossessive) {
  EXPECT_EQ(Names("Lower Back Pain and the Psoas Major Muscle's pull"),
            (std::vector<std::string>{"lower back pain", "psoas major"}));
  EXPECT_EQ(Names("the hip-flexor and Hip Flexors"),
            (std::vector<std::string>{"hip flexors", "hip flexors"}));
}

TEST_F(EntityLinkerTest, DefinedAbbreviation) {
  Names("the sacroiliac joint (SJX) is stable");
  EXPECT_EQ(Names("the SJX hurts"),
            (std::vector<std::string>{"sacroiliac joint"}));
}

TEST_F(EntityLinkerTest, ComposedMuscleStates) {
  std::vector<Mention> m =
      linker_->Link(Tokenize("tight hip flexors and a QL spasm"), &state_);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "tight hip flexors");
  EXPECT_EQ(m[0].type, schema::CONDITION);
  EXPECT_EQ(m[0].affects, "hip flexors");
  EXPECT_EQ(m[1].name, "quadratus lumborum spasm");
  EXPECT_EQ(Names("spasm of the psoas"),
            (std::vector<std::string>{"psoas major spasm"}));
  EXPECT_EQ(Names("hamstring weakness"),
            (std::vector<std::string>{"weak hamstrings"}));
  std::vector<std::string> pred = Names("the glutes and the core aren't strong enough");
  std::sort(pred.begin() + 2, pred.end(), std::greater<std::string>());
  EXPECT_EQ(pred, (std::vector<std::string>{"gluteal muscles", "core muscles",
                                            "weak gluteal muscles",
                                            "weak core muscles"}));
}

TEST_F(EntityLinkerTest, ConditionNamedAfterStructureAffectsIt) {
  std::vector<Mention> m =
      linker_->Link(Tokenize("SI joint dysfunction"), &state_);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].name, "sacroiliac joint dysfunction");
  EXPECT_EQ(m[0].affects, "sacroiliac joint");
}

TEST_F(EntityLinkerTest, Ellipsis) {
  EXPECT_EQ(Names("the gluteus maximus, medius, and minimus"),
            (std::vector<std::string>{"gluteus maximus", "gluteus medius",
                                      "gluteus minimus"}));
}

}  // namespace
}  // namespace mskg::ingest
