// util/name_key.h
//
// NameKey: the form under which names and aliases are compared. Lower-cased
// ASCII letters and digits, every other run of bytes a single space, a
// plural "s" dropped from words longer than three letters (not "ss"). This
// is the comparison the evaluation uses, so "Hip Flexors", "hip-flexor" and
// "hip flexor's" are one name.
#ifndef MSKG_UTIL_NAME_KEY_H_
#define MSKG_UTIL_NAME_KEY_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mskg {

// Returns the comparison key of `name`. Non-ASCII bytes separate words,
// except that UTF-8 letters are kept as they are (so "Kùzu" stays one word).
std::string NameKey(absl::string_view name);

// Writes the comparison key of `name` into `*out`, replacing its contents
// and reusing its capacity (no allocation once `*out` has grown enough).
// REQUIRES: `out` does not point into `name`.
void NameKeyInto(absl::string_view name, std::string* out);

}  // namespace mskg

#endif  // MSKG_UTIL_NAME_KEY_H_
