// ingest/relation_extractor.h
//
// Reads claims from a linked document: cue patterns over the entities of a
// sentence ("X is caused by Y", "Y can lead to X", "stretch the X", "X,
// which include A and B", "the muscles that oppose them - the Y", "tight X
// can pull the joint out of alignment", "the solution to this problem is to
// stretch X", "C is treated with T", ...), and the document's structure: the
// list items under a heading or lead sentence about causes, symptoms, tests,
// treatments, prevention or functions each give one claim to the section's
// condition (or muscle). "This problem" is the condition the sentences just
// before name. Questions assert nothing. Type constraints of
// shared/eval/VOCABULARY.md are enforced on every claim. Negated claims
// ("... is not advised") carry polarity NEGATED; hedged ones ("may", "might",
// "could", "sometimes") hedged = true. The rules live in
// relation_extractor.cc and, by family, alignment_rules.cc, solution_rules.cc
// and group_rules.cc (document_extractor.h is their shared machinery).
//
// A RelationExtractor is immutable and may be shared between threads.
#ifndef MSKG_INGEST_RELATION_EXTRACTOR_H_
#define MSKG_INGEST_RELATION_EXTRACTOR_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest/document_reader.h"
#include "ingest/entity_linker.h"
#include "ingest/sentence_splitter.h"
#include "ingest/tokenizer.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

// A sentence with its tokens and the entities linked in it.
struct AnalyzedSentence {
  Sentence sentence;
  std::string text;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
};

// Tokenizes the sentences `split` of `doc` (in document order) and links
// their entities, with one LinkerState for the document: the input of
// Extract().
std::vector<AnalyzedSentence> AnalyzeSentences(
    const EntityLinker& linker, const StructuredText& doc,
    const std::vector<Sentence>& split);

class RelationExtractor {
 public:
  // `linker` must outlive the extractor.
  explicit RelationExtractor(const EntityLinker* linker) : linker_(linker) {}

  // Returns the claims and mentions of document `document_id` (`doc` split
  // into `sentences`, in document order). Never fails: what it cannot read
  // it skips.
  schema::DocumentClaims Extract(
      absl::string_view document_id, const StructuredText& doc,
      const std::vector<AnalyzedSentence>& sentences) const;

 private:
  const EntityLinker* linker_;
};

// Returns whether `relation` admits a `subject` -> `object` of these types.
bool TypesAllowed(schema::Relation relation, schema::NodeType subject,
                  schema::NodeType object);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_RELATION_EXTRACTOR_H_
