import { language } from './texts.js';

/** A refused request, carrying the server's ProblemDetails. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field (or JSON path) → messages, as the API names them. */
  get errors() { return this.problem.errors ?? {}; }
}

/** The revision the last change through this client was committed as (from the X-Revision header). */
export let lastRevision = null;

/** Calls the HTTP API; answers with the parsed JSON, or throws an ApiError (or a TypeError when the server is unreachable). */
export async function api(method, url, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': language };
  const user = localStorage.getItem('networkgraph.user');
  if (user) headers['X-User'] = user;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.headers.has('X-Revision')) lastRevision = Number(response.headers.get('X-Revision'));
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** The URL segment of an entity type: actor → actors, body → bodies … */
export const segment = (type) => ({ body: 'bodies', territory: 'territories' })[type] ?? `${type}s`;
