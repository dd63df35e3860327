// bench/query_benchmark.cc: warm, in-process query latency of the Cypher
// engine on the benchmark graphs of shared/bench/README.md (Q1-Q5 at 1k,
// 100k and 1M edges) and on the corpus graph (the two flagship questions),
// each next to a hand-written traversal of the same GraphView that returns
// the same rows, so that engine / hand-written is the engine's overhead.
//
//   bazel run -c opt //bench:query_benchmark
//   bazel run -c opt //bench:query_benchmark -- --benchmark_filter='g1000000/'
//
// Defaults (overridable on the command line): --benchmark_repetitions=5
// --benchmark_report_aggregates_only=true, so each benchmark reports its
// mean, median, stddev and min over 5 repetitions; read the median.
//
// Graphs: /tmp/mskg_bench_gN.tsv, generated with
// `python3 $MSKG_SHARED/bench/gen_graph.py N --seed 42 -o ...` when absent.
// Each is imported into a durable store in a fresh directory under $TMPDIR
// through GraphStore::BulkLoad (interop/triples_reader.h), and View() is
// built once. Every query is prepared once; before timing, each query's
// answer size is checked against the README (and the hand-written rows
// against the engine's): the binary aborts on a mismatch, since a wrong
// answer fast is worthless. The corpus is $MSKG_SHARED/corpus (default
// /work/shared/corpus); its benchmarks are skipped with a message when it is
// absent.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/bench_graphs.h"
#include "benchmark/benchmark.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/graph_view.h"
#include "ingest/ingester.h"
#include "interop/claims_batcher.h"
#include "interop/triples_reader.h"
#include "query/query_engine.h"
#include "query/value.h"

namespace mskg {
namespace {

namespace fs = std::filesystem;
using graph::Adjacent;
using graph::GraphView;
using graph::NodeIndex;

constexpr char kQ1[] =
    "MATCH (m:Muscle {name: $m})-[:PART_OF*0..1]->(a:Muscle)"
    "-[:ANTAGONIST_OF]-(x:Muscle) RETURN DISTINCT x.name";
constexpr char kQ2[] =
    "MATCH (a:Condition {name: $a})<-[:CAUSES]-(c)-[:CAUSES]->"
    "(b:Condition {name: $b}) RETURN DISTINCT c.name";
constexpr char kQ3[] =
    "MATCH (m:Muscle {name: $m})<-[:AFFECTS]-(c:Condition)-[:HAS_SYMPTOM]->"
    "(s:Symptom) RETURN DISTINCT s.name";
constexpr char kQ4[] =
    "MATCH (s:Muscle {name: $n})-[*1..3]->(x) RETURN DISTINCT x.name";
constexpr char kQ5[] = "MATCH (x) WHERE x.name = $name RETURN x.name";
// The flagship questions (shared/eval/gold/QUERIES.md Q1 and Q2).
constexpr char kF1[] =
    "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: $m}) "
    "RETURN DISTINCT m.name";
constexpr char kF2[] =
    "MATCH (c)-[:CAUSES]->(:Condition {name: $a}), "
    "(c)-[:CAUSES]->(:Condition {name: $b}) RETURN DISTINCT c.name";

constexpr char kPsoas[] = "psoas major";
constexpr char kQlSpasm[] = "quadratus lumborum spasm";
constexpr char kPsoasSpasm[] = "psoas major spasm";

constexpr int kSizes[] = {1000, 100000, 1000000};

// Answer sizes of shared/bench/README.md, [query][size].
constexpr size_t kExpectedRows[5][3] = {
    {7, 5, 4}, {5, 5, 5}, {17, 5, 14}, {48, 21, 3313}, {1, 1, 1}};

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "query_benchmark: %s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}


std::string TempRoot() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

// Returns a new empty directory under $TMPDIR.
std::string MakeTempDir(absl::string_view prefix) {
  std::string templ = absl::StrCat(TempRoot(), "/", prefix, "_XXXXXX");
  if (mkdtemp(templ.data()) == nullptr) Die("mkdtemp failed: " + templ);
  return templ;
}

// ---------------------------------------------------------------------------
// Hand-written traversals: what the engine's answer costs when written
// directly against GraphView (spans, Lookup, a flat hash set for DISTINCT).
// Same semantics as the engine: names match through NameKey and aliases,
// negated edges never match, inferred edges do.

using Rows = std::vector<std::string>;

// Whether the hand-written traversals follow inferred edges (as the engine
// does). Off only to check the README's answer sizes, which other engines
// computed on the asserted edges alone.
struct Edges {
  bool inferred = true;
};

bool Live(const GraphView& g, const Adjacent& a, Edges edges) {
  return !a.negated && (edges.inferred || !a.inferred);
}

// Returns the names of `nodes`.
Rows Names(const GraphView& g, const absl::flat_hash_set<NodeIndex>& nodes) {
  Rows rows;
  rows.reserve(nodes.size());
  for (NodeIndex v : nodes) rows.emplace_back(g.node(v).name);
  return rows;
}

// Q1: (m:Muscle)-[:PART_OF*0..1]->(a:Muscle)-[:ANTAGONIST_OF]-(x:Muscle).
Rows HandQ1(const GraphView& g, Edges edges, absl::string_view m) {
  absl::flat_hash_set<NodeIndex> seen;
  auto from = [&](NodeIndex a) {
    if (g.node(a).type != schema::MUSCLE) return;
    for (absl::Span<const Adjacent> span :
         {g.Out(a, schema::ANTAGONIST_OF), g.In(a, schema::ANTAGONIST_OF)}) {
      for (const Adjacent& x : span) {
        if (g.node(x.node).type == schema::MUSCLE && Live(g, x, edges)) {
          seen.insert(x.node);
        }
      }
    }
  };
  for (NodeIndex v : g.Lookup(m)) {
    if (g.node(v).type != schema::MUSCLE) continue;
    from(v);
    for (const Adjacent& a : g.Out(v, schema::PART_OF)) {
      if (Live(g, a, edges)) from(a.node);
    }
  }
  return Names(g, seen);
}

// Q2 and the second flagship question: c with c-[:CAUSES]->a and
// c-[:CAUSES]->b, a merge of the two in-spans (sorted by source).
Rows HandQ2(const GraphView& g, Edges edges, absl::string_view a_name,
            absl::string_view b_name) {
  absl::flat_hash_set<NodeIndex> seen;
  for (NodeIndex a : g.Lookup(a_name)) {
    if (g.node(a).type != schema::CONDITION) continue;
    for (NodeIndex b : g.Lookup(b_name)) {
      if (g.node(b).type != schema::CONDITION) continue;
      absl::Span<const Adjacent> ia = g.In(a, schema::CAUSES);
      absl::Span<const Adjacent> ib = g.In(b, schema::CAUSES);
      size_t i = 0, j = 0;
      while (i < ia.size() && j < ib.size()) {
        if (ia[i].node < ib[j].node) {
          ++i;
        } else if (ib[j].node < ia[i].node) {
          ++j;
        } else {
          if (ia[i].edge != ib[j].edge && Live(g, ia[i], edges) &&
              Live(g, ib[j], edges)) {
            seen.insert(ia[i].node);
          }
          ++i;
          ++j;
        }
      }
    }
  }
  return Names(g, seen);
}

// Q3: (m:Muscle)<-[:AFFECTS]-(c:Condition)-[:HAS_SYMPTOM]->(s:Symptom).
Rows HandQ3(const GraphView& g, Edges edges, absl::string_view m) {
  absl::flat_hash_set<NodeIndex> seen;
  for (NodeIndex v : g.Lookup(m)) {
    if (g.node(v).type != schema::MUSCLE) continue;
    for (const Adjacent& c : g.In(v, schema::AFFECTS)) {
      if (g.node(c.node).type != schema::CONDITION || !Live(g, c, edges))
        continue;
      for (const Adjacent& s : g.Out(c.node, schema::HAS_SYMPTOM)) {
        if (g.node(s.node).type == schema::SYMPTOM && Live(g, s, edges)) {
          seen.insert(s.node);
        }
      }
    }
  }
  return Names(g, seen);
}

// Q4: (s:Muscle)-[*1..3]->(x): breadth-first, 3 levels. A node reached by a
// walk of length <= 3 is reached by a path without repeated edges, so this
// is the engine's answer under relationship uniqueness.
Rows HandQ4(const GraphView& g, Edges edges, absl::string_view n) {
  absl::flat_hash_set<NodeIndex> seen;
  std::vector<NodeIndex> frontier, next;
  for (NodeIndex s : g.Lookup(n)) {
    if (g.node(s).type != schema::MUSCLE) continue;
    // Depths are per start node; `seen` is shared (the union is the answer),
    // which is exact for one start node, the benchmark's case.
    frontier.assign(1, s);
    for (int depth = 1; depth <= 3 && !frontier.empty(); ++depth) {
      next.clear();
      for (NodeIndex u : frontier) {
        for (const Adjacent& x : g.Out(u)) {
          if (Live(g, x, edges) && seen.insert(x.node).second && depth < 3) {
            next.push_back(x.node);
          }
        }
      }
      frontier.swap(next);
    }
  }
  return Names(g, seen);
}

// Q5: every node whose name or alias has the NameKey of `name`.
Rows HandQ5(const GraphView& g, Edges edges, absl::string_view name) {
  Rows rows;
  for (NodeIndex v : g.Lookup(name)) rows.emplace_back(g.node(v).name);
  return rows;
}

// Flagship 1: (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: $m}).
Rows HandF1(const GraphView& g, Edges edges, absl::string_view m) {
  absl::flat_hash_set<NodeIndex> seen;
  for (NodeIndex v : g.Lookup(m)) {
    if (g.node(v).type != schema::MUSCLE) continue;
    for (absl::Span<const Adjacent> span :
         {g.Out(v, schema::ANTAGONIST_OF), g.In(v, schema::ANTAGONIST_OF)}) {
      for (const Adjacent& x : span) {
        if (g.node(x.node).type == schema::MUSCLE && Live(g, x, edges)) {
          seen.insert(x.node);
        }
      }
    }
  }
  return Names(g, seen);
}

// ---------------------------------------------------------------------------
// The queries of one graph: engine text, parameters, hand-written twin.

struct Case {
  std::string name;  // "Q1" .. "Q5", "F1", "F2".
  const char* cypher;
  query::QueryOptions options;  // collect_evidence = false.
  bool evidence_variant;        // Also benchmark with evidence.
  std::function<Rows(const GraphView&, Edges)> hand;
  // README answer size over asserted edges; 0: not checked.
  size_t expected_rows;
};

query::QueryOptions Params(
    std::initializer_list<std::pair<const char*, const char*>> params) {
  query::QueryOptions options;
  options.collect_evidence = false;
  // The whole answer: Q4 at 1M has more than the default 10,000 rows.
  options.max_rows = 1'000'000;
  for (const auto& [name, value] : params) {
    options.params[name] = query::Value(std::string(value));
  }
  return options;
}

std::vector<Case> BenchmarkCases(int size_index) {
  std::vector<Case> cases;
  cases.push_back(
      {"Q1", kQ1, Params({{"m", kPsoas}}), true,
       [](const GraphView& g, Edges e) { return HandQ1(g, e, kPsoas); },
       kExpectedRows[0][size_index]});
  cases.push_back({"Q2", kQ2, Params({{"a", kQlSpasm}, {"b", kPsoasSpasm}}),
                   true,
                   [](const GraphView& g, Edges e) {
                     return HandQ2(g, e, kQlSpasm, kPsoasSpasm);
                   },
                   kExpectedRows[1][size_index]});
  cases.push_back(
      {"Q3", kQ3, Params({{"m", kPsoas}}), false,
       [](const GraphView& g, Edges e) { return HandQ3(g, e, kPsoas); },
       kExpectedRows[2][size_index]});
  cases.push_back(
      {"Q4", kQ4, Params({{"n", kPsoas}}), false,
       [](const GraphView& g, Edges e) { return HandQ4(g, e, kPsoas); },
       kExpectedRows[3][size_index]});
  cases.push_back(
      {"Q5", kQ5, Params({{"name", kPsoas}}), false,
       [](const GraphView& g, Edges e) { return HandQ5(g, e, kPsoas); },
       kExpectedRows[4][size_index]});
  return cases;
}

std::vector<Case> FlagshipCases() {
  std::vector<Case> cases;
  cases.push_back(
      {"F1_antagonists", kF1, Params({{"m", kPsoas}}), true,
       [](const GraphView& g, Edges e) { return HandF1(g, e, kPsoas); }, 0});
  cases.push_back({"F2_shared_causes", kF2,
                   Params({{"a", kQlSpasm}, {"b", kPsoasSpasm}}), true,
                   [](const GraphView& g, Edges e) {
                     return HandQ2(g, e, kQlSpasm, kPsoasSpasm);
                   },
                   0});
  return cases;
}

// A loaded graph: its store (kept open: the graph stays durable on disk),
// its view, and the prepared queries.
struct Loaded {
  std::string dir;
  std::unique_ptr<graph::GraphStore> store;
  std::shared_ptr<const GraphView> view;
  std::vector<Case> cases;
  std::vector<query::PreparedQuery> prepared;  // Parallel to `cases`.
};

// Returns the first rows of `rows` joined, for messages.
std::string Head(const Rows& rows) {
  constexpr size_t kShown = 20;
  if (rows.size() <= kShown) return absl::StrJoin(rows, " | ");
  return absl::StrCat(absl::StrJoin(rows.begin(), rows.begin() + kShown, " | "),
                      " | ... (", rows.size() - kShown, " more)");
}

std::vector<std::string> Sorted(Rows rows) {
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::string> EngineRows(const query::ResultTable& table) {
  Rows rows;
  for (const query::ResultRow& row : table.rows) {
    rows.push_back(row.values.empty() ? "<no column>"
                                      : row.values[0].ToString());
  }
  return Sorted(std::move(rows));
}

// Prepares `loaded->cases` and checks every answer; dies on a mismatch.
// Two checks, because GraphStore::View() adds inferred edges
// (graph/inference.h) that the engine follows and the other engines of
// shared/bench/README.md never had:
//  * the engine's rows, with and without evidence, equal the hand-written
//    traversal's over the same view (inferred edges included);
//  * the hand-written traversal over asserted edges only returns the README's
//    answer size: the imported graph is the one the other engines measured.
void PrepareAndCheck(const std::string& label, Loaded* loaded) {
  query::QueryEngine engine(loaded->view);
  const GraphView& view = *loaded->view;
  for (const Case& c : loaded->cases) {
    absl::StatusOr<query::PreparedQuery> prepared = engine.Prepare(c.cypher);
    if (!prepared.ok()) {
      Die(absl::StrCat(label, " ", c.name, ": Prepare failed: ",
                       query::FormatQueryError(c.cypher, prepared.status())));
    }
    const Rows hand_rows = Sorted(c.hand(view, Edges{}));
    for (bool evidence : {false, true}) {
      query::QueryOptions options = c.options;
      options.collect_evidence = evidence;
      absl::StatusOr<query::ResultTable> table = prepared->Execute(options);
      if (!table.ok()) {
        Die(absl::StrCat(label, " ", c.name,
                         ": Execute failed: ", table.status().ToString()));
      }
      const Rows engine_rows = EngineRows(*table);
      if (engine_rows.empty() || engine_rows != hand_rows || table->truncated) {
        Die(absl::StrCat(label, " ", c.name, evidence ? " (evidence)" : "",
                         ": engine returned ", engine_rows.size(),
                         table->truncated ? " (truncated)" : "",
                         " rows, hand-written ", hand_rows.size(),
                         "\n  engine: ", Head(engine_rows),
                         "\n  hand:   ", Head(hand_rows)));
      }
    }
    const size_t asserted_rows = c.hand(view, Edges{.inferred = false}).size();
    if (c.expected_rows != 0 && asserted_rows != c.expected_rows) {
      Die(absl::StrCat(label, " ", c.name, ": ", asserted_rows,
                       " rows over asserted edges, the README says ",
                       c.expected_rows, ": not the benchmark graph?"));
    }
    std::fprintf(stderr,
                 "query_benchmark: %s %s: %zu rows (engine = hand-written), "
                 "%zu over asserted edges only%s\n",
                 label.c_str(), c.name.c_str(), hand_rows.size(), asserted_rows,
                 c.expected_rows != 0 ? " (= README)" : "");
    loaded->prepared.push_back(*std::move(prepared));
  }
}

void FinishLoad(const std::string& label, absl::Time start, Loaded* loaded) {
  const absl::Time loaded_at = absl::Now();
  absl::StatusOr<std::shared_ptr<const GraphView>> view = loaded->store->View();
  if (!view.ok()) Die(label + ": View() failed: " + view.status().ToString());
  loaded->view = *std::move(view);
  std::fprintf(stderr,
               "query_benchmark: %s: store loaded in %.2f s, View() in %.2f "
               "s: %zu nodes, %zu edges (with inferred)\n",
               label.c_str(), absl::ToDoubleSeconds(loaded_at - start),
               absl::ToDoubleSeconds(absl::Now() - loaded_at),
               loaded->view->num_nodes(), loaded->view->num_edges());
  PrepareAndCheck(label, loaded);
}


Loaded* LoadGraph(int size_index) {
  const int edges = kSizes[size_index];
  const std::string label = absl::StrCat("g", edges);
  absl::StatusOr<std::string> tsv_file = bench::GraphFile(edges);
  if (!tsv_file.ok()) Die(tsv_file.status().ToString());
  const std::string tsv = *tsv_file;
  auto* loaded = new Loaded;
  loaded->dir = MakeTempDir("mskg_query_bench_" + label);
  const absl::Time start = absl::Now();
  // The other engines of shared/bench/README.md answer over the asserted
  // edges; so does mskg here, so that the answers (and sizes) are the same.
  graph::GraphStoreOptions store_options;
  store_options.apply_inference = false;
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(loaded->dir, store_options);
  if (!store.ok()) Die(label + ": Open failed: " + store.status().ToString());
  loaded->store = *std::move(store);
  std::ifstream in(tsv, std::ios::binary);
  interop::ImportOptions options;
  options.default_document = "import:bench";
  absl::StatusOr<interop::ImportStats> stats = interop::ReadTriples(
      &in, tsv, options, [&](std::vector<schema::DocumentClaims>* batch) {
        return graph::BulkLoad(loaded->store.get(), *batch);
      });
  if (!stats.ok()) Die(label + ": import failed: " + stats.status().ToString());
  if (stats->claims != edges) {
    Die(absl::StrCat(label, ": imported ", stats->claims, " claims, expected ",
                     edges));
  }
  loaded->cases = BenchmarkCases(size_index);
  FinishLoad(label, start, loaded);
  return loaded;
}

// Returns nullptr (after saying why once) when the corpus is absent.
Loaded* LoadCorpus() {
  const fs::path corpus = fs::path(bench::SharedDir()) / "corpus";
  if (!fs::is_directory(corpus)) return nullptr;
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  auto* loaded = new Loaded;
  loaded->dir = MakeTempDir("mskg_query_bench_corpus");
  const absl::Time start = absl::Now();
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(loaded->dir);
  if (!store.ok()) Die("corpus: Open failed: " + store.status().ToString());
  loaded->store = *std::move(store);
  absl::StatusOr<std::unique_ptr<ingest::Ingester>> ingester =
      ingest::Ingester::Create();
  if (!ingester.ok()) Die("Ingester: " + ingester.status().ToString());
  absl::Status put =
      loaded->store->PutDocument((*ingester)->ReferenceClaims()).status();
  if (!put.ok()) Die("corpus: reference claims: " + put.ToString());
  for (const std::string& file : files) {
    absl::Status status =
        (*ingester)->IngestFile(file, loaded->store.get()).status();
    if (!status.ok()) Die("corpus: " + status.ToString());
  }
  loaded->cases = FlagshipCases();
  FinishLoad(absl::StrCat("corpus (", files.size(), " documents)"), start,
             loaded);
  return loaded;
}

std::map<int, Loaded*>& Graphs() {
  static auto* graphs = new std::map<int, Loaded*>;
  return *graphs;
}

constexpr int kCorpus = -1;

// Returns graph `key` (a size index, or kCorpus), loading it on first use.
Loaded* Graph(int key) {
  auto [it, inserted] = Graphs().try_emplace(key, nullptr);
  if (inserted) it->second = key == kCorpus ? LoadCorpus() : LoadGraph(key);
  return it->second;
}

void RemoveStores() {
  for (auto& [key, loaded] : Graphs()) {
    if (loaded == nullptr) continue;
    const std::string dir = loaded->dir;
    delete loaded;  // Closes the store before its files go.
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  Graphs().clear();
}

// ---------------------------------------------------------------------------
// Benchmarks.

enum class Variant { kEngine, kEngineEvidence, kHand };

// Loads graph `kKey` outside the benchmark function (so that a profiler
// toggled on RunCase sees only the timed loop).
template <int kKey>
void SetUpGraph(const benchmark::State&) {
  Graph(kKey);
}

using SetUpFn = void (*)(const benchmark::State&);

SetUpFn SetUpFor(int key) {
  switch (key) {
    case 0:
      return SetUpGraph<0>;
    case 1:
      return SetUpGraph<1>;
    case 2:
      return SetUpGraph<2>;
    default:
      return SetUpGraph<kCorpus>;
  }
}

void RunCase(benchmark::State& state, int key, size_t case_index,
             Variant variant) {
  Loaded* loaded = Graph(key);
  if (loaded == nullptr) {
    state.SkipWithError(
        ("no corpus at " + bench::SharedDir() + "/corpus (set MSKG_SHARED)").c_str());
    return;
  }
  const Case& c = loaded->cases[case_index];
  size_t rows = 0;
  if (variant == Variant::kHand) {
    const GraphView& view = *loaded->view;
    for (auto _ : state) {
      Rows result = c.hand(view, Edges{});
      rows = result.size();
      benchmark::DoNotOptimize(result.data());
    }
  } else {
    const query::PreparedQuery& prepared = loaded->prepared[case_index];
    query::QueryOptions options = c.options;
    options.collect_evidence = variant == Variant::kEngineEvidence;
    for (auto _ : state) {
      absl::StatusOr<query::ResultTable> table = prepared.Execute(options);
      if (!table.ok()) {
        state.SkipWithError(std::string(table.status().message()).c_str());
        return;
      }
      rows = table->rows.size();
      benchmark::DoNotOptimize(table->rows.data());
    }
  }
  state.counters["rows"] = static_cast<double>(rows);
}

double MinOf(const std::vector<double>& v) {
  return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

void Register(const std::string& label, int key,
              const std::vector<Case>& cases) {
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    std::vector<std::pair<std::string, Variant>> variants = {
        {"engine", Variant::kEngine}};
    if (c.evidence_variant) {
      variants.push_back({"engine_evidence", Variant::kEngineEvidence});
    }
    variants.push_back({"hand", Variant::kHand});
    for (const auto& [suffix, variant] : variants) {
      benchmark::RegisterBenchmark(
          absl::StrCat(label, "/", c.name, "/", suffix).c_str(),
          [key, i, variant = variant](benchmark::State& state) {
            RunCase(state, key, i, variant);
          })
          ->Setup(SetUpFor(key))
          ->Unit(benchmark::kMicrosecond)
          ->ComputeStatistics("min", MinOf);
    }
  }
}

}  // namespace
}  // namespace mskg

int main(int argc, char** argv) {
  // Defaults for repetitions and aggregates, unless given.
  std::vector<char*> args(argv, argv + argc);
  bool has_repetitions = false, has_aggregates = false;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    has_repetitions |= absl::StartsWith(arg, "--benchmark_repetitions");
    has_aggregates |= absl::StartsWith(arg, "--benchmark_report_aggregates");
  }
  std::string repetitions = "--benchmark_repetitions=5";
  std::string aggregates = "--benchmark_report_aggregates_only=true";
  if (!has_repetitions) args.insert(args.begin() + 1, repetitions.data());
  if (!has_aggregates) args.insert(args.begin() + 1, aggregates.data());
  int args_count = static_cast<int>(args.size());
  args.push_back(nullptr);

  for (int i = 0; i < 3; ++i) {
    mskg::Register(absl::StrCat("g", mskg::kSizes[i]), i,
                   mskg::BenchmarkCases(i));
  }
  mskg::Register("corpus", mskg::kCorpus, mskg::FlagshipCases());

  benchmark::Initialize(&args_count, args.data());
  if (benchmark::ReportUnrecognizedArguments(args_count, args.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  mskg::RemoveStores();
  return 0;
}
