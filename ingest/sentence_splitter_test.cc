#include "ingest/sentence_splitter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace mskg::ingest {
namespace {

std::vector<std::string> Split(const std::string& text) {
  StructuredText doc = *ReadDocument("x.txt", text, DocumentFormat::kText);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(doc)) {
    out.emplace_back(SentenceText(doc, s));
    EXPECT_EQ(text.substr(s.begin, s.end - s.begin), out.back());
  }
  return out;
}

TEST(SentenceSplitterTest, AbbreviationsDecimalsParentheses) {
  EXPECT_EQ(Split("Rest, e.g. a week, helps. Dr. Smith agrees vs. others. "
                  "It takes 2.5 days (or more. maybe). Done!"),
            (std::vector<std::string>{
                "Rest, e.g. a week, helps.", "Dr. Smith agrees vs. others.",
                "It takes 2.5 days (or more. maybe).", "Done!"}));
}

TEST(SentenceSplitterTest, LabelIsItsOwnSentence) {
  StructuredText doc =
      *ReadDocument("x.txt", "  1. Heavy Lifting:\n    It strains. A lot.\n",
                    DocumentFormat::kText);
  std::vector<Sentence> s = SplitSentences(doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].is_label);
  EXPECT_EQ(SentenceText(doc, s[0]), "Heavy Lifting");
  EXPECT_EQ(SentenceText(doc, s[1]), "It strains.");
}

}  // namespace
}  // namespace mskg::ingest
