// fuzz/document_reader_fuzzer.cc
//
// The document readers (text, Markdown, HTML, and the guess of kAuto). The
// first byte picks the format, the rest is the document. Besides not
// crashing, every block must map each byte of its text back into the input
// (ingest cites spans from these offsets): a broken map aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using mskg::ingest::DocumentFormat;
  static constexpr DocumentFormat kFormats[] = {
      DocumentFormat::kAuto, DocumentFormat::kText, DocumentFormat::kMarkdown,
      DocumentFormat::kHtml};
  static constexpr const char* kNames[] = {"fuzz", "fuzz.txt", "fuzz.md",
                                           "fuzz.html"};
  const int which = data[0] % 4;
  const absl::string_view bytes(reinterpret_cast<const char*>(data) + 1,
                                size - 1);
  absl::StatusOr<mskg::ingest::StructuredText> text =
      mskg::ingest::ReadDocument(kNames[which], bytes, kFormats[which]);
  if (!text.ok()) return 0;
  for (const mskg::ingest::Block& block : text->blocks) {
    if (block.offsets.size() != block.text.size() + 1) std::abort();
    for (uint32_t offset : block.offsets) {
      if (offset > bytes.size()) std::abort();
    }
    if (block.label_size > block.text.size()) std::abort();
  }
  return 0;
}
