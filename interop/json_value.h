// interop/json_value.h
//
// A small JSON (RFC 8259) parser for reading JSON Lines back: one value in,
// a tree out. Strings are decoded to UTF-8 (\u escapes, surrogate pairs
// included); raw bytes in them must be UTF-8 already. Numbers keep their
// text and a double.
#ifndef MSKG_INTEROP_JSON_VALUE_H_
#define MSKG_INTEROP_JSON_VALUE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::interop {

struct JsonMember;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;  // kString: the string; kNumber: the literal.
  std::vector<JsonValue> items;
  // Not std::pair<std::string, JsonValue>: a pair needs JsonValue complete
  // here, which libstdc++ with clang (the fuzz build) enforces.
  std::vector<JsonMember> members;

  // Returns the member named `name`, or nullptr (also for non-objects).
  const JsonValue* Find(absl::string_view name) const;
};

struct JsonMember {
  std::string first;  // The name.
  JsonValue second;
};

// Parses `text` as exactly one JSON value. InvalidArgument, with the byte
// offset, if it is not one (invalid UTF-8 in a string and leading zeros in
// a number included).
absl::StatusOr<JsonValue> ParseJson(absl::string_view text);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_JSON_VALUE_H_
