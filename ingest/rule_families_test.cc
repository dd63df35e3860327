// Tests of the rule families of ingest/, one TEST per family file, through
// Ingester::Extract with the test lexicon (ingest/testdata/lexicon):
//   CauseRules      cause_rules.cc      Causes, Discourse, SectionSpasmCause
//   TreatmentRules  treatment_rules.cc  Treats, StrengthenStretch, Diagnoses
//   AnatomyRules    anatomy_rules.cc    PartOf, Antagonist, Attach, Supply,
//                                       Performs, Stabilizes, Compensates
//   ListRules       list_rules.cc       HeadRef, AddComposedTreatment, Lists,
//                                       AddListed
//   AlignmentRules  alignment_rules.cc  Alignment, ConditionDefinition
//   SolutionRules   solution_rules.cc   Solution, PassiveTreats,
//                                       PurposeAdvice
//   ClauseCauseRules clause_cause_rules.cc  WhenYouCauses
//   ExperienceRules experience_rules.cc TreatmentFor, WhatPeopleFeel
//   SiteRules       site_rules.cc       ConditionSite
//   GroupRules      group_rules.cc      GroupActions
//   CueRules        cue_rules.cc        the general cue table, with
//                   gerund_subjects.cc  GerundSubjects
//                   risk_groups.cc      RiskGroupEnd, RiskGroupBefore
//   SectionRules    section_rules.cc    SectionText, TopicPairs, ItemPhrases
//   TopicRules      topic_rules.cc      FindTopic, CoordinatedConditions
//   SubsumedClaims  relation_extractor.cc  DropSubsumedClaims
//   NounCueRules    noun_cue_rules.cc   NounCueRules
// Each rule has a text it must read, with the exact claim, and a look-alike
// (negated, asked, of the wrong type, or with the cue elsewhere) that must
// not give that claim. All texts were written for these tests.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/claim_strings_for_test.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class RuleFamiliesTest : public TestLexiconClaims {};

// cause_rules.cc: Causes, Discourse, SectionSpasmCause.
TEST_F(RuleFamiliesTest, CauseRules) {
  // "A and B are common causes.": of the section's condition.
  EXPECT_THAT(Claims("Sciatica\n\nAbout\n\nObesity and heavy lifting are "
                     "common causes.\n"),
              Contains("heavy lifting CAUSES sciatica"));
  // Causes: "predisposes ... to", a cue only this rule knows.
  EXPECT_THAT(Claims("Obesity predisposes people to arthritis."),
              Contains("obesity CAUSES arthritis"));
  EXPECT_THAT(Claims("Weak muscles make a runner prone to hamstring strain."),
              Contains("weak muscles CAUSES hamstring strain"));
  // Negated, the claim is negated; asked, there is none.
  auto negated = Claims("Obesity does not predispose people to arthritis.");
  EXPECT_THAT(negated, Contains("!obesity CAUSES arthritis"));
  EXPECT_THAT(negated, Not(Contains("obesity CAUSES arthritis")));
  EXPECT_THAT(Claims("Does obesity predispose people to arthritis?"),
              IsEmpty());

  // Discourse: a sentence opening with "Because" explains the condition of
  // the sentence before; "Because of" is no such opening.
  EXPECT_THAT(Claims("I was diagnosed with piriformis syndrome in May. "
                     "Because my poor posture never improved at the office."),
              Contains("?poor posture CAUSES piriformis syndrome"));
  EXPECT_THAT(Claims("I was diagnosed with piriformis syndrome in May. "
                     "Because of poor posture at the office."),
              Not(Contains("?poor posture CAUSES piriformis syndrome")));
  // "Therefore ...": the consequence of the sentence before, not across a
  // heading.
  EXPECT_THAT(Claims("Poor posture was part of my office job for years. "
                     "Therefore piriformis syndrome set in by the spring."),
              Contains("?poor posture CAUSES piriformis syndrome"));
  EXPECT_THAT(Claims("Piriformis syndrome\n\n"
                     "Poor posture was part of my office job for years.\n\n"
                     "Later on\n\n"
                     "Therefore piriformis syndrome set in by the spring.\n"),
              Not(Contains("?poor posture CAUSES piriformis syndrome")));

  // SectionSpasmCause: a sentence making spasms likelier for those prone to
  // a condition gives that condition as the cause of the muscle spasms the
  // section goes on to name.
  EXPECT_THAT(Claims("Spasms strike more often in people prone to muscle "
                     "fatigue. My psoas spasm began after a long hike."),
              Contains("?muscle fatigue CAUSES psoas major spasm"));
  // Without "prone", no cause; a heading ends the section.
  EXPECT_THAT(Claims("Spasms strike more often in people with muscle "
                     "fatigue. My psoas spasm began after a long hike."),
              Not(Contains("?muscle fatigue CAUSES psoas major spasm")));
  EXPECT_THAT(Claims("Spasms strike more often in people prone to muscle "
                     "fatigue.\n\nRecovery\n\n"
                     "My psoas spasm began after a long hike.\n"),
              Not(Contains("?muscle fatigue CAUSES psoas major spasm")));
}

// treatment_rules.cc: Treats, StrengthenStretch, Diagnoses.
TEST_F(RuleFamiliesTest, TreatmentRules) {
  // Treats.
  EXPECT_THAT(Claims("Massage therapy eases muscle tension."),
              Contains("massage therapy TREATS muscle tension"));
  EXPECT_THAT(Claims("Proper lifting techniques prevent muscle strain."),
              Contains("proper lifting techniques PREVENTS muscle strain"));
  auto negated = Claims("Massage therapy does not ease muscle tension.");
  EXPECT_THAT(negated, Contains("!massage therapy TREATS muscle tension"));
  EXPECT_THAT(negated, Not(Contains("massage therapy TREATS muscle tension")));
  EXPECT_THAT(Claims("Does massage therapy ease muscle tension?"), IsEmpty());

  // StrengthenStretch: the object must be a muscle.
  EXPECT_THAT(Claims("Bridges strengthen the gluteus maximus."),
              Contains("bridges STRENGTHENS gluteus maximus"));
  // Advice in the imperative is named as written.
  EXPECT_THAT(Claims("Stretch your hamstrings."),
              Contains("stretch your hamstrings STRETCHES hamstrings"));
  EXPECT_THAT(Claims("Stretching of the hamstrings is not advised."),
              Not(Contains(HasSubstr("stretch your"))));
  EXPECT_THAT(Claims("Lean forward until you feel a stretch in the hamstrings."),
              Not(Contains(HasSubstr("STRETCHES"))));
  EXPECT_THAT(Claims("Squats strengthen the femur."),
              Not(Contains(HasSubstr("STRENGTHENS"))));

  // Diagnoses: needs a test in the sentence.
  EXPECT_THAT(Claims("Electromyography detects nerve compression."),
              Contains("electromyography DIAGNOSES nerve compression"));
  auto cannot = Claims("Blood tests cannot detect nerve compression.");
  EXPECT_THAT(cannot, Contains("!blood tests DIAGNOSES nerve compression"));
  EXPECT_THAT(cannot, Not(Contains("blood tests DIAGNOSES nerve compression")));
  EXPECT_THAT(Claims("Numbness can help you detect nerve compression."),
              Not(Contains(HasSubstr("DIAGNOSES"))));
}

// anatomy_rules.cc: PartOf, Antagonist, Attach, Supply, Performs,
// Stabilizes, Compensates.
TEST_F(RuleFamiliesTest, AnatomyRules) {
  // PartOf: members introduced by "which include"; coordination is not
  // membership.
  auto members = Claims(
      "The hip flexors, which include the psoas major and "
      "the iliacus, sit in front of the hip joint.");
  EXPECT_THAT(members, Contains("psoas major PART_OF hip flexors"));
  EXPECT_THAT(members, Contains("iliacus PART_OF hip flexors"));
  EXPECT_THAT(Claims("The hip flexors and the hamstrings work together."),
              Not(Contains(HasSubstr("PART_OF"))));
  // Members before or after a verb of composition.
  auto compose = Claims(
      "The two muscles that make up the hip flexors - the psoas major and "
      "the iliacus - lie deep in the pelvis.");
  EXPECT_THAT(compose, Contains("psoas major PART_OF hip flexors"));
  EXPECT_THAT(compose, Contains("iliacus PART_OF hip flexors"));
  EXPECT_THAT(Claims("The psoas major and the iliacus form the hip flexors."),
              Contains("iliacus PART_OF hip flexors"));
  EXPECT_THAT(Claims("The psoas major works beside the hip flexors."),
              Not(Contains(HasSubstr("PART_OF"))));

  // Antagonist.
  EXPECT_THAT(Claims("The quadriceps oppose the hamstrings."),
              Contains("quadriceps ANTAGONIST_OF hamstrings"));
  // "opposite" says where a muscle lies.
  EXPECT_THAT(Claims("The quadriceps sit opposite the hamstrings."),
              Not(Contains(HasSubstr("ANTAGONIST_OF"))));
  auto not_opposed = Claims("The quadriceps do not oppose the hamstrings.");
  EXPECT_THAT(not_opposed, Contains("!quadriceps ANTAGONIST_OF hamstrings"));
  EXPECT_THAT(not_opposed,
              Not(Contains("quadriceps ANTAGONIST_OF hamstrings")));

  // Attach: the structures after the cue, not those before it.
  EXPECT_THAT(Claims("The iliacus originates from the ilium."),
              Contains("iliacus ORIGINATES_FROM ilium"));
  EXPECT_THAT(Claims("The psoas major is inserted into the femur."),
              Contains("psoas major INSERTS_ON femur"));
  // The verb "inserts" after a muscle is no treatment noun ("inserts").
  EXPECT_THAT(Claims("The psoas major inserts on the femur."),
              Contains("psoas major INSERTS_ON femur"));
  auto before = Claims(
      "The iliacus, which lies near the femur, originates from the ilium.");
  EXPECT_THAT(before, Contains("iliacus ORIGINATES_FROM ilium"));
  EXPECT_THAT(before, Not(Contains("iliacus ORIGINATES_FROM femur")));

  // Supply: a nerve with a cue of innervation.
  EXPECT_THAT(Claims("The femoral nerve innervates the iliacus."),
              Contains("iliacus INNERVATED_BY femoral nerve"));
  EXPECT_THAT(Claims("The femoral nerve runs beside the iliacus."),
              Not(Contains(HasSubstr("INNERVATED_BY"))));

  // Performs: an action with a cue of function.
  EXPECT_THAT(Claims("The hamstrings are responsible for knee flexion."),
              Contains("hamstrings PERFORMS knee flexion"));
  EXPECT_THAT(Claims("The hamstrings stretch out during knee flexion."),
              Not(Contains(HasSubstr("PERFORMS"))));

  // Stabilizes: "keep ... aligned" holds; "keep ... moving" does not.
  EXPECT_THAT(Claims("The gluteus medius stabilizes the pelvis."),
              Contains("gluteus medius STABILIZES pelvis"));
  EXPECT_THAT(Claims("The core muscles keep the spine aligned."),
              Contains("core muscles STABILIZES spine"));
  EXPECT_THAT(Claims("The core muscles keep the spine moving."),
              Not(Contains(HasSubstr("STABILIZES"))));

  // Compensates: the muscle right before "(has) to compensate".
  EXPECT_THAT(Claims("When the gluteus maximus is weak, the hamstrings have "
                     "to compensate."),
              Contains("hamstrings COMPENSATES_FOR gluteus maximus"));
  EXPECT_THAT(Claims("A runner has to compensate for weak glutes."),
              Not(Contains(HasSubstr("COMPENSATES_FOR"))));
}

// list_rules.cc: HeadRef, AddComposedTreatment, Lists, AddListed.
TEST_F(RuleFamiliesTest, ListRules) {
  // AddListed: the items of a scoped section, for its condition; HeadRef
  // reads an item's head without its parentheses.
  auto treatment = Claims(
      "Sciatica\n\nTreatment\n\n"
      "- Physical therapy\n- Massage therapy\n");
  EXPECT_THAT(treatment, Contains("physical therapy TREATS sciatica"));
  EXPECT_THAT(treatment, Contains("massage therapy TREATS sciatica"));
  EXPECT_THAT(Claims("Sciatica\n\nDiagnosis\n\n"
                     "- MRI (magnetic resonance imaging)\n"
                     "- Strength testing\n"),
              Contains("MRI DIAGNOSES sciatica"));
  // An item that says one has a symptom with its adjective names the
  // symptom by its noun, alone or coordinated; before a body part the
  // participle says the part is damaged.
  const auto adjectives = Claims(
      "Sciatica\n\nSymptoms\n\n- the ankle is swollen\n"
      "- your toes feel numb or tingle\n- a swollen femur\n");
  EXPECT_THAT(adjectives, Contains("sciatica HAS_SYMPTOM swelling"));
  EXPECT_THAT(adjectives, Contains("sciatica HAS_SYMPTOM numbness"));
  EXPECT_THAT(adjectives, Not(Contains(HasSubstr("is swollen"))));
  EXPECT_THAT(adjectives, Not(Contains(HasSubstr("feel numb"))));
  EXPECT_THAT(adjectives, Contains("sciatica HAS_SYMPTOM swollen femur"));
  // A coordinated item's names leave out their article; a symptom named by
  // the condition itself is no symptom of it.
  const auto items = Claims(
      "Sciatica\n\nSymptoms\n\n- A tingling or numbness in the toes\n"
      "- chronic sciatica pain\n");
  EXPECT_THAT(items, Contains("sciatica HAS_SYMPTOM tingling"));
  EXPECT_THAT(items, Not(Contains(HasSubstr("a tingling"))));
  EXPECT_THAT(items, Not(Contains(HasSubstr("sciatica pain"))));
  // The description of a labelled item is about its label: a cause cue
  // whose subject names nothing known takes the label; one that names its
  // own subject keeps it.
  const auto labelled = Claims(
      "Sciatica\n\nRisk factors\n\n"
      "- Prolonged sitting. People who sit a lot are more likely to develop "
      "fibromyalgia.\n"
      "- Obesity. Fibromyalgia is most likely to develop in older adults.\n"
      "- Heavy lifting. Poor posture can lead to frozen shoulder.\n");
  EXPECT_THAT(labelled, Contains("?prolonged sitting CAUSES fibromyalgia"));
  EXPECT_THAT(labelled, Contains("poor posture CAUSES frozen shoulder"));
  EXPECT_THAT(labelled, Not(Contains("heavy lifting CAUSES frozen shoulder")));
  // A heading of no relation's kind scopes nothing.
  EXPECT_THAT(Claims("Sciatica\n\nBackground\n\n"
                     "- Physical therapy\n- Massage therapy\n"),
              Not(Contains(HasSubstr("TREATS"))));

  // AddComposedTreatment: a treatment named after what it works on.
  auto composed = Claims(
      "Sciatica\n\nTreatment\n\n"
      "- Glute strengthening\n- Hamstring stretching\n"
      "- Hamstring massage\n");
  EXPECT_THAT(composed,
              Contains("glute strengthening STRENGTHENS gluteal muscles"));
  EXPECT_THAT(composed, Contains("hamstring stretching STRETCHES hamstrings"));
  EXPECT_THAT(composed, Not(Contains(HasSubstr("massage STRETCHES"))));
  EXPECT_THAT(composed, Not(Contains(HasSubstr("massage STRENGTHENS"))));
  // Exercises named after a muscle strengthen it; in running text too.
  auto exercises = Claims(
      "Sciatica\n\nHamstring exercises help prevent sciatica. Breathing "
      "exercises help prevent sciatica.\n");
  EXPECT_THAT(exercises,
              Contains("hamstring exercises STRENGTHENS hamstrings"));
  EXPECT_THAT(exercises, Not(Contains(HasSubstr("breathing exercises "
                                                "STRENGTHENS"))));

  // CoordinatedHeads: an item that coordinates names of its list's kind
  // lists each; a conjunct that is no such name keeps the item whole.
  auto coordinated = Claims(
      "Sciatica\n\nSymptoms\n\n- Leg pain and stiffness\n"
      "- Tingling or numbness in the foot\n- Sharp or dull pain\n");
  EXPECT_THAT(coordinated, Contains("sciatica HAS_SYMPTOM leg pain"));
  EXPECT_THAT(coordinated, Contains("sciatica HAS_SYMPTOM stiffness"));
  EXPECT_THAT(coordinated, Contains("sciatica HAS_SYMPTOM tingling"));
  EXPECT_THAT(coordinated,
              Contains("sciatica HAS_SYMPTOM numbness in the foot"));
  EXPECT_THAT(coordinated, Not(Contains("sciatica HAS_SYMPTOM sharp")));
  // A plural noun ends its phrase, so plural conjuncts are names of their
  // own though no vocabulary types them; a singular modifier is not.
  auto plural = Claims(
      "Sciatica\n\nRisk factors\n\n- Plumbers and welders\n"
      "- Heavy or awkward lifting\n");
  EXPECT_THAT(plural, Contains("plumbers CAUSES sciatica"));
  EXPECT_THAT(plural, Contains("welders CAUSES sciatica"));
  EXPECT_THAT(plural, Not(Contains(HasSubstr("heavy CAUSES"))));

  // Headings right after a lead ending in ':' are the items it leads, until
  // one names a condition of its own; without the lead they scope nothing.
  auto led = Claims(
      "Sciatica\n\nHere are some tips for preventing sciatica:\n\n"
      "Keep moving\n\nA little massage each week goes a long way.\n\n"
      "Stay supple\n\nYoga keeps the back supple.\n");
  EXPECT_THAT(led, Contains("massage PREVENTS sciatica"));
  EXPECT_THAT(led, Contains("yoga PREVENTS sciatica"));
  EXPECT_THAT(Claims("Sciatica\n\nHere are some notes.\n\n"
                     "Stay supple\n\nYoga keeps the back supple.\n"),
              Not(Contains("yoga PREVENTS sciatica")));

  // Nested items take their list's scope when the outer item names a thing
  // of the list's kind or leads them with ':'; under an item that is
  // neither, they are details, not names.
  auto nested = Claims(
      "Sciatica\n\nCauses\n\n- Heavy work\n  - Farm labour\n"
      "- People who are at risk work in:\n  - Warehouses\n"
      "- Often worse in the evening\n  - After long drives\n");
  EXPECT_THAT(nested, Contains("farm labour CAUSES sciatica"));
  EXPECT_THAT(nested, Contains("warehouses CAUSES sciatica"));
  EXPECT_THAT(nested, Not(Contains(HasSubstr("after long drives"))));

  // A lead pointing to other pages ends the section's list: its items are
  // links. A lead of the section's own kind still lists.
  auto links = Claims(
      "Sciatica\n\nCauses\n\n- Heavy lifting\n\nFor more information:\n\n"
      "- Sleep and the spine\n- Our clinic's story\n\n"
      "Other causes include:\n\n- Long drives\n");
  EXPECT_THAT(links, Contains("heavy lifting CAUSES sciatica"));
  EXPECT_THAT(links, Contains("long drives CAUSES sciatica"));
  EXPECT_THAT(links, Not(Contains(HasSubstr("sleep and the spine"))));
  EXPECT_THAT(links, Not(Contains(HasSubstr("story"))));

  // Lists: "triggers include A and B" for the topic; of the wrong types, or
  // with no condition to be about, nothing.
  auto triggers = Claims(
      "Sciatica\n\nKnown triggers include dehydration and overtraining.\n");
  EXPECT_THAT(triggers, Contains("dehydration CAUSES sciatica"));
  EXPECT_THAT(triggers, Contains("overtraining CAUSES sciatica"));
  EXPECT_THAT(Claims("Sciatica\n\n"
                     "Known triggers include the hamstrings and the femur.\n"),
              Not(Contains(HasSubstr("CAUSES"))));
  EXPECT_THAT(Claims("Triggers include dehydration and overtraining."),
              Not(Contains(HasSubstr("CAUSES"))));
}

// alignment_rules.cc: Alignment, ConditionDefinition.
TEST_F(RuleFamiliesTest, AlignmentRules) {
  // "pull <joint> out of alignment": the joint's misalignment condition.
  EXPECT_THAT(Claims("A tight piriformis can pull the sacroiliac joint out "
                     "of alignment."),
              Contains("tight piriformis CAUSES sacroiliac joint dysfunction"));
  // "<muscle>, when too tight, can pull ...": the muscle's tightness.
  EXPECT_THAT(Claims("The piriformis, when too tight, can pull the "
                     "sacroiliac joint out of place."),
              Contains("tight piriformis CAUSES sacroiliac joint dysfunction"));
  // "pull <bone> into <condition>".
  auto into = Claims(
      "Tight hip flexors pull the pelvis into anterior pelvic "
      "tilt.");
  EXPECT_THAT(into, Contains("tight hip flexors CAUSES anterior pelvic tilt"));
  EXPECT_THAT(into, Contains("anterior pelvic tilt AFFECTS pelvis"));
  // The condition in another clause, not pulled into.
  EXPECT_THAT(Claims("Tight hip flexors pull the pelvis forward, and "
                     "anterior pelvic tilt is rare."),
              Not(Contains("tight hip flexors CAUSES anterior pelvic tilt")));

  // ConditionDefinition: the first entity of ", where ..." is a structure.
  EXPECT_THAT(Claims("Upslip, where the ilium shifts upward, hurts."),
              Contains("upslip AFFECTS ilium"));
  EXPECT_THAT(Claims("Upslip, where the hamstrings tighten, hurts."),
              Not(Contains(HasSubstr("upslip AFFECTS"))));
}

// solution_rules.cc: Solution, PassiveTreats.
TEST_F(RuleFamiliesTest, SolutionRules) {
  // Solution: "the remedy for C is T", "the solution to C is to stretch X
  // and strengthen Y", "To fix this problem, <imperative>".
  EXPECT_THAT(Claims("The best remedy for muscle tension is massage therapy."),
              Contains("massage therapy TREATS muscle tension"));
  auto exercises = Claims(
      "The solution to muscle imbalance is to stretch the "
      "hip flexors and strengthen the glutes.");
  EXPECT_THAT(exercises,
              Contains("hip flexors stretching TREATS muscle imbalance"));
  EXPECT_THAT(exercises,
              Contains("gluteal strengthening TREATS muscle imbalance"));
  EXPECT_THAT(Claims("I had a lot of muscle tension last year. To fix this "
                     "problem, try foam rolling every night."),
              Contains("foam rolling TREATS muscle tension"));
  // A remedy noun with no determiner is no statement of the remedy.
  EXPECT_THAT(Claims("Remedies for muscle tension vary, and massage therapy "
                     "is one."),
              Not(Contains("massage therapy TREATS muscle tension")));

  // PassiveTreats: "C is (usually) eased with T"; without "is" no passive.
  EXPECT_THAT(Claims("Piriformis syndrome is usually eased with massage "
                     "therapy."),
              Contains("massage therapy TREATS piriformis syndrome"));
  EXPECT_THAT(Claims("Piriformis syndrome can be eased by stretching the "
                     "hamstrings."),
              Contains("hamstrings stretching TREATS piriformis syndrome"));
  EXPECT_THAT(Claims("Piriformis syndrome eased with massage therapy."),
              Not(Contains(HasSubstr("TREATS"))));

  // PurposeAdvice: "To prevent C, <advice>", "<Advice> to prevent C"; what
  // is to be avoided causes C.
  auto purpose = Claims("To help prevent hamstring strain, try to warm up "
                        "slowly before a sprint.");
  EXPECT_THAT(purpose,
              Contains("warm up slowly before a sprint PREVENTS hamstring "
                       "strain"));
  auto avoid = Claims("Avoid heavy lifting to prevent sciatica.");
  EXPECT_THAT(avoid, Contains("avoid heavy lifting PREVENTS sciatica"));
  EXPECT_THAT(avoid, Contains("heavy lifting CAUSES sciatica"));
  // Not an imperative: a statement with a purpose names no advice.
  EXPECT_THAT(Claims("Doctors worked hard to prevent sciatica."),
              Not(Contains(HasSubstr("PREVENTS sciatica"))));
  EXPECT_THAT(Claims("To prevent sciatica."),
              Not(Contains(HasSubstr("PREVENTS"))));
  // Coordinated advice is each piece; an exercise verb after "and" has no
  // subject in the other verb's object.
  auto pieces = Claims(
      "To prevent sciatica, sit up straight, take breaks and stretch your "
      "hamstrings.");
  EXPECT_THAT(pieces, Contains("sit up straight PREVENTS sciatica"));
  EXPECT_THAT(pieces, Contains("take breaks PREVENTS sciatica"));
  EXPECT_THAT(pieces, Contains("stretch your hamstrings PREVENTS sciatica"));
  EXPECT_THAT(Claims("Wear a back brace and stretch your hamstrings."),
              Not(Contains(HasSubstr("brace STRETCHES"))));
}

// clause_cause_rules.cc: WhenYouCauses.
TEST_F(RuleFamiliesTest, ClauseCauseRules) {
  // What you do when a condition happens causes it, named as an activity.
  auto when = Claims("Hamstring strain happens when you overstretch or twist "
                     "the thigh.");
  EXPECT_THAT(when, Contains("overstretching the thigh CAUSES hamstring "
                             "strain"));
  EXPECT_THAT(when, Contains("twisting the thigh CAUSES hamstring strain"));
  EXPECT_THAT(Claims("Sciatica can occur if you don't sit up straight."),
              Contains("not sitting up straight CAUSES sciatica"));
  // A state ("when you are tired") and a clause of someone else name no
  // activity.
  EXPECT_THAT(Claims("Sciatica happens when you are tired."),
              Not(Contains(HasSubstr("CAUSES sciatica"))));
  EXPECT_THAT(Claims("Sciatica happens when the disc bulges."),
              Not(Contains(HasSubstr("bulging"))));
}

// experience_rules.cc: TreatmentFor, WhatPeopleFeel.
TEST_F(RuleFamiliesTest, ExperienceRules) {
  // "T for C", with what may stand between.
  EXPECT_THAT(Claims("Your doctor may suggest massage therapy for sciatica."),
              Contains("?massage therapy TREATS sciatica"));
  EXPECT_THAT(Claims("Massage therapy is the best remedy for sciatica."),
              Contains("massage therapy TREATS sciatica"));
  // "for" of something else: a time, or a clause away.
  EXPECT_THAT(Claims("Massage therapy for ten minutes eased my back, and "
                     "sciatica came back."),
              Not(Contains("massage therapy TREATS sciatica")));
  // What people with C feel.
  EXPECT_THAT(Claims("If you have sciatica, you may notice numbness."),
              Contains("?sciatica HAS_SYMPTOM numbness"));
  EXPECT_THAT(Claims("People with sciatica often feel tingling."),
              Contains("sciatica HAS_SYMPTOM tingling"));
  EXPECT_THAT(Claims("People with sciatica rarely see numbness in others."),
              Not(Contains("sciatica HAS_SYMPTOM numbness")));
  EXPECT_THAT(Claims("With sciatica, you may have numbness."),
              Contains("?sciatica HAS_SYMPTOM numbness"));
}

// site_rules.cc: ConditionSite.
TEST_F(RuleFamiliesTest, SiteRules) {
  EXPECT_THAT(Claims("Many runners develop arthritis in the hip."),
              Contains("arthritis AFFECTS hip joint"));
  EXPECT_THAT(Claims("Arthritis of your left hip is common."),
              Contains("arthritis AFFECTS hip joint"));
  // The part is the object of a verb, not where the condition is.
  EXPECT_THAT(Claims("Arthritis can make you rest the hip."),
              Not(Contains(HasSubstr("AFFECTS hip joint"))));
  // A word that is no determiner stands between: not the condition's site.
  EXPECT_THAT(Claims("Arthritis in people who rest the hip is rare."),
              Not(Contains(HasSubstr("AFFECTS hip joint"))));
}

// group_rules.cc: GroupActions.
TEST_F(RuleFamiliesTest, GroupRules) {
  // A group named after its action, defined by its members, performs the
  // action, and so does each member.
  auto such_as =
      Claims("The hip flexors, such as the iliacus, sit deep in the pelvis.");
  EXPECT_THAT(such_as, Contains("hip flexors PERFORMS hip flexion"));
  EXPECT_THAT(such_as, Contains("iliacus PERFORMS hip flexion"));
  EXPECT_THAT(Claims("The hip abductors (gluteus medius) weaken with age."),
              Contains("gluteus medius PERFORMS hip abduction"));
  // Coordinated, the iliacus is no member: no action.
  EXPECT_THAT(Claims("The hip flexors and the iliacus sit deep in the pelvis."),
              Not(Contains(HasSubstr("PERFORMS"))));
}

// cue_rules.cc: the general cue table.
TEST_F(RuleFamiliesTest, CueRules) {
  // "not just X but also Y" adds X; it does not deny it.
  EXPECT_THAT(Claims("Not just obesity but also dehydration can lead to "
                     "sciatica."),
              Contains("dehydration CAUSES sciatica"));
  EXPECT_THAT(Claims("Dehydration does not just lead to sciatica."),
              Contains("dehydration CAUSES sciatica"));
  // Cues only the table knows: "progresses to", "characterized by",
  // "responds to".
  EXPECT_THAT(Claims("Untreated tendonitis often progresses to a rotator cuff "
                     "tear."),
              Contains("untreated tendonitis CAUSES rotator cuff tear"));
  // A pronoun subject standing for the condition the sentence before
  // opened with.
  EXPECT_THAT(Claims("Frozen shoulder is painful. It can lead to sciatica."),
              Contains("frozen shoulder CAUSES sciatica"));
  // The means after the condition: "by <means>", "the way to ... is".
  EXPECT_THAT(Claims("You can reduce your risk of sciatica by doing massage "
                     "therapy."),
              Contains("massage therapy PREVENTS sciatica"));
  EXPECT_THAT(Claims("The best way to prevent sciatica is massage therapy."),
              Contains("massage therapy PREVENTS sciatica"));
  // "by" of a time, and a treatment that is no means.
  EXPECT_THAT(Claims("You can reduce your risk of sciatica by May, says "
                     "massage therapy."),
              Not(Contains("massage therapy PREVENTS sciatica")));
  // A mention after "before" says when; the one before it is the subject.
  const auto before = Claims("Massage therapy before yoga can help prevent "
                             "sciatica.");
  EXPECT_THAT(before, Contains("massage therapy PREVENTS sciatica"));
  EXPECT_THAT(before, Not(Contains("yoga PREVENTS sciatica")));
  // An activity the clause opens with is the subject (gerund_subjects.cc),
  // each conjunct one activity.
  const auto activities =
      Claims("Carrying crates or twisting your torso can lead to sciatica.");
  EXPECT_THAT(activities, Contains("carrying crates CAUSES sciatica"));
  EXPECT_THAT(activities, Contains("twisting your torso CAUSES sciatica"));
  EXPECT_THAT(Claims("Taking short walks helps prevent sciatica."),
              Contains("taking short walks PREVENTS sciatica"));
  // What an activity acts on may be a cause or condition; having one is
  // no activity.
  EXPECT_THAT(Claims("Avoiding prolonged sitting helps prevent sciatica."),
              Contains("avoiding prolonged sitting PREVENTS sciatica"));
  EXPECT_THAT(Claims("Having obesity can lead to sciatica."),
              Not(Contains(HasSubstr("having"))));
  EXPECT_THAT(Claims("Hunching your shoulders puts strain on the spine and "
                     "can lead to sciatica."),
              Contains("hunching your shoulders CAUSES sciatica"));
  // Not a gerund, not the subject, or named by a pronoun.
  EXPECT_THAT(Claims("Nothing can lead to sciatica."),
              Not(Contains(HasSubstr("nothing"))));
  EXPECT_THAT(Claims("Understanding the spine can help prevent sciatica."),
              Not(Contains(HasSubstr("understanding"))));
  EXPECT_THAT(Claims("Keeping them warm helps prevent sciatica."),
              Not(Contains(HasSubstr("keeping"))));
  EXPECT_THAT(Claims("Carrying crates, the movers said, can lead to "
                     "sciatica."),
              Not(Contains(HasSubstr("carrying crates"))));
  // An introductory phrase of condition or time is no subject; the pronoun
  // after it stands for the condition the sentence before opened with.
  EXPECT_THAT(Claims("Frozen shoulder is painful. If left untreated, it can "
                     "turn into sciatica."),
              Contains("frozen shoulder CAUSES sciatica"));
  EXPECT_THAT(Claims("Tendonitis\n\nAbout\n\nOver time, this may lead to "
                     "sciatica."),
              Contains("?tendonitis CAUSES sciatica"));  // "may" hedges
  // A relative clause after a later comma says what the clause before did.
  EXPECT_THAT(Claims("Tendonitis\n\nAbout\n\nIf you slouch, your back is "
                     "tight, which could lead to sciatica."),
              Not(Contains("tendonitis CAUSES sciatica")));
  // The group a risk is of (risk_groups.cc), named as written.
  EXPECT_THAT(Claims("Sciatica is more common in older women over the age of "
                     "60."),
              Contains("older women over the age of 60 CAUSES sciatica"));
  EXPECT_THAT(Claims("Men are twice as likely to get sciatica. Dancers are "
                     "2 times more likely than swimmers to develop "
                     "sciatica."),
              Contains("?dancers CAUSES sciatica"));  // "likely" hedges
  EXPECT_THAT(Claims("Sciatica is most common in the morning."),
              Not(Contains(HasSubstr("CAUSES sciatica"))));
  EXPECT_THAT(Claims("Doctors say swimmers rarely get sciatica; dancers who "
                     "stretch are more likely to develop sciatica."),
              Not(Contains(HasSubstr("dancers"))));
  // A bare "injury" is the one the section is about; a name's head names
  // its kind, which causes nothing of it.
  const auto injury = Claims(
      "Tendonitis\n\nAbout\n\nSprinting can lead "
      "to injury.\n");
  EXPECT_THAT(injury, Contains("sprinting CAUSES tendonitis"));
  EXPECT_THAT(injury, Not(Contains(HasSubstr("CAUSES injury"))));
  EXPECT_THAT(Claims("Sciatica\n\nAbout\n\nA tear can lead to a rotator "
                     "cuff tear.\n"),
              Not(Contains(HasSubstr("tear CAUSES rotator cuff tear"))));
  // "The cause is X": the noun's cause, not the verb's subject.
  const auto noun = Claims(
      "Sciatica\n\nAbout\n\nThe cause is usually a "
      "herniated disc.\n");
  EXPECT_THAT(noun, Contains("herniated disc CAUSES sciatica"));
  EXPECT_THAT(noun, Not(Contains("sciatica CAUSES herniated disc")));
  // "unlikely" denies.
  EXPECT_THAT(Claims("It is unlikely that obesity causes sciatica."),
              Contains("!obesity CAUSES sciatica"));
  // What a condition makes hard to do is its symptom.
  EXPECT_THAT(Claims("Sciatica can make it harder to kneel."),
              Contains("sciatica HAS_SYMPTOM difficulty kneeling"));
  EXPECT_THAT(Claims("Sciatica is easy to treat; it makes it easier to "
                     "kneel."),
              Not(Contains(HasSubstr("difficulty"))));
  // What makes a condition worse, or a body prone to it, causes it.
  EXPECT_THAT(Claims("Poor posture can worsen sciatica."),
              Contains("poor posture CAUSES sciatica"));
  EXPECT_THAT(Claims("Heavy lifting aggravates sciatica."),
              Contains("heavy lifting CAUSES sciatica"));
  EXPECT_THAT(Claims("Obesity predisposes people to sciatica."),
              Contains("obesity CAUSES sciatica"));
  EXPECT_THAT(Claims("Poor posture does not worsen sciatica."),
              Not(Contains("poor posture CAUSES sciatica")));
  // "turns into", "evolves into": no hand-kept word list may hide a row.
  EXPECT_THAT(Claims("Left alone, frozen shoulder can turn into sciatica."),
              Contains("frozen shoulder CAUSES sciatica"));
  EXPECT_THAT(Claims("Frozen shoulder evolves into sciatica."),
              Contains("frozen shoulder CAUSES sciatica"));
  EXPECT_THAT(Claims("Sciatica is characterized by radiating pain."),
              Contains("sciatica HAS_SYMPTOM radiating pain"));
  EXPECT_THAT(Claims("Frozen shoulder responds to physical therapy."),
              Contains("physical therapy TREATS frozen shoulder"));
  // The cue of another clause ("whereas ...") is not the first clause's.
  auto whereas = Claims(
      "Sciatica is painful, whereas fibromyalgia is "
      "characterized by fatigue.");
  EXPECT_THAT(whereas, Contains("fibromyalgia HAS_SYMPTOM fatigue"));
  EXPECT_THAT(whereas, Not(Contains("sciatica HAS_SYMPTOM fatigue")));
  // General constructions of cause, treatment and prevention.
  EXPECT_THAT(Claims("Tendonitis usually develops from repetitive movements."),
              Contains("repetitive movements CAUSES tendonitis"));
  EXPECT_THAT(Claims("Heavy lifting plays a role in hamstring strain."),
              Contains("heavy lifting CAUSES hamstring strain"));
  EXPECT_THAT(Claims("Sprinting puts you at risk of hamstring strain."),
              Contains("sprinting CAUSES hamstring strain"));
  // A symptom said to be a sign of C; what C feels like or comes with.
  EXPECT_THAT(Claims("Numbness is a common sign of sciatica."),
              Contains("sciatica HAS_SYMPTOM numbness"));
  EXPECT_THAT(Claims("Sciatica often comes with tingling."),
              Contains("sciatica HAS_SYMPTOM tingling"));
  EXPECT_THAT(Claims("Massage therapy is a sign of sciatica."),
              Not(Contains(HasSubstr("HAS_SYMPTOM"))));
  // Who the risk is of: "if you have A", "people with A are more likely"
  // (hedged, '?', by "may" and "likely").
  auto holder = Claims("You may be at higher risk of sciatica if you have "
                       "obesity or diabetes.");
  EXPECT_THAT(holder, Contains("?obesity CAUSES sciatica"));
  EXPECT_THAT(holder, Contains("?diabetes CAUSES sciatica"));
  EXPECT_THAT(Claims("You may be at higher risk of sciatica at work."),
              Not(Contains(HasSubstr("CAUSES sciatica"))));
  EXPECT_THAT(Claims("People with diabetes are more likely to develop "
                     "sciatica."),
              Contains("?diabetes CAUSES sciatica"));
  EXPECT_THAT(Claims("Sciatica is more common in people with diabetes."),
              Contains("diabetes CAUSES sciatica"));
  EXPECT_THAT(Claims("Sciatica can be a complication of diabetes."),
              Contains("diabetes CAUSES sciatica"));
  // A cause of a symptom makes the symptom a condition.
  EXPECT_THAT(Claims("Heavy lifting can cause back pain."),
              Contains("heavy lifting CAUSES back pain"));
  EXPECT_THAT(Claims("Heat therapy is a common treatment for sciatica."),
              Contains("heat therapy TREATS sciatica"));
  EXPECT_THAT(Claims("Yoga can reduce the chance of hamstring strain."),
              Contains("yoga PREVENTS hamstring strain"));
  EXPECT_THAT(Claims("Yoga cannot reduce the chance of hamstring strain."),
              Not(Contains("yoga PREVENTS hamstring strain")));
  // Loosening (massage) is no stretching; lengthening is.
  EXPECT_THAT(Claims("Massage therapy loosens the hamstrings."),
              Not(Contains("massage therapy STRETCHES hamstrings")));
  // A treatment that causes a condition is a cause there; one that "leads
  // to" a treatment or symptom gives no CAUSES claim.
  EXPECT_THAT(Claims("Physical therapy can lead to muscle strain."),
              Contains("physical therapy CAUSES muscle strain"));
  EXPECT_THAT(Claims("Physical therapy can lead to yoga."),
              Not(Contains("physical therapy CAUSES yoga")));
  // A cause left out ("It often leads to") is the section's condition; one
  // the lexicon does not know ("Long car journeys") is not.
  EXPECT_THAT(Claims("Sciatica\n\nCauses\n\nIt often leads to a rotator "
                     "cuff tear.\n"),
              Contains("sciatica CAUSES rotator cuff tear"));
  EXPECT_THAT(Claims("Sciatica\n\nCauses\n\nLong car journeys often lead "
                     "to a rotator cuff tear.\n"),
              Not(Contains("sciatica CAUSES rotator cuff tear")));
  // "not A or B" denies B too; "A or B" affirms both.
  auto neither = Claims(
      "Yoga does not appear to relieve the worst sciatica or reduce the "
      "risk of tendonitis.");
  EXPECT_THAT(neither, Contains("!yoga PREVENTS tendonitis"));
  EXPECT_THAT(neither, Not(Contains("yoga PREVENTS tendonitis")));
  EXPECT_THAT(Claims("Yoga can relieve sciatica or reduce the risk of "
                     "tendonitis."),
              Contains("yoga PREVENTS tendonitis"));
  // A pronoun subject stands for the treatment the sentence before, in the
  // same paragraph, opens with; not across paragraphs, and not when the
  // sentence before opens with something else.
  auto it = Claims(
      "Heat therapy warms the tissue. It can relieve hamstring strain. It "
      "also eases tendonitis.");
  EXPECT_THAT(it, Contains("heat therapy TREATS hamstring strain"));
  EXPECT_THAT(it, Contains("heat therapy TREATS tendonitis"));
  EXPECT_THAT(Claims("Heat therapy warms the tissue.\n\nIt can relieve "
                     "hamstring strain.\n"),
              Not(Contains("heat therapy TREATS hamstring strain")));
  EXPECT_THAT(Claims("Many people use heat therapy. It can relieve hamstring "
                     "strain."),
              Not(Contains("heat therapy TREATS hamstring strain")));
}

// section_rules.cc: SectionText, TopicPairs, ItemPhrases.
TEST_F(RuleFamiliesTest, SectionRules) {
  // A heading that lowers a risk is prevention; one that names it, causes.
  const auto lowered = Claims(
      "Sciatica\n\nReducing your risk\n\n"
      "- Physical therapy\n");
  EXPECT_THAT(lowered, Contains("physical therapy PREVENTS sciatica"));
  EXPECT_THAT(lowered, Not(Contains(HasSubstr("CAUSES"))));
  EXPECT_THAT(Claims("Sciatica\n\nRisk factors\n\n- Obesity\n"),
              Contains("obesity CAUSES sciatica"));
  // Headings nest: a deeper heading of no relation of its own is part of
  // the section above it; one that names a condition starts anew.
  auto nested = Claims(
      "# Sciatica\n\n## Prevention\n\n### At work\n\n"
      "- Physical therapy\n\n## Background\n\n### At work\n\n"
      "- Heat therapy\n",
      "t.md");
  EXPECT_THAT(nested, Contains("physical therapy PREVENTS sciatica"));
  EXPECT_THAT(nested, Not(Contains(HasSubstr("heat therapy PREVENTS"))));
  // SectionText: what a "Symptoms" section names, for its condition; a
  // question there asserts nothing, nor does a section of no kind.
  auto symptoms = Claims(
      "Sciatica\n\nSymptoms\n\nMany people feel numbness and tingling.\n");
  EXPECT_THAT(symptoms, Contains("sciatica HAS_SYMPTOM numbness"));
  EXPECT_THAT(symptoms, Contains("sciatica HAS_SYMPTOM tingling"));
  EXPECT_THAT(Claims("Sciatica\n\nSymptoms\n\nDo you feel numbness?\n"),
              IsEmpty());
  EXPECT_THAT(Claims("Sciatica\n\nBackground\n\nMany people feel numbness and "
                     "tingling.\n"),
              Not(Contains("sciatica HAS_SYMPTOM numbness")));

  // TopicPairs: a treatment in any section, proposed for the section's
  // condition and kept by the claim model; asked, not proposed.
  EXPECT_THAT(Claims("Sciatica\n\nBackground\n\n"
                     "Most patients try physical therapy first.\n"),
              Contains("physical therapy TREATS sciatica"));
  EXPECT_THAT(Claims("Sciatica\n\nBackground\n\n"
                     "Do most patients try physical therapy first?\n"),
              Not(Contains(HasSubstr("TREATS"))));

  // ItemPhrases: a long item's short lead and its examples; an item whose
  // lead runs past eight words gives nothing.
  auto items = Claims(
      "Whiplash\n\nRisk factors\n\n"
      "People develop it in several ways:\n\n"
      "- Riding in cars without headrests, such as old trucks or vans\n"
      "- A long afternoon of carrying boxes up three flights of narrow "
      "stairs every week\n");
  EXPECT_THAT(items,
              Contains("riding in cars without headrests CAUSES whiplash"));
  EXPECT_THAT(items, Contains("old trucks CAUSES whiplash"));
  EXPECT_THAT(items, Contains("vans CAUSES whiplash"));
  EXPECT_THAT(items, Not(Contains(HasSubstr("carrying boxes"))));
}

// topic_rules.cc: FindTopic, CoordinatedConditions.
TEST_F(RuleFamiliesTest, TopicRules) {
  // FindTopic: a symptom as the title is the topic condition.
  EXPECT_THAT(Claims("Neck pain\n\nTreatment\n\n"
                     "Acupuncture was what finally worked for me.\n"),
              Contains("acupuncture TREATS neck pain"));
  // An untitled story: the condition it names at least twice; once is not
  // enough.
  EXPECT_THAT(Claims("Notes from a quiet year\n\n"
                     "Whiplash ruined my winter. By March, whiplash still "
                     "woke me at night.\n\nTreatment\n\n"
                     "Acupuncture was what finally worked for me.\n"),
              Contains("acupuncture TREATS whiplash"));
  EXPECT_THAT(Claims("Notes from a quiet year\n\n"
                     "Whiplash ruined my winter.\n\nTreatment\n\n"
                     "Acupuncture was what finally worked for me.\n"),
              Not(Contains("acupuncture TREATS whiplash")));

  // CoordinatedConditions: a title of two conditions joined by "and" makes
  // both the topic; "without" joins nothing.
  auto both = Claims(
      "Sciatica and piriformis syndrome\n\nTreatment\n\n"
      "Acupuncture was what finally worked for me.\n");
  EXPECT_THAT(both, Contains("acupuncture TREATS sciatica"));
  EXPECT_THAT(both, Contains("acupuncture TREATS piriformis syndrome"));
  auto without = Claims(
      "Sciatica without piriformis syndrome\n\nTreatment\n\n"
      "Acupuncture was what finally worked for me.\n");
  EXPECT_THAT(without, Contains("acupuncture TREATS sciatica"));
  EXPECT_THAT(without, Not(Contains("acupuncture TREATS piriformis syndrome")));
}

// relation_extractor.cc: DropSubsumedClaims. A claim the document also
// makes under a longer name containing the shorter is said once, under the
// longer; a claim of a name no longer name contains stays.
TEST_F(RuleFamiliesTest, SubsumedClaims) {
  auto both = Claims(
      "Piriformis syndrome causes pain. Piriformis syndrome causes pain in "
      "the buttock.");
  EXPECT_THAT(both, Contains("piriformis syndrome HAS_SYMPTOM pain in the "
                             "buttock"));
  EXPECT_THAT(both, Not(Contains("piriformis syndrome HAS_SYMPTOM pain")));
  EXPECT_THAT(Claims("Piriformis syndrome causes pain."),
              Contains("piriformis syndrome HAS_SYMPTOM pain"));
  // A name of several words is specific already: said in a sentence of its
  // own, it stays beside the longer name; in the longer name's sentence it
  // is still that name's part.
  auto apart = Claims(
      "Physical therapy for sciatica\n\nMany people ask about it.\n\n"
      "Passive physical therapy for sciatica is an option too.\n");
  EXPECT_THAT(apart, Contains("physical therapy TREATS sciatica"));
  EXPECT_THAT(apart, Contains("passive physical therapy TREATS sciatica"));
  EXPECT_THAT(Claims("Passive physical therapy for sciatica helps.\n"),
              Not(Contains("physical therapy TREATS sciatica")));
}

// noun_cue_rules.cc: NounCueRules. A relation noun, the condition after
// "of" / "for" / "to prevent", and the names listed after the verb.
TEST_F(RuleFamiliesTest, NounCueRules) {
  EXPECT_THAT(Claims("Notes\n\nSymptoms of sciatica include numbness and "
                     "tingling."),
              Contains("sciatica HAS_SYMPTOM numbness"));
  EXPECT_THAT(Claims("Notes\n\nTreatments for plantar fasciitis include rest "
                     "and ice."),
              Contains("ice TREATS plantar fasciitis"));
  // ", including", with the noun's adjective and the condition's.
  EXPECT_THAT(Claims("Notes\n\nThere are treatments available for chronic "
                     "plantar fasciitis, including ice and rest."),
              Contains("ice TREATS plantar fasciitis"));
  EXPECT_THAT(Claims("Notes\n\nPlantar fasciitis hurts, including ice."),
              Not(Contains("ice TREATS plantar fasciitis")));
  // The verb is what opens the list: a noun with no list after it, or a
  // negated verb, claims nothing.
  EXPECT_THAT(Claims("Notes\n\nSymptoms of sciatica worsen after rest."),
              Not(Contains("rest TREATS sciatica")));
  EXPECT_THAT(Claims("Notes\n\nCauses of sciatica do not include rest."),
              IsEmpty());
}

}  // namespace
}  // namespace mskg::ingest
