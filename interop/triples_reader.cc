// interop/triples_reader.cc: the triples TSV into DocumentClaims batches or
// columnar chunks.
#include "interop/triples_reader.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "interop/vocabulary.h"
#include "util/name_key.h"
#include "util/status_macros.h"
#include "util/utf8.h"

namespace mskg::interop {
namespace {

// Returns InvalidArgument (through `error`) unless `name` has a letter or a
// digit, which the store needs of a name (util/name_key.h): cheaply in the
// common case of an ASCII letter or digit.
template <typename Error>
absl::Status CheckName(absl::string_view name, const Error& error) {
  if (name.empty()) return error("empty name");
  for (const char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return absl::OkStatus();
    }
  }
  if (!NameKey(name).empty()) return absl::OkStatus();
  return error(absl::StrCat("name '", name, "' has no letter or digit"));
}

// Returns InvalidArgument (through `error`) unless `line` is UTF-8: its
// names and document ids become protobuf string fields, which do not parse
// back otherwise (found by //fuzz:triples_reader_fuzzer). One pass over an
// ASCII line, the common case.
template <typename Error>
absl::Status CheckUtf8(absl::string_view line, const Error& error) {
  for (const char c : line) {
    if (static_cast<unsigned char>(c) < 0x80) continue;
    const size_t bad = FirstInvalidUtf8(line);
    if (bad == absl::string_view::npos) return absl::OkStatus();
    return error(absl::StrFormat(
        "invalid UTF-8 byte 0x%02X at column %d; the file must be UTF-8",
        static_cast<unsigned char>(line[bad]), bad + 1));
  }
  return absl::OkStatus();
}

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
    if (absl::Status s = CheckUtf8(line, error); !s.ok()) return s;
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
    if (absl::Status s = CheckName(fields[1], error); !s.ok()) return s;
    if (absl::Status s = CheckName(fields[4], error); !s.ok()) return s;

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

namespace {

constexpr size_t kReadBlock = size_t{4} << 20;

}  // namespace

TriplesChunkReader::TriplesChunkReader(std::istream* in,
                                       absl::string_view source_name,
                                       const ImportOptions& options,
                                       size_t chunk_rows, size_t chunk_bytes)
    : in_(in),
      source_name_(source_name),
      default_document_(options.default_document),
      chunk_rows_(std::max<size_t>(chunk_rows, 1)),
      chunk_bytes_(std::max<size_t>(chunk_bytes, 1)),
      // Knowing the size keeps a small input from reserving a whole chunk.
      stream_left_(BytesLeft(in)) {}

absl::Status TriplesChunkReader::Error(absl::string_view message) const {
  return absl::InvalidArgumentError(
      absl::StrCat(source_name_, ":", stats_.lines, ": ", message));
}

absl::Status TriplesChunkReader::ParseLine(absl::string_view line,
                                           graph::TripleBatch* batch) {
  ++stats_.lines;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line[0] == '#') return absl::OkStatus();
  if (!header_seen_) {
    header_seen_ = true;
    if (absl::StartsWith(line, "subject_type\t")) return absl::OkStatus();
  }
  MSKG_RETURN_IF_ERROR(
      CheckUtf8(line, [this](absl::string_view m) { return Error(m); }));
  absl::string_view fields[7];
  const int n = SplitTabs(line, fields, 6);
  if (n < 5 || n > 6) {
    return Error(absl::StrCat("expected 5 or 6 tab-separated fields, found ",
                              n > 6 ? "more than 6" : absl::StrCat(n)));
  }
  for (int c = 0; c < 3; ++c) {
    const absl::string_view label = fields[c == 0 ? 0 : c == 1 ? 2 : 3];
    if (label == last_label_[c] && !label.empty()) continue;
    if (c == 1) {
      absl::StatusOr<schema::Relation> relation = ParseRelationLabel(label);
      if (!relation.ok()) return Error(relation.status().message());
      last_value_[c] = *relation;
    } else {
      absl::StatusOr<schema::NodeType> type = ParseTypeLabel(label);
      if (!type.ok()) return Error(type.status().message());
      last_value_[c] = *type;
    }
    last_label_[c].assign(label.data(), label.size());
  }
  MSKG_RETURN_IF_ERROR(
      CheckName(fields[1], [this](absl::string_view m) { return Error(m); }));
  MSKG_RETURN_IF_ERROR(
      CheckName(fields[4], [this](absl::string_view m) { return Error(m); }));
  graph::TripleBatch::Row row;
  row.subject_type = static_cast<schema::NodeType>(last_value_[0]);
  row.relation = static_cast<schema::Relation>(last_value_[1]);
  row.object_type = static_cast<schema::NodeType>(last_value_[2]);
  row.subject = fields[1];
  row.object = fields[4];
  if (n == 6 && !fields[5].empty()) {
    // Rows of one document often come together: skip the hash lookup.
    if (last_document_index_ < 0 || fields[5] != last_document_) {
      last_document_.assign(fields[5].data(), fields[5].size());
      last_document_index_ = batch->AddDocument(fields[5]);
    }
    row.document = static_cast<uint32_t>(last_document_index_);
  } else {
    // Added when first used: a document without rows must not be stored.
    if (default_document_index_ < 0) {
      default_document_index_ = batch->AddDocument(default_document_);
    }
    row.document = static_cast<uint32_t>(default_document_index_);
  }
  batch->AddRow(row);
  ++stats_.claims;
  return absl::OkStatus();
}

absl::StatusOr<bool> TriplesChunkReader::Next(graph::TripleBatch* batch) {
  batch->Clear();
  last_document_index_ = -1;
  default_document_index_ = -1;
  std::string& text = *batch->mutable_text();
  // Rows view the text: once there are rows it must not move, so reads stay
  // within this capacity (a chunk's bytes and one more block).
  size_t wanted = chunk_bytes_ + kReadBlock;
  if (stream_left_ < wanted) {
    wanted = std::min(wanted, carry_.size() + stream_left_ + 1);
  }
  if (text.capacity() < wanted) text.reserve(wanted);
  text.append(carry_);
  carry_.clear();
  size_t pos = 0;
  while (true) {
    while (batch->rows().size() < chunk_rows_) {
      const void* newline =
          std::memchr(text.data() + pos, '\n', text.size() - pos);
      if (newline == nullptr) break;
      const size_t end = static_cast<const char*>(newline) - text.data();
      MSKG_RETURN_IF_ERROR(
          ParseLine(absl::string_view(text).substr(pos, end - pos), batch));
      pos = end + 1;
    }
    if (batch->rows().size() >= chunk_rows_) break;
    if (eof_) {
      if (pos < text.size()) {
        // The last line has no newline.
        MSKG_RETURN_IF_ERROR(
            ParseLine(absl::string_view(text).substr(pos), batch));
        pos = text.size();
      }
      break;
    }
    const bool has_rows = !batch->rows().empty();
    if (has_rows && text.size() >= chunk_bytes_) break;
    if (!has_rows && pos > 0) {
      // Lines without rows (comments): nothing views them, drop them.
      text.erase(0, pos);
      pos = 0;
    }
    // Without rows nothing views the text yet, so it may grow (a line
    // longer than the room left).
    // No more than the stream holds (plus one byte, to see its end): a
    // small file then costs no 4 MiB buffer to zero (the triples fuzzer ran
    // 40 inputs a second for it).
    const size_t block = std::min(
        has_rows ? std::min(kReadBlock, text.capacity() - text.size())
                 : kReadBlock,
        stream_left_ == std::numeric_limits<size_t>::max() ? kReadBlock
                                                           : stream_left_ + 1);
    if (block == 0) break;
    const size_t size = text.size();
    text.resize(size + block);
    in_->read(text.data() + size, static_cast<std::streamsize>(block));
    const size_t got = static_cast<size_t>(in_->gcount());
    text.resize(size + got);
    stream_left_ -= std::min(stream_left_, got);
    if (!*in_) {
      if (!in_->eof()) {
        return absl::DataLossError(absl::StrCat(source_name_, ": read failed"));
      }
      eof_ = true;
    }
  }
  carry_.assign(text, pos, std::string::npos);
  // Shrinking does not move the text the rows view.
  text.resize(pos);
  if (batch->rows().empty()) {
    batch->Clear();
    return false;
  }
  ++stats_.batches;
  return true;
}

}  // namespace mskg::interop
