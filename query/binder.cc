#include "query/binder.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "query/limits.h"
#include "util/name_key.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

using ast::Expr;

absl::Status ErrorAt(ast::Pos pos, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%d:%d: %s", pos.line, pos.column, what));
}

int EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const int sub = absl::ascii_tolower(a[i - 1]) == absl::ascii_tolower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string UnknownNameError(absl::string_view what, absl::string_view name,
                             const std::vector<std::string>& known) {
  std::string best;
  int best_d = 1 << 30;
  for (const std::string& k : known) {
    const int d = EditDistance(name, k);
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  std::string hint;
  if (!best.empty() && best_d <= std::max<int>(2, name.size() / 3)) {
    hint = absl::StrCat(" (did you mean '", best, "'?)");
  }
  // "property" -> "properties", "label" -> "labels".
  const absl::string_view noun(what);
  const std::string plural =
      absl::EndsWith(noun, "y")
          ? absl::StrCat(noun.substr(0, noun.size() - 1), "ies")
          : absl::StrCat(noun, "s");
  return absl::StrCat("unknown ", what, " '", name, "'", hint, "; known ",
                      plural, ": ", absl::StrJoin(known, ", "));
}

const std::vector<std::string>& KnownLabels() {
  static const auto* labels = [] {
    auto* v = new std::vector<std::string>;
    for (int t = 1; t < schema::NodeType_ARRAYSIZE; ++t) {
      if (schema::NodeType_IsValid(t)) {
        v->push_back(LabelName(static_cast<schema::NodeType>(t)));
      }
    }
    return v;
  }();
  return *labels;
}

const std::vector<std::string>& KnownRelations() {
  static const auto* rels = [] {
    auto* v = new std::vector<std::string>;
    for (int r = 1; r < schema::Relation_ARRAYSIZE; ++r) {
      if (schema::Relation_IsValid(r)) {
        v->push_back(RelationName(static_cast<schema::Relation>(r)));
      }
    }
    return v;
  }();
  return *rels;
}

absl::StatusOr<schema::NodeType> ResolveLabel(const std::string& name, ast::Pos pos) {
  const auto& known = KnownLabels();
  for (int t = 1; t < schema::NodeType_ARRAYSIZE; ++t) {
    if (schema::NodeType_IsValid(t) &&
        LabelName(static_cast<schema::NodeType>(t)) == name) {
      return static_cast<schema::NodeType>(t);
    }
  }
  return ErrorAt(pos, UnknownNameError("label", name, known));
}

absl::StatusOr<schema::Relation> ResolveRelation(const std::string& name, ast::Pos pos) {
  schema::Relation r;
  if (schema::Relation_Parse(name, &r) && r != schema::RELATION_UNSPECIFIED) {
    return r;
  }
  return ErrorAt(pos, UnknownNameError("relationship type", name, KnownRelations()));
}

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kEdge: return "a relationship";
    case VarKind::kPath: return "a variable-length relationship (a list)";
    case VarKind::kValue: return "a value";
    case VarKind::kNamedPath: return "a path";
  }
  return "?";
}

struct PropName {
  const char* name;
  Prop prop;
};
constexpr PropName kNodeProps[] = {{"name", Prop::kName}, {"aliases", Prop::kAliases},
                                   {"id", Prop::kId}, {"type", Prop::kType},
                                   {"label", Prop::kLabel}};
constexpr PropName kEdgeProps[] = {{"type", Prop::kType}, {"polarity", Prop::kPolarity},
                                   {"support", Prop::kSupport}, {"inferred", Prop::kInferred},
                                   {"rule", Prop::kRule}, {"hedged", Prop::kHedged},
                                   {"negated", Prop::kNegated}};

struct Var {
  int slot;
  VarKind kind;
};

using Scope = absl::flat_hash_map<std::string, Var>;

BoundExprPtr MakeSlot(int slot, ast::Pos pos) {
  auto e = std::make_unique<BoundExpr>();
  e->kind = BoundExpr::Kind::kSlot;
  e->slot = slot;
  e->line = pos.line;
  e->column = pos.column;
  return e;
}

class Binder {
 public:
  absl::StatusOr<BoundQuery> Run(const ast::Query& q) {
    out_.mode = q.mode;
    BoundPart part;
    BoundExprPtr pending_filter;
    bool returned = false;
    for (const ast::Clause& c : q.clauses) {
      if (returned) return ErrorAt(c.pos, "no clause may follow RETURN");
      if (c.kind == ast::Clause::Kind::kMatch) {
        for (const ast::Pattern& p : c.patterns) {
          part_elements_ += static_cast<int>(p.nodes.size() + p.rels.size());
        }
        if (part_elements_ > kMaxPatternElements) {
          return ErrorAt(c.pos, absl::StrCat(
              "more than ", kMaxPatternElements, " nodes and relationships in the "
              "patterns of one query part; split the query with WITH"));
        }
        BoundMatch m;
        m.optional = c.optional;
        MSKG_RETURN_IF_ERROR(BindPatterns(c.patterns, c.where.get(), &m, &part));
        part.matches.push_back(std::move(m));
        continue;
      }
      const bool is_return = c.kind == ast::Clause::Kind::kReturn;
      Scope next;
      MSKG_RETURN_IF_ERROR(BindProjection(c.projection, is_return, &part, &next));
      part.num_slots = num_slots_;
      part.slot_kinds = slot_kinds_;
      part.input_filter = std::move(pending_filter);
      out_.parts.push_back(std::move(part));
      part = BoundPart();
      part_elements_ = 0;
      // Start the next part with the projected columns as slots.
      scope_ = std::move(next);
      num_slots_ = 0;
      slot_kinds_.clear();
      for (size_t i = 0; i < out_.parts.back().projection.kinds.size(); ++i) {
        slot_kinds_.push_back(out_.parts.back().projection.kinds[i]);
        ++num_slots_;
      }
      part.num_input_slots = num_slots_;
      if (!is_return && c.projection.where != nullptr) {
        MSKG_ASSIGN_OR_RETURN(pending_filter, BindExpr(*c.projection.where, Ctx::kWhere));
      }
      returned = is_return;
    }
    if (!returned) {
      ast::Pos pos = q.clauses.empty() ? ast::Pos{1, 1} : q.clauses.back().pos;
      return ErrorAt(pos, "a query must end with RETURN");
    }
    return std::move(out_);
  }

 private:
  enum class Ctx { kWhere, kProjection, kPlain };

  int NewSlot(VarKind kind) {
    slot_kinds_.push_back(kind);
    return num_slots_++;
  }

  absl::Status BindPatterns(const std::vector<ast::Pattern>& patterns,
                            const Expr* where, BoundMatch* m, BoundPart* part) {
    absl::flat_hash_map<int, int> node_of_slot;
    struct PendingProps {
      int slot;
      bool is_node;
      const std::vector<ast::PropertyEntry>* props;
    };
    std::vector<PendingProps> pending;
    for (const ast::Pattern& p : patterns) {
      const bool shortest = p.selector != ast::PathSelector::kAll;
      if (shortest && p.rels.size() != 1) {
        return ErrorAt(p.pos, absl::StrCat(
            p.selector == ast::PathSelector::kShortest ? "shortestPath"
                                                       : "allShortestPaths",
            "() needs a pattern of exactly one relationship, like "
            "(a)-[:R*..4]-(b)"));
      }
      std::vector<int> node_index;
      for (const ast::NodePattern& n : p.nodes) {
        int slot = -1;
        bool is_new = true;
        if (!n.variable.empty()) {
          auto it = scope_.find(n.variable);
          if (it != scope_.end()) {
            if (it->second.kind != VarKind::kNode) {
              return ErrorAt(n.pos, absl::StrCat("'", n.variable, "' is ",
                                                 KindName(it->second.kind),
                                                 ", not a node"));
            }
            slot = it->second.slot;
            is_new = std::find(m->new_slots.begin(), m->new_slots.end(), slot) !=
                     m->new_slots.end();
          }
        }
        if (slot < 0) {
          slot = NewSlot(VarKind::kNode);
          m->new_slots.push_back(slot);
          if (!n.variable.empty()) scope_[n.variable] = Var{slot, VarKind::kNode};
        }
        auto [it, inserted] = node_of_slot.try_emplace(slot, m->nodes.size());
        if (inserted) {
          BoundNode bn;
          bn.slot = slot;
          bn.is_new = is_new;
          m->nodes.push_back(bn);
        }
        BoundNode& bn = m->nodes[it->second];
        for (const auto& [label, pos] : n.labels) {
          MSKG_ASSIGN_OR_RETURN(schema::NodeType type, ResolveLabel(label, pos));
          if (bn.is_new && bn.label == schema::NODE_TYPE_UNSPECIFIED) {
            bn.label = type;
          } else if (bn.label != type) {
            auto e = MakeSlot(slot, pos);
            e->kind = BoundExpr::Kind::kHasLabel;
            e->label = type;
            m->conjuncts.push_back(std::move(e));
          }
        }
        if (!n.properties.empty()) pending.push_back({slot, true, &n.properties});
        node_index.push_back(it->second);
      }
      for (size_t i = 0; i < p.rels.size(); ++i) {
        const ast::RelPattern& r = p.rels[i];
        BoundRel br;
        br.line = r.pos.line;
        br.column = r.pos.column;
        br.left = node_index[i];
        br.right = node_index[i + 1];
        br.direction = r.direction;
        for (const auto& [type, pos] : r.types) {
          MSKG_ASSIGN_OR_RETURN(schema::Relation rel, ResolveRelation(type, pos));
          if (std::find(br.types.begin(), br.types.end(), rel) == br.types.end()) {
            br.types.push_back(rel);
          }
        }
        std::sort(br.types.begin(), br.types.end());
        br.variable_length = r.variable_length;
        br.selector = p.selector;
        if (shortest) {
          br.variable_length = true;
          br.min_hops = r.variable_length ? r.min_hops.value_or(1) : 1;
          br.max_hops = r.variable_length ? r.max_hops.value_or(-1) : 1;
          if (br.min_hops > 1) {
            return absl::UnimplementedError(absl::StrFormat(
                "%d:%d: shortest paths with a lower bound above 1 (*%d..) are "
                "not supported", r.pos.line, r.pos.column, br.min_hops));
          }
          if (br.max_hops >= 0 && br.min_hops > br.max_hops) {
            return ErrorAt(r.pos, absl::StrCat("bad hop range *", br.min_hops, "..",
                                               br.max_hops));
          }
          if (!r.properties.empty()) {
            return absl::UnimplementedError(absl::StrFormat(
                "%d:%d: property maps in shortest path patterns are not "
                "supported", r.pos.line, r.pos.column));
          }
        } else if (r.variable_length) {
          br.min_hops = r.min_hops.value_or(1);
          br.max_hops = r.max_hops.value_or(-1);
          if (br.max_hops >= 0 && br.min_hops > br.max_hops) {
            return ErrorAt(r.pos, absl::StrCat("bad hop range *", br.min_hops, "..",
                                               br.max_hops));
          }
          if (!r.properties.empty()) {
            return absl::UnimplementedError(absl::StrFormat(
                "%d:%d: property maps on variable-length relationships are not "
                "supported", r.pos.line, r.pos.column));
          }
        }
        const VarKind kind = br.variable_length ? VarKind::kPath : VarKind::kEdge;
        if (!r.variable.empty()) {
          auto it = scope_.find(r.variable);
          if (it != scope_.end()) {
            if (it->second.kind == VarKind::kNode || it->second.kind == VarKind::kValue ||
                it->second.kind == VarKind::kNamedPath) {
              return ErrorAt(r.pos, absl::StrCat("'", r.variable, "' is ",
                                                 KindName(it->second.kind),
                                                 ", not a relationship"));
            }
            return absl::UnimplementedError(absl::StrFormat(
                "%d:%d: relationship variable '%s' is bound already; reusing "
                "it in a pattern is not supported",
                r.pos.line, r.pos.column, r.variable));
          }
        }
        br.slot = NewSlot(kind);
        m->new_slots.push_back(br.slot);
        if (!r.variable.empty()) scope_[r.variable] = Var{br.slot, kind};
        if (!r.properties.empty()) pending.push_back({br.slot, false, &r.properties});
        m->rels.push_back(std::move(br));
      }
      if (!p.path_variable.empty()) {
        if (scope_.contains(p.path_variable)) {
          return ErrorAt(p.pos, absl::StrCat("path variable '", p.path_variable,
                                             "' is defined already"));
        }
        BoundPath path;
        path.first_node_slot = m->nodes[node_index[0]].slot;
        for (size_t i = m->rels.size() - p.rels.size(); i < m->rels.size(); ++i) {
          path.rel_slots.push_back(m->rels[i].slot);
        }
        path.slot = NewSlot(VarKind::kNamedPath);
        m->new_slots.push_back(path.slot);
        scope_[p.path_variable] = Var{path.slot, VarKind::kNamedPath};
        m->paths.push_back(std::move(path));
      }
    }
    // Property maps, then WHERE, may refer to any variable of the clause.
    for (const PendingProps& pp : pending) {
      for (const ast::PropertyEntry& e : *pp.props) {
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr value, BindExpr(*e.value, Ctx::kPlain));
        if (pp.is_node && e.key == "name") {
          m->conjuncts.push_back(MakeNameMatch(pp.slot, std::move(value), e.pos));
          continue;
        }
        MSKG_ASSIGN_OR_RETURN(Prop prop, PropOf(pp.is_node ? VarKind::kNode : VarKind::kEdge,
                                                e.key, e.pos));
        auto p = std::make_unique<BoundExpr>();
        p->kind = BoundExpr::Kind::kProperty;
        p->prop = prop;
        p->name = e.key;
        p->args.push_back(MakeSlot(pp.slot, e.pos));
        auto eq = std::make_unique<BoundExpr>();
        eq->kind = BoundExpr::Kind::kBinary;
        eq->op = BinOp::kEq;
        eq->line = e.pos.line;
        eq->column = e.pos.column;
        eq->args.push_back(std::move(p));
        eq->args.push_back(std::move(value));
        m->conjuncts.push_back(std::move(eq));
      }
    }
    if (where != nullptr) {
      MSKG_ASSIGN_OR_RETURN(BoundExprPtr w, BindExpr(*where, Ctx::kWhere));
      SplitConjuncts(std::move(w), &m->conjuncts);
    }
    (void)part;
    return absl::OkStatus();
  }

  static void SplitConjuncts(BoundExprPtr e, std::vector<BoundExprPtr>* out) {
    if (e->kind == BoundExpr::Kind::kBinary && e->op == BinOp::kAnd) {
      SplitConjuncts(std::move(e->args[0]), out);
      SplitConjuncts(std::move(e->args[1]), out);
      return;
    }
    out->push_back(std::move(e));
  }

  BoundExprPtr MakeNameMatch(int slot, BoundExprPtr value, ast::Pos pos) {
    auto e = std::make_unique<BoundExpr>();
    e->kind = BoundExpr::Kind::kNameMatch;
    e->slot = slot;
    e->line = pos.line;
    e->column = pos.column;
    if (value->kind == BoundExpr::Kind::kConst || value->kind == BoundExpr::Kind::kParam) {
      NameSource src;
      src.line = value->line;
      src.column = value->column;
      if (value->kind == BoundExpr::Kind::kParam) {
        src.is_param = true;
        src.param = value->name;
      } else {
        src.literal = value->value;
        if (src.literal.is_string()) src.key = NameKey(src.literal.AsString());
      }
      e->index = out_.names.size();
      out_.names.push_back(std::move(src));
    }
    e->args.push_back(std::move(value));
    return e;
  }

  absl::StatusOr<Prop> PropOf(VarKind kind, const std::string& name, ast::Pos pos) {
    if (kind == VarKind::kValue) {
      for (const PropName& p : kNodeProps) if (name == p.name) return p.prop;
      for (const PropName& p : kEdgeProps) if (name == p.name) return p.prop;
      return Prop::kUnknown;
    }
    if (kind == VarKind::kPath || kind == VarKind::kNamedPath) {
      return ErrorAt(pos, absl::StrCat("property '", name, "' of ", KindName(kind)));
    }
    std::vector<std::string> known;
    if (kind == VarKind::kNode) {
      for (const PropName& p : kNodeProps) {
        if (name == p.name) return p.prop;
        known.push_back(p.name);
      }
    } else {
      for (const PropName& p : kEdgeProps) {
        if (name == p.name) return p.prop;
        known.push_back(p.name);
      }
    }
    return ErrorAt(pos, UnknownNameError(
                            kind == VarKind::kNode ? "node property" : "relationship property",
                            name, known));
  }

  VarKind KindOf(const BoundExpr& e) const {
    if (e.kind == BoundExpr::Kind::kSlot) return slot_kinds_[e.slot];
    return VarKind::kValue;
  }

  // Binds `x`, counting the depth of the recursion. The parser already
  // bounds expression depth; this keeps the binder safe on an AST built any
  // other way. InvalidArgument past kMaxExprDepth.
  absl::StatusOr<BoundExprPtr> BindExpr(const Expr& x, Ctx ctx) {
    if (depth_ >= kMaxExprDepth) {
      return ErrorAt(x.pos, absl::StrCat("expression more than ", kMaxExprDepth,
                                         " levels deep; write it with fewer levels"));
    }
    ++depth_;
    absl::StatusOr<BoundExprPtr> e = BindExprNode(x, ctx);
    --depth_;
    return e;
  }

  absl::StatusOr<BoundExprPtr> BindExprNode(const Expr& x, Ctx ctx) {
    auto e = std::make_unique<BoundExpr>();
    e->line = x.pos.line;
    e->column = x.pos.column;
    switch (x.kind) {
      case Expr::Kind::kLiteral:
        e->kind = BoundExpr::Kind::kConst;
        e->value = ExecValue::Copy(x.value);
        return e;
      case Expr::Kind::kParameter:
        e->kind = BoundExpr::Kind::kParam;
        e->name = x.name;
        return e;
      case Expr::Kind::kVariable: {
        auto it = scope_.find(x.name);
        if (it == scope_.end()) {
          return ErrorAt(x.pos, absl::StrCat("variable '", x.name, "' is not defined"));
        }
        return MakeSlot(it->second.slot, x.pos);
      }
      case Expr::Kind::kProperty: {
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr obj, BindExpr(*x.args[0], ctx));
        e->kind = BoundExpr::Kind::kProperty;
        e->name = x.name;
        MSKG_ASSIGN_OR_RETURN(e->prop, PropOf(KindOf(*obj), x.name, x.pos));
        e->args.push_back(std::move(obj));
        return e;
      }
      case Expr::Kind::kList:
        e->kind = BoundExpr::Kind::kList;
        for (const auto& a : x.args) {
          MSKG_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
          e->args.push_back(std::move(b));
        }
        return e;
      case Expr::Kind::kUnary: {
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr a, BindExpr(*x.args[0], ctx));
        e->kind = x.name == "NOT" ? BoundExpr::Kind::kNot : BoundExpr::Kind::kNeg;
        e->args.push_back(std::move(a));
        return e;
      }
      case Expr::Kind::kIsNull: {
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr a, BindExpr(*x.args[0], ctx));
        e->kind = BoundExpr::Kind::kIsNull;
        e->negated = x.negated;
        e->args.push_back(std::move(a));
        return e;
      }
      case Expr::Kind::kBinary: {
        static const std::pair<const char*, BinOp> kOps[] = {
            {"OR", BinOp::kOr}, {"XOR", BinOp::kXor}, {"AND", BinOp::kAnd},
            {"=", BinOp::kEq}, {"<>", BinOp::kNe}, {"<", BinOp::kLt},
            {"<=", BinOp::kLe}, {">", BinOp::kGt}, {">=", BinOp::kGe},
            {"+", BinOp::kAdd}, {"-", BinOp::kSub}, {"*", BinOp::kMul},
            {"/", BinOp::kDiv}, {"%", BinOp::kMod}, {"IN", BinOp::kIn},
            {"STARTS WITH", BinOp::kStartsWith}, {"ENDS WITH", BinOp::kEndsWith},
            {"CONTAINS", BinOp::kContains}};
        for (const auto& [text, op] : kOps) {
          if (x.name == text) e->op = op;
        }
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr a, BindExpr(*x.args[0], ctx));
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*x.args[1], ctx));
        if (ctx == Ctx::kWhere && e->op == BinOp::kEq) {
          // n.name = v matches names through aliases and NameKey.
          for (int side = 0; side < 2; ++side) {
            BoundExprPtr& p = side == 0 ? a : b;
            if (p->kind == BoundExpr::Kind::kProperty && p->prop == Prop::kName &&
                p->args[0]->kind == BoundExpr::Kind::kSlot &&
                slot_kinds_[p->args[0]->slot] == VarKind::kNode) {
              const int slot = p->args[0]->slot;
              return MakeNameMatch(slot, std::move(side == 0 ? b : a), x.pos);
            }
          }
        }
        e->kind = BoundExpr::Kind::kBinary;
        e->args.push_back(std::move(a));
        e->args.push_back(std::move(b));
        return e;
      }
      case Expr::Kind::kPattern:
        return BindPatternPredicate(*x.pattern, x.pos);
      case Expr::Kind::kFunction:
        return BindFunction(x, ctx, std::move(e));
    }
    return absl::InternalError("unknown expression kind");
  }

  absl::StatusOr<BoundExprPtr> BindPatternPredicate(const ast::Pattern& p, ast::Pos pos) {
    Scope saved = scope_;
    BoundMatch m;
    std::vector<ast::Pattern> one;
    // Patterns are small; copy to reuse BindPatterns.
    ast::Pattern copy;
    copy.pos = p.pos;
    copy.nodes.reserve(p.nodes.size());
    for (const auto& n : p.nodes) {
      ast::NodePattern c;
      c.pos = n.pos;
      c.variable = n.variable;
      c.labels = n.labels;
      if (!n.properties.empty()) {
        return absl::UnimplementedError(absl::StrFormat(
            "%d:%d: property maps in pattern predicates are not supported; use "
            "WHERE", n.pos.line, n.pos.column));
      }
      copy.nodes.push_back(std::move(c));
    }
    for (const auto& r : p.rels) {
      ast::RelPattern c;
      c.pos = r.pos;
      c.variable = r.variable;
      c.types = r.types;
      c.direction = r.direction;
      c.variable_length = r.variable_length;
      c.min_hops = r.min_hops;
      c.max_hops = r.max_hops;
      if (!r.variable.empty() || !r.properties.empty()) {
        return absl::UnimplementedError(absl::StrFormat(
            "%d:%d: named relationships or property maps in pattern predicates "
            "are not supported", r.pos.line, r.pos.column));
      }
      copy.rels.push_back(std::move(c));
    }
    for (const auto& n : copy.nodes) {
      if (!n.variable.empty() && !scope_.contains(n.variable)) {
        return ErrorAt(n.pos, absl::StrCat("variable '", n.variable,
                                           "' is not defined (pattern predicates "
                                           "may not introduce variables)"));
      }
    }
    one.push_back(std::move(copy));
    BoundPart dummy;
    MSKG_RETURN_IF_ERROR(BindPatterns(one, nullptr, &m, &dummy));
    scope_ = std::move(saved);
    auto e = std::make_unique<BoundExpr>();
    e->kind = BoundExpr::Kind::kExists;
    e->line = pos.line;
    e->column = pos.column;
    e->index = out_.patterns.size();
    out_.patterns.push_back(std::move(m));
    out_.pattern_part.push_back(out_.parts.size());
    return e;
  }

  absl::StatusOr<BoundExprPtr> BindFunction(const Expr& x, Ctx ctx, BoundExprPtr e) {
    static const std::pair<const char*, AggFn> kAggs[] = {
        {"count", AggFn::kCount}, {"collect", AggFn::kCollect}, {"sum", AggFn::kSum},
        {"avg", AggFn::kAvg}, {"min", AggFn::kMin}, {"max", AggFn::kMax}};
    for (const auto& [name, fn] : kAggs) {
      if (x.name != name) continue;
      if (ctx != Ctx::kProjection || aggs_ == nullptr) {
        return ErrorAt(x.pos, absl::StrCat("aggregate ", name,
                                           "() is only allowed in WITH or RETURN items"));
      }
      if (in_agg_) return ErrorAt(x.pos, "aggregates cannot be nested");
      AggSpec spec;
      spec.fn = fn;
      spec.distinct = x.distinct;
      if (x.star) {
        if (fn != AggFn::kCount) return ErrorAt(x.pos, "only count(*) takes '*'");
        spec.fn = AggFn::kCountStar;
      } else {
        if (x.args.size() != 1) {
          return ErrorAt(x.pos, absl::StrCat(name, "() takes one argument"));
        }
        in_agg_ = true;
        auto arg = BindExpr(*x.args[0], Ctx::kPlain);
        in_agg_ = false;
        if (!arg.ok()) return arg.status();
        spec.arg = std::move(arg).value();
      }
      e->kind = BoundExpr::Kind::kAgg;
      e->index = aggs_->size();
      aggs_->push_back(std::move(spec));
      return e;
    }
    if (x.name == "exists" && x.args.size() == 1 &&
        x.args[0]->kind == Expr::Kind::kPattern) {
      return BindPatternPredicate(*x.args[0]->pattern, x.pos);
    }
    struct FnInfo {
      const char* name;
      Fn fn;
      int min_args, max_args;
    };
    static const FnInfo kFns[] = {
        {"labels", Fn::kLabels, 1, 1}, {"type", Fn::kType, 1, 1},
        {"id", Fn::kId, 1, 1}, {"size", Fn::kSize, 1, 1},
        {"length", Fn::kLength, 1, 1}, {"tolower", Fn::kToLower, 1, 1},
        {"toupper", Fn::kToUpper, 1, 1}, {"coalesce", Fn::kCoalesce, 1, 64},
        {"tostring", Fn::kToString, 1, 1}, {"startnode", Fn::kStartNode, 1, 1},
        {"endnode", Fn::kEndNode, 1, 1}, {"nodes", Fn::kNodes, 1, 1},
        {"relationships", Fn::kRelationships, 1, 1}, {"rels", Fn::kRelationships, 1, 1}};
    for (const FnInfo& f : kFns) {
      if (x.name != f.name) continue;
      if (x.star || x.distinct || static_cast<int>(x.args.size()) < f.min_args ||
          static_cast<int>(x.args.size()) > f.max_args) {
        return ErrorAt(x.pos, absl::StrCat("wrong arguments to ", x.name, "()"));
      }
      e->kind = BoundExpr::Kind::kFunction;
      e->fn = f.fn;
      e->name = x.name;
      for (const auto& a : x.args) {
        MSKG_ASSIGN_OR_RETURN(BoundExprPtr b, BindExpr(*a, ctx));
        e->args.push_back(std::move(b));
      }
      const VarKind k = KindOf(*e->args[0]);
      const bool path_fn = f.fn == Fn::kNodes || f.fn == Fn::kRelationships;
      if ((f.fn == Fn::kLabels && k != VarKind::kNode && k != VarKind::kValue) ||
          ((f.fn == Fn::kType || f.fn == Fn::kStartNode || f.fn == Fn::kEndNode) &&
           k != VarKind::kEdge && k != VarKind::kValue) ||
          (path_fn && k != VarKind::kNamedPath && k != VarKind::kValue)) {
        return ErrorAt(x.pos, absl::StrCat(x.name, "() of ", KindName(k)));
      }
      if (f.fn == Fn::kLength && k == VarKind::kNamedPath) e->fn = Fn::kPathLength;
      return e;
    }
    return absl::UnimplementedError(absl::StrFormat(
        "%d:%d: unknown function '%s'", x.pos.line, x.pos.column, x.name));
  }

  static bool ContainsAgg(const BoundExpr& e) {
    if (e.kind == BoundExpr::Kind::kAgg) return true;
    for (const auto& a : e.args) {
      if (ContainsAgg(*a)) return true;
    }
    return false;
  }

  absl::Status BindProjection(const ast::Projection& p, bool is_return,
                              BoundPart* part, Scope* next) {
    ProjectionSpec& spec = part->projection;
    spec.is_return = is_return;
    spec.distinct = p.distinct;
    aggs_ = &spec.aggs;
    bool has_agg = false;
    if (p.star) {
      std::vector<std::pair<int, std::string>> vars;
      for (const auto& [name, var] : scope_) vars.emplace_back(var.slot, name);
      std::sort(vars.begin(), vars.end());
      if (vars.empty()) return ErrorAt(p.pos, "'*' with no variables in scope");
      for (const auto& [slot, name] : vars) {
        spec.items.push_back(MakeSlot(slot, p.pos));
        spec.columns.push_back(name);
        spec.kinds.push_back(slot_kinds_[slot]);
      }
    }
    for (const ast::ReturnItem& item : p.items) {
      MSKG_ASSIGN_OR_RETURN(BoundExprPtr e, BindExpr(*item.expr, Ctx::kProjection));
      has_agg = has_agg || ContainsAgg(*e);
      std::string column = item.alias;
      if (column.empty()) {
        if (item.expr->kind == Expr::Kind::kVariable) {
          column = item.expr->name;
        } else if (!is_return) {
          return ErrorAt(item.expr->pos,
                         absl::StrCat("expression '", item.text,
                                      "' in WITH must be aliased (use AS)"));
        } else {
          column = item.text;
        }
      }
      if (std::find(spec.columns.begin(), spec.columns.end(), column) != spec.columns.end()) {
        return ErrorAt(item.expr->pos, absl::StrCat("column '", column, "' is defined twice"));
      }
      spec.kinds.push_back(e->kind == BoundExpr::Kind::kSlot ? slot_kinds_[e->slot]
                                                         : VarKind::kValue);
      spec.items.push_back(std::move(e));
      spec.columns.push_back(std::move(column));
    }
    spec.num_visible = spec.items.size();
    aggs_ = nullptr;
    // The scope after projection: columns are slots 0..n-1.
    for (int i = 0; i < spec.num_visible; ++i) {
      (*next)[spec.columns[i]] = Var{i, spec.kinds[i]};
    }
    for (const ast::SortItem& s : p.order_by) {
      SortKey key;
      key.descending = s.descending;
      // First the projected scope (aliases win), then the pre-projection one.
      Scope pre = std::move(scope_);
      std::vector<VarKind> pre_kinds = slot_kinds_;
      scope_ = *next;
      slot_kinds_ = spec.kinds;
      auto post = BindExpr(*s.expr, Ctx::kPlain);
      scope_ = std::move(pre);
      slot_kinds_ = std::move(pre_kinds);
      if (post.ok()) {
        key.expr = std::move(post).value();
      } else {
        auto bound = BindExpr(*s.expr, Ctx::kPlain);
        if (!bound.ok()) return bound.status();
        const std::string text = (*bound)->ToString();
        for (int i = 0; i < spec.num_visible; ++i) {
          if (spec.items[i]->ToString() == text) key.expr = MakeSlot(i, s.expr->pos);
        }
        if (key.expr == nullptr) {
          if (p.distinct || has_agg) {
            return ErrorAt(s.expr->pos,
                           "ORDER BY after DISTINCT or aggregation may only use "
                           "returned columns");
          }
          key.expr = MakeSlot(spec.items.size(), s.expr->pos);
          spec.items.push_back(std::move(bound).value());
        }
      }
      spec.order_by.push_back(std::move(key));
    }
    Scope saved = std::move(scope_);
    scope_.clear();
    if (p.skip != nullptr) {
      MSKG_ASSIGN_OR_RETURN(spec.skip, BindExpr(*p.skip, Ctx::kPlain));
    }
    if (p.limit != nullptr) {
      MSKG_ASSIGN_OR_RETURN(spec.limit, BindExpr(*p.limit, Ctx::kPlain));
    }
    scope_ = std::move(saved);
    return absl::OkStatus();
  }

  BoundQuery out_;
  Scope scope_;
  int depth_ = 0;          // Of BindExpr's recursion.
  int part_elements_ = 0;  // Nodes and relationships in the part's MATCHes.
  int num_slots_ = 0;
  std::vector<VarKind> slot_kinds_;
  std::vector<AggSpec>* aggs_ = nullptr;
  bool in_agg_ = false;
};

}  // namespace

absl::StatusOr<BoundQuery> Bind(const ast::Query& query) {
  Binder binder;
  return binder.Run(query);
}

}  // namespace mskg::query
