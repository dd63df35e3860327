#include "cli/cli_args.h"

#include <cstdlib>

#include "gtest/gtest.h"

namespace mskg::cli {
namespace {

TEST(CliArgsTest, DbFlagBeforeOrAfterCommand) {
  absl::StatusOr<CliArgs> before = ParseArgs({"--db", "/tmp/a", "stats"});
  ASSERT_TRUE(before.ok()) << before.status();
  EXPECT_EQ(before->command, "stats");
  EXPECT_EQ(before->db, "/tmp/a");
  absl::StatusOr<CliArgs> after = ParseArgs({"stats", "--db=/tmp/b"});
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->db, "/tmp/b");
}

TEST(CliArgsTest, DefaultStoreFromEnvironment) {
  setenv("MSKG_DB", "/tmp/from_env", 1);
  absl::StatusOr<CliArgs> args = ParseArgs({"stats"});
  ASSERT_TRUE(args.ok());
  EXPECT_EQ(args->db, "/tmp/from_env");
  unsetenv("MSKG_DB");
  setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
  EXPECT_EQ(DefaultStorePath(), "/tmp/xdg/mskg/store");
  unsetenv("XDG_DATA_HOME");
}

TEST(CliArgsTest, RepeatedFlagsAndPositionals) {
  absl::StatusOr<CliArgs> args =
      ParseArgs({"query", "--param", "a=1", "--why", "--param=b=x",
                 "MATCH (n) RETURN n"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->GetAll("param"), (std::vector<std::string>{"a=1", "b=x"}));
  EXPECT_TRUE(args->Has("why"));
  ASSERT_EQ(args->positional.size(), 1u);
  EXPECT_EQ(args->positional[0], "MATCH (n) RETURN n");
}

TEST(CliArgsTest, ErrorsSayWhatToDo) {
  absl::StatusOr<CliArgs> unknown_flag = ParseArgs({"stats", "--bogus"});
  ASSERT_FALSE(unknown_flag.ok());
  EXPECT_NE(unknown_flag.status().message().find("mskg help"),
            absl::string_view::npos);
  EXPECT_FALSE(ParseArgs({"frobnicate"}).ok());
  EXPECT_FALSE(ParseArgs({}).ok());
  absl::StatusOr<CliArgs> missing_value = ParseArgs({"query", "--format"});
  ASSERT_FALSE(missing_value.ok());
  EXPECT_NE(missing_value.status().message().find("--format"),
            absl::string_view::npos);
}

}  // namespace
}  // namespace mskg::cli
