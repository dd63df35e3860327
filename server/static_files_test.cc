// server/static_files_test.cc: the explorer's built-in files, their
// headers, and that index.html only refers to files the binary has and
// holds nothing the Content-Security-Policy would block.
#include "server/static_files.h"

#include <regex>
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mskg::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string HeaderOf(const Response& response, absl::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST(StaticFilesTest, ServesEachFileWithItsType) {
  struct Want {
    const char* path;
    const char* type;
    const char* contains;
  };
  for (const Want& want : {
           Want{"/", "text/html; charset=utf-8", "<title>mskg explorer"},
           Want{"/explorer.js", "text/javascript; charset=utf-8", "import"},
           Want{"/explorer.css", "text/css; charset=utf-8", "body"},
           Want{"/vendor/cytoscape.min.js", "text/javascript; charset=utf-8",
                "cytoscape"},
           Want{"/vendor/LICENSE-cytoscape", "text/plain; charset=utf-8",
                "Permission is hereby granted"},
       }) {
    const EmbeddedFile* file = FindStaticFile(want.path);
    ASSERT_NE(file, nullptr) << want.path;
    Response response = StaticResponse(*file, Request{});
    EXPECT_EQ(response.status, 200) << want.path;
    EXPECT_EQ(HeaderOf(response, "Content-Type"), want.type) << want.path;
    EXPECT_THAT(response.body, HasSubstr(want.contains)) << want.path;
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-cache");
    EXPECT_EQ(HeaderOf(response, "X-Content-Type-Options"), "nosniff");
    const std::string csp = HeaderOf(response, "Content-Security-Policy");
    EXPECT_THAT(csp, HasSubstr("default-src 'none'"));
    EXPECT_THAT(csp, HasSubstr("script-src 'self'"));
    EXPECT_THAT(csp, Not(HasSubstr("unsafe")));
  }
}

TEST(StaticFilesTest, OnlyExactPathsAreFiles) {
  for (const char* path :
       {"", "/index.html/", "/explorer.js/", "//explorer.js", "/../explorer.js",
        "/vendor/../explorer.js", "/vendor/", "/vendor", "/explorer.js%00",
        "/%2e%2e/etc/passwd", "/EXPLORER.JS", "/explorer"}) {
    EXPECT_EQ(FindStaticFile(path), nullptr) << path;
  }
}

TEST(StaticFilesTest, RevalidationGetsNotModified) {
  const EmbeddedFile* file = FindStaticFile("/explorer.js");
  ASSERT_NE(file, nullptr);
  const std::string etag(file->etag);
  ASSERT_EQ(etag.size(), 18u);  // 16 hex digits, quoted.
  Request request;
  request.headers = {{"if-none-match", "\"other\", W/" + etag}};
  Response response = StaticResponse(*file, request);
  EXPECT_EQ(response.status, 304);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(HeaderOf(response, "ETag"), etag);
  request.headers = {{"If-None-Match", "\"stale\""}};
  EXPECT_EQ(StaticResponse(*file, request).status, 200);
}

// What the CSP would block (inline script, inline style, event-handler
// attributes, other origins) must not be in the page, and everything it
// loads must be built in.
TEST(StaticFilesTest, PageNeedsNothingTheCspBlocks) {
  const std::string html(FindStaticFile("/")->contents);
  EXPECT_THAT(html, Not(HasSubstr("<style")));
  EXPECT_THAT(html, Not(HasSubstr(" style=")));
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\son[a-z]+=)")));
  const std::regex script(R"(<script([^>]*)>)");
  int scripts = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), script);
       it != std::sregex_iterator(); ++it) {
    EXPECT_THAT((*it)[1].str(), HasSubstr("src=")) << "inline script";
    ++scripts;
  }
  EXPECT_EQ(scripts, 2);
  const std::regex ref(R"re((?:src|href)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), ref);
       it != std::sregex_iterator(); ++it) {
    const std::string target = (*it)[1].str();
    if (absl::StartsWith(target, "#")) continue;     // In-page navigation.
    if (absl::StartsWith(target, "/v1/")) continue;  // The API's own pages.
    EXPECT_NE(FindStaticFile(target), nullptr) << target;
  }
}

}  // namespace
}  // namespace mskg::server
