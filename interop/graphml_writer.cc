// interop/graphml_writer.cc: GraphML through boost::write_graphml.
//
// The Boost graph is a compressed_sparse_row_graph whose edges carry the
// view's EdgeIndex; every attribute is a function_property_map computed from
// the view on demand, so no attribute is copied.
#include "interop/graphml_writer.h"

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/graph/compressed_sparse_row_graph.hpp"
#include "boost/graph/graphml.hpp"
#include "boost/property_map/function_property_map.hpp"
#include "interop/text_escape.h"
#include "interop/vocabulary.h"

namespace mskg::interop {
namespace {

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       graph::EdgeIndex, boost::no_property,
                                       uint32_t, uint32_t>;
using Vertex = boost::graph_traits<CsrGraph>::vertex_descriptor;
using Edge = boost::graph_traits<CsrGraph>::edge_descriptor;

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(items[i], &out);
  }
  out.push_back(']');
  return out;
}

}  // namespace

absl::StatusOr<int64_t> WriteGraphml(const graph::GraphView& view,
                                     const GraphmlWriterOptions& options,
                                     std::ostream* out) {
  std::vector<std::pair<uint32_t, uint32_t>> endpoints;
  std::vector<graph::EdgeIndex> indices;
  for (graph::EdgeIndex e = 0; e < view.num_edges(); ++e) {
    const graph::EdgeInfo& edge = view.edge(e);
    if (edge.inferred && !options.include_inferred) continue;
    if (edge.negated && !options.include_negated) continue;
    endpoints.emplace_back(edge.source, edge.target);
    indices.push_back(e);
  }
  try {
    // Counting sort by source: stable, so edges keep index order.
    CsrGraph g(boost::edges_are_unsorted_multi_pass, endpoints.begin(),
               endpoints.end(), indices.begin(), view.num_nodes());
    std::vector<std::pair<uint32_t, uint32_t>>().swap(endpoints);
    std::vector<graph::EdgeIndex>().swap(indices);

    auto node_of = [&view](Vertex v) -> graph::NodeInfo {
      return view.node(static_cast<graph::NodeIndex>(v));
    };
    auto edge_of = [&view, &g](Edge e) -> graph::EdgeInfo {
      return view.edge(g[e]);
    };
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("id", boost::make_function_property_map<Vertex>(
                          [node_of](Vertex v) -> long {
                            return static_cast<long>(node_of(v).id);
                          }));
    dp.property("type", boost::make_function_property_map<Vertex>(
                            [node_of](Vertex v) -> std::string {
                              return std::string(TypeLabel(node_of(v).type));
                            }));
    dp.property("name", boost::make_function_property_map<Vertex>(
                            [node_of](Vertex v) -> std::string {
                              return XmlSafe(node_of(v).name);
                            }));
    dp.property("aliases", boost::make_function_property_map<Vertex>(
                               [node_of](Vertex v) -> std::string {
                                 return XmlSafe(JsonArray(node_of(v).aliases.ToStrings()));
                               }));
    dp.property("relation", boost::make_function_property_map<Edge>(
                                [edge_of](Edge e) -> std::string {
                                  return std::string(
                                      RelationLabel(edge_of(e).relation));
                                }));
    dp.property("inferred", boost::make_function_property_map<Edge>(
                                [edge_of](Edge e) -> bool {
                                  return edge_of(e).inferred;
                                }));
    dp.property("negated", boost::make_function_property_map<Edge>(
                               [edge_of](Edge e) -> bool {
                                 return edge_of(e).negated;
                               }));
    dp.property("support", boost::make_function_property_map<Edge>(
                               [edge_of](Edge e) -> int {
                                 return static_cast<int>(
                                     edge_of(e).support.size());
                               }));
    dp.property("documents",
                boost::make_function_property_map<Edge>(
                    [edge_of](Edge e) -> std::string {
                      return XmlSafe(JsonArray(AffirmedDocuments(edge_of(e))));
                    }));
    dp.property("rule", boost::make_function_property_map<Edge>(
                            [edge_of](Edge e) -> std::string {
                              return XmlSafe(edge_of(e).rule);
                            }));
    boost::write_graphml(*out, g, get(boost::vertex_index, g), dp,
                         /*ordered_vertices=*/true);
    out->flush();
    if (!*out) return absl::InternalError("failed writing GraphML");
    return static_cast<int64_t>(num_edges(g));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("writing GraphML: ", e.what()));
  }
}

}  // namespace mskg::interop
