// interop/rdf_writer.h
//
// Writes a graph as RDF, in N-Triples or Turtle, with stable IRIs:
//
//   node       https://mskg.dev/id/<Type>/<NameKey, percent-encoded>
//              ("_" for an empty key), e.g. .../id/Muscle/psoas%20major
//   edge       https://mskg.dev/id/edge/<Type>/<key>/<RELATION>/<Type>/<key>
//   evidence   <edge IRI>/evidence/<k>, k = 0, 1, ... in support order
//   vocabulary https://mskg.dev/vocab# (classes Muscle ... Vessel, Evidence;
//              relations PART_OF ...; properties nodeId, alias, document ...)
//              declared in schema/mskg_vocabulary.ttl
//
// Nodes: `<n> a mskg:Muscle; rdfs:label "name"; mskg:alias "..."; mskg:nodeId
// "12"^^xsd:unsignedLong`. An edge that some source affirms, or that was
// inferred, is asserted as the plain triple `<s> mskg:REL <o>`. Every edge
// is also described by standard RDF reification: `<e> a rdf:Statement;
// rdf:subject <s>; rdf:predicate mskg:REL; rdf:object <o>; mskg:inferred
// bool; mskg:negated bool`, plus `mskg:rule` and `mskg:premise <e'>` for an
// inferred edge, and `mskg:evidence <e/evidence/k>` for each supporting
// sentence, an mskg:Evidence with mskg:document, sentence, begin, end, rule,
// confidence, polarity (mskg:AFFIRMED / mskg:NEGATED) and hedged. Denied
// edges exist only as reified statements. interop/README.md explains why.
#ifndef MSKG_INTEROP_RDF_WRITER_H_
#define MSKG_INTEROP_RDF_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "graph/graph_view.h"

namespace mskg::interop {

inline constexpr char kNodeIriBase[] = "https://mskg.dev/id/";
inline constexpr char kVocabularyIri[] = "https://mskg.dev/vocab#";

enum class RdfSyntax { kNTriples, kTurtle };

struct RdfWriterOptions {
  // Default: N-Triples.
  RdfSyntax syntax = RdfSyntax::kNTriples;
  // Write the reified statements and their evidence. Default: true.
  bool provenance = true;
};

// Returns the IRI of a node of `type` named `name`.
std::string NodeIri(schema::NodeType type, absl::string_view name);

// Streams `view` to `out`. Memory beyond the view: one IRI per node. Returns
// the number of triples written. Internal if the stream fails.
absl::StatusOr<int64_t> WriteRdf(const graph::GraphView& view,
                                 const RdfWriterOptions& options,
                                 std::ostream* out);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_RDF_WRITER_H_
