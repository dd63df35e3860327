#include "query/result_format.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace mskg::query {
namespace {

std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", c);
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

std::string JsonValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.AsBool() ? "true" : "false";
    case Value::Kind::kInt: return absl::StrCat(v.AsInt());
    case Value::Kind::kDouble: return absl::StrCat(v.AsDouble());
    case Value::Kind::kList: {
      std::vector<std::string> parts;
      for (const Value& x : v.AsList()) parts.push_back(JsonValue(x));
      return absl::StrCat("[", absl::StrJoin(parts, ","), "]");
    }
    default: return JsonString(v.ToString());
  }
}

std::string JsonEvidence(const EdgeEvidence& e) {
  std::vector<std::string> support;
  for (const auto& p : e.support) {
    support.push_back(absl::StrCat(
        "{\"document\":", JsonString(p.document_id()), ",\"sentence\":",
        JsonString(p.sentence()), ",\"begin\":", p.begin(), ",\"end\":", p.end(),
        ",\"negated\":", p.polarity() == schema::NEGATED ? "true" : "false",
        ",\"hedged\":", p.hedged() ? "true" : "false", "}"));
  }
  std::vector<std::string> premises;
  for (const auto& p : e.premises) premises.push_back(JsonEvidence(p));
  return absl::StrCat("{\"source\":", JsonString(e.source), ",\"relation\":",
                      JsonString(e.relation), ",\"target\":", JsonString(e.target),
                      ",\"inferred\":", e.inferred ? "true" : "false",
                      ",\"rule\":", JsonString(e.rule), ",\"support\":[",
                      absl::StrJoin(support, ","), "],\"premises\":[",
                      absl::StrJoin(premises, ","), "]}");
}

std::string Flat(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

void WhyEdge(const EdgeEvidence& e, int depth, std::string* out) {
  const std::string pad(2 + depth * 4, ' ');
  absl::StrAppend(out, pad, e.source, " -[", e.relation, "]-> ", e.target);
  if (e.negated) absl::StrAppend(out, " (denied)");
  if (e.inferred) absl::StrAppend(out, "  [inferred by ", e.rule, "]");
  absl::StrAppend(out, "\n");
  for (const auto& p : e.support) {
    absl::StrAppend(out, pad, "  ", p.document_id(), ": ", Flat(p.sentence()), "\n");
  }
  for (const auto& p : e.premises) WhyEdge(p, depth + 1, out);
}

}  // namespace

std::string FormatTable(const ResultTable& table) {
  const size_t n = table.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(n, 0);
  for (size_t c = 0; c < n; ++c) width[c] = table.columns[c].size();
  for (const ResultRow& row : table.rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < n && c < row.values.size(); ++c) {
      line.push_back(Flat(row.values[c].ToString()));
      width[c] = std::max(width[c], line.back().size());
    }
    cells.push_back(std::move(line));
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t c = 0; c < line.size(); ++c) {
      if (c > 0) text += " | ";
      text += line[c];
      if (c + 1 < line.size()) text.append(width[c] - line[c].size(), ' ');
    }
    absl::StrAppend(&out, text, "\n");
  };
  emit(table.columns);
  std::vector<std::string> rule;
  for (size_t c = 0; c < n; ++c) rule.push_back(std::string(width[c], '-'));
  std::string rule_text = absl::StrJoin(rule, "-+-");
  absl::StrAppend(&out, rule_text, "\n");
  for (const auto& line : cells) emit(line);
  absl::StrAppend(&out, "(", table.rows.size(), table.rows.size() == 1 ? " row" : " rows",
                  table.truncated ? ", truncated" : "", ")\n");
  for (const std::string& note : table.notices) absl::StrAppend(&out, "note: ", note, "\n");
  if (!table.plan.empty()) absl::StrAppend(&out, table.plan);
  return out;
}

std::string FormatTsv(const ResultTable& table) {
  std::string out;
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(Flat(c));
  absl::StrAppend(&out, absl::StrJoin(header, "\t"), "\n");
  for (const ResultRow& row : table.rows) {
    std::vector<std::string> cells;
    for (const Value& v : row.values) cells.push_back(Flat(v.ToString()));
    absl::StrAppend(&out, absl::StrJoin(cells, "\t"), "\n");
  }
  return out;
}

std::string FormatJson(const ResultTable& table, bool with_evidence) {
  std::vector<std::string> columns;
  for (const auto& c : table.columns) columns.push_back(JsonString(c));
  std::vector<std::string> rows;
  for (const ResultRow& row : table.rows) {
    std::vector<std::string> fields;
    for (size_t c = 0; c < table.columns.size() && c < row.values.size(); ++c) {
      fields.push_back(absl::StrCat(JsonString(table.columns[c]), ":",
                                    JsonValue(row.values[c])));
    }
    if (with_evidence) {
      std::vector<std::string> ev;
      for (const auto& e : row.evidence) ev.push_back(JsonEvidence(e));
      fields.push_back(absl::StrCat("\"evidence\":[", absl::StrJoin(ev, ","), "]"));
    }
    rows.push_back(absl::StrCat("{", absl::StrJoin(fields, ","), "}"));
  }
  std::vector<std::string> notices;
  for (const auto& n : table.notices) notices.push_back(JsonString(n));
  return absl::StrCat("{\"columns\":[", absl::StrJoin(columns, ","), "],\"rows\":[",
                      absl::StrJoin(rows, ","), "],\"truncated\":",
                      table.truncated ? "true" : "false", ",\"notices\":[",
                      absl::StrJoin(notices, ","), "]}\n");
}

std::string FormatWhy(const ResultTable& table) {
  std::string out;
  for (const ResultRow& row : table.rows) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < table.columns.size() && c < row.values.size(); ++c) {
      cells.push_back(absl::StrCat(table.columns[c], " = ", row.values[c].ToString()));
    }
    absl::StrAppend(&out, absl::StrJoin(cells, ", "), "\n");
    if (row.evidence.empty()) absl::StrAppend(&out, "  (no edges matched)\n");
    for (const auto& e : row.evidence) WhyEdge(e, 0, &out);
  }
  if (table.truncated) absl::StrAppend(&out, "(truncated)\n");
  return out;
}

}  // namespace mskg::query
