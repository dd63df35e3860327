// query/exec_value.h
//
// ExecValue: the executor's value (private to //query). Besides the kinds
// of the public Value (null, boolean, integer, float, string, list) it holds
// nodes and relationships as indices into the GraphView, and strings by
// reference (ExecValue::Ref): a node's name or alias borrowed from the
// snapshot (query/node_names.h), or a parameter's string, so that rows copy
// no name until the engine hands them out. Such a value is a string in
// every respect (kind, comparison, hash); it must not outlive the bytes it
// points at. A reference is a pointer and a length, not a std::string*, so
// the snapshot may keep its names in any contiguous form.
//
// Rows become public Values once, when they leave the executor
// (to_public.h). ExecValues compare and hash structurally, so DISTINCT and
// grouping treat two nulls as equal; the three-valued Cypher comparison
// lives in the expression evaluator.
//
// Thread-safety: a plain value type.
#ifndef MSKG_QUERY_EXEC_VALUE_H_
#define MSKG_QUERY_EXEC_VALUE_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "query/value.h"

namespace mskg::query {

class ExecValue {
 public:
  // The public kinds first, in Value::Kind's order (kind() relies on it).
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kList, kNode, kEdge };

  ExecValue() = default;  // Null.
  ExecValue(bool b) : v_(b) {}                                     // NOLINT
  ExecValue(int v) : v_(static_cast<int64_t>(v)) {}                // NOLINT
  ExecValue(int64_t v) : v_(v) {}                                  // NOLINT
  ExecValue(double v) : v_(v) {}                                   // NOLINT
  ExecValue(std::string s) : v_(std::move(s)) {}                   // NOLINT
  ExecValue(absl::string_view s) : v_(std::string(s)) {}           // NOLINT
  ExecValue(const char* s) : v_(std::string(s)) {}                 // NOLINT
  ExecValue(std::vector<ExecValue> list) : v_(std::move(list)) {}  // NOLINT
  static ExecValue Node(uint32_t v) { ExecValue r; r.v_ = NodeRef{v}; return r; }
  static ExecValue Edge(uint32_t e) { ExecValue r; r.v_ = EdgeRef{e}; return r; }
  // Returns a string value that refers to the bytes of `s` without copying
  // them. REQUIRES: they outlive the value and its copies.
  static ExecValue Ref(absl::string_view s) { return Ref(s, StringHash(s)); }
  // Same, with the string's hash already known (graph::OwnedName::hash).
  // REQUIRES: hash == StringHash(s).
  static ExecValue Ref(absl::string_view s, size_t hash) {
    ExecValue r;
    r.v_ = StrRef{s.data(), s.size(), hash};
    return r;
  }
  // Returns `v` as an ExecValue whose strings refer to those of `v`
  // (parameters, which outlive the execution). REQUIRES: `v` outlives it.
  static ExecValue Borrow(const Value& v);
  // Returns `v` as an ExecValue that owns its strings (query literals).
  static ExecValue Copy(const Value& v);
  // The hash a string contributes to AbslHashValue (a reference carries
  // it, so hashing a name does not read the name).
  static size_t StringHash(absl::string_view s) {
    return absl::Hash<absl::string_view>()(s);
  }

  Kind kind() const {
    return v_.index() == kStrRefIndex ? Kind::kString : static_cast<Kind>(v_.index());
  }
  // Whether this is a string held by reference (see Ref).
  bool is_ref() const { return v_.index() == kStrRefIndex; }
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
  absl::string_view AsString() const {
    if (is_ref()) return std::get<StrRef>(v_).view();
    return std::get<std::string>(v_);
  }
  // The bytes an owned string holds (0 for a reference and other kinds):
  // what the memory bound counts.
  size_t OwnedStringBytes() const {
    const std::string* s = std::get_if<std::string>(&v_);
    return s == nullptr ? 0 : s->capacity();
  }
  const std::vector<ExecValue>& AsList() const {
    return std::get<std::vector<ExecValue>>(v_);
  }
  // The list, to be taken apart (the conversion to public values).
  std::vector<ExecValue>&& TakeList() && {
    return std::move(std::get<std::vector<ExecValue>>(v_));
  }
  // The string, to be moved out. REQUIRES: is_string() && !is_ref().
  std::string&& TakeString() && { return std::move(std::get<std::string>(v_)); }
  uint32_t AsNode() const { return std::get<NodeRef>(v_).index; }
  uint32_t AsEdge() const { return std::get<EdgeRef>(v_).index; }

  // Returns a display form: strings bare at the top level and quoted inside
  // lists, null as "null", lists as "[a, b]", nodes "node#N" and
  // relationships "edge#N" (the engine prints names instead).
  std::string ToString() const;
  // Returns a Cypher-literal form: strings always quoted.
  std::string ToLiteral() const;

  // Equivalence, which grouping, DISTINCT and count(DISTINCT) key on (the
  // openCypher `=` is CypherEquals, three-valued): as `=`, except that NaN
  // is equivalent to NaN, so that a NaN key is one group, not one per row
  // (and a hash table's lookup finds the key it stored).
  friend bool operator==(const ExecValue& a, const ExecValue& b) {
    if (a.is_ref() || b.is_ref()) {
      return a.is_string() && b.is_string() &&
             a.AsString() == b.AsString();
    }
    if (a.kind() == Kind::kDouble && b.kind() == Kind::kDouble) {
      const double x = a.AsDouble(), y = b.AsDouble();
      return x == y || (std::isnan(x) && std::isnan(y));
    }
    return a.v_ == b.v_;
  }
  friend bool operator!=(const ExecValue& a, const ExecValue& b) { return !(a == b); }

  template <typename H>
  friend H AbslHashValue(H h, const ExecValue& v) {
    h = H::combine(std::move(h), static_cast<size_t>(v.kind()));
    switch (v.kind()) {
      case Kind::kNull: return h;
      case Kind::kBool: return H::combine(std::move(h), v.AsBool());
      case Kind::kInt: return H::combine(std::move(h), v.AsInt());
      case Kind::kDouble: {
        // Every NaN (whatever its sign or payload) hashes as one, as they
        // are equivalent; Abseil already hashes -0.0 as 0.0.
        const double d = v.AsDouble();
        return H::combine(
            std::move(h),
            std::isnan(d) ? std::numeric_limits<double>::quiet_NaN() : d);
      }
      case Kind::kString:
        return H::combine(std::move(h), v.is_ref()
                                            ? std::get<StrRef>(v.v_).hash
                                            : StringHash(v.AsString()));
      case Kind::kList:
        for (const ExecValue& e : v.AsList()) h = H::combine(std::move(h), e);
        return H::combine(std::move(h), v.AsList().size());
      case Kind::kNode: return H::combine(std::move(h), v.AsNode());
      case Kind::kEdge: return H::combine(std::move(h), v.AsEdge());
    }
    return h;
  }

 private:
  struct NodeRef {
    uint32_t index;
    bool operator==(const NodeRef& o) const { return index == o.index; }
  };
  struct EdgeRef {
    uint32_t index;
    bool operator==(const EdgeRef& o) const { return index == o.index; }
  };
  struct StrRef {
    const char* data;
    size_t size;
    size_t hash;  // StringHash(view()).
    absl::string_view view() const { return absl::string_view(data, size); }
    bool operator==(const StrRef& o) const { return view() == o.view(); }
  };
  // The alternatives up to kEdge are in Kind's order; a reference is last.
  static constexpr size_t kStrRefIndex = 8;
  std::variant<std::monostate, bool, int64_t, double, std::string,
               std::vector<ExecValue>, NodeRef, EdgeRef, StrRef>
      v_;
};

// Returns the total order used by ORDER BY: <0, 0 or >0. Kinds order as
// list < node < edge < string < bool < number < null (so nulls sort last
// ascending, as in openCypher); integers and floats compare numerically.
int CompareForOrder(const ExecValue& a, const ExecValue& b);

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXEC_VALUE_H_
