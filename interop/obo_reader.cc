// interop/obo_reader.cc: OBO [Term] stanzas into reference claims.
#include "interop/obo_reader.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "interop/claims_batcher.h"

namespace mskg::interop {
namespace {

struct Relationship {
  std::string relation;  // As written: a name or an RO/BFO id.
  std::string target;
  int64_t line = 0;
  std::string text;      // The whole tag line.
};

struct Term {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> parents;  // is_a and intersection_of genus.
  std::vector<Relationship> relationships;
  bool obsolete = false;
};

// Roots of the type tree; the first matching group wins.
const std::vector<std::pair<schema::NodeType, std::vector<std::string>>>&
TypeRoots() {
  static const auto* roots =
      new std::vector<std::pair<schema::NodeType, std::vector<std::string>>>{
          {schema::MUSCLE, {"UBERON:0001630", "UBERON:0001015"}},
          {schema::NERVE,
           {"UBERON:0001021", "UBERON:0001810", "UBERON:0002211",
            "UBERON:0000045", "UBERON:0000122"}},
          {schema::VESSEL,
           {"UBERON:0001637", "UBERON:0001638", "UBERON:0001981",
            "UBERON:0001473"}},
      };
  return *roots;
}

// Returns the relation that `name` (a relation name or id) maps to, or
// RELATION_UNSPECIFIED.
schema::Relation MapRelation(absl::string_view name) {
  if (name == "has_muscle_origin" || name == "RO:0002372") {
    return schema::ORIGINATES_FROM;
  }
  if (name == "has_muscle_insertion" || name == "RO:0002373") {
    return schema::INSERTS_ON;
  }
  if (name == "attaches_to" || name == "attached_to" || name == "RO:0002371") {
    return schema::ATTACHES_TO;
  }
  if (name == "innervated_by" || name == "RO:0002005") {
    return schema::INNERVATED_BY;
  }
  if (name == "has_muscle_antagonist" || name == "RO:0002568") {
    return schema::ANTAGONIST_OF;
  }
  if (name == "part_of" || name == "BFO:0000050") return schema::PART_OF;
  return schema::RELATION_UNSPECIFIED;
}

// Removes a trailing "! comment" and "{qualifiers}" from a tag value.
absl::string_view StripValue(absl::string_view value) {
  if (size_t bang = value.find(" !"); bang != absl::string_view::npos) {
    value = value.substr(0, bang);
  }
  if (size_t brace = value.find(" {"); brace != absl::string_view::npos) {
    value = value.substr(0, brace);
  }
  return absl::StripAsciiWhitespace(value);
}

// Reads the quoted text of a synonym value, with OBO's backslash escapes.
// Returns false if there is no quoted string.
bool QuotedText(absl::string_view value, std::string* text,
                absl::string_view* rest) {
  if (value.empty() || value[0] != '"') return false;
  text->clear();
  for (size_t i = 1; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char e = value[++i];
      text->push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
    } else if (value[i] == '"') {
      *rest = absl::StripLeadingAsciiWhitespace(value.substr(i + 1));
      return true;
    } else {
      text->push_back(value[i]);
    }
  }
  return false;
}

}  // namespace

std::string OboDocumentId(absl::string_view path) {
  const size_t slash = path.rfind('/');
  return absl::StrCat("reference:obo:", slash == absl::string_view::npos
                                            ? path
                                            : path.substr(slash + 1));
}

absl::StatusOr<OboImport> ReadObo(std::istream* in, absl::string_view path,
                                  const OboReaderOptions& options) {
  LineReader reader(in);
  std::vector<Term> terms;
  bool in_term = false;
  absl::string_view line;
  auto error = [&](absl::string_view message) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", reader.line_number(), ": ", message));
  };
  while (reader.Next(&line)) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '!') continue;
    if (line[0] == '[') {
      if (in_term && terms.back().id.empty()) {
        return error("the [Term] before this line has no id");
      }
      in_term = line == "[Term]";
      if (in_term) terms.emplace_back();
      continue;
    }
    if (!in_term) continue;
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) return error("expected 'tag: value'");
    const absl::string_view tag = line.substr(0, colon);
    const absl::string_view value =
        absl::StripLeadingAsciiWhitespace(line.substr(colon + 1));
    Term& term = terms.back();
    if (tag == "id") {
      term.id = std::string(StripValue(value));
    } else if (tag == "name") {
      term.name = std::string(StripValue(value));
    } else if (tag == "is_obsolete") {
      term.obsolete = StripValue(value) == "true";
    } else if (tag == "synonym") {
      std::string text;
      absl::string_view rest;
      if (!QuotedText(value, &text, &rest)) {
        return error("synonym without a quoted text");
      }
      if (absl::StartsWith(rest, "EXACT") ||
          absl::StartsWith(rest, "RELATED")) {
        term.aliases.push_back(std::move(text));
      }
    } else if (tag == "is_a") {
      term.parents.emplace_back(StripValue(value));
    } else if (tag == "intersection_of") {
      const absl::string_view genus = StripValue(value);
      if (genus.find(' ') == absl::string_view::npos) {
        term.parents.emplace_back(genus);
      }
    } else if (tag == "relationship") {
      const absl::string_view stripped = StripValue(value);
      const size_t space = stripped.find(' ');
      if (space == absl::string_view::npos) {
        return error("relationship needs a relation and a target");
      }
      Relationship r;
      r.relation = std::string(stripped.substr(0, space));
      r.target = std::string(
          absl::StripLeadingAsciiWhitespace(stripped.substr(space + 1)));
      r.line = reader.line_number();
      r.text = std::string(line);
      term.relationships.push_back(std::move(r));
    }
  }
  if (reader.failed()) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  if (in_term && terms.back().id.empty()) {
    return error("the last [Term] has no id");
  }

  // Index, and the type of every term by its ancestry.
  absl::flat_hash_map<std::string, size_t> by_id;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (!terms[i].obsolete) by_id.emplace(terms[i].id, i);
  }
  std::vector<schema::NodeType> types(terms.size(), schema::STRUCTURE);
  {
    // type_of_root[id] for the roots; memoized walk over is_a.
    absl::flat_hash_map<std::string, int> root_rank;
    const auto& roots = TypeRoots();
    for (size_t g = 0; g < roots.size(); ++g) {
      for (const std::string& id : roots[g].second) root_rank[id] = g;
    }
    const int kNone = static_cast<int>(roots.size());
    std::vector<int> rank(terms.size(), -1);  // -1: not computed.
    std::vector<char> on_stack(terms.size(), 0);
    // Depth-first walk up is_a computing the best (lowest) root rank.
    std::function<int(size_t)> visit = [&](size_t i) -> int {
      if (rank[i] >= 0) return rank[i];
      if (on_stack[i]) return kNone;  // A cycle: ignore the back edge.
      on_stack[i] = 1;
      int best = kNone;
      if (auto it = root_rank.find(terms[i].id); it != root_rank.end()) {
        best = it->second;
      }
      for (const std::string& parent : terms[i].parents) {
        if (auto it = root_rank.find(parent); it != root_rank.end()) {
          best = std::min(best, it->second);
        }
        if (auto it = by_id.find(parent); it != by_id.end()) {
          best = std::min(best, visit(it->second));
        }
      }
      on_stack[i] = 0;
      rank[i] = best;
      return best;
    };
    for (size_t i = 0; i < terms.size(); ++i) {
      if (terms[i].obsolete) continue;
      const int r = visit(i);
      if (r < kNone) types[i] = roots[r].first;
      for (const Relationship& rel : terms[i].relationships) {
        const schema::Relation mapped = MapRelation(rel.relation);
        if (mapped == schema::ORIGINATES_FROM ||
            mapped == schema::INSERTS_ON || mapped == schema::ANTAGONIST_OF) {
          types[i] = schema::MUSCLE;
        }
      }
    }
  }

  OboImport result;
  schema::DocumentClaims& doc = result.document;
  doc.set_document_id(OboDocumentId(path));
  auto key_of = [&](size_t i) {
    schema::NodeKey key;
    key.set_type(types[i]);
    key.set_name(terms[i].name);
    for (const std::string& alias : terms[i].aliases) key.add_aliases(alias);
    return key;
  };
  std::vector<char> kept(terms.size(), 0);
  for (size_t i = 0; i < terms.size(); ++i) {
    const Term& term = terms[i];
    if (term.obsolete) continue;
    ++result.terms;
    if (options.muscles_only && types[i] != schema::MUSCLE) continue;
    for (const Relationship& rel : term.relationships) {
      schema::Relation relation = MapRelation(rel.relation);
      if (relation == schema::RELATION_UNSPECIFIED) continue;
      auto target = by_id.find(rel.target);
      if (target == by_id.end() || terms[target->second].name.empty() ||
          term.name.empty()) {
        continue;
      }
      const size_t t = target->second;
      // Attachments, innervation and antagonists are said of muscles;
      // part_of only joins a muscle to a muscle group.
      if (types[i] != schema::MUSCLE) continue;
      if ((relation == schema::PART_OF || relation == schema::ANTAGONIST_OF) &&
          types[t] != schema::MUSCLE) {
        continue;
      }
      schema::Claim* claim = doc.add_claims();
      *claim->mutable_subject() = key_of(i);
      claim->set_relation(relation);
      *claim->mutable_object() = key_of(t);
      schema::Provenance* p = claim->mutable_provenance();
      p->set_document_id(doc.document_id());
      p->set_begin(static_cast<uint32_t>(rel.line));
      p->set_end(static_cast<uint32_t>(rel.line + 1));
      p->set_sentence(rel.text);
      p->set_rule(absl::StrCat("obo:", rel.relation));
      p->set_confidence(1.0f);
      p->set_polarity(schema::AFFIRMED);
      kept[i] = kept[t] = 1;
      ++result.claims;
    }
    if (!term.name.empty()) kept[i] = 1;
  }
  for (size_t i = 0; i < terms.size(); ++i) {
    if (!kept[i]) continue;
    ++result.nodes;
    ++result.nodes_by_type[types[i]];
    // Every kept term is mentioned, so that it can be looked up by name and
    // its aliases are stored even without relations.
    *doc.add_mentions() = key_of(i);
  }
  return result;
}

}  // namespace mskg::interop
