// ingest/tokenizer.cc
#include "ingest/tokenizer.h"

#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {
namespace {

// Length of the word character at s[i] (ASCII alnum or a UTF-8 Latin
// letter), 0 if none.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t WordChar(absl::string_view s,
                                                    size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (absl::ascii_isalnum(c)) return 1;
  if (c >= 0xC3 && c <= 0xC5 && i + 1 < s.size()) return 2;
  return 0;
}

// Length of an apostrophe at s[i] (' or U+2019), 0 if none.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t Apostrophe(absl::string_view s,
                                                      size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '\'') return 1;
  if (c == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x99) {
    return 3;
  }
  return 0;
}

// Length of a dash at s[i] (- U+2010..U+2015), 0 if none.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t Dash(absl::string_view s,
                                                size_t i) {
  if (s[i] == '-') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0x95) return 3;
  }
  return 0;
}

// Fills the case flags, `lower` and `norm` of word token `t`. One pass over
// the raw bytes, writing into the token's strings in place (no temporaries).
void Finish(absl::string_view text, Token* t) {
  const absl::string_view raw = text.substr(t->begin, t->end - t->begin);
  const size_t size = raw.size();
  std::string& lower = t->lower;
  std::string& norm = t->norm;
  lower.resize(size);
  norm.resize(size);
  char* lp = lower.data();
  char* np = norm.data();
  size_t ln = 0, nn = 0;
  int upper = 0, letters = 0;
  for (size_t i = 0; i < size;) {
    const char c = raw[i];
    if (absl::ascii_isalpha(c)) {
      ++letters;
      if (absl::ascii_isupper(c)) {
        ++upper;
        lp[ln++] = np[nn++] = static_cast<char>(c + ('a' - 'A'));
      } else {
        lp[ln++] = np[nn++] = c;
      }
      ++i;
      continue;
    }
    const size_t a = Apostrophe(raw, i);
    if (a > 0) {
      lp[ln++] = '\'';  // Dropped from the norm.
      i += a;
      continue;
    }
    lp[ln++] = np[nn++] = absl::ascii_tolower(c);
    ++i;
  }
  lower.resize(ln);
  norm.resize(nn);
  t->capitalized = size > 0 && absl::ascii_isupper(raw[0]);
  // Abbreviation with plural s: "QLs", "NSAIDs".
  const bool caps_plural = size >= 3 && raw.back() == 's' && upper >= 2 &&
                           upper == letters - 1;
  t->all_caps = letters >= 2 && (upper == letters || caps_plural);
  if (caps_plural ||
      (nn > 3 && norm.back() == 's' && norm[nn - 2] != 's')) {
    norm.pop_back();
  }
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    // A no-break space (U+00A0) is white space too.
    if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      i += 2;
      continue;
    }
    size_t w = WordChar(text, i);
    if (w > 0) {
      Token& t = tokens.emplace_back();
      t.is_word = true;
      t.begin = i;
      i += w;
      while (i < n) {
        size_t k = WordChar(text, i);
        if (k > 0) {
          i += k;
          continue;
        }
        size_t a = Apostrophe(text, i);
        if (a > 0 && i + a < n && WordChar(text, i + a) > 0) {
          // Possessive "'s" ends the word and is dropped.
          if ((text[i + a] == 's' || text[i + a] == 'S') &&
              (i + a + 1 >= n || WordChar(text, i + a + 1) == 0)) {
            t.end = i;
            t.possessive = true;
            Finish(text, &t);
            i += a + 1;
            goto next;
          }
          i += a;  // Contraction: "aren't".
          continue;
        }
        break;
      }
      t.end = i;
      // Trailing possessive apostrophe ("hamstrings'").
      if (i < n) {
        size_t a = Apostrophe(text, i);
        if (a > 0 && t.end - t.begin > 1 && text[i - 1] == 's') i += a;
      }
      Finish(text, &t);
      // Hyphen between words: skip it, the next word follows.
      if (i < n && text[i] == '-' && i + 1 < n && WordChar(text, i + 1) > 0 &&
          i > 0 && WordChar(text, i - 1) > 0) {
        ++i;
      }
      continue;
    }
    {
      Token& t = tokens.emplace_back();
      t.begin = i;
      size_t len = 1;
      size_t d = Dash(text, i);
      if (d > 0) {
        len = d;
        t.lower = "-";
      } else if (c >= 0x80) {
        // A whole UTF-8 sequence.
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > n) len = n - i;
        t.lower.assign(text.data() + i, len);
        if (t.lower == "\xE2\x80\x9C" || t.lower == "\xE2\x80\x9D") {
          t.lower = "\"";
        } else if (t.lower == "\xE2\x80\x98" || t.lower == "\xE2\x80\x99") {
          t.lower = "'";
        }
      } else {
        t.lower.assign(1, static_cast<char>(c));
      }
      t.end = i + len;
      i += len;
    }
  next:;
  }
  return tokens;
}

std::string TokenKey(absl::string_view name) {
  std::string key;
  for (const Token& t : Tokenize(name)) {
    if (!t.is_word) continue;
    if (!key.empty()) key.push_back(' ');
    key += t.norm;
  }
  return key;
}

}  // namespace mskg::ingest
