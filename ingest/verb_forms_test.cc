// Tests of IsVerbForm (verb_forms.h): forms of verbs that are no noun,
// adjective or adverb are in the list; nouns and adjectives are not. And
// GerundOf's spelling rules.
#include "ingest/verb_forms.h"

#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

TEST(VerbFormsTest, VerbsThatAreNoNouns) {
  for (const char* w : {"termed", "introducing", "exploring", "avoid",
                        "claiming", "adjust"}) {
    EXPECT_TRUE(IsVerbForm(w)) << w;
  }
}

TEST(VerbFormsTest, NounsAdjectivesAndNamesAreNot) {
  for (const char* w : {"running", "stretching", "rest", "swelling",
                        "swollen", "posture", "knee", "", "# Generated"}) {
    EXPECT_FALSE(IsVerbForm(w)) << w;
  }
}

TEST(VerbFormsTest, GerundsFollowTheSpellingRules) {
  EXPECT_EQ(GerundOf("twist"), "twisting");
  EXPECT_EQ(GerundOf("overstretch"), "overstretching");
  EXPECT_EQ(GerundOf("drive"), "driving");
  EXPECT_EQ(GerundOf("see"), "seeing");
  EXPECT_EQ(GerundOf("lie"), "lying");
  EXPECT_EQ(GerundOf("sit"), "sitting");
  EXPECT_EQ(GerundOf("grip"), "gripping");
  // Not doubled: two vowels, or a final w, x or y.
  EXPECT_EQ(GerundOf("visit"), "visiting");
  EXPECT_EQ(GerundOf("sleep"), "sleeping");
  EXPECT_EQ(GerundOf("row"), "rowing");
  EXPECT_EQ(GerundOf("play"), "playing");
  EXPECT_EQ(GerundOf(""), "ing");
}

}  // namespace
}  // namespace mskg::ingest
