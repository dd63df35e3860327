// ingest/cue_rules.cc
//
// The general cue table: verbs, nouns and prepositions of English that state
// a relation, each with the side its subject stands on. "X causes Y", "Y is
// caused by X", "X can lead to Y", "Y is due to X"; "T relieves C", "C is
// treated with T"; "T prevents C"; "T strengthens M", "stretch M"; "X is
// diagnosed with T"; "C affects S". The arguments are the entity mentions
// next to the cue in its clause, with those coordinated with them ("A, B
// and C"); a cue whose subject is a pronoun or left out ("It is caused
// by ...", "Often caused by ...") takes the condition the section is about.
// An effect that is a symptom makes the relation HAS_SYMPTOM ("C causes
// pain"); a treatment that relieves a symptom treats the condition the
// section is about.
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {
namespace {

// How a cue's arguments map onto its relation.
enum class Direction {
  kForward,   // subject before the cue: "X causes Y"
  kBackward,  // subject after the cue: "Y is caused by X"
};

struct CueRule {
  // Words to match, "x*" matching any word that starts with x, "?" any
  // word.
  std::vector<absl::string_view> words;
  Relation relation;
  Direction direction;
};

// Matches `rule`'s words at token i; returns the end, or -1.
int MatchCue(const SentenceView& v, int i, const CueRule& rule) {
  return MatchWords(v, i, rule.words);
}

// A short set of node types.
struct Types {
  NodeType t[3] = {schema::NODE_TYPE_UNSPECIFIED, schema::NODE_TYPE_UNSPECIFIED,
                   schema::NODE_TYPE_UNSPECIFIED};
  bool Has(NodeType x) const { return x == t[0] || x == t[1] || x == t[2]; }
};

// Every pattern's first word starts with one of the filter's prefixes.
const std::vector<CueRule>& Cues() {
  using schema::CAUSES;
  using schema::DIAGNOSES;
  using schema::HAS_SYMPTOM;
  using schema::PREVENTS;
  using schema::STRENGTHENS;
  using schema::STRETCHES;
  using schema::TREATS;
  constexpr Direction F = Direction::kForward;
  constexpr Direction B = Direction::kBackward;
  static const auto* const kTable = new std::vector<CueRule>{
      // Causation.
      {{"caused", "by"}, CAUSES, B},
      {{"triggered", "by"}, CAUSES, B},
      {{"brought", "on", "by"}, CAUSES, B},
      {{"due", "to"}, CAUSES, B},
      {{"because", "of"}, CAUSES, B},
      {{"result*", "from"}, CAUSES, B},
      {{"stem*", "from"}, CAUSES, B},
      {{"result", "of"}, CAUSES, B},
      {{"caused"}, CAUSES, F},
      {{"cause"}, CAUSES, F},
      {{"causes"}, CAUSES, F},
      {{"causing"}, CAUSES, F},
      {{"lead*", "to"}, CAUSES, F},
      {{"led", "to"}, CAUSES, F},
      {{"result*", "in"}, CAUSES, F},
      {{"contribute*", "to"}, CAUSES, F},
      {{"trigger", "?"}, CAUSES, F},
      {{"triggers"}, CAUSES, F},
      {{"give*", "rise", "to"}, CAUSES, F},
      // "?" stands for the determiner: "the", "your", "their", "a".
      {{"increase*", "?", "risk", "of"}, CAUSES, F},
      {{"raise*", "?", "risk", "of"}, CAUSES, F},
      {{"risk", "factor", "for"}, CAUSES, F},
      {{"risk", "factors", "for"}, CAUSES, F},
      {{"produce*"}, CAUSES, F},
      {{"develop*", "into"}, CAUSES, F},
      {{"progress*", "to"}, CAUSES, F},
      {{"progress*", "into"}, CAUSES, F},
      {{"turn*", "into"}, CAUSES, F},
      {{"evolve*", "into"}, CAUSES, F},
      {{"develop*", "from"}, CAUSES, B},
      {{"arise*", "from"}, CAUSES, B},
      {{"arising", "from"}, CAUSES, B},
      {{"occur*", "when"}, CAUSES, B},
      {{"happen*", "when"}, CAUSES, B},
      {{"play*", "a", "role", "in"}, CAUSES, F},
      {{"increase*", "?", "likelihood", "of"}, CAUSES, F},
      {{"increase*", "?", "chance", "of"}, CAUSES, F},
      {{"increase*", "?", "chances", "of"}, CAUSES, F},
      {{"increase*", "?", "probability", "of"}, CAUSES, F},
      {{"increase*", "?", "odds", "of"}, CAUSES, F},
      {{"raise*", "?", "likelihood", "of"}, CAUSES, F},
      {{"raise*", "?", "chance", "of"}, CAUSES, F},
      {{"raise*", "?", "chances", "of"}, CAUSES, F},
      {{"raise*", "?", "odds", "of"}, CAUSES, F},
      {{"higher", "risk", "of"}, CAUSES, F},
      {{"higher", "risk", "for"}, CAUSES, F},
      {{"greater", "risk", "of"}, CAUSES, F},
      {{"greater", "risk", "for"}, CAUSES, F},
      {{"increased", "risk", "of"}, CAUSES, F},
      {{"increased", "risk", "for"}, CAUSES, F},
      {{"at", "risk", "of"}, CAUSES, F},
      {{"at", "risk", "for"}, CAUSES, F},
      {{"more", "likely", "to", "develop"}, CAUSES, F},
      {{"more", "likely", "to", "get"}, CAUSES, F},
      {{"more", "likely", "to", "have"}, CAUSES, F},
      {{"more", "likely", "to", "suffer"}, CAUSES, F},
      {{"more", "likely", "to", "experience"}, CAUSES, F},
      {{"more", "likely", "than", "?", "to", "develop"}, CAUSES, F},
      {{"more", "likely", "than", "?", "to", "get"}, CAUSES, F},
      {{"more", "likely", "than", "?", "to", "have"}, CAUSES, F},
      {{"more", "prone", "to"}, CAUSES, F},
      {{"most", "likely", "to", "develop"}, CAUSES, F},
      {{"most", "likely", "to", "get"}, CAUSES, F},
      {{"most", "likely", "to", "have"}, CAUSES, F},
      {{"give*", "you"}, CAUSES, F},
      {{"culprit", "behind"}, CAUSES, F},
      {{"culprit", "of"}, CAUSES, F},
      {{"culprit", "for"}, CAUSES, F},
      {{"complication", "of"}, CAUSES, B},
      // "The cause is usually a herniated disk": the noun, not the verb.
      {{"cause", "is"}, CAUSES, B},
      {{"cause", "was"}, CAUSES, B},
      {{"causes", "are"}, CAUSES, B},
      {{"more", "common", "in"}, CAUSES, B},
      {{"more", "common", "among"}, CAUSES, B},
      {{"most", "common", "in"}, CAUSES, B},
      {{"most", "common", "among"}, CAUSES, B},
      {{"more", "frequent", "in"}, CAUSES, B},
      // What makes a condition worse, or a body prone to it.
      {{"worsen*"}, CAUSES, F},
      {{"aggravate*"}, CAUSES, F},
      {{"exacerbate*"}, CAUSES, F},
      {{"predispose*", "?", "to"}, CAUSES, F},
      {{"predispose*", "to"}, CAUSES, F},
      // Symptoms.
      {{"symptoms", "include"}, HAS_SYMPTOM, F},
      {{"symptoms", "may", "include"}, HAS_SYMPTOM, F},
      {{"symptoms", "can", "include"}, HAS_SYMPTOM, F},
      {{"signs", "include"}, HAS_SYMPTOM, F},
      {{"characterized", "by"}, HAS_SYMPTOM, F},
      {{"characterised", "by"}, HAS_SYMPTOM, F},
      {{"present*", "with"}, HAS_SYMPTOM, F},
      {{"accompanied", "by"}, HAS_SYMPTOM, F},
      {{"marked", "by"}, HAS_SYMPTOM, F},
      {{"feel*", "like"}, HAS_SYMPTOM, F},
      {{"come*", "with"}, HAS_SYMPTOM, F},
      {{"bring"}, HAS_SYMPTOM, F},
      {{"brings"}, HAS_SYMPTOM, F},
      {{"associated", "with"}, HAS_SYMPTOM, F},
      {{"show*", "up", "as"}, HAS_SYMPTOM, F},
      // "C can make it harder to type", "C affects your ability to grip":
      // the difficulty it brings (a mention from the verb on, by
      // phrase_finder.cc).
      {{"make*", "it", "hard*", "to"}, CAUSES, F},
      {{"make*", "it", "difficult", "to"}, CAUSES, F},
      {{"make*", "it", "more", "difficult", "to"}, CAUSES, F},
      {{"make*", "it", "painful", "to"}, CAUSES, F},
      {{"make*", "it", "tough*", "to"}, CAUSES, F},
      {{"make*", "it", "impossible", "to"}, CAUSES, F},
      {{"affect*", "?", "ability", "to"}, CAUSES, F},
      {{"limit*", "?", "ability", "to"}, CAUSES, F},
      {{"reduce*", "?", "ability", "to"}, CAUSES, F},
      {{"impair*", "?", "ability", "to"}, CAUSES, F},
      // "Pain is the main symptom of C", "Numbness can be a sign of C".
      {{"symptom", "of"}, HAS_SYMPTOM, B},
      {{"symptoms", "of"}, HAS_SYMPTOM, B},
      {{"sign", "of"}, HAS_SYMPTOM, B},
      {{"signs", "of"}, HAS_SYMPTOM, B},
      // Treatment.
      {{"treated", "with"}, TREATS, B},
      {{"treated", "by"}, TREATS, B},
      {{"relieved", "by"}, TREATS, B},
      {{"managed", "with"}, TREATS, B},
      {{"improve*", "with"}, TREATS, B},
      {{"get*", "better", "with"}, TREATS, B},
      {{"benefit*", "from"}, TREATS, B},
      {{"respond*", "to"}, TREATS, B},
      {{"treat"}, TREATS, F},
      {{"treats"}, TREATS, F},
      {{"relieve*"}, TREATS, F},
      {{"ease"}, TREATS, F},
      {{"eases"}, TREATS, F},
      {{"reduce"}, TREATS, F},
      {{"reduces"}, TREATS, F},
      {{"alleviate*"}, TREATS, F},
      {{"manage"}, TREATS, F},
      {{"help*"}, TREATS, F},
      {{"decrease"}, TREATS, F},
      {{"decreases"}, TREATS, F},
      {{"heal"}, TREATS, F},
      {{"resolve*"}, TREATS, F},
      {{"cure*"}, TREATS, F},
      {{"fix"}, TREATS, F},
      {{"correct"}, TREATS, F},
      {{"soothe*"}, TREATS, F},
      {{"calm*"}, TREATS, F},
      {{"recommended", "for"}, TREATS, F},
      {{"bring*", "down"}, TREATS, F},
      {{"get*", "rid", "of"}, TREATS, F},
      {{"improve"}, TREATS, F},
      {{"improves"}, TREATS, F},
      {{"treatment", "for"}, TREATS, F},
      {{"treatments", "for"}, TREATS, F},
      {{"remedy", "for"}, TREATS, F},
      {{"remedies", "for"}, TREATS, F},
      {{"used", "to", "treat"}, TREATS, F},
      // Prevention.
      {{"prevent"}, PREVENTS, F},
      {{"prevents"}, PREVENTS, F},
      {{"preventing"}, PREVENTS, F},
      {{"reduce*", "?", "risk", "of"}, PREVENTS, F},
      {{"lower*", "?", "risk", "of"}, PREVENTS, F},
      {{"protect*", "against"}, PREVENTS, F},
      {{"prevented", "by"}, PREVENTS, B},
      {{"avoid"}, PREVENTS, F},
      {{"ward*", "off"}, PREVENTS, F},
      {{"reduce*", "?", "chance", "of"}, PREVENTS, F},
      {{"reduce*", "?", "chances", "of"}, PREVENTS, F},
      {{"reduce*", "?", "likelihood", "of"}, PREVENTS, F},
      {{"decrease*", "?", "risk", "of"}, PREVENTS, F},
      {{"lower*", "?", "chance", "of"}, PREVENTS, F},
      {{"lower*", "?", "chances", "of"}, PREVENTS, F},
      {{"cut*", "?", "risk", "of"}, PREVENTS, F},
      {{"minimi*", "?", "risk", "of"}, PREVENTS, F},
      {{"lessen*", "?", "risk", "of"}, PREVENTS, F},
      // Exercise.
      {{"strengthen*"}, STRENGTHENS, F},
      {{"build*", "up"}, STRENGTHENS, F},
      {{"stretch"}, STRETCHES, F},
      {{"stretches"}, STRETCHES, F},
      {{"stretching"}, STRETCHES, F},
      {{"lengthen*"}, STRETCHES, F},
      // Diagnosis.
      {{"diagnosed", "with"}, DIAGNOSES, B},
      {{"diagnosed", "by"}, DIAGNOSES, B},
      {{"diagnosed", "using"}, DIAGNOSES, B},
      {{"diagnosed", "through"}, DIAGNOSES, B},
      {{"confirmed", "by"}, DIAGNOSES, B},
      {{"confirmed", "with"}, DIAGNOSES, B},
      {{"diagnose*"}, DIAGNOSES, F},
      {{"detect*"}, DIAGNOSES, F},
      {{"confirm"}, DIAGNOSES, F},
      {{"confirms"}, DIAGNOSES, F},
      {{"rule", "out"}, DIAGNOSES, F},
      {{"reveal*"}, DIAGNOSES, F},
      {{"check*", "for"}, DIAGNOSES, F},
      {{"test*", "for"}, DIAGNOSES, F},
      {{"assess*"}, DIAGNOSES, F},
      {{"identify"}, DIAGNOSES, F},
  };
  return *kTable;
}

const CueFilter& CueTableFilter() {
  // Each pattern's first word (its stem, for "x*"), taken from the table
  // itself so that a new row can never be filtered out.
  static const auto* const kFilter = [] {
    std::vector<absl::string_view> prefixes;
    for (const CueRule& rule : Cues()) {
      prefixes.push_back(absl::StripSuffix(rule.words.front(), "*"));
    }
    return new CueFilter(prefixes);
  }();
  return *kFilter;
}

// The types a relation admits on each side; the effect side of CAUSES
// admits symptoms, which make the claim HAS_SYMPTOM.
Types SubjectTypes(Relation r) {
  switch (r) {
    case schema::CAUSES:
      // Treatments have complications ("Repeated injections can result
      // in tissue damage").
      return {{schema::CAUSE, schema::CONDITION, schema::TREATMENT}};
    case schema::HAS_SYMPTOM:
      return {{schema::CONDITION}};
    case schema::TREATS:
    case schema::PREVENTS:
    case schema::STRENGTHENS:
    case schema::STRETCHES:
      return {{schema::TREATMENT}};
    case schema::DIAGNOSES:
      return {{schema::TEST}};
    default:
      return {};
  }
}

Types ObjectTypes(Relation r) {
  switch (r) {
    case schema::CAUSES:
      return {{schema::CONDITION, schema::SYMPTOM}};
    case schema::HAS_SYMPTOM:
      return {{schema::SYMPTOM}};
    case schema::TREATS:
    case schema::PREVENTS:
      return {{schema::CONDITION, schema::SYMPTOM}};
    case schema::STRENGTHENS:
    case schema::STRETCHES:
      return {{schema::MUSCLE}};
    case schema::DIAGNOSES:
      return {{schema::CONDITION}};
    default:
      return {};
  }
}

// Whether token `comma` ends an introductory phrase of condition or time
// that opens the sentence ("If left untreated, ...", "Over time, ...",
// "Without treatment, ..."): no subject, so the words after it decide.
bool EndsIntroduction(const SentenceView& v, int comma) {
  if (v.word(comma) != ",") return false;
  int first = 0;
  while (first < comma && !v.sentence().tokens[first].is_word) ++first;
  for (int t = first; t < comma; ++t) {
    if (v.word(t) == ",") return false;  // Not the phrase's own comma.
  }
  return first < comma &&
         In(v.word(first), {"if", "without", "over", "eventually", "ultimately",
                            "after", "later", "sometimes", "occasionally",
                            "untreated", "left", "unless", "when"});
}

// Whether the words before the cue at `cue` in its clause leave its left
// argument out or stand for the condition written about: none, a pronoun,
// a general noun ("the condition"), auxiliaries and adverbs ("It is often
// caused by", "Often caused by", "This can lead to"). Words that name
// something else ("Rear-end collisions often result in ...") are an
// argument the lexicon does not know, not the section's condition.
// An introductory phrase (EndsIntroduction) is no subject: the words after
// it decide, if there are any.
bool LeftArgumentLeftOut(const SentenceView& v, int cue) {
  bool words = false;
  for (int i = cue - 1; i >= 0 && v.clause(i) == v.clause(cue); --i) {
    if (EndsIntroduction(v, i)) return words;
    if (!v.sentence().tokens[i].is_word) continue;
    words = true;
    if (!In(v.word(i),
            {"it", "this", "that", "they", "these", "which", "what", "the",
             "condition", "problem", "injury", "disorder", "syndrome", "is",
             "are", "was", "were", "be", "been", "being", "can", "may",
             "might", "could", "will", "would", "often", "usually", "also",
             "commonly", "sometimes", "typically", "generally", "frequently",
             "mostly", "mainly", "primarily", "most", "and", "but", "then",
             "in", "turn", "eventually", "even", "further"})) {
      return false;
    }
  }
  return true;
}

// Where, after token `from` in its clause, the words that say who a risk
// is of end ("if you have", "if they are", "in people with", "who
// have"): the risk's cause follows ("You may be at higher risk of C if you
// have A or B"). -1 if the clause says no such thing.
int RiskHolderEnd(const SentenceView& v, int from) {
  for (int t = from; t < v.size() && v.clause(t) == v.clause(from); ++t) {
    if (v.word(t) == "if" &&
        In(v.word(t + 2), {"have", "has", "had", "are", "is", "get", "gets"})) {
      return t + 3;
    }
    if (v.word(t) == "who" && In(v.word(t + 1), {"have", "has", "had"})) {
      return t + 2;
    }
    if (v.word(t + 1) == "with" &&
        In(v.word(t), {"people", "those", "patients", "anyone", "someone",
                       "adults", "children", "women", "men", "individuals"})) {
      return t + 2;
    }
  }
  return -1;
}

// The entity tokens [first, end) of `v` name, as written, of `type`: an
// activity (GerundSubjects) or a group of people (RiskGroupEnd).
Ref AsWritten(const SentenceView& v, int first, int end, NodeType type) {
  Ref r;
  r.type = type;
  r.open = true;
  for (int t = first; t < end; ++t) {
    if (!v.sentence().tokens[t].is_word) continue;
    if (!r.name.empty()) r.name.push_back(' ');
    absl::StrAppend(&r.name, v.word(t));
  }
  return r;
}

// Whether the words before the cue at `cue` in its clause are a pronoun
// subject with auxiliaries and adverbs only ("It can", "They also help",
// "This may"): no name, no general noun.
bool PronounSubject(const SentenceView& v, int cue) {
  bool pronoun = false;
  for (int i = cue - 1; i >= 0 && v.clause(i) == v.clause(cue); --i) {
    if (EndsIntroduction(v, i)) break;  // "If left untreated, it can ..."
    if (!v.sentence().tokens[i].is_word) continue;
    if (In(v.word(i), {"it", "this", "they", "these", "both"})) {
      pronoun = true;
    } else if (!In(v.word(i),
                   {"is", "are", "can", "may", "might", "could", "will",
                    "would", "also", "often", "usually", "help", "helps",
                    "further", "then", "even"})) {
      return false;
    }
  }
  return pronoun;
}

// Where the means of a treating or preventing cue at `cue`, whose object
// ends at `object_end`, begin, or -1: after "by" ("reduce your risk of C by
// stretching"), or after "is", "are" or "include" when the cue is what a
// way or key is to ("the best way to prevent C is stretching").
int MeansAfter(const SentenceView& v, int cue, int object_end) {
  int j = object_end;
  if (v.word(j) == "by") {
    ++j;
    // "by doing core exercises", "by using a brace".
    if (In(v.word(j), {"doing", "using", "getting", "taking", "adding",
                       "practicing", "practising", "performing"})) {
      ++j;
    }
    return j;
  }
  int k = cue - 1;
  if (k >= 0 && v.word(k) == "help") --k;
  if (k < 1 || v.word(k) != "to" ||
      !In(v.word(k - 1), {"way", "ways", "key", "keys", "step", "steps"})) {
    return -1;
  }
  return In(v.word(j), {"is", "are", "include", "includes"}) ? j + 1 : -1;
}

}  // namespace

void DocumentExtractor::CueRules(const SentenceView& v, int index) {
  const CueFilter& filter = CueTableFilter();
  for (int i = 0; i < v.size(); ++i) {
    if (!v.sentence().tokens[i].is_word || !filter.MaybeCue(v.word(i))) {
      continue;
    }
    // A word inside a mention is part of a name ("stretching exercises"),
    // not a cue.
    if (v.mention_at(i) >= 0) continue;
    // The longest cue that matches here: "reduce the risk of" (PREVENTS),
    // not "reduce" (TREATS).
    const CueRule* longest = nullptr;
    int end = -1;
    for (const CueRule& rule : Cues()) {
      const int rule_end = MatchCue(v, i, rule);
      if (rule_end > end) {
        end = rule_end;
        longest = &rule;
      }
    }
    if (longest == nullptr) continue;
    // "help" before the verb that says how ("can help prevent", "helps to
    // reduce the risk of"): that verb is the cue.
    if (longest->words.size() == 1 && longest->words[0] == "help*") {
      const int next = v.word(end) == "to" ? end + 1 : end;
      bool verb_follows = false;
      for (const CueRule& rule : Cues()) {
        if (rule.words[0] != "help*" && MatchCue(v, next, rule) > next) {
          verb_follows = true;
          break;
        }
      }
      if (verb_follows) continue;
    }
    const CueRule& rule = *longest;
    do {
      const bool negated = Negated(v, i);
      const bool hedged = Hedged(v, i);
      const Relation rel = rule.relation;
      const bool forward = rule.direction == Direction::kForward;
      const Types lt = forward ? SubjectTypes(rel) : ObjectTypes(rel);
      const Types rt = forward ? ObjectTypes(rel) : SubjectTypes(rel);
      std::vector<Ref> left, right;
      std::vector<int> left_mentions =
          Before(v, i, {lt.t[0], lt.t[1], lt.t[2]});
      if (rel == schema::STRENGTHENS || rel == schema::STRETCHES) {
        DropObjectsOfCoordinatedVerb(v, i, &left_mentions);
      }
      for (int m : left_mentions) {
        left.push_back(FromMention(v.mentions()[m]));
      }
      const std::vector<int> right_mentions =
          After(v, end, {rt.t[0], rt.t[1], rt.t[2]}, 6);
      for (int m : right_mentions) {
        right.push_back(FromMention(v.mentions()[m]));
      }
      // "C is more common in women over the age of 50": the group, with
      // the names inside it ("age").
      if (!forward && rel == schema::CAUSES) {
        const int group_end = RiskGroupEnd(v, end);
        if (group_end > end) {
          right.assign(1, AsWritten(v, end, group_end, schema::CAUSE));
        }
      }
      if (right.empty()) break;
      // An activity the clause opens with: "Lifting heavy boxes can cause
      // C", "Taking breaks helps prevent C". It is the subject also when
      // the mentions before the cue are in its own verb phrase ("Hunching
      // puts strain on the spine and can lead to C": not the strain).
      if (forward && (lt.Has(schema::CAUSE) || lt.Has(schema::TREATMENT))) {
        const std::vector<std::pair<int, int>> activities =
            GerundSubjects(v, i);
        if (!activities.empty() &&
            (left.empty() || v.mentions()[left_mentions.back()].first_token >=
                                 activities.back().second)) {
          left.clear();
          for (const auto& [first, last] : activities) {
            left.push_back(AsWritten(
                v, first, last,
                lt.Has(schema::CAUSE) ? schema::CAUSE : schema::TREATMENT));
          }
        }
      }
      // The description of a labelled list item is about its label ("Age.
      // People over 50 are more likely to develop C"): a cause whose
      // subject names nothing the lexicon knows is the label.
      if (left.empty() && forward && rel == schema::CAUSES &&
          in_item_description_ && item_head_.valid() &&
          lt.Has(item_head_.type) && item_head_.name != right.front().name) {
        left.push_back(item_head_);
      }
      // "Women are 3 times more likely than men to develop C".
      if (left.empty() && forward && rel == schema::CAUSES) {
        const int group = RiskGroupBefore(v, i);
        if (group >= 0) {
          left.push_back(
              AsWritten(v, group, RiskGroupEnd(v, group), schema::CAUSE));
        }
      }
      // "at higher risk of C if you have A": A causes C.
      if (left.empty() && forward && rel == schema::CAUSES) {
        const int holder = RiskHolderEnd(v, end);
        if (holder >= 0) {
          for (int m : After(v, holder, {lt.t[0], lt.t[1], lt.t[2]})) {
            left.push_back(FromMention(v.mentions()[m]));
          }
        }
      }
      // The means written after the condition: "reduce your risk of C by
      // stretching", "the best way to prevent C is stretching".
      if (left.empty() && forward &&
          (rel == schema::TREATS || rel == schema::PREVENTS)) {
        const int means =
            MeansAfter(v, i, v.mentions()[right_mentions.back()].end_token);
        if (means >= 0) {
          for (int m : After(v, means, {schema::TREATMENT}, 3)) {
            left.push_back(FromMention(v.mentions()[m]));
          }
        }
      }
      // A pronoun subject standing for the treatment, cause or condition
      // the previous sentence of the paragraph opened with.
      if (left.empty() && forward && prev_subject_.valid() &&
          prev_subject_block_ == v.sentence().sentence.block &&
          lt.Has(prev_subject_.type) && PronounSubject(v, i)) {
        left.push_back(prev_subject_);
      }
      // Else a subject left out or standing for the section's condition.
      if (left.empty() && section_condition_.valid() &&
          lt.Has(schema::CONDITION) && LeftArgumentLeftOut(v, i)) {
        left.push_back(section_condition_);
      }
      // An imperative exercise ("Stretch your calves"): the exercise.
      if (left.empty() &&
          (rel == schema::STRENGTHENS || rel == schema::STRETCHES)) {
        std::vector<int> muscles = After(v, end, {schema::MUSCLE}, 3);
        if (!muscles.empty()) {
          Ref advice = AdviceAsWritten(v, i, muscles);
          left.push_back(advice.valid() ? std::move(advice)
                                        : ExerciseFor(rel, v, muscles));
        }
      }
      const std::vector<Ref>& subjects = forward ? left : right;
      const std::vector<Ref>& objects = forward ? right : left;
      for (const Ref& s : subjects) {
        for (const Ref& o : objects) {
          Relation r = rel;
          Ref subject = s, object = o;
          if (r == schema::CAUSES && subject.type == schema::TREATMENT) {
            // A treatment that causes a condition is, there, a cause
            // (VOCABULARY.md: CAUSES takes a Cause or a Condition).
            if (object.type != schema::CONDITION) continue;
            subject.type = schema::CAUSE;
            subject.affects.clear();
            subject.affects_type = schema::NODE_TYPE_UNSPECIFIED;
          }
          if (r == schema::CAUSES && object.type == schema::SYMPTOM) {
            // "C causes pain": a symptom of C. "Smoking can cause neck
            // pain": a cause that is no condition makes the symptom the
            // condition it is caused as.
            if (subject.type == schema::CONDITION) {
              r = schema::HAS_SYMPTOM;
            } else {
              object = AsCondition(object);
            }
          } else if ((r == schema::TREATS || r == schema::PREVENTS) &&
                     object.type == schema::SYMPTOM) {
            // Relieving a symptom treats the condition it is a symptom of.
            if (!section_condition_.valid()) continue;
            object = section_condition_;
          }
          Add(subject, r, object, index, "cue_table", 0.6f, negated, hedged);
        }
      }
    } while (false);
  }
}

}  // namespace mskg::ingest::extraction
