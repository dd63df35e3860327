// graph/view_patch.h
//
// PatchView(): a view with a few nodes and triples changed, laid out from
// the bytes of the view before (the base) instead of through a
// GraphViewBuilder: the base's nodes, names, name keys and support are
// copied as they are, without hashing names again or re-encoding support,
// only the changed nodes' name keys are computed, and the inference rules
// (inference_rules.h) run over the patched edges with the base's adjacency
// answering which edges exist. The result has the bytes a builder fed the
// same content in store order would give (view_patch_test.cc).
//
// Private to //graph (view_building.cc).
#ifndef MSKG_GRAPH_VIEW_PATCH_H_
#define MSKG_GRAPH_VIEW_PATCH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "graph/graph_view.h"
#include "graph/snapshot_format.h"
#include "schema/graph.pb.h"

namespace mskg::graph {

// What document writes changed since the base was built, as the store
// holds it now.
struct ViewPatch {
  struct Triple {
    uint64_t source = 0;  // Node ids.
    schema::Relation relation = schema::RELATION_UNSPECIFIED;
    uint64_t target = 0;
    // Every provenance stored for the triple now, in the order of its
    // "supports" rows; empty if it has none left.
    std::vector<schema::Provenance> support;
  };
  // The stored records of the changed nodes, in any order: nodes of the
  // base whose record was rewritten, and new nodes (ids above the base's).
  std::vector<schema::Node> nodes;
  // Each changed triple once, ascending by (source, relation, target).
  std::vector<Triple> triples;
};

// Returns `base` with `patch` applied, inferred edges derived anew if
// `apply_inference` (the base's are dropped), and `stamp` in its header.
// REQUIRES: `base` holds what a scan of the store read (nodes by ascending
// id, asserted edges in "supports" key order, then inferred ones), as
// views built or mapped by GraphStore do. Returns nullptr, leaving the
// caller to build the view through a GraphViewBuilder, when the base is
// not in that order, when a changed node's type or name differs from the
// base's, when a new node has the identity of another node, or when a
// changed triple names a node that is neither in the base nor new.
std::shared_ptr<const GraphView> PatchView(const GraphView& base,
                                           const ViewPatch& patch,
                                           bool apply_inference,
                                           const snapshot::StoreStamp& stamp);

// What PatchView() calls did in this process, for tests.
struct PatchViewCounts {
  size_t refused = 0;           // Returned nullptr.
  size_t inference_copied = 0;  // Copied the base's inferred edges.
  size_t inference_rerun = 0;   // Ran the rules.
};
PatchViewCounts PatchViewCountsForTesting();

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_VIEW_PATCH_H_
