// ingest/claim_model.cc
#include "ingest/claim_model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace mskg::ingest {

extern const char kEmbeddedClaimModel[];

absl::StatusOr<std::unique_ptr<ClaimModel>> ClaimModel::Parse(
    absl::string_view name, absl::string_view text) {
  std::unique_ptr<ClaimModel> model(new ClaimModel());
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    double value = 0;
    if (cols.size() == 2 && cols[0] == "decides") {
      model->decides_.insert(std::string(cols[1]));
      continue;
    }
    if (cols.size() != 2 || !absl::SimpleAtod(cols[1], &value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ":", line_number,
          ": expected \"<feature>\\t<weight>\"; regenerate the model with "
          "tools/train_claim_model.py"));
    }
    if (cols[0] == "threshold") {
      model->threshold_ = value;
    } else {
      model->weights_[std::string(cols[0])] = value;
    }
  }
  return model;
}

const ClaimModel& ClaimModel::Embedded() {
  static const ClaimModel* const kModel = [] {
    auto model = Parse("data/model/claim_model.tsv", kEmbeddedClaimModel);
    if (!model.ok()) {
      // The file is checked by the build's tests; a bad one is a bug.
      std::fprintf(stderr, "mskg: %s\n", model.status().ToString().c_str());
      std::abort();
    }
    return model->release();
  }();
  return *kModel;
}

double ClaimModel::Probability(const std::vector<std::string>& features) const {
  double z = 0;
  for (const std::string& f : features) {
    auto it = weights_.find(f);
    if (it != weights_.end()) z += it->second;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace mskg::ingest
