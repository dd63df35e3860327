// ingest/open_arguments.cc
//
// The cause a causal cue names when no vocabulary knows it: the noun
// phrase written next to the cue in its clause. "Rear-end collisions often
// result in whiplash", "A sudden jump in mileage can lead to shin
// splints", "Tennis elbow is caused by repeated gripping": the condition is
// a name the lexicon has, the cause is the writer's own phrase. The phrase
// is cut where English ends a noun phrase (a comma, a dash, a relative
// clause, a finite verb) and is short, so a clause that is no name
// ("This is why it can lead to ...") gives none.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/verb_forms.h"

namespace mskg::ingest::extraction {
namespace {

// The longest phrase taken: longer ones are clauses, not names.
constexpr int kMaxWords = 6;

bool IsAnatomyType(NodeType t) {
  return t == schema::MUSCLE || t == schema::STRUCTURE || t == schema::NERVE ||
         t == schema::VESSEL;
}

// Punctuation that ends a noun phrase on either side.
bool EndsPhrase(absl::string_view w) {
  return In(w, {",", ";", ":", ".", "(", ")", "—", "–", "\"", "“", "”", "!",
                "?", "/"});
}

// Auxiliaries and adverbs between a subject and its verb ("collisions
// often result in", "overuse can also lead to").
bool Auxiliary(absl::string_view w) {
  return In(w, {"can", "may", "might", "could", "will", "would", "should",
                "often", "usually", "also", "commonly", "sometimes",
                "typically", "generally", "frequently", "mostly", "mainly",
                "primarily", "eventually", "even", "further", "then", "is",
                "are", "was", "were", "be", "been", "being", "has", "have",
                "had", "do", "does", "did", "not", "ultimately", "easily",
                "quickly", "directly", "indirectly", "all"});
}

// Words a noun phrase does not start with: pronouns, deictics and
// conjunctions; a phrase that starts with one stands for something said
// elsewhere or is no phrase.
bool NoPhraseStart(absl::string_view w) {
  return In(w, {"it", "this", "that", "these", "those", "they", "them",
                "which", "what", "who", "there", "here", "i", "you", "we",
                "he", "she", "its", "their", "our", "something", "anything",
                "everything", "nothing", "one", "both", "each", "many",
                "several", "some", "most", "other", "others", "such",
                "if", "when", "because", "as", "so", "than", "how", "why",
                "where", "whether", "factor", "factors", "reason", "reasons",
                "thing", "things", "people", "person", "patients"});
}

// Words that open a relative clause or a new subject inside the span
// ("running you are doing", "stress that builds up").
bool OpensClause(absl::string_view w) {
  return In(w, {"that", "which", "who", "whom", "whose", "where", "when",
                "i", "you", "we", "they", "he", "she", "it", "if",
                "because", "while", "as"});
}

// Leading words a name leaves out: articles and possessives.
bool Article(absl::string_view w) {
  return In(w, {"the", "a", "an", "your", "my", "his", "her", "their",
                "our", "and", "or", "but", "also", "even"});
}

// The words a phrase does not end on.
bool OpenEnd(absl::string_view w) {
  return In(w, {"of", "to", "in", "on", "at", "by", "for", "from", "with",
                "the", "a", "an", "and", "or", "your", "my", "their", "into",
                "over", "about", "than", "very", "more", "less", "too"});
}

// The phrase of tokens [begin, end), cut at a relative clause or a finite
// verb and stripped of its articles; an invalid Ref when it is no name.
Ref PhraseRef(const SentenceView& v, int begin, int end) {
  for (int t = begin; t < end; ++t) {
    const absl::string_view w = v.word(t);
    if (t > begin && (OpensClause(w) ||
                      (IsVerbForm(w) && !absl::EndsWith(w, "ing")))) {
      end = t;
      break;
    }
  }
  while (begin < end && Article(v.word(begin))) ++begin;
  while (end > begin && OpenEnd(v.word(end - 1))) --end;
  if (begin >= end) return Ref();
  const absl::string_view first = v.word(begin);
  if (NoPhraseStart(first)) return Ref();
  // An imperative or finite verb first is a clause ("Avoid ...", "Sitting"
  // is a gerund and names an activity).
  if (IsVerbForm(first) && !absl::EndsWith(first, "ing")) return Ref();
  int words = 0;
  for (int t = begin; t < end; ++t) {
    if (!v.sentence().tokens[t].is_word) {
      if (EndsPhrase(v.word(t))) return Ref();
      continue;
    }
    ++words;
    // A clinical name inside the span is the lexicon's to read: only body
    // parts may stand in the writer's phrase ("a blow to the knee").
    const int m = v.mention_at(t);
    if (m >= 0 && !IsAnatomyType(v.mentions()[m].type)) return Ref();
    if (v.word(t).size() == 1 && !absl::ascii_isalpha(v.word(t)[0])) {
      return Ref();
    }
  }
  if (words == 0 || words > kMaxWords) return Ref();
  const auto& tokens = v.sentence().tokens;
  Ref r;
  r.type = schema::CAUSE;
  r.open = true;
  r.name = absl::AsciiStrToLower(absl::string_view(v.sentence().text)
                                     .substr(tokens[begin].begin,
                                             tokens[end - 1].end -
                                                 tokens[begin].begin));
  return r;
}

}  // namespace

Ref OpenCauseBefore(const SentenceView& v, int cue) {
  int end = cue;
  while (end > 0 && v.clause(end - 1) == v.clause(cue) &&
         Auxiliary(v.word(end - 1))) {
    --end;
  }
  int begin = end;
  while (begin > 0 && v.clause(begin - 1) == v.clause(cue) &&
         !EndsPhrase(v.word(begin - 1))) {
    --begin;
  }
  // A subject that runs on from before a comma ("..., which can lead to")
  // is another clause's.
  return PhraseRef(v, begin, end);
}

Ref OpenCauseAfter(const SentenceView& v, int end) {
  int stop = end;
  while (stop < v.size() && v.clause(stop) == v.clause(end) &&
         !EndsPhrase(v.word(stop)) && stop - end <= kMaxWords + 4) {
    ++stop;
  }
  return PhraseRef(v, end, stop);
}

}  // namespace mskg::ingest::extraction
