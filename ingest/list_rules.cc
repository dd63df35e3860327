// ingest/list_rules.cc
//
// Names read from list items and labels: the head of an item ("MRI
// (Magnetic Resonance Imaging)" -> MRI), treatments named after what they
// strengthen or stretch, items in the relation of their list's kind, and
// lists a sentence introduces ("symptoms include A, B and C").
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/phrase_finder.h"

namespace mskg::ingest::extraction {

namespace {

// The mention of `type` in tokens [begin, end) of `label` written as one of
// its entry's adjectives ("the ankle is swollen"), or nullptr. An item that
// says so names the symptom (swelling), not its own words.
const Mention* AdjectiveMention(const AnalyzedSentence& label, int begin,
                                int end, NodeType type) {
  for (const Mention& m : label.mentions) {
    if (m.type != type || m.entry == nullptr || m.first_token < begin ||
        m.end_token > end || m.end_token != m.first_token + 1) {
      continue;
    }
    const std::string& written = label.tokens[m.first_token].lower;
    for (const std::string& a : m.entry->adjectives) {
      if (a == written) return &m;
    }
  }
  return nullptr;
}

}  // namespace

Ref DocumentExtractor::HeadRef(const AnalyzedSentence& label,
                               NodeType type) const {
  const int token_count = static_cast<int>(label.tokens.size());
  if (const Mention* m = AdjectiveMention(label, 0, token_count, type)) {
    return FromMention(*m);
  }
  // Strip parentheses: "MRI (Magnetic Resonance Imaging)" -> "MRI".
  std::string head;
  int depth = 0;
  for (char c : label.text) {
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth == 0) head.push_back(c);
  }
  head = std::string(absl::StripAsciiWhitespace(head));
  while (!head.empty() && (head.back() == ':' || head.back() == '.')) {
    head.pop_back();
  }
  if (head.empty()) return Ref();
  // A single mention covering the whole head (outside parentheses).
  int words = 0;
  for (const Token& t : Tokenize(head)) words += t.is_word ? 1 : 0;
  if (const LexiconEntry* e = linker_->MatchWhole(head)) {
    Ref r = FromEntry(*e);
    // Named as the label writes it, as the linker names clinical terms
    // (NameAsWritten), unless it is a muscle state.
    if (IsClinical(e->type) && label.mentions.size() == 1 &&
        label.mentions[0].entry == e && label.mentions[0].state.empty()) {
      r = FromMention(label.mentions[0]);
    }
    if (TypesAllowed(schema::CAUSES, r.type, schema::CONDITION) ||
        r.type == type) {
      return r;
    }
    if (type == schema::SYMPTOM && r.type == schema::CONDITION) return r;
  }
  for (const Mention& m : label.mentions) {
    if (m.first_token == 0 && m.entry == nullptr &&
        m.end_token >= static_cast<int>(label.tokens.size()) - 1 &&
        m.type == schema::CONDITION) {
      return FromMention(m);
    }
  }
  int last_word = static_cast<int>(label.tokens.size()) - 1;
  while (last_word >= 0 && !label.tokens[last_word].is_word) --last_word;
  // "Sharp or Dull Lower Back Pain": qualities before a term of the list's
  // kind leave the term.
  for (const Mention& m : label.mentions) {
    if (m.type != type || m.entry == nullptr || m.end_token != last_word + 1 ||
        m.first_token == 0) {
      continue;
    }
    bool qualities = true;
    for (int t = 0; t < m.first_token; ++t) {
      if (!In(label.tokens[t].lower,
              {"sharp", "dull", "mild", "moderate", "severe", "chronic",
               "acute", "intermittent", "constant", "persistent", "occasional",
               "recurring", "recurrent", "generalized", "localized", "or",
               "and", ","})) {
        qualities = false;
      }
    }
    if (qualities) return FromMention(m);
  }
  // "Strengthen Core Muscles", "Stretch the Hamstrings": the exercise.
  if (type == schema::TREATMENT && !label.tokens.empty() &&
      In(label.tokens[0].lower, {"strengthen", "stretch"})) {
    SentenceView v(label);
    std::vector<int> muscles = After(v, 1, {schema::MUSCLE}, 2);
    if (!muscles.empty() &&
        v.mentions()[muscles.back()].end_token == last_word + 1) {
      return ExerciseFor(label.tokens[0].lower == "stretch"
                             ? schema::STRETCHES
                             : schema::STRENGTHENS,
                         v, muscles);
    }
  }
  if (words == 0 || words > 8) return Ref();
  // A head that opens with a verb or function word is a clause ("Is
  // severe", "Comes with headache"), not a name; only advice is written
  // as an imperative ("Stay active").
  const Token* first_word = nullptr;
  for (const Token& t : label.tokens) {
    if (t.is_word) {
      first_word = &t;
      break;
    }
  }
  // A gerund opens a name of an activity ("Playing on artificial turf").
  if (type != schema::TREATMENT && first_word != nullptr &&
      BreaksNounPhrase(first_word->lower) &&
      !absl::EndsWith(first_word->lower, "ing")) {
    return Ref();
  }
  Ref r;
  r.type = type;
  r.name = absl::AsciiStrToLower(head);
  return r;
}

std::vector<Ref> DocumentExtractor::CoordinatedHeads(
    const AnalyzedSentence& label, NodeType type) const {
  // "Neck pain and stiffness", "Tingling or numbness in the arms",
  // "Swelling, bruising or tenderness": an item that coordinates names of
  // its list's kind lists each of them. A name that is one lexicon entry
  // ("pins and needles") or a conjunct that is no name of that kind
  // ("Sharp or dull pain": "sharp") keeps the item whole.
  if (linker_->MatchWhole(label.text) != nullptr) return {};
  std::vector<std::pair<int, int>> conjuncts;  // Token ranges.
  int from = 0, depth = 0;
  const int n = static_cast<int>(label.tokens.size());
  for (int i = 0; i <= n; ++i) {
    const absl::string_view w = i < n ? absl::string_view(label.tokens[i].lower)
                                      : absl::string_view();
    if (w == "(") ++depth;
    if (w == ")" && depth > 0) --depth;
    if (depth > 0 && i < n) continue;
    if (i == n || w == "and" || w == "or" || w == "," || w == ";" ||
        w == ":" || w == ".") {
      if (i < n && (w == ":" || w == ".")) {
        if (i + 1 < n) return {};  // A sentence, not a name.
      }
      int begin = from, end = i;
      while (begin < end && !label.tokens[begin].is_word) ++begin;
      while (end > begin && !label.tokens[end - 1].is_word) --end;
      if (begin < end) conjuncts.emplace_back(begin, end);
      else if (i < n && w != ",") return {};  // "and" after a comma.
      from = i + 1;
    }
  }
  if (conjuncts.size() < 2 || conjuncts.size() > 6) return {};
  std::vector<Ref> heads;
  for (const auto& [begin, end] : conjuncts) {
    if (const Mention* m = AdjectiveMention(label, begin, end, type)) {
      heads.push_back(FromMention(*m));
      continue;
    }
    bool named = false;
    for (int t = begin; t < end && !named; ++t) {
      named = HeadWordType(label.tokens[t].lower) == type;
    }
    for (const Mention& m : label.mentions) {
      if (m.first_token >= begin && m.end_token <= end && m.type == type) {
        named = true;
      }
    }
    // "Hairdressers and beauticians": a plural noun ends its noun phrase
    // (English modifiers are not plural), so a conjunct of one or two words
    // ending in one is a name of its own even when no vocabulary types it.
    if (!named && end - begin <= 2 &&
        LooksPlural(label.tokens[end - 1].lower) &&
        !BreaksNounPhrase(label.tokens[end - 1].lower)) {
      named = true;
    }
    if (!named) return {};
    // "A popping or clicking sensation": the article is no part of the
    // name.
    int first = begin;
    while (first + 1 < end &&
           In(label.tokens[first].lower, {"a", "an", "the", "some"})) {
      ++first;
    }
    Ref r;
    r.type = type;
    r.open = true;
    r.name = absl::AsciiStrToLower(
        absl::string_view(label.text)
            .substr(label.tokens[first].begin,
                    label.tokens[end - 1].end - label.tokens[first].begin));
    if (end - begin > 8) return {};
    heads.push_back(std::move(r));
  }
  return heads;
}

void DocumentExtractor::AddComposedTreatment(const Ref& t, int sentence) {
  // "hamstring strengthening", "core strengthening exercises".
  if (t.type != schema::TREATMENT) return;
  if (t.name.find("strength") == std::string::npos &&
      t.name.find("stretch") == std::string::npos &&
      t.name.find("exercise") == std::string::npos &&
      t.name.find("workout") == std::string::npos) {
    return;
  }
  if (!composed_done_.insert(t.name).second) return;
  std::vector<Token> tokens = Tokenize(t.name);
  bool strengthen = false, stretch = false, exercise = false;
  for (const Token& tok : tokens) {
    if (absl::StartsWith(tok.lower, "strength")) strengthen = true;
    if (absl::StartsWith(tok.lower, "stretch")) stretch = true;
    if (In(tok.lower, {"exercise", "exercises", "workout", "workouts"})) {
      exercise = true;
    }
  }
  // "hamstring exercises", "glute workouts": exercises named after a
  // muscle work it, that is, strengthen it (a stretch says it stretches).
  if (!stretch && exercise) strengthen = true;
  if (!strengthen && !stretch) return;
  // The muscles the name names, without the exercise words ("core" of
  // "core strengthening exercises", itself a lexicon name).
  tokens.erase(std::remove_if(
                   tokens.begin(), tokens.end(),
                   [](const Token& tok) {
                     return absl::StartsWith(tok.lower, "strength") ||
                            absl::StartsWith(tok.lower, "stretch") ||
                            In(tok.lower, {"exercises", "exercise", "training",
                                           "routine", "routines", "program"});
                   }),
               tokens.end());
  LinkerState state;
  for (const Mention& m : linker_->Link(tokens, &state)) {
    if (m.type != schema::MUSCLE) continue;
    Ref muscle = FromMention(m);
    Add(t, strengthen ? schema::STRENGTHENS : schema::STRETCHES, muscle,
        sentence, "treatment_name", 0.7f);
  }
}


void DocumentExtractor::Lists(const SentenceView& v, int index) {
  if (!v.has(kCueList)) return;
  // "<kind> include(s) A, B and C" / "other factors include ...".
  for (int i = 0; i + 1 < v.size(); ++i) {
    absl::string_view w = v.word(i);
    // "(accompanied by) symptoms like/such as/including numbness".
    if (!w.empty() && w[0] == 's' && In(w, {"symptoms", "signs"}) &&
        (In(v.word(i + 1), {"like", "including"}) ||
         (v.word(i + 1) == "such" && v.word(i + 2) == "as"))) {
      Ref cond =
          section_condition_.valid() ? section_condition_ : topic_condition_;
      for (int c : After(v, i + 2, {schema::SYMPTOM}, 3)) {
        Add(cond, schema::HAS_SYMPTOM, FromMention(v.mentions()[c]), index,
            "symptoms_like", 0.5f, Negated(v, i), Hedged(v, i));
      }
      continue;
    }
    if (!In(v.word(i + 1), {"include", "includes"})) continue;
    Ref cond = section_condition_.valid() ? section_condition_ : topic_condition_;
    if (!cond.valid()) return;
    if (In(w, {"factors", "triggers", "culprits"})) {
      for (int c : After(v, i + 2, {schema::CAUSE, schema::CONDITION}, 10)) {
        Add(FromMention(v.mentions()[c]), schema::CAUSES, cond, index,
            "factors_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    } else if (In(w, {"symptoms", "signs"})) {
      for (int c : After(v, i + 2, {schema::SYMPTOM}, 10)) {
        Add(cond, schema::HAS_SYMPTOM, FromMention(v.mentions()[c]), index,
            "symptoms_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    } else if (In(w, {"treatments", "options", "therapies"})) {
      for (int c : After(v, i + 2, {schema::TREATMENT}, 10)) {
        Add(FromMention(v.mentions()[c]), schema::TREATS, cond, index,
            "treatments_include", 0.6f, Negated(v, i), Hedged(v, i));
      }
    }
  }
}


void DocumentExtractor::AddListed(const Ref& head, int index) {
  const Ref& cond = section_condition_;
  switch (item_scope_) {
    case Scope::kCauses:
      Add(head, schema::CAUSES, cond, index, "section_list", 0.8f);
      break;
    case Scope::kSymptoms:
      Add(cond, schema::HAS_SYMPTOM, head, index, "section_list", 0.8f);
      break;
    case Scope::kTests:
      Add(head, schema::DIAGNOSES, cond, index, "section_list", 0.8f);
      break;
    case Scope::kTreats:
      Add(head, schema::TREATS, cond, index, "section_list", 0.8f);
      break;
    case Scope::kPrevents:
      Add(head, schema::PREVENTS, cond, index, "section_list", 0.8f);
      break;
    case Scope::kFunctions:
      Add(section_muscle_, schema::PERFORMS, head, index,
          "section_list", 0.7f);
      break;
    case Scope::kNone:
      break;
  }
}

}  // namespace mskg::ingest::extraction
