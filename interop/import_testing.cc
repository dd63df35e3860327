// interop/import_testing.cc: helpers for the importers' tests.
#include "interop/import_testing.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"
#include "interop/triples_reader.h"
#include "interop/vocabulary.h"

namespace mskg::interop::testing {

absl::StatusOr<std::vector<std::string>> ReadChunks(const std::string& text,
                                                    size_t chunk_rows,
                                                    size_t chunk_bytes,
                                                    int64_t* chunks) {
  std::stringstream in(text);
  ImportOptions options;
  options.default_document = "import:x";
  TriplesChunkReader reader(&in, "x.tsv", options, chunk_rows, chunk_bytes);
  std::vector<std::string> rows;
  graph::TripleBatch batch;
  *chunks = 0;
  while (true) {
    absl::StatusOr<bool> more = reader.Next(&batch);
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++*chunks;
    EXPECT_LE(batch.rows().size(), chunk_rows);
    for (const graph::TripleBatch::Row& row : batch.rows()) {
      rows.push_back(absl::StrCat(TypeLabel(row.subject_type), "|", row.subject,
                                  "|", RelationLabel(row.relation), "|",
                                  TypeLabel(row.object_type), "|", row.object,
                                  "|", batch.documents()[row.document]));
    }
  }
  EXPECT_TRUE(batch.rows().empty());
  EXPECT_EQ(reader.stats().claims, static_cast<int64_t>(rows.size()));
  EXPECT_EQ(reader.stats().batches, *chunks);
  return rows;
}

}  // namespace mskg::interop::testing
