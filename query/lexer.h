// query/lexer.h
//
// Lex: the first stage of the query pipeline. Splits query text into tokens,
// each with its 1-based line and column (in bytes). Keywords are not
// distinguished from identifiers here; the parser compares them without
// regard to case. Skips whitespace and `//` and `/* */` comments.
#ifndef MSKG_QUERY_LEXER_H_
#define MSKG_QUERY_LEXER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::query {

enum class TokenKind {
  kIdentifier,  // Names and keywords; `backquoted` names too.
  kString,      // 'text' or "text"; `text` holds the unescaped contents.
  kInteger,
  kFloat,
  kParameter,   // $name; `text` holds the name without '$'.
  kSymbol,      // Punctuation and operators: ( ) [ ] { } , : . .. | * + - /
                // % < > = <> <= >= != ;
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  int line = 1;
  int column = 1;
  bool quoted = false;  // A `backquoted` identifier (never a keyword).
};

// Returns the tokens of `query`, ending with one kEnd token.
// InvalidArgument ("line:col: ...") on bytes that are not UTF-8, an
// unterminated string or comment, a bad escape or an unexpected character.
absl::StatusOr<std::vector<Token>> Lex(absl::string_view query);

// Returns how a token is shown in error messages: its text in quotes, or
// "end of input".
std::string DescribeToken(const Token& token);

}  // namespace mskg::query

#endif  // MSKG_QUERY_LEXER_H_
