#include "ingest/document_format.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

TEST(DocumentFormatTest, FormatFromExtension) {
  EXPECT_EQ(*FormatFromPath("a/b.TXT"), DocumentFormat::kText);
  EXPECT_EQ(*FormatFromPath("notes.text"), DocumentFormat::kText);
  EXPECT_EQ(*FormatFromPath("x.md"), DocumentFormat::kMarkdown);
  EXPECT_EQ(*FormatFromPath("x.markdown"), DocumentFormat::kMarkdown);
  EXPECT_EQ(*FormatFromPath("x.htm"), DocumentFormat::kHtml);
  EXPECT_EQ(*FormatFromPath("dir.v2/page.HTML"), DocumentFormat::kHtml);
}

TEST(DocumentFormatTest, UnknownOrMissingExtension) {
  absl::StatusOr<DocumentFormat> pdf = FormatFromPath("x.pdf");
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(pdf.status().message(), "x.pdf: unsupported file type");
  // A dot in a folder name or a leading dot is no extension.
  EXPECT_FALSE(FormatFromPath("notes.md/README").ok());
  EXPECT_FALSE(FormatFromPath(".md").ok());
  EXPECT_FALSE(FormatFromPath("README").ok());
}

}  // namespace
}  // namespace mskg::ingest
