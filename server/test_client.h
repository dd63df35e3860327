// server/test_client.h
//
// A small blocking HTTP client over Boost.Beast for the server's tests:
// one request per connection (Call), or a raw socket for tests that send
// bytes by hand (slow clients, keep-alive).
#ifndef MSKG_SERVER_TEST_CLIENT_H_
#define MSKG_SERVER_TEST_CLIENT_H_

#include <string>
#include <utility>
#include <vector>

#include "boost/asio/connect.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/beast/core.hpp"
#include "boost/beast/http.hpp"
#include "nlohmann/json.hpp"

namespace mskg::server::testing {

struct Reply {
  int status = 0;  // 0: the connection failed or closed without a reply.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string Header(const std::string& name) const {
    for (const auto& [k, v] : headers) {
      if (boost::beast::iequals(k, name)) return v;
    }
    return "";
  }
  nlohmann::json Json() const {
    return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  }
};

// Sends one request to 127.0.0.1:`port` and returns the reply.
inline Reply Call(
    int port, const std::string& method, const std::string& target,
    const std::string& body = "",
    std::vector<std::pair<std::string, std::string>> headers = {}) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  beast::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"),
                  static_cast<unsigned short>(port)},
                 ec);
  Reply reply;
  if (ec) return reply;
  http::request<http::string_body> request(http::string_to_verb(method), target,
                                           11);
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) request.set(k, v);
  request.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT")
    request.prepare_payload();
  http::write(socket, request, ec);
  if (ec) return reply;
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1 << 30);
  http::read(socket, buffer, parser, ec);
  if (ec) return reply;
  reply.status = parser.get().result_int();
  for (const auto& field : parser.get()) {
    reply.headers.emplace_back(std::string(field.name_string()),
                               std::string(field.value()));
  }
  reply.body = parser.get().body();
  return reply;
}

}  // namespace mskg::server::testing

#endif  // MSKG_SERVER_TEST_CLIENT_H_
