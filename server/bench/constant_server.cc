// server/bench/constant_server.cc: the HTTP server (http_server.h) with a
// handler that returns a constant, the ceiling of `mskg serve`'s figures on
// this machine: what the transport costs without the API behind it.
//   constant_server PORT [THREADS [IO_THREADS]]
#include <cstdlib>
#include <iostream>

#include "server/http_server.h"

int main(int argc, char** argv) {
  mskg::server::HttpServerOptions options;
  options.port = argc > 1 ? std::atoi(argv[1]) : 8081;
  options.threads = argc > 2 ? std::atoi(argv[2]) : 2;
  if (argc > 3) options.io_threads = std::atoi(argv[3]);
  options.stop_on_signals = true;
  auto constant = [](const mskg::server::Request&) {
    mskg::server::Response response;
    response.SetHeader("Content-Type", "application/json");
    response.body = "{\"status\":\"ok\"}\n";
    return response;
  };
  // As `mskg serve` answers cached pages: on the I/O threads.
  options.quick = constant;
  auto server = mskg::server::HttpServer::Start(options, constant);
  if (!server.ok()) {
    std::cerr << server.status().message() << "\n";
    return 1;
  }
  (*server)->Wait();
  return 0;
}
