// Tests of the general rule families: the cue table (cue_rules.cc), the
// section rules (section_rules.cc) and the topic (topic_rules.cc), through
// Ingester::Extract with the test lexicon. Each rule has a sentence it must
// read and one it must not; all written for these tests.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/claim_strings_for_test.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class OpenRulesTest : public TestLexiconClaims {};

TEST_F(OpenRulesTest, CauseCuesBothWays) {
  EXPECT_THAT(Claims("Repetitive lifting leads to wrist tendinitis."),
              Contains("repetitive lifting CAUSES wrist tendinitis"));
  EXPECT_THAT(Claims("Wrist tendinitis is often caused by repetitive typing."),
              Contains("repetitive typing CAUSES wrist tendinitis"));
  // Side by side without a cue, nothing is claimed.
  EXPECT_THAT(Claims("Overuse and wrist tendinitis were both discussed."),
              Not(Contains(HasSubstr("CAUSES"))));
}

TEST_F(OpenRulesTest, NegatedAndHedgedCues) {
  EXPECT_THAT(Claims("Wrist tendinitis does not lead to elbow bursitis."),
              Contains("!wrist tendinitis CAUSES elbow bursitis"));
  EXPECT_THAT(Claims("Repetitive lifting may cause wrist tendinitis."),
              Contains("?repetitive lifting CAUSES wrist tendinitis"));
}

TEST_F(OpenRulesTest, AnEffectThatIsASymptomIsHasSymptom) {
  EXPECT_THAT(Claims("Elbow bursitis causes hand numbness."),
              Contains("elbow bursitis HAS_SYMPTOM hand numbness"));
  EXPECT_THAT(Claims("Elbow bursitis causes hand numbness."),
              Not(Contains("elbow bursitis CAUSES hand numbness")));
}

TEST_F(OpenRulesTest, TreatmentCues) {
  EXPECT_THAT(Claims("Elbow bursitis is treated with splinting."),
              Contains("splinting TREATS elbow bursitis"));
  EXPECT_THAT(Claims("A night splint relieves wrist tendinitis."),
              Contains("night splint TREATS wrist tendinitis"));
  EXPECT_THAT(Claims("A night splint was found in the drawer."),
              Not(Contains(HasSubstr("TREATS"))));
}

TEST_F(OpenRulesTest, SectionsClaimTheirKindForTheTopic) {
  const std::string doc =
      "Wrist Tendinitis\n\n"
      "Symptoms\n\n"
      "Most people notice swelling and a dull ache.\n\n"
      "Prevention\n\n"
      "Wrist braces are worth a try.\n\n"
      "Overview\n\n"
      "Stiffness is common in many joints.\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("wrist tendinitis HAS_SYMPTOM swelling"));
  EXPECT_THAT(c, Contains("wrist tendinitis HAS_SYMPTOM dull ache"));
  EXPECT_THAT(c, Contains("wrist braces PREVENTS wrist tendinitis"));
  // A section of no relation's kind claims nothing for the topic.
  EXPECT_THAT(c, Not(Contains("wrist tendinitis HAS_SYMPTOM stiffness")));
}

TEST_F(OpenRulesTest, QuestionHeadingsScopeTheirSection) {
  const std::string doc =
      "Elbow Bursitis\n\n"
      "What Causes Elbow Bursitis?\n\n"
      "Leaning on hard surfaces and repeated pressure are common.\n";
  EXPECT_THAT(Claims(doc), Contains("repeated pressure CAUSES elbow bursitis"));
}

TEST_F(OpenRulesTest, TopicFromATitleSymptomOrTheMostNamedCondition) {
  // A symptom as the title is the condition the article is about.
  EXPECT_THAT(Claims("Knee pain\n\nCauses\n\nPatellar tendinitis is one.\n"),
              Contains("patellar tendinitis CAUSES knee pain"));
  // A title that names nothing: the condition named most often.
  const std::string story =
      "My long year\n\n"
      "Hip bursitis kept me awake. Hip bursitis is no joke.\n\n"
      "Treatment\n\n"
      "Gentle stretching did the most.\n";
  // Named as written; the test lexicon knows both as names of its rows.
  EXPECT_THAT(Claims(story), Contains("gentle stretching TREATS hip bursitis"));
}

TEST_F(OpenRulesTest, LongListItemsGiveTheirLeadAndExamples) {
  const std::string doc =
      "Elbow bursitis\n\n"
      "Risk factors\n\n"
      "Several things raise the risk:\n\n"
      "  - Leaning on the elbows - for example at a desk all day\n"
      "  - Playing certain sports, such as darts, rowing and wrestling\n"
      "  - A past elbow fracture that never healed in line with the arm\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("leaning on the elbows CAUSES elbow bursitis"));
  EXPECT_THAT(c, Contains("playing certain sports CAUSES elbow bursitis"));
  EXPECT_THAT(c, Contains("darts CAUSES elbow bursitis"));
  EXPECT_THAT(c, Contains("wrestling CAUSES elbow bursitis"));
  // An item with no short lead before its first break names nothing whole.
  EXPECT_THAT(c, Not(Contains(HasSubstr("never healed"))));
}

TEST_F(OpenRulesTest, ATitleOfTwoConditionsGivesSectionClaimsOfBoth) {
  const std::string doc =
      "Wrist tendinitis and elbow bursitis\n\n"
      "Symptoms\n\n"
      "Most people notice swelling.\n\n"
      "Elbow bursitis\n\n"
      "It brings a dull ache.\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("wrist tendinitis HAS_SYMPTOM swelling"));
  EXPECT_THAT(c, Contains("elbow bursitis HAS_SYMPTOM swelling"));
  // A heading of one of them is about that one alone.
  EXPECT_THAT(c, Not(Contains("wrist tendinitis HAS_SYMPTOM dull ache")));
}

TEST_F(OpenRulesTest, AdviceUnderPreventionPreventsRatherThanTreats) {
  const std::string doc =
      "Wrist tendinitis\n\n"
      "Prevention\n\n"
      "Wrist braces help with wrist tendinitis.\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("wrist braces PREVENTS wrist tendinitis"));
  EXPECT_THAT(c, Not(Contains("wrist braces TREATS wrist tendinitis")));
  // Outside such a section, the cue's relation stands.
  EXPECT_THAT(Claims("Wrist braces help with wrist tendinitis."),
              Contains("wrist braces TREATS wrist tendinitis"));
}

TEST_F(OpenRulesTest, OneEntityOneNameInADocument) {
  // "injuries" and "injury" are one node, named as the text names it most.
  const std::string doc =
      "Wrist tendinitis\n\n"
      "Wrist injuries lead to wrist tendinitis. Wrist injury is common. "
      "A wrist injury heals slowly.\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("wrist injury CAUSES wrist tendinitis"));
  EXPECT_THAT(c, Not(Contains(HasSubstr("wrist injuries"))));
  // An open phrase writing a vocabulary name in another number is that
  // entry, under the vocabulary's name on a tie.
  auto plural = Claims(
      "Sciatica\n\nSI joint instabilities can cause sciatica. SI joint "
      "instability causes sciatica in runners.\n");
  EXPECT_THAT(plural, Contains("SI joint instability CAUSES sciatica"));
  EXPECT_THAT(plural, Not(Contains(HasSubstr("instabilities"))));
}

}  // namespace
}  // namespace mskg::ingest
