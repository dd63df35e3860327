// ingest/embedded_lexicon.h
//
// The copy of data/lexicon/*.tsv compiled into the binary by the genrule
// :embedded_lexicon_gen (see BUILD.bazel), so that mskg runs from any
// directory.
#ifndef MSKG_INGEST_EMBEDDED_LEXICON_H_
#define MSKG_INGEST_EMBEDDED_LEXICON_H_

namespace mskg::ingest {

struct EmbeddedFile {
  const char* path;     // "data/lexicon/<name>.tsv"
  const char* content;  // The file's bytes.
};

// Terminated by an entry whose path is nullptr.
extern const EmbeddedFile kEmbeddedLexicon[];

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_EMBEDDED_LEXICON_H_
