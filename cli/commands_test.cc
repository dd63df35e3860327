// Tests of the command library (commands.h and the headers beside it):
// ReportError's exit codes, the shared query flags, OutputFile's all or
// nothing, opening a store for reading, and the read-only subcommands
// (query, stats, export) on a tiny store the test writes, with their exit
// codes for bad input. The binary's end-to-end runs are cli_test.sh.
#include "cli/commands.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "cli/cli_args.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "cli/query_flags.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "schema/graph.pb.h"

namespace mskg::cli {
namespace {

namespace fs = std::filesystem;

using ::testing::HasSubstr;

// Returns `argv` parsed; fails the test if it does not parse.
CliArgs Args(const std::vector<std::string>& argv) {
  absl::StatusOr<CliArgs> args = ParseArgs(argv);
  EXPECT_TRUE(args.ok()) << args.status();
  return args.ok() ? *args : CliArgs();
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A command's exit code and what it wrote.
struct Outcome {
  int code;
  std::string out;
  std::string err;
};

template <typename F>
Outcome Capture(F run) {
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const int code = run();
  std::string out = ::testing::internal::GetCapturedStdout();
  return Outcome{code, out, ::testing::internal::GetCapturedStderr()};
}

TEST(ReportErrorTest, InputErrorsAreTwoTheRestOne) {
  for (absl::StatusCode code :
       {absl::StatusCode::kInvalidArgument, absl::StatusCode::kNotFound,
        absl::StatusCode::kAlreadyExists, absl::StatusCode::kFailedPrecondition,
        absl::StatusCode::kPermissionDenied, absl::StatusCode::kOutOfRange,
        absl::StatusCode::kUnimplemented, absl::StatusCode::kDeadlineExceeded,
        absl::StatusCode::kResourceExhausted, absl::StatusCode::kCancelled}) {
    Outcome o = Capture([&] { return ReportError(absl::Status(code, "x")); });
    EXPECT_EQ(o.code, 2) << code;
  }
  for (absl::StatusCode code :
       {absl::StatusCode::kInternal, absl::StatusCode::kDataLoss,
        absl::StatusCode::kUnknown, absl::StatusCode::kUnavailable}) {
    Outcome o = Capture([&] { return ReportError(absl::Status(code, "x")); });
    EXPECT_EQ(o.code, 1) << code;
  }
}

TEST(ReportErrorTest, PrintsTheMessageToStandardError) {
  Outcome o = Capture(
      [] { return ReportError(absl::NotFoundError("no store at /nowhere")); });
  EXPECT_EQ(o.err, "mskg: no store at /nowhere\n");
  EXPECT_EQ(o.out, "");
}

TEST(QueryFlagsTest, IntFlag) {
  int64_t value = 7;
  EXPECT_TRUE(IntFlag(Args({"query", "q"}), "max-rows", 1, &value).ok());
  EXPECT_EQ(value, 7);  // Absent: unchanged.
  EXPECT_TRUE(
      IntFlag(Args({"query", "--max-rows", "25", "q"}), "max-rows", 1, &value)
          .ok());
  EXPECT_EQ(value, 25);
  absl::Status zero =
      IntFlag(Args({"query", "--max-rows", "0", "q"}), "max-rows", 1, &value);
  EXPECT_EQ(zero.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(zero.message(), "--max-rows needs a positive integer");
  for (const char* bad : {"ten", "1.5", "", "99999999999999999999"}) {
    EXPECT_EQ(
        IntFlag(Args({"query", "--max-rows", bad, "q"}), "max-rows", 1, &value)
            .code(),
        absl::StatusCode::kInvalidArgument)
        << bad;
  }
  absl::Status negative =
      IntFlag(Args({"query", "--threads", "-1", "q"}), "threads", 0, &value);
  EXPECT_EQ(negative.message(), "--threads needs an integer of at least 0");
}

TEST(QueryFlagsTest, SetsTheOptionsTheFlagsName) {
  query::QueryOptions options;
  ASSERT_TRUE(ApplyQueryFlags(Args({"query", "--max-rows", "5", "--max-hops",
                                    "3", "--max-intermediate-rows", "1000",
                                    "--max-memory-mb", "2", "--include-negated",
                                    "--why", "--timeout", "0", "q"}),
                              &options)
                  .ok());
  EXPECT_EQ(options.max_rows, 5u);
  EXPECT_EQ(options.max_hops, 3);
  EXPECT_EQ(options.max_intermediate_rows, 1000u);
  EXPECT_EQ(options.max_memory_bytes, uint64_t{2} << 20);
  EXPECT_TRUE(options.include_negated);
  EXPECT_TRUE(options.collect_evidence);
  EXPECT_EQ(options.deadline, absl::InfiniteFuture());  // --timeout 0.
}

TEST(QueryFlagsTest, DefaultsKeepTheOptionsAndSetADeadline) {
  const query::QueryOptions defaults;
  query::QueryOptions options;
  options.include_negated = true;  // No flag: turned off.
  ASSERT_TRUE(ApplyQueryFlags(Args({"query", "q"}), &options).ok());
  EXPECT_EQ(options.max_rows, defaults.max_rows);
  EXPECT_EQ(options.max_hops, defaults.max_hops);
  EXPECT_EQ(options.max_intermediate_rows, defaults.max_intermediate_rows);
  EXPECT_EQ(options.max_memory_bytes, defaults.max_memory_bytes);
  EXPECT_FALSE(options.include_negated);
  EXPECT_FALSE(options.collect_evidence);
  EXPECT_NE(options.deadline, absl::InfiniteFuture());  // Never unbounded.
}

TEST(QueryFlagsTest, HugeMemoryIsClamped) {
  query::QueryOptions options;
  ASSERT_TRUE(ApplyQueryFlags(Args({"query", "--max-memory-mb",
                                    "9000000000000000000", "q"}),
                              &options)
                  .ok());
  EXPECT_EQ(options.max_memory_bytes, uint64_t{1} << 60);
}

TEST(QueryFlagsTest, RefusesBadNumbers) {
  for (const std::vector<std::string>& argv :
       std::vector<std::vector<std::string>>{
           {"query", "--max-rows", "0", "q"},
           {"query", "--max-hops", "-2", "q"},
           {"query", "--max-intermediate-rows", "many", "q"},
           {"query", "--max-memory-mb", "0", "q"},
       }) {
    query::QueryOptions options;
    absl::Status status = ApplyQueryFlags(Args(argv), &options);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << argv[1];
    EXPECT_THAT(status.message(), HasSubstr(argv[1] + " needs"));
  }
  for (const char* timeout : {"-1", "soon", "1e10", "nan"}) {
    query::QueryOptions options;
    absl::Status status =
        ApplyQueryFlags(Args({"query", "--timeout", timeout, "q"}), &options);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << timeout;
    EXPECT_EQ(status.message(),
              "--timeout needs a number of seconds (0 for no deadline)");
  }
}

// A folder of the test's own under TEST_TMPDIR.
class CliFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = fs::path(tmp != nullptr ? tmp : "/tmp") /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  // Returns the number of entries in the test's folder.
  size_t Entries() const {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++n;
    return n;
  }

  fs::path dir_;
};

TEST_F(CliFilesTest, OutputFileReplacesTheTargetOnCommit) {
  const std::string path = dir_ / "out.tsv";
  std::ofstream(path) << "old";
  absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
  ASSERT_TRUE(file.ok()) << file.status();
  *(*file)->stream() << "new";
  EXPECT_EQ(Read(path), "old");  // Not before Commit().
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(Read(path), "new");
  file->reset();
  EXPECT_EQ(Read(path), "new");
  EXPECT_EQ(Entries(), 1u);  // No temporary file left.
}

TEST_F(CliFilesTest, OutputFileWithoutCommitLeavesTheTarget) {
  const std::string path = dir_ / "out.tsv";
  std::ofstream(path) << "old";
  {
    absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Create(path);
    ASSERT_TRUE(file.ok()) << file.status();
    *(*file)->stream() << "half";
    EXPECT_EQ(Entries(), 2u);  // The target and the temporary file.
  }
  EXPECT_EQ(Read(path), "old");
  EXPECT_EQ(Entries(), 1u);
  // A new file is not created either.
  { ASSERT_TRUE(OutputFile::Create(dir_ / "new.tsv").ok()); }
  EXPECT_FALSE(fs::exists(dir_ / "new.tsv"));
}

TEST_F(CliFilesTest, OutputFileErrors) {
  absl::StatusOr<std::unique_ptr<OutputFile>> missing =
      OutputFile::Create(dir_ / "no" / "such" / "out.tsv");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(missing.status().message(),
              HasSubstr(": cannot open for writing"));
  // A folder where the file should go cannot be replaced.
  fs::create_directories(dir_ / "taken" / "inside");
  absl::StatusOr<std::unique_ptr<OutputFile>> file =
      OutputFile::Create(dir_ / "taken");
  ASSERT_TRUE(file.ok()) << file.status();
  absl::Status commit = (*file)->Commit();
  EXPECT_EQ(commit.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(commit.message(), HasSubstr("cannot replace the file"));
  file->reset();
  EXPECT_EQ(Entries(), 1u);  // The folder; the temporary file is gone.
  EXPECT_TRUE(fs::exists(dir_ / "taken" / "inside"));
}

// A document saying that `muscle` inserts on the femur.
schema::DocumentClaims Doc(const std::string& id, const std::string& muscle) {
  schema::DocumentClaims doc;
  doc.set_document_id(id);
  doc.set_content_hash(id + muscle);
  schema::Claim& claim = *doc.add_claims();
  claim.mutable_subject()->set_type(schema::MUSCLE);
  claim.mutable_subject()->set_name(muscle);
  claim.set_relation(schema::INSERTS_ON);
  claim.mutable_object()->set_type(schema::STRUCTURE);
  claim.mutable_object()->set_name("femur");
  claim.mutable_provenance()->set_document_id(id);
  return doc;
}

// A store with one document: psoas major inserts on the femur.
class CommandsTest : public CliFilesTest {
 protected:
  void SetUp() override {
    CliFilesTest::SetUp();
    db_ = dir_ / "store";
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)->PutDocument(Doc("anatomy.md", "psoas major")).ok());
    EXPECT_TRUE(WriteViewSnapshot(**store).ok());
  }

  // Returns `argv` with the store's --db.
  CliArgs Cmd(std::vector<std::string> argv) const {
    argv.insert(argv.begin() + 1, {"--db", db_});
    return Args(argv);
  }

  std::string db_;
};

TEST_F(CommandsTest, OpenStoreForReadingOpensReadOnly) {
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(Cmd({"stats"}));
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<std::shared_ptr<const graph::GraphView>> view =
      (*store)->View();
  ASSERT_TRUE(view.ok()) << view.status();
  EXPECT_FALSE((*store)->PutDocument(Doc("other.md", "iliacus")).ok());
}

TEST_F(CommandsTest, OpenStoreForReadingSaysHowToMakeOne) {
  absl::StatusOr<CliArgs> args = ParseArgs({"stats", "--db", dir_ / "missing"});
  ASSERT_TRUE(args.ok());
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoreForReading(*args);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(store.status().message(), HasSubstr("mskg ingest"));
  EXPECT_FALSE(fs::exists(dir_ / "missing"));  // Not created.
}

TEST_F(CommandsTest, QueryPrintsRows) {
  Outcome o = Capture([&] {
    return RunQuery(Cmd({"query", "--format", "tsv",
                         "MATCH (m:Muscle)-[:INSERTS_ON]->(s) RETURN m.name, "
                         "s.name"}));
  });
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("psoas major\tfemur"));
}

TEST_F(CommandsTest, QueryTakesParameters) {
  Outcome o = Capture([&] {
    return RunQuery(Cmd({"query", "--format", "tsv", "--param", "n=psoas major",
                         "MATCH (m {name: $n}) RETURN m.name"}));
  });
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("psoas major"));
}

TEST_F(CommandsTest, QueryBadInputIsExitTwo) {
  struct Case {
    std::vector<std::string> argv;
    const char* message;
  } cases[] = {
      {{"query"}, "query needs a Cypher query"},
      {{"query", "--format", "xml", "RETURN 1"}, "unknown --format 'xml'"},
      {{"query", "--param", "=1", "RETURN 1"}, "must look like NAME=VALUE"},
      {{"query", "--max-rows", "0", "RETURN 1"}, "--max-rows needs"},
      {{"query", "MATCH (m:Muscle RETURN m"}, "1:17:"},
  };
  for (const Case& c : cases) {
    Outcome o = Capture([&] { return RunQuery(Cmd(c.argv)); });
    EXPECT_EQ(o.code, 2) << c.message;
    EXPECT_THAT(o.err, HasSubstr(c.message));
    EXPECT_EQ(o.out, "") << c.message;
  }
}

TEST_F(CommandsTest, StatsCountsTheStore) {
  Outcome o = Capture([&] { return RunStats(Cmd({"stats"})); });
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_THAT(o.out, HasSubstr("documents  1\nnodes      2\nedges      1\n"));
  EXPECT_THAT(o.out, HasSubstr("MUSCLE"));
  EXPECT_THAT(o.out, HasSubstr("INSERTS_ON"));
}

TEST_F(CommandsTest, ReadCommandsWithoutAStoreAreExitTwo) {
  absl::StatusOr<CliArgs> args =
      ParseArgs({"stats", "--db", dir_ / "missing", "q"});
  ASSERT_TRUE(args.ok());
  for (int (*run)(const CliArgs&) : {RunStats, RunQuery, RunExport}) {
    Outcome o = Capture([&] { return run(*args); });
    EXPECT_EQ(o.code, 2);
    EXPECT_THAT(o.err, HasSubstr("no store at"));
  }
}

TEST_F(CommandsTest, ExportWritesTheFileWhole) {
  const std::string path = dir_ / "graph.tsv";
  Outcome o = Capture([&] { return RunExport(Cmd({"export", "-o", path})); });
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_THAT(Read(path), HasSubstr("psoas major"));
  EXPECT_THAT(o.err, HasSubstr("to " + path));
}

TEST_F(CommandsTest, ExportBadInputIsExitTwo) {
  Outcome format = Capture([&] {
    return RunExport(Cmd({"export", "--format", "pdf"}));
  });
  EXPECT_EQ(format.code, 2);
  EXPECT_THAT(format.err, HasSubstr("unknown export format 'pdf'"));
  Outcome csv = Capture([&] {
    return RunExport(Cmd({"export", "--format", "neo4j-csv"}));
  });
  EXPECT_EQ(csv.code, 2);
  EXPECT_THAT(csv.err, HasSubstr("give their directory with -o"));
  Outcome folder = Capture([&] {
    return RunExport(Cmd({"export", "-o", dir_ / "no" / "such" / "g.tsv"}));
  });
  EXPECT_EQ(folder.code, 2);
  EXPECT_THAT(folder.err, HasSubstr("cannot open for writing"));
}

}  // namespace
}  // namespace mskg::cli
