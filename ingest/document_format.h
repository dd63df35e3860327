// ingest/document_format.h
//
// DocumentFormat: the formats ingest reads, and the format a file's name
// announces. Apart from document_reader.h so that ingester.h need not
// include the readers.
//
// Thread-safety: pure functions.
#ifndef MSKG_INGEST_DOCUMENT_FORMAT_H_
#define MSKG_INGEST_DOCUMENT_FORMAT_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {

// kAuto: from the name's extension, else from the content (see
// ReadDocument in document_reader.h).
enum class DocumentFormat { kAuto, kText, kMarkdown, kHtml };

// Returns the format named by `path`'s extension (.txt, .md/.markdown,
// .html/.htm; case-insensitive). InvalidArgument "<path>: unsupported file
// type" otherwise.
absl::StatusOr<DocumentFormat> FormatFromPath(absl::string_view path);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_DOCUMENT_FORMAT_H_
