// Tests of SearchIndex (search_index.h): names and aliases found by whole
// key, key prefix, later-word prefix and one typo, in that order, ranked by
// degree then name within a tier; each node once; the type filter, the
// limit, and the queries that find nothing.
#include "server/search_index.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "schema/graph.pb.h"

namespace mskg::server {
namespace {

using ::testing::ElementsAre;

class SearchIndexTest : public ::testing::Test {
 protected:
  SearchIndexTest() {
    graph::GraphViewBuilder b;
    const auto psoas_major =
        b.AddNode(schema::MUSCLE, "psoas major", {"psoas"});
    const auto psoas_minor = b.AddNode(schema::MUSCLE, "psoas minor");
    b.AddNode(schema::MUSCLE, "teres major");
    const auto piriformis = b.AddNode(schema::MUSCLE, "piriformis");
    const auto spasm = b.AddNode(schema::CONDITION, "psoas major spasm");
    b.AddNode(schema::MUSCLE, "iliacus");
    const auto ilium = b.AddNode(schema::STRUCTURE, "ilium");
    const auto hip = b.AddNode(schema::STRUCTURE, "hip joint");
    const auto femur = b.AddNode(schema::STRUCTURE, "femur");
    // Degrees: psoas major 3, piriformis and ilium 2, psoas minor and the
    // spasm 1, teres major and iliacus 0.
    b.AddEdge(psoas_major, schema::ATTACHES_TO, hip);
    b.AddEdge(psoas_major, schema::INSERTS_ON, femur);
    b.AddEdge(psoas_minor, schema::ATTACHES_TO, hip);
    b.AddEdge(piriformis, schema::ATTACHES_TO, hip);
    b.AddEdge(piriformis, schema::INSERTS_ON, femur);
    b.AddEdge(spasm, schema::AFFECTS, psoas_major);
    b.AddEdge(ilium, schema::PART_OF, hip);
    b.AddEdge(ilium, schema::ATTACHES_TO, femur);
    view_ = b.Finish();
    index_ = SearchIndex::Build(*view_);
  }

  std::vector<SearchIndex::Hit> Find(
      absl::string_view query, size_t limit = 10,
      schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED) const {
    return index_.Search(query, type, limit);
  }
  // Returns the hits as "name: match" ("name: match 'spelling'" when an
  // alias matched), best first.
  std::vector<std::string> Ranked(
      absl::string_view query, size_t limit = 10,
      schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED) const {
    static constexpr const char* kMatch[] = {"exact", "prefix", "word", "typo"};
    std::vector<std::string> out;
    for (const SearchIndex::Hit& hit : Find(query, limit, type)) {
      const absl::string_view name = view_->node(hit.node).name;
      std::string line =
          absl::StrCat(name, ": ", kMatch[static_cast<int>(hit.match)]);
      if (hit.matched != name) absl::StrAppend(&line, " '", hit.matched, "'");
      out.push_back(std::move(line));
    }
    return out;
  }

  std::shared_ptr<const graph::GraphView> view_;
  SearchIndex index_;
};

TEST_F(SearchIndexTest, EntriesAreSpellingsAndTheirLaterWords) {
  // 9 names and 1 alias, plus one entry per later word: "major" twice,
  // "minor", "major spasm", "spasm", "joint".
  EXPECT_EQ(index_.size(), 10u + 6u);
}

TEST_F(SearchIndexTest, WholeKeyFirstThenPrefixes) {
  EXPECT_THAT(Ranked("psoas major"),
              ElementsAre("psoas major: exact", "psoas major spasm: prefix"));
  std::vector<SearchIndex::Hit> hits = Find("psoas major", 1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].degree, 3u);
  EXPECT_EQ(view_->node(hits[0].node).type, schema::MUSCLE);
}

TEST_F(SearchIndexTest, KeyIgnoresCasePunctuationAndPlural) {
  for (const char* query : {"Psoas-Major", "PSOAS  major", "psoas majors"}) {
    EXPECT_THAT(Ranked(query, 1), ElementsAre("psoas major: exact")) << query;
  }
}

TEST_F(SearchIndexTest, EachNodeOnceWithItsBestMatch) {
  // "psoas" is psoas major's alias (whole key) and a prefix of its name;
  // the other prefixes tie on degree 1 and go by name.
  EXPECT_THAT(Ranked("psoas"),
              ElementsAre("psoas major: exact 'psoas'",
                          "psoas major spasm: prefix", "psoas minor: prefix"));
}

TEST_F(SearchIndexTest, LaterWordsMatchAfterTheKeyPrefixes) {
  // By degree: 3, 1, 0.
  EXPECT_THAT(Ranked("maj"),
              ElementsAre("psoas major: word", "psoas major spasm: word",
                          "teres major: word"));
}

TEST_F(SearchIndexTest, OneTypoIsFoundLast) {
  for (const char* query :
       {"pirifromis", "pirformis", "ppiriformis", "pirifarmis"}) {
    EXPECT_THAT(Ranked(query), ElementsAre("piriformis: typo")) << query;
  }
  EXPECT_TRUE(Find("pirfromis").empty());  // Two edits are too many.
  // The tier comes before the degree: ilium has more edges.
  EXPECT_THAT(Ranked("ilia"), ElementsAre("iliacus: prefix", "ilium: typo"));
}

TEST_F(SearchIndexTest, TyposNeedAKeyOfThreeCharacters) {
  // "fm" is one insertion from "fem", a prefix of femur, but too short to
  // be tried; "fmu" is tried.
  EXPECT_TRUE(Find("fm").empty());
  EXPECT_THAT(Ranked("fmu"), ElementsAre("femur: typo"));
}

TEST_F(SearchIndexTest, TypeFilter) {
  EXPECT_THAT(Ranked("psoas", 10, schema::CONDITION),
              ElementsAre("psoas major spasm: prefix"));
  EXPECT_TRUE(Find("psoas", 10, schema::NERVE).empty());
}

TEST_F(SearchIndexTest, LimitKeepsTheBest) {
  EXPECT_THAT(Ranked("psoas", 2), ElementsAre("psoas major: exact 'psoas'",
                                              "psoas major spasm: prefix"));
  EXPECT_TRUE(Find("psoas", 0).empty());
}

TEST_F(SearchIndexTest, QueriesWithoutAKeyFindNothing) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("  -- ").empty());
  EXPECT_TRUE(Find("zzzzzzzz").empty());
}

TEST(SearchIndexEmptyTest, EmptyAndUnbuiltIndexesFindNothing) {
  SearchIndex unbuilt;
  EXPECT_EQ(unbuilt.size(), 0u);
  EXPECT_TRUE(
      unbuilt.Search("psoas", schema::NODE_TYPE_UNSPECIFIED, 10).empty());
  graph::GraphViewBuilder b;
  std::shared_ptr<const graph::GraphView> view = b.Finish();
  SearchIndex empty = SearchIndex::Build(*view);
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.Search("psoas", schema::NODE_TYPE_UNSPECIFIED, 10).empty());
}

}  // namespace
}  // namespace mskg::server
