// ingest/verb_forms.cc
#include "ingest/verb_forms.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace mskg::ingest {

extern const char kEmbeddedVerbForms[];

namespace {

// The words of the embedded list, one a line, "#" lines being comments.
// The set's views point into the embedded array, which lives forever.
const absl::flat_hash_set<absl::string_view>& VerbForms() {
  static const auto* const kForms = [] {
    auto* forms = new absl::flat_hash_set<absl::string_view>();
    for (absl::string_view line :
         absl::StrSplit(kEmbeddedVerbForms, '\n', absl::SkipEmpty())) {
      line = absl::StripAsciiWhitespace(line);
      if (!line.empty() && line[0] != '#') forms->insert(line);
    }
    return forms;
  }();
  return *kForms;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

bool IsVerbForm(absl::string_view lower) {
  return VerbForms().contains(lower);
}

std::string GerundOf(absl::string_view verb) {
  std::string v(verb);
  const size_t n = v.size();
  if (n >= 2 && absl::EndsWith(v, "ie")) return v.substr(0, n - 2) + "ying";
  if (n >= 2 && v[n - 1] == 'e' && !IsVowel(v[n - 2]) && v[n - 2] != 'y') {
    return v.substr(0, n - 1) + "ing";
  }
  int vowels = 0;
  for (char c : v) vowels += IsVowel(c) ? 1 : 0;
  if (n >= 3 && vowels == 1 && !IsVowel(v[n - 1]) && IsVowel(v[n - 2]) &&
      !IsVowel(v[n - 3]) && v[n - 1] != 'w' && v[n - 1] != 'x' &&
      v[n - 1] != 'y') {
    return v + v.back() + "ing";
  }
  return v + "ing";
}

}  // namespace mskg::ingest
