#include "query/value.h"

#include "query/value_format.h"

namespace mskg::query {
namespace {

// A Value has only the plain kinds AppendValue prints itself.
void Unreachable(const Value&, std::string*) {}

}  // namespace

std::string Value::ToString() const {
  std::string out;
  AppendValue(*this, false, Unreachable, &out);
  return out;
}

std::string Value::ToLiteral() const {
  std::string out;
  AppendValue(*this, true, Unreachable, &out);
  return out;
}

}  // namespace mskg::query
