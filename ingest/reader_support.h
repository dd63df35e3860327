// ingest/reader_support.h
//
// What the three document readers share (private to :document_reader):
// whitespace, the BlockBuilder that accumulates a block's stripped text and
// its byte offsets, line splitting, list markers and "Label:" heads.
//
// Thread-safety: BlockBuilder is a plain value; the functions are pure.
#ifndef MSKG_INGEST_READER_SUPPORT_H_
#define MSKG_INGEST_READER_SUPPORT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/document_reader.h"

namespace mskg::ingest {

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// IsSpace() as a table, for the per-byte loop of BlockBuilder::AppendBytes.
inline constexpr auto kSpace = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
  return t;
}();

// Accumulates stripped text and its offsets, collapsing whitespace.
class BlockBuilder {
 public:
  void Append(char c, uint32_t offset) {
    if (IsSpace(c)) {
      pending_space_ = !block_.text.empty();
      pending_offset_ = offset;
      return;
    }
    if (pending_space_) {
      block_.text.push_back(' ');
      block_.offsets.push_back(pending_offset_);
      pending_space_ = false;
    }
    block_.text.push_back(c);
    block_.offsets.push_back(offset);
    end_ = offset + 1;
  }
  // Same as Append() of each byte (offset + i), in one pass writing
  // straight into the block's buffers: both are grown to their largest
  // possible size first and trimmed after, so the loop does one table lookup
  // and two stores per byte, without per-word calls.
  void AppendBytes(absl::string_view bytes, uint32_t offset) {
    const size_t n = bytes.size();
    if (n == 0) return;
    std::string& text = block_.text;
    std::vector<uint32_t>& offsets = block_.offsets;
    size_t len = text.size();
    // Room for the bytes and a pending space, growing geometrically.
    const size_t need = len + n + 1;
    if (offsets.capacity() < need) {
      const size_t cap = std::max(need, 2 * offsets.capacity());
      text.reserve(cap);
      offsets.reserve(cap + 1);
    }
    text.resize(need);
    offsets.resize(need);
    char* tp = text.data();
    uint32_t* op = offsets.data();
    bool pending = pending_space_;
    uint32_t pending_offset = pending_offset_;
    size_t last = n;  // Index of the last non-space byte copied, or n.
    for (size_t i = 0; i < n; ++i) {
      const char c = bytes[i];
      const uint32_t at = offset + static_cast<uint32_t>(i);
      if (kSpace[static_cast<unsigned char>(c)]) {
        pending = len > 0;
        pending_offset = at;
        continue;
      }
      if (pending) {
        tp[len] = ' ';
        op[len++] = pending_offset;
        pending = false;
      }
      tp[len] = c;
      op[len++] = at;
      last = i;
    }
    text.resize(len);
    offsets.resize(len);
    pending_space_ = pending;
    pending_offset_ = pending_offset;
    if (last < n) end_ = offset + static_cast<uint32_t>(last) + 1;
  }
  // Appends `bytes` (e.g. a decoded entity) all mapped to `offset`, the
  // source spanning [offset, source_end).
  void AppendDecoded(absl::string_view bytes, uint32_t offset,
                     uint32_t source_end) {
    for (char c : bytes) Append(c, offset);
    if (!bytes.empty() && !IsSpace(bytes.back())) end_ = source_end;
  }
  void Space(uint32_t offset) { Append(' ', offset); }
  bool empty() const { return block_.text.empty(); }
  // Moves the block out (if it has text) into `out` and resets.
  void Flush(BlockKind kind, int level, bool numbered,
             std::vector<Block>* out) {
    if (!block_.text.empty()) {
      block_.kind = kind;
      block_.level = level;
      block_.numbered = numbered;
      block_.offsets.push_back(end_);
      out->push_back(std::move(block_));
    }
    block_ = Block();
    pending_space_ = false;
  }

 private:
  Block block_;
  bool pending_space_ = false;
  uint32_t pending_offset_ = 0;
  uint32_t end_ = 0;
};

// Sets label_size when the text starts with a short "Label:" (at most six
// words, starting with an upper-case letter or digit).
void DetectLabel(Block* block);

// One line of a document, as the text and Markdown readers see it.
struct Line {
  absl::string_view text;  // Without the line break.
  uint32_t offset = 0;     // Of text[0].
  int indent = 0;
  absl::string_view content;  // Without leading/trailing whitespace.
  uint32_t content_offset = 0;
};

// Returns the lines of `bytes` (split at '\n'; the last may be empty).
std::vector<Line> SplitLines(absl::string_view bytes);

// Returns the length of a list marker plus following space at the start of
// `s` ("• ", "- ", "* ", "1. ", "1) "), 0 if none. Sets *numbered.
size_t ListMarker(absl::string_view s, bool* numbered);

// The readers of each format, over validated UTF-8 `bytes` (without a byte
// order mark): plain_text_reader.cc, markdown_reader.cc, html_reader.cc.
StructuredText ReadPlainText(absl::string_view bytes);
StructuredText ReadMarkdown(absl::string_view bytes);
StructuredText ReadHtml(absl::string_view bytes);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_READER_SUPPORT_H_
