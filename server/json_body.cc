#include "server/json_body.h"

#include <exception>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "util/utf8.h"

namespace mskg::server {
namespace {

// Returns "line:col" (1-based) of byte `offset` of `text`.
std::string Position(absl::string_view text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return absl::StrFormat("%d:%d", line, column);
}

// Returns the offset of the first bracket nested deeper than `max_depth`,
// or npos: checked before parsing, so that the parser (recursive for
// values) never sees a body of a million '['.
size_t TooDeep(absl::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return absl::string_view::npos;
}

}  // namespace

absl::StatusOr<Json> ParseJsonObject(absl::string_view body,
                                     const JsonLimits& limits) {
  if (body.size() > limits.max_bytes) {
    // "too large: " makes it a 413 (server/responses.h).
    return absl::ResourceExhaustedError(
        absl::StrCat("too large: the JSON body has ", body.size(),
                     " bytes; at most ", limits.max_bytes, " are read"));
  }
  if (size_t bad = FirstInvalidUtf8(body); bad != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        Position(body, bad), ": the JSON body is not valid UTF-8"));
  }
  if (size_t deep = TooDeep(body, limits.max_depth);
      deep != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(Position(body, deep), ": JSON nested deeper than ",
                     limits.max_depth, " levels"));
  }
  Json json;
  try {
    json = Json::parse(body.begin(), body.end());
  } catch (const Json::parse_error& error) {
    // error.byte is 1-based, the byte at which parsing stopped.
    const size_t at = error.byte > 0 ? error.byte - 1 : 0;
    std::string what = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2:
    // syntax error ..." -> keep what follows the position.
    if (size_t colon = what.find(": "); colon != std::string::npos) {
      what = what.substr(colon + 2);
    }
    return absl::InvalidArgumentError(
        absl::StrCat(Position(body, at), ": invalid JSON: ", what));
  } catch (const std::exception& error) {
    return absl::InvalidArgumentError(
        absl::StrCat("1:1: invalid JSON: ", error.what()));
  }
  if (!json.is_object()) {
    return absl::InvalidArgumentError(
        "1:1: the body must be a JSON object, e.g. {\"query\": \"...\"}");
  }
  return json;
}

absl::StatusOr<std::string> StringField(const Json& object,
                                        absl::string_view name,
                                        absl::string_view fallback) {
  auto it = object.find(std::string(name));
  if (it == object.end() || it->is_null()) return std::string(fallback);
  if (!it->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat("field '", name, "' must be a string"));
  }
  return it->get_ref<const std::string&>();
}

absl::StatusOr<bool> BoolField(const Json& object, absl::string_view name,
                               bool fallback) {
  auto it = object.find(std::string(name));
  if (it == object.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) {
    return absl::InvalidArgumentError(
        absl::StrCat("field '", name, "' must be true or false"));
  }
  return it->get<bool>();
}

absl::StatusOr<int64_t> IntField(const Json& object, absl::string_view name,
                                 int64_t fallback, int64_t min, int64_t max) {
  auto it = object.find(std::string(name));
  if (it == object.end() || it->is_null()) return fallback;
  int64_t value = 0;
  // Unsigned first: is_number_integer() is true for unsigned numbers too,
  // and get<int64_t>() wraps those past INT64_MAX to negative values.
  if (it->is_number_unsigned()) {
    const uint64_t u = it->get<uint64_t>();
    if (max < 0 || u > static_cast<uint64_t>(max)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "field '", name, "' must be between ", min, " and ", max));
    }
    value = static_cast<int64_t>(u);
  } else if (it->is_number_integer()) {
    value = it->get<int64_t>();
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("field '", name, "' must be an integer"));
  }
  if (value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("field '", name, "' must be between ", min, " and ", max));
  }
  return value;
}

std::string DumpJson(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace mskg::server
