// ingest/plain_text_reader.cc: plain text: structure guessed from the layout
// (headings, bulleted and numbered items, "Label:" items, paragraphs).
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/reader_support.h"

namespace mskg::ingest {
namespace {

int CountWords(absl::string_view s) {
  int words = 0;
  bool in = false;
  for (char c : s) {
    if (IsSpace(c)) {
      in = false;
    } else if (!in) {
      in = true;
      ++words;
    }
  }
  return words;
}

// Short title-case line without final sentence punctuation.
bool LooksLikeHeading(absl::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  const int words = CountWords(s);
  if (words > 14) return false;
  const char last = s.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' ||
      last == '!' || last == ')' || last == '"') {
    return false;
  }
  const unsigned char first = static_cast<unsigned char>(s[0]);
  if (!absl::ascii_isupper(first) && !absl::ascii_isdigit(first)) {
    return false;
  }
  if (absl::StrContains(s, ". ")) return false;
  // Title case: most words of four or more letters after the first are
  // capitalized.
  int long_words = 0, capitalized = 0;
  bool first_word = true;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    absl::string_view w = s.substr(i, j - i);
    if (!w.empty() && !first_word) {
      int letters = 0;
      for (char c : w) letters += absl::ascii_isalpha(c) ? 1 : 0;
      if (letters >= 4) {
        ++long_words;
        if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) {
          ++capitalized;
        }
      }
    }
    first_word = false;
    i = j;
  }
  if (long_words == 0) return last != '?' && words <= 3;
  return capitalized * 10 >= long_words * 6;
}

// A line that stands alone between blank lines, is short and ends without
// sentence punctuation is a heading in plain text whatever its case
// ("Risk factors", "When to see a doctor"): a sentence that short standing
// alone would end with a full stop.
bool StandaloneHeading(const std::vector<Line>& lines, size_t i) {
  absl::string_view s = lines[i].content;
  if (s.empty() || CountWords(s) > 8) return false;
  if (i > 0 && !lines[i - 1].content.empty()) return false;
  if (i + 1 >= lines.size() || !lines[i + 1].content.empty()) return false;
  const char last = s.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' ||
      last == '!' || last == ')' || last == '"') {
    return false;
  }
  const unsigned char first = static_cast<unsigned char>(s[0]);
  return absl::ascii_isupper(first) || absl::ascii_isdigit(first);
}

void AppendLine(const Line& line, size_t skip, BlockBuilder* b) {
  if (!b->empty()) b->Space(line.content_offset);
  b->AppendBytes(line.content.substr(skip),
                 line.content_offset + static_cast<uint32_t>(skip));
}

}  // namespace

StructuredText ReadPlainText(absl::string_view bytes) {
  StructuredText out;
  out.format = DocumentFormat::kText;
  std::vector<Line> lines = SplitLines(bytes);
  std::vector<int> list_indents;  // Indents of the enclosing list markers.
  bool seen_content = false;
  size_t i = 0;
  while (i < lines.size()) {
    const Line& line = lines[i];
    if (line.content.empty()) {
      ++i;
      continue;
    }
    bool numbered = false;
    const size_t marker = ListMarker(line.content, &numbered);
    const bool next_nonblank =
        i + 1 < lines.size() && !lines[i + 1].content.empty();
    BlockBuilder b;
    if (marker > 0) {
      while (!list_indents.empty() && list_indents.back() >= line.indent) {
        list_indents.pop_back();
      }
      const int depth = static_cast<int>(list_indents.size());
      list_indents.push_back(line.indent);
      AppendLine(line, marker, &b);
      ++i;
      // Continuation: directly following, more indented, unmarked lines.
      while (i < lines.size() && !lines[i].content.empty() &&
             lines[i].indent > line.indent) {
        bool n2 = false;
        if (ListMarker(lines[i].content, &n2) > 0) break;
        AppendLine(lines[i], 0, &b);
        ++i;
      }
      size_t before = out.blocks.size();
      b.Flush(BlockKind::kListItem, depth, numbered, &out.blocks);
      if (out.blocks.size() > before) DetectLabel(&out.blocks.back());
      seen_content = true;
      continue;
    }
    const bool label_line = line.content.back() == ':' &&
                            CountWords(line.content) <= 6 && next_nonblank &&
                            absl::ascii_isupper(static_cast<unsigned char>(
                                line.content[0]));
    if (label_line) {
      bool n2 = false;
      if (ListMarker(lines[i + 1].content, &n2) == 0) {
        AppendLine(line, 0, &b);
        ++i;
        while (i < lines.size() && !lines[i].content.empty()) {
          if (ListMarker(lines[i].content, &n2) > 0) break;
          AppendLine(lines[i], 0, &b);
          ++i;
        }
        b.Flush(BlockKind::kListItem, static_cast<int>(list_indents.size()),
                false, &out.blocks);
        DetectLabel(&out.blocks.back());
        seen_content = true;
        continue;
      }
    }
    if (line.indent == 0 || list_indents.empty() ||
        line.indent <= list_indents.front()) {
      list_indents.clear();
    }
    if (LooksLikeHeading(line.content) || StandaloneHeading(lines, i)) {
      AppendLine(line, 0, &b);
      b.Flush(BlockKind::kHeading, seen_content ? 2 : 1, false, &out.blocks);
      seen_content = true;
      ++i;
      continue;
    }
    // A paragraph: this line and the directly following unmarked lines.
    AppendLine(line, 0, &b);
    ++i;
    while (i < lines.size() && !lines[i].content.empty()) {
      bool n2 = false;
      if (ListMarker(lines[i].content, &n2) > 0) break;
      if (LooksLikeHeading(lines[i].content)) break;
      AppendLine(lines[i], 0, &b);
      ++i;
    }
    b.Flush(BlockKind::kParagraph, 0, false, &out.blocks);
    seen_content = true;
  }
  return out;
}

}  // namespace mskg::ingest
