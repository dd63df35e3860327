// ingest/utf8_text.h
//
// UTF-8 for the document readers (private to :document_reader): the checks
// ValidateText (document_reader.h) makes, and encoding a code point (the
// HTML reader's entities).
#ifndef MSKG_INGEST_UTF8_TEXT_H_
#define MSKG_INGEST_UTF8_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace mskg::ingest {

// Appends the UTF-8 encoding of code point `cp` to `out`; nothing past
// U+10FFFF.
void AppendUtf8(uint32_t cp, std::string* out);

// Returns the encoding a UTF-16 or UTF-32 byte order mark at the start of
// `bytes` announces, or "" (UTF-32 first: its LE mark starts like UTF-16's).
absl::string_view WideEncoding(absl::string_view bytes);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_UTF8_TEXT_H_
