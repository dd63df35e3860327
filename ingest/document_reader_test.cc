#include "ingest/document_reader.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

using ::testing::HasSubstr;

StructuredText Read(absl::string_view bytes, DocumentFormat f) {
  absl::StatusOr<StructuredText> doc = ReadDocument("doc", bytes, f);
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *doc : StructuredText();
}

TEST(DocumentReaderTest, EmptyBinaryAndBadUtf8) {
  EXPECT_EQ(ReadDocument("e.txt", "", DocumentFormat::kAuto).status().message(),
            "e.txt: file is empty; nothing to ingest: add text or leave it out");
  EXPECT_EQ(
      ReadDocument("w.txt", " \n\t\n", DocumentFormat::kAuto).status().message(),
      "w.txt: file is empty (only white space); nothing to ingest: add text or "
      "leave it out");
  EXPECT_EQ(ReadDocument("b.txt", std::string("ab\0c", 4), DocumentFormat::kAuto)
                .status()
                .message(),
            "b.txt: binary file, not text");
  absl::Status bad =
      ReadDocument("u.txt", "ok\nab\xff", DocumentFormat::kAuto).status();
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.message(), "u.txt:2:3: invalid UTF-8 byte 0xff");
}

TEST(DocumentReaderTest, PlainTextStructure) {
  const std::string text =
      "Hamstring Strain\n\nA strain is common in sprinters.\n\n"
      "Causes of Hamstring Strain\n\n  1. Heavy Lifting:\n"
      "    Lifting too much.\n  \xE2\x80\xA2 Sprinting\n";
  StructuredText doc = Read(text, DocumentFormat::kText);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].level, 1);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kListItem);
  EXPECT_TRUE(doc.blocks[3].numbered);
  EXPECT_EQ(doc.blocks[3].label(), "Heavy Lifting");
  EXPECT_EQ(doc.blocks[3].text, "Heavy Lifting: Lifting too much.");
  EXPECT_EQ(doc.blocks[4].text, "Sprinting");
  // Offsets point into the original.
  const Block& b = doc.blocks[3];
  EXPECT_EQ(text.substr(b.begin(), 5), "Heavy");
  EXPECT_EQ(text.substr(b.offsets[15], 7), "Lifting");
}

TEST(DocumentReaderTest, ShortLineStandingAloneIsAHeading) {
  StructuredText doc = Read(
      "Tennis elbow\n\nIt hurts.\n\nRisk factors\n\nAge matters.\n\n"
      "Rest helps most\nwhen the pain is fresh.\n",
      DocumentFormat::kText);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[2].text, "Risk factors");
  // A short line that a paragraph continues is no heading.
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::kParagraph);
}

TEST(DocumentReaderTest, LabelLineWithoutMarker) {
  StructuredText doc =
      Read("Treatment\n\nRest:\nStop running for a week.\n", DocumentFormat::kText);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[1].label(), "Rest");
}

TEST(DocumentReaderTest, Markdown) {
  const std::string md =
      "# Rotator Cuff\n\nThe **rotator cuff** has [four](http://x) muscles.\n\n"
      "## Treatment\n\n- *Rest*: avoid overhead work\n  - nested\n";
  StructuredText doc = Read(md, DocumentFormat::kMarkdown);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].text, "Rotator Cuff");
  EXPECT_EQ(doc.blocks[1].text, "The rotator cuff has four muscles.");
  EXPECT_EQ(doc.blocks[2].level, 2);
  EXPECT_EQ(doc.blocks[3].label(), "Rest");
  EXPECT_EQ(doc.blocks[4].level, 1);
  const Block& p = doc.blocks[1];
  EXPECT_EQ(md.substr(p.offsets[4], 7), "rotator");
}

TEST(DocumentReaderTest, Html) {
  const std::string html =
      "<html><head><title>T</title><style>p{}</style><script>var x;</script>"
      "</head><body><h2>Causes</h2><p>Tom &amp; Jerry&#39;s</p>"
      "<ul><li><b>Overuse:</b> too much</li><li>Falls<ul><li>in</li></ul></li>"
      "</ul></body></html>";
  StructuredText doc = Read(html, DocumentFormat::kHtml);
  ASSERT_GE(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].text, "T");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].level, 2);
  EXPECT_EQ(doc.blocks[2].text, "Tom & Jerry's");
  EXPECT_EQ(doc.blocks[3].label(), "Overuse");
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[4].text, "Falls");
  EXPECT_EQ(doc.blocks[5].level, 1);
  const Block& p = doc.blocks[2];
  EXPECT_EQ(html.substr(p.offsets[4], 5), "&amp;");
  for (const Block& b : doc.blocks) EXPECT_THAT(b.text, ::testing::Not(HasSubstr("var")));
}

TEST(DocumentReaderTest, AutoSniffsHtml) {
  absl::StatusOr<StructuredText> doc =
      ReadDocument("id-without-extension", "<p>Hi</p>", DocumentFormat::kAuto);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->format, DocumentFormat::kHtml);
}

}  // namespace
}  // namespace mskg::ingest
