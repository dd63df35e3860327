// query/ast.h
//
// The abstract syntax tree the parser builds: clauses, patterns and
// expressions exactly as written, with source positions. Names are not yet
// checked against the schema (that is the binder's job).
#ifndef MSKG_QUERY_AST_H_
#define MSKG_QUERY_AST_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "query/value.h"

namespace mskg::query::ast {

struct Pos {
  int line = 0;
  int column = 0;
};

struct Pattern;

struct Expr {
  enum class Kind {
    kLiteral,    // value
    kParameter,  // name
    kVariable,   // name
    kProperty,   // args[0].name
    kFunction,   // name(args), distinct, star (count(*))
    kList,       // [args...]
    kUnary,      // op args[0]: "NOT", "-"
    kBinary,     // args[0] op args[1]: OR XOR AND = <> < <= > >= + - * / %
                 // IN, STARTS WITH, ENDS WITH, CONTAINS
    kIsNull,     // args[0] IS NULL; negated for IS NOT NULL
    kPattern,    // a pattern predicate: pattern
  };
  Kind kind = Kind::kLiteral;
  Pos pos;
  Value value;
  std::string name;  // Parameter/variable/property/function name; operator.
  bool distinct = false;
  bool star = false;
  bool negated = false;
  std::vector<std::unique_ptr<Expr>> args;
  std::shared_ptr<Pattern> pattern;
  // Levels of the tree below and including this node (the expressions in a
  // pattern predicate's property maps count), which the parser bounds by
  // kMaxExprDepth (limits.h).
  int depth = 1;
};
using ExprPtr = std::unique_ptr<Expr>;

struct PropertyEntry {
  std::string key;
  Pos pos;
  ExprPtr value;
};

struct NodePattern {
  Pos pos;
  std::string variable;  // Empty if anonymous.
  std::vector<std::pair<std::string, Pos>> labels;
  std::vector<PropertyEntry> properties;
};

enum class Direction { kLeftToRight, kRightToLeft, kBoth };

struct RelPattern {
  Pos pos;
  std::string variable;
  std::vector<std::pair<std::string, Pos>> types;  // Empty: any type.
  Direction direction = Direction::kBoth;
  bool variable_length = false;
  std::optional<int> min_hops;  // Only with variable_length.
  std::optional<int> max_hops;
  std::vector<PropertyEntry> properties;
};

// How a pattern is matched: every path, or only the shortest ones between
// its two end nodes (`shortestPath(...)`, `allShortestPaths(...)`).
enum class PathSelector { kAll, kShortest, kAllShortest };

// A path pattern: nodes[0] rels[0] nodes[1] rels[1] ... nodes[n], optionally
// named (`p = ...`) and wrapped in shortestPath()/allShortestPaths().
struct Pattern {
  Pos pos;
  std::string path_variable;  // Empty if the path is not named.
  PathSelector selector = PathSelector::kAll;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  ExprPtr expr;
  std::string alias;  // Empty if none; the column is then the text.
  std::string text;   // The expression as written.
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {  // WITH or RETURN.
  Pos pos;
  bool distinct = false;
  bool star = false;
  std::vector<ReturnItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
  ExprPtr where;  // WITH only.
};

struct Clause {
  enum class Kind { kMatch, kWith, kReturn };
  Kind kind = Kind::kMatch;
  Pos pos;
  // kMatch.
  bool optional = false;
  std::vector<Pattern> patterns;
  ExprPtr where;
  // kWith / kReturn.
  Projection projection;
};

struct Query {
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<Clause> clauses;
};

}  // namespace mskg::query::ast

#endif  // MSKG_QUERY_AST_H_
