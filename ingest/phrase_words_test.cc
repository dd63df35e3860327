// Tests of the phrase word tables (phrase_words.h): head words and
// suffixes type a phrase, function words and adverbs end one, and the
// degree, general-head and leaving-out lists hold what their contracts say.
#include "ingest/phrase_words.h"

#include "gtest/gtest.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {
namespace {

TEST(PhraseWordsTest, HeadWordsGiveTheirType) {
  EXPECT_EQ(HeadWordType("pain"), schema::SYMPTOM);
  EXPECT_EQ(HeadWordType("numbness"), schema::SYMPTOM);
  EXPECT_EQ(HeadWordType("injury"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("therapy"), schema::TREATMENT);
  EXPECT_EQ(HeadWordType("x-ray"), schema::TEST);
}

TEST(PhraseWordsTest, SuffixesTypeUnlistedWords) {
  EXPECT_EQ(HeadWordType("fasciitis"), schema::CONDITION);
  EXPECT_EQ(HeadWordType("arthroscopy"), schema::TEST);
  EXPECT_EQ(HeadWordType("tenotomy"), schema::TREATMENT);
  EXPECT_EQ(HeadWordType("arthroplasty"), schema::TREATMENT);
}

TEST(PhraseWordsTest, OtherWordsGiveNoType) {
  EXPECT_EQ(HeadWordType("the"), schema::NODE_TYPE_UNSPECIFIED);
  EXPECT_EQ(HeadWordType("quickly"), schema::NODE_TYPE_UNSPECIFIED);
  EXPECT_EQ(HeadWordType(""), schema::NODE_TYPE_UNSPECIFIED);
  // Lower case only: the caller lower-cases.
  EXPECT_EQ(HeadWordType("Pain"), schema::NODE_TYPE_UNSPECIFIED);
}

TEST(PhraseWordsTest, ClinicalAndAnatomyKindsPartition) {
  for (schema::NodeType t : {schema::CONDITION, schema::SYMPTOM,
                             schema::TREATMENT, schema::TEST, schema::CAUSE}) {
    EXPECT_TRUE(IsClinical(t)) << t;
    EXPECT_FALSE(IsAnatomy(t)) << t;
  }
  for (schema::NodeType t : {schema::MUSCLE, schema::STRUCTURE,
                             schema::NERVE, schema::VESSEL}) {
    EXPECT_TRUE(IsAnatomy(t)) << t;
    EXPECT_FALSE(IsClinical(t)) << t;
  }
  EXPECT_FALSE(IsClinical(schema::NODE_TYPE_UNSPECIFIED));
  EXPECT_FALSE(IsAnatomy(schema::NODE_TYPE_UNSPECIFIED));
}

TEST(PhraseWordsTest, FunctionWordsAndAdverbsBreakPhrases) {
  EXPECT_TRUE(BreaksNounPhrase("the"));
  EXPECT_TRUE(BreaksNounPhrase("gradually"));  // An adverb in -ly.
  // Adjectives and nouns in -ly are no adverbs.
  EXPECT_FALSE(BreaksNounPhrase("daily"));
  EXPECT_FALSE(BreaksNounPhrase("belly"));
  EXPECT_FALSE(BreaksNounPhrase("ly"));  // Too short to be an adverb.
  EXPECT_FALSE(BreaksNounPhrase("heel"));
  EXPECT_FALSE(BreaksNounPhrase("pain"));
}

TEST(PhraseWordsTest, QualifiersGeneralHeadsAndLeavingOut) {
  EXPECT_TRUE(IsQualifier("severe"));
  EXPECT_TRUE(IsQualifier("chronic"));
  EXPECT_FALSE(IsQualifier("heel"));
  EXPECT_TRUE(TooGeneralAlone("treatment"));
  EXPECT_TRUE(TooGeneralAlone("muscles"));
  EXPECT_FALSE(TooGeneralAlone("sciatica"));
  EXPECT_TRUE(LeavesOut("skipping"));
  EXPECT_TRUE(LeavesOut("neglecting"));
  EXPECT_FALSE(LeavesOut("doing"));
}

TEST(PhraseWordsTest, Durations) {
  EXPECT_TRUE(IsTimeUnit("minutes"));
  EXPECT_FALSE(IsTimeUnit("routine"));
  EXPECT_TRUE(IsDuration("10-minute"));
  EXPECT_TRUE(IsDuration("30-second"));
  EXPECT_FALSE(IsDuration("minute"));   // No number.
  EXPECT_FALSE(IsDuration("10-step"));  // No unit of time.
  EXPECT_FALSE(IsDuration("10"));
  EXPECT_TRUE(IsNumber("10"));
  EXPECT_FALSE(IsNumber("10k"));
  EXPECT_FALSE(IsNumber(""));
}

TEST(PhraseWordsTest, WhichPart) {
  EXPECT_TRUE(SaysWhichPart("your"));
  EXPECT_TRUE(SaysWhichPart("affected"));
  EXPECT_FALSE(SaysWhichPart("heel"));
}

}  // namespace
}  // namespace mskg::ingest
