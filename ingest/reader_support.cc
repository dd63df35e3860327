// ingest/reader_support.cc: line splitting, list markers and labels,
// shared by the document readers.
#include "ingest/reader_support.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace mskg::ingest {

// Sets label_size when the text starts with a short "Label:" (at most six
// words, starting with an upper-case letter or digit).
void DetectLabel(Block* block) {
  const std::string& t = block->text;
  size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 80) return;
  absl::string_view head(t.data(), colon);
  if (!absl::ascii_isupper(static_cast<unsigned char>(head[0])) &&
      !absl::ascii_isdigit(static_cast<unsigned char>(head[0]))) {
    return;
  }
  int words = 1;
  for (char c : head) {
    if (c == ' ') ++words;
    if (c == '.' || c == '?' || c == '!') return;
  }
  if (words > 6) return;
  // "https://..." is no label.
  if (colon + 1 < t.size() && t[colon + 1] == '/') return;
  block->label_size = colon;
}

std::vector<Line> SplitLines(absl::string_view bytes) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= bytes.size()) {
    size_t nl = bytes.find('\n', start);
    if (nl == absl::string_view::npos) nl = bytes.size();
    Line line;
    line.text = bytes.substr(start, nl - start);
    line.offset = static_cast<uint32_t>(start);
    size_t i = 0;
    while (i < line.text.size() && IsSpace(line.text[i])) {
      line.indent += line.text[i] == '\t' ? 4 : 1;
      ++i;
    }
    size_t j = line.text.size();
    while (j > i && IsSpace(line.text[j - 1])) --j;
    line.content = line.text.substr(i, j - i);
    line.content_offset = line.offset + static_cast<uint32_t>(i);
    lines.push_back(line);
    if (nl == bytes.size()) break;
    start = nl + 1;
  }
  return lines;
}

// Returns the length of a list marker plus following space at the start of
// `s` ("• ", "- ", "* ", "1. ", "1) "), 0 if none. Sets *numbered.
size_t ListMarker(absl::string_view s, bool* numbered) {
  *numbered = false;
  if (absl::StartsWith(s, "\xE2\x80\xA2") ||  // •
      absl::StartsWith(s, "\xE2\x97\xA6") ||  // ◦
      absl::StartsWith(s, "\xE2\x96\xAA")) {  // ▪
    size_t n = 3;
    if (n < s.size() && !IsSpace(s[n])) return 0;
    while (n < s.size() && IsSpace(s[n])) ++n;
    return n;
  }
  if (!s.empty() && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
    if (s.size() < 2 || !IsSpace(s[1])) return 0;
    size_t n = 1;
    while (n < s.size() && IsSpace(s[n])) ++n;
    return n;
  }
  size_t d = 0;
  while (d < s.size() && d < 3 && absl::ascii_isdigit(s[d])) ++d;
  if (d == 0 || d >= s.size() || (s[d] != '.' && s[d] != ')')) return 0;
  if (d + 1 < s.size() && !IsSpace(s[d + 1])) return 0;
  size_t n = d + 1;
  while (n < s.size() && IsSpace(s[n])) ++n;
  if (n >= s.size()) return 0;  // A bare "1." is no item.
  *numbered = true;
  return n;
}

}  // namespace mskg::ingest
