#include "query/query_engine.h"

#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_view.h"
#include "gtest/gtest.h"
#include "query/result_format.h"
#include "query/test_graph.h"

namespace mskg::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class QueryEngineTest : public ::testing::Test {
 protected:
  QueryEngineTest() : engine_(testing::MakeTestGraph()) {}

  ResultTable MustRun(absl::string_view q, const QueryOptions& o = {}) {
    auto r = engine_.Run(q, o);
    EXPECT_TRUE(r.ok()) << r.status() << "\n" << FormatQueryError(q, r.status());
    return r.ok() ? *std::move(r) : ResultTable();
  }

  // Returns column 0 of each row as strings.
  std::vector<std::string> Column(absl::string_view q, const QueryOptions& o = {}) {
    std::vector<std::string> out;
    for (const ResultRow& row : MustRun(q, o).rows) out.push_back(row.values[0].ToString());
    return out;
  }

  QueryEngine engine_;
};

TEST_F(QueryEngineTest, AntagonistsIncludeInferredEdgeWithEvidence) {
  ResultTable t = MustRun(
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas major'}) "
      "RETURN DISTINCT m.name");
  ASSERT_EQ(t.columns, std::vector<std::string>{"m.name"});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0].ToString(), "gluteal muscles");
  ASSERT_EQ(t.rows[0].evidence.size(), 1u);
  const EdgeEvidence& e = t.rows[0].evidence[0];
  EXPECT_TRUE(e.inferred);
  EXPECT_EQ(e.rule, "part_of_antagonist");
  EXPECT_EQ(e.source, "psoas major");
  EXPECT_EQ(e.target, "gluteal muscles");
  ASSERT_EQ(e.premises.size(), 2u);
  EXPECT_EQ(e.premises[0].support[0].sentence(), "The psoas major is a hip flexor.");
  EXPECT_EQ(e.premises[1].support[0].document_id(), "balance.md");
  const std::string why = FormatWhy(t);
  EXPECT_THAT(why, HasSubstr("inferred by part_of_antagonist"));
  EXPECT_THAT(why, HasSubstr("balance.md: The hip flexors oppose the gluteal muscles."));
  EXPECT_THAT(FormatJson(t, true), HasSubstr("\"premises\":[{"));
}

TEST_F(QueryEngineTest, CausesOfBothSpasmsIsAnIntersection) {
  EXPECT_THAT(Column("MATCH (c)-[:CAUSES]->(:Condition {name: 'quadratus lumborum spasm'}), "
                     "(c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) "
                     "RETURN DISTINCT c.name"),
              ElementsAre("prolonged sitting"));
  // The alias names the same node.
  EXPECT_THAT(Column("MATCH (c)-[:CAUSES]->(:Condition {name: 'QL spasm'}) "
                     "RETURN c.name ORDER BY c.name"),
              ElementsAre("poor posture", "prolonged sitting"));
}

TEST_F(QueryEngineTest, NegatedEdgesExcludedUnlessAsked) {
  const char* q = "MATCH (c:Cause)-[:CAUSES]->(:Condition {name: 'QL spasm'}) RETURN c.name";
  EXPECT_THAT(Column(q), UnorderedElementsAre("poor posture", "prolonged sitting"));
  QueryOptions o;
  o.include_negated = true;
  EXPECT_THAT(Column(q, o),
              UnorderedElementsAre("poor posture", "prolonged sitting", "dehydration"));
}

TEST_F(QueryEngineTest, InferredEdgesExcludedWhenAsked) {
  const char* q =
      "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas major'}) "
      "RETURN DISTINCT m.name";
  EXPECT_THAT(Column(q), ElementsAre("gluteal muscles"));
  QueryOptions asserted;
  asserted.include_inferred = false;
  EXPECT_THAT(Column(q, asserted), ElementsAre());
  // Variable length, by breadth-first search and by path enumeration.
  const char* reach =
      "MATCH (:Muscle {name: 'psoas major'})-[*1..2]->(x) RETURN DISTINCT x.name";
  EXPECT_THAT(Column(reach),
              UnorderedElementsAre("hip flexors", "gluteal muscles", "hip joint"));
  EXPECT_THAT(Column(reach, asserted),
              UnorderedElementsAre("hip flexors", "gluteal muscles", "hip joint"));
  const char* one_hop =
      "MATCH (:Muscle {name: 'psoas major'})-[*1..1]->(x) RETURN DISTINCT x.name";
  EXPECT_THAT(Column(one_hop, asserted), UnorderedElementsAre("hip flexors", "hip joint"));
  const char* paths =
      "MATCH (:Muscle {name: 'psoas major'})-[r*1..1]->(x) RETURN x.name, size(r)";
  EXPECT_THAT(Column(paths, asserted), UnorderedElementsAre("hip flexors", "hip joint"));
  EXPECT_THAT(Column(paths),
              UnorderedElementsAre("hip flexors", "hip joint", "gluteal muscles"));
}

TEST_F(QueryEngineTest, EndNodesOfVariableLengthAreFoundBreadthFirst) {
  auto prepared = engine_.Prepare(
      "MATCH (:Muscle {name: 'iliacus'})-[*1..3]->(x) RETURN DISTINCT x.name");
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  EXPECT_THAT(prepared->Explain(), HasSubstr("(end nodes, BFS)"));
  // A relationship variable that is read keeps the path enumeration.
  prepared = engine_.Prepare(
      "MATCH (:Muscle {name: 'iliacus'})-[r*1..3]->(x) RETURN DISTINCT x.name, size(r)");
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  EXPECT_THAT(prepared->Explain(), ::testing::Not(HasSubstr("BFS")));
  // With evidence, one shortest path per end node.
  ResultTable t = MustRun(
      "MATCH (:Muscle {name: 'iliacus'})-[*1..3]->(x {name: 'gluteal muscles'}) "
      "RETURN DISTINCT x.name");
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].evidence.size(), 2u);
  EXPECT_EQ(t.rows[0].evidence[0].source, "iliacus");
  EXPECT_EQ(t.rows[0].evidence[1].target, "gluteal muscles");
}

TEST_F(QueryEngineTest, AliasAndNameKeyResolution) {
  EXPECT_THAT(Column("MATCH (m {name: 'psoas'}) RETURN m.name"), ElementsAre("psoas major"));
  EXPECT_THAT(Column("MATCH (m:Muscle) WHERE m.name = 'Glutes' RETURN m.name"),
              ElementsAre("gluteal muscles"));
  EXPECT_THAT(Column("MATCH (m {name: 'ql'}) RETURN m"), ElementsAre("quadratus lumborum"));
  EXPECT_THAT(Column("MATCH (m {name: 'Hip-Flexor'}) RETURN m.name"),
              ElementsAre("hip flexors"));
}

TEST_F(QueryEngineTest, Directions) {
  EXPECT_THAT(Column("MATCH (:Muscle {name: 'psoas'})-[:PART_OF]->(g) RETURN g.name"),
              ElementsAre("hip flexors"));
  EXPECT_THAT(Column("MATCH (g)<-[:PART_OF]-(m) WHERE g.name = 'hip flexors' "
                     "RETURN m.name ORDER BY m.name"),
              ElementsAre("iliacus", "psoas major"));
  EXPECT_THAT(Column("MATCH (g {name: 'hip flexors'})-[:PART_OF]->(m) RETURN m.name"),
              ElementsAre());
  EXPECT_THAT(Column("MATCH (g {name: 'hip flexors'})-[:PART_OF]-(m) RETURN m.name "
                     "ORDER BY m.name"),
              ElementsAre("iliacus", "psoas major"));
  EXPECT_THAT(Column("MATCH (a {name: 'hip joint'})--(b) RETURN b.name ORDER BY b.name"),
              ElementsAre("psoas major", "quadratus lumborum"));
  EXPECT_THAT(Column("MATCH (a {name: 'psoas'})-->(b) RETURN b.name ORDER BY b.name"),
              ElementsAre("gluteal muscles", "hip flexors", "hip joint"));
  EXPECT_THAT(Column("MATCH (a {name: 'psoas'})-[r:PART_OF|ATTACHES_TO]->(b) "
                     "RETURN type(r) ORDER BY type(r)"),
              ElementsAre("ATTACHES_TO", "PART_OF"));
}

TEST_F(QueryEngineTest, DistinctAliasesAndLiterals) {
  ResultTable t = MustRun(
      "MATCH (c:Cause)-[r:CAUSES]->(x) RETURN DISTINCT c.name AS cause, r.type AS rel, "
      "'k' AS k, 1 ORDER BY cause");
  EXPECT_THAT(t.columns, ElementsAre("cause", "rel", "k", "1"));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].values[0].ToString(), "dehydration");
  EXPECT_EQ(t.rows[1].values[0].ToString(), "poor posture");
  EXPECT_EQ(t.rows[2].values[0].ToString(), "prolonged sitting");
  EXPECT_EQ(t.rows[2].values[1].ToString(), "CAUSES");
  EXPECT_EQ(t.rows[2].values[3].AsInt(), 1);
  // DISTINCT merged the evidence of both matches.
  EXPECT_EQ(t.rows[2].evidence.size(), 2u);
  const std::string table = FormatTable(t);
  EXPECT_THAT(table, HasSubstr("cause             | rel"));
  EXPECT_THAT(FormatTsv(t), HasSubstr("cause\trel\tk\t1\n"));
}

// DISTINCT over names skips its value set for nodes whose name no other
// node has (NodeInfo::name_unique); names shared by several nodes must
// still merge into one row.
TEST(QueryEngineDistinctTest, NamesSharedByNodesOfTwoTypesMergeIntoOneRow) {
  graph::GraphViewBuilder builder;
  const graph::NodeIndex m = builder.AddNode(schema::MUSCLE, "gracilis");
  const graph::NodeIndex s = builder.AddNode(schema::STRUCTURE, "pubis");
  const graph::NodeIndex c = builder.AddNode(schema::CONDITION, "gracilis");
  const graph::NodeIndex t = builder.AddNode(schema::TREATMENT, "rest");
  builder.AddEdge(m, schema::ORIGINATES_FROM, s);
  builder.AddEdge(t, schema::TREATS, c);
  builder.AddEdge(c, schema::AFFECTS, m);
  QueryEngine engine(builder.Finish());
  absl::StatusOr<ResultTable> r =
      engine.Run("MATCH (x)-[*1..2]->(y) RETURN DISTINCT y.name ORDER BY y.name");
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> names;
  for (const ResultRow& row : r->rows) names.push_back(row.values[0].ToString());
  EXPECT_THAT(names, ElementsAre("gracilis", "pubis"));
  r = engine.Run("MATCH (x)-[*1..2]->(y) RETURN DISTINCT y.name, labels(y) "
                 "ORDER BY y.name");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows.size(), 3u);
}

TEST_F(QueryEngineTest, Truncation) {
  QueryOptions o;
  o.max_rows = 3;
  ResultTable t = MustRun("MATCH (n) RETURN n.name", o);
  EXPECT_EQ(t.rows.size(), 3u);
  EXPECT_TRUE(t.truncated);
  o.max_rows = 100;
  ResultTable all = MustRun("MATCH (n) RETURN n.name", o);
  EXPECT_EQ(all.rows.size(), 12u);
  EXPECT_FALSE(all.truncated);
}

TEST_F(QueryEngineTest, WhereAggregationOrderSkipLimit) {
  EXPECT_THAT(Column("MATCH (c:Cause)-[:CAUSES]->(x) WITH c, count(*) AS n "
                     "WHERE n > 1 RETURN c.name"),
              ElementsAre("prolonged sitting"));
  ResultTable t = MustRun(
      "MATCH (c:Cause)-[:CAUSES]->(x) RETURN c.name AS c, count(x) AS n, "
      "collect(x.name) AS xs ORDER BY n DESC, c LIMIT 2");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].values[0].ToString(), "prolonged sitting");
  EXPECT_EQ(t.rows[0].values[1].AsInt(), 2);
  EXPECT_EQ(t.rows[0].values[2].AsList().size(), 2u);
  EXPECT_THAT(Column("MATCH (m:Muscle) WHERE m.name STARTS WITH 'glu' OR m.name "
                     "CONTAINS 'lumb' RETURN m.name ORDER BY m.name SKIP 1"),
              ElementsAre("gluteus maximus", "quadratus lumborum"));
  EXPECT_THAT(Column("MATCH (m:Muscle) WHERE NOT (m)-[:PART_OF]->() AND "
                     "m.name IN ['hip flexors', 'quadratus lumborum', 'iliacus'] "
                     "RETURN m.name ORDER BY m.name"),
              ElementsAre("hip flexors", "quadratus lumborum"));
  ResultTable count = MustRun("MATCH (m:Nerve) RETURN count(*) AS n");
  ASSERT_EQ(count.rows.size(), 1u);
  EXPECT_EQ(count.rows[0].values[0].AsInt(), 0);
  EXPECT_THAT(Column("MATCH (m:Muscle {name: 'psoas'}) RETURN labels(m)"),
              ElementsAre("['Muscle']"));
}

TEST_F(QueryEngineTest, OptionalMatch) {
  ResultTable t = MustRun(
      "MATCH (m:Muscle) WHERE m.name IN ['iliacus', 'quadratus lumborum'] "
      "OPTIONAL MATCH (m)-[:PART_OF]->(g) RETURN m.name, g.name ORDER BY m.name");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].values[1].ToString(), "hip flexors");
  EXPECT_TRUE(t.rows[1].values[1].is_null());
}

TEST_F(QueryEngineTest, VariableLengthAndParameters) {
  EXPECT_THAT(Column("MATCH (m {name: $name})-[:PART_OF|ANTAGONIST_OF*1..2]->(x) "
                     "RETURN DISTINCT x.name ORDER BY x.name",
                     QueryOptions{{{"name", Value("iliacus")}}}),
              ElementsAre("gluteal muscles", "hip flexors"));
  QueryOptions o;
  o.max_hops = 1;
  ResultTable t = MustRun("MATCH (m {name: 'iliacus'})-[*]->(x) RETURN x.name", o);
  EXPECT_EQ(t.rows.size(), 1u);
  EXPECT_THAT(t.notices, ElementsAre(HasSubstr("bounded to 1 hops")));
  EXPECT_THAT(Column("MATCH (m {name: 'iliacus'})-[*0..1]->(x) RETURN x.name ORDER BY x.name"),
              ElementsAre("hip flexors", "iliacus"));
  auto prepared = engine_.Prepare("MATCH (m:Muscle {name: $n})-[:PART_OF]->(g) RETURN g.name");
  ASSERT_TRUE(prepared.ok()) << prepared.status();
  QueryOptions a{{{"n", Value("psoas")}}};
  QueryOptions b{{{"n", Value("gluteus maximus")}}};
  EXPECT_EQ(prepared->Execute(a)->rows[0].values[0].ToString(), "hip flexors");
  EXPECT_EQ(prepared->Execute(b)->rows[0].values[0].ToString(), "gluteal muscles");
  auto missing = prepared->Execute();
  EXPECT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("missing parameter $n"));
  // Where the parameter is written: line 1, column 24 ($n).
  EXPECT_THAT(std::string(missing.status().message()),
              ::testing::StartsWith("1:24: "));
}

TEST_F(QueryEngineTest, ExplainAndProfile) {
  ResultTable e = MustRun("EXPLAIN MATCH (m:Muscle {name: 'psoas'})-->(x) RETURN x");
  EXPECT_TRUE(e.rows.empty());
  EXPECT_THAT(e.plan, HasSubstr("NodeByName"));
  ResultTable p = MustRun("PROFILE MATCH (m:Muscle {name: 'psoas'})-->(x) RETURN x");
  EXPECT_EQ(p.rows.size(), 3u);
  EXPECT_THAT(p.plan, HasSubstr("rows=3"));
  EXPECT_THAT(p.plan, HasSubstr("time="));
}

TEST_F(QueryEngineTest, ErrorsAreFormattedWithCaret) {
  const std::string q = "MATCH (p:Muscle RETURN p";
  auto r = engine_.Run(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatQueryError(q, r.status()),
            "1:17: expected ')' to close node pattern, found 'RETURN'\n"
            "  MATCH (p:Muscle RETURN p\n"
            "                  ^");
  auto label = engine_.Run("MATCH (m:Musle)\nRETURN m");
  EXPECT_THAT(label.status().message(), HasSubstr("did you mean 'Muscle'"));
}

TEST_F(QueryEngineTest, ShortestPathWithNamedPath) {
  ResultTable t = MustRun(
      "MATCH p = shortestPath((a:Muscle {name: 'iliacus'})-[:PART_OF|ANTAGONIST_OF*..4]-"
      "(b:Muscle {name: 'gluteus maximus'})) "
      "RETURN length(p) AS n, nodes(p) AS nodes, relationships(p) AS rels");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0].AsInt(), 3);
  EXPECT_EQ(t.rows[0].values[1].ToString(),
            "['iliacus', 'hip flexors', 'gluteal muscles', 'gluteus maximus']");
  EXPECT_EQ(t.rows[0].values[2].ToString(), "['PART_OF', 'ANTAGONIST_OF', 'PART_OF']");
  // Every edge of the path is evidence.
  EXPECT_EQ(t.rows[0].evidence.size(), 3u);
  // Too short a bound: no path, no row.
  EXPECT_THAT(Column("MATCH p = shortestPath((a {name: 'iliacus'})-[*..2]-"
                     "(b {name: 'gluteus maximus'})) RETURN length(p)"),
              ElementsAre());
  // No bound: breadth-first search needs none, so there is no notice.
  ResultTable unbounded = MustRun(
      "MATCH p = shortestPath((a {name: 'iliacus'})-[*]-(b {name: 'hip joint'})) "
      "RETURN nodes(p)");
  ASSERT_EQ(unbounded.rows.size(), 1u);
  EXPECT_EQ(unbounded.rows[0].values[0].ToString(),
            "['iliacus', 'hip flexors', 'psoas major', 'hip joint']");
  EXPECT_TRUE(unbounded.notices.empty());
}

TEST_F(QueryEngineTest, ShortestPathDirectionsAndRelationshipVariable) {
  EXPECT_THAT(Column("MATCH p = shortestPath((a {name: 'iliacus'})-[*..3]->"
                     "(b {name: 'gluteal muscles'})) RETURN nodes(p)"),
              ElementsAre("['iliacus', 'hip flexors', 'gluteal muscles']"));
  // Written right to left, the path still starts at its left node.
  EXPECT_THAT(Column("MATCH p = shortestPath((g {name: 'gluteal muscles'})<-[*..3]-"
                     "(i {name: 'iliacus'})) RETURN nodes(p)"),
              ElementsAre("['gluteal muscles', 'hip flexors', 'iliacus']"));
  // Against the edges' direction there is no path.
  EXPECT_THAT(Column("MATCH p = shortestPath((g {name: 'gluteal muscles'})-[*..3]->"
                     "(i {name: 'iliacus'})) RETURN nodes(p)"),
              ElementsAre());
  // A relationship variable holds the list of edges; no path variable needed.
  EXPECT_THAT(Column("MATCH shortestPath((a {name: 'gluteus maximus'})-[r*..3]-"
                     "(b {name: 'hip flexors'})) RETURN size(r)"),
              ElementsAre("2"));
  // Between one node and itself: the zero-length path only with *0..
  EXPECT_THAT(Column("MATCH p = shortestPath((a {name: 'iliacus'})-[*0..2]-"
                     "(b {name: 'iliacus'})) RETURN length(p)"),
              ElementsAre("0"));
  EXPECT_THAT(Column("MATCH p = shortestPath((a {name: 'iliacus'})-[*..2]-"
                     "(b {name: 'iliacus'})) RETURN length(p)"),
              ElementsAre());
  // Ends bound by earlier clauses and many pairs, with WHERE on the path.
  EXPECT_THAT(Column("MATCH (a:Muscle {name: 'psoas'}) MATCH (b:Muscle) "
                     "MATCH p = shortestPath((a)-[:PART_OF|ANTAGONIST_OF*..3]-(b)) "
                     "WHERE length(p) >= 2 RETURN b.name ORDER BY b.name"),
              ElementsAre("gluteus maximus", "iliacus"));
  ResultTable plan = MustRun(
      "EXPLAIN MATCH p = allShortestPaths((a {name: 'psoas'})-[*..3]-(b {name: 'QL'})) "
      "RETURN p");
  EXPECT_THAT(plan.plan, HasSubstr("AllShortestPaths"));
  EXPECT_THAT(plan.plan, HasSubstr("NamedPath"));
}

TEST_F(QueryEngineTest, NamedPathsOfOrdinaryPatterns) {
  EXPECT_THAT(Column("MATCH p = (m {name: 'gluteus maximus'})-[:PART_OF]->(g)"
                     "<-[:ANTAGONIST_OF]-(x) RETURN nodes(p)"),
              UnorderedElementsAre("['gluteus maximus', 'gluteal muscles', 'hip flexors']",
                          "['gluteus maximus', 'gluteal muscles', 'psoas major']"));
  // The planner expands from the named end, right to left; the path and
  // the relationship list still read left to right.
  EXPECT_THAT(Column("MATCH p = (x)-[r:PART_OF|ANTAGONIST_OF*1..2]->(g {name: 'gluteal muscles'}) "
                     "WHERE x.name = 'iliacus' RETURN nodes(p)"),
              ElementsAre("['iliacus', 'hip flexors', 'gluteal muscles']"));
  ResultTable t = MustRun(
      "MATCH (m {name: 'iliacus'}) OPTIONAL MATCH p = (m)-[:STABILIZES]->(x) "
      "RETURN m.name, p, length(p)");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_TRUE(t.rows[0].values[1].is_null());
  EXPECT_TRUE(t.rows[0].values[2].is_null());
  // A path passes through WITH.
  EXPECT_THAT(Column("MATCH p = (:Muscle {name: 'QL'})-[:STABILIZES]->() WITH p "
                     "RETURN relationships(p)"),
              ElementsAre("['STABILIZES']"));
}

TEST_F(QueryEngineTest, ShortestPathErrors) {
  auto two = engine_.Run("MATCH p = shortestPath((a)-[*]-(b)-[*]-(c)) RETURN p");
  EXPECT_EQ(two.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(two.status().message(), HasSubstr("exactly one relationship"));
  auto low = engine_.Run(
      "MATCH p = shortestPath((a {name: 'psoas'})-[*2..3]-(b {name: 'QL'})) RETURN p");
  EXPECT_EQ(low.status().code(), absl::StatusCode::kUnimplemented);
  auto kind = engine_.Run("MATCH (a)-[r]->(b) RETURN nodes(r)");
  EXPECT_THAT(kind.status().message(), HasSubstr("nodes() of a relationship"));
  auto prop = engine_.Run("MATCH p = (a)-->(b) RETURN p.name");
  EXPECT_THAT(prop.status().message(), HasSubstr("property 'name' of a path"));
  auto twice = engine_.Run("MATCH p = (a)-->(b), p = (c)-->(d) RETURN p");
  EXPECT_THAT(twice.status().message(), HasSubstr("defined already"));
  auto unclosed = engine_.Run("MATCH p = shortestPath((a)-[*]-(b) RETURN p");
  EXPECT_THAT(unclosed.status().message(), HasSubstr("to close shortestPath("));
}

TEST_F(QueryEngineTest, PlanCacheIsHitForTheSameText) {
  QueryEngine engine(testing::MakeTestGraph(), QueryEngineOptions{2});
  const char* q = "MATCH (m:Muscle {name: $n})-[:PART_OF]->(g) RETURN g.name";
  auto a = engine.Run(q, QueryOptions{{{"n", Value("psoas")}}});
  auto b = engine.Run(q, QueryOptions{{{"n", Value("gluteus maximus")}}});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->rows[0].values[0].ToString(), "hip flexors");
  EXPECT_EQ(b->rows[0].values[0].ToString(), "gluteal muscles");
  PlanCacheStats s = engine.plan_cache_stats();
  EXPECT_EQ(s.misses, 1u);
  EXPECT_EQ(s.hits, 1u);
  EXPECT_EQ(s.size, 1u);
  // Prepare shares the cache; copies of the engine too.
  QueryEngine copy = engine;
  ASSERT_TRUE(copy.Prepare(q).ok());
  EXPECT_EQ(engine.plan_cache_stats().hits, 2u);
  // Errors are not cached; the cache stays within its capacity.
  EXPECT_FALSE(engine.Run("MATCH (m:Musle) RETURN m").ok());
  EXPECT_FALSE(engine.Run("MATCH (m:Musle) RETURN m").ok());
  ASSERT_TRUE(engine.Run("MATCH (m) RETURN count(m)").ok());
  ASSERT_TRUE(engine.Run("MATCH (m:Muscle) RETURN count(m)").ok());
  s = engine.plan_cache_stats();
  EXPECT_EQ(s.size, 2u);
  EXPECT_EQ(s.evictions, 1u);
  EXPECT_EQ(s.misses, 5u);
  EXPECT_EQ(s.capacity, 2u);
}

// Bad input is bounded or refused, and says so.
TEST_F(QueryEngineTest, UnboundedVariableLengthIsBoundedWithNotice) {
  ResultTable t = MustRun("MATCH (m {name: 'iliacus'})-[*]-(x) RETURN DISTINCT x.name");
  EXPECT_THAT(t.notices, ElementsAre(HasSubstr("bounded to 8 hops")));
  EXPECT_THAT(FormatTable(t), HasSubstr("bounded to 8 hops"));
  // A bound within max_hops gives no notice.
  EXPECT_TRUE(MustRun("MATCH (m {name: 'iliacus'})-[*..3]-(x) RETURN x.name").notices.empty());
}

TEST(QueryEngineLargeTest, CrossProductOverTheWholeGraphIsRefused) {
  graph::GraphViewBuilder b;
  for (int i = 0; i < 200; ++i) b.AddNode(schema::MUSCLE, absl::StrCat("muscle ", i));
  QueryEngine engine(b.Finish());
  auto r = engine.Run("MATCH (a), (b), (c) RETURN count(*)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("cartesian product"));
  // Naming a node anchors the pattern; the product is then small.
  EXPECT_TRUE(engine.Run("MATCH (a {name: 'muscle 1'}), (b), (c {name: 'muscle 2'}) "
                         "RETURN count(*)").ok());
}

TEST_F(QueryEngineTest, RowLimitTruncatesWithNotice) {
  QueryOptions o;
  o.max_rows = 2;
  ResultTable t = MustRun("MATCH (m:Muscle) RETURN m.name ORDER BY m.name", o);
  EXPECT_EQ(t.rows.size(), 2u);
  EXPECT_TRUE(t.truncated);
  EXPECT_THAT(FormatTable(t), HasSubstr("truncated"));
  EXPECT_THAT(FormatJson(t), HasSubstr("\"truncated\":true"));
}

}  // namespace
}  // namespace mskg::query
