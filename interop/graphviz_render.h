// interop/graphviz_render.h
//
// Renders DOT text to SVG or PNG by running Graphviz's `dot` program
// (Debian package graphviz). The DOT text goes through a temporary file and
// `dot` is started directly (posix_spawnp, no shell), so no name in the
// graph can reach a command line.
#ifndef MSKG_INTEROP_GRAPHVIZ_RENDER_H_
#define MSKG_INTEROP_GRAPHVIZ_RENDER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace mskg::interop {

struct RenderResult {
  // What `dot` printed on standard error (warnings); empty when clean.
  std::string warnings;
};

// Returns "svg" or "png" from the extension of `path` (any case).
// InvalidArgument for other extensions.
absl::StatusOr<std::string> RenderFormatForPath(absl::string_view path);

// Runs `dot -T<format> -o <output_path>` on `dot_text`. `format` is "svg" or
// "png" (InvalidArgument otherwise). `dot_program` is looked up on PATH
// unless it has a '/'. FailedPrecondition if it cannot be started (Graphviz
// not installed); Internal if it fails, with its message. Past `timeout`
// `dot` is killed and the partial output removed: DeadlineExceeded (a
// layout's time grows fast with edges, and some never end in patience).
absl::StatusOr<RenderResult> RenderDot(
    absl::string_view dot_text, absl::string_view format,
    const std::string& output_path, const std::string& dot_program = "dot",
    absl::Duration timeout = absl::InfiniteDuration());

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_GRAPHVIZ_RENDER_H_
