// ingest/phrase_finder.cc
#include "ingest/phrase_finder.h"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/phrase_words.h"
#include "ingest/verb_forms.h"
#include "ingest/word_set.h"

namespace mskg::ingest {
namespace {

using schema::NodeType;

// A sentence as a sequence of units: single tokens, or the existing
// mentions that cover several.
struct Unit {
  int first = 0;
  int end = 0;
  int mention = -1;  // Index into the mentions, or -1 for a bare token.
};

// Replaces the mentions that overlap `m`'s tokens by `m`.
void ReplaceSpan(Mention m, std::vector<Mention>* mentions) {
  std::vector<Mention> out;
  out.reserve(mentions->size() + 1);
  bool placed = false;
  for (Mention& x : *mentions) {
    if (x.end_token <= m.first_token || x.first_token >= m.end_token) {
      if (!placed && x.first_token >= m.end_token) {
        out.push_back(std::move(m));
        placed = true;
      }
      out.push_back(std::move(x));
    }
  }
  if (!placed) out.push_back(std::move(m));
  *mentions = std::move(out);
}

// Words that end a complement ("loss of feeling in ...").
bool EndsComplement(const Token& t) {
  return !t.is_word ||
         In(t.lower, {"in", "on", "at", "to", "for", "with", "from", "by",
                      "is", "are", "was", "were", "which", "that", "when",
                      "while", "because", "if", "after", "before", "during",
                      "can", "may", "might", "will", "and", "or", "but",
                      "as", "than", "so"});
}

// Symptoms named by a noun and its complement: "loss of feeling", "lack of
// coordination", "difficulty walking", "trouble sleeping", "inability to
// grip". Conditions named by a possessive and a body part: "runner's knee".
void AddComplementPhrases(const std::vector<Token>& tokens,
                          std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  auto covered_by_lexicon = [&](int i) {
    for (const Mention& m : *mentions) {
      if (m.first_token <= i && i < m.end_token) {
        return IsClinical(m.type) && m.entry != nullptr;
      }
    }
    return false;
  };
  for (int i = 0; i + 1 < n; ++i) {
    const absl::string_view w = tokens[i].lower;
    int from = -1;
    if (In(w, {"loss", "lack", "lost"}) && tokens[i + 1].lower == "of") {
      from = i + 2;
    } else if (In(w, {"difficulty", "trouble", "problems"}) &&
               absl::EndsWith(tokens[i + 1].lower, "ing")) {
      from = i + 1;
    } else if (w == "inability" && tokens[i + 1].lower == "to") {
      from = i + 2;
    }
    if (from < 0 || covered_by_lexicon(i)) continue;
    int end = from;
    while (end < n && end < from + 5) {
      const Token& t = tokens[end];
      // "bowel or bladder control": a coordinator inside the complement
      // when a word follows it.
      if ((t.lower == "or" || t.lower == "and") && end > from &&
          end + 1 < n && tokens[end + 1].is_word &&
          !EndsComplement(tokens[end + 1]) && end + 2 < n &&
          tokens[end + 2].is_word && !EndsComplement(tokens[end + 2])) {
        ++end;
        continue;
      }
      // A verb after the complement's first word ends it ("loss of
      // movement occurs"); the first may be one ("difficulty buttoning").
      if (end > from && IsVerbForm(t.lower) &&
          HeadWordType(t.lower) == schema::NODE_TYPE_UNSPECIFIED) {
        break;
      }
      if (EndsComplement(t) ||
          In(t.lower, {"the", "a", "an", "your", "my", "their"})) {
        if (end == from && In(t.lower, {"the", "a", "an", "your", "my",
                                        "their"})) {
          ++from;
          ++end;
          continue;
        }
        break;
      }
      ++end;
    }
    if (end == from) continue;
    Mention m;
    m.type = schema::SYMPTOM;
    m.open = true;
    m.first_token = i;
    m.end_token = end;
    for (int t = i; t < end; ++t) {
      if (!tokens[t].is_word) continue;
      if (!m.name.empty()) m.name.push_back(' ');
      m.name += tokens[t].lower;
    }
    ReplaceSpan(std::move(m), mentions);
    i = end - 1;
  }
  // "Not warming up before exercising, ...": a sentence that opens with
  // what is not done names a cause (as "neglecting ..." does).
  if (n >= 2 && tokens[0].lower == "not" && tokens[1].is_word &&
      absl::EndsWith(tokens[1].lower, "ing") && tokens[1].lower.size() > 4) {
    int end = 1;
    while (end < n && end < 7 && tokens[end].is_word &&
           !In(tokens[end].lower, {"and", "or", "is", "are", "can", "may",
                                   "will", "was", "causes", "leads"})) {
      ++end;
    }
    Mention m;
    m.type = schema::CAUSE;
    m.open = true;
    m.first_token = 0;
    m.end_token = end;
    for (int t = 0; t < end; ++t) {
      if (!m.name.empty()) m.name.push_back(' ');
      m.name += tokens[t].lower;
    }
    ReplaceSpan(std::move(m), mentions);
  }
  // "<someone>'s <body part>": a condition named after who gets it.
  for (size_t k = 0; k < mentions->size(); ++k) {
    const Mention& part = (*mentions)[k];
    if (part.type != schema::STRUCTURE || part.first_token < 1) continue;
    const Token& owner = tokens[part.first_token - 1];
    if (!owner.is_word || !owner.possessive ||
        BreaksNounPhrase(owner.lower)) {
      continue;
    }
    // Such names are bare ("I have runner's knee"); after a determiner the
    // possessive is an ordinary one ("the athlete's leg", "an athlete's
    // toe").
    if (part.first_token >= 2) {
      const Token& before = tokens[part.first_token - 2];
      if (before.is_word &&
          In(before.lower, {"the", "a", "an", "this", "that", "each", "every",
                            "your", "my", "his", "her", "their", "our"})) {
        continue;
      }
    }
    Mention m;
    m.type = schema::CONDITION;
    m.open = true;
    m.first_token = part.first_token - 1;
    m.end_token = part.end_token;
    m.name = absl::StrCat(owner.lower, "'s ");
    for (int t = part.first_token; t < part.end_token; ++t) {
      if (tokens[t].is_word) absl::StrAppend(&m.name, tokens[t].lower, " ");
    }
    m.name.pop_back();
    m.affects_type = schema::STRUCTURE;
    m.affects = part.name;
    ReplaceSpan(std::move(m), mentions);
  }
  // "<body part> problems": "knee problems", "jaw issues", "back trouble"
  // name a disorder of that part, as "<part> pain" names a symptom.
  for (size_t k = 0; k < mentions->size(); ++k) {
    const Mention& part = (*mentions)[k];
    if ((part.type != schema::STRUCTURE && part.type != schema::MUSCLE) ||
        part.end_token >= n) {
      continue;
    }
    const Token& next = tokens[part.end_token];
    if (!In(next.lower, {"problem", "problems", "issue", "issues", "trouble",
                         "troubles", "complaint", "complaints"})) {
      continue;
    }
    Mention m;
    m.type = schema::CONDITION;
    m.open = true;
    m.first_token = part.first_token;
    m.end_token = part.end_token + 1;
    for (int t = m.first_token; t < m.end_token; ++t) {
      if (!tokens[t].is_word) continue;
      if (!m.name.empty()) m.name.push_back(' ');
      m.name += tokens[t].lower;
    }
    m.affects_type = part.type;
    m.affects = part.name;
    ReplaceSpan(std::move(m), mentions);
  }
}

// Where the difficulty that the words at token `i` state begins its
// activities, or -1: "(makes) it hard / harder / difficult / painful to
// <do>", "(affects / limits / reduces) your ability to <do>".
int DifficultyComplement(const std::vector<Token>& tokens, int i) {
  const int n = static_cast<int>(tokens.size());
  if (i + 2 >= n || tokens[i + 1].lower != "to") return -1;
  const absl::string_view w = tokens[i].lower;
  auto word_before = [&](int k, std::initializer_list<absl::string_view> set,
                         bool prefix) {
    for (int j = std::max(0, i - k); j < i; ++j) {
      for (absl::string_view x : set) {
        if (prefix ? absl::StartsWith(tokens[j].lower, x)
                   : tokens[j].lower == x) {
          return true;
        }
      }
    }
    return false;
  };
  if (In(w, {"hard", "harder", "difficult", "tough", "tougher", "painful",
             "impossible"}) &&
      word_before(3, {"it"}, false)) {
    return i + 2;
  }
  if (w == "ability" &&
      word_before(
          3,
          {"affect", "limit", "reduc", "impair", "lose", "lost", "losing",
           "decreas", "diminish", "lower", "poor", "hinder", "interfer"},
          true)) {
    return i + 2;
  }
  return -1;
}

// Words that end an activity the difficulty is of.
bool EndsActivity(const Token& t) {
  return In(t.lower,
            {"which", "that",   "when",  "while",  "because", "if",     "but",
             "so",    "than",   "as",    "is",     "are",     "was",    "were",
             "can",   "may",    "might", "will",   "without", "unless", "for",
             "at",    "during", "after", "before", "with",    "what",   "why",
             "how",   "where",  "who",   "whether"});
}

// Words after "hard to" that name no activity of the body: function
// words, and verbs of saying and knowing ("it is hard to say why", "it is
// difficult to know", "hard to treat").
bool NoActivity(absl::string_view w) {
  return In(w, {"the",        "a",       "an",        "your",     "my",
                "his",        "her",     "their",     "our",      "this",
                "that",       "be",      "do",        "get",      "have",
                "say",        "tell",    "know",      "see",      "find",
                "understand", "explain", "determine", "predict",  "believe",
                "imagine",    "think",   "remember",  "notice",   "describe",
                "diagnose",   "treat",   "prevent",   "avoid",    "stop",
                "make",       "let",     "pinpoint",  "identify", "recognize",
                "recognise",  "detect",  "measure",   "define",   "overstate"});
}

constexpr int kMaxActivityWords = 6;
constexpr int kMaxActivities = 4;

// An activity phrase of coordinated ones, from its verb at `start`: where it
// ends (before "and", "or", a clause word or punctuation, at most
// kMaxActivityWords words), and the end of its name, which is on a full
// word ("insert a key into a" -> "insert a key").
struct ActivitySpan {
  int end = 0;
  int name_end = 0;
};
ActivitySpan ActivityAt(const std::vector<Token>& tokens, int start) {
  const int n = static_cast<int>(tokens.size());
  ActivitySpan span;
  span.end = start + 1;
  while (span.end < n && span.end - start < kMaxActivityWords &&
         tokens[span.end].is_word && !EndsActivity(tokens[span.end]) &&
         tokens[span.end].lower != "and" && tokens[span.end].lower != "or") {
    ++span.end;
  }
  span.name_end = span.end;
  while (span.name_end > start + 1 &&
         In(tokens[span.name_end - 1].lower,
            {"a", "an", "the", "your", "my", "into", "of", "to", "on", "in",
             "with"})) {
    --span.name_end;
  }
  return span;
}

// The next conjunct's first token after `end` (past ",", "or", "and"), or
// `end` if none follows.
int NextConjunct(const std::vector<Token>& tokens, int end) {
  const int n = static_cast<int>(tokens.size());
  int next = end;
  while (next < n && (tokens[next].lower == "," || tokens[next].lower == "or" ||
                      tokens[next].lower == "and")) {
    ++next;
  }
  return next;
}

// Symptoms said as what a condition makes hard to do: "Trigger finger can
// make it harder to type, button a shirt or insert a key into a lock" names
// "difficulty typing", "difficulty buttoning a shirt" and "difficulty
// inserting a key into a lock"; "It can affect your ability to grip a
// steering wheel" names "difficulty gripping a steering wheel". The
// activities are coordinated verb phrases, each named by its gerund; each
// mention spans its verb phrase, so that the cue table's "make it harder
// to" and "affect your ability to" find them after the cue.
void AddDifficultyPhrases(const std::vector<Token>& tokens,
                          std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i < n; ++i) {
    const int from = DifficultyComplement(tokens, i);
    if (from < 0) continue;
    // "Decreased ability to move the head" is a name already: each
    // activity keeps it.
    const bool named_as_written =
        tokens[i].lower == "ability" && i > 0 &&
        In(tokens[i - 1].lower, {"decreased", "reduced", "limited", "impaired",
                                 "diminished", "lost", "lower", "poor"});
    std::vector<Mention> found;
    int start = from;
    // "hard to really see": an adverb before the verb.
    if (start < n && absl::EndsWith(tokens[start].lower, "ly")) ++start;
    while (start < n && static_cast<int>(found.size()) < kMaxActivities) {
      const Token& verb = tokens[start];
      if (!verb.is_word || EndsActivity(verb) || NoActivity(verb.lower) ||
          absl::EndsWith(verb.lower, "ing") ||
          absl::EndsWith(verb.lower, "ed")) {
        break;
      }
      const auto [end, last] = ActivityAt(tokens, start);
      Mention m;
      m.type = schema::SYMPTOM;
      m.open = true;
      m.first_token = named_as_written && found.empty() ? i - 1 : start;
      m.end_token = end;
      m.name =
          named_as_written
              ? absl::StrCat(tokens[i - 1].lower, " ability to ", verb.lower)
              : absl::StrCat("difficulty ", GerundOf(verb.lower));
      for (int t = start + 1; t < last; ++t) {
        absl::StrAppend(&m.name, " ", tokens[t].lower);
      }
      found.push_back(std::move(m));
      // The next conjunct: after ",", "or", "and" (", or").
      const int next = NextConjunct(tokens, end);
      if (next == end || next >= n) break;
      start = next;
    }
    for (Mention& m : found) ReplaceSpan(std::move(m), mentions);
    if (!found.empty()) i = found.back().end_token - 1;
  }
}

// Whether `w` has the shape of a gerund that names an activity ("reading",
// "hunching", "typing"): not a symptom or condition of that shape
// ("swelling", "bleeding"), nor a noun or preposition in -ing (IsIngNoun),
// nor a verb too general to name one ("doing", "using").
bool ActivityGerund(absl::string_view w) {
  const NodeType type = HeadWordType(w);
  return w.size() > 4 && absl::EndsWith(w, "ing") &&
         (type == schema::NODE_TYPE_UNSPECIFIED || type == schema::CAUSE ||
          type == schema::TREATMENT || type == schema::ACTION) &&
         !NoActivity(w) && !IsIngNoun(w) &&
         !In(w, {"having", "doing", "getting", "making", "going", "using",
                 "trying"});
}

// Activities given as examples: "Even minor things, such as reading in bed,
// can strain the neck", "aerobic exercise such as dancing, jogging or
// jumping". After "such as" / "including", each coordinated phrase that
// opens with a gerund is an activity: a treatment when the phrase before
// "such as" names one ("exercises such as swimming"), otherwise a cause,
// as activities are where the articles name them. A mention that is the
// whole activity ("jogging") stays as it is.
void AddExampleActivities(const std::vector<Token>& tokens,
                          std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i + 1 < n; ++i) {
    int from = -1;
    if (tokens[i].lower == "such" && tokens[i + 1].lower == "as") {
      from = i + 2;
    } else if (tokens[i].lower == "including") {
      from = i + 1;
    }
    if (from < 0 || from >= n || !ActivityGerund(tokens[from].lower)) continue;
    NodeType type = schema::CAUSE;
    for (const Mention& m : *mentions) {
      if (m.end_token > i) break;
      if (m.end_token >= i - 1) {
        type = m.type == schema::TREATMENT ? schema::TREATMENT : schema::CAUSE;
      }
    }
    std::vector<Mention> found;
    int start = from;
    while (start < n && ActivityGerund(tokens[start].lower) &&
           found.size() < static_cast<size_t>(kMaxActivities)) {
      const auto [end, last] = ActivityAt(tokens, start);
      bool lexicon_word = false;  // Or an open mention already.
      for (const Mention& m : *mentions) {
        lexicon_word |= m.first_token == start && m.end_token == last;
      }
      if (!lexicon_word) {
        Mention m;
        m.type = type;
        m.open = true;
        m.first_token = start;
        m.end_token = last;
        for (int t = start; t < last; ++t) {
          if (!m.name.empty()) m.name.push_back(' ');
          m.name += tokens[t].lower;
        }
        found.push_back(std::move(m));
      }
      const int next = NextConjunct(tokens, end);
      if (next == end) break;
      start = next;
    }
    for (Mention& m : found) ReplaceSpan(std::move(m), mentions);
    if (!found.empty()) i = found.back().end_token - 1;
  }
}

// The head-final noun phrases of the sentence (phrase_finder.h).
void AddNounPhrases(const std::vector<Token>& tokens,
                    std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  AddComplementPhrases(tokens, mentions);
  AddDifficultyPhrases(tokens, mentions);
  std::vector<Unit> units;
  units.reserve(n);
  {
    size_t m = 0;
    for (int i = 0; i < n;) {
      while (m < mentions->size() && (*mentions)[m].end_token <= i) ++m;
      if (m < mentions->size() && (*mentions)[m].first_token <= i) {
        const Mention& x = (*mentions)[m];
        units.push_back({i, std::max(x.end_token, i + 1), static_cast<int>(m)});
        i = units.back().end;
        ++m;
        continue;
      }
      units.push_back({i, i + 1, -1});
      ++i;
    }
  }
  // A verb form that is no noun ("exploring osteopathy", "termed plantar
  // fasciitis", "podiatrists prescribed orthotics") is no part of a name,
  // except the words that say a treatment is left out ("neglecting ...").
  auto content = [&](const Unit& u) {
    if (u.mention >= 0) return !(*mentions)[u.mention].anaphor;
    const Token& t = tokens[u.first];
    if (!t.is_word) return false;
    // After a modal comes a verb ("sciatica can damage nerves"), though
    // the word is a noun elsewhere.
    if (u.first > 0 &&
        In(tokens[u.first - 1].lower, {"can", "could", "may", "might", "will",
                                       "would", "should", "must"})) {
      return false;
    }
    return !BreaksNounPhrase(t.lower) &&
           !(IsVerbForm(t.lower) &&
             HeadWordType(t.lower) == schema::NODE_TYPE_UNSPECIFIED &&
             !LeavesOut(t.lower));
  };
  auto unit_type = [&](const Unit& u) {
    if (u.mention >= 0) return (*mentions)[u.mention].type;
    return HeadWordType(tokens[u.first].lower);
  };
  auto surface = [&](int first, int end) {
    std::string s;
    for (int t = first; t < end; ++t) {
      if (!tokens[t].is_word) continue;
      if (!s.empty()) absl::StrAppend(&s, " ");
      absl::StrAppend(&s, tokens[t].lower);
    }
    return s;
  };

  std::vector<Mention> added;
  std::vector<char> replaced(mentions->size(), 0);
  const int u_count = static_cast<int>(units.size());
  for (int a = 0; a < u_count;) {
    if (!content(units[a])) {
      ++a;
      continue;
    }
    int b = a;
    while (b < u_count && content(units[b])) ++b;
    // Run [a, b); the head is its last unit.
    const Unit& head = units[b - 1];
    // An open head word before an article or possessive is a verb
    // ("stretch the quads", "rest your knee", "the core muscles support the
    // spine"): a noun phrase does not run on into another's determiner.
    // After other words, only an article or possessive: "tears that
    // heal", "the activity this requires" are nouns before a relative
    // clause.
    if (head.mention < 0 && b < u_count && units[b].mention < 0 &&
        (In(tokens[units[b].first].lower,
            {"the", "a", "an", "your", "my", "his", "her", "their", "our"}) ||
         (b - a == 1 &&
          In(tokens[units[b].first].lower,
             {"this", "that", "these", "those", "it", "them", "each", "both",
              "any", "some"})))) {
      a = b;
      continue;
    }
    // "the psoas inserts on the femur", "the strap supports into ...": an
    // open word after a body part and before "on"/"into" is its verb.
    if (head.mention < 0 && b - a >= 2 && units[b - 2].mention >= 0 &&
        IsAnatomy((*mentions)[units[b - 2].mention].type) && b < u_count &&
        In(tokens[units[b].first].lower, {"on", "onto", "into"})) {
      a = b;
      continue;
    }
    NodeType type = unit_type(head);
    int start = a;
    const bool head_is_mention = head.mention >= 0;
    if (head_is_mention) {
      const Mention& hm = (*mentions)[head.mention];
      // Lexicon anatomy and composed muscle states name themselves; a
      // clinical lexicon term takes its modifiers only when they say more
      // than degree ("heel pain", not "severe sciatica").
      if (!IsClinical(hm.type) || hm.entry == nullptr) {
        type = schema::NODE_TYPE_UNSPECIFIED;
      }
    }
    // "a herniated disk", "pinched nerves", "a torn labrum": a body part
    // said to be damaged is a condition of it, named with the participle.
    int damaged = -1;  // The participle's unit.
    // The participle may be a symptom's adjective ("swollen"): before a
    // body part it says the part is damaged.
    if (IsAnatomy(unit_type(head)) && b >= 2 &&
        units[b - 2].end == units[b - 2].first + 1 &&
        SaysDamaged(tokens[units[b - 2].first].lower)) {
      damaged = b - 2;
      type = schema::CONDITION;
    }
    if (type == schema::NODE_TYPE_UNSPECIFIED) {
      a = b;
      continue;
    }
    // Phrases are short: at most five units end at the head.
    start = std::max(start, b - 5);
    // Qualifiers and durations say how, how often or how long, not what:
    // "a quick daily workout", "a 10 minute routine".
    while (start < b - 1 && units[start].mention < 0) {
      const absl::string_view word = tokens[units[start].first].lower;
      if (IsQualifier(word) || IsDuration(word)) {
        ++start;
      } else if (start < b - 2 && IsNumber(word) &&
                 units[start + 1].mention < 0 &&
                 IsTimeUnit(tokens[units[start + 1].first].lower)) {
        start += 2;
      } else {
        break;
      }
    }
    if (damaged >= 0) start = damaged;
    int end_token = head.end;
    int next = b;  // First unit after the phrase.
    const absl::string_view head_word =
        head_is_mention ? absl::string_view() : tokens[head.first].lower;
    // "pain in the heel", "tear of the ACL": the body part it is in
    // belongs to the name.
    if ((type == schema::SYMPTOM || type == schema::CONDITION) &&
        damaged < 0 && b < u_count && units[b].mention < 0 &&
        In(tokens[units[b].first].lower, {"in", "of", "on", "around"})) {
      int c = b + 1;
      while (c < u_count && units[c].mention < 0 &&
             SaysWhichPart(tokens[units[c].first].lower)) {
        ++c;
      }
      int d = c;
      while (d < u_count && d < c + 3 && content(units[d])) ++d;
      if (d > c && IsAnatomy(unit_type(units[d - 1]))) {
        end_token = units[d - 1].end;
        next = d;
      }
    }
    const Unit& first = units[start];
    // A lone clinical lexicon term with only qualifiers: the lexicon's name.
    if (head_is_mention && start == b - 1) {
      a = b;
      continue;
    }
    if (start == b - 1 && end_token == head.end && !head_is_mention &&
        TooGeneralAlone(head_word)) {
      a = b;
      continue;
    }
    Mention m;
    m.type = type;
    m.first_token = first.first;
    m.end_token = end_token;
    m.open = true;
    m.name = surface(m.first_token, m.end_token);
    if (m.name.empty()) {
      a = b;
      continue;
    }
    // A field of medicine is no treatment: "sports medicine", "internal
    // medicine" name who treats, not what.
    if (type == schema::TREATMENT && head_word == "medicine" &&
        end_token == head.end && start == b - 2 &&
        In(tokens[units[start].first].lower,
           {"sports", "sport", "internal", "family", "emergency",
            "rehabilitation", "occupational", "podiatric", "osteopathic",
            "musculoskeletal", "orthopedic", "orthopaedic"})) {
      a = b;
      continue;
    }
    // Care said only by how soon or where it is given is no treatment:
    // "seek immediate care", "see a podiatric care provider" say to see
    // someone, not what they do ("medical care" says what kind).
    if (type == schema::TREATMENT && end_token == head.end &&
        head_word == "care" && start < b - 1) {
      bool only_who_or_when = true;
      for (int u = start; u < b - 1; ++u) {
        only_who_or_when &=
            units[u].mention < 0 &&
            In(tokens[units[u].first].lower,
               {"immediate", "urgent", "emergency", "prompt",
                "professional", "podiatric", "primary", "health", "hospital",
                "specialist", "specialized", "expert", "quick", "timely"});
      }
      if (only_who_or_when) {
        a = b;
        continue;
      }
    }
    // Leaving a treatment out is a cause ("neglecting strength training",
    // "skipping the warm-up").
    if (type == schema::TREATMENT && LeavesOut(tokens[m.first_token].lower)) {
      m.type = schema::CAUSE;
    }
    // The body part a condition or symptom names: the last anatomy unit.
    for (int u = start; u < next; ++u) {
      if (units[u].mention < 0) continue;
      const Mention& x = (*mentions)[units[u].mention];
      if (IsAnatomy(x.type) && (type == schema::CONDITION ||
                                type == schema::SYMPTOM)) {
        m.affects_type = x.type == schema::MUSCLE ? schema::MUSCLE
                                                  : schema::STRUCTURE;
        m.affects = x.name;
      }
    }
    for (int u = start; u < next; ++u) {
      if (units[u].mention >= 0) replaced[units[u].mention] = 1;
    }
    added.push_back(std::move(m));
    a = next;
  }
  if (added.empty()) return;
  std::vector<Mention> out;
  out.reserve(mentions->size() + added.size());
  for (size_t m = 0; m < mentions->size(); ++m) {
    if (!replaced[m]) out.push_back(std::move((*mentions)[m]));
  }
  for (Mention& m : added) out.push_back(std::move(m));
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& x, const Mention& y) {
                     return x.first_token < y.first_token;
                   });
  *mentions = std::move(out);
}

// Drops the mentions of stress or strain that name a mechanical load, not
// a cause or an injury: what is put, placed or increased on a body part
// ("put stress on the knee", "increases stress on the spine", "a lot of
// stress and strain on the tendon"). The load is how the text says a cause
// works, not the cause.
void DropMechanicalLoads(const std::vector<Token>& tokens,
                         std::vector<Mention>* mentions) {
  const int n = static_cast<int>(tokens.size());
  auto is_load = [](absl::string_view w) {
    return In(w, {"stress", "stresses", "strain", "strains"});
  };
  auto is_loaded = [&](const Mention& m) {
    if (m.end_token <= m.first_token ||
        !is_load(tokens[m.end_token - 1].lower)) {
      return false;
    }
    // The load word alone or with how much of it ("extra stress"); a name
    // of which it is the head ("a hamstring strain on Saturday") is not.
    for (int t = m.first_token; t + 1 < m.end_token; ++t) {
      if (!In(tokens[t].lower,
              {"more", "extra", "excess", "excessive", "too", "much", "added",
               "additional", "increased", "undue", "constant", "repeated"})) {
        return false;
      }
    }
    // "stress and strain on": the load's coordinated other word.
    int after = m.end_token;
    if (after + 1 < n && In(tokens[after].lower, {"and", "or"}) &&
        is_load(tokens[after + 1].lower)) {
      after += 2;
    }
    if (after < n && In(tokens[after].lower, {"on", "onto", "upon"})) {
      return true;
    }
    for (int t = std::max(0, m.first_token - 4); t < m.first_token; ++t) {
      if (In(tokens[t].lower, {"put", "puts", "putting", "place", "places",
                               "placing", "placed", "exert", "exerts"})) {
        return true;
      }
    }
    return false;
  };
  mentions->erase(std::remove_if(mentions->begin(), mentions->end(), is_loaded),
                  mentions->end());
}

}  // namespace

void AddPhraseMentions(const std::vector<Token>& tokens,
                       std::vector<Mention>* mentions) {
  AddNounPhrases(tokens, mentions);
  // After the noun phrases, so that an example's head may be one of them
  // ("exercises such as walking backwards").
  AddExampleActivities(tokens, mentions);
  DropMechanicalLoads(tokens, mentions);
}

}  // namespace mskg::ingest
