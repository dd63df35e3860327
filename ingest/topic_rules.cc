// ingest/topic_rules.cc
//
// The article's topic: the condition (and muscle) its title names. A plain
// text file's title is its first line when that line is short; a symptom
// named as the title ("Shoulder pain") is the condition the article is
// about. An article whose title names no condition ("My story") is about
// the condition it names most often, if it names one at least twice. A
// title that coordinates two conditions ("Sprains and strains") gives both.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {

Ref DocumentExtractor::AsCondition(Ref r) {
  if (r.type == schema::SYMPTOM) r.type = schema::CONDITION;
  return r;
}

void DocumentExtractor::CoordinatedConditions(const AnalyzedSentence& s,
                                              Ref* first, Ref* second) const {
  const std::vector<Mention>& ms = s.mentions;
  for (size_t i = 0; i + 1 < ms.size(); ++i) {
    if (ms[i].type != schema::CONDITION || ms[i + 1].type != schema::CONDITION ||
        ms[i].name == ms[i + 1].name) {
      continue;
    }
    // Only "and", "or", "&" or a comma between the two names.
    bool coordinated = ms[i + 1].first_token > ms[i].end_token;
    for (int t = ms[i].end_token; t < ms[i + 1].first_token; ++t) {
      const std::string& w = s.tokens[t].lower;
      if (w != "and" && w != "or" && w != "&" && w != ",") coordinated = false;
    }
    if (!coordinated) continue;
    *first = FromMention(ms[i]);
    *second = FromMention(ms[i + 1]);
    return;
  }
}

void DocumentExtractor::FindTopic() {
  if (sentences_.empty()) return;
  const AnalyzedSentence& first = sentences_.front();
  const Block& b = doc_.blocks[first.sentence.block];
  int words = 0;
  for (const Token& t : first.tokens) words += t.is_word ? 1 : 0;
  const bool title = first.sentence.block == 0 &&
                     ((b.kind == BlockKind::kHeading && b.level == 1) ||
                      (b.kind != BlockKind::kListItem && words <= 14));
  if (title) {
    CoordinatedConditions(first, &topic_condition_, &topic_condition_also_);
    for (const Mention& m : first.mentions) {
      if (m.type == schema::CONDITION && !topic_condition_.valid()) {
        topic_condition_ = FromMention(m);
        if (m.affects_type == schema::MUSCLE) {
          topic_muscle_.type = schema::MUSCLE;
          topic_muscle_.name = m.affects;
        }
      }
      if (m.type == schema::MUSCLE && !topic_muscle_.valid()) {
        topic_muscle_ = FromMention(m);
      }
    }
    for (const Mention& m : first.mentions) {
      if (m.type == schema::SYMPTOM && !topic_condition_.valid()) {
        topic_condition_ = AsCondition(FromMention(m));
      }
    }
  }
  if (topic_condition_.valid()) return;
  absl::flat_hash_map<std::string, int> count;
  const Mention* best = nullptr;
  int best_count = 1;
  for (const AnalyzedSentence& s : sentences_) {
    for (const Mention& m : s.mentions) {
      if (m.type != schema::CONDITION) continue;
      const int c = ++count[m.name];
      if (c > best_count) {
        best_count = c;
        best = &m;
      }
    }
  }
  if (best != nullptr) topic_condition_ = FromMention(*best);
}

}  // namespace mskg::ingest::extraction
