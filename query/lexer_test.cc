#include "query/lexer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::query {
namespace {

using ::testing::HasSubstr;

TEST(LexerTest, TokensCarryPositions) {
  auto tokens = Lex("MATCH (p:Muscle)\n  -[:PART_OF]->() // c\nRETURN p.name");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  ASSERT_GE(tokens->size(), 5u);
  EXPECT_EQ((*tokens)[0].text, "MATCH");
  EXPECT_EQ((*tokens)[0].line, 1);
  EXPECT_EQ((*tokens)[0].column, 1);
  EXPECT_EQ((*tokens)[2].text, "p");
  EXPECT_EQ((*tokens)[2].column, 8);
  // "-" on line 2, column 3.
  EXPECT_EQ((*tokens)[6].text, "-");
  EXPECT_EQ((*tokens)[6].line, 2);
  EXPECT_EQ((*tokens)[6].column, 3);
  const Token& ret = (*tokens)[tokens->size() - 5];
  EXPECT_EQ(ret.text, "RETURN");
  EXPECT_EQ(ret.line, 3);
  EXPECT_EQ(tokens->back().kind, TokenKind::kEnd);
}

TEST(LexerTest, StringsAndEscapes) {
  auto tokens = Lex(R"('it\'s' "a\"b\n" 1..3 2.5 $name <> <=)");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  EXPECT_EQ((*tokens)[0].kind, TokenKind::kString);
  EXPECT_EQ((*tokens)[0].text, "it's");
  EXPECT_EQ((*tokens)[1].text, "a\"b\n");
  EXPECT_EQ((*tokens)[2].kind, TokenKind::kInteger);
  EXPECT_EQ((*tokens)[3].text, "..");
  EXPECT_EQ((*tokens)[4].text, "3");
  EXPECT_EQ((*tokens)[5].kind, TokenKind::kFloat);
  EXPECT_EQ((*tokens)[6].kind, TokenKind::kParameter);
  EXPECT_EQ((*tokens)[6].text, "name");
  EXPECT_EQ((*tokens)[7].text, "<>");
  EXPECT_EQ((*tokens)[8].text, "<=");
}

TEST(LexerTest, Errors) {
  auto unterminated = Lex("RETURN 'abc");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_THAT(unterminated.status().message(), HasSubstr("1:8"));
  auto bad = Lex("MATCH\n  (a) ^");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("2:7"));
  EXPECT_FALSE(Lex("RETURN 'a\\q'").ok());
}

// Regression (issue 10): bytes that are not UTF-8 are refused where they
// are, before any stage treats them as text.
TEST(LexerTest, RejectsInvalidUtf8WithPosition) {
  auto tokens = Lex("MATCH (m)\nRETURN 'ab\xff'");
  ASSERT_FALSE(tokens.ok());
  EXPECT_EQ(tokens.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(tokens.status().message(), HasSubstr("2:11: invalid UTF-8 byte 0xff"));
  EXPECT_TRUE(Lex("RETURN 'K\xc3\xb9zu'").ok());
}

}  // namespace
}  // namespace mskg::query
