// query/limits.h
//
// Static bounds on the shape of a query, which keep every recursive stage
// (parser, binder, planner, executor, and the AST's destructor) far from the
// end of the stack whatever the text: a query past one fails with
// InvalidArgument "line:col: ..." naming the bound. Chosen so that the deepest
// query allowed uses well under 1 MB of stack in the slowest build (ASan,
// -O0), where one level of parenthesis costs about a dozen parser frames.
#ifndef MSKG_QUERY_LIMITS_H_
#define MSKG_QUERY_LIMITS_H_

namespace mskg::query {

// Most parentheses, list brackets, function calls, property maps and
// prefix operators (NOT, unary -) open inside one another.
inline constexpr int kMaxNesting = 200;

// Most levels of an expression tree, chains of binary operators included
// (`a OR b OR c ...` is as deep as it is long).
inline constexpr int kMaxExprDepth = 1000;

// Most nodes and relationships in the patterns of one query part (between
// two WITHs): each is an operator of the executor's pipeline, which recurses
// once per operator.
inline constexpr int kMaxPatternElements = 500;

// Most levels of lists in a value (collect() over WITH after WITH nests
// lists without any nesting in the text).
inline constexpr int kMaxListNesting = 256;

}  // namespace mskg::query

#endif  // MSKG_QUERY_LIMITS_H_
