// interop/jsonl_reader.cc: JSON Lines back into DocumentClaims batches.
#include "interop/jsonl_reader.h"

#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "interop/json_value.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using Kind = JsonValue::Kind;

struct NodeEntry {
  schema::NodeKey key;
  bool used = false;
};

absl::StatusOr<const JsonValue*> Field(const JsonValue& object,
                                       absl::string_view name, Kind kind) {
  const JsonValue* value = object.Find(name);
  if (value == nullptr || value->kind != kind) {
    return absl::InvalidArgumentError(
        absl::StrCat("missing or mistyped field \"", name, "\""));
  }
  return value;
}

// Returns the optional field `name` if it has `kind`, else nullptr.
const JsonValue* Optional(const JsonValue& object, absl::string_view name,
                          Kind kind) {
  const JsonValue* value = object.Find(name);
  return value != nullptr && value->kind == kind ? value : nullptr;
}

absl::StatusOr<uint64_t> Id(const JsonValue& object, absl::string_view name) {
  absl::StatusOr<const JsonValue*> value = Field(object, name, Kind::kNumber);
  if (!value.ok()) return value.status();
  uint64_t id = 0;
  for (char c : (*value)->text) {
    if (c < '0' || c > '9') {
      return absl::InvalidArgumentError(
          absl::StrCat("field \"", name, "\" is not a node id"));
    }
    // A number past 2^64 - 1 would wrap onto another node's id.
    if (__builtin_mul_overflow(id, 10, &id) ||
        __builtin_add_overflow(id, static_cast<uint64_t>(c - '0'), &id)) {
      return absl::InvalidArgumentError(
          absl::StrCat("field \"", name, "\" is past the largest node id"));
    }
  }
  return id;
}

// Returns the number `value` (field `name`) as a byte offset of a span.
// InvalidArgument unless it is a whole number in [0, 2^32): casting any
// other double to uint32_t is undefined (-9 was, found by
// //fuzz:jsonl_reader_fuzzer).
absl::StatusOr<uint32_t> ByteOffset(const JsonValue& value,
                                    absl::string_view name) {
  const double n = value.number;
  if (!(n >= 0 && n <= std::numeric_limits<uint32_t>::max()) ||
      n != static_cast<double>(static_cast<uint32_t>(n))) {
    return absl::InvalidArgumentError(
        absl::StrCat("field \"", name, "\" is ", value.text,
                     ", not a byte offset (a whole number from 0 to ",
                     std::numeric_limits<uint32_t>::max(), ")"));
  }
  return static_cast<uint32_t>(n);
}

absl::StatusOr<schema::Provenance> ParseProvenance(const JsonValue& entry) {
  if (entry.kind != Kind::kObject) {
    return absl::InvalidArgumentError("support entry is not an object");
  }
  schema::Provenance p;
  absl::StatusOr<const JsonValue*> document =
      Field(entry, "document", Kind::kString);
  if (!document.ok()) return document.status();
  p.set_document_id((*document)->text);
  if (const JsonValue* v = Optional(entry, "begin", Kind::kNumber)) {
    absl::StatusOr<uint32_t> begin = ByteOffset(*v, "begin");
    if (!begin.ok()) return begin.status();
    p.set_begin(*begin);
  }
  if (const JsonValue* v = Optional(entry, "end", Kind::kNumber)) {
    absl::StatusOr<uint32_t> end = ByteOffset(*v, "end");
    if (!end.ok()) return end.status();
    p.set_end(*end);
  }
  // Refused here, where the line is known, rather than only by the store.
  if (p.end() < p.begin()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "support entry of document \"", p.document_id(), "\": span end ",
        p.end(), " is before its begin ", p.begin(),
        "; \"begin\" and \"end\" are the bytes [begin, end) of the "
        "document: give begin <= end, or leave both out"));
  }
  if (const JsonValue* v = Optional(entry, "sentence", Kind::kString)) {
    p.set_sentence(v->text);
  }
  if (const JsonValue* v = Optional(entry, "rule", Kind::kString)) {
    p.set_rule(v->text);
  }
  if (const JsonValue* v = Optional(entry, "confidence", Kind::kNumber)) {
    p.set_confidence(std::strtof(v->text.c_str(), nullptr));
  }
  if (const JsonValue* v = Optional(entry, "polarity", Kind::kString)) {
    absl::StatusOr<schema::Polarity> polarity = ParsePolarityLabel(v->text);
    if (!polarity.ok()) return polarity.status();
    p.set_polarity(*polarity);
  } else {
    p.set_polarity(schema::AFFIRMED);
  }
  if (const JsonValue* v = Optional(entry, "hedged", Kind::kBool)) {
    p.set_hedged(v->boolean);
  }
  return p;
}

}  // namespace

absl::StatusOr<ImportStats> ReadJsonl(std::istream* in,
                                      absl::string_view source_name,
                                      const ImportOptions& options,
                                      const ClaimsSink& sink) {
  LineReader reader(in);
  ClaimsBatcher batcher(options.batch_rows, sink);
  ImportStats stats;
  absl::flat_hash_map<uint64_t, NodeEntry> nodes;
  std::vector<uint64_t> node_order;
  auto error = [&](const absl::Status& status) {
    return absl::InvalidArgumentError(absl::StrCat(
        source_name, ":", reader.line_number(), ": ", status.message()));
  };
  absl::string_view line;
  while (reader.Next(&line)) {
    ++stats.lines;
    if (line.find_first_not_of(" \t") == absl::string_view::npos) continue;
    absl::StatusOr<JsonValue> value = ParseJson(line);
    if (!value.ok()) return error(value.status());
    absl::StatusOr<const JsonValue*> kind = Field(*value, "kind", Kind::kString);
    if (!kind.ok()) return error(kind.status());

    if ((*kind)->text == "node") {
      absl::StatusOr<uint64_t> id = Id(*value, "id");
      if (!id.ok()) return error(id.status());
      absl::StatusOr<const JsonValue*> type = Field(*value, "type", Kind::kString);
      if (!type.ok()) return error(type.status());
      absl::StatusOr<schema::NodeType> node_type = ParseTypeLabel((*type)->text);
      if (!node_type.ok()) return error(node_type.status());
      absl::StatusOr<const JsonValue*> name = Field(*value, "name", Kind::kString);
      if (!name.ok()) return error(name.status());
      NodeEntry entry;
      entry.key.set_type(*node_type);
      entry.key.set_name((*name)->text);
      if (const JsonValue* aliases = Optional(*value, "aliases", Kind::kArray)) {
        for (const JsonValue& alias : aliases->items) {
          if (alias.kind == Kind::kString) entry.key.add_aliases(alias.text);
        }
      }
      if (!nodes.try_emplace(*id, std::move(entry)).second) {
        return error(absl::InvalidArgumentError(
            absl::StrCat("node id ", *id, " appears twice")));
      }
      node_order.push_back(*id);
      continue;
    }
    if ((*kind)->text != "edge") {
      return error(absl::InvalidArgumentError(
          absl::StrCat("unknown kind \"", (*kind)->text, "\"")));
    }
    if (const JsonValue* inferred = Optional(*value, "inferred", Kind::kBool);
        inferred != nullptr && inferred->boolean) {
      ++stats.skipped;
      continue;
    }
    absl::StatusOr<uint64_t> source = Id(*value, "source");
    if (!source.ok()) return error(source.status());
    absl::StatusOr<uint64_t> target = Id(*value, "target");
    if (!target.ok()) return error(target.status());
    absl::StatusOr<const JsonValue*> relation_field =
        Field(*value, "relation", Kind::kString);
    if (!relation_field.ok()) return error(relation_field.status());
    absl::StatusOr<schema::Relation> relation =
        ParseRelationLabel((*relation_field)->text);
    if (!relation.ok()) return error(relation.status());
    auto s = nodes.find(*source);
    auto t = nodes.find(*target);
    if (s == nodes.end() || t == nodes.end()) {
      return error(absl::InvalidArgumentError(absl::StrCat(
          "edge names node id ", s == nodes.end() ? *source : *target,
          ", which no earlier node line defines")));
    }
    s->second.used = true;
    t->second.used = true;

    schema::Claim claim;
    *claim.mutable_subject() = s->second.key;
    claim.set_relation(*relation);
    *claim.mutable_object() = t->second.key;
    const JsonValue* support = Optional(*value, "support", Kind::kArray);
    if (support == nullptr || support->items.empty()) {
      claim.mutable_provenance()->set_document_id(options.default_document);
      claim.mutable_provenance()->set_polarity(schema::AFFIRMED);
      if (absl::Status st = batcher.Add(std::move(claim)); !st.ok()) return st;
      continue;
    }
    for (size_t k = 0; k < support->items.size(); ++k) {
      absl::StatusOr<schema::Provenance> p =
          ParseProvenance(support->items[k]);
      if (!p.ok()) return error(p.status());
      schema::Claim one =
          k + 1 == support->items.size() ? std::move(claim) : claim;
      *one.mutable_provenance() = *std::move(p);
      if (absl::Status st = batcher.Add(std::move(one)); !st.ok()) return st;
    }
  }
  if (reader.failed()) {
    return absl::DataLossError(absl::StrCat(source_name, ": read failed"));
  }
  for (uint64_t id : node_order) {
    NodeEntry& entry = nodes[id];
    if (entry.used) continue;
    absl::Status st =
        batcher.AddMention(options.default_document, std::move(entry.key));
    if (!st.ok()) return st;
  }
  if (absl::Status st = batcher.Flush(); !st.ok()) return st;
  stats.claims = batcher.claims();
  stats.mentions = batcher.mentions();
  stats.batches = batcher.batches();
  return stats;
}

}  // namespace mskg::interop
