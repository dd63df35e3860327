// ingest/html_reader.cc: HTML: block elements to blocks, tags stripped,
// entities decoded.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/utf8_text.h"
#include "ingest/reader_support.h"

namespace mskg::ingest {
namespace {

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

}  // namespace

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

}  // namespace mskg::ingest
