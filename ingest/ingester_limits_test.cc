// Regression tests of issue 10 for ingest: input that cannot hang. Only
// regular files are read (a FIFO is never opened for reading, so never
// waited on), documents have a size limit, wide encodings are refused by
// name, and a line without full stops costs linear time.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"

namespace mskg::ingest {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<Ingester> MakeIngester(const IngesterOptions& extra = {}) {
  IngesterOptions options = extra;
  options.lexicon_dir = "ingest/testdata/lexicon";
  auto ing = Ingester::Create(options);
  EXPECT_TRUE(ing.ok()) << ing.status();
  return ing.ok() ? std::move(*ing) : nullptr;
}

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

// Regression: `mskg ingest notes.txt` of a FIFO never returned.
TEST(IngesterLimitsTest, FifoIsRefusedWithoutWaiting) {
  const std::string path = TempPath("notes.txt");
  unlink(path.c_str());
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0) << std::strerror(errno);
  auto ing = MakeIngester();
  const absl::Time start = absl::Now();
  auto doc = ing->ExtractFile(path);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(doc.status().message(), HasSubstr("notes.txt: a FIFO"));
  EXPECT_THAT(doc.status().message(), HasSubstr("only regular files are read"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(IngesterLimitsTest, SocketIsRefused) {
  // In /tmp: TEST_TMPDIR is longer than a socket address may be.
  char dir[] = "/tmp/mskg_sock_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/sock.txt";
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr = {};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof(addr.sun_path));
  std::strcpy(addr.sun_path, path.c_str());
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  auto doc = MakeIngester()->ExtractFile(path);
  close(fd);
  unlink(path.c_str());
  rmdir(dir);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("sock.txt: a socket"));
}

TEST(IngesterLimitsTest, DocumentSizeLimit) {
  IngesterOptions options;
  options.max_document_bytes = 1000;
  auto ing = MakeIngester(options);
  const std::string text(2000, 'a');
  const std::string path = TempPath("big.txt");
  std::ofstream(path) << text;
  auto doc = ing->ExtractFile(path);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(doc.status().message(), HasSubstr("big.txt: 0.0 MB, more than the 0.0 MB"));
  EXPECT_THAT(doc.status().message(), HasSubstr("--max-document-mb"));
  EXPECT_FALSE(ing->Extract("big.txt", text).ok());
  EXPECT_TRUE(ing->Extract("small.txt", "Heavy lifting can cause a QL spasm.").ok());
  // The default is 16 MiB.
  EXPECT_EQ(IngesterOptions().max_document_bytes, size_t{16} << 20);
}

TEST(IngesterLimitsTest, WideEncodingsAreRefusedByName) {
  auto ing = MakeIngester();
  const std::string utf16le("\xFF\xFEH\0e\0", 6);
  auto doc = ing->Extract("wide.txt", utf16le);
  ASSERT_FALSE(doc.ok());
  EXPECT_THAT(doc.status().message(), HasSubstr("wide.txt: UTF-16LE text"));
  EXPECT_THAT(doc.status().message(), HasSubstr("iconv -f UTF-16LE -t UTF-8"));
  doc = ing->Extract("wide.txt", std::string("\xFE\xFF\0H", 4));
  EXPECT_THAT(doc.status().message(), HasSubstr("UTF-16BE"));
}

// Regression: a 52 MB one-line file did not finish in 10 s; text without
// full stops is one sentence, and relation rules are quadratic in a
// sentence's length. Cut into kMaxSentenceBytes pieces, 1 MB takes well
// under a second optimized and some seconds under ASan (a single sentence
// took minutes), and the pieces' claims cite the right bytes. The bound is
// loose because sanitizer builds on a loaded machine are slow; quadratic
// time would still blow it by minutes.
TEST(IngesterLimitsTest, LongLineWithoutFullStopsIsLinear) {
  std::string text;
  while (text.size() < (1u << 20)) text += "heavy lifting can cause a QL spasm and ";
  auto ing = MakeIngester();
  const absl::Time start = absl::Now();
  auto doc = ing->Extract("line.txt", text);
  const absl::Duration took = absl::Now() - start;
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_LT(took, absl::Seconds(60));
  ASSERT_GT(doc->claims_size(), 0);
  for (const auto& claim : doc->claims()) {
    const auto& p = claim.provenance();
    ASSERT_LE(p.end(), text.size());
    ASSERT_LE(p.end() - p.begin(), kMaxSentenceBytes);
    ASSERT_EQ(text.substr(p.begin(), p.end() - p.begin()), p.sentence());
  }
}

}  // namespace
}  // namespace mskg::ingest
