// ingest/claim_strings_for_test.h (tests only)
//
// Claims as short strings for assertions: "subject RELATION object",
// prefixed "!" when negated and "?" when hedged.
#ifndef MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_
#define MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "schema/graph.pb.h"

namespace mskg::ingest {

inline std::vector<std::string> ClaimStrings(
    const schema::DocumentClaims& doc) {
  std::vector<std::string> out;
  for (const schema::Claim& c : doc.claims()) {
    std::string s = absl::StrCat(c.subject().name(), " ",
                                 schema::Relation_Name(c.relation()), " ",
                                 c.object().name());
    if (c.provenance().polarity() == schema::NEGATED) s = "!" + s;
    if (c.provenance().hedged()) s = "?" + s;
    out.push_back(s);
  }
  return out;
}

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_
