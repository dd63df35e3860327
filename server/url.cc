#include "server/url.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "util/utf8.h"

namespace mskg::server {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string Target::Param(absl::string_view name,
                          absl::string_view fallback) const {
  for (auto it = query.rbegin(); it != query.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return std::string(fallback);
}

absl::StatusOr<std::string> PercentDecode(absl::string_view text,
                                          bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int hi = i + 2 < text.size() ? HexDigit(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? HexDigit(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("bad percent escape at byte ", i, " of the URL"));
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (out.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("the URL holds a NUL byte");
  }
  if (FirstInvalidUtf8(out) != absl::string_view::npos) {
    return absl::InvalidArgumentError("the URL does not decode to UTF-8");
  }
  return out;
}

absl::StatusOr<Target> ParseTarget(absl::string_view target) {
  if (target.empty() || target[0] != '/') {
    return absl::InvalidArgumentError("the request target must start with '/'");
  }
  Target parsed;
  const size_t question = target.find('?');
  parsed.raw_path = std::string(target.substr(0, question));
  if (question == absl::string_view::npos) return parsed;
  for (absl::string_view pair :
       absl::StrSplit(target.substr(question + 1), '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    absl::StatusOr<std::string> key = PercentDecode(kv.first, true);
    if (!key.ok()) return key.status();
    absl::StatusOr<std::string> value = PercentDecode(kv.second, true);
    if (!value.ok()) return value.status();
    parsed.query.emplace_back(*std::move(key), *std::move(value));
  }
  return parsed;
}

}  // namespace mskg::server
