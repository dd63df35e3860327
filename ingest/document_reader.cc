// ingest/document_reader.cc: ReadDocument, which validates a document and
// hands it to the reader of its format (plain_text_reader.cc,
// markdown_reader.cc, html_reader.cc; UTF-8 checks in utf8_text.cc).
#include "ingest/document_reader.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/reader_support.h"

namespace mskg::ingest {

absl::StatusOr<StructuredText> ReadDocument(absl::string_view name,
                                            absl::string_view bytes,
                                            DocumentFormat format) {
  absl::Status valid = ValidateText(name, bytes);
  if (!valid.ok()) return valid;
  if (format == DocumentFormat::kAuto) {
    absl::StatusOr<DocumentFormat> by_name = FormatFromPath(name);
    if (by_name.ok()) {
      format = *by_name;
    } else {
      absl::string_view head = absl::StripLeadingAsciiWhitespace(bytes);
      format = absl::StartsWith(head, "<") ? DocumentFormat::kHtml
                                           : DocumentFormat::kText;
    }
  }
  // A UTF-8 byte order mark is not text.
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
    std::string copy(bytes);
    copy.replace(0, 3, "   ");
    switch (format) {
      case DocumentFormat::kMarkdown:
        return ReadMarkdown(copy);
      case DocumentFormat::kHtml:
        return ReadHtml(copy);
      default:
        return ReadPlainText(copy);
    }
  }
  switch (format) {
    case DocumentFormat::kMarkdown:
      return ReadMarkdown(bytes);
    case DocumentFormat::kHtml:
      return ReadHtml(bytes);
    default:
      return ReadPlainText(bytes);
  }
}

}  // namespace mskg::ingest
