// interop/triples_writer.cc: the triples TSV, from the store or a view.
#include "interop/triples_writer.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "graph/store_scans.h"
#include "interop/vocabulary.h"
#include "schema/graph.pb.h"

namespace mskg::interop {
namespace {

constexpr char kHeader[] =
    "subject_type\tsubject\trelation\tobject_type\tobject\tdocument\n";

// Appends `text` with tabs and line breaks as spaces.
void AppendField(absl::string_view text, std::string *out) {
  for (char c : text) {
    out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
}

// Appends the row prefix up to and including the tab before the document.
void AppendPrefix(schema::NodeType source_type, absl::string_view source,
                  schema::Relation relation, schema::NodeType target_type,
                  absl::string_view target, std::string *out) {
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

absl::StatusOr<int64_t> WriteTriples(const graph::GraphStore &store,
                                     const TriplesWriterOptions &options,
                                     std::ostream *out) {
  // Nodes first, each formatted once as "Type\tname\t" in `nodes`; then the
  // "supports" rows, each (edge, document) one output row, appended to a
  // 1 MiB buffer written in one call. Memory: the node table (every node's
  // name once) and the buffer; edges are streamed.
  constexpr size_t kFlushBytes = 1 << 20;
  std::string nodes;
  absl::flat_hash_map<uint64_t, std::pair<uint32_t, uint32_t>> spans;
  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  buffer.append(kHeader);
  int64_t rows = 0;
  auto flush = [&]() -> absl::Status {
    out->write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    if (!*out) return absl::InternalError("failed writing triples");
    return absl::OkStatus();
  };
  absl::Status status = graph::ForEachSupportRow(
      store,
      [&](const schema::Node &node) -> absl::Status {
        const size_t begin = nodes.size();
        absl::StrAppend(&nodes, TypeLabel(node.type()));
        nodes.push_back('\t');
        AppendField(node.name(), &nodes);
        nodes.push_back('\t');
        spans[node.id()] = {static_cast<uint32_t>(begin),
                            static_cast<uint32_t>(nodes.size() - begin)};
        return absl::OkStatus();
      },
      [&](const graph::SupportRow &row) -> absl::Status {
        if (!row.affirmed) return absl::OkStatus();
        if (!options.include_reference &&
            absl::StartsWith(row.document_id, "reference")) {
          return absl::OkStatus();
        }
        const auto source = spans.find(row.source);
        const auto target = spans.find(row.target);
        if (source == spans.end() || target == spans.end()) {
          return absl::DataLossError("edge endpoint missing from the store");
        }
        buffer.append(nodes, source->second.first, source->second.second);
        absl::StrAppend(&buffer, RelationLabel(row.relation));
        buffer.push_back('\t');
        buffer.append(nodes, target->second.first, target->second.second);
        AppendField(row.document_id, &buffer);
        buffer.push_back('\n');
        ++rows;
        if (buffer.size() >= kFlushBytes) return flush();
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  if (absl::Status s = flush(); !s.ok()) return s;
  out->flush();
  if (!*out) return absl::InternalError("failed writing triples");
  return rows;
}

absl::StatusOr<int64_t> WriteTriples(const graph::GraphView &view,
                                     const TriplesWriterOptions &options,
                                     std::ostream *out) {
  *out << kHeader;
  int64_t rows = 0;
  std::string line;
  std::string prefix;
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo &edge = view.edge(e);
    if (edge.inferred || edge.negated) continue;
    const graph::NodeInfo &source = view.node(edge.source);
    const graph::NodeInfo &target = view.node(edge.target);
    prefix.clear();
    AppendPrefix(source.type, source.name, edge.relation, target.type,
                 target.name, &prefix);
    line.clear();
    for (const std::string &document : AffirmedDocuments(edge)) {
      if (!options.include_reference && absl::StartsWith(document, "reference"))
        continue;
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
