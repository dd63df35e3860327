// interop/triples_writer.cc: the triples TSV, from the store or a view.
#include "interop/triples_writer.h"

#include <set>
#include <string>

#include "interop/vocabulary.h"
#include "schema/graph.pb.h"

namespace mskg::interop {
namespace {

constexpr char kHeader[] =
    "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";

// Appends `text` with tabs and line breaks as spaces.
void AppendField(absl::string_view text, std::string* out) {
  for (char c : text) {
    out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
}

// Appends the row prefix up to and including the tab before the document.
void AppendPrefix(schema::NodeType source_type, absl::string_view source,
                  schema::Relation relation, schema::NodeType target_type,
                  absl::string_view target, std::string* out) {
  absl::StrAppend(out, TypeLabel(source_type));
  out->push_back('\t');
  AppendField(source, out);
  out->push_back('\t');
  absl::StrAppend(out, RelationLabel(relation));
  out->push_back('\t');
  absl::StrAppend(out, TypeLabel(target_type));
  out->push_back('\t');
  AppendField(target, out);
  out->push_back('\t');
}

}  // namespace

absl::StatusOr<int64_t> WriteTriples(const graph::GraphStore& store,
                                     const TriplesWriterOptions& options,
                                     std::ostream* out) {
  *out << kHeader;
  int64_t rows = 0;
  std::string line;
  absl::Status status = store.ForEachEdge(
      [&](const graph::StoredEdge& edge) -> absl::Status {
        // Documents that affirm the edge, each once, in a stable order.
        std::set<std::string> documents;
        for (const schema::Provenance& p : edge.support) {
          if (p.polarity() == schema::NEGATED) continue;
          if (!options.include_reference && p.document_id() == "reference") {
            continue;
          }
          documents.insert(p.document_id());
        }
        std::string prefix;
        AppendPrefix(edge.source.type(), edge.source.name(), edge.relation,
                     edge.target.type(), edge.target.name(), &prefix);
        for (const std::string& document : documents) {
          line = prefix;
          AppendField(document, &line);
          line.push_back('\n');
          out->write(line.data(), line.size());
          ++rows;
        }
        if (!*out) return absl::InternalError("failed writing triples");
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  out->flush();
  if (!*out) return absl::InternalError("failed writing triples");
  return rows;
}

absl::StatusOr<int64_t> WriteTriples(const graph::GraphView& view,
                                     const TriplesWriterOptions& options,
                                     std::ostream* out) {
  *out << kHeader;
  int64_t rows = 0;
  std::string line;
  std::string prefix;
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.inferred || edge.negated) continue;
    const graph::NodeInfo& source = view.node(edge.source);
    const graph::NodeInfo& target = view.node(edge.target);
    prefix.clear();
    AppendPrefix(source.type, source.name, edge.relation, target.type,
                 target.name, &prefix);
    line.clear();
    for (const std::string& document : AffirmedDocuments(edge)) {
      if (!options.include_reference && document == "reference") continue;
      line.append(prefix);
      AppendField(document, &line);
      line.push_back('\n');
      ++rows;
    }
    out->write(line.data(), line.size());
    if ((e & 4095) == 0 && !*out) {
      return absl::InternalError("failed writing triples");
    }
  }
  out->flush();
  if (!*out) return absl::InternalError("failed writing triples");
  return rows;
}

}  // namespace mskg::interop
