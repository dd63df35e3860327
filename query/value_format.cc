#include "query/value_format.h"

#include <charconv>
#include <system_error>

namespace mskg::query {

void AppendQuoted(absl::string_view s, std::string* out) {
  out->push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
  out->push_back('\'');
}

void AppendDouble(double d, std::string* out) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), d);
  if (error == std::errc()) {
    out->append(buffer, end);
  } else {
    absl::StrAppend(out, d);
  }
}

}  // namespace mskg::query
