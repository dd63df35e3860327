// query/parser.h
//
// Parse: the second stage of the query pipeline. A hand-written recursive
// descent parser from tokens (lexer.h) to the AST (ast.h). Errors are
// InvalidArgument with a "line:col: " prefix, e.g.
// "1:17: expected ')' to close node pattern, found 'RETURN'"; clauses that
// write (CREATE, SET, ...) are Unimplemented.
#ifndef MSKG_QUERY_PARSER_H_
#define MSKG_QUERY_PARSER_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "query/ast.h"
#include "query/lexer.h"

namespace mskg::query {

// Returns the AST of `tokens` (which end with a kEnd token).
absl::StatusOr<std::unique_ptr<ast::Query>> Parse(
    const std::vector<Token>& tokens);

// Lexes and parses `query`.
absl::StatusOr<std::unique_ptr<ast::Query>> ParseText(absl::string_view query);

}  // namespace mskg::query

#endif  // MSKG_QUERY_PARSER_H_
