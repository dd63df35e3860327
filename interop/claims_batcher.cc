// interop/claims_batcher.cc: block line reading and document batching.
#include "interop/claims_batcher.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

#include "absl/hash/hash.h"

namespace mskg::interop {
namespace {

constexpr size_t kBlock = 1 << 20;
constexpr size_t kFirstUnsizedBlock = 64 << 10;
constexpr size_t kUnknown = std::numeric_limits<size_t>::max();

}  // namespace

size_t BytesLeft(std::istream* in) {
  size_t left = kUnknown;
  if (const std::streampos begin = in->tellg(); begin != std::streampos(-1)) {
    in->seekg(0, std::ios::end);
    const std::streampos end = in->tellg();
    in->seekg(begin);
    if (end != std::streampos(-1) && end >= begin) {
      left = static_cast<size_t>(end - begin);
    }
    in->clear();
  }
  return left;
}

// Knowing the size keeps a small input from paying for a whole block (the
// import fuzzers ran about a thousand inputs a second for it).
LineReader::LineReader(std::istream* in)
    : in_(in), stream_left_(BytesLeft(in)), next_block_(kFirstUnsizedBlock) {}

bool LineReader::Fill() {
  if (eof_) return false;
  // Keep the unread tail, then append a block.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // No more than the stream has left, plus one byte to see its end; a
  // stream that cannot tell is read in blocks doubling up to kBlock.
  size_t block;
  if (stream_left_ != kUnknown) {
    block = std::min(kBlock, stream_left_ + 1);
  } else {
    block = next_block_;
    next_block_ = std::min(kBlock, 2 * next_block_);
  }
  if (buffer_.size() < end_ + block) buffer_.resize(end_ + block);
  in_->read(buffer_.data() + end_, static_cast<std::streamsize>(block));
  const size_t got = static_cast<size_t>(in_->gcount());
  end_ += got;
  if (stream_left_ != kUnknown) {
    // A stream holding more than it said (a growing file) is read on as
    // one that cannot tell.
    stream_left_ = got > stream_left_ ? kUnknown : stream_left_ - got;
  }
  if (!*in_) {
    eof_ = true;
    if (!in_->eof()) failed_ = true;
  }
  return got > 0;
}

bool LineReader::Next(absl::string_view* line) {
  while (true) {
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline != nullptr) {
      size_t length = static_cast<const char*>(newline) - start;
      *line = absl::string_view(start, length);
      begin_ += length + 1;
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      ++line_number_;
      return true;
    }
    if (!Fill()) {
      if (begin_ == end_) return false;
      // The last line has no newline.
      *line = absl::string_view(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      ++line_number_;
      return true;
    }
  }
}

ClaimsBatcher::ClaimsBatcher(size_t batch_rows, ClaimsSink sink)
    : batch_rows_(batch_rows == 0 ? 1 : batch_rows), sink_(std::move(sink)) {}

ClaimsBatcher::~ClaimsBatcher() {
  for (std::FILE* file : buckets_) {
    if (file != nullptr) std::fclose(file);
  }
}

schema::DocumentClaims* ClaimsBatcher::Document(absl::string_view id) {
  auto [it, inserted] = index_.try_emplace(id, pending_.size());
  if (inserted) {
    pending_.emplace_back();
    pending_.back().set_document_id(std::string(id));
  }
  return &pending_[it->second];
}

absl::Status ClaimsBatcher::Add(schema::Claim claim) {
  schema::DocumentClaims* doc = Document(claim.provenance().document_id());
  *doc->add_claims() = std::move(claim);
  ++claims_;
  ++pending_rows_;
  return MaybeFlush();
}

absl::Status ClaimsBatcher::AddMention(absl::string_view document,
                                       schema::NodeKey key) {
  *Document(document)->add_mentions() = std::move(key);
  ++mentions_;
  ++pending_rows_;
  return MaybeFlush();
}

absl::Status ClaimsBatcher::MaybeFlush() {
  if (pending_rows_ < batch_rows_) return absl::OkStatus();
  return Spill();
}

absl::Status ClaimsBatcher::Spill() {
  // A bucket's file is created when first written: a spill of a few
  // documents creates a few files, not kSpillBuckets (creating them was a
  // third of the JSON Lines fuzzer's time).
  buckets_.resize(kSpillBuckets, nullptr);
  std::string record;
  for (const schema::DocumentClaims& doc : pending_) {
    const size_t bucket =
        absl::Hash<std::string>()(doc.document_id()) %
        static_cast<size_t>(kSpillBuckets);
    std::FILE*& file = buckets_[bucket];
    if (file == nullptr) {
      file = std::tmpfile();
      if (file == nullptr) {
        return absl::InternalError("cannot create a temporary spill file");
      }
    }
    record.clear();
    doc.AppendToString(&record);
    const uint64_t size = record.size();
    if (std::fwrite(&size, sizeof(size), 1, file) != 1 ||
        std::fwrite(record.data(), 1, record.size(), file) != record.size()) {
      return absl::InternalError("failed writing a spill file");
    }
  }
  pending_.clear();
  index_.clear();
  pending_rows_ = 0;
  return absl::OkStatus();
}

absl::Status ClaimsBatcher::HandOver(
    std::vector<schema::DocumentClaims>* docs, bool last) {
  for (schema::DocumentClaims& doc : *docs) {
    out_rows_ += doc.claims_size() + doc.mentions_size();
    out_.push_back(std::move(doc));
    if (out_rows_ >= batch_rows_) {
      if (absl::Status s = sink_(&out_); !s.ok()) return s;
      ++batches_;
      out_.clear();
      out_rows_ = 0;
    }
  }
  docs->clear();
  if (!last || out_.empty()) return absl::OkStatus();
  ++batches_;
  absl::Status status = sink_(&out_);
  out_.clear();
  out_rows_ = 0;
  return status;
}

absl::Status ClaimsBatcher::Flush() {
  if (buckets_.empty()) {
    absl::Status status = HandOver(&pending_, /*last=*/true);
    index_.clear();
    pending_rows_ = 0;
    return status;
  }
  if (absl::Status s = Spill(); !s.ok()) return s;
  std::string record;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    std::FILE* file = buckets_[b];
    std::vector<schema::DocumentClaims> docs;
    absl::flat_hash_map<std::string, size_t> index;
    // A bucket never written has no file; the last bucket still ends the
    // batch below.
    if (file != nullptr) std::rewind(file);
    uint64_t size;
    while (file != nullptr && std::fread(&size, sizeof(size), 1, file) == 1) {
      record.resize(size);
      schema::DocumentClaims part;
      if (std::fread(record.data(), 1, size, file) != size ||
          !part.ParseFromString(record)) {
        return absl::InternalError("spill file unreadable");
      }
      auto [it, inserted] = index.try_emplace(part.document_id(), docs.size());
      if (inserted) {
        docs.push_back(std::move(part));
      } else {
        docs[it->second].MergeFrom(part);
      }
    }
    if (file != nullptr && std::ferror(file)) {
      return absl::InternalError("spill file unreadable");
    }
    // Buckets hold disjoint documents, so whole buckets share a batch.
    if (absl::Status s = HandOver(&docs, b + 1 == buckets_.size()); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace mskg::interop
