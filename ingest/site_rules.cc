// ingest/site_rules.cc
//
// Where a condition is, written as a prepositional phrase after its name:
// "osteoarthritis in the knee", "tendinitis of the elbow", "bursitis
// around the hip" -> C AFFECTS the body part. Open phrases take such a part
// into their own name ("pain in the heel", phrase_finder.cc); a vocabulary
// condition keeps its name, so the part it is in is said by a relation.
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"
#include "ingest/phrase_words.h"

namespace mskg::ingest::extraction {

void DocumentExtractor::ConditionSite(const SentenceView& v, int index) {
  const auto& ms = v.mentions();
  for (size_t c = 0; c < ms.size(); ++c) {
    if (ms[c].type != schema::CONDITION || ms[c].open) continue;
    int j = ms[c].end_token;
    if (!In(v.word(j), {"in", "of", "around", "at"})) continue;
    ++j;
    while (j < v.size() && v.mention_at(j) < 0 && SaysWhichPart(v.word(j))) {
      ++j;
    }
    const int p = v.mention_at(j);
    if (p < 0 || ms[p].first_token != j || !IsAnatomy(ms[p].type)) continue;
    Add(FromMention(ms[c]), schema::AFFECTS, FromMention(ms[p]), index,
        "condition_site", 0.5f, Negated(v, ms[c].first_token),
        Hedged(v, ms[c].first_token));
  }
}

}  // namespace mskg::ingest::extraction
