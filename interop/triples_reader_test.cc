// interop/triples_reader_test.cc: the contract of triples_reader.h beyond
// the round trips of roundtrip_test.cc: what each reader accepts (header or
// not, comments, blank lines, CRLF, any case of labels, an empty document
// column), what each refuses with "name:line:", and the stream and sink
// errors.
#include "interop/triples_reader.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/import_testing.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Reads `text` with ReadTriples; rows as "Type|subject|REL|Type|object|doc".
absl::StatusOr<std::vector<std::string>> ReadRows(const std::string& text,
                                                  ImportStats* stats = nullptr,
                                                  size_t batch_rows = 1000) {
  std::istringstream in(text);
  ImportOptions options;
  options.batch_rows = batch_rows;
  options.default_document = "import:x";
  std::vector<std::string> rows;
  absl::StatusOr<ImportStats> read = ReadTriples(
      &in, "x.tsv", options, [&rows](std::vector<schema::DocumentClaims>* b) {
        for (const schema::DocumentClaims& doc : *b) {
          for (const schema::Claim& c : doc.claims()) {
            EXPECT_EQ(c.provenance().document_id(), doc.document_id());
            EXPECT_EQ(c.provenance().polarity(), schema::AFFIRMED);
            EXPECT_EQ(c.provenance().confidence(), 1.0f);
            rows.push_back(absl::StrCat(
                TypeLabel(c.subject().type()), "|", c.subject().name(), "|",
                RelationLabel(c.relation()), "|", TypeLabel(c.object().type()),
                "|", c.object().name(), "|", doc.document_id()));
          }
        }
        return absl::OkStatus();
      });
  if (!read.ok()) return read.status();
  if (stats != nullptr) *stats = *read;
  return rows;
}

// Reads `text` with TriplesChunkReader in chunks of 2 rows; rows as above.
absl::StatusOr<std::vector<std::string>> ReadChunkRows(
    const std::string& text) {
  int64_t chunks = 0;
  return testing::ReadChunks(text, 2, kDefaultChunkBytes, &chunks);
}

constexpr char kHeader[] =
    "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";

TEST(TriplesReaderTest, AcceptsCommentsBlankLinesCrlfAndAnyCase) {
  const std::string text =
      absl::StrCat("# exported by hand\n", kHeader, "\n",
                   "muscle\tpsoas major\tpart_of\tMUSCLE\thip flexors\td1\r\n",
                   "Condition\tQL spasm\tCAUSES\tSymptom\tlow back pain\t\n",
                   "# a comment between rows\n",
                   "Treatment\theat\tTREATS\tCondition\tQL spasm\n");
  const std::vector<std::string> expected = {
      "Muscle|psoas major|PART_OF|Muscle|hip flexors|d1",
      "Condition|QL spasm|CAUSES|Symptom|low back pain|import:x",
      "Treatment|heat|TREATS|Condition|QL spasm|import:x"};
  ImportStats stats;
  absl::StatusOr<std::vector<std::string>> rows = ReadRows(text, &stats);
  ASSERT_TRUE(rows.ok()) << rows.status();
  // ReadTriples groups by document: d1 first, then the default document.
  EXPECT_EQ(*rows, expected);
  EXPECT_EQ(stats.lines, 7);
  EXPECT_EQ(stats.claims, 3);
  EXPECT_EQ(stats.batches, 1);
  absl::StatusOr<std::vector<std::string>> chunked = ReadChunkRows(text);
  ASSERT_TRUE(chunked.ok()) << chunked.status();
  EXPECT_EQ(*chunked, expected);
}

// The header is optional: a first line that is not one is a row.
TEST(TriplesReaderTest, FirstLineWithoutHeaderIsARow) {
  const std::string text = "Muscle\tpsoas\tPART_OF\tMuscle\thip flexors\td1\n";
  EXPECT_THAT(ReadRows(text).value(),
              ElementsAre("Muscle|psoas|PART_OF|Muscle|hip flexors|d1"));
  EXPECT_THAT(ReadChunkRows(text).value(),
              ElementsAre("Muscle|psoas|PART_OF|Muscle|hip flexors|d1"));
  // A header later in the file is not one: its types are unknown.
  EXPECT_THAT(ReadRows(text + kHeader).status().message(),
              HasSubstr("x.tsv:2: unknown node type 'subject_type'"));
}

TEST(TriplesReaderTest, EmptyInputOrOnlyAHeaderHasNoRows) {
  for (const std::string& text :
       {std::string(), std::string(kHeader), std::string("# nothing\n\n")}) {
    ImportStats stats;
    EXPECT_THAT(ReadRows(text, &stats).value(), ElementsAre());
    EXPECT_EQ(stats.claims, 0);
    EXPECT_EQ(stats.batches, 0);
    EXPECT_THAT(ReadChunkRows(text).value(), ElementsAre());
  }
}

// Each documented error, from both readers, with the line it is on.
TEST(TriplesReaderTest, RefusesBadRowsNamingTheLine) {
  for (const auto& [row, message] :
       std::vector<std::pair<std::string, std::string>>{
           {"Muscle\tpsoas\tPART_OF\tMuscle",
            "x.tsv:3: expected 5 or 6 "
            "tab-separated fields, found 4"},
           {"Muscle\tpsoas\tPART_OF\tMuscle\thip\td1\textra",
            "x.tsv:3: expected 5 or 6 tab-separated fields, found more than "
            "6"},
           {"Bone\tfemur\tPART_OF\tMuscle\thip\td1",
            "x.tsv:3: unknown node type 'Bone'"},
           {"Muscle\tpsoas\tPART_OF\tUnspecified\thip\td1",
            "x.tsv:3: unknown node type 'Unspecified'"},
           {"Muscle\tpsoas\tRELATION_UNSPECIFIED\tMuscle\thip\td1",
            "x.tsv:3: unknown relation 'RELATION_UNSPECIFIED'"},
           {"Muscle\t\tPART_OF\tMuscle\thip\td1", "x.tsv:3: empty name"},
           {"Muscle\tpsoas\tPART_OF\tMuscle\t\xE2\x80\x94\td1",
            "x.tsv:3: name '\xE2\x80\x94' has no letter or digit"},
           {"Muscle\tpsoas\tPART_OF\tMuscle\thip\t\xC3",
            "x.tsv:3: invalid UTF-8 byte 0xC3 at column 33"},
       }) {
    const std::string text =
        absl::StrCat(kHeader, "Muscle\ta\tPART_OF\tMuscle\tb\td0\n", row, "\n",
                     "Muscle\tc\tPART_OF\tMuscle\td\td0\n");
    const absl::Status status = ReadRows(text).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << row;
    EXPECT_THAT(status.message(), HasSubstr(message));
    const absl::Status chunked = ReadChunkRows(text).status();
    EXPECT_EQ(chunked.code(), absl::StatusCode::kInvalidArgument) << row;
    EXPECT_THAT(chunked.message(), HasSubstr(message));
  }
}

// A name with a letter outside ASCII is a name.
TEST(TriplesReaderTest, NonAsciiLettersMakeAName) {
  const std::string text = "Muscle\t\xC3\xADleo\tPART_OF\tMuscle\thip\td1\n";
  EXPECT_THAT(ReadRows(text).value(),
              ElementsAre("Muscle|\xC3\xADleo|PART_OF|Muscle|hip|d1"));
}

TEST(TriplesReaderTest, BatchesBySizeAndReturnsTheSinkError) {
  std::string text;
  for (int i = 0; i < 10; ++i) {
    absl::StrAppend(&text, "Muscle\tm", i, "\tPART_OF\tMuscle\tg\td", i, "\n");
  }
  ImportStats stats;
  ASSERT_TRUE(ReadRows(text, &stats, /*batch_rows=*/3).ok());
  EXPECT_EQ(stats.claims, 10);
  EXPECT_GE(stats.batches, 3);

  std::istringstream in(text);
  ImportOptions options;
  options.batch_rows = 3;
  const absl::StatusOr<ImportStats> failed = ReadTriples(
      &in, "x.tsv", options, [](std::vector<schema::DocumentClaims>*) {
        return absl::ResourceExhaustedError("disk full");
      });
  EXPECT_EQ(failed.status(), absl::ResourceExhaustedError("disk full"));
}

TEST(TriplesReaderTest, FailedStreamIsDataLoss) {
  testing::FailingStreamBuffer buffer;
  std::istream in(&buffer);
  const absl::StatusOr<ImportStats> read = ReadTriples(
      &in, "x.tsv", {},
      [](std::vector<schema::DocumentClaims>*) { return absl::OkStatus(); });
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(read.status().message(), HasSubstr("x.tsv: read failed"));

  testing::FailingStreamBuffer chunk_buffer;
  std::istream chunk_in(&chunk_buffer);
  TriplesChunkReader reader(&chunk_in, "x.tsv", {});
  graph::TripleBatch batch;
  const absl::StatusOr<bool> next = reader.Next(&batch);
  EXPECT_EQ(next.status().code(), absl::StatusCode::kDataLoss);
}

// A chunk lists only the documents its rows use: the default document
// appears only when a row lacks one.
TEST(TriplesChunkReaderTest, ChunkListsOnlyTheDocumentsItsRowsUse) {
  std::istringstream in(
      "Muscle\ta\tPART_OF\tMuscle\tb\td1\n"
      "Muscle\tc\tPART_OF\tMuscle\tb\td1\n"
      "Muscle\te\tPART_OF\tMuscle\tb\n");
  ImportOptions options;
  options.default_document = "import:x";
  TriplesChunkReader reader(&in, "x.tsv", options, /*chunk_rows=*/2);
  graph::TripleBatch batch;
  ASSERT_TRUE(reader.Next(&batch).value());
  EXPECT_THAT(batch.documents(), ElementsAre("d1"));
  ASSERT_TRUE(reader.Next(&batch).value());
  EXPECT_THAT(batch.documents(), ElementsAre("import:x"));
  EXPECT_FALSE(reader.Next(&batch).value());
  EXPECT_TRUE(batch.rows().empty());
  EXPECT_EQ(reader.stats().lines, 3);
  EXPECT_EQ(reader.stats().claims, 3);
  EXPECT_EQ(reader.stats().batches, 2);
}

}  // namespace
}  // namespace mskg::interop
