// Tests of the extraction rules, through Ingester::Extract with the test
// lexicon. Clinical entities are named as the text writes them ("ice
// packs", "heat"), with the lexicon's name as an alias (NameAsWritten).
#include "ingest/relation_extractor.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/claim_strings_for_test.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using ::testing::Contains;
using ::testing::Not;

class RelationExtractorTest : public TestLexiconClaims {};

TEST_F(RelationExtractorTest, CausePatterns) {
  auto c = Claims("A hamstring strain is caused by sprinting and overuse.");
  EXPECT_THAT(c, Contains("sprinting CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("overuse CAUSES hamstring strain"));
  EXPECT_THAT(Claims("Heavy lifting can lead to a QL spasm."),
              Contains("heavy lifting CAUSES quadratus lumborum spasm"));
  EXPECT_THAT(Claims("A psoas spasm often causes groin pain."),
              Contains("psoas major spasm HAS_SYMPTOM groin pain"));
}

TEST_F(RelationExtractorTest, HedgingAndNegation) {
  EXPECT_THAT(Claims("Poor posture may trigger muscle spasm."),
              Contains("?poor posture CAUSES muscle spasm"));
  auto c = Claims("Strengthening of the lower back muscles is not advised.");
  EXPECT_THAT(c, Contains("!back strengthening STRENGTHENS back muscles"));
}

TEST_F(RelationExtractorTest, StrengthenStretchTreat) {
  auto c = Claims("The fix is to stretch the quads and strengthen the hamstrings.");
  EXPECT_THAT(c, Contains("quadriceps stretching STRETCHES quadriceps"));
  EXPECT_THAT(c, Contains("hamstrings strengthening STRENGTHENS hamstrings"));
  EXPECT_THAT(Claims("Ice packs relieve a hamstring strain."),
              Contains("ice packs TREATS hamstring strain"));
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
  EXPECT_THAT(c, Contains("warm up PREVENTS hamstring strain"));
  EXPECT_THAT(c, Contains("MRI DIAGNOSES hamstring strain"));
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
  EXPECT_THAT(c, Contains("muscle imbalance CAUSES anterior tilt"));
  EXPECT_THAT(c, Contains("?muscle imbalance CAUSES quadratus lumborum spasm"));
}

TEST_F(RelationExtractorTest, PullingOutOfAlignment) {
  // A muscle state that pulls a joint out of place causes the joint's
  // misalignment; hedges carry over.
  auto c = Claims(
      "The piriformis sits deep in the buttock. My piriformis is often "
      "tight, and I think it drags my SI joint out of alignment.");
  EXPECT_THAT(c, Contains("tight piriformis AFFECTS piriformis"));
  EXPECT_THAT(c,
              Contains("tight piriformis CAUSES sacroiliac joint dysfunction"));
  // "pull <bone> into <condition>": the condition is where the bone is.
  c = Claims(
      "Tight hamstrings can pull the pelvis backwards into a posterior "
      "tilt.");
  EXPECT_THAT(c, Contains("tight hamstrings CAUSES posterior tilt"));
  EXPECT_THAT(c, Contains("posterior tilt AFFECTS pelvis"));
  // A person pulled out of alignment: the joint the passage is about.
  c = Claims(
      "I struggled with SI joint dysfunction for years. Back then a single "
      "glute spasm could pull me out of alignment.");
  EXPECT_THAT(c,
              Contains("?gluteal spasm CAUSES sacroiliac joint dysfunction"));
  // "when too tight": the muscle before the verb in that state.
  c = Claims("The psoas, when too tight, will pull the SI joint out of place.");
  EXPECT_THAT(
      c, Contains("tight psoas major CAUSES sacroiliac joint dysfunction"));
  EXPECT_THAT(c, Contains("tight psoas major AFFECTS psoas major"));
  // Pulling on a bone displaces nothing; a denied pull is negated.
  EXPECT_THAT(Claims("A QL spasm pulls on the hip bone."),
              Not(Contains("quadratus lumborum spasm CAUSES sacroiliac joint "
                           "dysfunction")));
  EXPECT_THAT(Claims("A QL spasm did not pull the SI joint out of place."),
              Contains("!quadratus lumborum spasm CAUSES sacroiliac joint "
                       "dysfunction"));
}

TEST_F(RelationExtractorTest, ConditionDefinedByWhatHappensToAStructure) {
  auto c = Claims(
      "Runners sometimes get an upslip, which is the term for when one hip "
      "bone rides higher than the other.");
  EXPECT_THAT(c, Contains("upslip AFFECTS ilium"));
  c = Claims(
      "A QL spasm can end in an upslip, where the muscle hikes the hip "
      "bone up.");
  EXPECT_THAT(c, Contains("upslip AFFECTS ilium"));
}

TEST_F(RelationExtractorTest, SolutionToThisProblem) {
  // "This problem" is the latest condition named just before.
  auto c = Claims(
      "Office work often leaves people with a hamstring strain. The best fix "
      "for this problem is to stretch the hamstrings and strengthen the "
      "glutes.");
  EXPECT_THAT(c, Contains("hamstrings stretching TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("hamstrings stretching STRETCHES hamstrings"));
  EXPECT_THAT(c, Contains("gluteal strengthening TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("gluteal strengthening STRENGTHENS gluteal muscles"));
  // A named condition, and a treatment as the answer.
  EXPECT_THAT(Claims("The usual remedy for a QL spasm is rest."),
              Contains("rest TREATS quadratus lumborum spasm"));
  // Imperative: "To fix this problem, ...".
  c = Claims(
      "Many desk workers develop an anterior tilt. To correct this "
      "condition, stretch the hip flexors.");
  EXPECT_THAT(c,
              Contains("hip flexors stretching TREATS anterior tilt"));
  // A solution to nothing named is no claim.
  EXPECT_THAT(Claims("The solution is to stretch the quads."),
              Not(Contains(::testing::HasSubstr("TREATS"))));
}

TEST_F(RelationExtractorTest, PassiveTreatments) {
  auto c = Claims("A psoas spasm is usually treated with heat and massage.");
  EXPECT_THAT(c, Contains("heat TREATS psoas major spasm"));
  EXPECT_THAT(c, Contains("massage TREATS psoas major spasm"));
  c = Claims(
      "Many runners get a hamstring strain. It can often be eased by "
      "stretching the quads.");
  EXPECT_THAT(c, Contains("quadriceps stretching TREATS hamstring strain"));
  EXPECT_THAT(Claims("A hamstring strain is best prevented by regular "
                     "exercise."),
              Contains("regular exercise PREVENTS hamstring strain"));
}

TEST_F(RelationExtractorTest, GroupsNamedAfterTheirAction) {
  // A group defined by its members performs the action it is named after,
  // and so do they; a group glossed by one member shares its exercises.
  auto c = Claims(
      "The hip abductors (gluteus medius) steady the pelvis. Side-lying hip "
      "abduction strengthens the hip abductors.");
  EXPECT_THAT(c, Contains("hip abductors PERFORMS hip abduction"));
  EXPECT_THAT(c, Contains("gluteus medius PERFORMS hip abduction"));
  EXPECT_THAT(c,
              Contains("side-lying hip abduction STRENGTHENS gluteus medius"));
  // Not for a group named otherwise.
  EXPECT_THAT(Claims("The gluteal muscles (gluteus maximus and gluteus "
                     "medius) are large."),
              Not(Contains("gluteal muscles PERFORMS hip extension")));
}

TEST_F(RelationExtractorTest, StabilityAndActivities) {
  auto c =
      Claims("The psoas helps keep the spine and pelvis properly aligned.");
  EXPECT_THAT(c, Contains("psoas major STABILIZES spine"));
  EXPECT_THAT(c, Contains("psoas major STABILIZES pelvis"));
  // Structures that are merely held are not stabilized.
  EXPECT_THAT(Claims("The psoas helps keep the spine moving."),
              Not(Contains("psoas major STABILIZES spine")));
  // "it acts as a hip flexor": the group is what "it" is, not a subject.
  c = Claims(
      "The psoas is long. It acts as a hip flexor and helps stabilize "
      "the spine.");
  EXPECT_THAT(c, Contains("psoas major PERFORMS spinal stabilization"));
  EXPECT_THAT(c, Not(Contains("hip flexors PERFORMS spinal stabilization")));
}

TEST_F(RelationExtractorTest, QuestionsAssertNothing) {
  EXPECT_THAT(Claims("Can heat relieve a QL spasm?"),
              Not(Contains("heat TREATS quadratus lumborum spasm")));
  EXPECT_THAT(Claims("Heat can relieve a QL spasm."),
              Contains("heat TREATS quadratus lumborum spasm"));
}

TEST_F(RelationExtractorTest, ListItemsAndIncludedTreatments) {
  const std::string doc =
      "Hamstring Strain\n\n"
      "Causes\n\n"
      "  1. Muscle Imbalance:\n    Sprinting or prolonged sitting may "
      "contribute to hamstring strains.\n\n"
      "Symptoms\n\n"
      "  1. Severe or Mild Muscle Weakness:\n    The leg gives way.\n\n"
      "Prevention\n\n"
      "  1. Strengthen the Hamstrings:\n    Twice a week.\n\n"
      "Treatment\n\n"
      "A doctor may recommend physical therapy, which often includes manual "
      "therapy.\n";
  auto c = Claims(doc);
  // The item is a cause; what its description says contributes (hedged,
  // "may") is claimed as said.
  EXPECT_THAT(c, Contains("muscle imbalance CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("?sprinting CAUSES hamstring strain"));
  EXPECT_THAT(c, Not(Contains(::testing::HasSubstr("hamstring strain CAUSES"))));
  EXPECT_THAT(c, Contains("hamstring strain HAS_SYMPTOM muscle weakness"));
  EXPECT_THAT(c,
              Contains("hamstrings strengthening PREVENTS hamstring strain"));
  EXPECT_THAT(c, Contains("?physical therapy TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("?manual therapy TREATS hamstring strain"));
}

TEST_F(RelationExtractorTest, AttachmentsEndAtTheNextCue) {
  auto c = Claims(
      "The psoas originates from the lumbar vertebrae and travels down to "
      "attach at the femur.");
  EXPECT_THAT(c, Contains("psoas major ORIGINATES_FROM lumbar vertebrae"));
  EXPECT_THAT(c, Not(Contains("psoas major ORIGINATES_FROM femur")));
  c = Claims(
      "The QL attaches to the pelvic rim, where a spasm can pull the "
      "hip bone up.");
  EXPECT_THAT(c, Contains("quadratus lumborum ATTACHES_TO iliac crest"));
  EXPECT_THAT(c, Not(Contains("quadratus lumborum ATTACHES_TO ilium")));
}

TEST_F(RelationExtractorTest, MoreCauseAndTreatmentConstructions) {
  // "whether from A or B": both cause the condition before.
  auto c = Claims(
      "When the SI joint becomes dysfunctional, whether from inflammation or "
      "instability, the glutes may tighten.");
  // (Hedged: "may" is in the clause.)
  EXPECT_THAT(c, Contains("?sacroiliac joint inflammation CAUSES sacroiliac "
                          "joint dysfunction"));
  EXPECT_THAT(c, Contains("?sacroiliac joint instability CAUSES sacroiliac "
                          "joint dysfunction"));
  // "cause X to tighten, increasing the risk of Y".
  c = Claims(
      "A slouched posture can cause the hamstrings to tighten, "
      "increasing the risk of a hamstring strain.");
  EXPECT_THAT(c, Contains("slouched posture CAUSES tight hamstrings"));
  EXPECT_THAT(c, Contains("tight hamstrings CAUSES hamstring strain"));
  // "the spasms": the muscle's spasm named before.
  c = Claims("My QL spasm came back. The spasms cause me a lot of pain.");
  EXPECT_THAT(c, Contains("quadratus lumborum spasm HAS_SYMPTOM pain"));
  // A relative clause names what the treatment treated.
  c = Claims("I had an upslip, which my physical therapist had to correct.");
  EXPECT_THAT(c, Contains("physical therapist TREATS upslip"));
  // A cue inside a treatment's name belongs to that treatment.
  c = Claims(
      "A hamstring strain is treated with rest and stretching the "
      "quads.");
  EXPECT_THAT(c, Contains("quadriceps stretching TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("quadriceps stretching STRETCHES quadriceps"));
  EXPECT_THAT(c, Not(Contains("rest STRETCHES quadriceps")));
}

TEST_F(RelationExtractorTest, ListItemDescriptions) {
  const std::string doc =
      "Hamstring Strain\n\n"
      "Types\n\n"
      "  1. Secondary Strain:\n    Results from muscle imbalance or a "
      "posterior tilt.\n\n"
      "Tests\n\n"
      "  1. Strength Testing:\n    Used to detect muscle imbalance.\n\n"
      "Surgery\n\n"
      "  1. Tendon Repair:\n    For patients with a hamstring tear that will "
      "not heal.\n\n"
      "When to See a Doctor\n\n"
      "See a doctor if the pain comes with symptoms like muscle weakness.\n";
  auto c = Claims(doc);
  EXPECT_THAT(c, Contains("muscle imbalance CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("posterior tilt CAUSES hamstring strain"));
  EXPECT_THAT(c, Contains("strength testing DIAGNOSES muscle imbalance"));
  EXPECT_THAT(c, Contains("tendon repair TREATS hamstring strain"));
  EXPECT_THAT(c, Contains("hamstring strain HAS_SYMPTOM muscle weakness"));
}

}  // namespace
}  // namespace mskg::ingest
