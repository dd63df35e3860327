// ingest/markdown_reader.cc: Markdown: ATX and setext headings, lists, tables
// and paragraphs, with inline markup stripped.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/reader_support.h"

namespace mskg::ingest {
namespace {

// Strips inline Markdown (emphasis, code ticks, links, images) from a line
// into `b`.
void AppendMarkdownInline(absl::string_view s, uint32_t offset,
                          BlockBuilder* b) {
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      ++i;
      continue;
    }
    if (c == '[') {
      size_t close = s.find(']', i);
      if (close != absl::string_view::npos && close + 1 < s.size() &&
          s[close + 1] == '(') {
        size_t paren = s.find(')', close);
        if (paren != absl::string_view::npos) {
          AppendMarkdownInline(s.substr(i + 1, close - i - 1),
                               offset + static_cast<uint32_t>(i + 1), b);
          i = paren + 1;
          continue;
        }
      }
    }
    if (c == '*' || c == '`') {
      ++i;
      continue;
    }
    if (c == '_') {
      const bool left_word = i > 0 && absl::ascii_isalnum(s[i - 1]);
      const bool right_word = i + 1 < s.size() && absl::ascii_isalnum(s[i + 1]);
      if (!(left_word && right_word)) {
        ++i;
        continue;
      }
    }
    if (c == '<') {  // Inline HTML tag or autolink.
      size_t close = s.find('>', i);
      if (close != absl::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    if (c == '\\' && i + 1 < s.size() && absl::ascii_ispunct(s[i + 1])) {
      b->Append(s[i + 1], offset + static_cast<uint32_t>(i + 1));
      i += 2;
      continue;
    }
    b->Append(c, offset + static_cast<uint32_t>(i));
    ++i;
  }
}

}  // namespace

StructuredText ReadMarkdown(absl::string_view bytes) {
  StructuredText out;
  out.format = DocumentFormat::kMarkdown;
  std::vector<Line> lines = SplitLines(bytes);
  BlockBuilder para;
  auto flush_para = [&]() {
    para.Flush(BlockKind::kParagraph, 0, false, &out.blocks);
  };
  bool in_fence = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    absl::string_view c = line.content;
    if (absl::StartsWith(c, "```") || absl::StartsWith(c, "~~~")) {
      flush_para();
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (c.empty()) {
      flush_para();
      continue;
    }
    if (c[0] == '#') {
      size_t level = 0;
      while (level < c.size() && c[level] == '#') ++level;
      if (level <= 6 && (level == c.size() || c[level] == ' ')) {
        flush_para();
        BlockBuilder b;
        absl::string_view t = c.substr(level);
        while (!t.empty() && t.back() == '#') t.remove_suffix(1);
        AppendMarkdownInline(
            t, line.content_offset + static_cast<uint32_t>(level), &b);
        b.Flush(BlockKind::kHeading, static_cast<int>(level), false,
                &out.blocks);
        continue;
      }
    }
    // Setext heading underline.
    if (!para.empty() && (c.find_first_not_of('=') == absl::string_view::npos ||
                          c.find_first_not_of('-') == absl::string_view::npos)) {
      para.Flush(BlockKind::kHeading, c[0] == '=' ? 1 : 2, false, &out.blocks);
      continue;
    }
    if (c == "---" || c == "***" || c == "___") {
      flush_para();
      continue;
    }
    bool numbered = false;
    const size_t marker = ListMarker(c, &numbered);
    if (marker > 0 && !(c[0] == '*' && c.size() > 1 && c[1] == '*')) {
      flush_para();
      BlockBuilder b;
      AppendMarkdownInline(c.substr(marker),
                           line.content_offset + static_cast<uint32_t>(marker),
                           &b);
      // Lazy continuation lines.
      while (i + 1 < lines.size() && !lines[i + 1].content.empty() &&
             lines[i + 1].indent > line.indent) {
        bool n2 = false;
        if (ListMarker(lines[i + 1].content, &n2) > 0) break;
        ++i;
        b.Space(lines[i].content_offset);
        AppendMarkdownInline(lines[i].content, lines[i].content_offset, &b);
      }
      size_t before = out.blocks.size();
      b.Flush(BlockKind::kListItem, line.indent / 2, numbered, &out.blocks);
      if (out.blocks.size() > before) DetectLabel(&out.blocks.back());
      continue;
    }
    if (c[0] == '|') {
      flush_para();
      if (c.find_first_not_of("|-: ") == absl::string_view::npos) continue;
      BlockBuilder b;
      for (size_t k = 0; k < c.size(); ++k) {
        const uint32_t off = line.content_offset + static_cast<uint32_t>(k);
        if (c[k] == '|') {
          b.Space(off);
        } else {
          b.Append(c[k], off);
        }
      }
      b.Flush(BlockKind::kTableRow, 0, false, &out.blocks);
      continue;
    }
    if (c[0] == '>') {
      c.remove_prefix(1);
    }
    if (!para.empty()) para.Space(line.content_offset);
    AppendMarkdownInline(c, line.content_offset + static_cast<uint32_t>(
                                                      line.content.size() -
                                                      c.size()),
                         &para);
  }
  flush_para();
  return out;
}

}  // namespace mskg::ingest
