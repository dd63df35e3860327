// query/ask.h
//
// Ask: answers a small set of plain-English questions ("muscles opposing a
// tight psoas", "causes shared by QL spasm and psoas spasm", "how is X
// treated", ...) by matching them against fixed templates and compiling
// them to the query language. Entity phrases resolve through the graph's
// names and aliases (GraphView::Lookup); state words ("tight", "weak") are
// dropped where the template is about muscles, and "<muscle> spasm" /
// "tight <muscle>" composites are tried as Condition names ("QL spasm" ->
// quadratus lumborum spasm). The compiled query takes the resolved names as
// parameters ($x, $y), so each template is planned once per engine.
//
// Thread-safety: the functions only read the engine and its view.
#ifndef MSKG_QUERY_ASK_H_
#define MSKG_QUERY_ASK_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "query/query_engine.h"
#include "query/value.h"

namespace mskg::graph {
class GraphView;
}  // namespace mskg::graph

namespace mskg::query {

// A question compiled to the query language.
struct CompiledQuestion {
  std::string template_name;  // "antagonists", "shared_causes", ...
  std::string cypher;         // Uses $x (and $y).
  absl::flat_hash_map<std::string, Value> params;  // The resolved names.
};

struct AskResult {
  std::string template_name;
  std::string cypher;  // The query that ran.
  absl::flat_hash_map<std::string, Value> params;
  ResultTable table;
};

// Returns the question forms Ask understands, one per template, with X and
// Y standing for names ("muscles opposing X").
std::vector<std::string> AskTemplates();

// Compiles `question` against the names of `view`. InvalidArgument (listing
// AskTemplates()) if no template matches; NotFound if a name in it is not in
// the graph.
absl::StatusOr<CompiledQuestion> CompileQuestion(const graph::GraphView& view,
                                                 absl::string_view question);

// Compiles `question` and runs it on `engine` with `options` (whose params
// are joined by the question's). Errors as CompileQuestion and
// QueryEngine::Run.
absl::StatusOr<AskResult> Ask(const QueryEngine& engine,
                              absl::string_view question,
                              const QueryOptions& options = {});

}  // namespace mskg::query

#endif  // MSKG_QUERY_ASK_H_
