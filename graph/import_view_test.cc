// graph/import_view_test.cc
//
// A triples import into an empty store builds its view from the loader's
// own data (sst_triples_loader.h, BuildViewInto) instead of scanning the
// store: that view, its snapshot file and the views patched from it must be
// byte for byte what a scan of the store gives. Imports into a store that
// holds something still scan, aliases and all.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "graph/inference.h"
#include "graph/snapshot_file.h"
#include "graph/store_test_fixture.h"
#include "graph/store_testing.h"
#include "graph/triple_batch.h"
#include "graph/view_testing.h"
#include "gtest/gtest.h"

namespace mskg::graph {
namespace {

// Fills `batch` with chunk `chunk` of a small graph that every inference
// rule applies to: muscles PART_OF groups (transitively), groups
// ANTAGONIST_OF each other, PERFORMS edges of the reference document with
// opposite actions; names in other spellings, edges cited by several
// documents, in several chunks, and exact duplicate rows.
void FillChunk(TripleBatch* batch, int chunk) {
  std::string& text = *batch->mutable_text();
  struct Spec {
    schema::NodeType subject_type;
    schema::Relation relation;
    schema::NodeType object_type;
    std::string document;
  };
  std::vector<Spec> specs;
  auto muscle = [](int i) {
    return absl::StrCat(i % 2 == 0 ? "Muscle " : "muscles ", i);
  };
  std::vector<std::pair<std::string, std::string>> rows_text;
  auto row = [&](schema::NodeType st, std::string s, schema::Relation r,
                 schema::NodeType ot, std::string o, std::string doc) {
    rows_text.emplace_back(std::move(s), std::move(o));
    specs.push_back({st, r, ot, std::move(doc)});
  };
  for (int i = chunk; i < 60; i += 3) {
    const std::string doc = absl::StrCat("doc", i % 7);
    row(schema::MUSCLE, muscle(i), schema::PART_OF, schema::MUSCLE,
        absl::StrCat("group ", i % 5), doc);
    row(schema::MUSCLE, absl::StrCat("Group ", i % 5), schema::PART_OF,
        schema::MUSCLE, absl::StrCat("region ", i % 2), doc);
    row(schema::MUSCLE, absl::StrCat("group ", i % 5), schema::ANTAGONIST_OF,
        schema::MUSCLE, absl::StrCat("group ", (i + 2) % 5),
        absl::StrCat("doc", (i + 3) % 7));
    row(schema::MUSCLE, muscle(i), schema::INNERVATED_BY, schema::NERVE,
        absl::StrCat("nerve ", i % 4), doc);
    row(schema::MUSCLE, muscle(i), schema::PERFORMS, schema::ACTION,
        i % 2 == 0 ? "hip flexion" : "Hip Extension",
        std::string(kReferenceDocument));
    if (i % 4 == 0) {  // The same row again, and from another document.
      row(schema::MUSCLE, muscle(i), schema::INNERVATED_BY, schema::NERVE,
          absl::StrCat("nerve ", i % 4), doc);
      row(schema::MUSCLE, muscle(i), schema::INNERVATED_BY, schema::NERVE,
          absl::StrCat("nerve ", i % 4), "doc-other");
    }
  }
  std::vector<std::pair<size_t, size_t>> spans;
  for (const auto& [s, o] : rows_text) {
    spans.emplace_back(text.size(), s.size());
    text += s;
    spans.emplace_back(text.size(), o.size());
    text += o;
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    const absl::string_view subject(text.data() + spans[2 * i].first,
                                    spans[2 * i].second);
    const absl::string_view object(text.data() + spans[2 * i + 1].first,
                                   spans[2 * i + 1].second);
    const uint32_t doc = batch->AddDocument(specs[i].document);
    batch->AddRow({subject, object, doc, specs[i].subject_type,
                   specs[i].relation, specs[i].object_type});
  }
}

class ImportViewTest : public GraphStoreTest {
 protected:
  // Reopens the store with the SST loader for any size and `inference`.
  void Reopen(bool inference) {
    GraphStoreOptions options;
    options.bulk_sst_min_claims = 1;
    options.apply_inference = inference;
    OpenStore(options);
  }
  void Import() {
    int chunk = 0;
    ASSERT_TRUE(BulkLoadTriples(store_.get(),
                                [&chunk](TripleBatch* batch)
                                    -> absl::StatusOr<bool> {
                                  if (chunk == 3) return false;
                                  FillChunk(batch, chunk++);
                                  return true;
                                })
                    .ok());
  }
  std::shared_ptr<const GraphView> Rebuilt() {
    absl::StatusOr<std::shared_ptr<const GraphView>> view =
        RebuildViewForTesting(*store_);
    EXPECT_TRUE(view.ok()) << view.status();
    return view.ok() ? *view : nullptr;
  }
  std::string SnapshotPath() const {
    return (std::filesystem::path(path_) / kSnapshotFileName).string();
  }
};

// Returns "" if `a` and `b` are the same bytes, else where they differ.
std::string DiffBytes(const GraphView& a, const GraphView& b) {
  const absl::string_view x = a.bytes();
  const absl::string_view y = b.bytes();
  if (x == y) return "";
  size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  return absl::StrCat("sizes ", x.size(), " and ", y.size(),
                      ", first difference at byte ", i, "; sequences ",
                      a.stamp().sequence, " and ", b.stamp().sequence);
}

size_t InferredEdges(const GraphView& view) {
  size_t n = 0;
  for (EdgeIndex e = 0; e < view.num_edges(); ++e) {
    n += view.edge(e).inferred ? 1 : 0;
  }
  return n;
}

TEST_F(ImportViewTest, ViewOfAnImportIntoAnEmptyStoreIsTheScannedView) {
  for (bool inference : {true, false}) {
    SCOPED_TRACE(inference ? "with inference" : "without inference");
    store_.reset();
    std::filesystem::remove_all(path_);
    Reopen(inference);
    Import();
    // The import left its view cached and written to the file.
    ASSERT_TRUE(std::filesystem::exists(SnapshotPath()));
    std::shared_ptr<const GraphView> imported = GetView();
    std::shared_ptr<const GraphView> scanned = Rebuilt();
    ASSERT_NE(imported, nullptr);
    ASSERT_NE(scanned, nullptr);
    EXPECT_EQ(DiffViews(*imported, *scanned), "");
    EXPECT_EQ(DiffBytes(*imported, *scanned), "");
    EXPECT_GT(scanned->num_edges(), 100u);
    if (inference) {
      // Every rule had something to infer.
      EXPECT_GT(InferredEdges(*scanned), 20u);
      bool opposite = false;
      for (EdgeIndex e = 0; e < scanned->num_edges(); ++e) {
        opposite |= scanned->edge(e).rule == kRuleOppositeActions;
      }
      EXPECT_TRUE(opposite);
    } else {
      EXPECT_EQ(InferredEdges(*scanned), 0u);
    }
    // A new process maps the file the import wrote.
    Reopen(inference);
    std::shared_ptr<const GraphView> mapped = GetView();
    EXPECT_TRUE(mapped->mapped_from_file());
    EXPECT_EQ(DiffBytes(*mapped, *scanned), "");
  }
}

TEST_F(ImportViewTest, AWriteAfterTheImportPatchesItsView) {
  Reopen(true);
  Import();
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  std::shared_ptr<const GraphView> patched = GetView();
  EXPECT_EQ(DiffBytes(*patched, *Rebuilt()), "");
  EXPECT_EQ(patched->Lookup("psoas").size(), 1u);
}

TEST_F(ImportViewTest, AnImportIntoAStoreWithContentScansIt) {
  Reopen(true);
  ASSERT_TRUE(store_->PutDocument(DocA()).ok());
  GetView();
  Import();
  std::shared_ptr<const GraphView> view = GetView();
  EXPECT_EQ(DiffViews(*view, *Rebuilt()), "");
  EXPECT_EQ(DiffBytes(*view, *Rebuilt()), "");
  // The aliases of the stored nodes are in it.
  ASSERT_EQ(view->Lookup("iliopsoas group").size(), 1u);
  EXPECT_EQ(view->Lookup("iliopsoas group")[0],
            view->Find(schema::MUSCLE, "hip flexors"));
  EXPECT_NE(view->Find(schema::MUSCLE, "group 1"), kInvalidIndex);
}

}  // namespace
}  // namespace mskg::graph
