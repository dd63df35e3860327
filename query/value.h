// query/value.h
//
// Value: a value of a query's parameters and results: null, boolean,
// integer, float, string or list. Results never hold nodes or
// relationships: the engine returns a node as its name and a relationship
// as its type. Values compare and hash structurally (two nulls are equal,
// as DISTINCT treats them); Cypher's three-valued comparison belongs to the
// engine.
//
// The executor has its own value type (query/exec_value.h, private to
// //query), converted to Value once, when rows leave the engine.
//
// Thread-safety: a Value is a plain value type.
#ifndef MSKG_QUERY_VALUE_H_
#define MSKG_QUERY_VALUE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace mskg::query {

class Value {
 public:
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kList };

  Value() = default;  // Null.
  Value(bool b) : v_(b) {}                                  // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}             // NOLINT
  Value(int64_t v) : v_(v) {}                               // NOLINT
  Value(double v) : v_(v) {}                                // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                // NOLINT
  Value(absl::string_view s) : v_(std::string(s)) {}        // NOLINT
  Value(const char* s) : v_(std::string(s)) {}              // NOLINT
  Value(std::vector<Value> list) : v_(std::move(list)) {}   // NOLINT

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_double() const { return kind() == Kind::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_list() const { return kind() == Kind::kList; }

  // REQUIRES: the matching kind.
  bool AsBool() const { return std::get<bool>(v_); }
  int64_t AsInt() const { return std::get<int64_t>(v_); }
  double AsDouble() const { return std::get<double>(v_); }
  const std::string& AsString() const { return std::get<std::string>(v_); }
  const std::vector<Value>& AsList() const {
    return std::get<std::vector<Value>>(v_);
  }

  // Returns a display form: strings bare at the top level and quoted inside
  // lists, null as "null", lists as "[a, b]".
  std::string ToString() const;
  // Returns a Cypher-literal form: strings always quoted.
  std::string ToLiteral() const;

  friend bool operator==(const Value& a, const Value& b) { return a.v_ == b.v_; }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }
  template <typename H>
  friend H AbslHashValue(H h, const Value& v) {
    h = H::combine(std::move(h), static_cast<size_t>(v.kind()));
    switch (v.kind()) {
      case Kind::kNull: return h;
      case Kind::kBool: return H::combine(std::move(h), v.AsBool());
      case Kind::kInt: return H::combine(std::move(h), v.AsInt());
      case Kind::kDouble: return H::combine(std::move(h), v.AsDouble());
      case Kind::kString: return H::combine(std::move(h), v.AsString());
      case Kind::kList:
        for (const Value& e : v.AsList()) h = H::combine(std::move(h), e);
        return H::combine(std::move(h), v.AsList().size());
    }
    return h;
  }

 private:
  // In the order of Kind, so that kind() is the alternative's index.
  std::variant<std::monostate, bool, int64_t, double, std::string,
               std::vector<Value>>
      v_;
};

}  // namespace mskg::query

#endif  // MSKG_QUERY_VALUE_H_
