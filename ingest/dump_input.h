// ingest/dump_input.h (private to //ingest's developer tools)
//
// Reads a file given on a developer tool's command line as a document.
#ifndef MSKG_INGEST_DUMP_INPUT_H_
#define MSKG_INGEST_DUMP_INPUT_H_

#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "ingest/document_reader.h"

namespace mskg::ingest {

// The blocks of the file at `path`; NotFound if it cannot be read, the
// errors of ReadDocument() if its bytes are no document.
inline absl::StatusOr<StructuredText> ReadDocumentFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read"));
  std::stringstream bytes;
  bytes << in.rdbuf();
  return ReadDocument(path, bytes.str(), DocumentFormat::kAuto);
}

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_DUMP_INPUT_H_
