// Tests of IsVerbForm (verb_forms.h): forms of verbs that are no noun,
// adjective or adverb are in the list; nouns and adjectives are not.
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

}  // namespace
}  // namespace mskg::ingest
