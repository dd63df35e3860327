// server/static_files.h
//
// The explorer page (server/explorer/) as `mskg serve` sends it: files
// built into the binary (server/embed_files.sh), looked up by exact URL
// path, so no request can name anything else (no file system access, no
// directory traversal). Each answer carries its Content-Type, an ETag with
// "Cache-Control: no-cache" (browsers revalidate, and get a 304 while the
// binary is the same), and a Content-Security-Policy that allows scripts,
// styles and fetches from the server's own origin only.
//
// Thread-safety: pure functions over immutable data.
#ifndef MSKG_SERVER_STATIC_FILES_H_
#define MSKG_SERVER_STATIC_FILES_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "server/http_message.h"

namespace mskg::server {

struct EmbeddedFile {
  absl::string_view path;  // The URL path: "/", "/explorer.js", ...
  absl::string_view etag;  // Quoted, as sent: "\"0123abcd...\"".
  absl::string_view contents;
};

// The built-in files (generated: server/embed_files.sh).
absl::Span<const EmbeddedFile> EmbeddedFiles();

// Returns the file served at `path` (the raw request path), or null.
const EmbeddedFile* FindStaticFile(absl::string_view path);

// Returns the Content-Type of the file at `path`, by its extension.
absl::string_view ContentTypeFor(absl::string_view path);

// Returns the response to a GET of `file`: 200 with the contents, or 304
// without them when `request`'s If-None-Match names the file's ETag.
Response StaticResponse(const EmbeddedFile& file, const Request& request);

}  // namespace mskg::server

#endif  // MSKG_SERVER_STATIC_FILES_H_
