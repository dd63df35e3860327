// ingest/verb_forms.cc
#include "ingest/verb_forms.h"

#include "absl/container/flat_hash_set.h"
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

}  // namespace

bool IsVerbForm(absl::string_view lower) {
  return VerbForms().contains(lower);
}

}  // namespace mskg::ingest
