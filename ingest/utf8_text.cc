// ingest/utf8_text.cc: the UTF-8 checks of ValidateText and code point
// encoding.
#include "ingest/utf8_text.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "ingest/document_reader.h"

namespace mskg::ingest {

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

}  // namespace mskg::ingest
