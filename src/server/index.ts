/**
 * Server helpers for the host app: Fetch-API handlers `(Request) => Promise<Response>` built on
 * the official `@pipedream/sdk` server client. They work in Node's http (via a small adapter),
 * Express, Hono, Next.js route handlers, SvelteKit, Workers and any runtime with Fetch. The
 * external user always comes from the host's own session (`getExternalUserId`), never from the
 * browser alone. Creating a handler never throws: configuration is checked on each request.
 */
import { type ConnectionOptions, asOrigin, resolveConnection } from './config.js';
import type { FetchHandler } from './node.js';
import { AccessTokenError, type Upstream, statusOf, upstreamFor } from './upstream.js';

export { toNodeListener, type FetchHandler, type NodeRequestLike, type NodeResponseLike } from './node.js';
export type { ConnectionOptions, ProjectEnvironment } from './config.js';
// The accounts console's admin handler.
export { createAdminHandler, type AdminAccount, type AdminAuditEntry, type AdminHandlerOptions, type AdminHealth, type AdminIdentity } from './admin.js';

/**
 * Options every handler takes. Credentials left out are read from `process.env` on each request
 * (`PIPEDREAM_CLIENT_ID`, `PIPEDREAM_CLIENT_SECRET`, `PIPEDREAM_PROJECT_ID`,
 * `PIPEDREAM_PROJECT_ENVIRONMENT`); hosts whose secrets live elsewhere pass them here.
 */
export interface ServerHelperOptions extends ConnectionOptions {
  /** Who is signed in, from your own session/cookie/JWT; null or undefined means nobody (401). */
  getExternalUserId: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
}

/** Options of {@link createTokenHandler}. */
export interface TokenHandlerOptions extends ServerHelperOptions {
  /**
   * Origins allowed to ask for a token, e.g. `['https://app.example.com']`. The token is minted
   * for the requesting page's origin (its `Origin` header, else this request's URL), which must be
   * one of these; others get 403. Without it any requesting origin gets a token for itself only.
   */
  allowedOrigins?: string[];
  /** Token scope, e.g. `connect:accounts:read connect:accounts:write` (default Pipedream's `connect:*`). */
  scope?: string;
  /** Token lifetime in seconds, 1–14,400 (default Pipedream's 4 h). */
  expiresIn?: number;
}

/** Options of {@link createRunActionHandler}. */
export interface RunActionHandlerOptions extends ServerHelperOptions {
  /** Action keys this endpoint may run, e.g. `['slack-send-message']`; any action when absent. */
  allowedActions?: string[];
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const PREFIX = 'pd-connect-elements/server';

/** Host-app mistakes already logged: once each, even for handlers created per request. */
const logged = new Set<string>();

/** A 500 for a mistake in the host app, which its logs name too. */
function hostError(message: string): Response {
  const error = `${PREFIX}: ${message}`;
  if (!logged.has(error)) {
    logged.add(error);
    console.error(error);
  }
  return json({ error }, 500);
}

/** Reads an optional JSON object body; anything else is the caller's mistake (400). */
async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
  // Treating a consumed body as empty would skip the user check; name the host's mistake instead.
  if (request.bodyUsed) {
    return hostError('the request body was already read before this handler; pass it an unread Request (in Hono: cloneRawRequest(c.req) from hono/request)');
  }
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // reported below
  }
  return json({ error: 'The request body must be a JSON object' }, 400);
}

/** The signed-in user, checked against any id the browser sent; or the answer to give instead. */
async function signedInUser(options: ServerHelperOptions, request: Request, body: Record<string, unknown>): Promise<string | Response> {
  let user: string | null | undefined;
  try {
    user = await options.getExternalUserId(request);
  } catch {
    return json({ error: 'Could not determine the signed-in user' }, 500);
  }
  if (!user) return json({ error: 'Not signed in' }, 401);
  const claimed = body.external_user_id;
  if (claimed !== undefined && claimed !== user) {
    return json({ error: 'external_user_id does not match the signed-in user' }, 403);
  }
  return user;
}

/** A Pipedream failure as a 502 the browser can show, without leaking credentials. */
function upstreamError(action: string, error: unknown): Response {
  let reason: string;
  if (error instanceof AccessTokenError) {
    const code = statusOf(error.cause);
    reason = code === 401 || code === 403
      ? 'Pipedream rejected the client credentials'
      : code ? `Pipedream's OAuth token endpoint answered HTTP ${code}` : 'Pipedream could not be reached';
  } else {
    const code = statusOf(error);
    reason = code === 401
      ? 'Pipedream refused the access token, even a newly issued one (HTTP 401)'
      : code ? `Pipedream answered HTTP ${code}` : 'Pipedream could not be reached';
  }
  return json({ error: `${action}: ${reason}` }, 502);
}

function methodNotAllowed(): Response {
  return json({ error: 'Method not allowed: use POST' }, 405, { allow: 'POST' });
}

interface Call {
  body: Record<string, unknown>;
  user: string;
  request: Request;
  pipedream: Upstream;
}

/**
 * The part every handler shares: POST only, the configuration (checked here, not at creation),
 * a JSON object body, any request check of the handler's own, and the signed-in user.
 */
function postHandler(
  options: ServerHelperOptions,
  handle: (call: Call) => Promise<Response>,
  extra: { problems?: () => string[]; check?: (request: Request) => Response | undefined } = {},
): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST') return methodNotAllowed();
    const connection = resolveConnection(options ?? {});
    const problems = [
      ...(Array.isArray(connection) ? connection : []),
      ...(typeof options?.getExternalUserId === 'function' ? [] : ['getExternalUserId must be a function that returns the signed-in user id']),
      ...(extra.problems?.() ?? []),
    ];
    if (problems.length || Array.isArray(connection)) return hostError(problems.join('; '));
    const body = await readBody(request);
    if (body instanceof Response) return body;
    const refused = extra.check?.(request);
    if (refused) return refused;
    const user = await signedInUser(options, request, body);
    if (user instanceof Response) return user;
    return handle({ body, user, request, pipedream: upstreamFor(connection) });
  };
}

function stringList(name: string, value: unknown, item: (entry: unknown) => boolean, expected: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [`${name} must be an array of ${expected}`];
  const bad = value.filter((entry) => !item(entry));
  return bad.length ? [`${name} must hold only ${expected}, not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`] : [];
}

/** The origin the token is for: the page that asks, which must be allowed. */
function requestOrigin(request: Request, allowed: string[] | undefined): string | Response {
  const header = request.headers.get('origin');
  // Sandboxed frames and file pages send `null`: no origin a token could be bound to.
  const origin = header ? asOrigin(header) : new URL(request.url).origin;
  if (!origin) return json({ error: `Requests from origin ${header} cannot get a Connect token` }, 403);
  if (allowed && !allowed.some((entry) => asOrigin(entry) === origin)) {
    return json({ error: `Origin ${origin} is not allowed to get a Connect token (not in allowedOrigins)` }, 403);
  }
  return origin;
}

/**
 * The token endpoint the elements' `token-endpoint` points at: POST (optionally
 * `{"external_user_id"}`, which must match the signed-in user) → `{token, expires_at, connect_link_url}`.
 * The token works only from the origin that asked for it (see `allowedOrigins`).
 */
export function createTokenHandler(options: TokenHandlerOptions): FetchHandler {
  const problems = () => [
    ...stringList('allowedOrigins', options.allowedOrigins, (entry) => asOrigin(entry) !== undefined, 'origins like "https://app.example.com"'),
    ...(options.scope === undefined || typeof options.scope === 'string' ? [] : ['scope must be a string']),
    ...(options.expiresIn === undefined || (Number.isInteger(options.expiresIn) && options.expiresIn >= 1 && options.expiresIn <= 14_400)
      ? [] : [`expiresIn must be a whole number of seconds from 1 to 14400, not ${JSON.stringify(options.expiresIn)}`]),
  ];
  const check = (request: Request) => {
    const found = requestOrigin(request, options.allowedOrigins);
    return found instanceof Response ? found : undefined;
  };
  return postHandler(options, async ({ user, request, pipedream }) => {
    // Checked before the session was read; the token is bound to that page's origin alone.
    const allowedOrigins = [requestOrigin(request, options.allowedOrigins) as string];
    try {
      const token = await pipedream.call((client) => client.tokens.create({
        externalUserId: user,
        allowedOrigins,
        ...(options.scope ? { scope: options.scope } : {}),
        ...(options.expiresIn ? { expiresIn: options.expiresIn } : {}),
      }));
      return json({ token: token.token, expires_at: token.expiresAt.toISOString(), connect_link_url: token.connectLinkUrl });
    } catch (error) {
      return upstreamError('Could not create a Connect token', error);
    }
  }, { problems, check });
}

/**
 * For `<pd-account-list disconnect-endpoint>`: POST `{"account_id"}` deletes that account if it
 * belongs to the signed-in user (else 404), answering 204.
 */
export function createDisconnectHandler(options: ServerHelperOptions): FetchHandler {
  return postHandler(options, async ({ body, user, pipedream }) => {
    const accountId = body.account_id;
    if (typeof accountId !== 'string' || !accountId) return json({ error: 'account_id is required' }, 400);
    try {
      const account = await pipedream.call((client) => client.accounts.retrieve(accountId));
      if (account.externalId !== user) return json({ error: 'Account not found' }, 404);
      // Sent once: a retried delete after a 5xx could hide what happened from the caller.
      await pipedream.call((client) => client.accounts.delete(accountId, { maxRetries: 0 }));
      return new Response(null, { status: 204 });
    } catch (error) {
      if (statusOf(error) === 404) return json({ error: 'Account not found' }, 404);
      return upstreamError('Could not disconnect the account', error);
    }
  });
}

/**
 * For forms that run actions server-side: POST `{"id", "configured_props", "dynamic_props_id"?,
 * "stash_id"?}` runs the action as the signed-in user and answers Pipedream's run result.
 */
export function createRunActionHandler(options: RunActionHandlerOptions): FetchHandler {
  const problems = () => stringList('allowedActions', options.allowedActions, (entry) => typeof entry === 'string', 'action keys');
  return postHandler(options, async ({ body, user, pipedream }) => {
    const id = body.id;
    if (typeof id !== 'string' || !id) return json({ error: 'id is required' }, 400);
    if (options.allowedActions && !options.allowedActions.includes(id)) return json({ error: `Action ${id} is not allowed here` }, 403);
    const configuredProps = body.configured_props ?? {};
    if (typeof configuredProps !== 'object' || Array.isArray(configuredProps)) return json({ error: 'configured_props must be an object' }, 400);
    try {
      // A run is sent once: the SDK would retry a 5xx, running the user's action again.
      const result = await pipedream.call((client) => client.actions.run({
        id,
        externalUserId: user,
        configuredProps: configuredProps as Record<string, unknown>,
        ...(typeof body.dynamic_props_id === 'string' ? { dynamicPropsId: body.dynamic_props_id } : {}),
        ...(typeof body.stash_id === 'string' ? { stashId: body.stash_id } : {}),
      }, { maxRetries: 0, timeoutInSeconds: 300 }));
      return json({ exports: result.exports ?? {}, os: result.os ?? [], ret: result.ret ?? null, stash_id: result.stashId ?? null });
    } catch (error) {
      const code = statusOf(error);
      // A 401 is about this server's access, not the caller's request: reported as a 502 below.
      if (code && code >= 400 && code < 500 && code !== 401 && !(error instanceof AccessTokenError)) {
        const detail = (error as { body?: { error?: unknown } }).body?.error;
        return json({ error: typeof detail === 'string' ? detail : `Pipedream answered HTTP ${code}` }, code);
      }
      return upstreamError('Could not run the action', error);
    }
  }, { problems });
}
