// ingest/word_set.h
//
// In(): whether a word is one of a short literal set, the test every cue
// rule and the linker's state words make. Private to //ingest.
#ifndef MSKG_INGEST_WORD_SET_H_
#define MSKG_INGEST_WORD_SET_H_

#include <cstring>
#include <initializer_list>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {

// Whether `w` is one of `set`. Compares length and first byte before the
// bytes (this is on the hot path of every rule).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool In(
    absl::string_view w, std::initializer_list<absl::string_view> set) {
  if (w.empty()) return false;
  for (absl::string_view s : set) {
    if (s.size() == w.size() && s[0] == w[0] &&
        std::memcmp(s.data(), w.data(), w.size()) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_WORD_SET_H_
