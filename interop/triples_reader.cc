// interop/triples_reader.cc: the triples TSV into DocumentClaims batches.
#include "interop/triples_reader.h"

#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

// Splits `line` at tabs into at most `max` fields; returns the count.
int SplitTabs(absl::string_view line, absl::string_view* fields, int max) {
  int n = 0;
  size_t start = 0;
  while (n < max) {
    const size_t tab = line.find('\t', start);
    if (tab == absl::string_view::npos) {
      fields[n++] = line.substr(start);
      return n;
    }
    fields[n++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return n + 1;  // More fields than `max`.
}

}  // namespace

absl::StatusOr<ImportStats> ReadTriples(std::istream* in,
                                        absl::string_view source_name,
                                        const ImportOptions& options,
                                        const ClaimsSink& sink) {
  LineReader reader(in);
  ClaimsBatcher batcher(options.batch_rows, sink);
  ImportStats stats;
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(absl::StrCat(
        source_name, ":", reader.line_number(), ": ", message));
  };
  absl::string_view line;
  absl::string_view fields[7];
  bool header_seen = false;
  while (reader.Next(&line)) {
    ++stats.lines;
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      if (absl::StartsWith(line, "subject_type\t")) continue;
    }
    const int n = SplitTabs(line, fields, 6);
    if (n < 5 || n > 6) {
      return error(absl::StrCat("expected 5 or 6 tab-separated fields, found ",
                                n > 6 ? "more than 6" : absl::StrCat(n)));
    }
    absl::StatusOr<schema::NodeType> subject_type = ParseTypeLabel(fields[0]);
    if (!subject_type.ok()) return error(subject_type.status().message());
    absl::StatusOr<schema::Relation> relation = ParseRelationLabel(fields[2]);
    if (!relation.ok()) return error(relation.status().message());
    absl::StatusOr<schema::NodeType> object_type = ParseTypeLabel(fields[3]);
    if (!object_type.ok()) return error(object_type.status().message());
    if (fields[1].empty() || fields[4].empty()) return error("empty name");

    schema::Claim claim;
    claim.mutable_subject()->set_type(*subject_type);
    claim.mutable_subject()->set_name(std::string(fields[1]));
    claim.set_relation(*relation);
    claim.mutable_object()->set_type(*object_type);
    claim.mutable_object()->set_name(std::string(fields[4]));
    schema::Provenance* p = claim.mutable_provenance();
    p->set_document_id(n == 6 && !fields[5].empty()
                           ? std::string(fields[5])
                           : options.default_document);
    p->set_polarity(schema::AFFIRMED);
    p->set_confidence(1.0f);
    if (absl::Status s = batcher.Add(std::move(claim)); !s.ok()) return s;
  }
  if (reader.failed()) {
    return absl::DataLossError(absl::StrCat(source_name, ": read failed"));
  }
  if (absl::Status s = batcher.Flush(); !s.ok()) return s;
  stats.claims = batcher.claims();
  stats.batches = batcher.batches();
  return stats;
}

absl::StatusOr<ImportStats> ReadTriplesColumnar(
    std::istream* in, absl::string_view source_name,
    const ImportOptions& options, graph::TripleBatch* batch,
    size_t max_text_bytes) {
  std::string& text = *batch->mutable_text();
  text.clear();
  // Sized once when the stream can tell its length: growing by blocks
  // copies the text again at every reallocation.
  if (const std::streampos begin = in->tellg(); begin != std::streampos(-1)) {
    in->seekg(0, std::ios::end);
    const std::streampos end = in->tellg();
    in->seekg(begin);
    if (end != std::streampos(-1) && end >= begin &&
        static_cast<size_t>(end - begin) <= max_text_bytes) {
      text.reserve(static_cast<size_t>(end - begin) + 1);
    }
    in->clear();
  }
  constexpr size_t kBlock = size_t{4} << 20;
  while (true) {
    const size_t size = text.size();
    if (size > max_text_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat(
          source_name, ": larger than ", max_text_bytes,
          " bytes; use the streaming reader"));
    }
    // Within the reserved capacity if any (the last read, of one byte,
    // meets the end), so that resize() does not reallocate.
    const size_t block = text.capacity() > size
                             ? std::min(kBlock, text.capacity() - size)
                             : kBlock;
    text.resize(size + block);
    in->read(text.data() + size, static_cast<std::streamsize>(block));
    text.resize(size + static_cast<size_t>(in->gcount()));
    if (!*in) break;
  }
  if (!in->eof()) {
    return absl::DataLossError(absl::StrCat(source_name, ": read failed"));
  }
  ImportStats stats;
  // Added when first used: a document without rows must not be stored.
  int64_t default_document = -1;
  const absl::string_view all(text);
  size_t pos = 0;
  absl::string_view fields[7];
  bool header_seen = false;
  // Labels repeat: remember the last one parsed per column.
  absl::string_view last_label[3];
  absl::string_view last_document;
  uint32_t last_document_index = 0;
  int last_value[3] = {0, 0, 0};
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ":", stats.lines, ": ", message));
  };
  while (pos < all.size()) {
    size_t end = all.find('\n', pos);
    if (end == absl::string_view::npos) end = all.size();
    absl::string_view line = all.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++stats.lines;
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      if (absl::StartsWith(line, "subject_type\t")) continue;
    }
    const int n = SplitTabs(line, fields, 6);
    if (n < 5 || n > 6) {
      return error(absl::StrCat("expected 5 or 6 tab-separated fields, found ",
                                n > 6 ? "more than 6" : absl::StrCat(n)));
    }
    graph::TripleBatch::Row row;
    for (int c = 0; c < 3; ++c) {
      const absl::string_view label = fields[c == 0 ? 0 : c == 1 ? 2 : 3];
      if (label != last_label[c] || last_label[c].empty()) {
        if (c == 1) {
          absl::StatusOr<schema::Relation> relation = ParseRelationLabel(label);
          if (!relation.ok()) return error(relation.status().message());
          last_value[c] = *relation;
        } else {
          absl::StatusOr<schema::NodeType> type = ParseTypeLabel(label);
          if (!type.ok()) return error(type.status().message());
          last_value[c] = *type;
        }
        last_label[c] = label;
      }
    }
    if (fields[1].empty() || fields[4].empty()) return error("empty name");
    row.subject_type = static_cast<schema::NodeType>(last_value[0]);
    row.relation = static_cast<schema::Relation>(last_value[1]);
    row.object_type = static_cast<schema::NodeType>(last_value[2]);
    row.subject = fields[1];
    row.object = fields[4];
    if (n == 6 && !fields[5].empty()) {
      // Rows of one document often come together: skip the hash lookup.
      if (fields[5] != last_document) {
        last_document = fields[5];
        last_document_index = batch->AddDocument(fields[5]);
      }
      row.document = last_document_index;
    } else {
      if (default_document < 0) {
        default_document = batch->AddDocument(options.default_document);
      }
      row.document = static_cast<uint32_t>(default_document);
    }
    batch->AddRow(row);
  }
  stats.claims = static_cast<int64_t>(batch->rows().size());
  stats.batches = 1;
  return stats;
}

}  // namespace mskg::interop
