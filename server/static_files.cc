#include "server/static_files.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace mskg::server {
namespace {

// Everything from our own origin, nothing inline, nothing from elsewhere:
// the page inserts graph data (names, sentences) into the DOM, and this is
// the second line of defence should one ever be read as markup. Cytoscape's
// canvases are styled through the CSSOM, which style-src does not govern.
constexpr absl::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

// Whether If-None-Match (a list of ETags, or "*") matches `etag`.
bool Matches(absl::string_view if_none_match, absl::string_view etag) {
  for (absl::string_view tag : absl::StrSplit(if_none_match, ',')) {
    tag = absl::StripAsciiWhitespace(tag);
    absl::ConsumePrefix(&tag, "W/");  // Weak comparison, as RFC 9110 asks.
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

const EmbeddedFile* FindStaticFile(absl::string_view path) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

absl::string_view ContentTypeFor(absl::string_view path) {
  const absl::string_view name = path.substr(path.rfind('/') + 1);
  if (name.empty() || absl::EndsWith(name, ".html")) {
    return "text/html; charset=utf-8";
  }
  if (absl::EndsWith(name, ".js")) return "text/javascript; charset=utf-8";
  if (absl::EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (absl::EndsWith(name, ".png")) return "image/png";
  if (absl::EndsWith(name, ".svg")) return "image/svg+xml";
  return "text/plain; charset=utf-8";  // README, LICENSE-...
}

Response StaticResponse(const EmbeddedFile& file, const Request& request) {
  Response response;
  // The names carry no version, so a browser must ask each time whether a
  // file changed; the ETag makes the answer a bodiless 304 while it has not.
  response.SetHeader("Cache-Control", "no-cache");
  response.SetHeader("ETag", std::string(file.etag));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  if (Matches(request.Header("If-None-Match"), file.etag)) {
    response.status = 304;
    return response;
  }
  response.SetHeader("Content-Type", std::string(ContentTypeFor(file.path)));
  response.SetHeader("Content-Security-Policy",
                     std::string(kContentSecurityPolicy));
  response.SetHeader("Referrer-Policy", "no-referrer");
  response.SetHeader("X-Frame-Options", "DENY");
  response.body = std::string(file.contents);
  return response;
}

}  // namespace mskg::server
