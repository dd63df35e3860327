// interop/rdf_writer.cc: N-Triples and Turtle with reified provenance.
#include "interop/rdf_writer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "interop/text_escape.h"
#include "interop/vocabulary.h"
#include "util/name_key.h"

namespace mskg::interop {
namespace {

constexpr char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr char kRdfs[] = "http://www.w3.org/2000/01/rdf-schema#";
constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

// The path of a node's IRI below kNodeIriBase: "<Type>/<key>".
std::string NodePath(schema::NodeType type, absl::string_view name) {
  std::string path = std::string(TypeLabel(type));
  path.push_back('/');
  const std::string key = NameKey(name);
  if (key.empty()) {
    path.push_back('_');
  } else {
    AppendPercentEncoded(key, &path);
  }
  return path;
}

// Emits triples in either syntax. In Turtle, consecutive triples of one
// subject share it (";"); in N-Triples every triple is a full line.
class TripleEmitter {
 public:
  TripleEmitter(RdfSyntax syntax, std::ostream* out)
      : turtle_(syntax == RdfSyntax::kTurtle), out_(out) {}

  // Terms, spelled for the syntax.
  std::string Vocab(absl::string_view local) const {
    return turtle_ ? absl::StrCat("mskg:", local)
                   : absl::StrCat("<", kVocabularyIri, local, ">");
  }
  std::string Rdf(absl::string_view local) const {
    if (turtle_ && local == "type") return "a";
    return turtle_ ? absl::StrCat("rdf:", local)
                   : absl::StrCat("<", kRdf, local, ">");
  }
  std::string Rdfs(absl::string_view local) const {
    return turtle_ ? absl::StrCat("rdfs:", local)
                   : absl::StrCat("<", kRdfs, local, ">");
  }
  std::string Typed(absl::string_view lexical, absl::string_view type) const {
    return turtle_ ? absl::StrCat("\"", lexical, "\"^^xsd:", type)
                   : absl::StrCat("\"", lexical, "\"^^<", kXsd, type, ">");
  }
  std::string Bool(bool value) const {
    return Typed(value ? "true" : "false", "boolean");
  }
  static std::string Iri(absl::string_view path) {
    return absl::StrCat("<", kNodeIriBase, path, ">");
  }
  static std::string String(absl::string_view text) {
    std::string out;
    AppendRdfString(text, &out);
    return out;
  }

  void Prefixes() {
    if (!turtle_) return;
    absl::StrAppend(&buffer_, "@prefix rdf: <", kRdf, "> .\n@prefix rdfs: <",
                    kRdfs, "> .\n@prefix xsd: <", kXsd,
                    "> .\n@prefix mskg: <", kVocabularyIri, "> .\n\n");
  }

  // Starts the triples of `subject` (a spelled term).
  void Subject(std::string subject) {
    End();
    subject_ = std::move(subject);
    open_ = false;
  }

  void Add(absl::string_view predicate, absl::string_view object) {
    ++triples_;
    if (!turtle_) {
      absl::StrAppend(&buffer_, subject_, " ", predicate, " ", object, " .\n");
      return;
    }
    if (!open_) {
      absl::StrAppend(&buffer_, subject_, " ", predicate, " ", object);
      open_ = true;
    } else {
      absl::StrAppend(&buffer_, " ;\n    ", predicate, " ", object);
    }
  }

  // Ends the current subject and writes out what is buffered.
  void End() {
    if (turtle_ && open_) buffer_.append(" .\n");
    open_ = false;
    out_->write(buffer_.data(), buffer_.size());
    buffer_.clear();
  }

  int64_t triples() const { return triples_; }

 private:
  const bool turtle_;
  std::ostream* out_;
  std::string buffer_;
  std::string subject_;
  bool open_ = false;
  int64_t triples_ = 0;
};

}  // namespace

std::string NodeIri(schema::NodeType type, absl::string_view name) {
  return absl::StrCat(kNodeIriBase, NodePath(type, name));
}

absl::StatusOr<int64_t> WriteRdf(const graph::GraphView& view,
                                 const RdfWriterOptions& options,
                                 std::ostream* out) {
  TripleEmitter emit(options.syntax, out);
  emit.Prefixes();
  std::vector<std::string> paths(view.num_nodes());
  const std::string rdf_type = emit.Rdf("type");
  const std::string label = emit.Rdfs("label");
  const std::string alias = emit.Vocab("alias");
  const std::string node_id = emit.Vocab("nodeId");
  for (graph::NodeIndex v = 0; v < view.num_nodes(); ++v) {
    const graph::NodeInfo& node = view.node(v);
    paths[v] = NodePath(node.type, node.name);
    emit.Subject(TripleEmitter::Iri(paths[v]));
    emit.Add(rdf_type, emit.Vocab(TypeLabel(node.type)));
    emit.Add(label, TripleEmitter::String(node.name));
    for (absl::string_view a : node.aliases) {
      emit.Add(alias, TripleEmitter::String(a));
    }
    emit.Add(node_id, emit.Typed(absl::StrCat(node.id), "unsignedLong"));
    if ((v & 4095) == 0 && !*out) {
      return absl::InternalError("failed writing RDF");
    }
  }
  emit.End();

  auto edge_path = [&](const graph::EdgeInfo& edge) {
    return absl::StrCat("edge/", paths[edge.source], "/",
                        RelationLabel(edge.relation), "/",
                        paths[edge.target]);
  };
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    const std::string subject = TripleEmitter::Iri(paths[edge.source]);
    const std::string predicate = emit.Vocab(RelationLabel(edge.relation));
    const std::string object = TripleEmitter::Iri(paths[edge.target]);
    if (!edge.negated) {
      emit.Subject(subject);
      emit.Add(predicate, object);
    }
    if (options.provenance) {
      const std::string statement_path = edge_path(edge);
      emit.Subject(TripleEmitter::Iri(statement_path));
      emit.Add(rdf_type, emit.Rdf("Statement"));
      emit.Add(emit.Rdf("subject"), subject);
      emit.Add(emit.Rdf("predicate"), predicate);
      emit.Add(emit.Rdf("object"), object);
      emit.Add(emit.Vocab("inferred"), emit.Bool(edge.inferred));
      emit.Add(emit.Vocab("negated"), emit.Bool(edge.negated));
      if (edge.inferred) {
        emit.Add(emit.Vocab("rule"), TripleEmitter::String(edge.rule));
        for (graph::EdgeIndex premise : edge.premises) {
          if (premise >= view.num_edges()) continue;
          emit.Add(emit.Vocab("premise"),
                   TripleEmitter::Iri(edge_path(view.edge(premise))));
        }
      }
      for (size_t k = 0; k < edge.support.size(); ++k) {
        emit.Add(emit.Vocab("evidence"),
                 TripleEmitter::Iri(
                     absl::StrCat(statement_path, "/evidence/", k)));
      }
      for (size_t k = 0; k < edge.support.size(); ++k) {
        const schema::Provenance& p = edge.support[k];
        emit.Subject(TripleEmitter::Iri(
            absl::StrCat(statement_path, "/evidence/", k)));
        emit.Add(rdf_type, emit.Vocab("Evidence"));
        emit.Add(emit.Vocab("document"),
                 TripleEmitter::String(p.document_id()));
        if (!p.sentence().empty()) {
          emit.Add(emit.Vocab("sentence"),
                   TripleEmitter::String(p.sentence()));
        }
        emit.Add(emit.Vocab("begin"),
                 emit.Typed(absl::StrCat(p.begin()), "unsignedInt"));
        emit.Add(emit.Vocab("end"),
                 emit.Typed(absl::StrCat(p.end()), "unsignedInt"));
        if (!p.rule().empty()) {
          emit.Add(emit.Vocab("rule"), TripleEmitter::String(p.rule()));
        }
        std::string confidence;
        AppendFloat(p.confidence(), &confidence);
        emit.Add(emit.Vocab("confidence"), emit.Typed(confidence, "float"));
        emit.Add(emit.Vocab("polarity"),
                 emit.Vocab(PolarityLabel(p.polarity())));
        emit.Add(emit.Vocab("hedged"), emit.Bool(p.hedged()));
      }
    }
    if ((e & 1023) == 0) {
      emit.End();
      if (!*out) return absl::InternalError("failed writing RDF");
    }
  }
  emit.End();
  out->flush();
  if (!*out) return absl::InternalError("failed writing RDF");
  return emit.triples();
}

}  // namespace mskg::interop
