// ingest/document_reader.cc: validation and block splitting for plain text,
// Markdown and HTML.
#include "ingest/document_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// IsSpace() as a table, for the per-byte loop of BlockBuilder::AppendBytes.
constexpr auto kSpace = [] {
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

struct Line {
  absl::string_view text;  // Without the line break.
  uint32_t offset = 0;     // Of text[0].
  int indent = 0;
  absl::string_view content;  // Without leading/trailing whitespace.
  uint32_t content_offset = 0;
};

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

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity at s[i] == '&'; returns its length (0 if none).
size_t DecodeEntity(absl::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i);
  if (semi == absl::string_view::npos || semi - i > 10) return 0;
  absl::string_view name = s.substr(i + 1, semi - i - 1);
  if (name.empty()) return 0;
  if (name[0] == '#') {
    uint32_t cp = 0;
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    absl::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v;
      if (absl::ascii_isdigit(c)) {
        v = c - '0';
      } else if (hex && absl::ascii_isxdigit(c)) {
        v = absl::ascii_tolower(c) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + v;
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0xA0) cp = ' ';
    AppendUtf8(cp, out);
    return semi - i + 1;
  }
  static const std::pair<const char*, uint32_t> kNamed[] = {
      {"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},
      {"apos", '\''},   {"nbsp", ' '},    {"ndash", 0x2013}, {"mdash", 0x2014},
      {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C},
      {"hellip", 0x2026}, {"bull", 0x2022}, {"middot", 0xB7}, {"copy", 0xA9},
      {"reg", 0xAE},    {"trade", 0x2122}, {"deg", 0xB0},    {"times", 0xD7},
  };
  for (const auto& [n, cp] : kNamed) {
    if (name == n) {
      AppendUtf8(cp, out);
      return semi - i + 1;
    }
  }
  return 0;
}

StructuredText ReadHtml(absl::string_view bytes) {
  StructuredText out;
  out.format = DocumentFormat::kHtml;
  BlockBuilder b;
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;
  bool numbered = false;
  std::vector<bool> lists;  // Open <ul>/<ol>: true for <ol>.
  auto flush = [&]() {
    size_t before = out.blocks.size();
    b.Flush(kind, level, numbered, &out.blocks);
    if (out.blocks.size() > before && kind == BlockKind::kListItem) {
      DetectLabel(&out.blocks.back());
    }
  };
  size_t i = 0;
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '<') {
      if (bytes.substr(i, 4) == "<!--") {
        size_t end = bytes.find("-->", i + 4);
        i = end == absl::string_view::npos ? bytes.size() : end + 3;
        continue;
      }
      size_t close = bytes.find('>', i);
      if (close == absl::string_view::npos) {
        b.Append(c, static_cast<uint32_t>(i));
        ++i;
        continue;
      }
      absl::string_view tag = bytes.substr(i + 1, close - i - 1);
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t name_end = 0;
      while (name_end < tag.size() && absl::ascii_isalnum(tag[name_end])) {
        ++name_end;
      }
      const std::string name =
          absl::AsciiStrToLower(tag.substr(0, name_end));
      const size_t after = close + 1;
      if (!closing && (name == "script" || name == "style" ||
                       name == "noscript" || name == "template")) {
        size_t end = after;
        const std::string end_tag = "</" + name;
        while (true) {
          end = bytes.find('<', end);
          if (end == absl::string_view::npos) break;
          if (absl::EqualsIgnoreCase(bytes.substr(end, end_tag.size()),
                                     end_tag)) {
            break;
          }
          ++end;
        }
        if (end == absl::string_view::npos) {
          i = bytes.size();
        } else {
          size_t gt = bytes.find('>', end);
          i = gt == absl::string_view::npos ? bytes.size() : gt + 1;
        }
        continue;
      }
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' &&
          name[1] <= '6') {
        flush();
        if (closing) {
          kind = BlockKind::kParagraph;
          level = 0;
        } else {
          kind = BlockKind::kHeading;
          level = name[1] - '0';
        }
      } else if (name == "title") {
        flush();
        kind = closing ? BlockKind::kParagraph : BlockKind::kHeading;
        level = closing ? 0 : 1;
      } else if (name == "ul" || name == "ol") {
        flush();
        if (closing) {
          if (!lists.empty()) lists.pop_back();
        } else {
          lists.push_back(name == "ol");
        }
        kind = BlockKind::kParagraph;
        level = 0;
      } else if (name == "li") {
        flush();
        if (closing) {
          kind = BlockKind::kParagraph;
          level = 0;
          numbered = false;
        } else {
          kind = BlockKind::kListItem;
          level = lists.empty() ? 0 : static_cast<int>(lists.size()) - 1;
          numbered = !lists.empty() && lists.back();
        }
      } else if (name == "tr") {
        flush();
        kind = closing ? BlockKind::kParagraph : BlockKind::kTableRow;
        level = 0;
      } else if (name == "td" || name == "th") {
        b.Space(static_cast<uint32_t>(i));
      } else if (name == "p" || name == "div" || name == "section" ||
                 name == "article" || name == "header" || name == "footer" ||
                 name == "blockquote" || name == "table" || name == "body" ||
                 name == "head" || name == "html" || name == "dd" ||
                 name == "dt" || name == "pre" || name == "main" ||
                 name == "nav" || name == "figure" || name == "figcaption") {
        if (kind == BlockKind::kListItem && name != "p" && name != "div") {
          flush();
        } else if (kind != BlockKind::kListItem) {
          flush();
          kind = BlockKind::kParagraph;
          level = 0;
        }
      } else if (name == "br" || name == "hr") {
        b.Space(static_cast<uint32_t>(i));
      }
      i = after;
      continue;
    }
    if (c == '&') {
      std::string decoded;
      size_t len = DecodeEntity(bytes, i, &decoded);
      if (len > 0) {
        b.AppendDecoded(decoded, static_cast<uint32_t>(i),
                        static_cast<uint32_t>(i + len));
        i += len;
        continue;
      }
    }
    b.Append(c, static_cast<uint32_t>(i));
    ++i;
  }
  flush();
  return out;
}

absl::string_view Extension(absl::string_view path) {
  size_t slash = path.find_last_of('/');
  absl::string_view base =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == absl::string_view::npos || dot == 0) return "";
  return base.substr(dot + 1);
}

}  // namespace

absl::StatusOr<DocumentFormat> FormatFromPath(absl::string_view path) {
  const std::string ext = absl::AsciiStrToLower(Extension(path));
  if (ext == "txt" || ext == "text") return DocumentFormat::kText;
  if (ext == "md" || ext == "markdown") return DocumentFormat::kMarkdown;
  if (ext == "html" || ext == "htm") return DocumentFormat::kHtml;
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: unsupported file type", path));
}

// Returns the encoding a UTF-16 or UTF-32 byte order mark at the start of
// `bytes` announces, or "" (UTF-32 first: its LE mark starts like UTF-16's).
absl::string_view WideEncoding(absl::string_view bytes) {
  if (absl::StartsWith(bytes, absl::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
  if (absl::StartsWith(bytes, absl::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
  if (absl::StartsWith(bytes, "\xFF\xFE")) return "UTF-16LE";
  if (absl::StartsWith(bytes, "\xFE\xFF")) return "UTF-16BE";
  return "";
}

absl::Status ValidateText(absl::string_view name, absl::string_view bytes) {
  // Refused by name rather than decoded: provenance spans are byte offsets
  // into the file as stored, which a decoded copy would not match. Said
  // before the NUL check, which would call the file binary.
  if (const absl::string_view encoding = WideEncoding(bytes); !encoding.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: %s text (it starts with a byte order mark); mskg reads UTF-8: "
        "convert it first, e.g. iconv -f %s -t UTF-8 FILE > FILE.utf8.txt",
        name, encoding, encoding));
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: file is empty%s; nothing to ingest: add text or leave it out",
        name, bytes.empty() ? "" : " (only white space)"));
  }
  if (bytes.find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: binary file, not text", name));
  }
  int line = 1;
  size_t line_start = 0;
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    int len = 0;
    uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      min = 0x10000;
    }
    size_t bad = i;
    bool ok = len > 0 && i + len <= n;
    uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(bytes[i + k]);
      if ((cc & 0xC0) != 0x80) {
        ok = false;
        bad = i + k;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      if (len > 0 && i + len > n && bad == i) bad = i;
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d:%d: invalid UTF-8 byte 0x%02x", name, line,
          static_cast<int>(bad - line_start + 1),
          static_cast<unsigned char>(bytes[bad])));
    }
    i += len;
  }
  return absl::OkStatus();
}

absl::StatusOr<StructuredText> ReadDocument(absl::string_view name,
                                            absl::string_view bytes,
                                            DocumentFormat format) {
  absl::Status valid = ValidateText(name, bytes);
  if (!valid.ok()) return valid;
  if (format == DocumentFormat::kAuto) {
    absl::StatusOr<DocumentFormat> by_name = FormatFromPath(name);
    if (by_name.ok()) {
      format = *by_name;
    } else {
      absl::string_view head = absl::StripLeadingAsciiWhitespace(bytes);
      format = absl::StartsWith(head, "<") ? DocumentFormat::kHtml
                                           : DocumentFormat::kText;
    }
  }
  // A UTF-8 byte order mark is not text.
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
    std::string copy(bytes);
    copy.replace(0, 3, "   ");
    switch (format) {
      case DocumentFormat::kMarkdown:
        return ReadMarkdown(copy);
      case DocumentFormat::kHtml:
        return ReadHtml(copy);
      default:
        return ReadPlainText(copy);
    }
  }
  switch (format) {
    case DocumentFormat::kMarkdown:
      return ReadMarkdown(bytes);
    case DocumentFormat::kHtml:
      return ReadHtml(bytes);
    default:
      return ReadPlainText(bytes);
  }
}

}  // namespace mskg::ingest
