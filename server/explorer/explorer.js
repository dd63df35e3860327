// explorer.js: the mskg explorer's entry point: hash routing between the
// home, entity and query views, the search box with autocomplete
// (GET /v1/search), the API key dialog, and the error banner. Plain modern
// JavaScript (ES modules), no framework and no build step.

import { ApiError, apiKey, callApi, setApiKey, setKeyPrompt } from './api.js';
import { entityHash, showEntity } from './entity_view.js';
import { runQuery } from './query_view.js';

const $ = (id) => document.getElementById(id);

// The drawn graphs, for the browser test (server/explorer/browser_test.py)
// and anyone poking at the page from the console.
window.mskgExplorer = { entityGraph: null, queryGraph: null };

function showBanner(message) {
  $('banner').textContent = message;
  $('banner').hidden = false;
}

function clearBanner() {
  $('banner').hidden = true;
  $('banner').textContent = '';
}

function describe(error) {
  return error instanceof ApiError ? `${error.message} (HTTP ${error.status || 'error'})` : String(error);
}

// ---- The API key dialog: shown on a 401, or from the header's button.

let pendingKey = null;  // One dialog however many requests got a 401.

function askForKey(reason) {
  if (pendingKey) return pendingKey;
  pendingKey = new Promise((resolve) => {
    const dialog = $('key-dialog');
    $('key-reason').textContent = reason;
    $('key-input').value = apiKey();
    const finish = (gotKey) => {
      dialog.removeEventListener('close', onClose);
      $('key-form').removeEventListener('submit', onSubmit);
      $('key-forget').removeEventListener('click', onForget);
      if (dialog.open) dialog.close();
      pendingKey = null;
      updateKeyButton();
      resolve(gotKey);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const key = $('key-input').value.trim();
      if (key.length < 16) {
        $('key-reason').textContent = 'Keys are at least 16 characters long.';
        return;
      }
      setApiKey(key);
      finish(true);
    };
    const onForget = () => {
      setApiKey('');
      finish(false);
    };
    const onClose = () => finish(false);  // Escape.
    $('key-form').addEventListener('submit', onSubmit);
    $('key-forget').addEventListener('click', onForget);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    $('key-input').focus();
  });
  return pendingKey;
}

function updateKeyButton() {
  $('key-button').textContent = apiKey() ? 'API key ✓' : 'API key';
}

// ---- Search with autocomplete.

const search = {
  input: $('search-input'),
  list: $('suggestions'),
  hits: [],
  selected: -1,
  timer: 0,
  controller: null,
};

function closeSuggestions() {
  search.list.hidden = true;
  search.list.replaceChildren();
  search.input.setAttribute('aria-expanded', 'false');
  search.input.removeAttribute('aria-activedescendant');
  search.hits = [];
  search.selected = -1;
}

function select(index) {
  search.selected = index;
  [...search.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
  if (index >= 0) search.input.setAttribute('aria-activedescendant', `suggestion-${index}`);
}

function pick(hit) {
  closeSuggestions();
  search.input.value = hit.name;
  navigate(entityHash(hit.type, hit.name));
}

function renderSuggestions(hits) {
  search.hits = hits;
  search.list.replaceChildren();
  if (hits.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = 'No entity matches.';
    search.list.append(li);
  }
  hits.forEach((hit, i) => {
    const li = document.createElement('li');
    li.id = `suggestion-${i}`;
    li.setAttribute('role', 'option');
    li.dataset.name = hit.name;
    li.dataset.type = hit.type;
    const name = document.createElement('span');
    name.textContent = hit.name;
    if (hit.matched !== hit.name) {
      const matched = document.createElement('span');
      matched.className = 'matched';
      matched.textContent = ` “${hit.matched}”`;
      name.append(matched);
    }
    const type = document.createElement('span');
    type.className = 'type-badge';
    type.textContent = hit.type;
    li.append(name, type);
    // mousedown, not click: it comes before the input's blur closes the list.
    li.addEventListener('mousedown', (event) => {
      event.preventDefault();
      pick(hit);
    });
    search.list.append(li);
  });
  search.list.hidden = false;
  search.input.setAttribute('aria-expanded', 'true');
  select(-1);
}

async function suggest() {
  const q = search.input.value.trim();
  if (search.controller) search.controller.abort();
  if (q === '') {
    closeSuggestions();
    return;
  }
  search.controller = new AbortController();
  try {
    const answer = await callApi(`/v1/search?q=${encodeURIComponent(q)}&limit=8`,
      { signal: search.controller.signal });
    if (search.input.value.trim() === q) renderSuggestions(answer.hits);
  } catch (error) {
    if (error.name !== 'AbortError') showBanner(`Search failed: ${describe(error)}`);
  }
}

search.input.addEventListener('input', () => {
  clearTimeout(search.timer);
  search.timer = setTimeout(suggest, 120);  // Type a word, send one request.
});
search.input.addEventListener('keydown', (event) => {
  const n = search.hits.length;
  if (event.key === 'ArrowDown' && n > 0) {
    event.preventDefault();
    select((search.selected + 1) % n);
  } else if (event.key === 'ArrowUp' && n > 0) {
    event.preventDefault();
    select((search.selected - 1 + n) % n);
  } else if (event.key === 'Enter' && n > 0) {
    event.preventDefault();
    pick(search.hits[Math.max(search.selected, 0)]);
  } else if (event.key === 'Escape') {
    closeSuggestions();
  }
});
search.input.addEventListener('blur', closeSuggestions);

// ---- Routing: #/ (home), #/entity/TYPE/NAME, #/query.

function navigate(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;  // hashchange routes.
  }
}

// Opens the entity called `name` (a query graph knows names, not types).
async function navigateToName(name) {
  try {
    const answer = await callApi(`/v1/search?q=${encodeURIComponent(name)}&limit=10`);
    const hit = answer.hits.find((h) => h.name === name) || answer.hits.find((h) => h.match === 'exact');
    if (!hit) {
      showBanner(`No entity named '${name}'.`);
      return;
    }
    navigate(entityHash(hit.type, hit.name));
  } catch (error) {
    showBanner(`Could not open '${name}': ${describe(error)}`);
  }
}

function showView(id) {
  for (const view of ['home-view', 'entity-view', 'query-view']) $(view).hidden = view !== id;
}

async function route() {
  clearBanner();
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'entity' && parts.length === 3) {
    let type;
    let name;
    try {
      type = decodeURIComponent(parts[1]);
      name = decodeURIComponent(parts[2]);
    } catch {
      showBanner('This link is malformed.');
      return;
    }
    showView('entity-view');
    $('entity-view').dataset.state = 'loading';
    try {
      await showEntity(type, name, {
        navigate,
        onGraph: (cy) => { window.mskgExplorer.entityGraph = cy; },
      });
      $('entity-view').dataset.state = 'ready';
    } catch (error) {
      $('entity-view').dataset.state = 'error';
      showView('home-view');  // Not the last entity's page under this one's name.
      showBanner(describe(error));
    }
  } else if (parts[0] === 'query') {
    showView('query-view');
    document.title = 'Query · mskg explorer';
    $('query-text').focus();
  } else {
    showView('home-view');
    document.title = 'mskg explorer';
  }
}

function submitQuery() {
  runQuery({ navigateToName, onGraph: (cy) => { window.mskgExplorer.queryGraph = cy; } })
    .catch((error) => showBanner(`The query console failed: ${describe(error)}`));
}

$('query-form').addEventListener('submit', (event) => {
  event.preventDefault();
  submitQuery();
});
$('query-text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    submitQuery();
  }
});
$('key-button').addEventListener('click', () => {
  askForKey('The key this tab sends with every request.').catch(() => {});
});

setKeyPrompt((message) => askForKey(`This server needs an API key: ${message}`));
updateKeyButton();
window.addEventListener('hashchange', route);
if (!window.cytoscape) showBanner('vendor/cytoscape.min.js did not load; graphs cannot be drawn.');
route();
