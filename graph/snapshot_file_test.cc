// graph/snapshot_file_test.cc
//
// The view's byte layout and its snapshot file: a view laid out by Finish()
// answers as the builder's graph says (checked against the builder's own
// records, on random graphs), a view mapped from its file answers exactly
// as the heap one, and damaged, truncated, stale or foreign files are
// refused with the right code.
#include "graph/snapshot_file.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"
#include "util/name_key.h"

namespace mskg::graph {
namespace {

using ::testing::HasSubstr;

std::string TempPath(absl::string_view name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/", name);
}

// A random graph with aliases shared between nodes, repeated names,
// negated and hedged support, and the inference rules' edges.
GraphViewBuilder RandomGraph(uint32_t seed, int nodes, int edges) {
  std::mt19937 rng(seed);
  GraphViewBuilder b;
  const schema::NodeType types[] = {schema::MUSCLE, schema::CONDITION,
                                    schema::SYMPTOM, schema::ACTION};
  for (int i = 0; i < nodes; ++i) {
    std::vector<std::string> aliases;
    for (int k = rng() % 3; k > 0; --k) {
      aliases.push_back(absl::StrCat("alias ", rng() % (nodes + 1)));
    }
    b.AddNode(types[rng() % 4], absl::StrCat("node ", rng() % nodes), aliases,
              1000 + i);
  }
  const schema::Relation relations[] = {
      schema::ANTAGONIST_OF, schema::PART_OF, schema::CAUSES,
      schema::HAS_SYMPTOM, schema::PERFORMS};
  const int n = static_cast<int>(b.num_nodes());
  for (int i = 0; i < edges; ++i) {
    std::vector<schema::Provenance> support(1 + rng() % 3);
    for (schema::Provenance& p : support) {
      p.set_document_id(absl::StrCat("doc", rng() % 7));
      p.set_sentence(absl::StrCat("sentence ", rng()));
      p.set_polarity(rng() % 4 == 0 ? schema::NEGATED : schema::AFFIRMED);
      p.set_hedged(rng() % 5 == 0);
    }
    b.AddEdge(rng() % n, relations[rng() % 5], rng() % n, support);
  }
  ApplyInference(&b);
  return b;
}

// Checks `view` against the builder records it was made from.
void ExpectMatchesBuilder(const GraphView& view,
                          const std::vector<GraphViewBuilder::Node>& nodes,
                          const std::vector<GraphViewBuilder::Edge>& edges) {
  ASSERT_EQ(view.num_nodes(), nodes.size());
  ASSERT_EQ(view.num_edges(), edges.size());
  std::map<std::string, std::set<NodeIndex>> by_key;
  std::map<std::string, int> name_count;
  for (const auto& node : nodes) ++name_count[node.name];
  for (NodeIndex v = 0; v < nodes.size(); ++v) {
    const NodeInfo info = view.node(v);
    EXPECT_EQ(info.id, nodes[v].id);
    EXPECT_EQ(info.type, nodes[v].type);
    EXPECT_EQ(info.name, nodes[v].name);
    EXPECT_EQ(info.aliases.ToStrings(), nodes[v].aliases);
    EXPECT_EQ(info.name_unique, name_count[nodes[v].name] == 1);
    by_key[NameKey(nodes[v].name)].insert(v);
    for (const std::string& a : nodes[v].aliases) by_key[NameKey(a)].insert(v);
  }
  for (const auto& [key, expected] : by_key) {
    absl::Span<const NodeIndex> got = view.LookupKey(key);
    EXPECT_EQ(std::vector<NodeIndex>(got.begin(), got.end()),
              std::vector<NodeIndex>(expected.begin(), expected.end()))
        << key;
  }
  std::vector<int> out_seen(edges.size()), in_seen(edges.size());
  for (NodeIndex v = 0; v < nodes.size(); ++v) {
    for (const Adjacent& a : view.Out(v)) {
      EXPECT_EQ(edges[a.edge].source, v);
      EXPECT_EQ(edges[a.edge].target, a.node);
      ++out_seen[a.edge];
    }
    for (const Adjacent& a : view.In(v)) {
      EXPECT_EQ(edges[a.edge].target, v);
      ++in_seen[a.edge];
    }
  }
  for (EdgeIndex e = 0; e < edges.size(); ++e) {
    const EdgeInfo info = view.edge(e);
    const GraphViewBuilder::Edge& want = edges[e];
    EXPECT_EQ(out_seen[e], 1);
    EXPECT_EQ(in_seen[e], 1);
    EXPECT_EQ(info.source, want.source);
    EXPECT_EQ(info.target, want.target);
    EXPECT_EQ(info.relation, want.relation);
    EXPECT_EQ(info.inferred, want.inferred);
    EXPECT_EQ(info.rule, want.rule);
    EXPECT_EQ(std::vector<EdgeIndex>(info.premises.begin(), info.premises.end()),
              want.premises);
    ASSERT_EQ(info.support.size(), want.support.size());
    bool affirmed = false;
    size_t k = 0;
    for (const schema::Provenance& p : info.support) {
      EXPECT_EQ(p.SerializeAsString(), want.support[k++].SerializeAsString());
      affirmed = affirmed || p.polarity() != schema::NEGATED;
    }
    EXPECT_EQ(info.negated, !want.support.empty() && !affirmed);
    EXPECT_EQ(view.FindEdge(want.source, want.relation, want.target), e);
  }
}

TEST(ViewLayoutTest, RandomGraphsAnswerAsTheirBuilderAndRoundTrip) {
  for (uint32_t seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE(seed);
    GraphViewBuilder b = RandomGraph(seed, 5 + seed * 13, seed * 40);
    std::vector<GraphViewBuilder::Node> nodes;
    std::vector<GraphViewBuilder::Edge> edges;
    for (NodeIndex v = 0; v < b.num_nodes(); ++v) nodes.push_back(b.node(v));
    for (EdgeIndex e = 0; e < b.num_edges(); ++e) edges.push_back(b.edge(e));
    std::shared_ptr<const GraphView> view = b.Finish({seed, 7, 1});
    ExpectMatchesBuilder(*view, nodes, edges);
    std::shared_ptr<const GraphView> mapped = RoundTripThroughFile(*view);
    ASSERT_NE(mapped, nullptr);
    EXPECT_FALSE(view->mapped_from_file());
    EXPECT_EQ(DiffViews(*view, *mapped), "");
    ExpectMatchesBuilder(*mapped, nodes, edges);
  }
}

TEST(ViewLayoutTest, EmptyGraphRoundTrips) {
  GraphViewBuilder b;
  std::shared_ptr<const GraphView> view = b.Finish();
  EXPECT_EQ(view->num_nodes(), 0u);
  EXPECT_TRUE(view->Lookup("psoas").empty());
  std::shared_ptr<const GraphView> mapped = RoundTripThroughFile(*view);
  ASSERT_NE(mapped, nullptr);
  EXPECT_EQ(DiffViews(*view, *mapped), "");
}

TEST(ViewLayoutTest, LayoutIsTheSameOnEveryRun) {
  // No hash seeded per process decides where anything goes.
  GraphViewBuilder b1 = RandomGraph(3, 40, 100);
  GraphViewBuilder b2 = RandomGraph(3, 40, 100);
  EXPECT_EQ(b1.Finish()->bytes(), b2.Finish()->bytes());
}

class SnapshotFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath(absl::StrCat(
        ::testing::UnitTest::GetInstance()->current_test_info()->name(),
        ".snapshot"));
    view_ = RandomGraph(5, 60, 200).Finish(stamp_);
    ASSERT_TRUE(WriteSnapshotFile(path_, *view_).ok());
  }
  std::string ReadFile() {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void WriteFile(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  }

  std::string path_;
  snapshot::StoreStamp stamp_{42, 99, 1};
  std::shared_ptr<const GraphView> view_;
};

TEST_F(SnapshotFileTest, MapsAMatchingFile) {
  absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
      MapSnapshotFile(path_, stamp_);
  ASSERT_TRUE(mapped.ok()) << mapped.status();
  EXPECT_TRUE((*mapped)->mapped_from_file());
  EXPECT_EQ(DiffViews(*view_, **mapped), "");
}

TEST_F(SnapshotFileTest, RefusesAnotherStamp) {
  for (snapshot::StoreStamp other :
       {snapshot::StoreStamp{43, 99, 1}, snapshot::StoreStamp{42, 98, 1},
        snapshot::StoreStamp{42, 99, 0}}) {
    absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
        MapSnapshotFile(path_, other);
    EXPECT_TRUE(absl::IsFailedPrecondition(mapped.status())) << mapped.status();
    EXPECT_THAT(mapped.status().message(), HasSubstr("stale"));
    EXPECT_THAT(mapped.status().message(), HasSubstr(path_));
  }
}

TEST_F(SnapshotFileTest, RefusesAMissingFile) {
  std::filesystem::remove(path_);
  EXPECT_TRUE(absl::IsNotFound(MapSnapshotFile(path_, stamp_).status()));
}

TEST_F(SnapshotFileTest, RefusesATruncatedFile) {
  const std::string bytes = ReadFile();
  for (size_t size : {size_t{0}, size_t{100}, snapshot::kHeaderBytes,
                      bytes.size() / 2, bytes.size() - 1}) {
    WriteFile(bytes.substr(0, size));
    absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
        MapSnapshotFile(path_, stamp_);
    EXPECT_TRUE(absl::IsDataLoss(mapped.status())) << size << mapped.status();
  }
}

TEST_F(SnapshotFileTest, RefusesADamagedHeader) {
  const std::string bytes = ReadFile();
  // Every byte the checksum covers.
  for (size_t i = 0; i < offsetof(snapshot::Header, checksum); i += 5) {
    std::string damaged = bytes;
    damaged[i] ^= 0x10;
    WriteFile(damaged);
    absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
        MapSnapshotFile(path_, stamp_);
    EXPECT_TRUE(absl::IsDataLoss(mapped.status())) << i << mapped.status();
  }
}

TEST_F(SnapshotFileTest, RefusesAnotherFormatVersion) {
  std::string bytes = ReadFile();
  snapshot::Header header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  header.format_version = snapshot::kFormatVersion + 1;
  header.checksum = snapshot::HeaderChecksum(header);
  std::memcpy(bytes.data(), &header, sizeof(header));
  WriteFile(bytes);
  absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
      MapSnapshotFile(path_, stamp_);
  EXPECT_TRUE(absl::IsFailedPrecondition(mapped.status())) << mapped.status();
  EXPECT_THAT(mapped.status().message(), HasSubstr("format version"));
}

TEST_F(SnapshotFileTest, RefusesSectionsOutsideTheFile) {
  std::string bytes = ReadFile();
  snapshot::Header header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  header.sections[snapshot::kSupports].size = bytes.size();
  header.checksum = snapshot::HeaderChecksum(header);
  std::memcpy(bytes.data(), &header, sizeof(header));
  WriteFile(bytes);
  EXPECT_TRUE(absl::IsDataLoss(MapSnapshotFile(path_, stamp_).status()));
}

TEST_F(SnapshotFileTest, RewriteLeavesNoTemporaryAndOldMappingsValid) {
  absl::StatusOr<std::shared_ptr<const GraphView>> old =
      MapSnapshotFile(path_, stamp_);
  ASSERT_TRUE(old.ok());
  std::shared_ptr<const GraphView> next = RandomGraph(6, 30, 50).Finish(stamp_);
  ASSERT_TRUE(WriteSnapshotFile(path_, *next).ok());
  EXPECT_EQ(DiffViews(*view_, **old), "");  // The old file's pages.
  absl::StatusOr<std::shared_ptr<const GraphView>> now =
      MapSnapshotFile(path_, stamp_);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(DiffViews(*next, **now), "");
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(path_).parent_path())) {
    EXPECT_THAT(entry.path().string(), ::testing::Not(HasSubstr(".tmp-")));
  }
}

TEST_F(SnapshotFileTest, RemovesTemporariesOfAKilledWriter) {
  const std::string left = absl::StrCat(path_, ".tmp-12345");
  std::ofstream(left) << "half";
  RemoveSnapshotTemporaries(path_);
  EXPECT_FALSE(std::filesystem::exists(left));
  EXPECT_TRUE(std::filesystem::exists(path_));
}

}  // namespace
}  // namespace mskg::graph
