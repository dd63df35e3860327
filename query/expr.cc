#include "query/expr.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace mskg::query {
namespace {

const char* OpText(BinOp op) {
  switch (op) {
    case BinOp::kOr: return "OR";
    case BinOp::kXor: return "XOR";
    case BinOp::kAnd: return "AND";
    case BinOp::kEq: return "=";
    case BinOp::kNe: return "<>";
    case BinOp::kLt: return "<";
    case BinOp::kLe: return "<=";
    case BinOp::kGt: return ">";
    case BinOp::kGe: return ">=";
    case BinOp::kAdd: return "+";
    case BinOp::kSub: return "-";
    case BinOp::kMul: return "*";
    case BinOp::kDiv: return "/";
    case BinOp::kMod: return "%";
    case BinOp::kIn: return "IN";
    case BinOp::kStartsWith: return "STARTS WITH";
    case BinOp::kEndsWith: return "ENDS WITH";
    case BinOp::kContains: return "CONTAINS";
  }
  return "?";
}

}  // namespace

std::string LabelName(schema::NodeType type) {
  std::string upper = schema::NodeType_Name(type);
  std::string out;
  bool start = true;
  for (char c : upper) {
    if (c == '_') {
      start = true;
      continue;
    }
    out.push_back(start ? absl::ascii_toupper(c) : absl::ascii_tolower(c));
    start = false;
  }
  return out;
}

std::string RelationName(schema::Relation relation) {
  return schema::Relation_Name(relation);
}

std::string BoundExpr::ToString() const {
  auto arg = [&](size_t i) { return args[i]->ToString(); };
  switch (kind) {
    case Kind::kConst: return value.ToLiteral();
    case Kind::kParam: return absl::StrCat("$", name);
    case Kind::kSlot: return absl::StrCat("#", slot);
    case Kind::kProperty: return absl::StrCat(arg(0), ".", name);
    case Kind::kNameMatch: return absl::StrCat("#", slot, " named ", arg(0));
    case Kind::kHasLabel: return absl::StrCat("#", slot, ":", LabelName(label));
    case Kind::kNot: return absl::StrCat("NOT ", arg(0));
    case Kind::kNeg: return absl::StrCat("-", arg(0));
    case Kind::kBinary:
      return absl::StrCat("(", arg(0), " ", OpText(op), " ", arg(1), ")");
    case Kind::kList: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < args.size(); ++i) parts.push_back(arg(i));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    case Kind::kIsNull:
      return absl::StrCat(arg(0), negated ? " IS NOT NULL" : " IS NULL");
    case Kind::kFunction: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < args.size(); ++i) parts.push_back(arg(i));
      return absl::StrCat(name, "(", absl::StrJoin(parts, ", "), ")");
    }
    case Kind::kAgg: return absl::StrCat("agg#", index);
    case Kind::kExists: return absl::StrCat("exists(pattern#", index, ")");
  }
  return "?";
}

}  // namespace mskg::query
