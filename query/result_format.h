// query/result_format.h
//
// Renderings of a ResultTable: an aligned text table, TSV, JSON, and the
// `--why` explanation (each row's edges with their source sentences; for
// inferred edges the rule and the premise chain, indented).
#ifndef MSKG_QUERY_RESULT_FORMAT_H_
#define MSKG_QUERY_RESULT_FORMAT_H_

#include <string>

#include "query/query_engine.h"

namespace mskg::query {

// Returns the table with a header, a rule line and aligned columns, then
// "(N rows)" and "(truncated)" and any notices.
std::string FormatTable(const ResultTable& table);

// Returns tab-separated values: a header line, then one line per row; tabs
// and newlines inside values become spaces.
std::string FormatTsv(const ResultTable& table);

// Returns {"columns": [...], "rows": [{column: value, ...}, ...],
// "truncated": bool}; with `with_evidence`, each row object also has an
// "evidence" array of edges (source, relation, target, inferred, rule,
// support [{document, sentence, begin, end}], premises).
std::string FormatJson(const ResultTable& table, bool with_evidence = false);

// Returns, for each row, the row's values and then each supporting edge
// with "document: sentence" lines; inferred edges show their rule and their
// premises, indented.
std::string FormatWhy(const ResultTable& table);

}  // namespace mskg::query

#endif  // MSKG_QUERY_RESULT_FORMAT_H_
