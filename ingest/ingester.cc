// ingest/ingester.cc: one line per stage.
#include "ingest/ingester.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "ingest/document_reader.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"
#include "ingest/sentence_splitter.h"
#include "ingest/tokenizer.h"
#include "util/status_macros.h"

namespace mskg::ingest {
namespace {

// Returns what a file of mode `mode` is, for messages ("a FIFO").
const char* FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

absl::Status TooLarge(absl::string_view name, uint64_t size, size_t limit) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: %.1f MB, more than the %.1f MB one document may have; split it, or "
      "raise the limit (mskg ingest --max-document-mb N; "
      "IngesterOptions::max_document_bytes)",
      name, size / 1048576.0, limit / 1048576.0));
}

// Appends `s` to `out`, cut into pieces of at most kMaxSentenceBytes at the
// last space before the limit (or, in a run without spaces, at a character
// boundary), with their spans mapped through the block's offsets as the
// splitter maps them.
void AppendBounded(const StructuredText& doc, const Sentence& s,
                   std::vector<Sentence>* out) {
  if (s.text_end - s.text_begin <= kMaxSentenceBytes) {
    out->push_back(s);
    return;
  }
  const Block& block = doc.blocks[s.block];
  const std::string& t = block.text;
  size_t b = s.text_begin;
  while (b < s.text_end) {
    size_t e = s.text_end;
    if (e - b > kMaxSentenceBytes) {
      e = b + kMaxSentenceBytes;
      const size_t space = t.rfind(' ', e);
      if (space != std::string::npos && space > b) {
        e = space;
      } else {
        while (e > b + 1 && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80) --e;
      }
    }
    Sentence piece = s;
    piece.text_begin = b;
    piece.text_end = e;
    piece.begin = block.offsets[b];
    piece.end = e == s.text_end ? s.end : block.offsets[e - 1] + 1;
    piece.is_label = s.is_label && b == s.text_begin;
    out->push_back(piece);
    b = e;
    while (b < s.text_end && t[b] == ' ') ++b;
  }
}

}  // namespace

Ingester::Ingester() = default;
Ingester::~Ingester() = default;

absl::StatusOr<std::unique_ptr<Ingester>> Ingester::Create(
    const IngesterOptions& options) {
  std::unique_ptr<Ingester> ingester(new Ingester());
  ingester->options_ = options;
  if (options.lexicon_dir.empty()) {
    MSKG_ASSIGN_OR_RETURN(ingester->lexicon_, Lexicon::LoadEmbedded());
  } else {
    MSKG_ASSIGN_OR_RETURN(ingester->lexicon_,
                          Lexicon::LoadDirectory(options.lexicon_dir));
  }
  ingester->linker_ = std::make_unique<EntityLinker>(ingester->lexicon_.get());
  ingester->extractor_ =
      std::make_unique<RelationExtractor>(ingester->linker_.get());
  ingester->reference_ = ingester->lexicon_->ReferenceClaims();
  return ingester;
}

absl::StatusOr<schema::DocumentClaims> Ingester::Extract(
    absl::string_view document_id, absl::string_view bytes,
    DocumentFormat format, std::vector<std::string>* notices) const {
  if (bytes.size() > options_.max_document_bytes) {
    return TooLarge(document_id, bytes.size(), options_.max_document_bytes);
  }
  MSKG_ASSIGN_OR_RETURN(StructuredText doc,
                        ReadDocument(document_id, bytes, format));
  std::vector<Sentence> split;
  for (const Sentence& s : SplitSentences(doc)) AppendBounded(doc, s, &split);
  const std::vector<AnalyzedSentence> sentences =
      AnalyzeSentences(*linker_, doc, split);
  schema::DocumentClaims claims =
      extractor_->Extract(document_id, doc, sentences);
  claims.set_content_hash(ContentHash(bytes));
  claims.set_size_bytes(bytes.size());
  if (claims.mentions_size() == 0 && notices != nullptr) {
    notices->push_back(absl::StrFormat(
        "%s: no recognisable entity; the document adds no claims",
        document_id));
  }
  return claims;
}

const schema::DocumentClaims& Ingester::ReferenceClaims() const {
  return reference_;
}

absl::StatusOr<graph::DocumentWriteResult> Ingester::IngestFile(
    absl::string_view path, graph::GraphStore* store,
    std::vector<std::string>* notices) const {
  MSKG_ASSIGN_OR_RETURN(schema::DocumentClaims claims,
                        ExtractFile(path, notices));
  return store->PutDocument(claims);
}

absl::StatusOr<schema::DocumentClaims> Ingester::ExtractFile(
    absl::string_view path, std::vector<std::string>* notices) const {
  const std::string p(path);
  struct stat st;
  if (stat(p.c_str(), &st) != 0) {
    const int err = errno;
    if (err == EACCES) {
      return absl::PermissionDeniedError(
          absl::StrFormat("%s: permission denied", path));
    }
    return absl::NotFoundError(absl::StrFormat("%s: no such file", path));
  }
  if (S_ISDIR(st.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: is a directory, not a file", path));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: %s, not a regular file; only regular files are read", path,
        FileKind(st.st_mode)));
  }
  MSKG_ASSIGN_OR_RETURN(DocumentFormat format, FormatFromPath(path));
  if (static_cast<uint64_t>(st.st_size) > options_.max_document_bytes) {
    return TooLarge(path, st.st_size, options_.max_document_bytes);
  }
  // O_NONBLOCK: if the path became a FIFO since stat(), open() returns at
  // once instead of waiting for a writer, and fstat() below refuses it.
  const int fd = open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EACCES) {
      return absl::PermissionDeniedError(
          absl::StrFormat("%s: permission denied", path));
    }
    return absl::NotFoundError(absl::StrFormat("%s: cannot open", path));
  }
  std::string bytes;
  absl::Status read_status;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    read_status = absl::InvalidArgumentError(absl::StrFormat(
        "%s: not a regular file; only regular files are read", path));
  } else {
    // Up to one byte past the limit, so that a file that grew is refused.
    const size_t cap = options_.max_document_bytes + 1;
    bytes.resize(std::min<uint64_t>(st.st_size, cap));
    size_t got = 0;
    while (true) {
      if (got == bytes.size()) {
        if (bytes.size() >= cap) break;
        bytes.resize(std::min(cap, std::max<size_t>(4096, 2 * bytes.size())));
      }
      const ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        read_status = absl::DataLossError(
            absl::StrFormat("%s: read failed: %s", path, std::strerror(errno)));
        break;
      }
      if (n == 0) break;
      got += n;
    }
    bytes.resize(got);
  }
  close(fd);
  MSKG_RETURN_IF_ERROR(read_status);
  return Extract(path, bytes, format, notices);
}

std::string ContentHash(absl::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return absl::StrFormat("%016x", h);
}

}  // namespace mskg::ingest
