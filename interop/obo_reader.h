// interop/obo_reader.h
//
// Reads an OBO 1.4 ontology (Uberon and its slices) as reference knowledge:
// one schema::DocumentClaims with document id "reference:obo:<file name>".
//
// [Term] stanzas give nodes: `name` is the canonical name, EXACT and RELATED
// synonyms are aliases; obsolete terms are skipped. The node type comes from
// the is_a ancestry (is_a lines and the genus of intersection_of), as in
// shared/ontology/README.md:
//   Muscle     below muscle organ UBERON:0001630 or musculature
//              UBERON:0001015, or any term with a muscle origin, insertion or
//              antagonist relation
//   Nerve      below nerve, nerve plexus, nerve root, ganglion or neuron
//              projection bundle
//   Vessel     below artery, vein, blood vessel or lymphatic vessel
//   Structure  everything else (bones, joints, ligaments, regions ...)
// Relations, by name or RO id, become claims:
//   has_muscle_origin (RO:0002372)    -> ORIGINATES_FROM
//   has_muscle_insertion (RO:0002373) -> INSERTS_ON
//   attaches_to / attached_to (RO:0002371) -> ATTACHES_TO
//   innervated_by (RO:0002005)        -> INNERVATED_BY
//   has_muscle_antagonist (RO:0002568) -> ANTAGONIST_OF
//   part_of (BFO:0000050), muscle to muscle -> PART_OF
// Claims about terms the file does not define are dropped. Provenance: the
// document, the line of the relationship as span [line, line + 1) and as
// sentence, rule "obo:<relation>", confidence 1.
#ifndef MSKG_INTEROP_OBO_READER_H_
#define MSKG_INTEROP_OBO_READER_H_

#include <cstdint>
#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema/graph.pb.h"

namespace mskg::interop {

struct OboReaderOptions {
  // Keep only muscles and the terms their kept relations point to.
  // Default: false (every term).
  bool muscles_only = false;
};

struct OboImport {
  schema::DocumentClaims document;
  int64_t terms = 0;        // Non-obsolete [Term] stanzas read.
  int64_t nodes = 0;        // Terms kept as nodes.
  int64_t claims = 0;
  int64_t nodes_by_type[11] = {};
};

// Returns "reference:obo:<file name of path>".
std::string OboDocumentId(absl::string_view path);

// Reads `in`, named `path` (its file name gives the document id).
// InvalidArgument, with "path:line:", on a stanza without id or a malformed
// tag line; DataLoss if the stream fails.
absl::StatusOr<OboImport> ReadObo(std::istream* in, absl::string_view path,
                                  const OboReaderOptions& options);

}  // namespace mskg::interop

#endif  // MSKG_INTEROP_OBO_READER_H_
