#include "ingest/entity_linker.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/document_naming.h"

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

// The extractor claims nothing between two numbers of one name ("ACL
// injuries can lead to ACL injury"): SingularKey tells them alike.
TEST(SingularKeyTest, NumbersOfOneNameAreAlike) {
  EXPECT_EQ(SingularKey("ACL injuries"), SingularKey("acl injury"));
  EXPECT_EQ(SingularKey("calf stretches"), SingularKey("calf stretch"));
  EXPECT_EQ(SingularKey("shin splints"), SingularKey("shin splint"));
  EXPECT_NE(SingularKey("sinus"), SingularKey("sinu"));
  EXPECT_NE(SingularKey("tendinitis"), SingularKey("tendinosis"));
}

TEST_F(EntityLinkerTest, LongestMatchCasePluralHyphenPossessive) {
  EXPECT_EQ(Names("Lower Back Pain and the Psoas Major Muscle's pull"),
            (std::vector<std::string>{"lower back pain", "psoas major"}));
  EXPECT_EQ(Names("the hip-flexor and Hip Flexors"),
            (std::vector<std::string>{"hip flexors", "hip flexors"}));
}

TEST_F(EntityLinkerTest, AbbreviationsInCapitalsMatchOnlyWordsWithACapital) {
  EXPECT_EQ(Names("TENS eased it").size(), 1u);
  EXPECT_EQ(Names("Tens units ease it").size(), 1u);
  EXPECT_EQ(Names("after tens of thousands of steps"),
            std::vector<std::string>{});
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
  // A modal or "tend to" before the verb, a comma closing an appositive.
  using ::testing::Contains;
  using ::testing::Not;
  EXPECT_THAT(Names("your glutes can get very weak"),
              Contains("weak gluteal muscles"));
  EXPECT_THAT(Names("hip flexors tend to get tight"),
              Contains("tight hip flexors"));
  EXPECT_THAT(Names("the psoas, as we saw, is tight"),
              Not(Contains("tight psoas major")));
  EXPECT_THAT(Names("the hamstrings, or posterior thigh muscles, become tight"),
              Contains("tight hamstrings"));
}

TEST_F(EntityLinkerTest, ComposedStatesTakeEveryNameOfTheMuscle) {
  // Lay names and abbreviations compose to the canonical muscle's state; a
  // group takes its head word or singular before a noun.
  EXPECT_EQ(Names("my psoas spasm"),
            (std::vector<std::string>{"psoas major spasm"}));
  EXPECT_EQ(Names("a QL spasm"),
            (std::vector<std::string>{"quadratus lumborum spasm"}));
  EXPECT_EQ(Names("tight glutes"),
            (std::vector<std::string>{"tight gluteal muscles"}));
  EXPECT_EQ(Names("the glute spasm"),
            (std::vector<std::string>{"gluteal spasm"}));
  EXPECT_EQ(Names("groin muscle cramps"),
            (std::vector<std::string>{"groin spasm"}));
  // A state the lexicon names itself keeps the lexicon's name.
  EXPECT_EQ(Names("a hamstrings strain"),
            (std::vector<std::string>{"hamstring strain"}));
  std::vector<Mention> m = linker_->Link(Tokenize("tight psoas"), &state_);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].state, "tight");
  EXPECT_TRUE(m[0].state_prefix);
}

TEST_F(EntityLinkerTest, StateAliasesComeFromTheMusclesNames) {
  using ::testing::Contains;
  using ::testing::Not;
  std::vector<std::string> spasm =
      linker_->StateAliases("spasm", false, "quadratus lumborum");
  EXPECT_THAT(spasm, Contains("QL spasm"));
  EXPECT_THAT(spasm, Contains("quadratus lumborum muscle spasm"));
  EXPECT_THAT(spasm, Not(Contains("quadratus lumborum spasm")));
  std::vector<std::string> tight =
      linker_->StateAliases("tight", true, "gluteal muscles");
  EXPECT_THAT(tight, Contains("tight glutes"));
  EXPECT_THAT(tight, Contains("glutes tightness"));
  EXPECT_THAT(tight, Contains("gluteal tightness"));
  std::vector<std::string> weak =
      linker_->StateAliases("weak", true, "core muscles");
  EXPECT_THAT(weak, Contains("weak core"));
  EXPECT_THAT(weak, Contains("core weakness"));
  EXPECT_TRUE(linker_->StateAliases("spasm", false, "femur").empty());
}

TEST_F(EntityLinkerTest, StateVerbsPronounsAndGlosses) {
  // An intransitive verb of state change gives the muscle the state; a
  // transitive one does not.
  EXPECT_EQ(Names("long hours make the hip flexors tighten up"),
            (std::vector<std::string>{"hip flexors", "tight hip flexors"}));
  EXPECT_EQ(Names("weak glutes let the hamstrings tighten the pelvis"),
            (std::vector<std::string>{"weak gluteal muscles", "hamstrings",
                                      "pelvis"}));
  // "... too tight they could ...": no adjective composes with a pronoun.
  state_ = LinkerState();
  Names("the piriformis is deep");
  EXPECT_EQ(Names("if they get too tight they pinch"),
            (std::vector<std::string>{"tight piriformis"}));
  // "prone to straining": the strain of the muscle named before.
  EXPECT_EQ(Names("a tight QL is prone to straining"),
            (std::vector<std::string>{"tight quadratus lumborum",
                                      "quadratus lumborum strain"}));
}

TEST_F(EntityLinkerTest, StructurePredicatesAndBareDisorders) {
  EXPECT_EQ(Names("the SI joint can become a common source of pain"),
            (std::vector<std::string>{"sacroiliac joint dysfunction"}));
  EXPECT_EQ(
      Names("the SI joint hurts, whether from inflammation or instability"),
      (std::vector<std::string>{"sacroiliac joint",
                                "sacroiliac joint inflammation",
                                "sacroiliac joint instability"}));
  // Without a structure, a bare condition noun is an open-vocabulary
  // condition of its own (phrase_finder.h), affecting nothing.
  EXPECT_EQ(Names("rubbing it reduces inflammation"),
            (std::vector<std::string>{"inflammation"}));
}

TEST_F(EntityLinkerTest, ConditionNamedAfterStructureAffectsIt) {
  std::vector<Mention> m =
      linker_->Link(Tokenize("SI joint dysfunction"), &state_);
  ASSERT_EQ(m.size(), 1u);
  // Named as written, the lexicon's name kept as its alias.
  EXPECT_EQ(m[0].name, "SI joint dysfunction");
  EXPECT_EQ(m[0].alias, "sacroiliac joint dysfunction");
  EXPECT_EQ(m[0].affects, "sacroiliac joint");
}

TEST_F(EntityLinkerTest, Ellipsis) {
  EXPECT_EQ(Names("the gluteus maximus, medius, and minimus"),
            (std::vector<std::string>{"gluteus maximus", "gluteus medius",
                                      "gluteus minimus"}));
}

}  // namespace
}  // namespace mskg::ingest
