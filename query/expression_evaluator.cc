// query/expression_evaluator.cc: bound expressions over a row of slots.
#include "query/expression_evaluator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "query/limits.h"
#include "query/node_names.h"

namespace mskg::query {
namespace {

using graph::EdgeIndex;
using graph::NodeIndex;

ExecValue FromTruth(int t) { return t < 0 ? ExecValue() : ExecValue(t == 1); }

// Returns <0, 0, >0, or kIncomparable.
constexpr int kIncomparable = 1000;
int Compare(const ExecValue& a, const ExecValue& b) {
  if (a.is_number() && b.is_number()) return CompareForOrder(a, b);
  if (a.is_string() && b.is_string()) return CompareForOrder(a, b);
  if (a.is_bool() && b.is_bool()) return CompareForOrder(a, b);
  return kIncomparable;
}

// Returns the levels of lists in `v` (0 for a scalar), counting no further
// than `limit`.
int ListDepth(const ExecValue& v, int limit) {
  if (!v.is_list() || limit <= 0) return 0;
  int below = 0;
  for (const ExecValue& x : v.AsList()) below = std::max(below, ListDepth(x, limit - 1));
  return below + 1;
}

}  // namespace

// Returns 1/0 for equal/unequal, -1 for null (openCypher `=`).
int CypherEquals(const ExecValue& a, const ExecValue& b) {
  if (a.is_null() || b.is_null()) return -1;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.AsInt() == b.AsInt();
    return a.AsNumber() == b.AsNumber();
  }
  if (a.is_list() && b.is_list()) {
    const auto& x = a.AsList();
    const auto& y = b.AsList();
    if (x.size() != y.size()) return 0;
    int result = 1;
    for (size_t i = 0; i < x.size(); ++i) {
      const int e = CypherEquals(x[i], y[i]);
      if (e == 0) return 0;
      if (e < 0) result = -1;
    }
    return result;
  }
  if (a.kind() != b.kind()) return 0;
  return a == b;
}

absl::StatusOr<const Value*> ExpressionEvaluator::Param(const std::string& name,
                                                        int line,
                                                        int column) const {
  const ExecOptions& options = context_.options();
  if (options.params != nullptr) {
    auto it = options.params->find(name);
    if (it != options.params->end()) return &it->second;
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%d:%d: missing parameter $%s", line, column, name));
}

ExecValue ExpressionEvaluator::TooDeep(const BoundExpr& e) {
  Fail(e, absl::StrCat("expression more than ", kMaxExprDepth,
                       " levels deep; write it with fewer levels"));
  return ExecValue();
}

ExecValue ExpressionEvaluator::NodeProperty(NodeIndex v, Prop p) const {
  const graph::NodeInfo& n = view_.node(v);
  switch (p) {
    // Names by reference: the view outlives the execution, and the
    // engine copies only the names of the rows it returns (ToPublic).
    case Prop::kName: return NodeNameRef(view_, v);
    case Prop::kAliases: return NodeAliasRefs(view_, v);
    case Prop::kId: return ExecValue(static_cast<int64_t>(n.id));
    case Prop::kType:
    case Prop::kLabel: return ExecValue(LabelName(n.type));
    default: return ExecValue();
  }
}

ExecValue ExpressionEvaluator::EdgeProperty(EdgeIndex e, Prop p) const {
  const graph::EdgeInfo& info = view_.edge(e);
  switch (p) {
    case Prop::kType: return ExecValue(RelationName(info.relation));
    case Prop::kPolarity: return ExecValue(info.negated ? "NEGATED" : "AFFIRMED");
    case Prop::kSupport: return ExecValue(static_cast<int64_t>(info.support.size()));
    case Prop::kInferred: return ExecValue(info.inferred);
    case Prop::kRule: return info.rule.empty() ? ExecValue() : ExecValue(info.rule);
    case Prop::kHedged: {
      bool all = !info.support.empty();
      for (const auto& s : info.support) all = all && s.hedged();
      return ExecValue(all);
    }
    case Prop::kNegated: return ExecValue(info.negated);
    default: return ExecValue();
  }
}

bool ExpressionEvaluator::NameMatches(const BoundExpr& e, NodeIndex v) const {
  if (e.index >= 0) {
    const auto& span = names_[e.index];
    return std::binary_search(span.begin(), span.end(), v);
  }
  return false;
}

ExecValue ExpressionEvaluator::EvalNode(const BoundExpr& e, const ExecValue* row) {
  switch (e.kind) {
    case BoundExpr::Kind::kConst: return e.value;
    case BoundExpr::Kind::kParam: {
      auto v = Param(e.name, e.line, e.column);
      if (!v.ok()) {
        context_.SetError(v.status());
        return ExecValue();
      }
      // By reference: the caller's parameters outlive the execution.
      return ExecValue::Borrow(**v);
    }
    case BoundExpr::Kind::kSlot: return row[e.slot];
    case BoundExpr::Kind::kProperty: {
      const ExecValue obj = Eval(*e.args[0], row);
      if (obj.is_node()) return NodeProperty(obj.AsNode(), e.prop);
      if (obj.is_edge()) return EdgeProperty(obj.AsEdge(), e.prop);
      return ExecValue();
    }
    case BoundExpr::Kind::kNameMatch: {
      const ExecValue& n = row[e.slot];
      if (!n.is_node()) return ExecValue();
      if (e.index >= 0) return ExecValue(NameMatches(e, n.AsNode()));
      const ExecValue name = Eval(*e.args[0], row);
      if (name.is_null()) return ExecValue();
      if (!name.is_string()) return ExecValue(false);
      const auto span = view_.Lookup(name.AsString());
      return ExecValue(std::binary_search(span.begin(), span.end(), n.AsNode()));
    }
    case BoundExpr::Kind::kHasLabel: {
      const ExecValue& n = row[e.slot];
      if (!n.is_node()) return ExecValue();
      return ExecValue(view_.node(n.AsNode()).type == e.label);
    }
    case BoundExpr::Kind::kNot: {
      const int t = Truth(Eval(*e.args[0], row));
      return t < 0 ? ExecValue() : ExecValue(t == 0);
    }
    case BoundExpr::Kind::kNeg: {
      const ExecValue v = Eval(*e.args[0], row);
      if (v.is_int()) {
        int64_t negated;
        if (__builtin_sub_overflow(int64_t{0}, v.AsInt(), &negated)) {
          Fail(e, absl::StrFormat("integer overflow: -(%d) is outside the 64-bit "
                                  "integer range",
                                  v.AsInt()));
          return ExecValue();
        }
        return ExecValue(negated);
      }
      if (v.is_double()) return ExecValue(-v.AsDouble());
      return ExecValue();
    }
    case BoundExpr::Kind::kBinary: return EvalBinary(e, row);
    case BoundExpr::Kind::kList: {
      std::vector<ExecValue> out;
      out.reserve(e.args.size());
      for (const auto& a : e.args) {
        out.push_back(Eval(*a, row));
        if (!CheckListDepth(e, out.back())) return ExecValue();
      }
      return ExecValue(std::move(out));
    }
    case BoundExpr::Kind::kIsNull: {
      const bool null = Eval(*e.args[0], row).is_null();
      return ExecValue(e.negated ? !null : null);
    }
    case BoundExpr::Kind::kFunction: return EvalFunction(e, row);
    case BoundExpr::Kind::kAgg:
      if (aggregates_ == nullptr) return ExecValue();
      return (*aggregates_)[e.index];
    case BoundExpr::Kind::kExists:
      return ExecValue(patterns_ != nullptr && patterns_->Matches(e.index));
  }
  return ExecValue();
}

ExecValue ExpressionEvaluator::EvalBinary(const BoundExpr& e, const ExecValue* row) {
  if (e.op == BinOp::kAnd || e.op == BinOp::kOr || e.op == BinOp::kXor) {
    const int a = Truth(Eval(*e.args[0], row));
    if (e.op == BinOp::kAnd && a == 0) return ExecValue(false);
    if (e.op == BinOp::kOr && a == 1) return ExecValue(true);
    const int b = Truth(Eval(*e.args[1], row));
    switch (e.op) {
      case BinOp::kAnd: return FromTruth(b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1));
      case BinOp::kOr: return FromTruth(b == 1 ? 1 : (a < 0 || b < 0 ? -1 : 0));
      default: return FromTruth(a < 0 || b < 0 ? -1 : (a != b));
    }
  }
  const ExecValue a = Eval(*e.args[0], row);
  const ExecValue b = Eval(*e.args[1], row);
  switch (e.op) {
    case BinOp::kEq: return FromTruth(CypherEquals(a, b));
    case BinOp::kNe: {
      const int t = CypherEquals(a, b);
      return t < 0 ? ExecValue() : ExecValue(t == 0);
    }
    case BinOp::kLt:
    case BinOp::kLe:
    case BinOp::kGt:
    case BinOp::kGe: {
      if (a.is_null() || b.is_null()) return ExecValue();
      const int c = Compare(a, b);
      if (c == kIncomparable) return ExecValue();
      switch (e.op) {
        case BinOp::kLt: return ExecValue(c < 0);
        case BinOp::kLe: return ExecValue(c <= 0);
        case BinOp::kGt: return ExecValue(c > 0);
        default: return ExecValue(c >= 0);
      }
    }
    case BinOp::kIn: {
      if (b.is_null()) return ExecValue();
      if (!b.is_list()) {
        Fail(e, "IN needs a list on its right");
        return ExecValue();
      }
      int result = 0;
      for (const ExecValue& x : b.AsList()) {
        const int t = CypherEquals(a, x);
        if (t == 1) return ExecValue(true);
        if (t < 0) result = -1;
      }
      return FromTruth(result);
    }
    case BinOp::kStartsWith:
    case BinOp::kEndsWith:
    case BinOp::kContains: {
      if (!a.is_string() || !b.is_string()) return ExecValue();
      if (e.op == BinOp::kStartsWith) return ExecValue(absl::StartsWith(a.AsString(), b.AsString()));
      if (e.op == BinOp::kEndsWith) return ExecValue(absl::EndsWith(a.AsString(), b.AsString()));
      return ExecValue(absl::StrContains(a.AsString(), b.AsString()));
    }
    case BinOp::kAdd:
      if (a.is_string() && b.is_string()) return ExecValue(absl::StrCat(a.AsString(), b.AsString()));
      if (a.is_list() && b.is_list()) {
        std::vector<ExecValue> out = a.AsList();
        out.insert(out.end(), b.AsList().begin(), b.AsList().end());
        return ExecValue(std::move(out));
      }
      [[fallthrough]];
    case BinOp::kSub:
    case BinOp::kMul:
    case BinOp::kDiv:
    case BinOp::kMod: {
      if (!a.is_number() || !b.is_number()) return ExecValue();
      if (a.is_int() && b.is_int()) return IntArithmetic(e, a.AsInt(), b.AsInt());
      const double x = a.AsNumber(), y = b.AsNumber();
      switch (e.op) {
        case BinOp::kAdd: return ExecValue(x + y);
        case BinOp::kSub: return ExecValue(x - y);
        case BinOp::kMul: return ExecValue(x * y);
        case BinOp::kDiv: return ExecValue(x / y);
        default: return ExecValue(std::fmod(x, y));
      }
    }
    default: return ExecValue();
  }
}

// Only lists built from lists pay for the walk.
bool ExpressionEvaluator::CheckListDepth(const BoundExpr& e, const ExecValue& item) {
  if (!item.is_list() || ListDepth(item, kMaxListNesting) < kMaxListNesting) {
    return true;
  }
  Fail(e, absl::StrCat("lists nested more than ", kMaxListNesting,
                       " levels deep; flatten the list"));
  return false;
}

// Returns x op y for 64-bit integers, or null with the error set (at `e`)
// where the result is not an integer in range: integers do not wrap
// (openCypher), and C++ leaves overflow undefined (INT64_MIN / -1 traps).
ExecValue ExpressionEvaluator::IntArithmetic(const BoundExpr& e, int64_t x, int64_t y) {
  int64_t r = 0;
  bool overflow = false;
  const char* op = "+";
  switch (e.op) {
    case BinOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); break;
    case BinOp::kSub:
      op = "-";
      overflow = __builtin_sub_overflow(x, y, &r);
      break;
    case BinOp::kMul:
      op = "*";
      overflow = __builtin_mul_overflow(x, y, &r);
      break;
    case BinOp::kDiv:
    case BinOp::kMod:
      op = e.op == BinOp::kDiv ? "/" : "%";
      if (y == 0) {
        Fail(e, "division by zero");
        return ExecValue();
      }
      if (y == -1) {
        // x / -1 is -x, which overflows for INT64_MIN; x % -1 is exactly
        // 0 (as in Java, hence Neo4j), though x86 traps on INT64_MIN % -1.
        if (e.op == BinOp::kMod) return ExecValue(int64_t{0});
        overflow = __builtin_sub_overflow(int64_t{0}, x, &r);
      } else {
        r = e.op == BinOp::kDiv ? x / y : x % y;
      }
      break;
    default: return ExecValue();
  }
  if (overflow) {
    Fail(e, absl::StrFormat("integer overflow: %d %s %d is outside the 64-bit "
                            "integer range; compute in floating point instead "
                            "(e.g. 1.0 * x)",
                            x, op, y));
    return ExecValue();
  }
  return ExecValue(r);
}

ExecValue ExpressionEvaluator::EvalFunction(const BoundExpr& e, const ExecValue* row) {
  if (e.fn == Fn::kCoalesce) {
    for (const auto& a : e.args) {
      ExecValue v = Eval(*a, row);
      if (!v.is_null()) return v;
    }
    return ExecValue();
  }
  const ExecValue v = Eval(*e.args[0], row);
  if (v.is_null()) return ExecValue();
  switch (e.fn) {
    case Fn::kLabels:
      if (!v.is_node()) break;
      return ExecValue(std::vector<ExecValue>{ExecValue(LabelName(view_.node(v.AsNode()).type))});
    case Fn::kType:
      if (!v.is_edge()) break;
      return ExecValue(RelationName(view_.edge(v.AsEdge()).relation));
    case Fn::kId:
      if (v.is_node()) return ExecValue(static_cast<int64_t>(view_.node(v.AsNode()).id));
      if (v.is_edge()) return ExecValue(static_cast<int64_t>(v.AsEdge()));
      break;
    case Fn::kSize:
    case Fn::kLength:
      if (v.is_list()) return ExecValue(static_cast<int64_t>(v.AsList().size()));
      if (v.is_string()) return ExecValue(static_cast<int64_t>(v.AsString().size()));
      if (v.is_edge()) return ExecValue(int64_t{1});
      break;
    case Fn::kToLower:
      if (v.is_string()) return ExecValue(absl::AsciiStrToLower(v.AsString()));
      break;
    case Fn::kToUpper:
      if (v.is_string()) return ExecValue(absl::AsciiStrToUpper(v.AsString()));
      break;
    case Fn::kToString:
      if (v.is_node()) {
        return NodeNameRef(view_, v.AsNode());
      }
      if (v.is_edge()) return ExecValue(RelationName(view_.edge(v.AsEdge()).relation));
      return ExecValue(v.ToString());
    case Fn::kStartNode:
      if (v.is_edge()) return ExecValue::Node(view_.edge(v.AsEdge()).source);
      break;
    case Fn::kEndNode:
      if (v.is_edge()) return ExecValue::Node(view_.edge(v.AsEdge()).target);
      break;
    case Fn::kNodes:
    case Fn::kRelationships: {
      if (!v.is_list()) break;
      // A named path alternates nodes (even positions) and edges.
      std::vector<ExecValue> out;
      const auto& items = v.AsList();
      for (size_t j = e.fn == Fn::kNodes ? 0 : 1; j < items.size(); j += 2) {
        out.push_back(items[j]);
      }
      return ExecValue(std::move(out));
    }
    case Fn::kPathLength:
      if (v.is_list()) return ExecValue(static_cast<int64_t>(v.AsList().size() / 2));
      break;
    case Fn::kCoalesce: break;
  }
  Fail(e, absl::StrCat(e.name, "() of ", v.ToLiteral()));
  return ExecValue();
}

}  // namespace mskg::query
