// ingest/document_format.cc: formats by file name.
#include "ingest/document_format.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"

namespace mskg::ingest {
namespace {

absl::string_view Extension(absl::string_view path) {
  size_t slash = path.find_last_of('/');
  absl::string_view base =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == absl::string_view::npos || dot == 0) return "";
  return base.substr(dot + 1);
}

}  // namespace

absl::StatusOr<DocumentFormat> FormatFromPath(absl::string_view path) {
  const std::string ext = absl::AsciiStrToLower(Extension(path));
  if (ext == "txt" || ext == "text") return DocumentFormat::kText;
  if (ext == "md" || ext == "markdown") return DocumentFormat::kMarkdown;
  if (ext == "html" || ext == "htm") return DocumentFormat::kHtml;
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: unsupported file type", path));
}

}  // namespace mskg::ingest
