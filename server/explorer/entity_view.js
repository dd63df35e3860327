// entity_view.js: the page of one entity (GET /v1/entities/{type}/{name}):
// its type and aliases, its relations grouped by kind, and its
// neighbourhood drawn as a graph (graph.js) whose nodes open their own page
// and whose edges show the sentences behind them (details.js).

import { callApi } from './api.js';
import { element, showEdgeDetails } from './details.js';
import { buildGraph, drawGraph, MAX_NODES } from './graph.js';

export function entityHash(type, name) {
  return `#/entity/${encodeURIComponent(type)}/${encodeURIComponent(name)}`;
}

// The facts of an entity page: one per neighbour per relation group.
function factsOf(entity) {
  const facts = [];
  for (const group of entity.relations) {
    for (const n of group.neighbours) {
      const out = group.direction === 'out';
      facts.push({
        source: out ? entity.name : n.name,
        target: out ? n.name : entity.name,
        relation: group.relation,
        inferred: n.inferred,
        rule: n.rule,
        negated: n.negated,
        sentences: n.evidence,
        supportCount: n.support_count,
        premises: n.premises || [],
        neighbour: n,
      });
    }
  }
  return facts;
}

// Neighbours named in documents first, then by the sentences behind them.
function rankOf(facts) {
  const score = new Map();
  for (const f of facts) {
    const other = f.neighbour.name;
    const s = (f.inferred ? 1 : 1000) + f.supportCount;
    score.set(other, (score.get(other) || 0) + s);
  }
  return (name) => score.get(name) || 0;
}

// Renders the relation list: one section per relation, each neighbour once
// (a symmetric relation comes back both ways), with a button that shows
// the same details as clicking its edge.
function renderRelations(list, entity, graph, panel) {
  list.replaceChildren();
  const byRelation = new Map();
  for (const group of entity.relations) {
    if (!byRelation.has(group.relation)) byRelation.set(group.relation, { total: 0, listed: new Map() });
    const entry = byRelation.get(group.relation);
    entry.total = Math.max(entry.total, group.count);
    for (const n of group.neighbours) {
      const key = `${n.type}\u0001${n.name}`;
      const seen = entry.listed.get(key);
      if (seen) {
        seen.directions.add(group.direction);
      } else {
        entry.listed.set(key, { n, directions: new Set([group.direction]) });
      }
    }
  }
  const edgeOf = new Map();  // neighbour name -> its edge in the graph
  const centerId = graph.nodes.find((node) => node.center).id;
  const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
  for (const edge of graph.edges) {
    edgeOf.set(nameOf.get(edge.source === centerId ? edge.target : edge.source), edge);
  }
  if (byRelation.size === 0) list.append(element('p', 'No relations.', 'muted'));
  for (const [relation, { total, listed }] of byRelation) {
    const section = element('section', null, 'relation');
    section.dataset.relation = relation;
    section.append(element('h3', `${relation} · ${listed.size}`));
    const ul = element('ul');
    for (const { n, directions } of listed.values()) {
      const li = element('li');
      const arrow = directions.size === 2 ? '↔ ' : directions.has('out') ? '→ ' : '← ';
      li.append(arrow);
      const link = element('a', n.name);
      link.href = entityHash(n.type, n.name);
      li.append(link, element('span', n.type, 'tag'));
      if (n.inferred) li.append(element('span', `inferred · ${n.rule}`, 'tag'));
      if (n.negated) li.append(element('span', 'negated', 'tag'));
      if (!n.inferred) {
        li.append(element('span', `${n.support_count} sentence${n.support_count === 1 ? '' : 's'}`, 'tag'));
      }
      const edge = edgeOf.get(n.name);
      if (edge) {
        const why = element('button', 'why', 'link evidence-button');
        why.type = 'button';
        why.addEventListener('click', () => showEdgeDetails(panel, edge));
        li.append(why);
      }
      ul.append(li);
    }
    section.append(ul);
    if (total > listed.size) {
      section.append(element('p', `${total - listed.size} more not listed`, 'muted'));
    }
    list.append(section);
  }
}

// Shows the entity `name` of `type` in the page's entity view. Throws
// ApiError (e.g. 404 with suggestions) for the caller to show.
export async function showEntity(type, name, { navigate, onGraph }) {
  const entity = await callApi(
    `/v1/entities/${encodeURIComponent(type)}/${encodeURIComponent(name)}?evidence=5&limit=200`);
  document.getElementById('entity-name').textContent = entity.name;
  document.getElementById('entity-type').textContent = entity.type;
  document.getElementById('entity-aliases').textContent = entity.aliases.length > 0
    ? `Also called: ${entity.aliases.join(', ')}` : 'No aliases.';
  document.title = `${entity.name} · mskg explorer`;

  const facts = factsOf(entity);
  const types = new Map(facts.map((f) => [f.neighbour.name, f.neighbour.type]));
  types.set(entity.name, entity.type);
  const graph = buildGraph(facts, { types, rank: rankOf(facts), center: entity.name });
  const panel = document.getElementById('entity-details');
  panel.replaceChildren();
  renderRelations(document.getElementById('entity-relations'), entity, graph, panel);
  document.getElementById('entity-graph-note').textContent = graph.omitted > 0
    ? `Showing ${MAX_NODES - 1} of ${graph.nodes.length - 1 + graph.omitted} neighbours (those named in the most sentences). Dashed: inferred.`
    : `${graph.nodes.length - 1} neighbours. Dashed: inferred, named by rule. Click a node to open it, an edge for its sentences.`;
  const cy = drawGraph(document.getElementById('entity-graph'), graph, {
    layout: 'rings',
    onNode: (node) => { if (!node.center) navigate(entityHash(node.type, node.name)); },
    onEdge: (edge) => showEdgeDetails(panel, edge),
  });
  onGraph(cy);
}
