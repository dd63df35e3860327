// graph/view_testing.cc
#include "graph/view_testing.h"

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/snapshot_file.h"
#include "gtest/gtest.h"
#include "util/name_key.h"

namespace mskg::graph {
namespace {

std::string Describe(absl::Span<const Adjacent> adj) {
  std::string out;
  for (const Adjacent& a : adj) {
    absl::StrAppend(&out, "(", a.node, ",", a.edge, ",", a.relation, ",",
                    a.negated, ",", a.inferred, ")");
  }
  return out;
}

std::string Describe(absl::Span<const NodeIndex> nodes) {
  std::string out;
  for (NodeIndex v : nodes) absl::StrAppend(&out, v, " ");
  return out;
}

std::string DescribeSupport(const SupportList& support) {
  std::string out = absl::StrCat(support.size(), ":");
  for (const schema::Provenance& p : support) {
    absl::StrAppend(&out, p.ShortDebugString(), ";");
  }
  return out;
}

}  // namespace

std::string DiffViews(const GraphView& a, const GraphView& b) {
  if (a.num_nodes() != b.num_nodes() || a.num_edges() != b.num_edges()) {
    return absl::StrCat("sizes ", a.num_nodes(), "/", a.num_edges(), " vs ",
                        b.num_nodes(), "/", b.num_edges());
  }
  std::vector<std::string> keys;
  for (NodeIndex v = 0; v < a.num_nodes(); ++v) {
    const NodeInfo x = a.node(v), y = b.node(v);
    const std::vector<std::string> xa = x.aliases.ToStrings();
    const std::vector<std::string> ya = y.aliases.ToStrings();
    if (x.id != y.id || x.type != y.type || x.name != y.name || xa != ya ||
        x.name_unique != y.name_unique) {
      return absl::StrCat("node ", v, ": ", x.name, " vs ", y.name);
    }
    if (a.owned_name(v).text != b.owned_name(v).text ||
        a.owned_name(v).text != x.name) {
      return absl::StrCat("owned name of node ", v);
    }
    if (Describe(a.Out(v)) != Describe(b.Out(v)) ||
        Describe(a.In(v)) != Describe(b.In(v))) {
      return absl::StrCat("adjacency of node ", v);
    }
    for (int r = 0; r < kNumRelations; ++r) {
      const auto rel = static_cast<schema::Relation>(r);
      if (Describe(a.Out(v, rel)) != Describe(b.Out(v, rel)) ||
          Describe(a.In(v, rel)) != Describe(b.In(v, rel))) {
        return absl::StrCat("adjacency of node ", v, " by relation ", r);
      }
    }
    if (a.Find(x.type, x.name) != b.Find(y.type, y.name)) {
      return absl::StrCat("Find of ", x.name);
    }
    keys.push_back(NameKey(x.name));
    for (const std::string& alias : xa) keys.push_back(NameKey(alias));
  }
  keys.push_back("no such name key at all");
  for (const std::string& key : keys) {
    if (Describe(a.LookupKey(key)) != Describe(b.LookupKey(key))) {
      return absl::StrCat("LookupKey(", key, ")");
    }
  }
  for (EdgeIndex e = 0; e < a.num_edges(); ++e) {
    const EdgeInfo x = a.edge(e), y = b.edge(e);
    if (x.source != y.source || x.target != y.target ||
        x.relation != y.relation || x.inferred != y.inferred ||
        x.negated != y.negated || x.rule != y.rule ||
        std::vector<EdgeIndex>(x.premises.begin(), x.premises.end()) !=
            std::vector<EdgeIndex>(y.premises.begin(), y.premises.end()) ||
        DescribeSupport(x.support) != DescribeSupport(y.support)) {
      return absl::StrCat("edge ", e);
    }
    if (a.FindEdge(x.source, x.relation, x.target) !=
        b.FindEdge(y.source, y.relation, y.target)) {
      return absl::StrCat("FindEdge of edge ", e);
    }
  }
  for (int t = 0; t < kNumNodeTypes; ++t) {
    const auto type = static_cast<schema::NodeType>(t);
    if (Describe(a.NodesOfType(type)) != Describe(b.NodesOfType(type))) {
      return absl::StrCat("NodesOfType(", t, ")");
    }
  }
  for (int r = 0; r < kNumRelations; ++r) {
    const auto rel = static_cast<schema::Relation>(r);
    if (a.RelationCount(rel) != b.RelationCount(rel)) {
      return absl::StrCat("RelationCount(", r, ")");
    }
  }
  return "";
}

std::shared_ptr<const GraphView> RoundTripThroughFile(const GraphView& view) {
  static std::atomic<int> counter{0};
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string path =
      absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/round_trip_",
                   counter.fetch_add(1), ".snapshot");
  absl::Status written = WriteSnapshotFile(path, view);
  EXPECT_TRUE(written.ok()) << written;
  if (!written.ok()) return nullptr;
  absl::StatusOr<std::shared_ptr<const GraphView>> mapped =
      MapSnapshotFile(path, view.stamp());
  EXPECT_TRUE(mapped.ok()) << mapped.status();
  if (!mapped.ok()) return nullptr;
  EXPECT_TRUE((*mapped)->mapped_from_file());
  return *mapped;
}

}  // namespace mskg::graph
