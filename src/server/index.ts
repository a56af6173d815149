/**
 * Server helpers for the host app: Fetch-API handlers `(Request) => Promise<Response>` built on
 * the official `@pipedream/sdk` server client. They work in Node's http (via a small adapter),
 * Express, Hono, Next.js route handlers and any runtime with Fetch. The external user always
 * comes from the host's own session (`getExternalUserId`), never from the browser alone.
 */
import { PipedreamClient } from '@pipedream/sdk/server';

export { toNodeListener } from './node.js';

export interface ServerHelperOptions {
  /** OAuth client id (default: `PIPEDREAM_CLIENT_ID`). */
  clientId?: string;
  /** OAuth client secret (default: `PIPEDREAM_CLIENT_SECRET`). */
  clientSecret?: string;
  /** Project id `proj_…` (default: `PIPEDREAM_PROJECT_ID`). */
  projectId?: string;
  /** `development` or `production` (default: `PIPEDREAM_ENVIRONMENT`, else `production`). */
  environment?: 'development' | 'production';
  /** Connect API base URL (default Pipedream's; set it to a Connect emulator in tests). */
  baseUrl?: string;
  /** Who is signed in, from your own session/cookie/JWT; null or undefined means nobody (401). */
  getExternalUserId: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
}

export interface TokenHandlerOptions extends ServerHelperOptions {
  /** Origins the token may be used from (default: the origin this handler is served on). */
  allowedOrigins?: string[];
  /** Token scope, e.g. `connect:accounts:read connect:accounts:write` (default Pipedream's `connect:*`). */
  scope?: string;
  /** Token lifetime in seconds, 1–14,400 (default Pipedream's 4 h). */
  expiresIn?: number;
}

type Handler = (request: Request) => Promise<Response>;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

function env(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env[name];
}

function client(options: ServerHelperOptions): PipedreamClient {
  const clientId = options.clientId ?? env('PIPEDREAM_CLIENT_ID');
  const clientSecret = options.clientSecret ?? env('PIPEDREAM_CLIENT_SECRET');
  const projectId = options.projectId ?? env('PIPEDREAM_PROJECT_ID');
  const missing = [!clientId && 'clientId', !clientSecret && 'clientSecret', !projectId && 'projectId'].filter(Boolean);
  if (missing.length) throw new Error(`pd-connect-elements/server: missing ${missing.join(', ')} (or the PIPEDREAM_* environment variables)`);
  const environment = options.environment ?? (env('PIPEDREAM_ENVIRONMENT') as ServerHelperOptions['environment']) ?? 'production';
  return new PipedreamClient({
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    projectId: projectId as string,
    projectEnvironment: environment,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
}

/** Reads an optional JSON object body; anything else is the caller's mistake (400). */
async function readBody(request: Request): Promise<Record<string, unknown> | Response> {
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

function status(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** A Pipedream failure as a 502 the browser can show, without leaking credentials. */
function upstreamError(action: string, error: unknown): Response {
  const code = status(error);
  const reason = code === 401 ? 'Pipedream rejected the client credentials' : code ? `Pipedream answered HTTP ${code}` : 'Pipedream could not be reached';
  return json({ error: `${action}: ${reason}` }, 502);
}

function methodNotAllowed(): Response {
  return json({ error: 'Method not allowed: use POST' }, 405, { allow: 'POST' });
}

/** The part every handler shares: POST only, a JSON object body, and the signed-in user. */
function postHandler(
  options: ServerHelperOptions,
  handle: (body: Record<string, unknown>, user: string, request: Request) => Promise<Response>,
): Handler {
  return async (request) => {
    if (request.method !== 'POST') return methodNotAllowed();
    const body = await readBody(request);
    if (body instanceof Response) return body;
    const user = await signedInUser(options, request, body);
    if (user instanceof Response) return user;
    return handle(body, user, request);
  };
}

/**
 * The token endpoint the elements' `token-endpoint` points at: POST (optionally
 * `{"external_user_id"}`, which must match the signed-in user) → `{token, expires_at, connect_link_url}`.
 */
export function createTokenHandler(options: TokenHandlerOptions): Handler {
  const pipedream = client(options);
  return postHandler(options, async (_body, user, request) => {
    try {
      const token = await pipedream.tokens.create({
        externalUserId: user,
        allowedOrigins: options.allowedOrigins ?? [new URL(request.url).origin],
        ...(options.scope ? { scope: options.scope } : {}),
        ...(options.expiresIn ? { expiresIn: options.expiresIn } : {}),
      });
      return json({ token: token.token, expires_at: token.expiresAt.toISOString(), connect_link_url: token.connectLinkUrl });
    } catch (error) {
      return upstreamError('Could not create a Connect token', error);
    }
  });
}

/**
 * For `<pd-account-list disconnect-endpoint>`: POST `{"account_id"}` deletes that account if it
 * belongs to the signed-in user (else 404), answering 204.
 */
export function createDisconnectHandler(options: ServerHelperOptions): Handler {
  const pipedream = client(options);
  return postHandler(options, async (body, user) => {
    const accountId = body.account_id;
    if (typeof accountId !== 'string' || !accountId) return json({ error: 'account_id is required' }, 400);
    try {
      const account = await pipedream.accounts.retrieve(accountId);
      if (account.externalId !== user) return json({ error: 'Account not found' }, 404);
      // Sent once: a retried delete after a 5xx could hide what happened from the caller.
      await pipedream.accounts.delete(accountId, { maxRetries: 0 });
      return new Response(null, { status: 204 });
    } catch (error) {
      if (status(error) === 404) return json({ error: 'Account not found' }, 404);
      return upstreamError('Could not disconnect the account', error);
    }
  });
}

/**
 * For forms that run actions server-side: POST `{"id", "configured_props", "dynamic_props_id"?,
 * "stash_id"?}` runs the action as the signed-in user and answers Pipedream's run result.
 */
export function createRunActionHandler(options: ServerHelperOptions & { allowedActions?: string[] }): Handler {
  const pipedream = client(options);
  return postHandler(options, async (body, user) => {
    const id = body.id;
    if (typeof id !== 'string' || !id) return json({ error: 'id is required' }, 400);
    if (options.allowedActions && !options.allowedActions.includes(id)) return json({ error: `Action ${id} is not allowed here` }, 403);
    const configuredProps = body.configured_props ?? {};
    if (typeof configuredProps !== 'object' || Array.isArray(configuredProps)) return json({ error: 'configured_props must be an object' }, 400);
    try {
      // A run is sent once: the SDK would retry a 5xx, running the user's action again.
      const result = await pipedream.actions.run({
        id,
        externalUserId: user,
        configuredProps: configuredProps as Record<string, unknown>,
        ...(typeof body.dynamic_props_id === 'string' ? { dynamicPropsId: body.dynamic_props_id } : {}),
        ...(typeof body.stash_id === 'string' ? { stashId: body.stash_id } : {}),
      }, { maxRetries: 0, timeoutInSeconds: 300 });
      return json({ exports: result.exports ?? {}, os: result.os ?? [], ret: result.ret ?? null, stash_id: result.stashId ?? null });
    } catch (error) {
      const code = status(error);
      if (code && code >= 400 && code < 500) {
        const detail = (error as { body?: { error?: unknown } }).body?.error;
        return json({ error: typeof detail === 'string' ? detail : `Pipedream answered HTTP ${code}` }, code);
      }
      return upstreamError('Could not run the action', error);
    }
  });
}
