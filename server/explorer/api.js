// api.js: calls to the mskg HTTP API (server/openapi.json) with the API key
// the user gave, if any. Every failure becomes an ApiError carrying the
// server's {code, message, line, column}, so views can show it as it is.

const KEY_STORAGE = 'mskg.apiKey';

export class ApiError extends Error {
  constructor(status, error) {
    super(error.message || 'unknown error');
    this.status = status;
    this.code = error.code || '';
    this.line = error.line ?? null;
    this.column = error.column ?? null;
  }
}

// Session storage, not local storage: closing the tab forgets the key.
export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) || '';
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
  } else {
    sessionStorage.removeItem(KEY_STORAGE);
  }
}

// Called on a 401 with the server's message; resolves to true once the user
// has given a key to retry with (explorer.js shows the key dialog).
let keyPrompt = null;
export function setKeyPrompt(prompt) {
  keyPrompt = prompt;
}

// Returns the JSON body of `path` (GET, or POST of `body`). Throws ApiError
// for an error answer or an unreachable server; AbortError when `signal`
// aborts. On 401 it asks for a key and tries again.
export async function callApi(path, { body, signal } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const key = apiKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    let response;
    try {
      response = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        cache: 'no-store',
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, { code: 'NETWORK', message: `cannot reach the server (${e.message})` });
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      if (e.name === 'AbortError') throw e;
    }
    if (response.ok && json !== null) return json;
    const error = json && json.error ? json.error : {
      code: `HTTP_${response.status}`,
      message: `the server answered ${response.status} ${response.statusText} without a JSON body`,
    };
    if (response.status === 401 && attempt < 3 && keyPrompt && (await keyPrompt(error.message))) {
      continue;
    }
    throw new ApiError(response.status, error);
  }
}
