// ingest/clause_cause_rules.cc
//
// Causes told as what you do: "Sprains happen when you overstretch or twist
// a muscle", "It can occur if you don't warm up". A condition that happens
// (occurs, develops, starts) when or if you do something is caused by that
// doing, named as English names an activity: the verb's -ing form with its
// object ("overstretching a muscle", "twisting a muscle", "not warming
// up").
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/verb_forms.h"

namespace mskg::ingest::extraction {
namespace {

// Words after "you" that are no verb of doing (auxiliaries, states).
bool IsAuxiliary(absl::string_view w) {
  return In(w, {"are", "were", "have", "had", "can", "could", "may", "might",
                "will", "would", "should", "must", "feel", "notice", "get",
                "become", "need", "want", "think", "know", "see"});
}

}  // namespace

void DocumentExtractor::WhenYouCauses(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  const auto& tokens = v.sentence().tokens;
  for (int i = 0; i + 2 < v.size(); ++i) {
    if (!In(v.word(i), {"happen", "happens", "occur", "occurs", "develop",
                        "develops", "start", "starts", "arise", "arises"})) {
      continue;
    }
    int j = i + 1;
    while (In(v.word(j), {"most", "often", "usually", "mainly", "mostly",
                          "commonly", "typically", "generally"})) {
      ++j;
    }
    if (!In(v.word(j), {"when", "if", "because"}) || v.word(j + 1) != "you") {
      continue;
    }
    // The condition: named before the verb, else the one written about.
    std::vector<Ref> conditions;
    for (int c : Before(v, i, {schema::CONDITION})) {
      conditions.push_back(FromMention(ms[c]));
    }
    if (conditions.empty() && section_condition_.valid() &&
        In(v.word(0), {"it", "this", "they", "these"})) {
      conditions.push_back(section_condition_);
    }
    if (conditions.empty()) continue;
    int k = j + 2;
    // "you don't warm up", "you do not rest enough".
    bool negative = false;
    if (In(v.word(k), {"don't", "dont"}) ||
        (v.word(k) == "do" && v.word(k + 1) == "not")) {
      negative = true;
      k += v.word(k) == "do" ? 2 : 1;
    }
    // The verbs, coordinated: "overstretch or twist".
    std::vector<std::string> verbs;
    // A verb may open a name of an activity ("warm up", "lift").
    auto activity_or_none = [&](int t) {
      const int at = v.mention_at(t);
      return at < 0 || (ms[at].first_token == t &&
                        HasType(ms[at].type, {schema::TREATMENT,
                                              schema::CAUSE}));
    };
    while (k < v.size() && tokens[k].is_word && activity_or_none(k) &&
           !IsAuxiliary(v.word(k)) && !absl::EndsWith(v.word(k), "ed") &&
           !absl::EndsWith(v.word(k), "ing")) {
      verbs.push_back(GerundOf(v.word(k)));
      ++k;
      if (In(v.word(k), {"or", "and"}) && v.mention_at(k + 1) < 0 &&
          tokens.size() > static_cast<size_t>(k + 2) &&
          !In(v.word(k + 1), {"the", "a", "an", "your", "my", "his", "her",
                              "their", "it", "them", "you"})) {
        ++k;
        continue;
      }
      break;
    }
    if (verbs.empty() || verbs.size() > 3) continue;
    // The object and what follows it, to the clause's end: at most five
    // words.
    std::string rest;
    int words = 0;
    for (int t = k; t < v.size(); ++t) {
      if (!tokens[t].is_word) break;
      absl::string_view w = v.word(t);
      if (In(w, {"and", "or", "but", "which", "because", "when", "while",
                 "so", "then", "as", "than"})) {
        break;
      }
      if (++words > 5) {
        rest.clear();
        words = -1;
        break;
      }
      absl::StrAppend(&rest, " ", w);
    }
    if (words < 0) continue;
    const bool neg = Negated(v, i);
    const bool hedge = Hedged(v, i);
    for (const std::string& g : verbs) {
      Ref cause;
      cause.type = schema::CAUSE;
      cause.name = absl::StrCat(negative ? "not " : "", g, rest);
      for (const Ref& condition : conditions) {
        Add(cause, schema::CAUSES, condition, index, "when_you", 0.5f, neg,
            hedge);
      }
    }
  }
}

}  // namespace mskg::ingest::extraction
