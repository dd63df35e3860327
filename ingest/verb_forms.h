// ingest/verb_forms.h
//
// IsVerbForm(): whether a lower-case word is a form of an English verb that
// is no noun, adjective or adverb ("termed", "introducing", "avoid"; not
// "running", "rest" or "swollen"), from WordNet 3.0 by
// tools/import_wordnet.py (data/words/verb_forms.txt). A name does not
// begin with one: "exploring osteopathy" names osteopathy.
//
// Thread-safety: safe to call from any thread.
#ifndef MSKG_INGEST_VERB_FORMS_H_
#define MSKG_INGEST_VERB_FORMS_H_

#include "absl/strings/string_view.h"

namespace mskg::ingest {

bool IsVerbForm(absl::string_view lower);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_VERB_FORMS_H_
