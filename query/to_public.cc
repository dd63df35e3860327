#include "query/to_public.h"

#include <string>
#include <utility>
#include <vector>

#include "query/expr.h"
#include "query/node_names.h"

namespace mskg::query {

Value ToPublic(ExecValue&& v, const graph::GraphView& view) {
  switch (v.kind()) {
    case ExecValue::Kind::kNull: return Value();
    case ExecValue::Kind::kBool: return Value(v.AsBool());
    case ExecValue::Kind::kInt: return Value(v.AsInt());
    case ExecValue::Kind::kDouble: return Value(v.AsDouble());
    case ExecValue::Kind::kString:
      if (v.is_ref()) return Value(v.AsString());
      return Value(std::move(v).TakeString());
    case ExecValue::Kind::kList: {
      std::vector<ExecValue> items = std::move(v).TakeList();
      std::vector<Value> out;
      out.reserve(items.size());
      for (ExecValue& x : items) out.push_back(ToPublic(std::move(x), view));
      return Value(std::move(out));
    }
    case ExecValue::Kind::kNode: return Value(NodeName(view, v.AsNode()));
    case ExecValue::Kind::kEdge:
      return Value(RelationName(view.edge(v.AsEdge()).relation));
  }
  return Value();
}

}  // namespace mskg::query
