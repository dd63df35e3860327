// ingest/section_rules.cc
//
// What a section says under a heading that names a relation ("Symptoms",
// "Causes", "Risk factors", "Treatment", "Prevention", "Diagnosis"): every
// entity of the heading's kind named in its paragraphs and list items
// stands in that relation to the condition the section is about (the
// heading's own condition, else the article's topic). "Symptoms: ... you
// may feel numbness and tingling" gives numbness and tingling as symptoms
// of the topic; "Treatment: ... ice and rest help" gives ice and rest as
// treatments. Negated mentions ("surgery is not needed") are claimed
// negated.
//
// TopicPairs() proposes, for every clinical entity of any sentence, the
// relation its kind suggests with the section's condition; the claim model
// (claim_model.h) keeps those its features support.
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "ingest/document_extractor.h"
#include "ingest/tokenizer.h"

namespace mskg::ingest::extraction {

namespace {

// Tokens [a, b) of `s` as a sentence of their own.
AnalyzedSentence SubSentence(const AnalyzedSentence& s, int a, int b) {
  AnalyzedSentence out;
  out.sentence = s.sentence;
  out.sentence.is_label = false;
  const size_t begin = s.tokens[a].begin;
  out.text = s.text.substr(begin, s.tokens[b - 1].end - begin);
  for (int t = a; t < b; ++t) {
    Token tok = s.tokens[t];
    tok.begin -= begin;
    tok.end -= begin;
    out.tokens.push_back(std::move(tok));
  }
  for (const Mention& m : s.mentions) {
    if (m.first_token >= a && m.end_token <= b) {
      Mention shifted = m;
      shifted.first_token -= a;
      shifted.end_token -= a;
      out.mentions.push_back(std::move(shifted));
    }
  }
  return out;
}

// Whether `r` is the bare head of the condition's own name ("pain" of
// "neck pain"): no symptom of it.
bool OwnHead(const Ref& cond, const Ref& r) {
  return absl::EndsWith(cond.name, absl::StrCat(" ", r.name));
}

bool CutsItem(absl::string_view w) {
  return w == "-" || w == "," || w == "(" || w == ":" || w == ";" ||
         w == "." || w == "?" || w == "!";
}

}  // namespace

std::vector<AnalyzedSentence> ItemPhrases(const AnalyzedSentence& s) {
  std::vector<AnalyzedSentence> out;
  const int n = static_cast<int>(s.tokens.size());
  int cut = 0;
  while (cut < n && !CutsItem(s.tokens[cut].lower)) ++cut;
  int words = 0;
  for (int t = 0; t < cut; ++t) words += s.tokens[t].is_word ? 1 : 0;
  if (cut == n || words == 0 || words > 8) return out;
  out.push_back(SubSentence(s, 0, cut));
  // "..., such as A, B and C": the examples, each of a few words.
  int i = cut;
  while (i < n && s.tokens[i].lower == ",") ++i;
  const absl::string_view w = i < n ? absl::string_view(s.tokens[i].lower)
                                    : absl::string_view();
  if (w == "such" && i + 1 < n && s.tokens[i + 1].lower == "as") {
    i += 2;
  } else if (w == "including" || w == "like" || w == "especially") {
    i += 1;
  } else {
    return out;
  }
  while (i < n) {
    int j = i;
    while (j < n && s.tokens[j].lower != "," && s.tokens[j].lower != "and" &&
           s.tokens[j].lower != "or" && !CutsItem(s.tokens[j].lower)) {
      ++j;
    }
    if (j > i && j - i <= 4) out.push_back(SubSentence(s, i, j));
    if (j >= n || (CutsItem(s.tokens[j].lower) && s.tokens[j].lower != ",")) {
      break;
    }
    i = j + 1;
  }
  return out;
}

void DocumentExtractor::SectionText(const AnalyzedSentence& s, int index) {
  if (!section_condition_.valid()) return;
  const Scope scope = ScopeAt(index);
  if (scope == Scope::kNone || scope == Scope::kFunctions) return;
  // A question asks, it does not say.
  if (IsQuestion(s.text)) return;
  SentenceView v(s);
  const Ref& cond = section_condition_;
  for (const Mention& m : s.mentions) {
    const Ref r = FromMention(m);
    if (r.name == cond.name) continue;
    const bool negated = Negated(v, m.first_token);
    const bool hedged = Hedged(v, m.first_token);
    switch (scope) {
      case Scope::kSymptoms:
        // A condition listed among symptoms ("spasms") is one here; the
        // bare head of the condition's own name ("pain" of "neck pain")
        // is no symptom of it.
        if ((m.type == schema::SYMPTOM || m.type == schema::CONDITION) &&
            !OwnHead(cond, r)) {
          Ref symptom = r;
          symptom.type = schema::SYMPTOM;
          Add(cond, schema::HAS_SYMPTOM, symptom, index, "section_text", 0.5f,
              negated, hedged);
        }
        break;
      case Scope::kCauses:
        if (m.type == schema::CAUSE || m.type == schema::CONDITION) {
          Add(r, schema::CAUSES, cond, index, "section_text", 0.4f, negated,
              hedged);
        }
        break;
      case Scope::kTreats:
        if (m.type == schema::TREATMENT) {
          Add(r, schema::TREATS, cond, index, "section_text", 0.5f, negated,
              hedged);
        }
        break;
      case Scope::kPrevents:
        if (m.type == schema::TREATMENT) {
          Add(r, schema::PREVENTS, cond, index, "section_text", 0.5f, negated,
              hedged);
        }
        break;
      case Scope::kTests:
        if (m.type == schema::TEST) {
          Add(r, schema::DIAGNOSES, cond, index, "section_text", 0.5f,
              negated, hedged);
        }
        break;
      case Scope::kNone:
      case Scope::kFunctions:
        break;
    }
  }
}

void DocumentExtractor::TopicPairs(const AnalyzedSentence& s, int index) {
  if (!section_condition_.valid()) return;
  if (IsQuestion(s.text)) return;
  SentenceView v(s);
  const Ref& cond = section_condition_;
  // A pair a rule already read in this sentence, in a relation its cue
  // gives ("can help prevent C"), is no candidate in another.
  auto claimed = [&](const Ref& r) {
    for (const Claim& c : claims_) {
      if (c.sentence != index) continue;
      if ((c.subject.name == r.name && c.object.name == cond.name) ||
          (c.subject.name == cond.name && c.object.name == r.name)) {
        return true;
      }
    }
    return false;
  };
  for (const Mention& m : s.mentions) {
    Ref r = FromMention(m);
    if (r.name == cond.name || claimed(r)) continue;
    const bool negated = Negated(v, m.first_token);
    const bool hedged = Hedged(v, m.first_token);
    switch (m.type) {
      case schema::TREATMENT:
        Add(r, schema::TREATS, cond, index, "topic_pair", 0.2f, negated,
            hedged);
        break;
      case schema::SYMPTOM:
        if (OwnHead(cond, r)) break;
        Add(cond, schema::HAS_SYMPTOM, r, index, "topic_pair", 0.2f, negated,
            hedged);
        break;
      case schema::CAUSE:
      case schema::CONDITION:
        Add(r, schema::CAUSES, cond, index, "topic_pair", 0.2f, negated,
            hedged);
        break;
      case schema::TEST:
        Add(r, schema::DIAGNOSES, cond, index, "topic_pair", 0.2f, negated,
            hedged);
        break;
      case schema::STRUCTURE:
      case schema::MUSCLE:
        Add(cond, schema::AFFECTS, r, index, "topic_pair", 0.2f, negated,
            hedged);
        break;
      default:
        break;
    }
  }
}

}  // namespace mskg::ingest::extraction
