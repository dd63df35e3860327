// interop/claims_batcher_test.cc: the contract of claims_batcher.h. Lines
// come back whole whatever their length or ending; every document reaches
// the sink once and whole, in memory and through the spill files, in
// batches of about batch_rows; a sink's error stops the import.
#include "interop/claims_batcher.h"

#include <ios>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interop/import_testing.h"

namespace mskg::interop {
namespace {

using ::testing::ElementsAre;

// A stream buffer over `text` that cannot seek (as a pipe), or, with
// `told_size`, one that seeks but tells a size other than its real one (as a
// file still growing).
class StringBuffer : public std::streambuf {
 public:
  explicit StringBuffer(std::string text, int64_t told_size = -1)
      : text_(std::move(text)), told_size_(told_size) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir,
                   std::ios_base::openmode) override {
    if (told_size_ < 0 || off != 0) return pos_type(off_type(-1));
    if (dir == std::ios_base::end) return pos_type(told_size_);
    return pos_type(gptr() - eback());
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode) override {
    if (told_size_ < 0 || pos != pos_type(gptr() - eback())) {
      return pos_type(off_type(-1));
    }
    return pos;
  }

 private:
  std::string text_;
  int64_t told_size_;
};

enum class Source { kString, kUnseekable, kToldTooSmall };

std::vector<std::string> Lines(const std::string& text,
                               std::vector<int64_t>* numbers = nullptr,
                               Source source = Source::kString) {
  std::istringstream string_in(text);
  StringBuffer buffer(text, source == Source::kToldTooSmall ? 3 : -1);
  std::istream buffer_in(&buffer);
  LineReader reader(source == Source::kString ? &string_in : &buffer_in);
  std::vector<std::string> lines;
  absl::string_view line;
  while (reader.Next(&line)) {
    lines.emplace_back(line);
    if (numbers != nullptr) numbers->push_back(reader.line_number());
  }
  EXPECT_FALSE(reader.failed());
  return lines;
}

TEST(LineReaderTest, SplitsLinesWithAnyEnding) {
  std::vector<int64_t> numbers;
  EXPECT_THAT(Lines("a\nb\r\n\nlast", &numbers),
              ElementsAre("a", "b", "", "last"));
  EXPECT_THAT(numbers, ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Lines("one\n"), ElementsAre("one"));
  EXPECT_THAT(Lines("\r\n"), ElementsAre(""));
  // A lone "\r" inside a line is text.
  EXPECT_THAT(Lines("a\rb\n"), ElementsAre("a\rb"));
  EXPECT_THAT(Lines(""), ElementsAre());
}

// Lines longer than the 1 MiB block, and lines across block boundaries,
// come back whole.
TEST(LineReaderTest, LinesLongerThanABlock) {
  const std::string long_line(3 << 20, 'x');
  std::string text = "short\n" + long_line + "\n";
  for (int i = 0; text.size() < (5u << 20); ++i) {
    absl::StrAppend(&text, "line ", i, "\n");
  }
  for (Source source :
       {Source::kString, Source::kUnseekable, Source::kToldTooSmall}) {
    SCOPED_TRACE(static_cast<int>(source));
    const std::vector<std::string> lines = Lines(text + "end", nullptr, source);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], "short");
    EXPECT_EQ(lines[1], long_line);
    EXPECT_EQ(lines[2], "line 0");
    EXPECT_EQ(lines.back(), "end");
    std::string joined;
    for (const std::string& line : lines) absl::StrAppend(&joined, line, "\n");
    EXPECT_EQ(joined, text + "end\n");
  }
}

// A stream is read whole whether it tells its size, cannot, or tells one too
// small; reads sized by what is left end exactly at a line's end too.
TEST(LineReaderTest, StreamsOfAnySize) {
  for (Source source :
       {Source::kString, Source::kUnseekable, Source::kToldTooSmall}) {
    SCOPED_TRACE(static_cast<int>(source));
    EXPECT_THAT(Lines("a\nbc\n", nullptr, source), ElementsAre("a", "bc"));
    EXPECT_THAT(Lines("abc", nullptr, source), ElementsAre("abc"));
    EXPECT_THAT(Lines("", nullptr, source), ElementsAre());
    std::string text;
    for (int i = 0; text.size() < (3u << 20) + 5; ++i) {
      absl::StrAppend(&text, "line ", i, "\n");
    }
    std::string joined;
    for (const std::string& line : Lines(text, nullptr, source)) {
      absl::StrAppend(&joined, line, "\n");
    }
    EXPECT_EQ(joined, text);
  }
}

// A stream read from the middle yields only what follows.
TEST(LineReaderTest, StartsWhereTheStreamIs) {
  std::istringstream in("skip\na\nb");
  std::string skipped;
  std::getline(in, skipped);
  LineReader reader(&in);
  std::vector<std::string> lines;
  absl::string_view line;
  while (reader.Next(&line)) lines.emplace_back(line);
  EXPECT_THAT(lines, ElementsAre("a", "b"));
  EXPECT_FALSE(reader.failed());
}

// A read that fails is failed(), not the end of the stream.
TEST(LineReaderTest, ReportsAFailedStream) {
  testing::FailingStreamBuffer buffer;
  std::istream in(&buffer);
  LineReader reader(&in);
  absl::string_view line;
  EXPECT_FALSE(reader.Next(&line));
  EXPECT_TRUE(reader.failed());
}

schema::Claim ClaimOf(const std::string& document, int n) {
  schema::Claim claim;
  claim.mutable_subject()->set_type(schema::MUSCLE);
  claim.mutable_subject()->set_name(absl::StrCat("m", n));
  claim.set_relation(schema::PART_OF);
  claim.mutable_object()->set_type(schema::MUSCLE);
  claim.mutable_object()->set_name("group");
  claim.mutable_provenance()->set_document_id(document);
  return claim;
}

// Collects batches; each document's claims as the names of their subjects.
struct Sink {
  std::map<std::string, std::vector<std::string>> claims;
  std::map<std::string, std::vector<std::string>> mentions;
  std::vector<size_t> batch_rows;
  int repeated_documents = 0;

  ClaimsSink Get() {
    return [this](std::vector<schema::DocumentClaims>* batch) {
      size_t rows = 0;
      for (const schema::DocumentClaims& doc : *batch) {
        if (claims.count(doc.document_id()) > 0) ++repeated_documents;
        std::vector<std::string>& names = claims[doc.document_id()];
        for (const schema::Claim& c : doc.claims()) {
          names.push_back(c.subject().name());
        }
        for (const schema::NodeKey& k : doc.mentions()) {
          mentions[doc.document_id()].push_back(k.name());
        }
        rows += doc.claims_size() + doc.mentions_size();
      }
      batch_rows.push_back(rows);
      return absl::OkStatus();
    };
  }
};

TEST(ClaimsBatcherTest, SmallInputIsOneBatchGroupedByDocument) {
  Sink sink;
  ClaimsBatcher batcher(100, sink.Get());
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(batcher.Add(ClaimOf(i % 2 == 0 ? "even" : "odd", i)).ok());
  }
  schema::NodeKey key;
  key.set_type(schema::NERVE);
  key.set_name("lumbar plexus");
  ASSERT_TRUE(batcher.AddMention("odd", key).ok());
  EXPECT_TRUE(sink.batch_rows.empty());  // Nothing before Flush().
  ASSERT_TRUE(batcher.Flush().ok());
  EXPECT_THAT(sink.batch_rows, ElementsAre(7));
  EXPECT_THAT(sink.claims["even"], ElementsAre("m0", "m2", "m4"));
  EXPECT_THAT(sink.claims["odd"], ElementsAre("m1", "m3", "m5"));
  EXPECT_THAT(sink.mentions["odd"], ElementsAre("lumbar plexus"));
  EXPECT_EQ(batcher.claims(), 6);
  EXPECT_EQ(batcher.mentions(), 1);
  EXPECT_EQ(batcher.batches(), 1);
}

TEST(ClaimsBatcherTest, NothingAddedCallsNoSink) {
  Sink sink;
  ClaimsBatcher batcher(10, sink.Get());
  ASSERT_TRUE(batcher.Flush().ok());
  EXPECT_TRUE(sink.batch_rows.empty());
  EXPECT_EQ(batcher.batches(), 0);
}

// Documents scattered over an input many times batch_rows long are spilled
// and still reach the sink once each, whole and in their order of claims;
// batches hold whole documents, so they pass batch_rows by less than one
// document. batch_rows 0 acts as 1.
TEST(ClaimsBatcherTest, ScatteredDocumentsSpillAndArriveOnceWhole) {
  for (const size_t batch_rows : {size_t{0}, size_t{7}, size_t{50}}) {
    Sink sink;
    ClaimsBatcher batcher(batch_rows, sink.Get());
    constexpr int kDocuments = 40;
    constexpr int kClaims = 400;
    for (int i = 0; i < kClaims; ++i) {
      ASSERT_TRUE(
          batcher.Add(ClaimOf(absl::StrCat("d", i % kDocuments), i)).ok());
    }
    ASSERT_TRUE(batcher.Flush().ok());
    EXPECT_EQ(sink.repeated_documents, 0) << batch_rows;
    ASSERT_EQ(sink.claims.size(), size_t{kDocuments});
    for (int d = 0; d < kDocuments; ++d) {
      std::vector<std::string> expected;
      for (int i = d; i < kClaims; i += kDocuments) {
        expected.push_back(absl::StrCat("m", i));
      }
      EXPECT_EQ(sink.claims[absl::StrCat("d", d)], expected) << batch_rows;
    }
    const size_t per_doc = kClaims / kDocuments;
    size_t total = 0;
    for (size_t k = 0; k < sink.batch_rows.size(); ++k) {
      total += sink.batch_rows[k];
      EXPECT_LT(sink.batch_rows[k], std::max<size_t>(batch_rows, 1) + per_doc);
    }
    EXPECT_EQ(total, size_t{kClaims});
    EXPECT_EQ(batcher.batches(), static_cast<int64_t>(sink.batch_rows.size()));
    EXPECT_GT(batcher.batches(), 1);
  }
}

// A spill of a few documents leaves most buckets unwritten (they get no
// file); the documents still arrive once, whole, and the last batch is
// handed over even when the last bucket is empty.
TEST(ClaimsBatcherTest, FewDocumentsSpillAndArriveOnceWhole) {
  for (const int documents : {1, 2, 3}) {
    Sink sink;
    ClaimsBatcher batcher(2, sink.Get());
    for (int i = 0; i < 9; ++i) {
      ASSERT_TRUE(
          batcher.Add(ClaimOf(absl::StrCat("d", i % documents), i)).ok());
    }
    ASSERT_TRUE(batcher.Flush().ok());
    EXPECT_EQ(sink.repeated_documents, 0) << documents;
    ASSERT_EQ(sink.claims.size(), static_cast<size_t>(documents));
    for (int d = 0; d < documents; ++d) {
      std::vector<std::string> expected;
      for (int i = d; i < 9; i += documents) {
        expected.push_back(absl::StrCat("m", i));
      }
      EXPECT_EQ(sink.claims[absl::StrCat("d", d)], expected) << documents;
    }
    size_t total = 0;
    for (size_t rows : sink.batch_rows) total += rows;
    EXPECT_EQ(total, 9u) << documents;
  }
}

TEST(ClaimsBatcherTest, SinkErrorIsReturnedAsIs) {
  int calls = 0;
  ClaimsBatcher batcher(2, [&calls](std::vector<schema::DocumentClaims>*) {
    ++calls;
    return absl::AlreadyExistsError("store in use");
  });
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(batcher.Add(ClaimOf("d", i)).ok());
  const absl::Status status = batcher.Flush();
  EXPECT_EQ(status, absl::AlreadyExistsError("store in use"));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace mskg::interop
