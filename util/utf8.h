// util/utf8.h
//
// Validation of UTF-8 text (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), for input that must be text: query strings,
// parameters.
#ifndef MSKG_UTIL_UTF8_H_
#define MSKG_UTIL_UTF8_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace mskg {

// Returns the offset of the first byte of `text` that does not start a
// valid UTF-8 sequence, or absl::string_view::npos if all of it is valid.
size_t FirstInvalidUtf8(absl::string_view text);

}  // namespace mskg

#endif  // MSKG_UTIL_UTF8_H_
