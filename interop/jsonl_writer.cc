// interop/jsonl_writer.cc: nodes and edges as JSON Lines.
#include "interop/jsonl_writer.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "interop/text_escape.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

void AppendBool(bool value, std::string* out) {
  out->append(value ? "true" : "false");
}

void AppendProvenance(const schema::Provenance& p, std::string* out) {
  out->append("{\"document\":");
  AppendJsonString(p.document_id(), out);
  absl::StrAppend(out, ",\"begin\":", p.begin(), ",\"end\":", p.end(),
                  ",\"sentence\":");
  AppendJsonString(p.sentence(), out);
  out->append(",\"rule\":");
  AppendJsonString(p.rule(), out);
  out->append(",\"confidence\":");
  AppendFloat(p.confidence(), out);
  out->append(",\"polarity\":\"");
  absl::StrAppend(out, PolarityLabel(p.polarity()));
  out->append("\",\"hedged\":");
  AppendBool(p.hedged(), out);
  out->push_back('}');
}

}  // namespace

absl::StatusOr<int64_t> WriteJsonl(const graph::GraphView& view,
                                   const JsonlWriterOptions& options,
                                   std::ostream* out) {
  int64_t lines = 0;
  std::string line;
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    const graph::NodeInfo& node = view.node(v);
    line.clear();
    absl::StrAppend(&line, "{\"kind\":\"node\",\"id\":", node.id,
                    ",\"type\":\"", TypeLabel(node.type), "\",\"name\":");
    AppendJsonString(node.name, &line);
    line.append(",\"aliases\":[");
    for (size_t i = 0; i < node.aliases.size(); ++i) {
      if (i > 0) line.push_back(',');
      AppendJsonString(node.aliases[i], &line);
    }
    line.append("]}\n");
    out->write(line.data(), line.size());
    ++lines;
    if ((v & 4095) == 0 && !*out) {
      return absl::InternalError("failed writing JSON Lines");
    }
  }
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.inferred && !options.include_inferred) continue;
    if (edge.negated && !options.include_negated) continue;
    line.clear();
    absl::StrAppend(&line, "{\"kind\":\"edge\",\"id\":\"",
                    EdgeId(view, edge), "\",\"source\":",
                    view.node(edge.source).id, ",\"relation\":\"",
                    RelationLabel(edge.relation), "\",\"target\":",
                    view.node(edge.target).id, ",\"inferred\":");
    AppendBool(edge.inferred, &line);
    line.append(",\"negated\":");
    AppendBool(edge.negated, &line);
    line.append(",\"rule\":");
    AppendJsonString(edge.rule, &line);
    line.append(",\"premises\":[");
    bool first = true;
    for (graph::EdgeIndex premise : edge.premises) {
      if (premise >= view.num_edges()) continue;
      if (!first) line.push_back(',');
      first = false;
      absl::StrAppend(&line, "\"", EdgeId(view, view.edge(premise)), "\"");
    }
    line.append("],\"documents\":[");
    first = true;
    for (const std::string& document : AffirmedDocuments(edge)) {
      if (!first) line.push_back(',');
      first = false;
      AppendJsonString(document, &line);
    }
    line.append("],\"support\":[");
    for (size_t i = 0; i < edge.support.size(); ++i) {
      if (i > 0) line.push_back(',');
      AppendProvenance(edge.support[i], &line);
    }
    line.append("]}\n");
    out->write(line.data(), line.size());
    ++lines;
    if ((e & 4095) == 0 && !*out) {
      return absl::InternalError("failed writing JSON Lines");
    }
  }
  out->flush();
  if (!*out) return absl::InternalError("failed writing JSON Lines");
  return lines;
}

}  // namespace mskg::interop
