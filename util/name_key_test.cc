#include "util/name_key.h"

#include <string>

#include "gtest/gtest.h"

namespace mskg {
namespace {

TEST(NameKeyTest, FoldsCasePunctuationAndPlural) {
  EXPECT_EQ(NameKey("Hip Flexors"), "hip flexor");
  EXPECT_EQ(NameKey("hip-flexor"), "hip flexor");
  EXPECT_EQ(NameKey("  hip   flexor's "), "hip flexor");
  EXPECT_EQ(NameKey("hip flexor\xE2\x80\x99s"), "hip flexor");
}

TEST(NameKeyTest, KeepsShortWordsAndDoubleS) {
  EXPECT_EQ(NameKey("QLs"), "qls");
  EXPECT_EQ(NameKey("stress"), "stress");
  EXPECT_EQ(NameKey("L1\xE2\x80\x93L5"), "l1 l5");
}

TEST(NameKeyTest, KeepsAccentedLetters) {
  EXPECT_EQ(NameKey("K\xC3\xB9zu"), "k\xC3\xB9zu");
}

TEST(NameKeyTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey("--"), "");
}

TEST(NameKeyTest, IntoReusesBufferAndMatchesNameKey) {
  std::string buf = "left over contents that are long";
  for (const char* name : {"Hip Flexors", "hip-flexor's", "", "Kùzu DB"}) {
    NameKeyInto(name, &buf);
    EXPECT_EQ(buf, NameKey(name)) << name;
  }
}

}  // namespace
}  // namespace mskg
