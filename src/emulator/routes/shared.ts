/** Helpers that several resources' routes share: accounts, their owners and their wire form. */
import type { Caller } from '../auth.js';
import { HttpError, notFound, randomHex, randomId } from '../http.js';
import type { StoredAccount } from '../state.js';
import type { OptionsContext, WireAccount, WireApp } from '../types.js';
import type { EmulatorServices } from './context.js';

/** A timestamp in milliseconds as ISO 8601, keeping null. */
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Who may see an account: a project and environment, and (unless undefined) one external user. */
export interface AccountOwner {
  projectId: string;
  environment: string;
  externalUserId?: string | undefined;
}

export function ownedBy(account: StoredAccount, who: AccountOwner): boolean {
  return (
    account.projectId === who.projectId &&
    account.environment === who.environment &&
    (who.externalUserId === undefined || account.externalUserId === who.externalUserId)
  );
}

/** The accounts a caller may reach: a Connect token only its own user's, a server any user's (or the one named). */
export function callerScope(caller: Caller, externalUserId?: string): AccountOwner {
  return {
    projectId: caller.projectId,
    environment: caller.environment,
    externalUserId: caller.kind === 'connect' ? caller.externalUserId : externalUserId,
  };
}

/** The caller's account `id`; someone else's is a 404, as on Pipedream. */
export function findAccount(
  services: Pick<EmulatorServices, 'state'>, caller: Caller, id: string, externalUserId?: string,
): StoredAccount {
  const account = services.state.accounts.get(id);
  if (!account || !ownedBy(account, callerScope(caller, externalUserId))) throw notFound(`Account ${id} not found`);
  return account;
}

/** An account as the API answers it; credentials only when asked for. */
export function wireAccount(
  services: Pick<EmulatorServices, 'appsBySlug'>, account: StoredAccount, includeCredentials = false,
): WireAccount {
  const app = services.appsBySlug.get(account.appSlug) as WireApp;
  const wire: WireAccount = {
    id: account.id,
    name: account.name,
    external_id: account.externalUserId,
    healthy: account.healthy,
    dead: account.dead,
    app,
    created_at: iso(account.createdAt) as string,
    updated_at: iso(account.updatedAt) as string,
    // The spec types it as a string: unknown means absent, not null.
    ...(account.expiresAt === null ? {} : { expires_at: iso(account.expiresAt) as string }),
    error: account.error,
    last_refreshed_at: iso(account.lastRefreshedAt),
    next_refresh_at: account.lastRefreshedAt === null ? null : iso(account.lastRefreshedAt + 3_300_000),
    authorized_scopes: account.authorizedScopes,
  };
  if (includeCredentials) wire.credentials = account.credentials;
  return wire;
}

/** An account as a component's options, reload and run code see it: with its credentials. */
export function resolvedAccount(
  services: Pick<EmulatorServices, 'appsBySlug'>, account: StoredAccount,
): OptionsContext['accounts'][string] {
  return { ...wireAccount(services, account), credentials: account.credentials };
}

/** The name Pipedream would give a new account: the user's email for OAuth, the app and a key's last characters otherwise. */
export function defaultAccountName(app: WireApp, externalUserId: string, cfmap: Record<string, unknown> = {}): string {
  if (typeof cfmap.name === 'string' && cfmap.name) return cfmap.name;
  const user = externalUserId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 24) || 'user';
  if (app.auth_type === 'oauth') return `${user}@example.com`;
  const secret = Object.values(cfmap).find((value): value is string => typeof value === 'string' && value.length >= 4);
  return secret ? `${app.name} (…${secret.slice(-4)})` : `${app.name} account`;
}

/** Credentials for a new account: made-up OAuth tokens for OAuth apps, the entered fields for the others. */
export function fakeCredentials(app: WireApp, cfmap: Record<string, unknown>): Record<string, unknown> {
  if (app.auth_type === 'oauth') {
    return { oauth_access_token: `xoxe-${randomHex(24)}`, oauth_refresh_token: `rt-${randomHex(24)}`, oauth_uid: randomId('U', 9), ...cfmap };
  }
  return { ...cfmap };
}

/** What an OAuth app grants when no scope profile is named: every scope its profiles know (the emulator's stand-in for the app's default scopes). */
const DEFAULT_OAUTH_SCOPES = ['read', 'write'];

/**
 * The scopes a new account of `app` is granted: none for apps without OAuth (a profile means
 * nothing there), the named scope profile's, or without one the app's full set. A profile the
 * app does not have is a 400 `invalid_scope_profile`, as the connect page reports it.
 */
export function grantedScopes(app: WireApp, profile?: string): string[] {
  if (app.auth_type !== 'oauth') return [];
  const profiles = app.scope_profiles ?? [];
  if (profile) {
    const chosen = profiles.find((candidate) => candidate.name === profile);
    if (!chosen) throw new HttpError(400, unknownScopeProfile(app, profile), 'invalid_scope_profile', { scope_profile: profile, known: profiles.map((p) => p.name) });
    return [...chosen.scopes];
  }
  return profiles.length ? [...new Set(profiles.flatMap((p) => p.scopes))] : [...DEFAULT_OAUTH_SCOPES];
}

/** The message for a scope profile an app lacks (the connect page words it the same way). */
export function unknownScopeProfile(app: WireApp, profile: string): string {
  const known = (app.scope_profiles ?? []).map((p) => p.name);
  return `${app.name} has no OAuth scope profile "${profile}"` + (known.length ? ` (it has ${known.join(', ')})` : ' (it has none)');
}
