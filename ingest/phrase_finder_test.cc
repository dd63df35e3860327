// Tests of open-vocabulary noun phrases (phrase_finder.h), through the
// linker with the test lexicon. Sentences written for these tests.
#include "ingest/phrase_finder.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/tokenizer.h"

namespace mskg::ingest {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class PhraseFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicon::LoadDirectory("ingest/testdata/lexicon");
    ASSERT_TRUE(lex.ok()) << lex.status();
    lexicon_ = *std::move(lex);
    linker_ = std::make_unique<EntityLinker>(lexicon_.get());
  }
  // "Type name" of every mention, "+" after the type for open ones.
  std::vector<std::string> Mentions(const std::string& text) {
    LinkerState state;
    std::vector<std::string> out;
    for (const Mention& m : linker_->Link(Tokenize(text), &state)) {
      out.push_back(absl::StrCat(NodeTypeLabel(m.type), m.open ? "+ " : " ",
                                 m.name));
    }
    return out;
  }
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<EntityLinker> linker_;
};

TEST(HeadWordTypeTest, GeneralVocabularyAndSuffixes) {
  EXPECT_EQ(HeadWordType("numbness"), schema::SYMPTOM);
  EXPECT_EQ(HeadWordType("sprain"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("bursitis"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("tendinosis"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("neuropathy"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("arthroscopy"), schema::TEST);
  EXPECT_EQ(HeadWordType("tenotomy"), schema::TREATMENT);
  EXPECT_EQ(HeadWordType("brace"), schema::TREATMENT);
  // "-osis" names a condition, but not in the words for finding one out.
  EXPECT_EQ(HeadWordType("diagnosis"), schema::TEST);
  EXPECT_EQ(HeadWordType("prognosis"), schema::NODE_TYPE_UNSPECIFIED);
  EXPECT_EQ(HeadWordType("table"), schema::NODE_TYPE_UNSPECIFIED);
}

TEST(BreaksNounPhraseTest, FunctionWordsVerbsAdverbs) {
  EXPECT_TRUE(BreaksNounPhrase("the"));
  EXPECT_TRUE(BreaksNounPhrase("causes"));
  EXPECT_TRUE(BreaksNounPhrase("gradually"));
  EXPECT_FALSE(BreaksNounPhrase("early"));
  EXPECT_FALSE(BreaksNounPhrase("wrist"));
}

TEST_F(PhraseFinderTest, HeadFinalPhrasesTypedByTheirHead) {
  auto m = Mentions("Typists often develop wrist bursitis and hand numbness.");
  EXPECT_THAT(m, Contains("Condition+ wrist bursitis"));
  EXPECT_THAT(m, Contains("Symptom+ hand numbness"));
  // A lexicon body part inside the phrase is part of its name.
  EXPECT_THAT(Mentions("Rowers may get femur stress fractures."),
              Contains("Condition+ femur stress fractures"));
  m = Mentions("A night splint and paraffin therapy were tried.");
  EXPECT_THAT(m, Contains("Treatment+ night splint"));
  EXPECT_THAT(m, Contains("Treatment+ paraffin therapy"));
}

TEST_F(PhraseFinderTest, BodyPartsSaidToBeDamagedAreConditions) {
  // A participle of injury before a body part names a condition of it,
  // without the body part's complement; any other modifier does not.
  auto m = Mentions("A herniated disk in the spine pressed on an inflamed tendon.");
  EXPECT_THAT(m, Contains("Condition+ herniated disk"));
  EXPECT_THAT(m, Contains("Condition+ inflamed tendon"));
  EXPECT_THAT(Mentions("The lumbar disk was fine."),
              Not(Contains(HasSubstr("Condition"))));
}

TEST_F(PhraseFinderTest, ASentenceOpeningWithWhatIsNotDoneNamesACause) {
  EXPECT_THAT(Mentions("Not stretching after a run, and rest, matter."),
              Contains("Cause+ not stretching after a run"));
  // Only at the start, and only before an -ing form.
  EXPECT_THAT(Mentions("It is not stretching after a run."),
              Not(Contains(HasSubstr("Cause+ not"))));
  EXPECT_THAT(Mentions("Not only the calf hurts."),
              Not(Contains(HasSubstr("Cause+ not"))));
}

TEST_F(PhraseFinderTest, QualifiersDropGeneralHeadsAloneDoNot) {
  // "severe" says how much, not what.
  EXPECT_THAT(Mentions("It ended in severe wrist bursitis."),
              Contains("Condition+ wrist bursitis"));
  // "the treatment" alone names nothing.
  EXPECT_THAT(Mentions("The treatment took weeks."),
              Not(Contains("Treatment+ treatment")));
}

TEST_F(PhraseFinderTest, VerbsBeforeArticlesAreNoPhrases) {
  EXPECT_THAT(Mentions("Stretch the forearm every morning."),
              Not(Contains("Treatment+ stretch")));
  EXPECT_THAT(Mentions("A gentle stretch eased it."),
              Contains("Treatment+ stretch"));
  // After a modifier too; a noun before a relative clause stays a noun.
  EXPECT_THAT(Mentions("The hamstrings support the pelvis."),
              Not(Contains("Treatment+ hamstrings support")));
  EXPECT_THAT(Mentions("Choose a seat with lower back support."),
              Contains("Treatment+ lower back support"));
  EXPECT_THAT(Mentions("Physical therapy that works takes weeks."),
              Contains("Treatment physical therapy"));
}

TEST_F(PhraseFinderTest, ComplementsBelongToTheName) {
  EXPECT_THAT(Mentions("She noticed a loss of grip strength."),
              Contains("Symptom+ loss of grip strength"));
  EXPECT_THAT(Mentions("He had difficulty climbing stairs."),
              Contains("Symptom+ difficulty climbing stairs"));
  EXPECT_THAT(Mentions("Weakness and loss of movement occur later."),
              Contains("Symptom+ loss of movement"));
  EXPECT_THAT(Mentions("She had difficulty buttoning shirts."),
              Contains("Symptom+ difficulty buttoning shirts"));
  EXPECT_THAT(Mentions("Dancers get a so-called dancer's hip joint."),
              Contains("Condition+ dancer's hip joint"));
}

TEST_F(PhraseFinderTest, PossessiveBodyPartNamesAConditionOnlyWhenBare) {
  EXPECT_THAT(Mentions("She has rower's lower back."),
              Contains("Condition+ rower's lower back"));
  EXPECT_THAT(Mentions("The pain spread over the rower's lower back."),
              Not(Contains("Condition+ rower's lower back")));
  EXPECT_THAT(Mentions("It hurt an athlete's lower back."),
              Not(Contains("Condition+ athlete's lower back")));
}

TEST_F(PhraseFinderTest, BodyPartProblemsNameADisorderOfThePart) {
  EXPECT_THAT(Mentions("My hip joint problems started last year."),
              Contains("Condition+ hip joint problems"));
  EXPECT_THAT(Mentions("The hip joint is no problem now."),
              Not(Contains("Condition+ hip joint problem")));
}

TEST_F(PhraseFinderTest, ADeficiencyOfSomethingIsACondition) {
  EXPECT_THAT(Mentions("Iron deficiency can lead to fatigue."),
              Contains("Condition+ iron deficiency"));
  EXPECT_THAT(Mentions("It leads to a deficiency."),
              Not(Contains(HasSubstr("deficiency"))));
}

TEST_F(PhraseFinderTest, WhatAConditionMakesHardToDoIsADifficulty) {
  const auto hard = Mentions(
      "Bursitis can make it harder to kneel, lift a box or open a jar.");
  EXPECT_THAT(hard, Contains("Symptom+ difficulty kneeling"));
  EXPECT_THAT(hard, Contains("Symptom+ difficulty lifting a box"));
  EXPECT_THAT(hard, Contains("Symptom+ difficulty opening a jar"));
  EXPECT_THAT(Mentions("It may affect your ability to hold a pen."),
              Contains("Symptom+ difficulty holding a pen"));
  // A noun phrase of it is a name already.
  EXPECT_THAT(Mentions("Reduced ability to turn the head."),
              Contains("Symptom+ reduced ability to turn the head"));
  // Saying and knowing are no activities of the body.
  EXPECT_THAT(Mentions("It is hard to say why it hurts."),
              Not(Contains(HasSubstr("difficulty"))));
  EXPECT_THAT(Mentions("It is hard to really know."),
              Not(Contains(HasSubstr("difficulty"))));
  // Hard without "it", and ability without what limits it.
  EXPECT_THAT(Mentions("The chair is hard to carry."),
              Not(Contains(HasSubstr("difficulty"))));
  EXPECT_THAT(Mentions("Her ability to sprint improved."),
              Not(Contains(HasSubstr("difficulty"))));
}

TEST_F(PhraseFinderTest, ActivitiesGivenAsExamplesAreNamed) {
  const auto causes = Mentions(
      "Small habits, such as typing on a tablet, knitting or hunching over "
      "a desk, strain the wrist.");
  EXPECT_THAT(causes, Contains("Cause+ typing on a tablet"));
  EXPECT_THAT(causes, Contains("Cause+ knitting"));
  EXPECT_THAT(causes, Contains("Cause+ hunching over a desk"));
  // After a treatment, its kinds.
  EXPECT_THAT(Mentions("Try physical therapy, including walking backwards."),
              Contains("Treatment+ walking backwards"));
  // Nouns in -ing and things that are no activity.
  EXPECT_THAT(Mentions("Symptoms such as swelling and bruising."),
              Not(Contains(HasSubstr("+ swelling"))));
  EXPECT_THAT(Mentions("Times such as morning or evening."),
              Not(Contains(HasSubstr("Cause+"))));
}

TEST_F(PhraseFinderTest, AMechanicalLoadIsNoCauseOrInjury) {
  EXPECT_THAT(Mentions("Running puts stress on the knee."),
              Not(Contains(HasSubstr("stress"))));
  EXPECT_THAT(Mentions("Extra weight increases stress and strain on the hip."),
              Not(Contains(HasSubstr("strain"))));
  EXPECT_THAT(Mentions("Emotional stress can cause muscle tension."),
              Contains(HasSubstr("stress")));
  EXPECT_THAT(Mentions("A hamstring strain heals slowly."),
              Contains(HasSubstr("hamstring strain")));
}

TEST_F(PhraseFinderTest, ANameDoesNotBeginWithAVerb) {
  EXPECT_THAT(Mentions("She was exploring osteopathy for it."),
              Contains("Treatment+ osteopathy"));
  EXPECT_THAT(Mentions("The plan kept introducing night splints."),
              Contains("Treatment+ night splints"));
  // Causes are often gerunds; left-out treatments stay causes.
  EXPECT_THAT(Mentions("Runners are known for neglecting hip strengthening."),
              Contains("Cause+ neglecting hip strengthening"));
  // After a modal, a word that is a noun elsewhere is the verb.
  EXPECT_THAT(Mentions("Sciatica can damage nerves."),
              Not(Contains(HasSubstr("damage nerves"))));
  EXPECT_THAT(Mentions("Nerve damage is rare."),
              Contains(HasSubstr("nerve damage")));
}

TEST_F(PhraseFinderTest, AFieldOfMedicineIsNoTreatment) {
  EXPECT_THAT(Mentions("She saw a sports medicine doctor."),
              Not(Contains("Treatment+ sports medicine")));
  EXPECT_THAT(Mentions("He took pain medicine."),
              Contains("Treatment+ pain medicine"));
}

TEST_F(PhraseFinderTest, CareSaidByHowSoonIsNoTreatment) {
  EXPECT_THAT(Mentions("Seek immediate care for the knee."),
              Not(Contains(HasSubstr("care"))));
  EXPECT_THAT(Mentions("Seek urgent care for the knee."),
              Not(Contains(HasSubstr("care"))));
  EXPECT_THAT(Mentions("She needed chiropractic care for the knee."),
              Contains("Treatment+ chiropractic care"));
}

TEST_F(PhraseFinderTest, EvaluativeAdjectivesQualify) {
  EXPECT_THAT(Mentions("It ended in unpleasant wrist bursitis."),
              Contains("Condition+ wrist bursitis"));
}

TEST_F(PhraseFinderTest, HowOftenAndHowLongQualify) {
  // Once "daily" and "10 minute" are read as how often and how long, what
  // is left ("routine") is too general to name a treatment alone.
  EXPECT_THAT(Mentions("Try a daily routine."),
              Not(Contains(HasSubstr("routine"))));
  EXPECT_THAT(Mentions("Try a 10 minute routine."),
              Not(Contains(HasSubstr("routine"))));
  EXPECT_THAT(Mentions("Try a 10-minute heat therapy."),
              ElementsAre("Treatment heat therapy"));
  EXPECT_THAT(Mentions("Try a stretching routine."),
              Contains("Treatment+ stretching routine"));
}

TEST_F(PhraseFinderTest, LeavingATreatmentOutIsACause) {
  EXPECT_THAT(Mentions("Runners are known for neglecting hip strengthening."),
              Contains("Cause+ neglecting hip strengthening"));
  EXPECT_THAT(Mentions("Runners are known for regular hip strengthening."),
              Not(Contains("Cause+ regular hip strengthening")));
}

}  // namespace
}  // namespace mskg::ingest
