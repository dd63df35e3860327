// server/fuzz/request_fuzzer.cc: a libFuzzer target for ApiHandler::Handle,
// the whole API behind the HTTP parser (Beast's parser is fuzzed upstream):
// method, target, headers and body from the input, against a small store
// (the lexicon's reference anatomy), served read-only so that each input
// costs a request and not a snapshot rebuild. Input: the method on the
// first line, the target on the second, "Name: value" header lines, an
// empty line, then the body.
//
// With clang (the fuzzing build; see README "Serving"):
//   clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address ... (fuzz.sh)
// With the default toolchain, replay_main.cc runs the seeds as a test.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/graph_store.h"
#include "ingest/ingester.h"
#include "server/api_handler.h"

namespace {

mskg::server::ApiHandler* Handler() {
  static mskg::server::ApiHandler* handler = [] {
    const char* tmp = std::getenv("TEST_TMPDIR");
    const std::string dir = absl::StrCat(tmp != nullptr ? tmp : "/tmp",
                                         "/mskg_request_fuzzer_store");
    std::filesystem::remove_all(dir);
    auto ingester = mskg::ingest::Ingester::Create().value();
    auto* store = mskg::graph::GraphStore::Open(dir).value().release();
    if (!store->PutDocument(ingester->ReferenceClaims()).ok()) std::abort();
    mskg::server::ApiOptions options;
    options.access.cors_origins = {"https://app.example"};
    options.default_timeout = absl::Milliseconds(200);
    options.max_timeout = absl::Milliseconds(200);
    options.max_intermediate_rows = 200000;
    return mskg::server::ApiHandler::Create(store, nullptr, options)
        .value()
        .release();
  }();
  return handler;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  mskg::server::Request request;
  request.remote = "fuzzer";
  const size_t blank = input.find("\n\n");
  absl::string_view head = input.substr(0, blank);
  if (blank != absl::string_view::npos)
    request.body = std::string(input.substr(blank + 2));
  int line = 0;
  for (absl::string_view text : absl::StrSplit(head, '\n')) {
    if (line == 0) {
      request.method = std::string(text);
    } else if (line == 1) {
      request.target = std::string(text);
    } else {
      std::pair<absl::string_view, absl::string_view> field =
          absl::StrSplit(text, absl::MaxSplits(':', 1));
      request.headers.emplace_back(
          std::string(field.first),
          std::string(absl::StripAsciiWhitespace(field.second)));
    }
    ++line;
  }
  mskg::server::Response response = Handler()->Handle(request);
  if (response.status < 100 || response.status > 599) std::abort();
  return 0;
}
