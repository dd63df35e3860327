#include "query/lexer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "util/utf8.h"

namespace mskg::query {
namespace {

bool IsIdentStart(unsigned char c) {
  return absl::ascii_isalpha(c) || c == '_' || c >= 0x80;
}
bool IsIdentChar(unsigned char c) {
  return absl::ascii_isalnum(c) || c == '_' || c >= 0x80;
}

absl::Status ErrorAt(int line, int col, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("%d:%d: %s", line, col, what));
}

}  // namespace

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd: return "end of input";
    case TokenKind::kString: return absl::StrCat("'", token.text, "'");
    case TokenKind::kParameter: return absl::StrCat("'$", token.text, "'");
    default: return absl::StrCat("'", token.text, "'");
  }
}

absl::StatusOr<std::vector<Token>> Lex(absl::string_view q) {
  // Checked up front, so that no later stage (names, NameKey, output) sees
  // bytes that are not text.
  if (const size_t bad = FirstInvalidUtf8(q); bad != absl::string_view::npos) {
    int bad_line = 1;
    size_t bad_line_start = 0;
    for (size_t k = 0; k < bad; ++k) {
      if (q[k] == '\n') {
        ++bad_line;
        bad_line_start = k + 1;
      }
    }
    return ErrorAt(bad_line, static_cast<int>(bad - bad_line_start) + 1,
                   absl::StrFormat("invalid UTF-8 byte 0x%02x: queries must be "
                                   "UTF-8 text",
                                   static_cast<unsigned char>(q[bad])));
  }
  std::vector<Token> out;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  auto col = [&](size_t pos) { return static_cast<int>(pos - line_start) + 1; };
  while (true) {
    // Whitespace and comments.
    while (i < q.size()) {
      const char c = q[i];
      if (c == '\n') {
        ++i;
        ++line;
        line_start = i;
      } else if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '/' && i + 1 < q.size() && q[i + 1] == '/') {
        while (i < q.size() && q[i] != '\n') ++i;
      } else if (c == '/' && i + 1 < q.size() && q[i + 1] == '*') {
        const int l = line, cl = col(i);
        i += 2;
        while (i + 1 < q.size() && !(q[i] == '*' && q[i + 1] == '/')) {
          if (q[i] == '\n') {
            ++line;
            line_start = i + 1;
          }
          ++i;
        }
        if (i + 1 >= q.size()) return ErrorAt(l, cl, "unterminated comment");
        i += 2;
      } else {
        break;
      }
    }
    Token t;
    t.line = line;
    t.column = col(i);
    if (i >= q.size()) {
      t.kind = TokenKind::kEnd;
      out.push_back(std::move(t));
      return out;
    }
    const unsigned char c = q[i];
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < q.size() && IsIdentChar(q[j])) ++j;
      t.kind = TokenKind::kIdentifier;
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (c == '`') {
      size_t j = i + 1;
      while (j < q.size() && q[j] != '`' && q[j] != '\n') ++j;
      if (j >= q.size() || q[j] != '`') {
        return ErrorAt(t.line, t.column, "unterminated `quoted` name");
      }
      t.kind = TokenKind::kIdentifier;
      t.quoted = true;
      t.text = std::string(q.substr(i + 1, j - i - 1));
      i = j + 1;
    } else if (absl::ascii_isdigit(c)) {
      size_t j = i;
      while (j < q.size() && absl::ascii_isdigit(q[j])) ++j;
      t.kind = TokenKind::kInteger;
      if (j + 1 < q.size() && q[j] == '.' && absl::ascii_isdigit(q[j + 1])) {
        ++j;
        while (j < q.size() && absl::ascii_isdigit(q[j])) ++j;
        t.kind = TokenKind::kFloat;
      }
      if (j < q.size() && (q[j] == 'e' || q[j] == 'E')) {
        size_t k = j + 1;
        if (k < q.size() && (q[k] == '+' || q[k] == '-')) ++k;
        if (k < q.size() && absl::ascii_isdigit(q[k])) {
          while (k < q.size() && absl::ascii_isdigit(q[k])) ++k;
          j = k;
          t.kind = TokenKind::kFloat;
        }
      }
      if (j < q.size() && IsIdentStart(q[j])) {
        return ErrorAt(t.line, t.column, absl::StrCat("malformed number '",
                       q.substr(i, j - i + 1), "'"));
      }
      t.text = std::string(q.substr(i, j - i));
      i = j;
    } else if (c == '\'' || c == '"') {
      const char quote = c;
      size_t j = i + 1;
      std::string s;
      while (true) {
        if (j >= q.size()) return ErrorAt(t.line, t.column, "unterminated string");
        const char d = q[j];
        if (d == quote) break;
        if (d == '\n') {
          ++line;
          line_start = j + 1;
        }
        if (d == '\\') {
          if (j + 1 >= q.size()) {
            return ErrorAt(t.line, t.column, "unterminated string");
          }
          const char e = q[j + 1];
          switch (e) {
            case 'n': s.push_back('\n'); break;
            case 't': s.push_back('\t'); break;
            case 'r': s.push_back('\r'); break;
            case 'b': s.push_back('\b'); break;
            case 'f': s.push_back('\f'); break;
            case '0': s.push_back('\0'); break;
            case '\\': case '\'': case '"': case '`': s.push_back(e); break;
            default:
              return ErrorAt(line, static_cast<int>(j - line_start) + 1,
                             absl::StrCat("unknown escape '\\", std::string(1, e), "'"));
          }
          j += 2;
          continue;
        }
        s.push_back(d);
        ++j;
      }
      t.kind = TokenKind::kString;
      t.text = std::move(s);
      i = j + 1;
    } else if (c == '$') {
      size_t j = i + 1;
      while (j < q.size() && IsIdentChar(q[j])) ++j;
      if (j == i + 1) return ErrorAt(t.line, t.column, "expected a parameter name after '$'");
      t.kind = TokenKind::kParameter;
      t.text = std::string(q.substr(i + 1, j - i - 1));
      i = j;
    } else {
      static constexpr absl::string_view kTwo[] = {"..", "<>", "<=", ">=", "!="};
      t.kind = TokenKind::kSymbol;
      bool two = false;
      for (absl::string_view s : kTwo) {
        if (q.substr(i, 2) == s) {
          t.text = std::string(s);
          i += 2;
          two = true;
          break;
        }
      }
      if (!two) {
        static constexpr absl::string_view kOne = "()[]{},:.|*+-/%<>=;";
        if (kOne.find(static_cast<char>(c)) == absl::string_view::npos) {
          return ErrorAt(t.line, t.column,
                         absl::StrCat("unexpected character '", std::string(1, c), "'"));
        }
        t.text = std::string(1, c);
        ++i;
      }
    }
    out.push_back(std::move(t));
  }
}

}  // namespace mskg::query
