// ingest/lexicon.h
//
// The reference lexicon (data/lexicon/*.tsv, format in data/lexicon/
// README.md): the names under which entities are recognised, and the
// standard anatomy of the muscles. Files named muscles*.tsv have the muscles
// schema (name, aliases, part_of, origin, insertion, actions, innervation,
// blood_supply, antagonists; columns found by their header names, other
// columns ignored, a "lay_names"/"synonyms" column read as aliases); every
// other *.tsv has the terms schema (type, name, aliases). Rows naming the
// same type and name are merged.
//
// A Lexicon is immutable after loading and safe to share between threads.
#ifndef MSKG_INGEST_LEXICON_H_
#define MSKG_INGEST_LEXICON_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

struct LexiconEntry {
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  std::string name;  // Canonical name.
  std::vector<std::string> aliases;
  // Aliases that are adjectives ("numb" of numbness, "swollen" of
  // swelling): a text says one has the symptom with them, but they name no
  // node. Each is in `aliases` too.
  std::vector<std::string> adjectives;
  std::string file;  // Where the (first) row is, for messages.
  int line = 0;
  uint32_t line_begin = 0;  // Byte range of that row in its file.
  uint32_t line_end = 0;
  // Muscles only: the row's relations, as written (resolved by Find()).
  std::vector<std::string> part_of, origin, insertion, actions, innervation,
      blood_supply, antagonists;
  bool is_group = false;  // Another muscle names it in part_of.
};

// One lexicon file: a display path ("data/lexicon/muscles.tsv") and bytes.
struct LexiconFile {
  std::string path;
  std::string content;
};

class Lexicon {
 public:
  // Parses `files`. InvalidArgument "<path>:<line>: <what is wrong>" for a
  // wrong number of columns, a missing name or type column, an unknown
  // type, an empty name, or a relation naming an entity no file defines.
  static absl::StatusOr<std::unique_ptr<Lexicon>> Load(
      const std::vector<LexiconFile>& files);
  // Loads every *.tsv in directory `dir`. NotFound if `dir` does not exist;
  // errors of Load().
  static absl::StatusOr<std::unique_ptr<Lexicon>> LoadDirectory(
      absl::string_view dir);
  // Loads the copy of data/lexicon/*.tsv compiled into the binary.
  static absl::StatusOr<std::unique_ptr<Lexicon>> LoadEmbedded();

  const std::vector<LexiconEntry>& entries() const { return entries_; }

  // Returns the entry of `type` whose name or alias has the comparison key
  // of `name`, or nullptr. With NODE_TYPE_UNSPECIFIED, any type.
  const LexiconEntry* Find(schema::NodeType type, absl::string_view name) const;

  // The muscles' standard anatomy as claims of document "reference"
  // (provenance sentence "<file>:<line>", rule "lexicon").
  schema::DocumentClaims ReferenceClaims() const;

 private:
  Lexicon() = default;
  absl::Status Parse(const LexiconFile& file);
  absl::Status Resolve();

  std::vector<LexiconEntry> entries_;
  // (type, key) -> entry index, for every name and alias.
  absl::flat_hash_map<std::pair<int, std::string>, int> by_key_;
  // key -> first entry index with that name or alias (any type).
  absl::flat_hash_map<std::string, int> by_any_key_;
  // Every name and alias as written -> its comparison key, so that Find()
  // of a lexicon name (the usual case) does not tokenize it again.
  absl::flat_hash_map<std::string, std::string> key_of_name_;
};

// Returns the vocabulary label of `type` ("Muscle", "Condition", ...), or ""
// for NODE_TYPE_UNSPECIFIED.
absl::string_view NodeTypeLabel(schema::NodeType type);

// Parses a vocabulary label (case-insensitive); UNSPECIFIED if unknown.
schema::NodeType NodeTypeFromLabel(absl::string_view label);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_LEXICON_H_
