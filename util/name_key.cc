#include "util/name_key.h"

#include <string>

namespace mskg {
namespace {

// Ends the word that starts at `start` in `out`: drops a plural "s".
// REQUIRES: the word is out->substr(start) and not empty.
void EndWord(std::string* out, size_t start) {
  const size_t size = out->size() - start;
  if (size > 3 && out->back() == 's' && (*out)[out->size() - 2] != 's') {
    out->pop_back();
  }
}

}  // namespace

std::string NameKey(absl::string_view name) {
  std::string out;
  NameKeyInto(name, &out);
  return out;
}

// Writes straight into `*out` (no allocation once it has the capacity): a
// word is appended in place and closed by EndWord; its separating space is
// written with its first byte.
void NameKeyInto(absl::string_view name, std::string* out_ptr) {
  std::string& out = *out_ptr;
  out.clear();
  out.reserve(name.size());
  size_t start = 0;     // Where the current word starts in `out`.
  bool in_word = false;  // Whether the current word has a byte.
  auto put = [&](char c) {
    if (!in_word) {
      if (!out.empty()) out.push_back(' ');
      start = out.size();
      in_word = true;
    }
    out.push_back(c);
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z') {
      put(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(static_cast<char>(c));
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < name.size()) {
      // Latin-1 Supplement and Latin Extended-A letters: keep both bytes.
      put(name[i]);
      put(name[++i]);
    } else if (c == '\'' && in_word) {
      // "flexor's" -> "flexor"; "hamstrings'" -> "hamstrings".
      while (i + 1 < name.size() && name[i + 1] == 's') ++i;
    } else if (c == 0xE2 && i + 2 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) == 0x99 && in_word) {
      // U+2019 right single quotation mark used as an apostrophe.
      i += 2;
      while (i + 1 < name.size() && name[i + 1] == 's') ++i;
    } else if (in_word) {
      EndWord(&out, start);
      in_word = false;
    }
  }
  if (in_word) EndWord(&out, start);
}

}  // namespace mskg
