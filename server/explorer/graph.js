// graph.js: bounded, readable pictures for Cytoscape (the vendored
// vendor/cytoscape.min.js, a global): at most MAX_NODES nodes, all the
// relations between two nodes merged into one edge labelled with each,
// inferred edges dashed and named by rule, as `mskg show` draws them.
//
// A "fact" is one relation between two named nodes: {source, target,
// relation, inferred, rule, negated, sentences, supportCount, premises}.

export const MAX_NODES = 60;

const TYPE_COLOURS = {
  Muscle: '#c8553d', Structure: '#8c6d46', Action: '#3f8f5f', Condition: '#d98a0b',
  Cause: '#a0522d', Symptom: '#b03a6a', Treatment: '#2e78b7', Test: '#6d4c9f',
  Nerve: '#b9a000', Vessel: '#c2185b',
};
const UNKNOWN_COLOUR = '#7f8a99';

const drawn = new WeakMap();  // container -> its Cytoscape instance

// The same fact stored both ways (a symmetric relation such as
// ANTAGONIST_OF) is one line without an arrow; this is what "the same" means.
function signature(fact) {
  const sentences = (fact.sentences || []).map((s) => `${s.document}@${s.begin}`).sort();
  const premises = (fact.premises || []).map((p) => `${p.source}|${p.relation}|${p.target}`).sort();
  return [fact.relation, fact.inferred, fact.rule, fact.negated, sentences, premises].join('\u0001');
}

export function factLabel(fact) {
  const name = fact.inferred && fact.rule ? `${fact.relation} (${fact.rule})` : fact.relation;
  return fact.negated ? `not ${name}` : name;
}

// Returns the graph of `facts`: nodes (keyed by name; `types` maps names to
// types where known) ranked by `rank` (higher first; the first MAX_NODES
// kept), one edge per pair of kept nodes. `center` (a name or null) is
// always kept and drawn larger.
export function buildGraph(facts, { types = new Map(), rank = () => 0, center = null } = {}) {
  const names = new Set();
  const documented = new Set();  // Names with a fact that is not inferred.
  for (const fact of facts) {
    names.add(fact.source);
    names.add(fact.target);
    if (!fact.inferred) {
      documented.add(fact.source);
      documented.add(fact.target);
    }
  }
  if (center !== null) names.add(center);
  const ranked = [...names].sort((a, b) =>
    (a === center ? -1 : b === center ? 1 : 0) || rank(b) - rank(a) || a.localeCompare(b));
  const kept = ranked.slice(0, MAX_NODES);
  const ids = new Map(kept.map((name, i) => [name, `n${i}`]));
  const nodes = kept.map((name) => ({
    id: ids.get(name), name, type: types.get(name) || null, center: name === center,
    documented: documented.has(name),
  }));

  const edges = new Map();  // "idA idB" (sorted) -> edge
  for (const fact of facts) {
    const a = ids.get(fact.source);
    const b = ids.get(fact.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { id: `e${edges.size}`, source: a, target: b, facts: [], both: false };
      edges.set(key, edge);
    }
    const sig = signature(fact);
    const same = edge.facts.find((f) => f.sig === sig);
    if (same) {
      if (same.fact.source !== fact.source) same.both = true;
      continue;
    }
    edge.facts.push({ sig, fact, both: false });
  }
  const edgeList = [...edges.values()].map((edge) => {
    const facts = edge.facts.map((f) => ({ ...f.fact, both: f.both }));
    const forward = facts.every((f) => !f.both && ids.get(f.source) === edge.source);
    const backward = facts.every((f) => !f.both && ids.get(f.source) === edge.target);
    return {
      id: edge.id,
      // Drawn from the source of every fact when they agree, else no arrow.
      source: backward ? edge.target : edge.source,
      target: backward ? edge.source : edge.target,
      directed: forward || backward,
      inferred: facts.every((f) => f.inferred),
      negated: facts.every((f) => f.negated),
      label: [...new Set(facts.map(factLabel))].join('\n'),
      facts,
    };
  });
  return { nodes, edges: edgeList, omitted: names.size - kept.length };
}

const STYLE = [
  { selector: 'node', style: {
    label: 'data(name)', 'background-color': 'data(colour)', width: 16, height: 16,
    'font-size': 11, color: '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 3,
    'text-wrap': 'wrap', 'text-max-width': 130,
    'text-outline-color': '#ffffff', 'text-outline-width': 2,
  } },
  { selector: 'node.center', style: {
    width: 30, height: 30, 'font-size': 14, 'font-weight': 'bold',
    'border-width': 3, 'border-color': '#1d2330',
  } },
  { selector: 'edge', style: {
    width: 2, 'line-color': '#8a94a8', 'curve-style': 'bezier',
    label: 'data(label)', 'font-size': 8, color: '#4a5366', 'text-rotation': 'autorotate',
    'text-wrap': 'wrap', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
    'text-background-padding': 1, 'arrow-scale': 0.8,
  } },
  { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#8a94a8' } },
  { selector: 'edge.inferred', style: {
    'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': '#a58fcf',
    'target-arrow-color': '#a58fcf', color: '#6d5a96',
  } },
  { selector: 'edge.negated', style: { 'line-color': '#d9827b', 'target-arrow-color': '#d9827b' } },
  { selector: 'edge:selected', style: { 'line-color': '#2457c5', 'target-arrow-color': '#2457c5', width: 4 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#2457c5' } },
];

// Returns node id -> {x, y} for a graph with a center: the center in the
// middle, the neighbours named in documents on an inner ring, those only
// inferred on an outer ring, each ring in the graph's node order. Outer
// nodes go into the gaps between inner ones (in proportion to each gap),
// so that no outer node's edge runs through an inner node or along its edge.
export function ringPositions(graph) {
  const center = graph.nodes.find((n) => n.center);
  // Neighbours of one relation side by side, so their labels read as a group.
  const labelOf = new Map();
  for (const edge of graph.edges) {
    labelOf.set(edge.source, edge.label);
    labelOf.set(edge.target, edge.label);
  }
  const others = graph.nodes.filter((n) => !n.center).sort((a, b) =>
    (labelOf.get(a.id) || '').localeCompare(labelOf.get(b.id) || '') || a.name.localeCompare(b.name));
  let inner = others.filter((n) => n.documented);
  let outer = others.filter((n) => !n.documented);
  if (inner.length === 0) [inner, outer] = [outer, []];
  const turn = 2 * Math.PI;
  const r1 = Math.max(130, (inner.length * 80) / turn);
  const r2 = Math.max(r1 + 130, (outer.length * 55) / turn);
  // Ellipses, wider than high, as the graph's box is; a stretch keeps
  // every edge on its own line.
  const stretch = 1.5;
  const positions = {};
  if (center) positions[center.id] = { x: 0, y: 0 };
  const place = (node, angle, r) => {
    positions[node.id] = {
      x: stretch * r * Math.cos(angle - Math.PI / 2),
      y: r * Math.sin(angle - Math.PI / 2),
    };
  };
  inner.forEach((node, i) => place(node, (turn * i) / inner.length, r1));
  // Gap g spans [g, g + 1) inner steps; it gets its share of the outer
  // nodes, spread evenly strictly inside it.
  const gaps = inner.length;
  let next = 0;
  for (let g = 0; g < gaps; g++) {
    const share = Math.round(((g + 1) * outer.length) / gaps) - Math.round((g * outer.length) / gaps);
    for (let k = 0; k < share; k++) {
      place(outer[next++], (turn * (g + (k + 1) / (share + 1))) / gaps, r2);
    }
  }
  return positions;
}

// Draws `graph` (from buildGraph) into `container`, replacing what was
// there; calls onNode(node) and onEdge(edge) with the model objects when
// they are clicked. Sets container.dataset.state to "ready" once laid out,
// which the browser test waits for. Returns the Cytoscape instance.
export function drawGraph(container, graph, { onNode, onEdge, layout = 'cose' } = {}) {
  clearGraph(container);
  container.dataset.state = 'drawing';
  const byId = new Map();
  const elements = [];
  for (const node of graph.nodes) {
    byId.set(node.id, node);
    elements.push({
      group: 'nodes',
      data: { id: node.id, name: node.name, colour: TYPE_COLOURS[node.type] || UNKNOWN_COLOUR },
      classes: node.center ? 'center' : '',
    });
  }
  for (const edge of graph.edges) {
    byId.set(edge.id, edge);
    elements.push({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label },
      classes: [edge.directed && 'directed', edge.inferred && 'inferred', edge.negated && 'negated']
        .filter(Boolean).join(' '),
    });
  }
  const cy = window.cytoscape({
    container,
    elements,
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 4,
    boxSelectionEnabled: false,
    layout: { name: 'preset' },
  });
  cy.on('tap', 'node', (event) => onNode && onNode(byId.get(event.target.id())));
  cy.on('tap', 'edge', (event) => onEdge && onEdge(byId.get(event.target.id())));
  const options = layout === 'rings'
    ? { name: 'preset', positions: ringPositions(graph), animate: false, padding: 30 }
    : { name: 'cose', animate: false, padding: 30, nodeRepulsion: () => 9000,
      idealEdgeLength: () => 110, randomize: true };
  const run = cy.layout(options);
  run.one('layoutstop', () => {
    cy.fit(undefined, 30);
    // A graph of two nodes would otherwise fill the box with giant labels.
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center();
    }
    container.dataset.state = 'ready';
  });
  run.run();
  drawn.set(container, cy);
  return cy;
}

// Removes the graph drawn in `container`, if any (a new answer, an error).
export function clearGraph(container) {
  const cy = drawn.get(container);
  if (cy) {
    cy.destroy();
    drawn.delete(container);
  }
  container.dataset.state = 'empty';
}
