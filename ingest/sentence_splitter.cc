// ingest/sentence_splitter.cc
#include "ingest/sentence_splitter.h"

#include <array>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {
namespace {

// Lower-case words that, followed by a period, do not end a sentence.
bool IsAbbreviation(absl::string_view word) {
  static const char* const kAbbreviations[] = {
      "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "vs", "etc", "fig",
      "approx", "no", "st", "jr", "sr", "cf", "al", "ca", "esp", "incl",
      "min", "max", "resp", "vol", "p", "pp", "eg", "ie", "a.m", "p.m",
      "u.s", "inc", "ltd", "co", "dept"};
  for (const char* a : kAbbreviations) {
    if (absl::EqualsIgnoreCase(word, a)) return true;
  }
  return false;
}

void Emit(const Block& block, int block_index, size_t b, size_t e,
          bool is_label, std::vector<Sentence>* out) {
  const std::string& t = block.text;
  while (b < e) {
    if (t[b] == ' ') {
      ++b;
    } else if (b + 1 < e && static_cast<unsigned char>(t[b]) == 0xC2 &&
               static_cast<unsigned char>(t[b + 1]) == 0xA0) {
      b += 2;  // No-break space.
    } else {
      break;
    }
  }
  while (e > b && t[e - 1] == ' ') --e;
  if (b >= e) return;
  Sentence s;
  s.block = block_index;
  s.text_begin = b;
  s.text_end = e;
  s.begin = block.offsets[b];
  // One past the last byte of the sentence in the original.
  s.end = e < block.offsets.size() - 1 ? block.offsets[e - 1] + 1
                                       : block.offsets.back();
  if (e == t.size()) s.end = block.offsets.back();
  s.is_label = is_label;
  out->push_back(s);
}

// Appends the sentences of `block` to `*out_vec`.
void AppendSentences(const Block& block, int block_index,
                     std::vector<Sentence>* out_vec) {
  std::vector<Sentence>& out = *out_vec;
  const std::string& t = block.text;
  size_t start = 0;
  if (block.label_size > 0) {
    Emit(block, block_index, 0, block.label_size, true, &out);
    start = block.label_size + 1;  // Past the colon.
  }
  // The bytes the loop below acts on; all others are skipped at once.
  static constexpr auto kMarks = [] {
    std::array<bool, 256> marks{};
    for (unsigned char m : {'(', '[', ')', ']', '.', '!', '?'}) marks[m] = true;
    return marks;
  }();
  int depth = 0;
  for (size_t i = start; i < t.size(); ++i) {
    const char c = t[i];
    if (!kMarks[static_cast<unsigned char>(c)]) continue;
    if (c == '(' || c == '[') {
      ++depth;
      continue;
    }
    if ((c == ')' || c == ']') && depth > 0) {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c != '.' && c != '!' && c != '?') continue;
    // Include runs of closing punctuation and quotes.
    size_t j = i + 1;
    while (j < t.size() && (t[j] == '.' || t[j] == '!' || t[j] == '?' ||
                            t[j] == '"' || t[j] == '\'' || t[j] == ')')) {
      ++j;
    }
    // Curly closing quote (U+201D, U+2019).
    while (j + 2 < t.size() + 0 && static_cast<unsigned char>(t[j]) == 0xE2 &&
           static_cast<unsigned char>(t[j + 1]) == 0x80 &&
           (static_cast<unsigned char>(t[j + 2]) == 0x9D ||
            static_cast<unsigned char>(t[j + 2]) == 0x99)) {
      j += 3;
    }
    // A no-break space (U+00A0) after the mark counts as a space ("Why?  The").
    const bool nbsp = j + 1 < t.size() &&
                      static_cast<unsigned char>(t[j]) == 0xC2 &&
                      static_cast<unsigned char>(t[j + 1]) == 0xA0;
    if (j < t.size() && t[j] != ' ' && !nbsp) continue;  // "3.5", "e.g.x"
    if (c == '.') {
      // The word before the period.
      size_t w = i;
      while (w > start && t[w - 1] != ' ' && t[w - 1] != '(') --w;
      absl::string_view word(t.data() + w, i - w);
      if (IsAbbreviation(word)) continue;
      // A single capital letter: an initial ("T. Yass").
      if (word.size() == 1 && absl::ascii_isupper(word[0])) continue;
      // Next word starting lower case: no sentence boundary.
      size_t n = j;
      while (n < t.size() && t[n] == ' ') ++n;
      if (n < t.size() && absl::ascii_islower(t[n])) continue;
    }
    Emit(block, block_index, start, j, false, &out);
    start = j;
    i = j - 1;
  }
  Emit(block, block_index, start, t.size(), false, &out);
}

}  // namespace

std::vector<Sentence> SplitSentences(const Block& block, int block_index) {
  std::vector<Sentence> out;
  AppendSentences(block, block_index, &out);
  return out;
}

std::vector<Sentence> SplitSentences(const StructuredText& doc) {
  std::vector<Sentence> out;
  // About one sentence per 60 bytes of text; a guess that saves regrowth.
  size_t bytes = 0;
  for (const Block& b : doc.blocks) bytes += b.text.size();
  out.reserve(doc.blocks.size() + bytes / 60);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    AppendSentences(doc.blocks[i], static_cast<int>(i), &out);
  }
  return out;
}

absl::string_view SentenceText(const StructuredText& doc, const Sentence& s) {
  return absl::string_view(doc.blocks[s.block].text)
      .substr(s.text_begin, s.text_end - s.text_begin);
}

}  // namespace mskg::ingest
