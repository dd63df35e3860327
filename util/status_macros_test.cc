// Tests of MSKG_RETURN_IF_ERROR and MSKG_ASSIGN_OR_RETURN (status_macros.h):
// an error returns at once with its code and message, success continues,
// and the value is moved, not copied.
#include "util/status_macros.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace {

absl::Status FailIf(bool fail, int* reached) {
  MSKG_RETURN_IF_ERROR(fail ? absl::NotFoundError("no such node")
                            : absl::OkStatus());
  ++*reached;
  return absl::OkStatus();
}

TEST(StatusMacrosTest, ReturnIfErrorReturnsTheErrorAndStops) {
  int reached = 0;
  absl::Status status = FailIf(true, &reached);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "no such node");
  EXPECT_EQ(reached, 0);
}

TEST(StatusMacrosTest, ReturnIfErrorContinuesOnOk) {
  int reached = 0;
  EXPECT_TRUE(FailIf(false, &reached).ok());
  EXPECT_EQ(reached, 1);
}

TEST(StatusMacrosTest, ReturnIfErrorEvaluatesItsArgumentOnce) {
  int calls = 0;
  auto f = [&]() -> absl::Status {
    MSKG_RETURN_IF_ERROR((++calls, absl::OkStatus()));
    return absl::OkStatus();
  };
  EXPECT_TRUE(f().ok());
  EXPECT_EQ(calls, 1);
}

absl::StatusOr<std::unique_ptr<std::string>> Make(bool fail) {
  if (fail) return absl::InvalidArgumentError("1:3: bad");
  return std::make_unique<std::string>("psoas major");
}

// Move-only values pass through: the macro moves the value out.
absl::StatusOr<std::string> Use(bool fail) {
  MSKG_ASSIGN_OR_RETURN(std::unique_ptr<std::string> value, Make(fail));
  return *value + "!";
}

TEST(StatusMacrosTest, AssignOrReturnDeclaresTheValue) {
  absl::StatusOr<std::string> out = Use(false);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "psoas major!");
}

TEST(StatusMacrosTest, AssignOrReturnReturnsTheError) {
  absl::StatusOr<std::string> out = Use(true);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(out.status().message(), "1:3: bad");
}

// Two uses in one function need distinct hidden names (__LINE__), and an
// existing lvalue may be the target.
absl::StatusOr<int> Sum(absl::StatusOr<int> a, absl::StatusOr<int> b) {
  int x = 0;
  MSKG_ASSIGN_OR_RETURN(x, std::move(a));
  MSKG_ASSIGN_OR_RETURN(int y, std::move(b));
  return x + y;
}

TEST(StatusMacrosTest, AssignOrReturnTwiceAndIntoAnLvalue) {
  EXPECT_EQ(*Sum(2, 3), 5);
  EXPECT_EQ(Sum(2, absl::DataLossError("torn")).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(Sum(absl::InternalError("bug"), 3).status().code(),
            absl::StatusCode::kInternal);
}

}  // namespace
