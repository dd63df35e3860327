// interop/obo_reader_test.cc: the hand-written slice in testdata/, and the
// shared Uberon slice when MSKG_SHARED points at it.
#include "interop/obo_reader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using ::testing::Contains;
using ::testing::IsSupersetOf;

std::set<std::string> Claims(const schema::DocumentClaims& doc) {
  std::set<std::string> out;
  for (const schema::Claim& c : doc.claims()) {
    out.insert(absl::StrCat(TypeLabel(c.subject().type()), ":",
                            c.subject().name(), " ",
                            RelationLabel(c.relation()), " ",
                            TypeLabel(c.object().type()), ":",
                            c.object().name()));
  }
  return out;
}

absl::StatusOr<OboImport> ReadFile(const std::string& path,
                                   const OboReaderOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(path);
  return ReadObo(&in, path, options);
}

TEST(OboReaderTest, MapsTypesAndRelations) {
  absl::StatusOr<OboImport> result =
      ReadFile("interop/testdata/small.obo", {});
  ASSERT_TRUE(result.ok()) << result.status();
  const schema::DocumentClaims& doc = result->document;
  EXPECT_EQ(doc.document_id(), "reference:obo:small.obo");
  EXPECT_EQ(result->terms, 17);  // The obsolete term is skipped.
  EXPECT_EQ(Claims(doc),
            (std::set<std::string>{
                "Muscle:psoas major ORIGINATES_FROM "
                "Structure:transverse process of vertebra",
                "Muscle:psoas major INSERTS_ON Structure:lesser trochanter",
                "Muscle:psoas major INNERVATED_BY Nerve:lumbar nerve",
                "Muscle:psoas major PART_OF Muscle:hip flexor musculature",
                "Muscle:psoas major ANTAGONIST_OF Muscle:gluteus maximus",
                "Muscle:gluteus maximus ATTACHES_TO Structure:iliotibial tract",
                "Muscle:gluteus maximus ORIGINATES_FROM Structure:ilium",
                "Muscle:iliopsoas INSERTS_ON Structure:lesser trochanter",
            }));
  // Provenance: the line of the relationship.
  const schema::Claim& first = doc.claims(0);
  EXPECT_EQ(first.provenance().document_id(), "reference:obo:small.obo");
  EXPECT_EQ(first.provenance().begin(), 33u);
  EXPECT_EQ(first.provenance().rule(), "obo:has_muscle_origin");
  EXPECT_THAT(first.provenance().sentence(),
              ::testing::StartsWith("relationship: has_muscle_origin"));
  // EXACT and RELATED synonyms are aliases; NARROW is not.
  EXPECT_THAT(first.subject().aliases(),
              ::testing::ElementsAre("psoas major muscle",
                                     "m. psoas \"major\""));
  EXPECT_EQ(result->nodes_by_type[schema::VESSEL], 2);  // artery, lumbar artery
  EXPECT_EQ(result->nodes_by_type[schema::NERVE], 2);
}

TEST(OboReaderTest, MusclesSubsetKeepsMusclesAndTargets) {
  OboReaderOptions options;
  options.muscles_only = true;
  absl::StatusOr<OboImport> result =
      ReadFile("interop/testdata/small.obo", options);
  ASSERT_TRUE(result.ok()) << result.status();
  std::set<std::string> names;
  for (const schema::NodeKey& key : result->document.mentions()) {
    names.insert(key.name());
  }
  EXPECT_THAT(names, Contains("lumbar nerve"));
  EXPECT_THAT(names, Contains("ilium"));
  EXPECT_THAT(names, ::testing::Not(Contains("lumbar artery")));
  EXPECT_THAT(names, ::testing::Not(Contains("bone element")));
  EXPECT_EQ(result->claims, 8);
}

TEST(OboReaderTest, ReportsTermWithoutId) {
  std::stringstream text("[Term]\nname: nameless\n\n[Term]\nid: X:1\n");
  absl::StatusOr<OboImport> result = ReadObo(&text, "bad.obo", {});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), ::testing::HasSubstr("bad.obo:4:"));
}

TEST(OboReaderTest, SharedUberonSlice) {
  const char* shared = std::getenv("MSKG_SHARED");
  const std::string path =
      absl::StrCat(shared != nullptr ? shared : "", "/ontology/",
                   "uberon-musculoskeletal.obo");
  if (shared == nullptr || !std::filesystem::exists(path)) {
    GTEST_SKIP() << "MSKG_SHARED/ontology/uberon-musculoskeletal.obo not "
                    "found; set MSKG_SHARED to run this test";
  }
  absl::StatusOr<OboImport> all = ReadFile(path, {});
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_GT(all->terms, 2500);
  EXPECT_GT(all->nodes_by_type[schema::MUSCLE], 100);
  EXPECT_GT(all->nodes_by_type[schema::NERVE], 0);
  EXPECT_GT(all->nodes_by_type[schema::VESSEL], 0);
  std::set<std::string> muscles;
  for (const schema::NodeKey& key : all->document.mentions()) {
    if (key.type() == schema::MUSCLE) muscles.insert(key.name());
  }
  EXPECT_THAT(muscles, IsSupersetOf({"psoas major", "gluteus maximus",
                                     "quadratus lumborum", "iliacus"}));
  OboReaderOptions options;
  options.muscles_only = true;
  absl::StatusOr<OboImport> subset = ReadFile(path, options);
  ASSERT_TRUE(subset.ok());
  EXPECT_LT(subset->nodes, all->nodes);
  EXPECT_EQ(subset->nodes_by_type[schema::MUSCLE],
            all->nodes_by_type[schema::MUSCLE]);
  std::cerr << "uberon slice: " << all->terms << " terms, " << all->claims
            << " claims; muscles: " << all->nodes_by_type[schema::MUSCLE]
            << "; --subset muscles: " << subset->nodes << " nodes, "
            << subset->claims << " claims\n";
}

}  // namespace
}  // namespace mskg::interop
