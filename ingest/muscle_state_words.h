// ingest/muscle_state_words.h
//
// The words that name a muscle state, shared by the linker's lexicon tables
// (entity_linker.cc) and the composition of states in a sentence
// (muscle_states.cc): state adjectives before a muscle ("tight"), state
// nouns after it ("spasm", "tightness"), verbs of state change ("tightens")
// and the determiners between them. Private to the entity_linker library.
#ifndef MSKG_INGEST_MUSCLE_STATE_WORDS_H_
#define MSKG_INGEST_MUSCLE_STATE_WORDS_H_

#include "absl/strings/string_view.h"
#include "ingest/word_set.h"

namespace mskg::ingest::muscle_state_words {

// Every state word PrefixState() and NounState() return.
inline constexpr absl::string_view kPrefixStates[] = {"tight", "weak", "shortened",
                                               "overactive", "inhibited"};
inline constexpr absl::string_view kNounStates[] = {"spasm", "strain", "tendinitis",
                                             "tear"};

// "tight" etc. before a muscle: the state's prefix, or "" if none.
inline absl::string_view PrefixState(absl::string_view w) {
  // Every state adjective starts with one of these letters.
  if (w.empty() || (w[0] != 't' && w[0] != 'w' && w[0] != 's' &&
                    w[0] != 'o' && w[0] != 'i' && w[0] != 'u')) {
    return "";
  }
  if (In(w, {"tight", "tightened", "tense", "overtight"})) return "tight";
  if (In(w, {"weak", "weakened", "weaker"})) return "weak";
  if (In(w, {"shortened"})) return "shortened";
  if (In(w, {"overactive"})) return "overactive";
  if (In(w, {"inhibited", "underactive"})) return "inhibited";
  return "";
}

struct Composed {
  absl::string_view text;
  bool prefix;  // "tight X" (true) or "X spasm" (false).
};

// A noun after a muscle ("spasm") or before "of the <muscle>".
inline bool NounState(absl::string_view w, Composed* out) {
  // Every state noun starts with one of these letter pairs; most words do
  // not.
  if (w.size() < 4) return false;
  switch ((w[0] << 8) | w[1]) {
    case ('s' << 8) | 'p': case ('c' << 8) | 'r': case ('s' << 8) | 't':
    case ('t' << 8) | 'e': case ('t' << 8) | 'i': case ('w' << 8) | 'e':
    case ('s' << 8) | 'h':
      break;
    default:
      return false;
  }
  if (In(w, {"spasm", "spasms", "spasming", "spasmed", "cramp", "cramps",
             "cramping"})) {
    *out = {"spasm", false};
  } else if (In(w, {"strain", "strains"})) {
    *out = {"strain", false};
  } else if (In(w, {"tendinitis", "tendonitis"})) {
    *out = {"tendinitis", false};
  } else if (In(w, {"tear", "tears"})) {
    *out = {"tear", false};
  } else if (In(w, {"tightness"})) {
    *out = {"tight", true};
  } else if (In(w, {"weakness"})) {
    *out = {"weak", true};
  } else if (In(w, {"shortening"})) {
    *out = {"shortened", true};
  } else {
    return false;
  }
  return true;
}

// A verb of state change after a muscle ("the psoas tightens"): the state,
// or "" if none.
inline absl::string_view StateVerb(absl::string_view w) {
  if (w.size() < 5 || (w[0] != 't' && w[0] != 's' && w[0] != 'w')) return "";
  if (In(w,
         {"tighten", "tightens", "tightened", "tense", "tenses", "tensed"})) {
    return "tight";
  }
  if (In(w, {"weaken", "weakens"})) return "weak";
  if (In(w, {"spasms", "spasmed", "spasming"})) return "spasm";
  return "";
}

inline bool IsDeterminer(absl::string_view w) {
  return In(w, {"the", "your", "my", "a", "an", "his", "her", "their", "our",
                "this", "that", "these", "those"});
}

}  // namespace mskg::ingest::muscle_state_words

#endif  // MSKG_INGEST_MUSCLE_STATE_WORDS_H_
