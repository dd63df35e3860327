// interop/triples_writer_test.cc: the contract of triples_writer.h: the
// header, one row per (edge, affirming document) with tabs and line breaks
// in names as spaces, denied and inferred edges left out, reference
// knowledge only when asked, the same rows from the store as from its view,
// and a failed stream as Internal.
#include "interop/triples_writer.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "interop/test_graph.h"

namespace mskg::interop {
namespace {

using ::testing::HasSubstr;

constexpr char kHeader[] =
    "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";

// TrickyGraph's affirmed asserted edges, in edge order, documents sorted.
const std::vector<std::string>& TrickyRows() {
  static const auto* rows = new std::vector<std::string>{
      "Muscle\tpsoas major\tPART_OF\tMuscle\thip flexors\tdoc \"one\"",
      "Muscle\tpsoas major\tPART_OF\tMuscle\thip flexors\tdoc,two",
      "Muscle\thip flexors\tANTAGONIST_OF\tMuscle\tm\xC3\xBAsculo "
      "\xC3\xADleo-psoas\tdoc,two",
      "Muscle\tpsoas major\tORIGINATES_FROM\tStructure\tlumbar vertebrae "
      "(L1\xE2\x80\x93L5)\treference",
      "Condition\tline one line two\tAFFECTS\tMuscle\tpsoas major\td\xC3\xB6"
      "c-3",
      "Condition\tline one line two\tHAS_SYMPTOM\tSymptom\t<b>a&b</b> "
      "'quoted'\tdoc \"one\"",
      "Muscle\tpsoas major\tINNERVATED_BY\tNerve\tlumbar plexus\tdoc,two",
  };
  return *rows;
}

std::string Joined(const std::vector<std::string>& rows) {
  std::string text = kHeader;
  for (const std::string& row : rows) text += row + "\n";
  return text;
}

TEST(TriplesWriterTest, WritesEachAffirmingDocumentOfEachAssertedEdge) {
  std::ostringstream out;
  const absl::StatusOr<int64_t> rows =
      WriteTriples(*testing::TrickyGraph(), {}, &out);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(*rows, 7);
  EXPECT_EQ(out.str(), Joined(TrickyRows()));
}

TEST(TriplesWriterTest, LeavesOutReferenceKnowledgeWhenAsked) {
  std::ostringstream out;
  TriplesWriterOptions options;
  options.include_reference = false;
  const absl::StatusOr<int64_t> rows =
      WriteTriples(*testing::TrickyGraph(), options, &out);
  ASSERT_TRUE(rows.ok()) << rows.status();
  std::vector<std::string> expected = TrickyRows();
  expected.erase(expected.begin() + 3);
  EXPECT_EQ(*rows, 6);
  EXPECT_EQ(out.str(), Joined(expected));
}

TEST(TriplesWriterTest, EmptyGraphIsTheHeaderOnly) {
  std::ostringstream out;
  const absl::StatusOr<int64_t> rows =
      WriteTriples(*graph::GraphViewBuilder().Finish(), {}, &out);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 0);
  EXPECT_EQ(out.str(), kHeader);
}

TEST(TriplesWriterTest, FailedStreamIsInternal) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const absl::StatusOr<int64_t> rows =
      WriteTriples(*testing::TrickyGraph(), {}, &out);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(rows.status().message(), HasSubstr("failed writing triples"));
}

schema::Claim ClaimOf(schema::NodeType s_type, const std::string& s,
                      schema::Relation relation, schema::NodeType o_type,
                      const std::string& o, schema::Polarity polarity) {
  schema::Claim claim;
  claim.mutable_subject()->set_type(s_type);
  claim.mutable_subject()->set_name(s);
  claim.set_relation(relation);
  claim.mutable_object()->set_type(o_type);
  claim.mutable_object()->set_name(o);
  claim.mutable_provenance()->set_polarity(polarity);
  return claim;
}

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  std::sort(lines.begin(), lines.end());
  return lines;
}

// The store overload streams the stored support rows: the same rows as the
// view's, in another order, and likewise without reference when asked.
TEST(TriplesWriterTest, StoreWritesTheRowsOfItsView) {
  const std::string path = ::testing::TempDir() + "/triples_writer_store";
  std::filesystem::remove_all(path);
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  for (const std::string document : {"b.md", "a.md", "reference:obo:x.obo"}) {
    schema::DocumentClaims doc;
    doc.set_document_id(document);
    doc.set_content_hash(document);
    *doc.add_claims() =
        ClaimOf(schema::MUSCLE, "psoas\tmajor", schema::PART_OF, schema::MUSCLE,
                "hip flexors", schema::AFFIRMED);
    *doc.add_claims() = ClaimOf(
        schema::TREATMENT, "heat", schema::TREATS, schema::CONDITION, "spasm",
        document == "a.md" ? schema::AFFIRMED : schema::NEGATED);
    for (schema::Claim& c : *doc.mutable_claims()) {
      c.mutable_provenance()->set_document_id(document);
    }
    ASSERT_TRUE((*store)->PutDocument(doc).ok());
  }
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  ASSERT_TRUE(view.ok()) << view.status();
  for (const bool reference : {true, false}) {
    TriplesWriterOptions options;
    options.include_reference = reference;
    std::ostringstream from_store;
    std::ostringstream from_view;
    const absl::StatusOr<int64_t> store_rows =
        WriteTriples(**store, options, &from_store);
    const absl::StatusOr<int64_t> view_rows =
        WriteTriples(**view, options, &from_view);
    ASSERT_TRUE(store_rows.ok()) << store_rows.status();
    ASSERT_TRUE(view_rows.ok()) << view_rows.status();
    // PART_OF by a.md, b.md (and reference); TREATS by a.md only.
    EXPECT_EQ(*store_rows, reference ? 4 : 3);
    EXPECT_EQ(*store_rows, *view_rows);
    EXPECT_EQ(from_store.str().rfind(kHeader, 0), 0u);
    EXPECT_EQ(SortedLines(from_store.str()), SortedLines(from_view.str()));
    EXPECT_THAT(from_store.str(),
                HasSubstr("Muscle\tpsoas major\tPART_OF\tMuscle\thip "
                          "flexors\ta.md\n"));
  }
}

}  // namespace
}  // namespace mskg::interop
