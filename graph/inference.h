// graph/inference.h
//
// Inference rules that GraphStore::View() applies to a GraphViewBuilder
// before Finish(). Each rule adds edges with AddInferredEdge(), naming the
// rule and listing the EdgeIndex of its premises:
//
//   antagonist_symmetric:
//     A ANTAGONIST_OF B                   => B ANTAGONIST_OF A   [AB]
//   part_of_transitive:
//     A PART_OF B, B PART_OF C            => A PART_OF C         [AB, BC]
//   antagonist_inherited_by_members:
//     M PART_OF G, G ANTAGONIST_OF H      => M ANTAGONIST_OF H   [MG, GH]
//     X PART_OF H, G ANTAGONIST_OF H      => G ANTAGONIST_OF X   [GH, XH]
//   so that, at the fixpoint, every member of G (transitively) is an
//   antagonist of H and of every member of H, and vice versa; for groups of
//   at most kMaxGroupSizeForInheritance asserted members.
//   opposite_actions (reference knowledge only):
//     M1 PERFORMS "<joint> <m1>", M2 PERFORMS "<joint> <m2>", where m1 and
//     m2 are opposite movements (flexion/extension, abduction/adduction,
//     internal/external rotation, plantarflexion/dorsiflexion,
//     inversion/eversion, pronation/supination, elevation/depression,
//     protraction/retraction; "lateral flexion" is opposed to nothing)
//                                         => M1 ANTAGONIST_OF M2  [M1A1, M2A2]
//                                            M2 ANTAGONIST_OF M1  [M2A2, M1A1]
//   using only PERFORMS edges with an affirmed support from the document
//   "reference" (the lexicon), and never between a muscle and a group that
//   contains it (PART_OF, transitively, either way). At most
//   kMaxOppositeActionEdges such edges are derived. They are not inherited
//   by group members (antagonist_inherited_by_members skips them).
//
// Negated edges (every support NEGATED) are never premises, and an edge that
// exists already (asserted, negated or inferred) is never re-derived: a
// negated statement blocks the inference of the same edge. Self-loops are
// neither premises nor derived. Rules run semi-naively over a worklist to a
// fixpoint, bounded by kMaxInferredEdges.
#ifndef MSKG_GRAPH_INFERENCE_H_
#define MSKG_GRAPH_INFERENCE_H_

#include <cstddef>

#include "graph/graph_view.h"

namespace mskg::graph {

inline constexpr char kRuleAntagonistSymmetric[] = "antagonist_symmetric";
inline constexpr char kRulePartOfTransitive[] = "part_of_transitive";
inline constexpr char kRuleAntagonistInherited[] =
    "antagonist_inherited_by_members";
inline constexpr char kRuleOppositeActions[] = "opposite_actions";

// The document whose support makes a PERFORMS edge a premise of
// opposite_actions.
inline constexpr char kReferenceDocument[] = "reference";

// Upper bound on the edges opposite_actions adds in one call.
inline constexpr size_t kMaxOppositeActionEdges = 100'000;

// A group with more asserted members than this does not pass its
// antagonists on to its members (nor receive its antagonists' members).
// Anatomical groups have a handful of members; without the bound, two large
// opposed groups would add the product of their sizes in edges, which on
// synthetic power-law graphs outgrows the asserted graph several times over.
inline constexpr uint32_t kMaxGroupSizeForInheritance = 32;

// Upper bound on the edges one ApplyInference() call adds.
inline constexpr size_t kMaxInferredEdges = 4'000'000;

// Adds the inferred edges of the rules above to `builder`. Returns the
// number of edges added. Linear in the edges of the builder plus the work
// per derived edge (the degrees of its endpoints in PART_OF/ANTAGONIST_OF).
size_t ApplyInference(GraphViewBuilder* builder);

}  // namespace mskg::graph

#endif  // MSKG_GRAPH_INFERENCE_H_
