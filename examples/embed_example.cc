// examples/embed_example.cc
//
// How a C++ program embeds mskg: open a store, ingest a document, ask a
// question, and print each answer with the sentences behind it.
//
//   bazel run //examples:embed_example -- /tmp/example_store
#include <iostream>
#include <memory>
#include <string>

#include "graph/graph_store.h"
#include "ingest/ingester.h"
#include "query/query_engine.h"

namespace {

// A document of our own, inline so that the example needs no files.
constexpr char kArticle[] =
    "Hamstring Strain\n\n"
    "The hamstrings oppose the quadriceps at the knee.\n"
    "A hamstring strain can be caused by sprinting without a warm-up.\n"
    "Eccentric strengthening exercises help to treat a hamstring strain.\n";

int Fail(const absl::Status& status) {
  std::cerr << "embed_example: " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "/tmp/mskg_embed_example";

  absl::StatusOr<std::unique_ptr<mskg::graph::GraphStore>> store =
      mskg::graph::GraphStore::Open(path);
  if (!store.ok()) return Fail(store.status());

  absl::StatusOr<std::unique_ptr<mskg::ingest::Ingester>> ingester =
      mskg::ingest::Ingester::Create();
  if (!ingester.ok()) return Fail(ingester.status());

  absl::StatusOr<mskg::schema::DocumentClaims> claims =
      (*ingester)->Extract("example/hamstring_strain.txt", kArticle);
  if (!claims.ok()) return Fail(claims.status());
  absl::StatusOr<mskg::graph::DocumentWriteResult> written =
      (*store)->PutDocument(*claims);
  if (!written.ok()) return Fail(written.status());
  std::cout << "stored " << written->claims << " claims\n";

  absl::StatusOr<std::shared_ptr<const mskg::graph::GraphView>> view =
      (*store)->View();
  if (!view.ok()) return Fail(view.status());
  mskg::query::QueryEngine engine(*view);
  absl::StatusOr<mskg::query::ResultTable> result = engine.Run(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'hamstrings'}) "
      "RETURN DISTINCT m.name AS muscle");
  if (!result.ok()) return Fail(result.status());

  for (const mskg::query::ResultRow& row : result->rows) {
    std::cout << row.values[0].ToString() << "\n";
    for (const mskg::query::EdgeEvidence& evidence : row.evidence) {
      for (const mskg::schema::Provenance& source : evidence.support) {
        std::cout << "  " << source.document_id() << ": " << source.sentence()
                  << "\n";
      }
    }
  }
  return 0;
}
