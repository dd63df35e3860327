// server/http_server.h
//
// HttpServer: HTTP/1.1 over Boost.Beast/Asio, asynchronous, so that an idle
// or slow client holds a socket and a timer but no thread. It reads a
// request's header within a deadline and its body within another (then 408
// and close), refuses headers and bodies past their limits (413), keeps
// connections alive between requests (closing those idle too long), and
// hands each whole request to the handler on one of its worker threads,
// so a slow handler delays no other connection.
//
// Shutdown() (or SIGTERM/SIGINT with `stop_on_signals`) stops accepting,
// closes connections waiting for a request, lets requests being read or
// answered finish (up to `drain_timeout`), and Wait() then returns.
//
// Thread-safety: Shutdown() and port() may be called from any thread; the
// handler is called from the server's threads, concurrently.
#ifndef MSKG_SERVER_HTTP_SERVER_H_
#define MSKG_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/http_message.h"

namespace mskg::server {

class Session;

using Handler = std::function<Response(const Request&)>;
// Answers a request, or declines it (nullopt) for the Handler to answer.
using QuickHandler = std::function<std::optional<Response>(const Request&)>;

// Returns min(2, the machine's cores), at least 1.
int DefaultIoThreads();

struct HttpServerOptions {
  // Address to listen on. Default: loopback only.
  std::string bind = "127.0.0.1";
  // Port; 0 picks a free one (see port()). Default: 8080.
  int port = 8080;
  // Threads running the handlers (the I/O has threads of its own).
  // Default: 2.
  int threads = 2;
  // Threads doing the I/O, and answering what the quick handler answers;
  // 1 to 64. Two keep cached pages answered while the other is preempted
  // (on a loaded machine, a single I/O thread's p99 was the scheduler's
  // time slice). Default: DefaultIoThreads().
  int io_threads = DefaultIoThreads();
  // Largest request body (413 past it). Default: 16 MiB, the ingester's
  // largest document.
  size_t max_body_bytes = size_t{16} << 20;
  // Largest request line plus header fields (413). Default: 16 KiB.
  size_t max_header_bytes = size_t{16} << 10;
  // Time a request's header may take to arrive from its first byte (or from
  // the connection for the first request); past it, 408. Default: 10 s.
  absl::Duration header_timeout = absl::Seconds(10);
  // Time the body may take after the header (408). Default: 30 s.
  absl::Duration body_timeout = absl::Seconds(30);
  // Time a kept-alive connection may wait for its next request before it
  // is closed. Default: 30 s.
  absl::Duration idle_timeout = absl::Seconds(30);
  // Time a response may take to be sent. Default: 30 s.
  absl::Duration write_timeout = absl::Seconds(30);
  // On shutdown, time given to requests in flight. Default: 30 s.
  absl::Duration drain_timeout = absl::Seconds(30);
  // Shut down on SIGTERM or SIGINT. Default: false.
  bool stop_on_signals = false;
  // Called once when shutdown begins (before connections close), e.g. to
  // make /v1/health say so. Default: none.
  std::function<void()> on_shutdown;
  // Called first, on the I/O thread, for every request: answers it if it
  // can at once, without blocking (a cached page, say), or declines it
  // (nullopt), and then the handler answers it on a worker. Answering here
  // saves the hop to a worker and back (two thread wake-ups per request,
  // most of the cost of a small response on a busy machine) and the
  // hang-up watch. Must be quick and must not block. Default: none (every
  // request goes to a worker).
  QuickHandler quick;
};

class HttpServer {
 public:
  // Listens and starts the threads. InvalidArgument for a bad address or
  // option; FailedPrecondition if the port cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      const HttpServerOptions& options, Handler handler);
  ~HttpServer();  // Shutdown(), then Wait().

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The port listened on.
  int port() const;
  // Begins a graceful shutdown and returns at once.
  void Shutdown();
  // Returns when the server has stopped (after a shutdown has drained).
  void Wait();

 private:
  class Impl;
  friend class Session;  // A connection, in http_server.cc.
  explicit HttpServer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace mskg::server

#endif  // MSKG_SERVER_HTTP_SERVER_H_
