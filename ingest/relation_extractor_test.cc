// Tests of the extraction rules, through Ingester::Extract with the test
// lexicon.
#include "ingest/relation_extractor.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using ::testing::Contains;
using ::testing::Not;

class RelationExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ing = Ingester::Create({"ingest/testdata/lexicon"});
    ASSERT_TRUE(ing.ok()) << ing.status();
    ingester_ = ing->release();
  }
  static void TearDownTestSuite() { delete ingester_; }

  // "subject REL object" for every claim, "!" prefixed when negated and
  // "?" when hedged.
  std::vector<std::string> Claims(const std::string& text,
                                  const std::string& id = "t.txt") {
    auto doc = ingester_->Extract(id, text);
    EXPECT_TRUE(doc.ok()) << doc.status();
    std::vector<std::string> out;
    for (const schema::Claim& c : doc->claims()) {
      std::string s = absl::StrCat(c.subject().name(), " ",
                                   schema::Relation_Name(c.relation()), " ",
                                   c.object().name());
      if (c.provenance().polarity() == schema::NEGATED) s = "!" + s;
      if (c.provenance().hedged()) s = "?" + s;
      out.push_back(s);
    }
    return out;
  }
  static Ingester* ingester_;
};

Ingester* RelationExtractorTest::ingester_ = nullptr;

TEST_F(RelationExtractorTest, CausePatterns) {
  auto c = Claims("A hamstring strain is caused by sprinting and overuse.");
  EXPECT_THAT(c, Contains("sprinting CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("overuse during exercise CAUSES hamstring strain"));
  EXPECT_THAT(Claims("Heavy lifting can lead to a QL spasm."),
              Contains("heavy lifting CAUSES quadratus lumborum spasm"));
  EXPECT_THAT(Claims("A psoas spasm often causes groin pain."),
              Contains("psoas major spasm HAS_SYMPTOM groin pain"));
}

TEST_F(RelationExtractorTest, HedgingAndNegation) {
  EXPECT_THAT(Claims("Poor posture may trigger muscle spasm."),
              Contains("?poor posture CAUSES muscle spasm"));
  auto c = Claims("Strengthening of the lower back muscles is not advised.");
  EXPECT_THAT(c, Contains("!strengthening exercises STRENGTHENS back muscles"));
}

TEST_F(RelationExtractorTest, StrengthenStretchTreat) {
  auto c = Claims("The fix is to stretch the quads and strengthen the hamstrings.");
  EXPECT_THAT(c, Contains("quadriceps stretching STRETCHES quadriceps"));
  EXPECT_THAT(c, Contains("hamstrings strengthening STRENGTHENS hamstrings"));
  EXPECT_THAT(Claims("Ice packs relieve a hamstring strain."),
              Contains("cold therapy TREATS hamstring strain"));
  EXPECT_THAT(Claims("Regular stretching helps prevent a hamstring strain."),
              Contains("stretching PREVENTS hamstring strain"));
}

TEST_F(RelationExtractorTest, GroupsAndAntagonists) {
  auto c = Claims(
      "The hip flexors (mainly the psoas and the iliacus) are strong. "
      "If your hip flexors are tight, the muscles that oppose them - the "
      "glutes - are weak.");
  EXPECT_THAT(c, Contains("psoas major PART_OF hip flexors"));
  EXPECT_THAT(c, Contains("iliacus PART_OF hip flexors"));
  EXPECT_THAT(c, Contains("hip flexors ANTAGONIST_OF gluteal muscles"));
  EXPECT_THAT(c, Contains("tight hip flexors AFFECTS hip flexors"));
  EXPECT_THAT(Claims("The rotator cuff, which includes the supraspinatus and "
                     "infraspinatus, steadies the shoulder."),
              Contains("supraspinatus PART_OF rotator cuff"));
  EXPECT_THAT(Claims("The psoas, a deep hip flexor, is long."),
              Contains("psoas major PART_OF hip flexors"));
}

TEST_F(RelationExtractorTest, AnatomyPatterns) {
  auto c = Claims(
      "The psoas originates from the lumbar vertebrae and travels down to "
      "attach at the femur. It is innervated by the lumbar plexus. It helps "
      "flex the hip.");
  EXPECT_THAT(c, Contains("psoas major ORIGINATES_FROM lumbar vertebrae"));
  EXPECT_THAT(c, Contains("psoas major INSERTS_ON femur"));
  EXPECT_THAT(c, Contains("psoas major INNERVATED_BY lumbar plexus"));
  EXPECT_THAT(c, Contains("psoas major PERFORMS hip flexion"));
}

TEST_F(RelationExtractorTest, CompensationAndWeakness) {
  auto c = Claims(
      "The QL goes into spasm because the glutes and the core aren't strong "
      "enough, so it has to overcompensate.");
  EXPECT_THAT(c, Contains("weak gluteal muscles CAUSES quadratus lumborum spasm"));
  EXPECT_THAT(c, Contains("weak core muscles CAUSES quadratus lumborum spasm"));
  EXPECT_THAT(c, Contains("quadratus lumborum COMPENSATES_FOR gluteal muscles"));
}

TEST_F(RelationExtractorTest, SectionScopedLists) {
  const std::string doc =
      "Hamstring Strain\n\n"
      "Causes of Hamstring Strain\n\n"
      "  1. Sprinting:\n    Fast running loads the muscle.\n"
      "  2. Poor Flexibility:\n    Stiff muscles tear.\n"
      "  3. Previous Hamstring Injury:\n    Old scars.\n\n"
      "Symptoms\n\n  \xE2\x80\xA2 Sudden Pain in the Thigh:\n    A pop.\n\n"
      "Treatment\n\n  \xE2\x80\xA2 Rest:\n    Stop.\n"
      "  \xE2\x80\xA2 Eccentric Exercises:\n    Strengthen the hamstrings.\n\n"
      "Prevention\n\nTry these:\n\n  - Warm-up\n\n"
      "Diagnosis\n\n  - MRI (Magnetic Resonance Imaging)\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("sprinting CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("poor flexibility CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("previous hamstring injury CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("hamstring strain HAS_SYMPTOM sudden pain in the thigh"));
  EXPECT_THAT(c, Contains("rest TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("eccentric exercises TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("eccentric exercises STRENGTHENS hamstrings"));
  EXPECT_THAT(c, Contains("warm up before exercise PREVENTS hamstring strain"));
  EXPECT_THAT(c, Contains("magnetic resonance imaging DIAGNOSES hamstring strain"));
  EXPECT_THAT(c, Not(Contains("rest CAUSES hamstring strain")));
}

TEST_F(RelationExtractorTest, ProvenanceSpans) {
  const std::string text = "Intro line here.\n\nHeavy lifting can cause a QL spasm.";
  auto doc = ingester_->Extract("p.txt", text);
  ASSERT_TRUE(doc.ok());
  ASSERT_GT(doc->claims_size(), 0);
  for (const schema::Claim& c : doc->claims()) {
    const schema::Provenance& p = c.provenance();
    EXPECT_EQ(p.document_id(), "p.txt");
    EXPECT_EQ(text.substr(p.begin(), p.end() - p.begin()), p.sentence());
    EXPECT_FALSE(p.rule().empty());
    EXPECT_GT(p.confidence(), 0);
  }
}

TEST(TypesAllowedTest, Vocabulary) {
  EXPECT_TRUE(TypesAllowed(schema::CAUSES, schema::CAUSE, schema::CONDITION));
  EXPECT_FALSE(TypesAllowed(schema::CAUSES, schema::TREATMENT, schema::CONDITION));
  EXPECT_TRUE(TypesAllowed(schema::STRENGTHENS, schema::TREATMENT, schema::MUSCLE));
  EXPECT_FALSE(TypesAllowed(schema::PART_OF, schema::MUSCLE, schema::STRUCTURE));
}

TEST_F(RelationExtractorTest, AnaphoraIntoSpasm) {
  // "these muscles" / "it" stand for the muscle named before; a negation in
  // the sentence before does not negate the "because" clause.
  auto c = Claims(
      "Tight hamstrings shorten the QL. Sudden movements can put these "
      "muscles into spasm.");
  EXPECT_THAT(c, Contains("sudden movement CAUSES quadratus lumborum spasm"));
  c = Claims(
      "Why?\xC2\xA0 The QL doesn't just go into spasm alone.\xC2\xA0 It goes "
      "into spasm because the glutes aren't strong enough.");
  EXPECT_THAT(c, Contains("weak gluteal muscles CAUSES quadratus lumborum spasm"));
}

TEST_F(RelationExtractorTest, DiscourseAndChains) {
  // A sentence opening with "Because" explains the sentence before.
  auto c = Claims(
      "I noticed my QL spasm last night. Because my other muscles were "
      "fatigued muscles after heavy lifting, the QL kept going.");
  EXPECT_THAT(c, Contains("?heavy lifting CAUSES quadratus lumborum spasm"));
  // "A stronger than B" is an imbalance of both; chains give shortcuts.
  c = Claims(
      "The quads are much stronger than the hamstrings, which results in an "
      "anterior tilt. An anterior tilt can lead to a QL spasm.");
  EXPECT_THAT(c, Contains("muscle imbalance AFFECTS quadriceps"));
  EXPECT_THAT(c, Contains("muscle imbalance AFFECTS hamstrings"));
  EXPECT_THAT(c, Contains("muscle imbalance CAUSES anterior pelvic tilt"));
  EXPECT_THAT(c, Contains("?muscle imbalance CAUSES quadratus lumborum spasm"));
}

}  // namespace
}  // namespace mskg::ingest
