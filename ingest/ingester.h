// ingest/ingester.h
//
// Ingester: reads musculoskeletal documents (plain text, Markdown, HTML) and
// returns the claims they make, typed per shared/eval/VOCABULARY.md, each
// with its provenance (document, byte span of the sentence, sentence text,
// rule, confidence, polarity, hedging). The pipeline, one stage per file:
//   document_reader  bytes -> validated StructuredText (blocks)
//   sentence_splitter blocks -> sentences with byte spans
//   tokenizer        sentence -> tokens
//   entity_linker    tokens -> entity mentions (lexicon, abbreviations,
//                    composed muscle states)
//   relation_extractor sentences + mentions + structure -> claims
// IngestFile() then writes them to a graph::GraphStore in one atomic
// PutDocument().
//
// Thread-safety: an Ingester is immutable after Create(); Extract() and
// IngestFile() may be called from several threads at once (the store
// serializes its writers).
#ifndef MSKG_INGEST_INGESTER_H_
#define MSKG_INGEST_INGESTER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_store.h"
#include "ingest/document_format.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

class EntityLinker;
class Lexicon;
class RelationExtractor;

struct IngesterOptions {
  // Directory of lexicon *.tsv files (format: data/lexicon/README.md).
  // Default: "" = the copy of data/lexicon compiled into the binary.
  std::string lexicon_dir;
  // Largest document read, in bytes: a bigger one is refused (before it is
  // read, for a file) with InvalidArgument saying how to raise the limit.
  // Bounds the time and memory one document takes (every stage is linear,
  // at roughly 1-15 MB/s depending on how dense the text is).
  // Default: 16 MiB (`mskg ingest --max-document-mb N`).
  size_t max_document_bytes = size_t{16} << 20;
};

// Longest sentence handed to the relation extractor, in bytes: longer ones
// (text without full stops, such as a 50 MB line of words) are cut at
// spaces into pieces this long, since matching the rule families costs
// time quadratic in a sentence's length. Prose sentences are far shorter.
inline constexpr size_t kMaxSentenceBytes = 4096;

class Ingester {
 public:
  // Loads the lexicon. InvalidArgument "<file>:<line>: <what is wrong>" for a
  // malformed lexicon; NotFound if `lexicon_dir` does not exist.
  static absl::StatusOr<std::unique_ptr<Ingester>> Create(
      const IngesterOptions& options = {});

  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;
  ~Ingester();

  // Reads `bytes` as document `document_id` and returns every claim it
  // makes; touches no store. With kAuto the format comes from the id's
  // extension, else from the content. InvalidArgument on an empty, binary,
  // UTF-16 or non-UTF-8 document (messages of document_reader.h, naming the
  // id) or one larger than IngesterOptions::max_document_bytes.
  // A document in which no entity is recognised is no error: the result
  // has no claims, and if `notices` is given, a line saying so is appended
  // to it.
  absl::StatusOr<schema::DocumentClaims> Extract(
      absl::string_view document_id, absl::string_view bytes,
      DocumentFormat format = DocumentFormat::kAuto,
      std::vector<std::string>* notices = nullptr) const;

  // The lexicon's reference facts, document id "reference".
  const schema::DocumentClaims& ReferenceClaims() const;

  // Reads the file at `path` (document id = `path` as given) and returns
  // its claims, as Extract() does; touches no store. NotFound /
  // PermissionDenied if the file cannot be read, InvalidArgument for a
  // directory or anything else that is not a regular file (a FIFO, socket
  // or device: never opened for reading, so never waited on), an
  // unsupported extension, a file over the size limit or bad content (each
  // message names the path).
  absl::StatusOr<schema::DocumentClaims> ExtractFile(
      absl::string_view path, std::vector<std::string>* notices = nullptr) const;

  // Reads the file at `path` (document id = `path` as given), extracts, and
  // writes the claims to `store` atomically. NotFound / PermissionDenied if
  // the file cannot be read, InvalidArgument for a directory, an
  // unsupported extension or bad content (each message names the path);
  // errors of GraphStore::PutDocument(). `store` must not be null.
  absl::StatusOr<graph::DocumentWriteResult> IngestFile(
      absl::string_view path, graph::GraphStore* store,
      std::vector<std::string>* notices = nullptr) const;

 private:
  Ingester();

  IngesterOptions options_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<EntityLinker> linker_;
  std::unique_ptr<RelationExtractor> extractor_;
  schema::DocumentClaims reference_;
};

// Returns the 64-bit fingerprint of `bytes` as 16 lower-case hex digits
// (FNV-1a; stable across runs and platforms).
std::string ContentHash(absl::string_view bytes);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_INGESTER_H_
