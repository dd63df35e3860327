// server/http_server_test.cc: the transport alone (http_server.h), with
// handlers written for each test and a real HTTP client (test_client.h):
// slow handlers, clients that hang up, the quick handler and the I/O
// threads, and shutdown on SIGTERM.
#include "server/http_server.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/write.hpp"
#include "gtest/gtest.h"
#include "server/test_client.h"

namespace mskg::server {
namespace {

using ::mskg::server::testing::Call;
using ::mskg::server::testing::Reply;

// Returns a handler that counts its calls in `*started`, then answers
// "done" 400 ms later: a request still in flight when shutdown begins.
Handler SlowHandler(std::atomic<int>* started) {
  return [started](const Request&) {
    ++*started;
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    Response r;
    r.body = "done";
    return r;
  };
}

TEST(HttpServerTest, ASlowHandlerDelaysNoOtherConnection) {
  HttpServerOptions http;
  http.port = 0;
  http.threads = 2;
  auto server = HttpServer::Start(http, [](const Request& r) {
                  if (r.target == "/slow") {
                    std::this_thread::sleep_for(std::chrono::milliseconds(800));
                  }
                  return Response();
                }).value();
  const int port = server->port();
  std::thread slow(
      [port] { EXPECT_EQ(Call(port, "GET", "/slow").status, 200); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Call(port, "GET", "/fast").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::milliseconds(600));
  slow.join();
}

TEST(HttpServerTest, AClientThatHangsUpCancelsItsRequest) {
  // The handler runs until its request is cancelled (or 10 s pass); the
  // client sends the request and closes the connection.
  std::atomic<int> cancelled{0};
  std::atomic<int> started{0};
  HttpServerOptions http;
  http.port = 0;
  auto server = HttpServer::Start(http, [&](const Request& r) {
                  ++started;
                  const auto until = std::chrono::steady_clock::now() +
                                     std::chrono::seconds(10);
                  while (std::chrono::steady_clock::now() < until) {
                    if (r.cancellation != nullptr &&
                        r.cancellation->cancelled()) {
                      ++cancelled;
                      break;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                  }
                  return Response();
                }).value();
  {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"),
                    static_cast<unsigned short>(server->port())});
    const std::string request =
        "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    boost::asio::write(socket, boost::asio::buffer(request));
    while (started == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }  // Closed here.
  const auto start = std::chrono::steady_clock::now();
  while (cancelled == 0 &&
         std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(cancelled, 1);
  // A client that waits for its answer is not cancelled; a request the
  // same connection pipelines behind it does not count as hanging up.
  cancelled = 0;
  auto quick = HttpServer::Start(http, [&](const Request& r) {
                 std::this_thread::sleep_for(std::chrono::milliseconds(100));
                 if (r.cancellation->cancelled()) ++cancelled;
                 return Response();
               }).value();
  EXPECT_EQ(Call(quick->port(), "GET", "/a").status, 200);
  {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"),
                    static_cast<unsigned short>(quick->port())});
    const std::string two =
        "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    boost::asio::write(socket, boost::asio::buffer(two));
    std::string replies;
    boost::system::error_code ec;
    char buffer[4096];
    for (;;) {
      const size_t n = socket.read_some(boost::asio::buffer(buffer), ec);
      if (ec) break;
      replies.append(buffer, n);
    }
    size_t count = 0;
    for (size_t at = replies.find("HTTP/1.1 200"); at != std::string::npos;
         at = replies.find("HTTP/1.1 200", at + 1)) {
      ++count;
    }
    EXPECT_EQ(count, 2u) << replies;
  }
  EXPECT_EQ(cancelled, 0);
}

TEST(ShutdownTest, SigtermLetsRequestsInFlightFinish) {
  std::atomic<int> started{0};
  HttpServerOptions http;
  http.port = 0;
  http.stop_on_signals = true;
  std::atomic<bool> told{false};
  http.on_shutdown = [&] { told = true; };
  auto server = HttpServer::Start(http, SlowHandler(&started)).value();
  const int port = server->port();
  Reply in_flight;
  std::thread client([&] { in_flight = Call(port, "GET", "/slow"); });
  while (started.load() == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(raise(SIGTERM), 0);
  server->Wait();
  client.join();
  EXPECT_TRUE(told.load());
  EXPECT_EQ(in_flight.status, 200);
  EXPECT_EQ(in_flight.body, "done");
  EXPECT_EQ(Call(port, "GET", "/slow").status, 0);  // No longer listening.
}

// Connections are dealt out to the I/O threads in turn, and a quick
// handler's answers are written by the thread of their connection.
TEST(HttpServerTest, ConnectionsAreSharedByTheIoThreads) {
  std::mutex mu;
  std::set<std::thread::id> threads;
  HttpServerOptions http;
  http.port = 0;
  http.io_threads = 3;
  http.quick = [&](const Request&) -> std::optional<Response> {
    std::lock_guard<std::mutex> lock(mu);
    threads.insert(std::this_thread::get_id());
    return Response();
  };
  auto server =
      HttpServer::Start(http, [](const Request&) { return Response(); })
          .value();
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(Call(server->port(), "GET", "/").status, 200);
  }
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(threads.size(), 3u);
}

// What the quick handler declines goes to the handler on a worker, with a
// hang-up watch; what it answers never reaches the handler.
TEST(HttpServerTest, DeclinedRequestsGoToTheWorkers) {
  std::atomic<int> handled{0}, watched{0};
  HttpServerOptions http;
  http.port = 0;
  http.quick = [](const Request& r) -> std::optional<Response> {
    if (r.target != "/quick") return std::nullopt;
    Response response;
    response.body = "quick";
    return response;
  };
  auto server = HttpServer::Start(http, [&](const Request& r) {
                  ++handled;
                  if (r.cancellation != nullptr) ++watched;
                  Response response;
                  response.body = "worker";
                  return response;
                }).value();
  EXPECT_EQ(Call(server->port(), "GET", "/quick").body, "quick");
  EXPECT_EQ(handled.load(), 0);
  EXPECT_EQ(Call(server->port(), "POST", "/other", "x").body, "worker");
  EXPECT_EQ(handled.load(), 1);
  EXPECT_EQ(watched.load(), 1);
}

TEST(HttpServerTest, IoThreadsAreBounded) {
  for (int n : {0, 65}) {
    HttpServerOptions http;
    http.port = 0;
    http.io_threads = n;
    absl::StatusOr<std::unique_ptr<HttpServer>> server =
        HttpServer::Start(http, [](const Request&) { return Response(); });
    ASSERT_FALSE(server.ok()) << n;
    EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_GE(DefaultIoThreads(), 1);
  EXPECT_LE(DefaultIoThreads(), 2);
}

// I/O threads that never had a connection still let Wait() return.
TEST(ShutdownTest, IdleIoThreadsStop) {
  HttpServerOptions http;
  http.port = 0;
  http.io_threads = 4;
  auto server =
      HttpServer::Start(http, [](const Request&) { return Response(); })
          .value();
  const auto start = std::chrono::steady_clock::now();
  server->Shutdown();
  server->Wait();
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::seconds(2));
}

// Requests in flight on connections of every I/O thread finish; an idle
// kept-alive connection is closed; Wait() returns once they are done, not
// at the end of the drain timeout.
TEST(ShutdownTest, SigtermDrainsEveryIoThread) {
  std::atomic<int> started{0};
  HttpServerOptions http;
  http.port = 0;
  http.io_threads = 3;
  http.threads = 3;
  http.stop_on_signals = true;
  auto server = HttpServer::Start(http, SlowHandler(&started)).value();
  const int port = server->port();
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket idle(ioc);
  idle.connect({boost::asio::ip::make_address("127.0.0.1"),
                static_cast<unsigned short>(port)});
  struct timeval tv = {3, 0};  // Should it stay open: fail, do not hang.
  setsockopt(idle.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  std::vector<Reply> replies(3);
  std::vector<std::thread> clients;
  for (Reply& reply : replies) {
    clients.emplace_back([&reply, port] { reply = Call(port, "GET", "/"); });
  }
  while (started.load() < 3)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(raise(SIGTERM), 0);
  server->Wait();
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::seconds(5));
  for (std::thread& t : clients) t.join();
  for (const Reply& reply : replies) {
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, "done");
  }
  char byte;
  boost::system::error_code ec;
  idle.read_some(boost::asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec) << "the idle connection is closed";
}

}  // namespace
}  // namespace mskg::server
