// ingest/sentence_splitter.h
//
// Splits the blocks of a StructuredText into sentences, each with its byte
// span in the original document. Knows common abbreviations ("e.g.", "i.e.",
// "Dr.", "vs."), decimals and initials, never splits inside parentheses, and
// ends a sentence after a list item's "Label:".
//
// Thread-safety: stateless; safe from any thread.
#ifndef MSKG_INGEST_SENTENCE_SPLITTER_H_
#define MSKG_INGEST_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/document_reader.h"

namespace mskg::ingest {

struct Sentence {
  int block = 0;             // Index into StructuredText::blocks.
  size_t text_begin = 0;     // Byte range in the block's stripped text.
  size_t text_end = 0;
  uint32_t begin = 0;        // Byte range in the original document.
  uint32_t end = 0;
  bool is_label = false;     // The "Label" of a "Label: text" list item.
};

// Returns the sentences of `block` (index `block_index`), in order.
std::vector<Sentence> SplitSentences(const Block& block, int block_index);

// Returns the sentences of all blocks, in document order.
std::vector<Sentence> SplitSentences(const StructuredText& doc);

// Returns the text of `s` in `doc`.
absl::string_view SentenceText(const StructuredText& doc, const Sentence& s);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_SENTENCE_SPLITTER_H_
