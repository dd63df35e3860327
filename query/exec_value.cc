#include "query/exec_value.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "query/value_format.h"

namespace mskg::query {
namespace {

// Prints what the public kinds do not cover: node and relationship indices.
void AppendReference(const ExecValue& v, std::string* out) {
  if (v.is_node()) absl::StrAppend(out, "node#", v.AsNode());
  if (v.is_edge()) absl::StrAppend(out, "edge#", v.AsEdge());
}

int Rank(const ExecValue& v) {
  switch (v.kind()) {
    case ExecValue::Kind::kList: return 0;
    case ExecValue::Kind::kNode: return 1;
    case ExecValue::Kind::kEdge: return 2;
    case ExecValue::Kind::kString: return 3;
    case ExecValue::Kind::kBool: return 4;
    case ExecValue::Kind::kInt:
    case ExecValue::Kind::kDouble: return 5;
    case ExecValue::Kind::kNull: return 6;
  }
  return 6;
}

template <typename T>
int Compare(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Converts the public kinds, strings by reference or copied.
template <bool kBorrow>
ExecValue FromPublic(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return ExecValue();
    case Value::Kind::kBool: return ExecValue(v.AsBool());
    case Value::Kind::kInt: return ExecValue(v.AsInt());
    case Value::Kind::kDouble: return ExecValue(v.AsDouble());
    case Value::Kind::kString:
      if constexpr (kBorrow) return ExecValue::Ref(v.AsString());
      return ExecValue(v.AsString());
    case Value::Kind::kList: {
      std::vector<ExecValue> list;
      list.reserve(v.AsList().size());
      for (const Value& x : v.AsList()) list.push_back(FromPublic<kBorrow>(x));
      return ExecValue(std::move(list));
    }
  }
  return ExecValue();
}

}  // namespace

ExecValue ExecValue::Borrow(const Value& v) { return FromPublic<true>(v); }
ExecValue ExecValue::Copy(const Value& v) { return FromPublic<false>(v); }

std::string ExecValue::ToString() const {
  std::string out;
  AppendValue(*this, false, AppendReference, &out);
  return out;
}

std::string ExecValue::ToLiteral() const {
  std::string out;
  AppendValue(*this, true, AppendReference, &out);
  return out;
}

int CompareForOrder(const ExecValue& a, const ExecValue& b) {
  const int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case ExecValue::Kind::kNull: return 0;
    case ExecValue::Kind::kBool: return Compare(a.AsBool(), b.AsBool());
    case ExecValue::Kind::kInt:
    case ExecValue::Kind::kDouble: {
      if (a.is_int() && b.is_int()) return Compare(a.AsInt(), b.AsInt());
      const double x = a.AsNumber(), y = b.AsNumber();
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
      return Compare(x, y);
    }
    case ExecValue::Kind::kString: return Compare(a.AsString(), b.AsString());
    case ExecValue::Kind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const int c = CompareForOrder(x[i], y[i]);
        if (c != 0) return c;
      }
      return Compare(x.size(), y.size());
    }
    case ExecValue::Kind::kNode: return Compare(a.AsNode(), b.AsNode());
    case ExecValue::Kind::kEdge: return Compare(a.AsEdge(), b.AsEdge());
  }
  return 0;
}

}  // namespace mskg::query
