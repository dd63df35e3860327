// Tests of the JSON responses (responses.h): a JSON body with its content
// type, the table from absl::StatusCode to HTTP status (413 and 429 told
// apart from a query's budget by their prefixes), and the error body with
// the position of a "line:col:" message.
#include "server/responses.h"

#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "server/json_body.h"

namespace mskg::server {
namespace {

// Returns the parsed body of `response`, which must end in a newline.
Json Body(const Response& response) {
  EXPECT_FALSE(response.body.empty());
  EXPECT_EQ(response.body.back(), '\n');
  return Json::parse(response.body);
}

TEST(ResponsesTest, JsonResponseSetsStatusTypeAndBody) {
  Response response = JsonResponse(201, Json{{"nodes", 3}});
  EXPECT_EQ(response.status, 201);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Content-Type");
  EXPECT_EQ(response.headers[0].second, "application/json");
  EXPECT_EQ(response.body, "{\"nodes\":3}\n");
  EXPECT_FALSE(response.close);
}

TEST(ResponsesTest, HttpStatusForEachCode) {
  struct Case {
    absl::Status status;
    int http;
  } cases[] = {
      {absl::InvalidArgumentError("1:1: bad"), 400},
      {absl::OutOfRangeError("x"), 400},
      {absl::FailedPreconditionError("x"), 400},
      {absl::AlreadyExistsError("x"), 400},
      {absl::UnimplementedError("CALL is not supported"), 400},
      {absl::UnauthenticatedError("x"), 401},
      {absl::PermissionDeniedError("x"), 403},
      {absl::NotFoundError("x"), 404},
      {absl::DeadlineExceededError("x"), 408},
      {absl::CancelledError("x"), 503},
      {absl::UnavailableError("x"), 503},
      {absl::InternalError("x"), 500},
      {absl::DataLossError("x"), 500},
      {absl::UnknownError("x"), 500},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HttpStatusFor(c.status), c.http) << c.status;
  }
}

TEST(ResponsesTest, ResourceExhaustedIsTooLargeRateLimitedOrABudget) {
  absl::Status too_large = TooLargeError("the body has 2 MiB");
  EXPECT_EQ(too_large.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(too_large.message(), "too large: the body has 2 MiB");
  EXPECT_EQ(HttpStatusFor(too_large), 413);

  absl::Status limited = RateLimitError("retry in a second");
  EXPECT_EQ(limited.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(limited.message(), "rate limited: retry in a second");
  EXPECT_EQ(HttpStatusFor(limited), 429);

  // A query past its row or memory budget: the client asks for less.
  EXPECT_EQ(HttpStatusFor(absl::ResourceExhaustedError(
                "more than 1000 intermediate rows")),
            400);
  // The prefix counts only at the start.
  EXPECT_EQ(HttpStatusFor(absl::ResourceExhaustedError("query too large: ")),
            400);
}

TEST(ResponsesTest, ErrorResponseCarriesCodeMessageAndPosition) {
  Response response = ErrorResponse(
      absl::InvalidArgumentError("3:14: expected ')' to close node pattern"));
  EXPECT_EQ(response.status, 400);
  const Json body = Body(response);
  ASSERT_TRUE(body.contains("error"));
  const Json& error = body["error"];
  EXPECT_EQ(error["code"], "INVALID_ARGUMENT");
  EXPECT_EQ(error["message"], "3:14: expected ')' to close node pattern");
  EXPECT_EQ(error["line"], 3);
  EXPECT_EQ(error["column"], 14);
}

TEST(ResponsesTest, ErrorResponseWithoutPositionHasNullLineAndColumn) {
  for (const char* message :
       {"no such node", "0:5: line zero", "4:0: column zero", "1:x: not a col",
        "12:34", "-1:2: negative", ""}) {
    Response response = ErrorResponse(absl::NotFoundError(message));
    EXPECT_EQ(response.status, 404) << message;
    const Json body = Body(response);
    EXPECT_EQ(body["error"]["code"], "NOT_FOUND") << message;
    EXPECT_EQ(body["error"]["message"], message);
    EXPECT_TRUE(body["error"]["line"].is_null()) << message;
    EXPECT_TRUE(body["error"]["column"].is_null()) << message;
  }
}

TEST(ResponsesTest, ErrorResponseKeepsTheStatusOfTheAccessLayer) {
  EXPECT_EQ(ErrorResponse(RateLimitError("slow down")).status, 429);
  EXPECT_EQ(ErrorResponse(TooLargeError("2 MiB")).status, 413);
  const Json body = Body(ErrorResponse(RateLimitError("slow down")));
  EXPECT_EQ(body["error"]["code"], "RESOURCE_EXHAUSTED");
  EXPECT_EQ(body["error"]["message"], "rate limited: slow down");
}

TEST(ResponsesTest, ErrorResponseWithInvalidUtf8IsStillJson) {
  Response response = ErrorResponse(absl::InvalidArgumentError("ps\xC3"));
  const Json body = Body(response);  // Throws if the body is not JSON.
  EXPECT_EQ(body["error"]["message"], "ps\xEF\xBF\xBD");
}

}  // namespace
}  // namespace mskg::server
