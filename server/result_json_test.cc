// Tests of the API's result JSON (result_json.h): values (non-finite
// floats as text), parameters read back from JSON (objects refused by
// name), provenance, evidence with its premises, and a table page from an
// offset with and without evidence.
#include "server/result_json.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "query/query_engine.h"
#include "query/value.h"
#include "schema/graph.pb.h"

namespace mskg::server {
namespace {

using query::Value;
using ::testing::HasSubstr;

TEST(ResultJsonTest, ValueJsonOfEachKind) {
  EXPECT_TRUE(ValueJson(Value()).is_null());
  EXPECT_EQ(ValueJson(Value(true)), true);
  EXPECT_EQ(ValueJson(Value(int64_t{-42})), -42);
  EXPECT_EQ(ValueJson(Value(0.25)), 0.25);
  EXPECT_EQ(ValueJson(Value("psoas major")), "psoas major");
  EXPECT_EQ(DumpJson(ValueJson(Value(std::vector<Value>{
                Value(1), Value("a"), Value(std::vector<Value>{}), Value()}))),
            R"([1,"a",[],null])");
  const int64_t max = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(ValueJson(Value(max)).get<int64_t>(), max);
}

TEST(ResultJsonTest, NonFiniteDoublesBecomeText) {
  const Json nan = ValueJson(Value(std::nan("")));
  const Json inf = ValueJson(Value(std::numeric_limits<double>::infinity()));
  ASSERT_TRUE(nan.is_string());
  ASSERT_TRUE(inf.is_string());
  EXPECT_EQ(nan, Value(std::nan("")).ToString());
  EXPECT_EQ(inf, Value(std::numeric_limits<double>::infinity()).ToString());
  // So the dump is JSON a client can parse.
  EXPECT_NO_THROW(Json::parse(DumpJson(Json::array({nan, inf}))));
}

TEST(ResultJsonTest, ParamValueOfEachKind) {
  const Json json = Json::parse(
      R"({"n": null, "b": false, "i": -7, "d": 1.5, "s": "QL",
          "l": [1, "two", [3.5, null]]})");
  EXPECT_EQ(*ParamValue("n", json["n"]), Value());
  EXPECT_EQ(*ParamValue("b", json["b"]), Value(false));
  EXPECT_EQ(*ParamValue("i", json["i"]), Value(int64_t{-7}));
  EXPECT_EQ(*ParamValue("d", json["d"]), Value(1.5));
  EXPECT_EQ(*ParamValue("s", json["s"]), Value("QL"));
  EXPECT_EQ(*ParamValue("l", json["l"]),
            Value(std::vector<Value>{
                Value(1), Value("two"),
                Value(std::vector<Value>{Value(3.5), Value()})}));
  // An integer stays an integer, a float a float.
  EXPECT_TRUE(ParamValue("x", Json::parse("3"))->is_int());
  EXPECT_TRUE(ParamValue("x", Json::parse("3.0"))->is_double());
  EXPECT_EQ(*ParamValue("x", Json::parse("9223372036854775807")),
            Value(std::numeric_limits<int64_t>::max()));
}

TEST(ResultJsonTest, ParamValueRefusesObjectsByName) {
  absl::StatusOr<Value> object =
      ParamValue("names", Json::parse(R"({"a": 1})"));
  EXPECT_EQ(object.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(object.status().message(), HasSubstr("parameter 'names'"));
  // Also inside a list.
  absl::StatusOr<Value> nested =
      ParamValue("names", Json::parse(R"([1, [{"a": 1}]])"));
  EXPECT_EQ(nested.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(nested.status().message(), HasSubstr("parameter 'names'"));
}

// Regression: an integer past int64 (nlohmann's unsigned numbers) wrapped:
// 18446744073709551615 became -1.
TEST(ResultJsonTest, ParamValueRefusesIntegersPastInt64) {
  for (const char* text : {"18446744073709551615", "9223372036854775808",
                           "[1, 18446744073709551615]"}) {
    absl::StatusOr<Value> value = ParamValue("n", Json::parse(text));
    ASSERT_FALSE(value.ok()) << text << " read as " << value->ToString();
    EXPECT_EQ(value.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(value.status().message(), HasSubstr("parameter 'n'"));
  }
}

schema::Provenance Sentence(const std::string& doc, uint32_t begin,
                            uint32_t end) {
  schema::Provenance p;
  p.set_document_id(doc);
  p.set_begin(begin);
  p.set_end(end);
  p.set_sentence("The psoas major flexes the hip.");
  p.set_rule("svo");
  p.set_confidence(0.5f);
  p.set_polarity(schema::AFFIRMED);
  return p;
}

TEST(ResultJsonTest, ProvenanceJsonHasEveryField) {
  schema::Provenance p = Sentence("anatomy.md", 10, 41);
  p.set_hedged(true);
  EXPECT_EQ(ProvenanceJson(p), Json::parse(R"({
      "document": "anatomy.md", "begin": 10, "end": 41,
      "sentence": "The psoas major flexes the hip.", "rule": "svo",
      "confidence": 0.5, "negated": false, "hedged": true})"));
  p.set_polarity(schema::NEGATED);
  EXPECT_EQ(ProvenanceJson(p)["negated"], true);
  // Unspecified polarity reads as affirmed.
  p.set_polarity(schema::POLARITY_UNSPECIFIED);
  EXPECT_EQ(ProvenanceJson(p)["negated"], false);
}

query::EdgeEvidence Asserted(const std::string& source,
                             const std::string& target) {
  query::EdgeEvidence edge;
  edge.source = source;
  edge.relation = "PART_OF";
  edge.target = target;
  edge.support = {Sentence("anatomy.md", 0, 31)};
  return edge;
}

TEST(ResultJsonTest, EvidenceJsonOfAssertedAndInferredEdges) {
  const Json asserted = EvidenceJson(Asserted("psoas major", "hip flexors"));
  EXPECT_EQ(asserted["source"], "psoas major");
  EXPECT_EQ(asserted["relation"], "PART_OF");
  EXPECT_EQ(asserted["target"], "hip flexors");
  EXPECT_EQ(asserted["inferred"], false);
  EXPECT_EQ(asserted["negated"], false);
  EXPECT_TRUE(asserted["rule"].is_null());  // Only inferred edges have one.
  ASSERT_EQ(asserted["support"].size(), 1u);
  EXPECT_EQ(asserted["support"][0]["document"], "anatomy.md");
  EXPECT_EQ(asserted["premises"], Json::array());

  query::EdgeEvidence inferred;
  inferred.source = "psoas major";
  inferred.relation = "ANTAGONIST_OF";
  inferred.target = "gluteal muscles";
  inferred.inferred = true;
  inferred.rule = "part_of_antagonist";
  inferred.premises = {Asserted("psoas major", "hip flexors"),
                       Asserted("hip flexors", "gluteal muscles")};
  inferred.premises[1].relation = "ANTAGONIST_OF";
  const Json json = EvidenceJson(inferred);
  EXPECT_EQ(json["inferred"], true);
  EXPECT_EQ(json["rule"], "part_of_antagonist");
  EXPECT_EQ(json["support"], Json::array());
  ASSERT_EQ(json["premises"].size(), 2u);
  EXPECT_EQ(json["premises"][1]["relation"], "ANTAGONIST_OF");
  EXPECT_EQ(json["premises"][1]["support"][0]["rule"], "svo");
}

query::ResultTable ThreeRows() {
  query::ResultTable table;
  table.columns = {"m", "n"};
  for (int i = 0; i < 3; ++i) {
    query::ResultRow row;
    row.values = {Value(std::string("muscle ") + std::to_string(i)), Value(i)};
    row.evidence = {Asserted("muscle " + std::to_string(i), "hip flexors")};
    table.rows.push_back(std::move(row));
  }
  return table;
}

TEST(ResultJsonTest, TableJsonFromAnOffset) {
  query::ResultTable table = ThreeRows();
  table.truncated = true;
  table.notices = {"1:8: unknown label"};
  const Json json = TableJson(table, 1, false);
  EXPECT_EQ(json["columns"], Json::parse(R"(["m", "n"])"));
  EXPECT_EQ(json["rows"], Json::parse(R"([["muscle 1", 1], ["muscle 2", 2]])"));
  EXPECT_EQ(json["truncated"], true);
  EXPECT_EQ(json["notices"], Json::parse(R"(["1:8: unknown label"])"));
  EXPECT_TRUE(json["evidence"].is_null());
  EXPECT_TRUE(json["plan"].is_null());
}

TEST(ResultJsonTest, TableJsonWithEvidenceHasOneArrayPerRow) {
  const Json json = TableJson(ThreeRows(), 0, true);
  ASSERT_EQ(json["rows"].size(), 3u);
  ASSERT_EQ(json["evidence"].size(), 3u);
  EXPECT_EQ(json["evidence"][2][0]["source"], "muscle 2");
  EXPECT_EQ(json["truncated"], false);
}

TEST(ResultJsonTest, TableJsonPastTheEndAndWithAPlan) {
  query::ResultTable table = ThreeRows();
  table.plan = "Projection\n  NodeScan";
  const Json json = TableJson(table, 3, true);
  EXPECT_EQ(json["rows"], Json::array());
  EXPECT_EQ(json["evidence"], Json::array());
  EXPECT_EQ(json["plan"], "Projection\n  NodeScan");
  EXPECT_EQ(TableJson(table, 100, false)["rows"], Json::array());
  EXPECT_EQ(TableJson(query::ResultTable(), 0, false)["columns"],
            Json::array());
}

}  // namespace
}  // namespace mskg::server
