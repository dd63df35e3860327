// ingest/verb_forms.h
//
// IsVerbForm(): whether a lower-case word is a form of an English verb that
// is no noun, adjective or adverb ("termed", "introducing", "avoid"; not
// "running", "rest" or "swollen"), from WordNet 3.0 by
// tools/import_wordnet.py (data/words/verb_forms.txt). A name does not
// begin with one: "exploring osteopathy" names osteopathy.
//
// GerundOf(): a verb's -ing form ("sit" -> "sitting"), which names the
// activity ("when you sit too long" -> "sitting too long").
//
// Thread-safety: safe to call from any thread.
#ifndef MSKG_INGEST_VERB_FORMS_H_
#define MSKG_INGEST_VERB_FORMS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mskg::ingest {

bool IsVerbForm(absl::string_view lower);

// The -ing form of a lower-case English verb's base form, by the spelling
// rules: "lie" -> "lying", "see" -> "seeing", "drive" -> "driving"; a
// one-vowel word ending consonant-vowel-consonant doubles its last letter
// ("sit" -> "sitting"); otherwise "-ing" ("twist" -> "twisting").
std::string GerundOf(absl::string_view verb);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_VERB_FORMS_H_
