// ingest/triples_eval.h (test only)
//
// Turns DocumentClaims into the scorer's triple rows and scores them against
// gold files exactly as shared/eval/score does: names compared after
// lower-casing, dropping punctuation and a plural "s"; ANTAGONIST_OF
// symmetric; gold alias sets; greedy one-to-one matching per document.
#ifndef MSKG_INGEST_TRIPLES_EVAL_H_
#define MSKG_INGEST_TRIPLES_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

struct Triple {
  std::string subject_type, subject, relation, object_type, object, document;
};

// The AFFIRMED claims of `claims` as triples of `document`, deduplicated.
std::vector<Triple> ClaimsToTriples(const schema::DocumentClaims& claims,
                                    absl::string_view document);

// One tab-separated line (no newline) per triple.
std::string TripleRow(const Triple& t);

// The scorer's norm().
std::string ScorerNorm(absl::string_view name);

struct Counts {
  int correct = 0, system = 0, gold = 0;
  double precision() const { return system ? double(correct) / system : 0; }
  double recall() const { return gold ? double(correct) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalReport {
  Counts all;
  std::map<std::string, Counts> by_relation;
  std::map<std::string, Counts> by_document;
  std::vector<std::string> misses;  // "doc\tsubject\tREL\tobject"
};

// Scores `triples` against the *.gold.tsv files of `gold_dir`. NotFound if
// the directory cannot be read.
absl::StatusOr<EvalReport> ScoreTriples(absl::string_view gold_dir,
                                        const std::vector<Triple>& triples);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_TRIPLES_EVAL_H_
