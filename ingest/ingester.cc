// ingest/ingester.cc: one line per stage.
#include "ingest/ingester.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"
#include "ingest/sentence_splitter.h"
#include "ingest/tokenizer.h"
#include "util/status_macros.h"

namespace mskg::ingest {

Ingester::Ingester() = default;
Ingester::~Ingester() = default;

absl::StatusOr<std::unique_ptr<Ingester>> Ingester::Create(
    const IngesterOptions& options) {
  std::unique_ptr<Ingester> ingester(new Ingester());
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
  MSKG_ASSIGN_OR_RETURN(StructuredText doc,
                        ReadDocument(document_id, bytes, format));
  std::vector<AnalyzedSentence> sentences;
  const std::vector<Sentence> split = SplitSentences(doc);
  sentences.reserve(split.size());
  LinkerState state;
  for (const Sentence& s : split) {
    AnalyzedSentence a;
    a.sentence = s;
    a.text = std::string(SentenceText(doc, s));
    a.tokens = Tokenize(a.text);
    a.mentions = linker_->Link(a.tokens, &state);
    sentences.push_back(std::move(a));
  }
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
  MSKG_ASSIGN_OR_RETURN(DocumentFormat format, FormatFromPath(path));
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    if (errno == EACCES) {
      return absl::PermissionDeniedError(
          absl::StrFormat("%s: permission denied", path));
    }
    return absl::NotFoundError(absl::StrFormat("%s: cannot open", path));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return Extract(path, ss.str(), format, notices);
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
