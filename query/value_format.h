// query/value_format.h
//
// The text forms shared by the public Value (value.h) and the executor's
// ExecValue (exec_value.h), written once so that a value prints the same
// on both sides of the conversion: strings bare at the top level and
// quoted inside lists (ToString) or always quoted (ToLiteral), null as
// "null", lists as "[a, b]", floats in their shortest round-trip form.
//
// Thread-safety: pure functions.
#ifndef MSKG_QUERY_VALUE_FORMAT_H_
#define MSKG_QUERY_VALUE_FORMAT_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace mskg::query {

// Appends `s` in single quotes, with ' and \ escaped by a backslash.
void AppendQuoted(absl::string_view s, std::string* out);

// Appends the shortest form of `d` that reads back as the same double.
void AppendDouble(double d, std::string* out);

// Appends the text form of `v` (quoted strings when `quote`). V is Value
// or ExecValue: the six plain kinds are printed here, any other kind (the
// executor's node and relationship references) by `other(v, out)`.
template <typename V, typename Other>
void AppendValue(const V& v, bool quote, const Other& other, std::string* out) {
  switch (v.kind()) {
    case V::Kind::kNull: out->append("null"); return;
    case V::Kind::kBool: out->append(v.AsBool() ? "true" : "false"); return;
    case V::Kind::kInt: absl::StrAppend(out, v.AsInt()); return;
    case V::Kind::kDouble: AppendDouble(v.AsDouble(), out); return;
    case V::Kind::kString:
      if (quote) {
        AppendQuoted(v.AsString(), out);
      } else {
        absl::StrAppend(out, v.AsString());
      }
      return;
    case V::Kind::kList: {
      out->push_back('[');
      bool first = true;
      for (const V& e : v.AsList()) {
        if (!first) out->append(", ");
        first = false;
        AppendValue(e, true, other, out);
      }
      out->push_back(']');
      return;
    }
    default: other(v, out); return;
  }
}

}  // namespace mskg::query

#endif  // MSKG_QUERY_VALUE_FORMAT_H_
