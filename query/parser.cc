#include "query/parser.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "query/limits.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

using ast::Expr;
using ast::ExprPtr;

constexpr absl::string_view kReserved[] = {
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "ORDER", "BY",
    "SKIP", "LIMIT", "AS", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN",
    "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE", "FALSE", "EXPLAIN",
    "PROFILE", "ASC", "DESC", "ASCENDING", "DESCENDING", "CREATE", "DELETE",
    "SET", "MERGE", "UNWIND", "UNION", "CALL", "DETACH", "REMOVE"};

// The start of the error past kMaxNesting, by which TryPatternAt tells it
// from a pattern that is not one.
constexpr char kTooDeep[] = "expression nested more than";

constexpr absl::string_view kWriteClauses[] = {
    "CREATE", "DELETE", "SET", "MERGE", "DETACH", "REMOVE"};

bool IsReserved(const Token& t) {
  if (t.kind != TokenKind::kIdentifier || t.quoted) return false;
  for (absl::string_view k : kReserved) {
    if (absl::EqualsIgnoreCase(t.text, k)) return true;
  }
  return false;
}

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : tokens_(tokens) {}

  absl::StatusOr<std::unique_ptr<ast::Query>> ParseQuery() {
    auto query = std::make_unique<ast::Query>();
    if (AcceptKeyword("EXPLAIN")) {
      query->mode = ast::Query::Mode::kExplain;
    } else if (AcceptKeyword("PROFILE")) {
      query->mode = ast::Query::Mode::kProfile;
    }
    while (true) {
      const Token& t = Peek();
      if (t.kind == TokenKind::kEnd) break;
      if (IsSymbol(";")) {
        Advance();
        if (Peek().kind != TokenKind::kEnd) {
          return Error(Peek(), "expected end of input after ';'");
        }
        break;
      }
      ast::Clause clause;
      clause.pos = PosOf(t);
      if (IsKeyword("MATCH") || IsKeyword("OPTIONAL")) {
        clause.kind = ast::Clause::Kind::kMatch;
        if (AcceptKeyword("OPTIONAL")) {
          clause.optional = true;
          if (!AcceptKeyword("MATCH")) {
            return Error(Peek(), "expected MATCH after OPTIONAL");
          }
        } else {
          Advance();
        }
        do {
          ast::Pattern p;
          MSKG_RETURN_IF_ERROR(ParseMatchPattern(&p));
          clause.patterns.push_back(std::move(p));
        } while (AcceptSymbol(","));
        if (AcceptKeyword("WHERE")) {
          MSKG_ASSIGN_OR_RETURN(clause.where, ParseExpr());
        }
      } else if (IsKeyword("WITH") || IsKeyword("RETURN")) {
        const bool is_with = IsKeyword("WITH");
        clause.kind = is_with ? ast::Clause::Kind::kWith
                              : ast::Clause::Kind::kReturn;
        Advance();
        MSKG_RETURN_IF_ERROR(ParseProjection(is_with, &clause.projection));
        clause.projection.pos = clause.pos;
      } else {
        for (absl::string_view w : kWriteClauses) {
          if (IsKeyword(w)) {
            return absl::UnimplementedError(absl::StrFormat(
                "%d:%d: %s is not supported: queries are read-only", t.line,
                t.column, absl::AsciiStrToUpper(t.text)));
          }
        }
        if (IsKeyword("UNWIND") || IsKeyword("UNION") || IsKeyword("CALL")) {
          return absl::UnimplementedError(absl::StrFormat(
              "%d:%d: %s is not supported", t.line, t.column,
              absl::AsciiStrToUpper(t.text)));
        }
        return Error(t, "expected MATCH, OPTIONAL MATCH, WITH or RETURN");
      }
      query->clauses.push_back(std::move(clause));
    }
    if (query->clauses.empty()) {
      return Error(Peek(), "expected MATCH, OPTIONAL MATCH, WITH or RETURN");
    }
    return query;
  }

  // Parses a MATCH pattern: `[p =] path`, where path may be wrapped in
  // shortestPath(...) or allShortestPaths(...).
  absl::Status ParseMatchPattern(ast::Pattern* p) {
    const ast::Pos pos = PosOf(Peek());
    std::string path_variable;
    if (Peek().kind == TokenKind::kIdentifier && PeekAt(1).kind == TokenKind::kSymbol &&
        PeekAt(1).text == "=" && !IsReserved(Peek())) {
      path_variable = Peek().text;
      Advance();
      Advance();
    }
    ast::PathSelector selector = ast::PathSelector::kAll;
    const bool call = PeekAt(1).kind == TokenKind::kSymbol && PeekAt(1).text == "(";
    if (call && IsKeyword("shortestPath")) {
      selector = ast::PathSelector::kShortest;
    } else if (call && IsKeyword("allShortestPaths")) {
      selector = ast::PathSelector::kAllShortest;
    }
    if (selector != ast::PathSelector::kAll) {
      const std::string fn = Peek().text;
      Advance();
      Advance();  // '('
      MSKG_RETURN_IF_ERROR(ParsePattern(p));
      MSKG_RETURN_IF_ERROR(ExpectSymbol(")", absl::StrCat(" to close ", fn, "(")));
    } else {
      MSKG_RETURN_IF_ERROR(ParsePattern(p));
    }
    p->pos = pos;
    p->path_variable = std::move(path_variable);
    p->selector = selector;
    return absl::OkStatus();
  }

  // Parses a plain path pattern; used for pattern predicates too.
  absl::Status ParsePattern(ast::Pattern* p) {
    p->pos = PosOf(Peek());
    if (Peek().kind == TokenKind::kIdentifier && PeekAt(1).kind == TokenKind::kSymbol &&
        PeekAt(1).text == "=" && !IsReserved(Peek())) {
      return Error(Peek(), "a named path may only appear in MATCH");
    }
    ast::NodePattern node;
    MSKG_RETURN_IF_ERROR(ParseNode(&node));
    p->nodes.push_back(std::move(node));
    while (IsSymbol("-") || IsSymbol("<")) {
      ast::RelPattern rel;
      MSKG_RETURN_IF_ERROR(ParseRel(&rel));
      p->rels.push_back(std::move(rel));
      ast::NodePattern next;
      MSKG_RETURN_IF_ERROR(ParseNode(&next));
      p->nodes.push_back(std::move(next));
    }
    return absl::OkStatus();
  }

 private:
  const Token& Peek() const { return tokens_[std::min(pos_, tokens_.size() - 1)]; }
  const Token& PeekAt(size_t k) const {
    return tokens_[std::min(pos_ + k, tokens_.size() - 1)];
  }
  void Advance() {
    if (pos_ + 1 < tokens_.size()) ++pos_;
  }
  static ast::Pos PosOf(const Token& t) { return {t.line, t.column}; }
  bool IsSymbol(absl::string_view s) const {
    return Peek().kind == TokenKind::kSymbol && Peek().text == s;
  }
  bool IsKeyword(absl::string_view k) const {
    return Peek().kind == TokenKind::kIdentifier && !Peek().quoted &&
           absl::EqualsIgnoreCase(Peek().text, k);
  }
  bool IsKeywordAt(size_t off, absl::string_view k) const {
    const Token& t = PeekAt(off);
    return t.kind == TokenKind::kIdentifier && !t.quoted &&
           absl::EqualsIgnoreCase(t.text, k);
  }
  bool AcceptSymbol(absl::string_view s) {
    if (!IsSymbol(s)) return false;
    Advance();
    return true;
  }
  bool AcceptKeyword(absl::string_view k) {
    if (!IsKeyword(k)) return false;
    Advance();
    return true;
  }
  static absl::Status Error(const Token& t, absl::string_view what) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d:%d: %s, found %s", t.line, t.column, what, DescribeToken(t)));
  }
  absl::Status ExpectSymbol(absl::string_view s, absl::string_view context) {
    if (AcceptSymbol(s)) return absl::OkStatus();
    return Error(Peek(), absl::StrCat("expected '", s, "'", context));
  }
  absl::StatusOr<std::string> ExpectName(absl::string_view what) {
    const Token& t = Peek();
    if (t.kind != TokenKind::kIdentifier || IsReserved(t)) {
      return Error(t, absl::StrCat("expected ", what));
    }
    Advance();
    return t.text;
  }

  absl::Status ParseProperties(std::vector<ast::PropertyEntry>* props) {
    Advance();  // '{'
    if (AcceptSymbol("}")) return absl::OkStatus();
    do {
      ast::PropertyEntry e;
      e.pos = PosOf(Peek());
      if (Peek().kind != TokenKind::kIdentifier) {
        return Error(Peek(), "expected a property name");
      }
      e.key = Peek().text;
      Advance();
      MSKG_RETURN_IF_ERROR(ExpectSymbol(":", " after property name"));
      MSKG_ASSIGN_OR_RETURN(e.value, ParseInnerExpr());
      props->push_back(std::move(e));
    } while (AcceptSymbol(","));
    return ExpectSymbol("}", " to close property map");
  }

  absl::Status ParseNode(ast::NodePattern* node) {
    node->pos = PosOf(Peek());
    if (!AcceptSymbol("(")) {
      return Error(Peek(), "expected '(' to start a node pattern");
    }
    if (Peek().kind == TokenKind::kIdentifier && !IsReserved(Peek())) {
      node->variable = Peek().text;
      Advance();
    }
    while (IsSymbol(":")) {
      Advance();
      const Token& t = Peek();
      if (t.kind != TokenKind::kIdentifier) return Error(t, "expected a label after ':'");
      node->labels.emplace_back(t.text, PosOf(t));
      Advance();
    }
    if (IsSymbol("{")) MSKG_RETURN_IF_ERROR(ParseProperties(&node->properties));
    return ExpectSymbol(")", " to close node pattern");
  }

  absl::Status ParseRel(ast::RelPattern* rel) {
    rel->pos = PosOf(Peek());
    bool left = false;
    if (AcceptSymbol("<")) left = true;
    MSKG_RETURN_IF_ERROR(ExpectSymbol("-", " in relationship pattern"));
    if (AcceptSymbol("[")) {
      if (Peek().kind == TokenKind::kIdentifier && !IsReserved(Peek())) {
        rel->variable = Peek().text;
        Advance();
      }
      if (AcceptSymbol(":")) {
        while (true) {
          const Token& t = Peek();
          if (t.kind != TokenKind::kIdentifier) {
            return Error(t, "expected a relationship type");
          }
          rel->types.emplace_back(t.text, PosOf(t));
          Advance();
          if (!AcceptSymbol("|")) break;
          AcceptSymbol(":");
        }
      }
      if (AcceptSymbol("*")) {
        rel->variable_length = true;
        if (Peek().kind == TokenKind::kInteger) {
          MSKG_ASSIGN_OR_RETURN(int v, ParseSmallInt());
          rel->min_hops = v;
          if (AcceptSymbol("..")) {
            if (Peek().kind == TokenKind::kInteger) {
              MSKG_ASSIGN_OR_RETURN(int w, ParseSmallInt());
              rel->max_hops = w;
            }
          } else {
            rel->max_hops = v;  // *2 means exactly two.
          }
        } else if (AcceptSymbol("..")) {
          if (Peek().kind == TokenKind::kInteger) {
            MSKG_ASSIGN_OR_RETURN(int w, ParseSmallInt());
            rel->max_hops = w;
          }
        }
      }
      if (IsSymbol("{")) MSKG_RETURN_IF_ERROR(ParseProperties(&rel->properties));
      MSKG_RETURN_IF_ERROR(ExpectSymbol("]", " to close relationship pattern"));
    }
    MSKG_RETURN_IF_ERROR(ExpectSymbol("-", " in relationship pattern"));
    bool right = AcceptSymbol(">");
    if (left && right) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%d:%d: a relationship cannot point both ways", rel->pos.line,
          rel->pos.column));
    }
    rel->direction = left    ? ast::Direction::kRightToLeft
                     : right ? ast::Direction::kLeftToRight
                             : ast::Direction::kBoth;
    return absl::OkStatus();
  }

  absl::StatusOr<int> ParseSmallInt() {
    int v = 0;
    if (!absl::SimpleAtoi(Peek().text, &v) || v > 1000000) {
      return Error(Peek(), "expected a small integer");
    }
    Advance();
    return v;
  }

  absl::Status ParseProjection(bool is_with, ast::Projection* p) {
    p->distinct = AcceptKeyword("DISTINCT");
    if (AcceptSymbol("*")) {
      p->star = true;
    } else {
      do {
        ast::ReturnItem item;
        const size_t begin = pos_;
        MSKG_ASSIGN_OR_RETURN(item.expr, ParseExpr());
        item.text = TextOf(begin, pos_);
        if (AcceptKeyword("AS")) {
          MSKG_ASSIGN_OR_RETURN(item.alias, ExpectName("a name after AS"));
        }
        p->items.push_back(std::move(item));
      } while (AcceptSymbol(","));
    }
    if (IsKeyword("ORDER")) {
      Advance();
      if (!AcceptKeyword("BY")) return Error(Peek(), "expected BY after ORDER");
      do {
        ast::SortItem s;
        MSKG_ASSIGN_OR_RETURN(s.expr, ParseExpr());
        if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
          s.descending = true;
        } else if (!AcceptKeyword("ASC")) {
          AcceptKeyword("ASCENDING");
        }
        p->order_by.push_back(std::move(s));
      } while (AcceptSymbol(","));
    }
    if (AcceptKeyword("SKIP")) {
      MSKG_ASSIGN_OR_RETURN(p->skip, ParseExpr());
    }
    if (AcceptKeyword("LIMIT")) {
      MSKG_ASSIGN_OR_RETURN(p->limit, ParseExpr());
    }
    if (is_with && AcceptKeyword("WHERE")) {
      MSKG_ASSIGN_OR_RETURN(p->where, ParseExpr());
    }
    return absl::OkStatus();
  }

  // Renders tokens [begin, end) as the expression's text.
  std::string TextOf(size_t begin, size_t end) const {
    static constexpr absl::string_view kOps[] = {
        "=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "!="};
    auto is_op = [&](const Token& t) {
      if (t.kind != TokenKind::kSymbol) return false;
      for (absl::string_view o : kOps) {
        if (t.text == o) return true;
      }
      return false;
    };
    auto word = [](const Token& t) {
      return t.kind != TokenKind::kSymbol && t.kind != TokenKind::kEnd;
    };
    std::string out;
    for (size_t k = begin; k < end && k < tokens_.size(); ++k) {
      const Token& t = tokens_[k];
      if (k > begin) {
        const Token& prev = tokens_[k - 1];
        auto sym = [](const Token& x, absl::string_view v) {
          return x.kind == TokenKind::kSymbol && x.text == v;
        };
        // An operator is binary when it follows an operand.
        auto binary_at = [&](size_t j) {
          if (!is_op(tokens_[j]) || j == begin) return false;
          const Token& before = tokens_[j - 1];
          return word(before) || sym(before, ")") || sym(before, "]");
        };
        bool space = (word(prev) && word(t)) || sym(prev, ",") ||
                     binary_at(k) || binary_at(k - 1);
        if (space) out.push_back(' ');
      }
      switch (t.kind) {
        case TokenKind::kString: out += Value(t.text).ToLiteral(); break;
        case TokenKind::kParameter: out += "$" + t.text; break;
        default: out += t.text;
      }
    }
    return out;
  }

  // Expressions, loosest first. Every path by which the parser recurses
  // (parentheses, lists, calls, property maps, NOT, unary minus) goes
  // through Nested, which bounds the depth of the recursion.
  //
  // ParseExpr parses an expression that a clause holds (WHERE, RETURN,
  // SKIP ...), at nesting level 0; ParseInnerExpr one that a parenthesis,
  // list, call or property map opens, one level deeper. So kMaxNesting
  // parentheses fit, as limits.h and the README say, not kMaxNesting - 1.
  absl::StatusOr<ExprPtr> ParseExpr() { return ParseOr(); }
  absl::StatusOr<ExprPtr> ParseInnerExpr() {
    return Nested([this] { return ParseOr(); });
  }

  // Runs `parse` one nesting level deeper. InvalidArgument at the current
  // token past kMaxNesting levels.
  template <typename F>
  absl::StatusOr<ExprPtr> Nested(F parse) {
    if (nesting_ >= kMaxNesting) {
      const Token& t = Peek();
      return absl::InvalidArgumentError(absl::StrFormat(
          "%d:%d: %s %d levels deep (parentheses, "
          "brackets, calls, property maps, NOT and '-' count); write it with "
          "fewer levels",
          t.line, t.column, kTooDeep, kMaxNesting));
    }
    ++nesting_;
    absl::StatusOr<ExprPtr> e = parse();
    --nesting_;
    return e;
  }

  // Returns `e` with its depth set from its arguments'. InvalidArgument past
  // kMaxExprDepth: a long chain of operators builds a deep tree without any
  // nesting, and every later stage walks the tree recursively.
  static absl::StatusOr<ExprPtr> Sealed(ExprPtr e, int extra_depth = 0) {
    int below = extra_depth;
    for (const ExprPtr& a : e->args) below = std::max(below, a->depth);
    e->depth = below + 1;
    if (e->depth > kMaxExprDepth) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%d:%d: expression more than %d levels deep; split long chains of "
          "operators (for example `x = 1 OR x = 2 OR ...` as `x IN [1, 2, ...]`)",
          e->pos.line, e->pos.column, kMaxExprDepth));
    }
    return e;
  }

  static absl::StatusOr<ExprPtr> MakeBinary(std::string op, ExprPtr a, ExprPtr b,
                                            ast::Pos pos) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::kBinary;
    e->name = std::move(op);
    e->pos = pos;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return Sealed(std::move(e));
  }

  absl::StatusOr<ExprPtr> ParseOr() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseXor());
    while (IsKeyword("OR")) {
      const ast::Pos pos = PosOf(Peek());
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseXor());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary("OR", std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseXor() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseAnd());
    while (IsKeyword("XOR")) {
      const ast::Pos pos = PosOf(Peek());
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseAnd());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary("XOR", std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseAnd() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseNot());
    while (IsKeyword("AND")) {
      const ast::Pos pos = PosOf(Peek());
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseNot());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary("AND", std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseNot() {
    if (IsKeyword("NOT")) {
      auto e = std::make_unique<Expr>();
      e->kind = Expr::Kind::kUnary;
      e->name = "NOT";
      e->pos = PosOf(Peek());
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr arg, Nested([this] { return ParseNot(); }));
      e->args.push_back(std::move(arg));
      return Sealed(std::move(e));
    }
    return ParseComparison();
  }
  absl::StatusOr<ExprPtr> ParseComparison() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseAdditive());
    while (true) {
      const Token& t = Peek();
      const ast::Pos pos = PosOf(t);
      std::string op;
      if (t.kind == TokenKind::kSymbol &&
          (t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" ||
           t.text == "<=" || t.text == ">" || t.text == ">=")) {
        op = t.text == "!=" ? "<>" : t.text;
        Advance();
      } else if (IsKeyword("IN")) {
        op = "IN";
        Advance();
      } else if (IsKeyword("CONTAINS")) {
        op = "CONTAINS";
        Advance();
      } else if ((IsKeyword("STARTS") || IsKeyword("ENDS")) && IsKeywordAt(1, "WITH")) {
        op = IsKeyword("STARTS") ? "STARTS WITH" : "ENDS WITH";
        Advance();
        Advance();
      } else if (IsKeyword("IS")) {
        Advance();
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::kIsNull;
        e->pos = pos;
        e->negated = AcceptKeyword("NOT");
        if (!AcceptKeyword("NULL")) return Error(Peek(), "expected NULL after IS");
        e->args.push_back(std::move(left));
        MSKG_ASSIGN_OR_RETURN(left, Sealed(std::move(e)));
        continue;
      } else {
        break;
      }
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseAdditive());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary(op, std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseAdditive() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseMultiplicative());
    while (IsSymbol("+") || IsSymbol("-")) {
      const ast::Pos pos = PosOf(Peek());
      std::string op = Peek().text;
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseMultiplicative());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary(op, std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseMultiplicative() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr left, ParseUnary());
    while (IsSymbol("*") || IsSymbol("/") || IsSymbol("%")) {
      const ast::Pos pos = PosOf(Peek());
      std::string op = Peek().text;
      Advance();
      MSKG_ASSIGN_OR_RETURN(ExprPtr right, ParseUnary());
      MSKG_ASSIGN_OR_RETURN(left, MakeBinary(op, std::move(left), std::move(right), pos));
    }
    return left;
  }
  absl::StatusOr<ExprPtr> ParseUnary() {
    if (IsSymbol("-") || IsSymbol("+")) {
      const ast::Pos pos = PosOf(Peek());
      const bool minus = IsSymbol("-");
      Advance();
      // -9223372036854775808 is a literal, though its digits alone are
      // out of range.
      if (minus && Peek().kind == TokenKind::kInteger &&
          Peek().text == "9223372036854775808") {
        auto e = std::make_unique<Expr>();
        e->pos = pos;
        e->value = Value(std::numeric_limits<int64_t>::min());
        Advance();
        return e;
      }
      MSKG_ASSIGN_OR_RETURN(ExprPtr arg, Nested([this] { return ParseUnary(); }));
      if (!minus) return arg;
      if (arg->kind == Expr::Kind::kLiteral && arg->value.is_int()) {
        int64_t negated;
        if (__builtin_sub_overflow(int64_t{0}, arg->value.AsInt(), &negated)) {
          return absl::InvalidArgumentError(absl::StrFormat(
              "%d:%d: integer overflow: -(%d) is outside the 64-bit range", pos.line,
              pos.column, arg->value.AsInt()));
        }
        arg->value = Value(negated);
        return arg;
      }
      if (arg->kind == Expr::Kind::kLiteral && arg->value.is_double()) {
        arg->value = Value(-arg->value.AsDouble());
        return arg;
      }
      auto e = std::make_unique<Expr>();
      e->kind = Expr::Kind::kUnary;
      e->name = "-";
      e->pos = pos;
      e->args.push_back(std::move(arg));
      return Sealed(std::move(e));
    }
    return ParsePostfix();
  }
  absl::StatusOr<ExprPtr> ParsePostfix() {
    MSKG_ASSIGN_OR_RETURN(ExprPtr e, ParseAtom());
    while (IsSymbol(".")) {
      Advance();
      const Token& t = Peek();
      if (t.kind != TokenKind::kIdentifier) {
        return Error(t, "expected a property name after '.'");
      }
      auto p = std::make_unique<Expr>();
      p->kind = Expr::Kind::kProperty;
      p->pos = PosOf(t);
      p->name = t.text;
      p->args.push_back(std::move(e));
      Advance();
      MSKG_ASSIGN_OR_RETURN(e, Sealed(std::move(p)));
    }
    return e;
  }
  absl::StatusOr<ExprPtr> ParseAtom() {
    const Token& t = Peek();
    auto e = std::make_unique<Expr>();
    e->pos = PosOf(t);
    switch (t.kind) {
      case TokenKind::kString:
        e->value = Value(t.text);
        Advance();
        return e;
      case TokenKind::kInteger: {
        int64_t v;
        if (!absl::SimpleAtoi(t.text, &v)) return Error(t, "integer out of range");
        e->value = Value(v);
        Advance();
        return e;
      }
      case TokenKind::kFloat: {
        double v;
        if (!absl::SimpleAtod(t.text, &v)) return Error(t, "bad number");
        e->value = Value(v);
        Advance();
        return e;
      }
      case TokenKind::kParameter:
        e->kind = Expr::Kind::kParameter;
        e->name = t.text;
        Advance();
        return e;
      case TokenKind::kSymbol:
        if (t.text == "[") {
          Advance();
          e->kind = Expr::Kind::kList;
          if (!AcceptSymbol("]")) {
            do {
              MSKG_ASSIGN_OR_RETURN(ExprPtr item, ParseInnerExpr());
              e->args.push_back(std::move(item));
            } while (AcceptSymbol(","));
            MSKG_RETURN_IF_ERROR(ExpectSymbol("]", " to close list"));
          }
          return Sealed(std::move(e));
        }
        if (t.text == "(") {
          // A pattern predicate, or a parenthesized expression.
          const size_t save = pos_;
          MSKG_ASSIGN_OR_RETURN(std::shared_ptr<ast::Pattern> pattern,
                                TryPatternAt(save));
          if (pattern != nullptr) {
            e->kind = Expr::Kind::kPattern;
            // The depth first: the order in which arguments are evaluated
            // is unspecified, and `e` is moved from in one of them (clang
            // read the moved-from pointer; found by //fuzz:query_fuzzer).
            const int depth = PatternDepth(*pattern);
            e->pattern = std::move(pattern);
            return Sealed(std::move(e), depth);
          }
          pos_ = save;
          Advance();
          MSKG_ASSIGN_OR_RETURN(ExprPtr inner, ParseInnerExpr());
          MSKG_RETURN_IF_ERROR(ExpectSymbol(")", " to close parenthesis"));
          return inner;
        }
        return Error(t, "expected an expression");
      case TokenKind::kIdentifier: {
        if (!t.quoted) {
          if (absl::EqualsIgnoreCase(t.text, "true") ||
              absl::EqualsIgnoreCase(t.text, "false")) {
            e->value = Value(absl::EqualsIgnoreCase(t.text, "true"));
            Advance();
            return e;
          }
          if (absl::EqualsIgnoreCase(t.text, "null")) {
            Advance();
            return e;
          }
        }
        if (PeekAt(1).kind == TokenKind::kSymbol && PeekAt(1).text == "(" && !t.quoted) {
          e->kind = Expr::Kind::kFunction;
          e->name = absl::AsciiStrToLower(t.text);
          Advance();
          Advance();
          if (AcceptSymbol("*")) {
            e->star = true;
          } else if (!IsSymbol(")")) {
            e->distinct = AcceptKeyword("DISTINCT");
            do {
              MSKG_ASSIGN_OR_RETURN(ExprPtr arg, ParseInnerExpr());
              e->args.push_back(std::move(arg));
            } while (AcceptSymbol(","));
          }
          MSKG_RETURN_IF_ERROR(ExpectSymbol(")", " to close function call"));
          return Sealed(std::move(e));
        }
        if (IsReserved(t)) return Error(t, "expected an expression");
        e->kind = Expr::Kind::kVariable;
        e->name = t.text;
        Advance();
        return e;
      }
      case TokenKind::kEnd:
        return Error(t, "expected an expression");
    }
    return Error(t, "expected an expression");
  }

  // Returns the pattern predicate (with relationships) that starts at token
  // `start`, leaving the parser after it, or null. Each start is tried
  // once: an expression can reach the same '(' both as a pattern and as a
  // parenthesis, and without the memo nested pattern predicates would be
  // parsed 2^depth times.
  //
  // InvalidArgument if the pattern nests too deeply: only a pattern can
  // reach an expression there (inside its property map), so that is the
  // error to report, not the one reading it as a parenthesis would give.
  absl::StatusOr<std::shared_ptr<ast::Pattern>> TryPatternAt(size_t start) {
    auto it = patterns_at_.find(start);
    if (it == patterns_at_.end()) {
      auto pattern = std::make_shared<ast::Pattern>();
      PatternMemo memo;
      const absl::Status parsed = ParsePattern(pattern.get());
      if (absl::StrContains(parsed.message(), kTooDeep)) return parsed;
      if (parsed.ok() && !pattern->rels.empty()) {
        memo = {std::move(pattern), pos_};
      }
      it = patterns_at_.emplace(start, std::move(memo)).first;
    }
    if (it->second.pattern == nullptr) return nullptr;
    pos_ = it->second.end;
    return it->second.pattern;
  }

  // Returns the depth of the deepest expression in `p`'s property maps.
  static int PatternDepth(const ast::Pattern& p) {
    int depth = 0;
    for (const ast::NodePattern& n : p.nodes) {
      for (const ast::PropertyEntry& e : n.properties) depth = std::max(depth, e.value->depth);
    }
    for (const ast::RelPattern& r : p.rels) {
      for (const ast::PropertyEntry& e : r.properties) depth = std::max(depth, e.value->depth);
    }
    return depth;
  }

  struct PatternMemo {
    std::shared_ptr<ast::Pattern> pattern;  // Null: no pattern predicate here.
    size_t end = 0;                         // The token after it.
  };

  const std::vector<Token>& tokens_;
  size_t pos_ = 0;
  int nesting_ = 0;
  absl::flat_hash_map<size_t, PatternMemo> patterns_at_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ast::Query>> Parse(
    const std::vector<Token>& tokens) {
  if (tokens.empty() || tokens.back().kind != TokenKind::kEnd) {
    return absl::InternalError("token list must end with an end token");
  }
  Parser parser(tokens);
  return parser.ParseQuery();
}

absl::StatusOr<std::unique_ptr<ast::Query>> ParseText(absl::string_view query) {
  MSKG_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lex(query));
  return Parse(tokens);
}

}  // namespace mskg::query
