// interop/text_escape.cc: escaping for JSON, XML, DOT, CSV, RDF and IRIs.
#include "interop/text_escape.h"

#include <cstdint>

namespace mskg::interop {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";
constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Returns the length of the valid UTF-8 sequence starting at text[i], or 0
// if the bytes there are not one. text[i] is >= 0x80.
size_t Utf8SequenceLength(absl::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  size_t length;
  uint32_t min;
  uint32_t code;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2, min = 0x80, code = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3, min = 0x800, code = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4, min = 0x10000, code = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    const unsigned char d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    code = (code << 6) | (d & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return 0;
  }
  return length;
}

// Calls `ascii(c)` for each ASCII byte and appends valid non-ASCII
// sequences (or U+FFFD for invalid ones) to `out`.
template <typename AsciiFn>
void ForEachChar(absl::string_view text, std::string* out, AsciiFn ascii) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ascii(static_cast<char>(c));
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out->append(kReplacement.data(), kReplacement.size());
      ++i;
    } else {
      out->append(text.data() + i, length);
      i += length;
    }
  }
}

void AppendU00(char c, std::string* out) {
  const unsigned char u = static_cast<unsigned char>(c);
  out->append("\\u00");
  out->push_back(kHex[u >> 4]);
  out->push_back(kHex[u & 0xF]);
}

}  // namespace

void AppendValidUtf8(absl::string_view text, std::string* out) {
  ForEachChar(text, out, [out](char c) { out->push_back(c); });
}

namespace {

// Appends `text` quoted, with the backslash escapes JSON and N-Triples
// share; other control characters as \u00XX, and DEL too if `escape_del`.
void AppendQuotedEscaped(absl::string_view text, bool escape_del,
                         std::string* out) {
  out->push_back('"');
  ForEachChar(text, out, [out, escape_del](char c) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || (escape_del && c == 0x7F)) {
          AppendU00(c, out);
        } else {
          out->push_back(c);
        }
    }
  });
  out->push_back('"');
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out) {
  AppendQuotedEscaped(text, /*escape_del=*/false, out);
}

std::string XmlSafe(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachChar(text, &out, [&out](char c) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
        c != '\r') {
      out.append(kReplacement.data(), kReplacement.size());
    } else {
      out.push_back(c);
    }
  });
  return out;
}

void AppendDotString(absl::string_view text, std::string* out) {
  out->push_back('"');
  ForEachChar(text, out, [out](char c) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out->push_back(' ');
        } else {
          out->push_back(c);
        }
    }
  });
  out->push_back('"');
}

void AppendCsvField(absl::string_view text, std::string* out) {
  out->push_back('"');
  ForEachChar(text, out, [out](char c) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  });
  out->push_back('"');
}

void AppendRdfString(absl::string_view text, std::string* out) {
  AppendQuotedEscaped(text, /*escape_del=*/true, out);
}

void AppendPercentEncoded(absl::string_view text, std::string* out) {
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
        (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
        u == '~') {
      out->push_back(c);
    } else {
      out->push_back('%');
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 0xF]);
    }
  }
}

std::string PercentDecode(absl::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
        hex(text[i + 2]) >= 0) {
      out.push_back(
          static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace mskg::interop
