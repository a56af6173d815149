/**
 * The console's client of the host's admin route (`createAdminHandler` of
 * `pd-connect-elements/server`): every request bounded in time, every answer checked before use.
 */

export type AdminHealth = 'healthy' | 'needs_reconnect' | 'disconnected';
export const HEALTH_STATES: readonly AdminHealth[] = ['healthy', 'needs_reconnect', 'disconnected'];

/** An account as the admin route sends it: never credentials. */
export interface AdminAccount {
  id: string;
  name: string;
  externalUserId: string;
  app: { nameSlug: string; name: string; imgSrc?: string };
  health: AdminHealth;
  error?: string;
  createdAt?: Date;
  lastRefreshedAt?: Date;
}

export interface AdminListParams {
  query?: string;
  externalUserId?: string;
  app?: string;
  health?: AdminHealth;
  sort: 'created_at' | 'last_refreshed_at';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface AdminPage {
  accounts: AdminAccount[];
  total: number;
  counts: { all: number } & Record<AdminHealth, number>;
  apps: { nameSlug: string; name: string; count: number }[];
}

/** Why a request failed: the HTTP status (403 = not an admin), no answer in time, no answer at all, or an answer of the wrong shape. */
export class AdminRequestError extends Error {
  constructor(
    readonly reason: 'status' | 'timeout' | 'offline' | 'malformed',
    readonly status?: number,
    message = '',
    /** A revoke whose effect is not known (timeout, 5xx, no answer): it may have happened. */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

/** How long one list page or one revoke may take. */
const LIST_TIMEOUT_MS = 30_000;
const REVOKE_TIMEOUT_MS = 45_000;

export interface AdminClientOptions {
  endpoint: string;
  /** Extra request headers (a CSRF token, an Authorization header). */
  headers?: Record<string, string>;
}

async function post(options: AdminClientOptions, body: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AdminRequestError(timeout.aborted ? 'timeout' : 'offline', undefined, String(error), true);
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    answer = undefined;
  }
  if (!response.ok) {
    const message = answer && typeof (answer as { error?: unknown }).error === 'string' ? (answer as { error: string }).error.slice(0, 300) : '';
    // The admin route says when a revoke's outcome is unknown; a 5xx without its JSON (a proxy, a gateway) may hide a deletion too.
    const unknown = (answer as { outcome?: unknown } | undefined)?.outcome === 'unknown' || ((response.status >= 500 || response.status === 408) && !message);
    throw new AdminRequestError('status', response.status, message, unknown);
  }
  return answer;
}

const text = (value: unknown, max = 500): string | undefined => (typeof value === 'string' ? value.slice(0, max) : undefined);
const date = (value: unknown): Date | undefined => {
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
};
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0);

function readAccount(raw: unknown): AdminAccount | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const entry = raw as Record<string, unknown>;
  const id = text(entry.id, 80);
  const user = text(entry.external_user_id, 300);
  const app = (entry.app ?? {}) as Record<string, unknown>;
  const slug = text(app.name_slug, 120);
  if (!id || user === undefined || !slug) return undefined;
  const health = HEALTH_STATES.includes(entry.health as AdminHealth) ? (entry.health as AdminHealth) : 'needs_reconnect';
  const imgSrc = text(app.img_src, 2000);
  const error = text(entry.error);
  const createdAt = date(entry.created_at);
  const lastRefreshedAt = date(entry.last_refreshed_at);
  return {
    id,
    name: text(entry.name, 300) || id,
    externalUserId: user,
    app: { nameSlug: slug, name: text(app.name, 200) || slug, ...(imgSrc ? { imgSrc } : {}) },
    health,
    ...(error ? { error } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(lastRefreshedAt ? { lastRefreshedAt } : {}),
  };
}

/** One page of the project's accounts for these filters. */
export async function listAccounts(options: AdminClientOptions, params: AdminListParams, signal?: AbortSignal): Promise<AdminPage> {
  const answer = await post(
    options,
    {
      action: 'list',
      ...(params.query ? { query: params.query } : {}),
      ...(params.externalUserId ? { external_user_id: params.externalUserId } : {}),
      ...(params.app ? { app: params.app } : {}),
      ...(params.health ? { health: params.health } : {}),
      sort: params.sort,
      direction: params.direction,
      offset: params.offset,
      limit: params.limit,
    },
    LIST_TIMEOUT_MS,
    signal,
  );
  const body = answer as Record<string, unknown> | undefined;
  if (!body || !Array.isArray(body.data)) throw new AdminRequestError('malformed');
  const counts = (body.counts ?? {}) as Record<string, unknown>;
  const accounts = body.data.map(readAccount).filter((account): account is AdminAccount => Boolean(account));
  return {
    accounts,
    total: Math.max(count(body.total), accounts.length),
    counts: { all: count(counts.all), healthy: count(counts.healthy), needs_reconnect: count(counts.needs_reconnect), disconnected: count(counts.disconnected) },
    apps: (Array.isArray(body.apps) ? body.apps : [])
      .map((raw: unknown) => {
        const entry = (raw ?? {}) as Record<string, unknown>;
        const slug = text(entry.name_slug, 120);
        return slug ? { nameSlug: slug, name: text(entry.name, 200) || slug, count: count(entry.count) } : undefined;
      })
      .filter((app): app is { nameSlug: string; name: string; count: number } => Boolean(app)),
  };
}

/** Every account of these filters, page after page (for an export or a user's deletion). */
export async function listAllAccounts(options: AdminClientOptions, params: Omit<AdminListParams, 'offset' | 'limit'>, signal?: AbortSignal): Promise<AdminAccount[]> {
  const all: AdminAccount[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await listAccounts(options, { ...params, offset, limit }, signal);
    all.push(...page.accounts);
    if (page.accounts.length < limit || all.length >= page.total) return all;
  }
}

/** Revokes one account: sent once, never retried here. Resolves `revoked` or `gone` (404: already deleted). */
export async function revokeAccount(options: AdminClientOptions, accountId: string): Promise<'revoked' | 'gone'> {
  try {
    await post(options, { action: 'revoke', account_id: accountId }, REVOKE_TIMEOUT_MS);
    return 'revoked';
  } catch (error) {
    if (error instanceof AdminRequestError && error.status === 404) return 'gone';
    throw error;
  }
}

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and a leading formula character neutralised (spreadsheets would run it). */
function cell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The accounts as CSV (RFC 4180, CRLF line ends), with a header row. */
export function accountsCsv(accounts: AdminAccount[]): string {
  const rows = [['account_id', 'external_user_id', 'app', 'account_name', 'health', 'created_at', 'last_refreshed_at', 'error']];
  for (const account of accounts) {
    rows.push([
      account.id,
      account.externalUserId,
      account.app.nameSlug,
      account.name,
      account.health,
      account.createdAt?.toISOString() ?? '',
      account.lastRefreshedAt?.toISOString() ?? '',
      account.error ?? '',
    ]);
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
