// ingest/tokenizer.h
//
// Splits sentence text into word and punctuation tokens. A word's `norm` is
// the comparison form of util/name_key.h (lower case, plural "s" dropped
// from words longer than three letters, possessive "'s" dropped), so that
// lexicon names and running text compare alike; hyphens inside words split
// them ("side-lying" = "side lying"). An all-capitals abbreviation with a
// plural "s" ("QLs", "NSAIDs") drops it too.
//
// Thread-safety: stateless; safe from any thread.
#ifndef MSKG_INGEST_TOKENIZER_H_
#define MSKG_INGEST_TOKENIZER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mskg::ingest {

struct Token {
  size_t begin = 0;  // Byte range in the tokenized text.
  size_t end = 0;
  bool is_word = false;
  bool capitalized = false;  // First letter upper case.
  bool all_caps = false;     // At least two letters, all upper case.
  bool possessive = false;   // Followed by a possessive "'s" (dropped).
  std::string lower;         // Lower case (apostrophes as ASCII '), or the
                             // punctuation ("-" for every dash).
  std::string norm;          // Comparison form (words only).
};

std::vector<Token> Tokenize(absl::string_view text);

// Returns the comparison key of a name: the norms of its words joined by
// single spaces (equal to mskg::NameKey for ASCII names).
std::string TokenKey(absl::string_view name);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_TOKENIZER_H_
