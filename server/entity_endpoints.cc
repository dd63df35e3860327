// server/entity_endpoints.cc: GET /v1/entities/{type}/{name}, the page of
// one entity, and GET /v1/search, autocomplete over names and aliases.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "interop/vocabulary.h"
#include "server/endpoints.h"
#include "server/json_body.h"
#include "server/responses.h"
#include "server/result_json.h"
#include "util/status_macros.h"

namespace mskg::server {
namespace {

// Returns query parameter `name` as an integer in [min, max], `fallback`
// when absent. InvalidArgument otherwise.
absl::StatusOr<int64_t> IntParam(const Target& target, absl::string_view name,
                                 int64_t fallback, int64_t min, int64_t max) {
  const std::string text = target.Param(name, "");
  if (text.empty()) return fallback;
  int64_t value = 0;
  if (!absl::SimpleAtoi(text, &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter '", name, "' must be an integer between ", min,
                     " and ", max));
  }
  return value;
}

// Returns the node of `type` named `name` (through aliases and NameKey, as
// queries resolve names), or kInvalidIndex.
graph::NodeIndex Resolve(const graph::GraphView& view, schema::NodeType type,
                         absl::string_view name) {
  if (graph::NodeIndex v = view.Find(type, name); v != graph::kInvalidIndex) {
    return v;
  }
  for (graph::NodeIndex v : view.Lookup(name)) {
    if (view.node(v).type == type) return v;
  }
  return graph::kInvalidIndex;
}

// Returns a 200 with a body from the snapshot's PageCache, not copied.
Response CachedResponse(std::shared_ptr<const std::string> body) {
  Response response;
  response.SetHeader("Content-Type", "application/json");
  response.shared_body = std::move(body);
  return response;
}

// Moves the body of `response` into the snapshot's PageCache under `key`.
void CachePage(const Snapshot& snapshot, const std::string& key,
               Response* response) {
  response->shared_body =
      std::make_shared<const std::string>(std::move(response->body));
  response->body.clear();
  snapshot.pages.Insert(key, response->shared_body);
}

const char* MatchName(SearchIndex::Match match) {
  switch (match) {
    case SearchIndex::Match::kExact:
      return "exact";
    case SearchIndex::Match::kPrefix:
      return "prefix";
    case SearchIndex::Match::kWordPrefix:
      return "word";
    case SearchIndex::Match::kTypo:
      return "typo";
  }
  return "";
}

// One neighbour on an entity page: the other endpoint, the edge's flags,
// up to `sentences` of its supporting sentences, and for an inferred edge
// its rule and premises.
Json NeighbourJson(const graph::GraphView& view, const graph::Adjacent& adj,
                   int sentences) {
  const graph::EdgeInfo& edge = view.edge(adj.edge);
  const graph::NodeInfo& other = view.node(adj.node);
  Json evidence = Json::array();
  for (const schema::Provenance& p : edge.support) {
    if (static_cast<int>(evidence.size()) >= sentences) break;
    evidence.push_back(ProvenanceJson(p));
  }
  Json json = {{"name", other.name},
               {"type", interop::TypeLabel(other.type)},
               {"inferred", edge.inferred},
               {"negated", edge.negated},
               {"support_count", edge.support.size()},
               {"evidence", std::move(evidence)}};
  json["rule"] = edge.inferred ? Json(edge.rule) : Json(nullptr);
  if (edge.inferred) {
    Json premises = Json::array();
    for (graph::EdgeIndex e : edge.premises) {
      const graph::EdgeInfo& premise = view.edge(e);
      premises.push_back(
          {{"source", view.node(premise.source).name},
           {"relation", interop::RelationLabel(premise.relation)},
           {"target", view.node(premise.target).name}});
    }
    json["premises"] = std::move(premises);
  }
  return json;
}

// Appends to `groups` one group per relation of `edges` (sorted by
// relation), with its count and up to `limit` neighbours.
void AddGroups(const graph::GraphView& view,
               absl::Span<const graph::Adjacent> edges, const char* direction,
               int64_t limit, int sentences, Json* groups) {
  for (size_t i = 0; i < edges.size();) {
    const schema::Relation relation = edges[i].relation;
    size_t end = i;
    while (end < edges.size() && edges[end].relation == relation) ++end;
    Json neighbours = Json::array();
    for (size_t k = i; k < end && k - i < static_cast<size_t>(limit); ++k) {
      neighbours.push_back(NeighbourJson(view, edges[k], sentences));
    }
    groups->push_back({{"relation", interop::RelationLabel(relation)},
                       {"direction", direction},
                       {"count", end - i},
                       {"neighbours", std::move(neighbours)}});
    i = end;
  }
}

// The keys of pages in the PageCache: a page depends on these and the
// snapshot only.
std::string EntityKey(absl::string_view type_label, absl::string_view name,
                      int64_t sentences, int64_t limit) {
  return absl::StrCat(type_label, "\n", name, "\n", sentences, "\n", limit);
}

std::string SearchKey(absl::string_view q, schema::NodeType type,
                      int64_t limit) {
  return absl::StrCat("search\n", q, "\n", static_cast<int>(type), "\n",
                      limit);
}

}  // namespace

absl::StatusOr<PageLookup> Endpoints::FindEntity(const ApiHandler& api,
                                                 const Target& target,
                                                 absl::string_view rest) {
  std::vector<absl::string_view> parts = absl::StrSplit(rest, '/');
  if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
    return absl::NotFoundError(
        "expected /v1/entities/{type}/{name}, e.g. "
        "/v1/entities/Muscle/psoas%20major");
  }
  PageLookup found;
  MSKG_ASSIGN_OR_RETURN(found.label, PercentDecode(parts[0], false));
  MSKG_ASSIGN_OR_RETURN(found.name, PercentDecode(parts[1], false));
  absl::StatusOr<schema::NodeType> type = interop::ParseTypeLabel(found.label);
  if (!type.ok()) {
    return absl::NotFoundError(
        absl::StrCat("no entity type '", found.label,
                     "'; types are Muscle, Structure, "
                     "Action, Condition, Cause, Symptom, "
                     "Treatment, Test, Nerve, Vessel"));
  }
  found.type = *type;
  MSKG_ASSIGN_OR_RETURN(
      found.sentences,
      IntParam(target, "evidence", api.options_.entity_evidence, 0, 100));
  MSKG_ASSIGN_OR_RETURN(found.limit, IntParam(target, "limit", 100, 1, 10000));
  found.key = EntityKey(found.label, found.name, found.sentences, found.limit);
  found.snapshot = api.snapshots_.Current();
  found.page = found.snapshot->pages.Find(found.key);
  return found;
}

absl::StatusOr<PageLookup> Endpoints::FindSearch(const ApiHandler& api,
                                                 const Target& target) {
  PageLookup found;
  found.name = target.Param("q", "");
  if (found.name.empty()) {
    return absl::InvalidArgumentError(
        "parameter 'q' is required: /v1/search?q=pso");
  }
  if (found.name.size() > 256) {
    return absl::InvalidArgumentError("parameter 'q' is longer than 256 bytes");
  }
  if (const std::string label = target.Param("type", ""); !label.empty()) {
    MSKG_ASSIGN_OR_RETURN(found.type, interop::ParseTypeLabel(label));
  }
  MSKG_ASSIGN_OR_RETURN(found.limit, IntParam(target, "limit", 10, 1, 100));
  // Search boxes send the same prefixes over and over: cached per snapshot
  // like entity pages ("took_ms" is then the time of the first answer).
  found.key = SearchKey(found.name, found.type, found.limit);
  found.snapshot = api.snapshots_.Current();
  found.page = found.snapshot->pages.Find(found.key);
  return found;
}

absl::StatusOr<Response> Endpoints::Entity(const PageLookup& found) {
  if (found.page != nullptr) return CachedResponse(found.page);
  const Snapshot& snapshot = *found.snapshot;
  const absl::string_view name = found.name;
  const graph::GraphView& view = *snapshot.view;
  const graph::NodeIndex v = Resolve(view, found.type, name);
  if (v == graph::kInvalidIndex) {
    std::vector<std::string> suggestions;
    for (const SearchIndex::Hit& hit :
         snapshot.search.Search(name, found.type, 5)) {
      suggestions.push_back(std::string(view.node(hit.node).name));
    }
    return absl::NotFoundError(absl::StrCat(
        "no ", found.label, " named '", name, "'",
        suggestions.empty()
            ? ""
            : absl::StrCat("; did you mean: ", absl::StrJoin(suggestions, ", "),
                           "?")));
  }
  const graph::NodeInfo& node = view.node(v);
  Json groups = Json::array();
  AddGroups(view, view.Out(v), "out", found.limit,
            static_cast<int>(found.sentences), &groups);
  AddGroups(view, view.In(v), "in", found.limit,
            static_cast<int>(found.sentences), &groups);
  Json json = {{"name", node.name},
               {"type", interop::TypeLabel(node.type)},
               {"id", node.id},
               {"aliases", node.aliases.ToStrings()},
               {"degree", view.Out(v).size() + view.In(v).size()},
               {"relations", std::move(groups)},
               {"snapshot", snapshot.version}};
  Response response = JsonResponse(200, json);
  CachePage(snapshot, found.key, &response);
  return response;
}

absl::StatusOr<Response> Endpoints::Search(const PageLookup& found) {
  if (found.page != nullptr) return CachedResponse(found.page);
  const absl::Time start = absl::Now();
  const Snapshot& snapshot = *found.snapshot;
  const graph::GraphView& view = *snapshot.view;
  Json hits = Json::array();
  for (const SearchIndex::Hit& hit :
       snapshot.search.Search(found.name, found.type,
                              static_cast<size_t>(found.limit))) {
    const graph::NodeInfo& node = view.node(hit.node);
    hits.push_back({{"name", node.name},
                    {"type", interop::TypeLabel(node.type)},
                    {"matched", std::string(hit.matched)},
                    {"match", MatchName(hit.match)},
                    {"degree", hit.degree}});
  }
  Response response = JsonResponse(
      200, Json{{"query", found.name},
                {"hits", std::move(hits)},
                {"snapshot", snapshot.version},
                {"took_ms", absl::ToDoubleMilliseconds(absl::Now() - start)}});
  CachePage(snapshot, found.key, &response);
  return response;
}

}  // namespace mskg::server
