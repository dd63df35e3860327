// interop/jsonl_reader_test.cc: the contract of jsonl_reader.h beyond the
// round trips of roundtrip_test.cc: one claim per support entry with its
// provenance, the default document, inferred edges skipped, isolated nodes
// as mentions, and each refusal with "name:line:".
#include "interop/jsonl_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::interop {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kNodes[] =
    R"({"kind":"node","id":1,"type":"Muscle","name":"psoas major","aliases":["psoas",7]})"
    "\n"
    R"({"kind":"node","id":2,"type":"muscle","name":"hip flexors"})"
    "\n"
    R"({"kind":"node","id":3,"type":"Nerve","name":"lumbar plexus"})"
    "\n";

struct Read {
  absl::Status status;
  ImportStats stats;
  std::vector<schema::DocumentClaims> docs;
};

Read ReadText(const std::string& text) {
  std::istringstream in(text);
  ImportOptions options;
  options.default_document = "import:g.jsonl";
  Read read;
  absl::StatusOr<ImportStats> stats =
      ReadJsonl(&in, "g.jsonl", options,
                [&read](std::vector<schema::DocumentClaims>* batch) {
                  for (schema::DocumentClaims& doc : *batch) {
                    read.docs.push_back(std::move(doc));
                  }
                  return absl::OkStatus();
                });
  read.status = stats.status();
  if (stats.ok()) read.stats = *stats;
  return read;
}

TEST(JsonlReaderTest, OneClaimPerSupportEntryWithItsProvenance) {
  const Read read = ReadText(absl::StrCat(
      kNodes, "\n   \n",
      R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,"support":[)"
      R"({"document":"a.md","begin":4,"end":30,"sentence":"The psoas is a hip flexor.","rule":"r1","confidence":0.5,"polarity":"AFFIRMED","hedged":true},)"
      R"({"document":"b.md","polarity":"NEGATED"}]})"
      "\n"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  EXPECT_EQ(read.stats.lines, 6);
  EXPECT_EQ(read.stats.claims, 2);
  // Node 3 is named by no edge: a mention of the default document.
  EXPECT_EQ(read.stats.mentions, 1);
  ASSERT_EQ(read.docs.size(), 3u);
  const schema::DocumentClaims& a = read.docs[0];
  ASSERT_EQ(a.document_id(), "a.md");
  ASSERT_EQ(a.claims_size(), 1);
  const schema::Claim& claim = a.claims(0);
  EXPECT_EQ(claim.subject().type(), schema::MUSCLE);
  EXPECT_EQ(claim.subject().name(), "psoas major");
  // Aliases that are not strings are left out.
  EXPECT_THAT(claim.subject().aliases(), ElementsAre("psoas"));
  EXPECT_EQ(claim.relation(), schema::PART_OF);
  EXPECT_EQ(claim.object().name(), "hip flexors");
  const schema::Provenance& p = claim.provenance();
  EXPECT_EQ(p.begin(), 4u);
  EXPECT_EQ(p.end(), 30u);
  EXPECT_EQ(p.sentence(), "The psoas is a hip flexor.");
  EXPECT_EQ(p.rule(), "r1");
  EXPECT_EQ(p.confidence(), 0.5f);
  EXPECT_EQ(p.polarity(), schema::AFFIRMED);
  EXPECT_TRUE(p.hedged());
  const schema::DocumentClaims& b = read.docs[1];
  EXPECT_EQ(b.document_id(), "b.md");
  ASSERT_EQ(b.claims_size(), 1);
  EXPECT_EQ(b.claims(0).provenance().polarity(), schema::NEGATED);
  EXPECT_EQ(b.claims(0).provenance().begin(), 0u);
  EXPECT_EQ(read.docs[2].document_id(), "import:g.jsonl");
  ASSERT_EQ(read.docs[2].mentions_size(), 1);
  EXPECT_EQ(read.docs[2].mentions(0).name(), "lumbar plexus");
}

TEST(JsonlReaderTest,
     EdgeWithoutSupportIsTheDefaultDocumentsAndInferredIsSkipped) {
  const Read read = ReadText(absl::StrCat(
      kNodes,
      R"({"kind":"edge","source":2,"relation":"ANTAGONIST_OF","target":3,"support":[]})"
      "\n"
      R"({"kind":"edge","source":1,"relation":"ANTAGONIST_OF","target":3,"inferred":true,"rule":"x"})"));
  ASSERT_TRUE(read.status.ok()) << read.status;
  EXPECT_EQ(read.stats.skipped, 1);
  EXPECT_EQ(read.stats.claims, 1);
  // Node 1 is named only by the skipped inferred edge.
  EXPECT_EQ(read.stats.mentions, 1);
  ASSERT_EQ(read.docs.size(), 1u);
  EXPECT_EQ(read.docs[0].document_id(), "import:g.jsonl");
  ASSERT_EQ(read.docs[0].claims_size(), 1);
  EXPECT_EQ(read.docs[0].claims(0).provenance().polarity(), schema::AFFIRMED);
  ASSERT_EQ(read.docs[0].mentions_size(), 1);
  EXPECT_EQ(read.docs[0].mentions(0).name(), "psoas major");
}

TEST(JsonlReaderTest, EmptyInputHasNothing) {
  const Read read = ReadText("");
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.stats.lines, 0);
  EXPECT_TRUE(read.docs.empty());
}

// Each documented refusal names the file and line (line 4: after the nodes).
TEST(JsonlReaderTest, RefusesBadLinesNamingTheLine) {
  for (
      const auto& [line, message] :
      std::vector<std::pair<std::string, std::string>>{
          {R"({"kind":"edge",)", "g.jsonl:4: bad JSON at byte"},
          {R"({"id":4})", "g.jsonl:4: missing or mistyped field \"kind\""},
          {R"({"kind":"graph"})", "g.jsonl:4: unknown kind \"graph\""},
          {R"({"kind":"node","id":2,"type":"Muscle","name":"x"})",
           "g.jsonl:4: node id 2 appears twice"},
          {R"({"kind":"node","id":-4,"type":"Muscle","name":"x"})",
           "g.jsonl:4: field \"id\" is not a node id"},
          {R"({"kind":"node","id":4,"type":"Bone","name":"x"})",
           "g.jsonl:4: unknown node type 'Bone'"},
          {R"({"kind":"node","id":4,"type":"Muscle"})",
           "g.jsonl:4: missing or mistyped field \"name\""},
          {R"({"kind":"edge","source":1,"relation":"LIKES","target":2})",
           "g.jsonl:4: unknown relation 'LIKES'"},
          {R"({"kind":"edge","source":1,"relation":"PART_OF","target":9})",
           "g.jsonl:4: edge names node id 9, which no earlier node line"},
          {R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,"support":[7]})",
           "g.jsonl:4: support entry is not an object"},
          {R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,"support":[{"begin":1}]})",
           "g.jsonl:4: missing or mistyped field \"document\""},
          {R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,"support":[{"document":"a","polarity":"MAYBE"}]})",
           "g.jsonl:4: unknown polarity 'MAYBE'"},
      }) {
    const Read read = ReadText(absl::StrCat(kNodes, line, "\n"));
    EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument) << line;
    EXPECT_THAT(read.status.message(), HasSubstr(message));
  }
}

// Issue 10: a span whose end is before its begin was imported as is.
TEST(JsonlReaderTest, RefusesAnInvertedSpan) {
  for (const char* span : {R"("begin":40,"end":12)", R"("begin":40)"}) {
    const Read read = ReadText(absl::StrCat(
        kNodes, R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,)",
        R"("support":[{"document":"a.md","begin":0,"end":5},{"document":"b.md",)",
        span, "}]}\n"));
    EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument) << span;
    EXPECT_THAT(
        read.status.message(),
        HasSubstr(absl::StrCat(
            "g.jsonl:4: support entry of document \"b.md\": span end ",
            std::string(span).find("end") == std::string::npos ? "0" : "12",
            " is before its begin 40; \"begin\" and \"end\" are the "
            "bytes [begin, end) of the document: give begin <= end")));
  }
  // An empty span, and one without offsets, are not inverted.
  for (const char* span : {R"("begin":9,"end":9)", R"("end":9)", ""}) {
    const Read read = ReadText(absl::StrCat(
        kNodes, R"({"kind":"edge","source":1,"relation":"PART_OF","target":2,)",
        R"("support":[{"document":"b.md")", *span ? "," : "", span, "}]}\n"));
    EXPECT_TRUE(read.status.ok()) << span << ": " << read.status;
  }
}

TEST(JsonlReaderTest, SinkErrorIsReturnedAsIs) {
  std::istringstream in(kNodes);
  const absl::StatusOr<ImportStats> stats =
      ReadJsonl(&in, "g.jsonl", {}, [](std::vector<schema::DocumentClaims>*) {
        return absl::FailedPreconditionError("store in use");
      });
  EXPECT_EQ(stats.status(), absl::FailedPreconditionError("store in use"));
}

}  // namespace
}  // namespace mskg::interop
