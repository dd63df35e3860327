// ingest/entity_linker.h
//
// Finds the lexicon's entities in a sentence: a trie over the comparison
// forms of every name and alias (tokenizer.h), longest match first, so case,
// plurals, hyphens and possessives do not matter. Per document it learns
// abbreviations the text defines ("quadratus lumborum (QL)") and resolves
// them for the rest of the document. It composes named muscle states into
// Condition mentions (gold README "Muscle states and groups"):
//   "tight/weak/shortened/overactive/inhibited <muscle>", "<muscle>
//   tightness/weakness/spasm/strain/tendinitis", "spasm of the <muscle>",
//   "<muscle> is/gets (too) tight", "<muscles> aren't strong enough",
//   "<muscle>/it goes into spasm", "weakness in ... (like the X or Y)"
// named "tight <muscle>", "weak <muscle>", "<muscle> spasm", ..., each with
// `affects` naming the muscle. Names are built from the muscle's canonical
// name (before a noun, a group's head word or singular: "gluteal spasm",
// "hamstring spasm"), or are the
// lexicon's own Condition when it names that state ("quadratus lumborum
// spasm"), so a state has one name however the text names the muscle;
// StateAliases() gives its other names, from every name of the muscle ("QL
// spasm", "tight psoas", "glute tightness"). A Condition whose name contains
// a structure or muscle name ("sacroiliac joint dysfunction") affects it as
// well.
//
// An EntityLinker is immutable after construction (but for a cache of
// StateAliases(), behind a mutex) and may be shared between threads; each
// document needs its own LinkerState.
#ifndef MSKG_INGEST_ENTITY_LINKER_H_
#define MSKG_INGEST_ENTITY_LINKER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ingest/lexicon.h"
#include "ingest/tokenizer.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

struct Mention {
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
  std::string name;                 // Canonical name.
  const LexiconEntry* entry = nullptr;  // Null for composed mentions.
  int first_token = 0;              // Token range in the sentence.
  int end_token = 0;
  bool is_group = false;            // A muscle group.
  // What a condition affects (composed muscle states, conditions named
  // after a structure); empty if nothing.
  schema::NodeType affects_type = schema::NODE_TYPE_UNSPECIFIED;
  std::string affects;
  std::string affects_also;         // A second muscle ("muscle imbalance").
  std::string alias;                // A document-defined abbreviation.
  // A muscle state (composed, or a lexicon Condition that names one): the
  // state word ("tight", "spasm"; static storage) and whether it precedes
  // the muscle's name. Empty if the mention is no muscle state.
  absl::string_view state;
  bool state_prefix = false;
  // A pronoun or "these muscles" standing for the last muscle named; kept
  // only when it takes part in a composed state ("it goes into spasm").
  bool anaphor = false;
  // An open-vocabulary noun phrase (phrase_finder.h): named by its words,
  // typed by its head word; no lexicon row names it.
  bool open = false;
};

// Per-document state: abbreviations defined so far, the last muscle seen.
struct LinkerState {
  absl::flat_hash_map<std::string, const LexiconEntry*> abbreviations;
  const LexiconEntry* last_muscle = nullptr;
  // The muscle of the last muscle-specific spasm ("spasm of the QL"), for
  // "the (muscle) spasm" / "that spasm" later on.
  const LexiconEntry* last_spasm_muscle = nullptr;
  // The first muscle of the last sentence that named one (its subject), for
  // "their/its spasm".
  const LexiconEntry* subject_muscle = nullptr;
};

class EntityLinker {
 public:
  // `lexicon` must outlive the linker.
  explicit EntityLinker(const Lexicon* lexicon);

  EntityLinker(const EntityLinker&) = delete;
  EntityLinker& operator=(const EntityLinker&) = delete;

  // Returns the mentions in `tokens` (of sentence `text`), ordered by
  // position and not overlapping. Updates `state`.
  std::vector<Mention> Link(const std::vector<Token>& tokens,
                            LinkerState* state) const;

  // Returns the entry that `name` matches in full (by trie), or nullptr.
  const LexiconEntry* MatchWhole(absl::string_view name) const;

  // Returns the other names of the state `state` (a Mention::state) of the
  // muscle named `muscle`: the state with each name and alias of the muscle
  // ("QL spasm", "tight psoas"), its noun form ("psoas tightness"), and,
  // for a group named "<x> muscles", the group's head word before a noun
  // ("gluteal spasm", "core weakness"). Leaves out the state's own name and
  // names that the lexicon gives to another entity ("back spasm"). Empty if
  // `muscle` is no muscle of the lexicon. Built on first use and kept: the
  // reference is valid as long as the linker.
  const std::vector<std::string>& StateAliases(absl::string_view state,
                                               bool prefix,
                                               absl::string_view muscle) const;

  // Returns the Condition mention of the state `state` ("tight", "spasm";
  // static storage) of `muscle`, a muscle entry of the lexicon, over tokens
  // [first, end); `prefix` if the state word precedes the muscle's name.
  Mention Compose(absl::string_view state, bool prefix,
                  const LexiconEntry& muscle, int first, int end) const;

  // Returns the form of `muscle`'s name that stands before a noun: a
  // group's head word ("gluteal" for "gluteal muscles"), the singular of a
  // group when the lexicon lists it ("hamstring" for "hamstrings"), else the
  // name.
  absl::string_view NounModifier(const LexiconEntry& muscle) const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  int WordId(absl::string_view norm) const;
  // Longest match starting at token `i`; returns its end (or i) and entry.
  int LongestMatch(const std::vector<Token>& tokens,
                   const std::vector<int>& ids, int i,
                   const LexiconEntry** entry) const;
  void ComposeStates(const std::vector<Token>& tokens, LinkerState* state,
                     std::vector<Mention>* mentions) const;

  const Lexicon* lexicon_;
  absl::flat_hash_map<std::string, int> vocabulary_;
  absl::flat_hash_map<uint64_t, int> children_;  // (node << 32 | word) -> node
  std::vector<int> terminal_;                    // node -> entry index or -1
  // node -> 1 if its only names are one word in capitals ("TENS"), which
  // then match only words with a capital.
  std::vector<char> caps_only_;
  // Condition entry index -> (type, name) it affects by its name.
  absl::flat_hash_map<int, std::pair<schema::NodeType, std::string>>
      name_affects_;
  // Muscle entry index -> NounModifier().
  std::vector<std::string> noun_modifier_;
  // Condition entry index -> the muscle state it names (state word, prefix).
  absl::flat_hash_map<int, std::pair<absl::string_view, bool>> entry_state_;
  // (muscle entry index, state word) -> the lexicon Condition naming it.
  absl::flat_hash_map<std::pair<int, absl::string_view>, const LexiconEntry*>
      state_entry_;
  // (muscle entry index, state word) -> the name of that state.
  absl::flat_hash_map<std::pair<int, absl::string_view>, std::string>
      composed_name_;
  // (muscle entry index, state word) -> StateAliases(), built on demand.
  mutable absl::Mutex aliases_mu_;
  mutable absl::flat_hash_map<std::pair<int, absl::string_view>,
                              std::unique_ptr<const std::vector<std::string>>>
      aliases_ ABSL_GUARDED_BY(aliases_mu_);
};

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_ENTITY_LINKER_H_
