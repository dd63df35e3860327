// ingest/document_reader.h
//
// The first stage of ingest: checks that a document's bytes are UTF-8 text
// and splits them into structural blocks (headings, list items, paragraphs,
// table rows), with markup stripped and every byte of the stripped text
// mapped back to its offset in the original document. Plain text, Markdown
// and HTML are read; plain-text structure is guessed from the layout (short
// title-case lines are headings, bulleted and numbered lines list items, a
// short "Label:" line followed by text a list item whose head is the label).
//
// One file per format: plain_text_reader.cc, markdown_reader.cc,
// html_reader.cc; shared: reader_support.h, utf8_text.h.
//
// Thread-safety: free functions without state; safe from any thread.
#ifndef MSKG_INGEST_DOCUMENT_READER_H_
#define MSKG_INGEST_DOCUMENT_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ingest/document_format.h"

namespace mskg::ingest {

enum class BlockKind { kHeading, kListItem, kParagraph, kTableRow };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  // Heading level (1 = title) or list depth (0 = outermost); 0 otherwise.
  int level = 0;
  // True for a numbered list item ("1.", "1)", <ol>).
  bool numbered = false;
  // The text with markup stripped and whitespace runs collapsed.
  std::string text;
  // offsets[i] is the byte offset in the original document of text[i];
  // offsets[text.size()] is one past the block's last byte.
  std::vector<uint32_t> offsets;
  // For a list item that starts "Label:", the number of bytes of `text`
  // that form the label (without the colon); 0 if there is none.
  size_t label_size = 0;

  absl::string_view label() const {
    return absl::string_view(text).substr(0, label_size);
  }
  uint32_t begin() const { return offsets.empty() ? 0 : offsets.front(); }
  uint32_t end() const { return offsets.empty() ? 0 : offsets.back(); }
};

struct StructuredText {
  DocumentFormat format = DocumentFormat::kText;
  std::vector<Block> blocks;
};

// Returns OK if `bytes` is non-empty UTF-8 text. InvalidArgument with
// "<name>: UTF-16LE text (it starts with a byte order mark) ..." (also
// UTF-16BE, UTF-32LE/BE: refused, with the command that converts them),
// "<name>: file is empty", "<name>: binary file, not text" (a NUL byte) or
// "<name>:<line>:<col>: invalid UTF-8 byte 0xNN" (1-based, col in bytes).
absl::Status ValidateText(absl::string_view name, absl::string_view bytes);

// Validates `bytes` and splits them into blocks. With kAuto the format comes
// from `name`'s extension if it has a known one, otherwise from the content
// (HTML if it starts with a tag). Errors as ValidateText().
absl::StatusOr<StructuredText> ReadDocument(absl::string_view name,
                                            absl::string_view bytes,
                                            DocumentFormat format);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_DOCUMENT_READER_H_
