/**
 * What a page can start before the library has arrived. Each element file of the CDN build runs
 * `startEarly()` first, and only then loads its chunks: the token request and the connection to
 * the Connect API then overlap the second round of script downloads instead of following it. The
 * session takes the early answer (`takeEarlyToken`) instead of asking again; an answer nobody
 * takes in time is dropped. This module imports nothing, so it stays a few hundred bytes.
 */

export const DEFAULT_BASE_URL = 'https://api.pipedream.com';

/** Shared by every copy of the library on the page (the CDN files and an npm bundle). */
const EARLY_TOKENS = Symbol.for('pd-connect-elements.early-tokens');
/** An early token nobody asked for within this time is dropped (the element may never connect). */
const UNCLAIMED_MS = 30_000;
/** The early request's own deadline; the session still applies its own `token-timeout`. */
const EARLY_TIMEOUT_MS = 60_000;

type EarlyTokens = Map<string, Promise<Response>>;

const page = globalThis as { [EARLY_TOKENS]?: EarlyTokens };

const keyOf = (endpoint: string, externalUserId: string) => `${new URL(endpoint, document.baseURI).href}\n${externalUserId}`;

/**
 * A JSON POST to one of the host's own endpoints: its cookies go along (same origin), and nothing
 * is taken from or put into a cache (tokens and write answers belong to one user and one click).
 */
export function postJson(endpoint: string, body: unknown, signal: AbortSignal): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

/** An attribute of the element, else of the nearest provider around it that has it. */
function setting(element: Element, name: string): string | undefined {
  for (let node: Element | null | undefined = element; node; node = node.parentElement?.closest('pd-connect-provider')) {
    const value = node.getAttribute(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

function preconnect(baseUrl: string): void {
  const origin = new URL(baseUrl, document.baseURI).origin;
  if (origin === location.origin || document.querySelector(`link[rel~="preconnect"][href="${origin}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  // The API calls carry no cookies, so they use the browser's anonymous connections.
  link.crossOrigin = 'anonymous';
  document.head.append(link);
}

/**
 * For each element of `tags` already in the document whose token endpoint and external user id
 * are attributes (its own or a provider's around it): POST for its token now and open the
 * connection to its API. Elements configured from script (`configure()`, `tokenCallback`) are not
 * seen here and start when they connect, as they always do.
 */
export function startEarly(tags: string): void {
  if (typeof document === 'undefined') return;
  const early = (page[EARLY_TOKENS] ??= new Map());
  for (const element of document.querySelectorAll(tags)) {
    const endpoint = setting(element, 'token-endpoint');
    const externalUserId = setting(element, 'external-user-id');
    if (!endpoint || !externalUserId) continue;
    try {
      const key = keyOf(endpoint, externalUserId);
      if (!early.has(key)) {
        const answer = postJson(endpoint, { external_user_id: externalUserId }, AbortSignal.timeout(EARLY_TIMEOUT_MS));
        // A failure is the session's to report when it takes the answer.
        answer.catch(() => undefined);
        early.set(key, answer);
        setTimeout(() => early.get(key) === answer && early.delete(key), UNCLAIMED_MS);
      }
      preconnect(setting(element, 'base-url') ?? DEFAULT_BASE_URL);
    } catch {
      // An unreadable URL: the element reports it once it has loaded.
    }
  }
}

/** The answer of an early token request for this endpoint and user, once: later asks fetch anew. */
export function takeEarlyToken(endpoint: string, externalUserId: string): Promise<Response> | undefined {
  const early = page[EARLY_TOKENS];
  if (!early?.size || typeof document === 'undefined') return undefined;
  let key: string;
  try {
    key = keyOf(endpoint, externalUserId);
  } catch {
    return undefined;
  }
  const answer = early.get(key);
  early.delete(key);
  return answer;
}
