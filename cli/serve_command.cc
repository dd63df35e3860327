// cli/serve_command.cc: `mskg serve`, the HTTP/JSON API (server/) on the
// store named by --db, until SIGTERM or SIGINT.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "graph/graph_store.h"
#include "ingest/ingester.h"
#include "server/api_handler.h"
#include "server/http_server.h"

namespace mskg::cli {
namespace {

// Reads flag `name` as an integer in [min, max] into `*value` (kept when
// the flag is absent). InvalidArgument otherwise.
absl::Status IntFlag(const CliArgs& args, const char* name, int64_t min,
                     int64_t max, int64_t* value) {
  if (!args.Has(name)) return absl::OkStatus();
  if (!absl::SimpleAtoi(args.Get(name, ""), value) || *value < min ||
      *value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": expected a number from ", min, " to ", max,
                     ", got '", args.Get(name, ""), "'"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("--keys: cannot read ", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Fills `options` from the flags. InvalidArgument for a bad value.
absl::Status ReadServeFlags(const CliArgs& args,
                            server::HttpServerOptions* http,
                            server::ApiOptions* api) {
  http->bind = args.Get("bind", "127.0.0.1");
  int64_t port = 8080, threads = 2, body_mb = 16;
  int64_t io_threads = server::DefaultIoThreads();
  if (absl::Status s = IntFlag(args, "port", 0, 65535, &port); !s.ok())
    return s;
  if (absl::Status s = IntFlag(args, "threads", 1, 256, &threads); !s.ok())
    return s;
  if (absl::Status s = IntFlag(args, "io-threads", 1, 64, &io_threads);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = IntFlag(args, "max-body-mb", 1, 1024, &body_mb);
      !s.ok()) {
    return s;
  }
  http->port = static_cast<int>(port);
  http->threads = static_cast<int>(threads);
  http->io_threads = static_cast<int>(io_threads);
  http->max_body_bytes = static_cast<size_t>(body_mb) << 20;
  http->stop_on_signals = true;
  if (args.Has("keys")) {
    absl::StatusOr<std::string> keys = ReadKeyFile(args.Get("keys", ""));
    if (!keys.ok()) return keys.status();
    api->access.key_file_text = *std::move(keys);
  }
  if (const char* env = std::getenv("MSKG_API_KEYS"); env != nullptr) {
    api->access.key_list_text = env;
  }
  api->access.public_reads = args.Has("public-reads");
  api->access.cors_origins = args.GetAll("cors");
  if (args.Has("rate-limit") &&
      (!absl::SimpleAtod(args.Get("rate-limit", ""), &api->access.rate_limit) ||
       api->access.rate_limit <= 0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--rate-limit: expected a positive number of requests per "
                     "second, got '",
                     args.Get("rate-limit", ""), "'"));
  }
  return absl::OkStatus();
}

}  // namespace

int RunServe(const CliArgs& args) {
  server::HttpServerOptions http;
  server::ApiOptions api;
  if (absl::Status flags = ReadServeFlags(args, &http, &api); !flags.ok()) {
    return ReportError(flags);
  }
  const bool read_only = args.Has("read-only");
  std::unique_ptr<ingest::Ingester> ingester;
  if (!read_only) {
    ingest::IngesterOptions ingester_options;
    ingester_options.lexicon_dir = args.Get("lexicon", "");
    absl::StatusOr<std::unique_ptr<ingest::Ingester>> created =
        ingest::Ingester::Create(ingester_options);
    if (!created.ok()) return ReportError(created.status());
    ingester = *std::move(created);
  }
  graph::GraphStoreOptions store_options;
  store_options.read_only = read_only;
  store_options.create_if_missing = !read_only;
  if (!read_only) {
    std::error_code ignored;
    std::filesystem::create_directories(
        std::filesystem::path(args.db).parent_path(), ignored);
  }
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(args.db, store_options);
  if (!store.ok()) return ReportError(store.status());
  if (ingester != nullptr && !args.Has("no-reference")) {
    // As `mskg ingest` does; unchanged (nothing written) when present.
    absl::StatusOr<graph::DocumentWriteResult> reference =
        (*store)->PutDocument(ingester->ReferenceClaims());
    if (!reference.ok()) return ReportError(reference.status());
  }
  absl::StatusOr<std::unique_ptr<server::ApiHandler>> handler =
      server::ApiHandler::Create(store->get(), ingester.get(), api);
  if (!handler.ok()) return ReportError(handler.status());
  server::ApiHandler* raw = handler->get();
  http.on_shutdown = [raw] { raw->BeginShutdown(); };
  http.quick = [raw](const server::Request& r) { return raw->HandleQuick(r); };
  absl::StatusOr<std::unique_ptr<server::HttpServer>> listening =
      server::HttpServer::Start(
          http, [raw](const server::Request& r) { return raw->Handle(r); });
  if (!listening.ok()) return ReportError(listening.status());
  const auto snapshot = raw->snapshot();
  std::cerr << "mskg: serving " << args.db << " ("
            << snapshot->view->num_nodes() << " nodes, "
            << snapshot->view->num_edges() << " edges"
            << (read_only ? ", read-only" : "") << ") on http://" << http.bind
            << ":" << (*listening)->port() << "/v1/ (explorer: http://"
            << http.bind << ":" << (*listening)->port() << "/) with "
            << http.threads << " worker and " << http.io_threads
            << " I/O threads; SIGTERM or Ctrl-C stops\n";
  std::cout << "listening on " << http.bind << ":" << (*listening)->port()
            << std::endl;
  (*listening)->Wait();
  listening->reset();  // Every request has finished.
  handler->reset();
  store->reset();  // The store closes cleanly.
  std::cerr << "mskg: stopped\n";
  return 0;
}

}  // namespace mskg::cli
