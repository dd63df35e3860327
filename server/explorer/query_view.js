// query_view.js: the query console: runs Cypher (POST /v1/query with
// evidence), shows the rows as a table and the edges behind them as a
// graph, the plan of EXPLAIN and PROFILE, and a syntax error as its message with a caret under the line and
// column the server reports.

import { ApiError, callApi } from './api.js';
import { element, showEdgeDetails } from './details.js';
import { buildGraph, clearGraph, drawGraph, MAX_NODES } from './graph.js';

const ROW_LIMIT = 200;

// The facts of a query result: the edges each row matched (the evidence),
// with the premises of inferred ones and their sentences.
function factsOf(result) {
  const facts = [];
  for (const row of result.evidence || []) {
    for (const e of row) {
      facts.push({
        source: e.source,
        target: e.target,
        relation: e.relation,
        inferred: e.inferred,
        rule: e.rule,
        negated: e.negated,
        sentences: e.support,
        supportCount: e.support.length,
        premises: e.premises.map((p) => ({
          source: p.source, relation: p.relation, target: p.target, sentences: p.support,
        })),
      });
    }
  }
  return facts;
}

function cellText(value) {
  if (value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function renderTable(table, result) {
  table.replaceChildren();
  const head = element('thead');
  const headRow = element('tr');
  for (const column of result.columns) headRow.append(element('th', column));
  head.append(headRow);
  const body = element('tbody');
  for (const row of result.rows) {
    const tr = element('tr');
    for (const value of row) tr.append(element('td', cellText(value), value === null ? 'muted' : ''));
    body.append(tr);
  }
  table.append(head, body);
}

// Shows `error` in the console's error box; for a position, the query line
// it names with a caret under the column (1-based, as the server counts).
function showError(error, text) {
  const box = document.getElementById('query-error');
  document.getElementById('query-error-message').textContent =
    error instanceof ApiError && error.code ? `${error.code}: ${error.message}` : String(error.message || error);
  const caret = document.getElementById('query-error-caret');
  caret.textContent = '';
  if (error instanceof ApiError && error.line !== null && error.column !== null) {
    const line = text.split('\n')[error.line - 1];
    if (line !== undefined) {
      // Tabs stay tabs, so the caret lines up however they are drawn.
      const pad = [...line.slice(0, error.column - 1)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
      caret.textContent = `line ${error.line}, column ${error.column}:\n${line}\n${pad}^`;
    }
  }
  box.hidden = false;
}

// Runs the console's query; `navigateToName(name)` opens a clicked node.
export async function runQuery({ navigateToName, onGraph }) {
  const text = document.getElementById('query-text').value;
  const status = document.getElementById('query-status');
  const table = document.getElementById('query-table');
  const note = document.getElementById('query-graph-note');
  const panel = document.getElementById('query-details');
  const container = document.getElementById('query-graph');
  const plan = document.getElementById('query-plan');
  document.getElementById('query-error').hidden = true;
  plan.hidden = true;
  panel.replaceChildren();
  status.textContent = 'running…';
  let result;
  try {
    result = await callApi('/v1/query', { body: { query: text, evidence: true, limit: ROW_LIMIT } });
  } catch (error) {
    status.textContent = '';
    table.replaceChildren();
    note.textContent = '';
    clearGraph(container);
    showError(error, text);
    return;
  }
  const more = result.truncated ? ` (first ${ROW_LIMIT}; more exist)` : '';
  status.textContent = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${more} in ${result.took_ms.toFixed(1)} ms`;
  if (result.notices.length > 0) status.textContent += ` · ${result.notices.join('; ')}`;
  renderTable(table, result);
  if (result.plan) {  // EXPLAIN or PROFILE.
    plan.textContent = result.plan;
    plan.hidden = false;
  }

  const facts = factsOf(result);
  const degree = new Map();
  for (const f of facts) {
    degree.set(f.source, (degree.get(f.source) || 0) + 1);
    degree.set(f.target, (degree.get(f.target) || 0) + 1);
  }
  const graph = buildGraph(facts, { rank: (name) => degree.get(name) || 0 });
  if (graph.nodes.length === 0) {
    note.textContent = 'The result matched no edges, so there is no graph to draw.';
  } else if (graph.omitted > 0) {
    note.textContent = `Showing the ${MAX_NODES} best-connected of ${MAX_NODES + graph.omitted} nodes. Dashed: inferred.`;
  } else {
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    note.textContent = `${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'edge')}. ` +
      'Dashed: inferred, named by rule. Click a node to open it, an edge for its sentences.';
  }
  const cy = drawGraph(container, graph, {
    onNode: (node) => navigateToName(node.name),
    onEdge: (edge) => showEdgeDetails(panel, edge),
  });
  onGraph(cy);
}
