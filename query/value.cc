#include "query/value.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace mskg::query {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string Render(const Value& v, bool quote) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.AsBool() ? "true" : "false";
    case Value::Kind::kInt: return absl::StrCat(v.AsInt());
    case Value::Kind::kDouble: {
      // The shortest form that reads back as the same double.
      char buffer[32];
      const auto [end, error] =
          std::to_chars(buffer, buffer + sizeof(buffer), v.AsDouble());
      return error == std::errc() ? std::string(buffer, end)
                                  : absl::StrCat(v.AsDouble());
    }
    case Value::Kind::kString: return quote ? Quote(v.AsString()) : v.AsString();
    case Value::Kind::kList: {
      std::string out = "[";
      bool first = true;
      for (const Value& e : v.AsList()) {
        if (!first) out += ", ";
        first = false;
        out += Render(e, true);
      }
      return out + "]";
    }
    case Value::Kind::kNode: return absl::StrCat("node#", v.AsNode());
    case Value::Kind::kEdge: return absl::StrCat("edge#", v.AsEdge());
  }
  return "";
}

int Rank(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kList: return 0;
    case Value::Kind::kNode: return 1;
    case Value::Kind::kEdge: return 2;
    case Value::Kind::kString: return 3;
    case Value::Kind::kBool: return 4;
    case Value::Kind::kInt:
    case Value::Kind::kDouble: return 5;
    case Value::Kind::kNull: return 6;
  }
  return 6;
}

}  // namespace

std::string Value::ToString() const { return Render(*this, false); }
std::string Value::ToLiteral() const { return Render(*this, true); }

int CompareForOrder(const Value& a, const Value& b) {
  const int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case Value::Kind::kNull: return 0;
    case Value::Kind::kBool: return static_cast<int>(a.AsBool()) - static_cast<int>(b.AsBool());
    case Value::Kind::kInt:
    case Value::Kind::kDouble: {
      if (a.is_int() && b.is_int()) {
        return a.AsInt() < b.AsInt() ? -1 : (a.AsInt() > b.AsInt() ? 1 : 0);
      }
      const double x = a.AsNumber(), y = b.AsNumber();
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case Value::Kind::kString: return a.AsString().compare(b.AsString()) < 0 ? -1 : (a.AsString() == b.AsString() ? 0 : 1);
    case Value::Kind::kList: {
      const auto& x = a.AsList();
      const auto& y = b.AsList();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        const int c = CompareForOrder(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case Value::Kind::kNode: return a.AsNode() < b.AsNode() ? -1 : (a.AsNode() > b.AsNode() ? 1 : 0);
    case Value::Kind::kEdge: return a.AsEdge() < b.AsEdge() ? -1 : (a.AsEdge() > b.AsEdge() ? 1 : 0);
  }
  return 0;
}

}  // namespace mskg::query
