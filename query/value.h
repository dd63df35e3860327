// query/value.h
//
// Value: a query value (null, boolean, integer, float, string, list), plus
// node and relationship references that only live inside the executor (the
// engine turns them into names before results leave it). Values compare and
// hash structurally, so DISTINCT and grouping treat two nulls as equal; the
// three-valued Cypher comparison lives in the executor.
//
// A string may also be held by reference (Value::Ref): a node's name or
// alias, read straight from the GraphView, so that rows do not copy names
// until the engine hands them out. Such a Value is a string in every
// respect (kind, comparison, hash); it must not outlive the string it
// points at (the engine turns it into an owned string in ToPublic).
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
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kList, kNode, kEdge };
  struct NodeRef {
    uint32_t index;
    bool operator==(const NodeRef& o) const { return index == o.index; }
  };
  struct EdgeRef {
    uint32_t index;
    bool operator==(const EdgeRef& o) const { return index == o.index; }
  };

  Value() = default;  // Null.
  Value(bool b) : v_(b) {}                                  // NOLINT
  Value(int v) : v_(static_cast<int64_t>(v)) {}             // NOLINT
  Value(int64_t v) : v_(v) {}                               // NOLINT
  Value(double v) : v_(v) {}                                // NOLINT
  Value(std::string s) : v_(std::move(s)) {}                // NOLINT
  Value(absl::string_view s) : v_(std::string(s)) {}        // NOLINT
  Value(const char* s) : v_(std::string(s)) {}              // NOLINT
  Value(std::vector<Value> list) : v_(std::move(list)) {}   // NOLINT
  static Value Node(uint32_t v) { Value r; r.v_ = NodeRef{v}; return r; }
  static Value Edge(uint32_t e) { Value r; r.v_ = EdgeRef{e}; return r; }
  // Returns a string Value that refers to `*s` without copying it.
  // REQUIRES: `*s` outlives the Value and its copies.
  static Value Ref(const std::string* s) { return Ref(s, StringHash(*s)); }
  // Same, with the string's hash already known (graph::NodeInfo::name_hash).
  // REQUIRES: hash == StringHash(*s).
  static Value Ref(const std::string* s, size_t hash) {
    Value r;
    r.v_ = StrRef{s, hash};
    return r;
  }
  // The hash a string Value contributes to AbslHashValue (a reference
  // carries it, so hashing a name does not read the name).
  static size_t StringHash(absl::string_view s) {
    return absl::Hash<absl::string_view>()(s);
  }

  Kind kind() const {
    return v_.index() == kStrRefIndex ? Kind::kString : static_cast<Kind>(v_.index());
  }
  // Whether this is a string held by reference (see Ref).
  bool is_ref() const { return v_.index() == kStrRefIndex; }
  // Returns an equal Value that owns its string (itself if not a reference).
  Value Owned() && {
    if (is_ref()) return Value(*std::get<StrRef>(v_).s);
    return std::move(*this);
  }
  bool is_null() const { return v_.index() == 0; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_double() const { return kind() == Kind::kDouble; }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_list() const { return kind() == Kind::kList; }
  bool is_node() const { return kind() == Kind::kNode; }
  bool is_edge() const { return kind() == Kind::kEdge; }

  // REQUIRES: the matching kind.
  bool AsBool() const { return std::get<bool>(v_); }
  int64_t AsInt() const { return std::get<int64_t>(v_); }
  double AsDouble() const { return std::get<double>(v_); }
  // Returns the number as a double. REQUIRES: is_number().
  double AsNumber() const {
    return is_int() ? static_cast<double>(AsInt()) : AsDouble();
  }
  const std::string& AsString() const {
    if (is_ref()) return *std::get<StrRef>(v_).s;
    return std::get<std::string>(v_);
  }
  const std::vector<Value>& AsList() const {
    return std::get<std::vector<Value>>(v_);
  }
  std::vector<Value>& MutableList() { return std::get<std::vector<Value>>(v_); }
  uint32_t AsNode() const { return std::get<NodeRef>(v_).index; }
  uint32_t AsEdge() const { return std::get<EdgeRef>(v_).index; }

  // Returns a display form: strings bare at the top level and quoted inside
  // lists, null as "null", lists as "[a, b]".
  std::string ToString() const;
  // Returns a Cypher-literal form: strings always quoted.
  std::string ToLiteral() const;

  friend bool operator==(const Value& a, const Value& b) {
    if (a.is_ref() || b.is_ref()) {
      return a.is_string() && b.is_string() &&
             (&a.AsString() == &b.AsString() || a.AsString() == b.AsString());
    }
    return a.v_ == b.v_;
  }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

  template <typename H>
  friend H AbslHashValue(H h, const Value& v) {
    h = H::combine(std::move(h), static_cast<size_t>(v.kind()));
    switch (v.kind()) {
      case Kind::kNull: return h;
      case Kind::kBool: return H::combine(std::move(h), v.AsBool());
      case Kind::kInt: return H::combine(std::move(h), v.AsInt());
      case Kind::kDouble: return H::combine(std::move(h), v.AsDouble());
      case Kind::kString:
        return H::combine(std::move(h), v.is_ref()
                                            ? std::get<StrRef>(v.v_).hash
                                            : StringHash(v.AsString()));
      case Kind::kList:
        for (const Value& e : v.AsList()) h = H::combine(std::move(h), e);
        return H::combine(std::move(h), v.AsList().size());
      case Kind::kNode: return H::combine(std::move(h), v.AsNode());
      case Kind::kEdge: return H::combine(std::move(h), v.AsEdge());
    }
    return h;
  }

 private:
  struct StrRef {
    const std::string* s;
    size_t hash;  // StringHash(*s).
    bool operator==(const StrRef& o) const { return s == o.s || *s == *o.s; }
  };
  static constexpr size_t kStrRefIndex = 8;
  std::variant<std::monostate, bool, int64_t, double, std::string,
               std::vector<Value>, NodeRef, EdgeRef, StrRef>
      v_;
};

// Returns the total order used by ORDER BY: <0, 0 or >0. Kinds order as
// list < node < edge < string < bool < number < null (so nulls sort last
// ascending, as in openCypher); integers and floats compare numerically.
int CompareForOrder(const Value& a, const Value& b);

}  // namespace mskg::query

#endif  // MSKG_QUERY_VALUE_H_
