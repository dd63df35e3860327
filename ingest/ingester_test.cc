#include "ingest/ingester.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "ingest/tokenizer.h"

namespace mskg::ingest {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<Ingester> MakeIngester() {
  auto ing = Ingester::Create({"ingest/testdata/lexicon"});
  EXPECT_TRUE(ing.ok()) << ing.status();
  return ing.ok() ? std::move(*ing) : nullptr;
}

TEST(IngesterTest, ExtractSetsHashAndSize) {
  auto ing = MakeIngester();
  auto doc = ing->Extract("a.txt", "Heavy lifting can cause a QL spasm.");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->document_id(), "a.txt");
  EXPECT_EQ(doc->content_hash().size(), 16u);
  EXPECT_EQ(doc->size_bytes(), 35u);
  EXPECT_EQ(doc->content_hash(), ContentHash("Heavy lifting can cause a QL spasm."));
}

TEST(IngesterTest, NoEntityGivesNotice) {
  auto ing = MakeIngester();
  std::vector<std::string> notices;
  auto doc = ing->Extract("n.txt", "Nothing to see here.", DocumentFormat::kAuto,
                          &notices);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->claims_size(), 0);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_THAT(notices[0], HasSubstr("no recognisable entity"));
}

TEST(IngesterTest, BadInput) {
  auto ing = MakeIngester();
  EXPECT_EQ(ing->Extract("e.txt", "").status().message(),
            "e.txt: file is empty; nothing to ingest: add text or leave it out");
}

TEST(IngesterTest, ReferenceClaims) {
  auto ing = MakeIngester();
  EXPECT_EQ(ing->ReferenceClaims().document_id(), "reference");
  EXPECT_GT(ing->ReferenceClaims().claims_size(), 0);
}

TEST(IngesterTest, CompiledInLexiconLoads) {
  auto ing = Ingester::Create();
  ASSERT_TRUE(ing.ok()) << ing.status();
  // The whole-body lexicon: hundreds of reference facts, psoas among them.
  EXPECT_GT((*ing)->ReferenceClaims().claims_size(), 1000);
  auto claims = (*ing)->Extract("a.txt", "The psoas major flexes the hip.");
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_GT(claims->mentions_size() + claims->claims_size(), 0);
}

TEST(IngesterTest, IngestFileErrorsAndWrite) {
  auto ing = MakeIngester();
  const std::string tmp = std::getenv("TEST_TMPDIR") ? std::getenv("TEST_TMPDIR")
                                                     : "/tmp";
  auto store = graph::GraphStore::Open(tmp + "/store");
  ASSERT_TRUE(store.ok()) << store.status();
  auto missing = ing->IngestFile(tmp + "/missing.txt", store->get());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("missing.txt"));
  { std::ofstream(tmp + "/x.pdf") << "x"; }
  EXPECT_THAT(ing->IngestFile(tmp + "/x.pdf", store->get()).status().message(),
              HasSubstr("unsupported file type"));
  auto ok = ing->IngestFile("data/sample_corpus/hamstring_strain.txt",
                            store->get());
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_GT(ok->claims, 0);
  auto again = ing->IngestFile("data/sample_corpus/hamstring_strain.txt",
                               store->get());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->unchanged);
}

TEST(IngesterTest, SampleCorpusFormats) {
  auto ing = MakeIngester();
  for (const char* path : {"data/sample_corpus/hamstring_strain.txt",
                           "data/sample_corpus/rotator_cuff.md",
                           "data/sample_corpus/tight_hip_flexors.html",
                           "data/sample_corpus/ql_and_psoas_spasm.txt"}) {
    std::ifstream in(path);
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    auto doc = ing->Extract(path, bytes);
    ASSERT_TRUE(doc.ok()) << path << ": " << doc.status();
    EXPECT_GT(doc->claims_size(), 3) << path;
  }
}

// The node of `lay_name` among `claims`' mentions, through their aliases
// (as the store resolves names): its canonical name, or "".
std::string Resolve(const schema::DocumentClaims& claims,
                    const std::string& lay_name) {
  const std::string key = TokenKey(lay_name);
  for (const schema::NodeKey& m : claims.mentions()) {
    if (TokenKey(m.name()) == key) return m.name();
    for (const std::string& a : m.aliases()) {
      if (TokenKey(a) == key) return m.name();
    }
  }
  return "";
}

std::set<std::string> CausesOf(const schema::DocumentClaims& claims,
                               const std::string& condition) {
  std::set<std::string> out;
  for (const schema::Claim& c : claims.claims()) {
    if (c.relation() == schema::CAUSES && c.object().name() == condition) {
      out.insert(c.subject().name());
    }
  }
  return out;
}

TEST(IngesterTest, LayNamesOfMuscleStatesNameTheirNodes) {
  // "causes shared by QL spasm and psoas spasm": each lay name finds the
  // composed state of the canonical muscle, whatever name the text used.
  auto ing = MakeIngester();
  auto back = ing->Extract(
      "back.txt",
      "Carrying boxes all day is heavy lifting, and heavy lifting can "
      "trigger a spasm of the quadratus lumborum. Sudden movements can too.");
  auto hip = ing->Extract(
      "hip.txt",
      "Heavy lifting often causes a psoas muscle spasm. Poor posture can "
      "lead to tight glutes.");
  ASSERT_TRUE(back.ok() && hip.ok());
  const std::string ql = Resolve(*back, "QL spasm");
  const std::string psoas = Resolve(*hip, "psoas spasm");
  EXPECT_EQ(ql, "quadratus lumborum spasm");
  EXPECT_EQ(psoas, "psoas major spasm");
  EXPECT_EQ(Resolve(*hip, "tight glutes"), "tight gluteal muscles");
  EXPECT_EQ(Resolve(*hip, "glute tightness"), "tight gluteal muscles");
  std::set<std::string> shared;
  const std::set<std::string> of_psoas = CausesOf(*hip, psoas);
  for (const std::string& c : CausesOf(*back, ql)) {
    if (of_psoas.count(c) > 0) shared.insert(c);
  }
  EXPECT_EQ(shared, std::set<std::string>({"heavy lifting"}));
}

}  // namespace
}  // namespace mskg::ingest
