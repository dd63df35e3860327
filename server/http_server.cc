#include "server/http_server.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/asio/dispatch.hpp"
#include "boost/asio/executor_work_guard.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/signal_set.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/thread_pool.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "query/cancellation.h"
#include "server/responses.h"

namespace mskg::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// One thread runs each I/O context, and a session lives on one context, so
// the context's plain executor serialises the session's handlers: no
// strand (and no type-erased executor) is needed.
using Executor = asio::io_context::executor_type;
using Socket = asio::basic_stream_socket<tcp, Executor>;
using Timer =
    asio::basic_waitable_timer<Clock, asio::wait_traits<Clock>, Executor>;

Clock::duration ToChrono(absl::Duration d) {
  return std::chrono::microseconds(absl::ToInt64Microseconds(d));
}

// Statuses whose responses have neither body nor Content-Length.
bool BodilessStatus(int status) {
  return (status >= 100 && status < 200) || status == 204 || status == 304;
}

// Appends the status line and header of `response` to `*out`, as Beast's
// serializer writes them (http::response::prepare_payload, keep_alive):
// a Content-Length except on 1xx, 204 and 304, "Connection: close" on an
// HTTP/1.1 response that closes, "Connection: keep-alive" on an HTTP/1.0
// one that does not.
void AppendHeader(const Response& response, bool keep_alive, unsigned version,
                  std::string* out) {
  const auto status = static_cast<http::status>(response.status);
  const beast::string_view reason = http::obsolete_reason(status);
  absl::StrAppend(out, "HTTP/", version / 10, ".", version % 10, " ",
                  response.status, " ",
                  absl::string_view(reason.data(), reason.size()),
                  "\r\nServer: mskg\r\n");
  for (const auto& [name, value] : response.headers) {
    absl::StrAppend(out, name, ": ", value, "\r\n");
  }
  if (!BodilessStatus(response.status)) {
    absl::StrAppend(out, "Content-Length: ", response.Body().size(), "\r\n");
  }
  if (version >= 11 && !keep_alive) {
    out->append("Connection: close\r\n");
  } else if (version < 11 && keep_alive) {
    out->append("Connection: keep-alive\r\n");
  }
  out->append("\r\n");
}

}  // namespace

int DefaultIoThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores >= 2 ? 2 : 1;  // 0: unknown.
}

class Session;

class HttpServer::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(const HttpServerOptions& options, Handler handler)
      : options_(options),
        handler_(std::move(handler)),
        io_(MakeContexts(options.io_threads)),
        workers_(static_cast<size_t>(std::max(1, options.threads))),
        acceptor_(*io_[0]),
        signals_(*io_[0]),
        drain_timer_(*io_[0]) {
    // Contexts without a connection yet must not return from run().
    for (auto& ioc : io_) work_.emplace_back(ioc->get_executor());
  }

  absl::Status Listen();
  void Run();
  void Shutdown();
  void Wait() {
    std::lock_guard<std::mutex> lock(join_mu_);
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
    workers_.join();  // Handlers still running past a drain timeout.
  }
  asio::thread_pool& workers() { return workers_; }
  int port() const { return port_; }

  // Sessions call these; `Closing()` tells them to end after the response.
  void Register(uint64_t id, std::weak_ptr<Session> session);
  void Unregister(uint64_t id);
  bool Closing() const { return closing_.load(); }
  const HttpServerOptions& options() const { return options_; }
  Response Handle(const Request& request) { return handler_(request); }
  std::optional<Response> HandleQuick(const Request& request) const {
    if (!options_.quick) return std::nullopt;
    return options_.quick(request);
  }

 private:
  using WorkGuard = asio::executor_work_guard<Executor>;

  static std::vector<std::unique_ptr<asio::io_context>> MakeContexts(int n) {
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    for (int i = 0; i < std::max(1, n); ++i) {
      // 1: the context is run by one thread, so it may skip its locking.
      contexts.push_back(std::make_unique<asio::io_context>(1));
    }
    return contexts;
  }
  void Accept();
  // Lets the I/O threads return once their connections are gone.
  void ReleaseContexts() { work_.clear(); }
  void StopContexts() {
    for (auto& ioc : io_) ioc->stop();
  }

  const HttpServerOptions options_;
  const Handler handler_;
  // The I/O threads' contexts (cheap work, never blocking); io_[0] also
  // accepts, and runs the signal and drain timers. Handlers, which may run
  // a query for seconds, run on the workers, so a slow query holds a worker
  // but never delays other connections' reads and writes.
  std::vector<std::unique_ptr<asio::io_context>> io_;
  std::vector<WorkGuard> work_;  // Touched on io_[0]'s thread only.
  size_t next_io_ = 0;           // The context of the next connection.
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer drain_timer_;
  int port_ = 0;
  std::atomic<bool> closing_{false};
  std::atomic<uint64_t> next_id_{1};
  std::mutex sessions_mu_;
  std::unordered_map<uint64_t, std::weak_ptr<Session>> sessions_;
  std::mutex join_mu_;
  std::vector<std::thread> threads_;
};

// One connection: reads requests one after the other, each within its
// deadlines, and writes their responses. Every handler runs on the thread
// of the session's io_context, so the session's members need no lock.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket socket, std::shared_ptr<HttpServer::Impl> server,
          uint64_t id)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        server_(std::move(server)),
        id_(id) {
    beast::error_code ec;
    tcp::endpoint remote = socket_.remote_endpoint(ec);
    if (!ec) remote_ = remote.address().to_string();
    // Responses go out in one write each; nothing gains from Nagle.
    socket_.set_option(tcp::no_delay(true), ec);
  }
  ~Session() { server_->Unregister(id_); }

  void Start() {
    asio::dispatch(socket_.get_executor(),
                   [self = shared_from_this()] { self->ReadHeader(); });
  }

  // Closes the connection if it is waiting for a request (shutdown).
  void CloseIfIdle() {
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      if (self->idle_ && self->buffer_.size() == 0) self->Close();
    });
  }

 private:
  // Gives the operation about to start `timeout` to finish; past it, the
  // socket's operations are cancelled with `timed_out_` set. Disarm() when
  // it finishes. The timer is lazy: it is set again only when a deadline
  // comes before the one it waits for, and when it fires before the
  // current deadline it waits again, so that a request usually costs no
  // timer operation at all (deadlines only move later on a connection).
  void Arm(absl::Duration timeout) {
    timed_out_ = false;
    deadline_ = Clock::now() + ToChrono(timeout);
    if (!timer_waiting_ || timer_.expiry() > deadline_) WaitForDeadline();
  }
  void Disarm() { deadline_ = Clock::time_point::max(); }

  void WaitForDeadline() {
    timer_waiting_ = true;
    timer_.expires_at(deadline_);  // Cancels the wait before, if any.
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;  // Replaced by a new wait, or the session closed.
      self->timer_waiting_ = false;
      // Nothing under way (a handler running): the next Arm() sets it.
      if (self->deadline_ == Clock::time_point::max()) return;
      if (Clock::now() < self->deadline_) return self->WaitForDeadline();
      self->timed_out_ = true;
      beast::error_code ignored;
      self->socket_.cancel(ignored);
    });
  }

  void ReadHeader() {
    if (server_->Closing() && requests_ > 0) return Close();
    parser_.emplace();
    parser_->header_limit(
        static_cast<uint32_t>(server_->options().max_header_bytes));
    parser_->body_limit(server_->options().max_body_bytes);
    idle_ = true;
    Arm(requests_ == 0 && buffer_.size() == 0
            ? server_->options().header_timeout
            : server_->options().idle_timeout);
    http::async_read_header(
        socket_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) {
          self->OnHeader(ec);
        });
  }

  void OnHeader(beast::error_code ec) {
    Disarm();
    idle_ = false;
    if (ec) return OnReadError(ec, /*got_bytes=*/buffer_.size() > 0);
    const auto& header = parser_->get();
    if (beast::iequals(header[http::field::expect], "100-continue")) {
      // curl waits for this before sending a body over 1 KB.
      auto cont = std::make_shared<http::response<http::empty_body>>(
          http::status::continue_, header.version());
      Arm(server_->options().write_timeout);
      http::async_write(
          socket_, *cont,
          [self = shared_from_this(), cont](beast::error_code ec, size_t) {
            self->Disarm();
            if (ec) return self->Close();
            self->ReadBody();
          });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Respond();
    Arm(server_->options().body_timeout);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->Disarm();
                       if (ec) return self->OnReadError(ec, true);
                       self->Respond();
                     });
  }

  // Answers what can be answered of a failed read, then closes.
  void OnReadError(beast::error_code ec, bool got_bytes) {
    if (timed_out_) {
      // Silent when an idle connection simply stayed idle.
      if (!got_bytes) return Close();
      return SendAndClose(ErrorResponse(absl::DeadlineExceededError(
          "the request did not arrive in time; the connection is closed")));
    }
    if (ec == http::error::body_limit) {
      return SendAndClose(ErrorResponse(TooLargeError(
          absl::StrCat("the body is larger than ",
                       server_->options().max_body_bytes, " bytes"))));
    }
    if (ec == http::error::header_limit) {
      return SendAndClose(ErrorResponse(TooLargeError(
          absl::StrCat("the header is larger than ",
                       server_->options().max_header_bytes, " bytes"))));
    }
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || !got_bytes) {
      return Close();
    }
    SendAndClose(ErrorResponse(absl::InvalidArgumentError(
        absl::StrCat("malformed HTTP request: ", ec.message()))));
  }

  void Respond() {
    ++requests_;
    auto& message = parser_->get();
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()),
                                   std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote = remote_;
    const bool client_keep_alive = message.keep_alive();
    const unsigned version = message.version();
    if (std::optional<Response> response = server_->HandleQuick(request)) {
      // Answered here and now: no worker, no hang-up to watch for.
      const bool keep_alive =
          client_keep_alive && !response->close && !server_->Closing();
      return Send(*std::move(response), keep_alive, version);
    }
    auto cancellation = std::make_shared<query::QueryCancellation>();
    request.cancellation = cancellation;
    WatchForHangUp(cancellation);
    asio::post(server_->workers(), [self = shared_from_this(),
                                    request = std::move(request),
                                    client_keep_alive, version]() mutable {
      Response response = self->server_->Handle(request);
      asio::post(
          self->socket_.get_executor(), [self, response = std::move(response),
                                         client_keep_alive, version]() mutable {
            // The answer is here: stop watching the socket (a wait that
            // completed already sees a later generation and does nothing).
            ++self->watch_generation_;
            beast::error_code ignored;
            self->socket_.cancel(ignored);
            const bool keep_alive = client_keep_alive && !response.close &&
                                    !self->server_->Closing();
            self->Send(std::move(response), keep_alive, version);
          });
    });
  }

  // While the handler runs, waits for the socket to become readable: if
  // the peer has closed it (a read would return end of file) or reset it,
  // trips `cancellation`, so that a query whose client went away stops at
  // its next check instead of running to its deadline. Bytes of a next,
  // pipelined request are left unread for ReadHeader.
  void WatchForHangUp(std::shared_ptr<query::QueryCancellation> cancellation) {
    const uint64_t generation = ++watch_generation_;
    socket_.async_wait(
        tcp::socket::wait_read,
        [self = shared_from_this(), generation,
         cancellation = std::move(cancellation)](beast::error_code ec) {
          // Answered first, or a wait of an earlier request.
          if (ec || self->watch_generation_ != generation) return;
          // Readable: a pipelined request (bytes to peek) or the client's
          // end of stream (0 bytes). Never blocks: should the bytes be gone
          // to a later read, it would block, and that is no hang-up.
          char byte;
          const ssize_t n =
              ::recv(self->socket_.native_handle(), &byte, 1,
                     MSG_PEEK | MSG_DONTWAIT);
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
                         errno != EINTR)) {
            cancellation->Cancel();
          }
        });
  }


  void SendAndClose(Response response) { Send(std::move(response), false, 11); }

  // Writes `response` with one gather write of its header (serialised into
  // `header_`, whose capacity the connection's responses reuse) and its
  // body (kept in `response_` until written), then reads the next request.
  void Send(Response response, bool keep_alive, unsigned version) {
    response_ = std::move(response);
    if (BodilessStatus(response_.status)) {
      response_.body.clear();
      response_.shared_body = nullptr;
    }
    header_.clear();
    AppendHeader(response_, keep_alive, version, &header_);
    const std::array<asio::const_buffer, 2> buffers = {
        asio::buffer(header_),
        asio::buffer(response_.Body().data(), response_.Body().size())};
    Arm(server_->options().write_timeout);
    asio::async_write(socket_, buffers,
                      [self = shared_from_this(), keep_alive](
                          beast::error_code ec, size_t) {
                        self->Disarm();
                        self->response_ = Response();
                        if (ec || !keep_alive) return self->Close();
                        self->ReadHeader();
                      });
  }

  void Close() {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    socket_.close(ignored);
    timer_.cancel();
  }

  Socket socket_;
  Timer timer_;
  Clock::time_point deadline_ = Clock::time_point::max();
  bool timer_waiting_ = false;
  std::string header_;
  Response response_;
  std::shared_ptr<HttpServer::Impl> server_;
  const uint64_t id_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool timed_out_ = false;
  bool idle_ = false;
  // Counts WatchForHangUp's waits and answers: a wait is current while the
  // count is the one it started with.
  uint64_t watch_generation_ = 0;
  int requests_ = 0;
};

absl::Status HttpServer::Impl::Listen() {
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(options_.bind, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("--bind: '", options_.bind, "' is not an IP address"));
  }
  if (options_.port < 0 || options_.port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--port: ", options_.port, " is not a port number"));
  }
  const tcp::endpoint endpoint(address, static_cast<uint16_t>(options_.port));
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    // FailedPrecondition: the machine's state (a port in use), not our bug.
    return absl::FailedPreconditionError(
        absl::StrCat("cannot listen on ", options_.bind, ":", options_.port,
                     ": ", ec.message(), "; choose another with --port"));
  }
  port_ = acceptor_.local_endpoint().port();
  return absl::OkStatus();
}

void HttpServer::Impl::Run() {
  if (options_.stop_on_signals) {
    signals_.add(SIGTERM);
    signals_.add(SIGINT);
    signals_.async_wait([self = shared_from_this()](beast::error_code ec, int) {
      if (!ec) self->Shutdown();
    });
  }
  Accept();
  for (auto& ioc : io_) {
    threads_.emplace_back([ioc = ioc.get()] { ioc->run(); });
  }
}

// One acceptor deals connections out in turn rather than one acceptor per
// thread on a SO_REUSEPORT port: the kernel would spread connections by a
// hash of their addresses (uneven for a few long kept-alive connections),
// and a second `mskg serve` on the same port would then be let in to share
// it silently instead of failing with "address in use". Connections are
// kept alive, so accepting on one thread costs little.
void HttpServer::Impl::Accept() {
  asio::io_context& next = *io_[next_io_];
  next_io_ = (next_io_ + 1) % io_.size();
  acceptor_.async_accept(
      next.get_executor(),
      [self = shared_from_this()](beast::error_code ec, Socket socket) {
        if (ec) {
          if (!self->acceptor_.is_open()) return;  // Shut down.
          return self->Accept();  // E.g. out of descriptors: try again.
        }
        // Accepted just before the acceptor closed: its context may have
        // been released already (the drain is over), so it is not served.
        if (self->Closing()) return;
        const uint64_t id = self->next_id_.fetch_add(1);
        auto session = std::make_shared<Session>(std::move(socket), self, id);
        self->Register(id, session);
        session->Start();
        self->Accept();
      });
}

void HttpServer::Impl::Register(uint64_t id, std::weak_ptr<Session> session) {
  std::lock_guard<std::mutex> lock(sessions_mu_);
  sessions_.emplace(id, std::move(session));
}

void HttpServer::Impl::Unregister(uint64_t id) {
  std::lock_guard<std::mutex> lock(sessions_mu_);
  sessions_.erase(id);
  if (closing_.load() && sessions_.empty()) {
    // Nothing left to drain: let run() return now.
    asio::post(*io_[0],
               [self = shared_from_this()] { self->drain_timer_.cancel(); });
  }
}

void HttpServer::Impl::Shutdown() {
  if (closing_.exchange(true)) return;
  if (options_.on_shutdown) options_.on_shutdown();
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->acceptor_.close(ignored);
    self->signals_.cancel(ignored);
    self->drain_timer_.expires_after(ToChrono(self->options_.drain_timeout));
    self->drain_timer_.async_wait([self](beast::error_code ec) {
      if (!ec) return self->StopContexts();  // Requests past the drain.
      self->ReleaseContexts();  // Cancelled: every connection is gone.
    });
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard<std::mutex> lock(self->sessions_mu_);
      for (auto& [id, weak] : self->sessions_) {
        if (auto session = weak.lock()) live.push_back(std::move(session));
      }
      if (self->sessions_.empty()) self->drain_timer_.cancel();
    }
    for (auto& session : live) session->CloseIfIdle();
  });
}

HttpServer::HttpServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
  impl_->Shutdown();
  impl_->Wait();
}

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    const HttpServerOptions& options, Handler handler) {
  if (options.threads < 1 || options.threads > 256) {
    return absl::InvalidArgumentError(
        absl::StrCat("--threads: expected 1 to 256, got ", options.threads));
  }
  if (options.io_threads < 1 || options.io_threads > 64) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--io-threads: expected 1 to 64, got ", options.io_threads));
  }
  auto impl = std::make_shared<Impl>(options, std::move(handler));
  if (absl::Status listening = impl->Listen(); !listening.ok())
    return listening;
  impl->Run();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

int HttpServer::port() const { return impl_->port(); }
void HttpServer::Shutdown() { impl_->Shutdown(); }
void HttpServer::Wait() { impl_->Wait(); }

}  // namespace mskg::server
