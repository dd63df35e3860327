// graph/bulk_load_benchmark.cc
//
// Times BulkLoad() and View() on a synthetic graph of 1M edges:
//   bazel run //graph:bulk_load_benchmark -- /tmp/mskg_bench [edges]
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"

int main(int argc, char** argv) {
  using namespace mskg;
  const std::string path = argc > 1 ? argv[1] : "/tmp/mskg_bulk_bench";
  const int edges = argc > 2 ? std::atoi(argv[2]) : 1000000;
  const int per_doc = 1000;
  const int nodes = edges / 5;
  std::filesystem::remove_all(path);
  std::vector<schema::DocumentClaims> docs;
  uint64_t x = 12345;
  auto rnd = [&x]() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int d = 0; d * per_doc < edges; ++d) {
    schema::DocumentClaims& doc = docs.emplace_back();
    doc.set_document_id(absl::StrCat("doc/", d, ".md"));
    doc.set_content_hash(absl::StrCat("h", d));
    for (int i = 0; i < per_doc && d * per_doc + i < edges; ++i) {
      schema::Claim* c = doc.add_claims();
      c->mutable_subject()->set_type(schema::MUSCLE);
      c->mutable_subject()->set_name(absl::StrCat("muscle ", rnd() % nodes));
      c->set_relation(static_cast<schema::Relation>(1 + rnd() % 18));
      c->mutable_object()->set_type(schema::STRUCTURE);
      c->mutable_object()->set_name(absl::StrCat("structure ", rnd() % nodes));
      c->mutable_provenance()->set_sentence(
          "The muscle inserts on the structure by a short tendon.");
      c->mutable_provenance()->set_rule("svo");
      c->mutable_provenance()->set_begin(i * 60);
      c->mutable_provenance()->set_end(i * 60 + 55);
    }
  }
  auto store = graph::GraphStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  const std::clock_t c0 = std::clock();
  absl::Time t0 = absl::Now();
  absl::Status s = (*store)->BulkLoad(docs);
  absl::Time t1 = absl::Now();
  const std::clock_t c1 = std::clock();
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  auto view = (*store)->View();
  absl::Time t2 = absl::Now();
  const std::clock_t c2 = std::clock();
  auto stats = (*store)->Stats();
  std::printf("cpu: bulk load %.2fs, view %.2fs\n",
              double(c1 - c0) / CLOCKS_PER_SEC,
              double(c2 - c1) / CLOCKS_PER_SEC);
  std::printf("wall: bulk load %s, view %s; nodes %lld edges %lld view edges %zu\n",
              absl::FormatDuration(t1 - t0).c_str(),
              absl::FormatDuration(t2 - t1).c_str(),
              static_cast<long long>(stats->nodes),
              static_cast<long long>(stats->edges), (*view)->num_edges());
  return 0;
}
