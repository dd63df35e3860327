// ingest/claim_strings_for_test.h (tests only)
//
// Claims as short strings for assertions: "subject RELATION object",
// prefixed "!" when negated and "?" when hedged; and a fixture that
// extracts them from a text with the test lexicon (ingest/testdata).
#ifndef MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_
#define MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ingest/ingester.h"
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

// One Ingester with the test lexicon for a whole test suite.
class TestLexiconClaims : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ing = Ingester::Create({"ingest/testdata/lexicon"});
    ASSERT_TRUE(ing.ok()) << ing.status();
    ingester_ = ing->release();
  }
  static void TearDownTestSuite() {
    delete ingester_;
    ingester_ = nullptr;
  }
  // The claims of `text`, read as document `id`, as ClaimStrings().
  static std::vector<std::string> Claims(const std::string& text,
                                         const std::string& id = "t.txt") {
    auto doc = ingester_->Extract(id, text);
    EXPECT_TRUE(doc.ok()) << doc.status();
    return doc.ok() ? ClaimStrings(*doc) : std::vector<std::string>();
  }
  static inline Ingester* ingester_ = nullptr;
};

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_CLAIM_STRINGS_FOR_TEST_H_
