/** Connected accounts: list, create (the connect page), retrieve, delete, and delete all of an app's. */
import { type Caller, actingUser, requireScope, requireServer } from '../auth.js';
import { HttpError, badRequest, field, forbidden, json, notFound, query, randomId, readJsonObject, unauthorized } from '../http.js';
import { paginate } from '../paging.js';
import type { StoredAccount } from '../state.js';
import type { AppCustomField } from '../types.js';
import type { RouteContext, RouteTable } from './context.js';
import { callerScope, defaultAccountName, fakeCredentials, findAccount, grantedScopes, ownedBy, wireAccount } from './shared.js';

/** `include_credentials=true`, which only server calls may ask for. */
function includeCredentials(caller: Caller, params: URLSearchParams): boolean {
  const include = query.boolean(params, 'include_credentials') ?? false;
  if (include && caller.kind !== 'server') {
    throw forbidden('include_credentials is only allowed with server authentication');
  }
  return include;
}

/** Lists the accounts of `requestedUser` (a Connect token: its own user's), newest first. */
export function listAccounts(context: RouteContext, requestedUser: string | null): Response {
  const { caller, params, state, appsBySlug } = context;
  requireScope(caller, 'connect:accounts:read');
  const externalUserId = actingUser(caller, requestedUser, false);
  const withCredentials = includeCredentials(caller, params);
  const app = params.get('app');
  const oauthAppId = params.get('oauth_app_id');
  const who = callerScope(caller, externalUserId);
  const accounts = [...state.accounts.values()]
    .filter((account) => ownedBy(account, who))
    .filter((account) => !app || account.appSlug === app || appsBySlug.get(account.appSlug)?.id === app)
    .filter((account) => !oauthAppId || account.oauthAppId === oauthAppId)
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const page = paginate(accounts, (account) => account.id, {
    after: params.get('after'), before: params.get('before'), limit: params.get('limit'),
  });
  return json({ data: page.data.map((account) => wireAccount(context, account, withCredentials)), page_info: page.page_info });
}

function retrieveAccount(context: RouteContext): Response {
  const { caller, params, id } = context;
  requireScope(caller, 'connect:accounts:read');
  const withCredentials = includeCredentials(caller, params);
  const account = findAccount(context, caller, id, params.get('external_user_id') ?? undefined);
  return json(wireAccount(context, account, withCredentials));
}

function deleteAccount(context: RouteContext): Response {
  const { caller, id, state, changed } = context;
  requireScope(caller, 'connect:accounts:write');
  const account = findAccount(context, caller, id);
  state.accounts.delete(account.id);
  changed();
  return new Response(null, { status: 204 });
}

/** `DELETE apps/{app}/accounts`: every account of one app in the caller's project and environment. */
function deleteAppAccounts({ caller, id: appSlug, state, catalog, appsBySlug, changed }: RouteContext): Response {
  requireServer(caller);
  requireScope(caller, 'connect:accounts:write');
  const app = appsBySlug.get(appSlug) ?? catalog.apps.find((candidate) => candidate.id === appSlug);
  if (!app) throw notFound(`App ${appSlug} not found`);
  for (const account of [...state.accounts.values()]) {
    if (account.appSlug === app.name_slug && ownedBy(account, callerScope(caller))) state.accounts.delete(account.id);
  }
  changed();
  return new Response(null, { status: 204 });
}

/** What the connect page calls: creates an account (or replaces a reconnected one's credentials). */
async function createAccount(context: RouteContext): Promise<Response> {
  const { request, params, caller, state, appsBySlug, now: clock, changed } = context;
  const body = await readJsonObject(request);
  const connectToken = field.string(body, 'connect_token');
  const appSlug = field.string(body, 'app_slug');
  const cfmapJson = field.optionalString(body, 'cfmap_json') ?? '{}';
  const name = field.optionalString(body, 'name')?.trim();
  const accountId = field.optionalString(body, 'account_id');
  const oauthAppId = field.optionalString(body, 'oauth_app_id') ?? params.get('oauth_app_id') ?? undefined;
  const scopeProfile = field.optionalString(body, 'scope_profile')?.trim() || undefined;
  const appOverrideId = field.optionalString(body, 'app_override_id')?.trim() || undefined;
  const customOauthClientId = field.optionalString(body, 'custom_oauth_client_id')?.trim() || undefined;

  const token = state.tokens.get(connectToken);
  if (!token) throw unauthorized('Invalid connect token', 'invalid_token');
  if (caller.kind === 'connect' && caller.token.token !== token.token) throw forbidden('connect_token does not match the Authorization header');
  if (token.projectId !== caller.projectId) throw notFound(`Project ${caller.projectId} not found`);
  if (token.usedAt !== undefined) throw unauthorized('Connect token has already been used', 'token_used');
  if (token.expiresAt <= clock()) throw unauthorized('Connect token has expired', 'token_expired');
  if (caller.kind === 'connect') requireScope(caller, 'connect:accounts:write');

  const app = appsBySlug.get(appSlug);
  if (!app) throw notFound(`App ${appSlug} not found`);
  let cfmap: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(cfmapJson);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    cfmap = parsed as Record<string, unknown>;
  } catch {
    throw badRequest('cfmap_json must be a JSON object encoded as a string');
  }
  const authorizedScopes = grantedScopes(app, scopeProfile);
  const connectedWith = {
    ...(scopeProfile && app.auth_type === 'oauth' ? { scopeProfile } : {}),
    ...(appOverrideId ? { appOverrideId } : {}),
    ...(customOauthClientId && app.auth_type === 'oauth' ? { customOauthClientId } : {}),
  };
  if (app.auth_type === 'keys') {
    const fields = JSON.parse(app.custom_fields_json) as AppCustomField[];
    const missing = fields.filter((f) => !f.optional && (cfmap[f.name] === undefined || cfmap[f.name] === ''));
    if (missing.length) {
      throw new HttpError(400, `Missing required field${missing.length > 1 ? 's' : ''}: ${missing.map((f) => f.label ?? f.name).join(', ')}`, 'validation_error', { missing: missing.map((f) => f.name) });
    }
  }

  const now = clock();
  let account: StoredAccount;
  if (accountId) {
    const existing = state.accounts.get(accountId);
    if (!existing || !ownedBy(existing, token) || existing.appSlug !== app.name_slug) {
      throw notFound(`Account ${accountId} not found for this user and app`);
    }
    account = existing;
    // A reconnect grants what this connect asked for, not what the last one did.
    delete account.scopeProfile;
    delete account.customOauthClientId;
    Object.assign(account, {
      credentials: fakeCredentials(app, cfmap), healthy: true, dead: false, error: null, updatedAt: now,
      lastRefreshedAt: app.auth_type === 'oauth' ? now : null, authorizedScopes,
    }, connectedWith);
    if (name) account.name = name;
  } else {
    account = {
      id: randomId('apn_'),
      projectId: token.projectId,
      environment: token.environment,
      externalUserId: token.externalUserId,
      appSlug: app.name_slug,
      name: name || defaultAccountName(app, token.externalUserId, cfmap),
      healthy: true,
      dead: false,
      error: null,
      credentials: fakeCredentials(app, cfmap),
      authorizedScopes,
      ...connectedWith,
      createdAt: now,
      updatedAt: now,
      expiresAt: null,
      lastRefreshedAt: app.auth_type === 'oauth' ? now : null,
    };
    if (oauthAppId) account.oauthAppId = oauthAppId;
    state.accounts.set(account.id, account);
  }
  token.usedAt = now;
  changed();
  return json(wireAccount(context, account));
}

export const accountRoutes: RouteTable = {
  'GET accounts': (context) => listAccounts(context, context.params.get('external_user_id')),
  'POST accounts': createAccount,
  'GET accounts/:id': retrieveAccount,
  'DELETE accounts/:id': deleteAccount,
  'DELETE apps/:id/accounts': deleteAppAccounts,
};
