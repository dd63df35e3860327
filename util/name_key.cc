#include "util/name_key.h"

#include <string>

namespace mskg {
namespace {

void AppendWord(std::string* out, absl::string_view word) {
  if (word.empty()) return;
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
    word.remove_suffix(1);
  }
  if (!out->empty()) out->push_back(' ');
  out->append(word.data(), word.size());
}

}  // namespace

std::string NameKey(absl::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::string word;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < name.size()) {
      // Latin-1 Supplement and Latin Extended-A letters: keep both bytes.
      word.push_back(name[i]);
      word.push_back(name[++i]);
    } else if (c == '\'' && !word.empty()) {
      // "flexor's" -> "flexor"; "hamstrings'" -> "hamstrings".
      while (i + 1 < name.size() && name[i + 1] == 's') ++i;
    } else if (c == 0xE2 && i + 2 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) == 0x80 &&
               static_cast<unsigned char>(name[i + 2]) == 0x99 &&
               !word.empty()) {
      // U+2019 right single quotation mark used as an apostrophe.
      i += 2;
      while (i + 1 < name.size() && name[i + 1] == 's') ++i;
    } else {
      AppendWord(&out, word);
      word.clear();
    }
  }
  AppendWord(&out, word);
  return out;
}

}  // namespace mskg
