// interop/text_escape.h
//
// Quoting and escaping for the export formats, each appending to a string so
// that writers can build a line in one reusable buffer. Text is treated as
// UTF-8: invalid byte sequences become U+FFFD (so that every consumer, which
// all require valid UTF-8, accepts the output); valid non-ASCII passes
// through unchanged.
#ifndef MSKG_INTEROP_TEXT_ESCAPE_H_
#define MSKG_INTEROP_TEXT_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mskg::interop {

// Appends `text` with invalid UTF-8 replaced by U+FFFD.
void AppendValidUtf8(absl::string_view text, std::string* out);

// Appends `text` as a JSON string, quotes included: '"' and '\\' escaped,
// control characters as \n, \t, \r, \b, \f or \u00XX.
void AppendJsonString(absl::string_view text, std::string* out);

// Returns `text` made valid as XML 1.0 character data before entity
// encoding: control characters other than tab, line feed and carriage return
// (which XML 1.0 forbids even as references) become U+FFFD.
std::string XmlSafe(absl::string_view text);

// Appends `text` as a Graphviz double-quoted string, quotes included:
// '"' and '\\' escaped, line breaks as \n (a centred line in a label), other
// control characters as spaces.
void AppendDotString(absl::string_view text, std::string* out);

// Appends `text` as one CSV field in Neo4j's (and RFC 4180's) quoting:
// always quoted, embedded '"' doubled; line breaks kept inside the quotes.
void AppendCsvField(absl::string_view text, std::string* out);

// Appends `text` as an N-Triples / Turtle string literal, quotes included:
// '"', '\\', \n, \r, \t, \b, \f escaped, other controls as \u00XX.
void AppendRdfString(absl::string_view text, std::string* out);

// Appends `text` percent-encoded for an IRI path segment: unreserved ASCII
// (letters, digits, '-', '.', '_', '~') kept, every other byte as %XX.
void AppendPercentEncoded(absl::string_view text, std::string* out);

// Returns `text` with %XX sequences decoded (the inverse of the above).
std::string PercentDecode(absl::string_view text);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_TEXT_ESCAPE_H_
