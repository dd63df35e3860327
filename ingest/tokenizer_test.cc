#include "ingest/tokenizer.h"

#include "gtest/gtest.h"
#include "util/name_key.h"

namespace mskg::ingest {
namespace {

TEST(TokenizerTest, WordsAndPunctuation) {
  std::vector<Token> t = Tokenize("The hip-flexor's QLs (aren't) tight\xE2\x80\x94ok.");
  std::vector<std::string> lower;
  for (const Token& x : t) lower.push_back(x.lower);
  EXPECT_EQ(lower, (std::vector<std::string>{"the", "hip", "flexor", "qls", "(",
                                              "aren't", ")", "tight", "-", "ok",
                                              "."}));
  EXPECT_EQ(t[3].norm, "ql");
  EXPECT_TRUE(t[3].all_caps);
}

TEST(TokenizerTest, KeyAgreesWithNameKey) {
  for (const char* name : {"Hip Flexors", "hip-flexor", "hip flexor's",
                           "Gluteus Medius", "side-lying hip abduction"}) {
    EXPECT_EQ(TokenKey(name), NameKey(name)) << name;
  }
}

}  // namespace
}  // namespace mskg::ingest
