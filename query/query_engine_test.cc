#include "query/query_engine.h"

#include <set>
#include <string>

#include "absl/status/status.h"
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

}  // namespace
}  // namespace mskg::query
