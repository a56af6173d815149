/**
 * The admin handler behind `<pd-accounts-console endpoint>`: the project's connected accounts
 * across every external user, for the host's own support staff. A browser Connect token sees one
 * user only, so the console asks the host's server, which answers only after the host's
 * `authorize` has said the request comes from an admin. Deny by default, a strict body, the
 * handler's own project only, credentials never in an answer, and every revoke audited.
 */
import type { Account } from '@pipedream/sdk/server';
import { type ConnectionOptions, resolveConnection } from './config.js';
import type { FetchHandler } from './node.js';
import { AccessTokenError, type Upstream, statusOf, upstreamFor } from './upstream.js';

/** Who the host says is asking: an admin's id (string or `{id}`), or nothing for "not an admin". */
export type AdminIdentity = string | { id: string } | null | undefined | false;

/** One destructive call, as `onAudit` receives it. */
export interface AdminAuditEntry {
  /** The admin, as `authorize` named them. */
  actor: string;
  action: 'revoke_account';
  accountId: string;
  /** The account's external user and app, when it was found. */
  externalUserId?: string | undefined;
  app?: string | undefined;
  /** `ok`, `not_found`, `failed` (Pipedream refused), or `unknown` (timeout, 5xx: it may have happened). */
  result: 'ok' | 'not_found' | 'failed' | 'unknown';
  error?: string | undefined;
  at: Date;
}

/** Options of {@link createAdminHandler}. */
export interface AdminHandlerOptions extends ConnectionOptions {
  /**
   * Says whether the request comes from an admin of the host app (its session, cookie, JWT):
   * return the admin's id, or null/undefined/false to refuse (403). Without it every request is refused.
   */
  authorize?: (request: Request) => AdminIdentity | Promise<AdminIdentity>;
  /** Called after every destructive call with who, what and the result; awaited before answering. */
  onAudit?: (entry: AdminAuditEntry) => void | Promise<void>;
  /** How long the project's account list is reused between pages of one view, in ms (default 10 s). */
  cacheMs?: number;
}

/** An account as the console gets it: no credentials, ever. */
export interface AdminAccount {
  id: string;
  name: string;
  external_user_id: string;
  app: { name_slug: string; name: string; img_src: string };
  health: AdminHealth;
  error: string | null;
  created_at: string | null;
  last_refreshed_at: string | null;
}

/** `healthy`, `needs_reconnect` (not healthy, not dead) or `disconnected` (dead). */
export type AdminHealth = 'healthy' | 'needs_reconnect' | 'disconnected';

const HEALTH: readonly AdminHealth[] = ['healthy', 'needs_reconnect', 'disconnected'];
const SORTS = ['created_at', 'last_refreshed_at'] as const;
const LIST_KEYS = new Set(['action', 'project_id', 'query', 'external_user_id', 'app', 'health', 'sort', 'direction', 'offset', 'limit', 'refresh']);
const REVOKE_KEYS = new Set(['action', 'project_id', 'account_id']);
const MAX_LIMIT = 1000;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

const logged = new Set<string>();
function hostError(message: string): Response {
  const error = `pd-connect-elements/server: ${message}`;
  if (!logged.has(error)) {
    logged.add(error);
    console.error(error);
  }
  return json({ error }, 500);
}

/** Thrown for a body the handler will not act on. */
class BadRequest extends Error {}

function healthOf(account: Account): AdminHealth {
  if (account.dead) return 'disconnected';
  return account.healthy === false ? 'needs_reconnect' : 'healthy';
}

/** The whitelist of fields that leave the server: credentials cannot be among them. */
function adminAccount(account: Account): AdminAccount {
  return {
    id: account.id,
    name: account.name ?? '',
    external_user_id: account.externalId ?? '',
    app: { name_slug: account.app?.nameSlug ?? '', name: account.app?.name ?? '', img_src: account.app?.imgSrc ?? '' },
    health: healthOf(account),
    error: account.error ?? null,
    created_at: account.createdAt?.toISOString() ?? null,
    last_refreshed_at: account.lastRefreshedAt?.toISOString() ?? null,
  };
}

function optionalString(body: Record<string, unknown>, name: string, max = 256): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) throw new BadRequest(`${name} must be a string of at most ${max} characters`);
  return value;
}

function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new BadRequest(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[]): T | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new BadRequest(`${name} must be one of ${values.join(', ')}`);
  return value as T;
}

function onlyKeys(body: Record<string, unknown>, allowed: Set<string>): void {
  const extra = Object.keys(body).filter((key) => !allowed.has(key));
  if (extra.length) throw new BadRequest(`Unknown field${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}`);
}

interface Listing { at: number; accounts: AdminAccount[] }

/**
 * POST JSON, one of:
 * - `{"action": "list", "query"?, "external_user_id"?, "app"?, "health"?, "sort"?: "created_at" | "last_refreshed_at",
 *   "direction"?: "asc" | "desc", "offset"?, "limit"? (1–1000), "refresh"?}` →
 *   `{data: AdminAccount[], total, counts: {all, healthy, needs_reconnect, disconnected}, apps: [{name_slug, name, count}]}`;
 *   `query` matches external user ids (case-insensitive, part of the id), `counts` are for the
 *   search and app filter before the health filter;
 * - `{"action": "revoke", "account_id"}` → `{account_id, external_user_id, app}` after deleting the account (sent once).
 * A `project_id` in the body must be this handler's project (else 403).
 */
export function createAdminHandler(options: AdminHandlerOptions): FetchHandler {
  const listings = new Map<string, Listing>();

  async function projectAccounts(pipedream: Upstream, key: string, app: string | undefined, refresh: boolean): Promise<AdminAccount[]> {
    const cached = listings.get(key);
    const ttl = options.cacheMs ?? 10_000;
    if (cached && !refresh && Date.now() - cached.at < ttl) return cached.accounts;
    const accounts: AdminAccount[] = [];
    await pipedream.call(async (client) => {
      accounts.length = 0;
      const pages = await client.accounts.list({ limit: 100, ...(app ? { app } : {}) });
      for await (const account of pages) accounts.push(adminAccount(account));
    });
    if (listings.size > 32) listings.clear();
    listings.set(key, { at: Date.now(), accounts });
    return accounts;
  }

  async function list(pipedream: Upstream, projectId: string, body: Record<string, unknown>): Promise<Response> {
    onlyKeys(body, LIST_KEYS);
    const query = optionalString(body, 'query')?.trim().toLowerCase();
    const exactUser = optionalString(body, 'external_user_id');
    const app = optionalString(body, 'app');
    const health = oneOf(body, 'health', HEALTH);
    const sort = oneOf(body, 'sort', SORTS) ?? 'created_at';
    const direction = oneOf(body, 'direction', ['asc', 'desc'] as const) ?? 'desc';
    const offset = optionalInteger(body, 'offset', 0, 10_000_000) ?? 0;
    const limit = optionalInteger(body, 'limit', 1, MAX_LIMIT) ?? 50;
    if (body.refresh !== undefined && typeof body.refresh !== 'boolean') throw new BadRequest('refresh must be a boolean');

    const all = await projectAccounts(pipedream, `${projectId}\n${app ?? ''}`, app, body.refresh === true);
    const apps = new Map<string, { name_slug: string; name: string; count: number }>();
    const counts = { all: 0, healthy: 0, needs_reconnect: 0, disconnected: 0 };
    const searched = all.filter((account) =>
      (exactUser === undefined || account.external_user_id === exactUser) &&
      (!query || account.external_user_id.toLowerCase().includes(query)));
    for (const account of searched) {
      counts.all++;
      counts[account.health]++;
      const entry = apps.get(account.app.name_slug) ?? { name_slug: account.app.name_slug, name: account.app.name, count: 0 };
      entry.count++;
      apps.set(account.app.name_slug, entry);
    }
    const sign = direction === 'asc' ? 1 : -1;
    const matching = searched
      .filter((account) => !health || account.health === health)
      // Never refreshed sorts last either way: it has no date to compare.
      .sort((a, b) => {
        const left = a[sort];
        const right = b[sort];
        if (left === right) return a.id.localeCompare(b.id);
        if (left === null) return 1;
        if (right === null) return -1;
        return left < right ? -sign : sign;
      });
    return json({
      data: matching.slice(offset, offset + limit),
      total: matching.length,
      counts,
      apps: [...apps.values()].sort((a, b) => a.name.localeCompare(b.name)),
    });
  }

  async function revoke(pipedream: Upstream, actor: string, body: Record<string, unknown>): Promise<Response> {
    onlyKeys(body, REVOKE_KEYS);
    const accountId = body.account_id;
    if (typeof accountId !== 'string' || !/^apn_[A-Za-z0-9]{1,64}$/.test(accountId)) throw new BadRequest('account_id must be an account id (apn_…)');
    const audit = async (entry: Omit<AdminAuditEntry, 'actor' | 'action' | 'accountId' | 'at'>) => {
      try {
        await options.onAudit?.({ actor, action: 'revoke_account', accountId, ...entry, at: new Date() });
      } catch (error) {
        console.error('pd-connect-elements/server: onAudit threw', error);
      }
    };
    let account: Account;
    try {
      // The server client is bound to this handler's project: another project's account is a 404.
      account = await pipedream.call((client) => client.accounts.retrieve(accountId));
    } catch (error) {
      if (statusOf(error) === 404) {
        await audit({ result: 'not_found' });
        return json({ error: 'Account not found' }, 404);
      }
      return upstreamError('Could not read the account', error);
    }
    const target = { externalUserId: account.externalId, app: account.app?.nameSlug };
    try {
      // Sent once: a retried delete after a 5xx would hide what happened.
      await pipedream.call((client) => client.accounts.delete(accountId, { maxRetries: 0, timeoutInSeconds: 30 }));
    } catch (error) {
      const code = statusOf(error);
      if (code === 404) {
        await audit({ ...target, result: 'not_found' });
        return json({ error: 'Account not found' }, 404);
      }
      const unknown = code === undefined || code >= 500 || code === 408;
      await audit({ ...target, result: unknown ? 'unknown' : 'failed', error: code ? `HTTP ${code}` : 'no answer' });
      return unknown
        ? json({ error: 'Pipedream did not confirm the deletion: the account may or may not be deleted', outcome: 'unknown' }, 504)
        : upstreamError('Could not revoke the account', error);
    }
    for (const listing of listings.values()) listing.accounts = listing.accounts.filter((entry) => entry.id !== accountId);
    await audit({ ...target, result: 'ok' });
    return json({ account_id: accountId, external_user_id: account.externalId ?? null, app: account.app?.nameSlug ?? null });
  }

  return async (request) => {
    if (request.method !== 'POST') return new Response(JSON.stringify({ error: 'Method not allowed: use POST' }), { status: 405, headers: { allow: 'POST', 'content-type': 'application/json' } });
    const connection = resolveConnection(options ?? {});
    if (Array.isArray(connection)) return hostError(connection.join('; '));
    // Deny by default: without an authorize callback nobody is an admin.
    let identity: AdminIdentity;
    try {
      identity = typeof options.authorize === 'function' ? await options.authorize(request) : undefined;
    } catch {
      return json({ error: 'Could not check the admin session' }, 500);
    }
    const actor = typeof identity === 'string' ? identity : identity && typeof identity.id === 'string' ? identity.id : '';
    if (!actor) return json({ error: 'Admins only' }, 403);

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await request.text());
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return json({ error: 'The request body must be a JSON object' }, 400);
    }
    if (body.project_id !== undefined && body.project_id !== connection.projectId) {
      return json({ error: 'This endpoint serves its own project only' }, 403);
    }
    const pipedream = upstreamFor(connection);
    try {
      if (body.action === 'list') return await list(pipedream, connection.projectId, body);
      if (body.action === 'revoke') return await revoke(pipedream, actor, body);
      return json({ error: 'action must be "list" or "revoke"' }, 400);
    } catch (error) {
      if (error instanceof BadRequest) return json({ error: error.message }, 400);
      return upstreamError('Could not list the accounts', error);
    }
  };
}

function upstreamError(action: string, error: unknown): Response {
  const code = statusOf(error);
  const reason = error instanceof AccessTokenError ? 'Pipedream refused the client credentials'
    : code ? `Pipedream answered HTTP ${code}` : 'Pipedream could not be reached';
  return json({ error: `${action}: ${reason}` }, 502);
}
