#include "query/value_format.h"

#include <cstdlib>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace mskg::query {
namespace {

TEST(ValueFormatTest, QuotesAndEscapes) {
  std::string out;
  AppendQuoted("a'b\\c", &out);
  EXPECT_EQ(out, "'a\\'b\\\\c'");
}

TEST(ValueFormatTest, DoublesInTheirShortestRoundTripForm) {
  for (double d : {0.1, 1.0 / 3, 1e300, -2.5, 5e-324}) {
    std::string out;
    AppendDouble(d, &out);
    EXPECT_EQ(std::strtod(out.c_str(), nullptr), d) << out;
  }
  std::string out;
  AppendDouble(0.1, &out);
  EXPECT_EQ(out, "0.1");
  out.clear();
  AppendDouble(std::numeric_limits<double>::infinity(), &out);
  EXPECT_EQ(out, "inf");
}

}  // namespace
}  // namespace mskg::query
