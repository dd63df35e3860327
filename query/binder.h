// query/binder.h
//
// Bind: the third stage of the query pipeline. Checks an AST against the
// schema (labels are schema::NodeType names in CamelCase, relationship types
// schema::Relation names), numbers the variables of each query part as slots,
// checks that variables are defined and used as one kind (node,
// relationship, path, value), and turns expressions into the bound form of
// expr.h. Name equalities (`{name: 'x'}`, `WHERE n.name = 'x'`) become name
// matches that go through aliases and NameKey.
//
// Errors: InvalidArgument "line:col: unknown label 'Musle' (did you mean
// 'Muscle'?); known labels: ...", undefined variables, kind conflicts;
// Unimplemented for Cypher the engine does not support.
#ifndef MSKG_QUERY_BINDER_H_
#define MSKG_QUERY_BINDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/expr.h"

namespace mskg::query {

struct BoundNode {
  int slot = -1;
  bool is_new = true;  // False if bound by an earlier clause.
  schema::NodeType label = schema::NODE_TYPE_UNSPECIFIED;  // Any if unspecified.
};

struct BoundRel {
  int slot = -1;
  std::vector<schema::Relation> types;  // Empty: any relation.
  ast::Direction direction = ast::Direction::kBoth;  // From left to right.
  int left = -1;   // Index into BoundMatch::nodes.
  int right = -1;
  bool variable_length = false;
  int min_hops = 1;
  int max_hops = 1;  // -1: unbounded (QueryOptions::max_hops applies).
  // kShortest/kAllShortest: only the shortest paths between the two ends
  // (then variable_length is true and min_hops is 0 or 1; max_hops -1 means
  // no bound, since breadth-first search is linear in the graph).
  ast::PathSelector selector = ast::PathSelector::kAll;
  int line = 0;
  int column = 0;
};

// A named path `p = ...`: the slot of p, the slot of its first node and the
// slots of its relationships in order (edges, or lists of edges).
struct BoundPath {
  int slot = -1;
  int first_node_slot = -1;
  std::vector<int> rel_slots;
};

// One MATCH clause (or a pattern predicate): its distinct nodes (one per
// slot), relationships, named paths, and WHERE conjuncts (including
// property maps).
struct BoundMatch {
  bool optional = false;
  std::vector<BoundNode> nodes;
  std::vector<BoundRel> rels;
  std::vector<BoundPath> paths;
  std::vector<BoundExprPtr> conjuncts;
  std::vector<int> new_slots;
};

// Clauses up to and including one WITH or RETURN. Slots [0, num_input_slots)
// hold the previous part's columns.
struct BoundPart {
  int num_input_slots = 0;
  int num_slots = 0;
  std::vector<VarKind> slot_kinds;
  BoundExprPtr input_filter;  // The previous WITH's WHERE; may be null.
  std::vector<BoundMatch> matches;
  ProjectionSpec projection;
};

struct BoundQuery {
  ast::Query::Mode mode = ast::Query::Mode::kRun;
  std::vector<BoundPart> parts;
  std::vector<BoundMatch> patterns;   // Pattern predicates, by kExists index.
  std::vector<int> pattern_part;      // The part each belongs to.
  std::vector<NameSource> names;      // By kNameMatch index.
};

// Returns the bound form of `query`. Errors as described above.
absl::StatusOr<BoundQuery> Bind(const ast::Query& query);

}  // namespace mskg::query

#endif  // MSKG_QUERY_BINDER_H_
