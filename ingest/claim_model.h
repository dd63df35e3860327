// ingest/claim_model.h (private to //ingest)
//
// A logistic-regression model that decides which candidate claims to keep.
// The rules propose candidates (each with the rule that made it); the model
// weighs general features of each candidate — its rule, relation and types,
// the section's kind, whether the sentence has a cue of the relation's
// family, negation and hedging, whether an argument is the article's topic
// or an open-vocabulary phrase, how often the other argument is named — and
// keeps those whose probability reaches the model's threshold. A model may
// decide only the candidates of some rules (its "decides" lines): the
// others are kept, their rule being their decision. The weights
// are trained on the development gold only, by tools/train_claim_model.py,
// which writes data/model/claim_model.tsv (compiled into the binary) and
// reports leave-one-document-out figures.
//
// A ClaimModel is immutable after loading and safe to share between
// threads.
#ifndef MSKG_INGEST_CLAIM_MODEL_H_
#define MSKG_INGEST_CLAIM_MODEL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mskg::ingest {

class ClaimModel {
 public:
  // Parses a model file: `#` comment lines, "threshold\t<p>", any number
  // of "decides\t<rule>" lines, and one "<feature>\t<weight>" line per
  // feature ("bias" among them).
  // InvalidArgument "<name>:<line>: ..." if a line is malformed.
  static absl::StatusOr<std::unique_ptr<ClaimModel>> Parse(
      absl::string_view name, absl::string_view text);
  // The model compiled into the binary (data/model/claim_model.tsv).
  static const ClaimModel& Embedded();

  // The probability that a claim with `features` is correct.
  double Probability(const std::vector<std::string>& features) const;
  double threshold() const { return threshold_; }
  // Whether the model decides the candidates of rule `rule`.
  bool Decides(absl::string_view rule) const {
    return decides_.empty() || decides_.contains(rule);
  }

 private:
  ClaimModel() = default;
  absl::flat_hash_map<std::string, double> weights_;
  double threshold_ = 0.5;
  absl::flat_hash_set<std::string> decides_;
};

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_CLAIM_MODEL_H_
