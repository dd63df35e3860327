// query/expr.h
//
// The bound intermediate representation shared by the binder, the planner
// and the executor: expressions over numbered slots (a row's variables),
// aggregates, name sources and projections. Names and labels are resolved;
// nothing here refers to the parser's AST.
#ifndef MSKG_QUERY_EXPR_H_
#define MSKG_QUERY_EXPR_H_

#include <memory>
#include <string>
#include <vector>

#include "query/exec_value.h"
#include "schema/graph.pb.h"

namespace mskg::query {

// What a variable holds. kPath is a variable-length relationship (a list of
// edges); kNamedPath a named path `p = ...` (nodes and edges alternating,
// starting and ending with a node).
enum class VarKind { kNode, kEdge, kPath, kValue, kNamedPath };

// Properties of nodes and relationships.
enum class Prop {
  kUnknown,
  kName, kAliases, kId, kType, kLabel,                  // Nodes (type: label).
  kPolarity, kSupport, kInferred, kRule, kHedged, kNegated,  // Relationships
};

enum class BinOp {
  kOr, kXor, kAnd, kEq, kNe, kLt, kLe, kGt, kGe, kAdd, kSub, kMul, kDiv,
  kMod, kIn, kStartsWith, kEndsWith, kContains,
};

enum class Fn {
  kLabels, kType, kId, kSize, kLength, kToLower, kToUpper, kCoalesce,
  kToString, kStartNode, kEndNode,
  kNodes, kRelationships, kPathLength,  // Of a named path.
};

enum class AggFn { kCountStar, kCount, kCollect, kSum, kAvg, kMin, kMax };

struct BoundExpr {
  enum class Kind {
    kConst,      // value
    kParam,      // name
    kSlot,       // slot
    kProperty,   // prop of args[0]; name is the property's name
    kNameMatch,  // node in `slot` is named args[0] (through aliases and
                 // NameKey); index: the NameSource when args[0] is constant,
                 // else -1
    kHasLabel,   // node in `slot` has `label`
    kNot, kNeg,  // args[0]
    kBinary,     // op(args[0], args[1])
    kList,       // [args...]
    kIsNull,     // args[0] IS [NOT] NULL (negated)
    kFunction,   // fn(args...)
    kAgg,        // the value of aggregate `index` (projections only)
    kExists,     // the pattern predicate `index` has a match
  };
  Kind kind = Kind::kConst;
  int line = 0;
  int column = 0;
  ExecValue value;
  std::string name;
  int slot = -1;
  int index = -1;
  bool negated = false;
  Prop prop = Prop::kUnknown;
  BinOp op = BinOp::kEq;
  Fn fn = Fn::kSize;
  schema::NodeType label = schema::NODE_TYPE_UNSPECIFIED;
  std::vector<std::unique_ptr<BoundExpr>> args;

  // Appends the slots this expression reads (not those of pattern
  // predicates, see `exists_slots`).
  void CollectSlots(std::vector<int>* slots) const {
    if (slot >= 0) slots->push_back(slot);
    for (const auto& a : args) a->CollectSlots(slots);
  }
  // Returns a one-line rendering for EXPLAIN.
  std::string ToString() const;
};
using BoundExprPtr = std::unique_ptr<BoundExpr>;

// A name to resolve to nodes once per execution: a literal (with its
// NameKey computed at prepare time) or a parameter.
struct NameSource {
  bool is_param = false;
  std::string param;  // With is_param.
  ExecValue literal;  // Otherwise.
  std::string key;    // NameKey of a string literal.
  int line = 0;       // Where the name is written (errors).
  int column = 0;
};

struct AggSpec {
  AggFn fn = AggFn::kCount;
  bool distinct = false;
  BoundExprPtr arg;  // Null for count(*).
};

struct SortKey {
  BoundExprPtr expr;  // Over the projected row (items then hidden items).
  bool descending = false;
};

// A WITH or RETURN: items are evaluated over the part's slots (with kAgg
// standing for aggregates when `aggs` is not empty); sort keys, skip and
// limit over the projected row.
struct ProjectionSpec {
  bool is_return = false;
  bool distinct = false;
  std::vector<BoundExprPtr> items;  // Visible items, then hidden sort items.
  std::vector<std::string> columns;  // Names of the visible items.
  std::vector<VarKind> kinds;        // Of the visible items.
  int num_visible = 0;
  std::vector<AggSpec> aggs;
  std::vector<SortKey> order_by;
  BoundExprPtr skip;   // Constant or parameter; may be null.
  BoundExprPtr limit;  // Constant or parameter; may be null.
};

// Returns the label of `type` as written in queries ("Muscle").
std::string LabelName(schema::NodeType type);
// Returns the relation's type name as written in queries ("PART_OF").
std::string RelationName(schema::Relation relation);

}  // namespace mskg::query

#endif  // MSKG_QUERY_EXPR_H_
