// graph/view_snapshot_test.cc
//
// GraphStore::View() and the store's snapshot file: a writable store writes
// the view it builds; later opens, read-only ones too, map it; a write
// committed without the file being rewritten (a crash between the two)
// leaves a stale file that is refused and rebuilt; damaged files are
// rebuilt; read-only opens never write it.
#include <filesystem>
#include <fstream>
#include <string>

#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "graph/snapshot_file.h"
#include "graph/store_test_fixture.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

class ViewSnapshotTest : public GraphStoreTest {
 protected:
  std::string SnapshotPath() const {
    return (std::filesystem::path(path_) / kSnapshotFileName).string();
  }
  std::unique_ptr<GraphStore> OpenReadOnly(GraphStoreOptions options = {}) {
    options.read_only = true;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(path_, options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }
  static std::shared_ptr<const GraphView> ViewOf(const GraphStore& store) {
    absl::StatusOr<std::shared_ptr<const GraphView>> view = store.View();
    EXPECT_TRUE(view.ok()) << view.status();
    return view.ok() ? *view : nullptr;
  }
  // The view built from a scan, with no snapshot file involved.
  std::shared_ptr<const GraphView> FreshView() {
    GraphStoreOptions options;
    options.read_only = true;
    const std::string saved = SnapshotPath() + ".aside";
    std::filesystem::rename(SnapshotPath(), saved);
    std::unique_ptr<GraphStore> store = OpenReadOnly();
    std::shared_ptr<const GraphView> view = ViewOf(*store);
    EXPECT_FALSE(view->mapped_from_file());
    std::filesystem::rename(saved, SnapshotPath());
    return view;
  }
};

TEST_F(ViewSnapshotTest, WritableViewWritesTheFileAndLaterOpensMapIt) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  std::shared_ptr<const GraphView> built = GetView();
  EXPECT_FALSE(built->mapped_from_file());
  ASSERT_TRUE(std::filesystem::exists(SnapshotPath()));

  std::unique_ptr<GraphStore> reader = OpenReadOnly();
  std::shared_ptr<const GraphView> mapped = ViewOf(*reader);
  EXPECT_TRUE(mapped->mapped_from_file());
  EXPECT_EQ(DiffViews(*built, *mapped), "");
  EXPECT_EQ(DiffViews(*FreshView(), *mapped), "");
  // Inferred edges come with the file, with their rule and premises.
  NodeIndex glutes = mapped->Find(schema::MUSCLE, "gluteal muscles");
  NodeIndex flexors = mapped->Find(schema::MUSCLE, "hip flexors");
  EdgeIndex back = mapped->FindEdge(glutes, schema::ANTAGONIST_OF, flexors);
  ASSERT_NE(back, kInvalidIndex);
  EXPECT_TRUE(mapped->edge(back).inferred);
  EXPECT_EQ(mapped->edge(back).premises.size(), 1u);

  OpenStore();  // Writable again: maps it too.
  EXPECT_TRUE(GetView()->mapped_from_file());
}

TEST_F(ViewSnapshotTest, AWriteWithoutItsSnapshotIsSeenAndRebuilt) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();  // File at the store's sequence number now.
  // Committed, and the process "dies" before any View() rewrites the file.
  ASSERT_TRUE(store_->PutDocument(DocB()).ok());
  store_.reset();

  std::unique_ptr<GraphStore> reader = OpenReadOnly();
  std::shared_ptr<const GraphView> view = ViewOf(*reader);
  EXPECT_FALSE(view->mapped_from_file());  // Stale: built from the store.
  NodeIndex flexors = view->Find(schema::MUSCLE, "hip flexors");
  NodeIndex glutes = view->Find(schema::MUSCLE, "gluteal muscles");
  EdgeIndex e = view->FindEdge(flexors, schema::ANTAGONIST_OF, glutes);
  ASSERT_NE(e, kInvalidIndex);
  EXPECT_EQ(view->edge(e).support.size(), 2u);  // DocB's sentence is there.
  reader.reset();

  // A read-only open never writes the file: still stale.
  EXPECT_FALSE(ViewOf(*OpenReadOnly())->mapped_from_file());
  OpenStore();
  EXPECT_FALSE(GetView()->mapped_from_file());  // Rebuilt and rewritten.
  std::shared_ptr<const GraphView> mapped = ViewOf(*OpenReadOnly());
  EXPECT_TRUE(mapped->mapped_from_file());
  EXPECT_EQ(DiffViews(*view, *mapped), "");
}

TEST_F(ViewSnapshotTest, DamagedOrTruncatedFilesAreRebuilt) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::shared_ptr<const GraphView> built = GetView();
  store_.reset();
  std::string bytes;
  {
    std::ifstream in(SnapshotPath(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string damaged = bytes;
  damaged[20] ^= 1;
  for (const std::string& contents :
       {damaged, bytes.substr(0, bytes.size() / 2), std::string("x")}) {
    std::ofstream(SnapshotPath(), std::ios::binary | std::ios::trunc)
        << contents;
    std::shared_ptr<const GraphView> view = ViewOf(*OpenReadOnly());
    EXPECT_FALSE(view->mapped_from_file());
    EXPECT_EQ(DiffViews(*built, *view), "");
    OpenStore();
    EXPECT_EQ(DiffViews(*built, *GetView()), "");  // Rebuilt, rewritten.
    store_.reset();
    EXPECT_TRUE(ViewOf(*OpenReadOnly())->mapped_from_file());
  }
}

TEST_F(ViewSnapshotTest, InferenceSettingIsPartOfTheStamp) {
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::shared_ptr<const GraphView> with = GetView();
  GraphStoreOptions plain;
  plain.apply_inference = false;
  std::shared_ptr<const GraphView> without = ViewOf(*OpenReadOnly(plain));
  EXPECT_FALSE(without->mapped_from_file());
  EXPECT_LT(without->num_edges(), with->num_edges());
}

TEST_F(ViewSnapshotTest, PersistViewOffWritesNoFile) {
  GraphStoreOptions options;
  options.persist_view = false;
  OpenStore(options);
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();
  EXPECT_FALSE(std::filesystem::exists(SnapshotPath()));
}

}  // namespace
}  // namespace mskg::graph
