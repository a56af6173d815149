/** OAuth access tokens, Connect tokens and the token check the connect page makes. */
import { requireScope, requireServer } from '../auth.js';
import { badRequest, field, json, randomHex, readJsonObject } from '../http.js';
import type { StoredToken } from '../state.js';
import type { RequestContext, RouteContext, RouteTable } from './context.js';
import { iso, ownedBy } from './shared.js';

const ACCESS_TOKEN_SECONDS = 3600;

/** `POST /v1/oauth/token`: the client-credentials grant; errors are OAuth's `{error, error_description}`. */
export async function oauthToken(context: RequestContext): Promise<Response> {
  const body = await readJsonObject(context.request);
  if (body.grant_type !== 'client_credentials') {
    return json({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }, 400);
  }
  if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
    return json({ error: 'invalid_request', error_description: 'client_id and client_secret are required' }, 400);
  }
  if (body.client_id !== context.clientId || body.client_secret !== context.clientSecret) {
    return json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
  }
  const scope = typeof body.scope === 'string' && body.scope.trim() ? body.scope.trim() : '*';
  const token = `pd_${randomHex(40)}`;
  context.state.accessTokens.set(token, { token, expiresAt: context.now() + ACCESS_TOKEN_SECONDS * 1000, scope });
  context.changed();
  return json({ access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, created_at: Math.floor(context.now() / 1000), scope });
}

/**
 * `GET /v1/connect/tokens/{token}/validate`: authenticated by the token in the path (the connect
 * page calls it). A bad token is a 200 with `success: false`, readable from any origin.
 */
export function validateToken(context: RequestContext, ctok: string): Response {
  const { params } = context;
  const origin = context.request.headers.get('origin');
  const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
  const appSlug = params.get('app_id');
  if (!appSlug) return json({ error: 'app_id is required', code: 'bad_request' }, 400, cors);
  const token = context.state.tokens.get(ctok);
  // A known token's error URI lets a Connect Link page send the user back even on failure.
  const fail = (error: string) =>
    json({ success: false, error, ...(token?.errorRedirectUri ? { error_redirect_uri: token.errorRedirectUri } : {}) }, 200, cors);
  if (!token) return fail('The connect token is invalid. Ask the app for a new link.');
  if (token.usedAt !== undefined) return fail('This connect token has already been used. Ask the app for a new link.');
  if (token.expiresAt <= context.now()) return fail('The connect token has expired. Ask the app for a new link.');
  const app = context.appsBySlug.get(appSlug);
  if (!app) return fail(`The app "${appSlug}" does not exist.`);
  const body: Record<string, unknown> = {
    success: true,
    error: null,
    app,
    project_id: token.projectId,
    project_environment: token.environment,
    project_app_name: context.projectName,
  };
  const oauthAppId = params.get('oauth_app_id');
  if (oauthAppId) body.oauth_app_id = oauthAppId;
  if (token.successRedirectUri) body.success_redirect_uri = token.successRedirectUri;
  if (token.errorRedirectUri) body.error_redirect_uri = token.errorRedirectUri;
  const accountId = params.get('account_id');
  if (accountId) {
    const account = context.state.accounts.get(accountId);
    if (!account || !ownedBy(account, token) || account.appSlug !== app.name_slug) {
      return fail('The account to reconnect was not found for this user and app.');
    }
    body.account = { id: account.id, name: account.name };
  }
  return json(body, 200, cors);
}

/** `POST /v1/connect/{project_id}/tokens`: a Connect token for one external user (server auth only). */
async function createToken({ request, url, caller, state, basePath, now, changed }: RouteContext): Promise<Response> {
  requireServer(caller);
  requireScope(caller, 'connect:tokens:create');
  const body = await readJsonObject(request);
  const externalUserId = field.string(body, 'external_user_id');
  const expiresIn = field.optionalInteger(body, 'expires_in', 1, 14_400) ?? 14_400;
  const allowedOrigins = field.optionalStringArray(body, 'allowed_origins') ?? [];
  for (const origin of allowedOrigins) {
    let parsed: URL | undefined;
    try { parsed = new URL(origin); } catch { /* reported below */ }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, '')) throw badRequest(`allowed_origins contains an invalid origin: ${origin}`);
  }
  const scope = field.optionalString(body, 'scope')?.trim() || 'connect:*';
  const token: StoredToken = {
    token: `ctok_${randomHex(32)}`,
    projectId: caller.projectId,
    environment: caller.environment,
    externalUserId,
    expiresAt: now() + expiresIn * 1000,
    allowedOrigins: allowedOrigins.map((origin) => origin.replace(/\/$/, '')),
    scope,
  };
  const success = field.optionalString(body, 'success_redirect_uri');
  const failure = field.optionalString(body, 'error_redirect_uri');
  const webhook = field.optionalString(body, 'webhook_uri');
  if (success) token.successRedirectUri = success;
  if (failure) token.errorRedirectUri = failure;
  if (webhook) token.webhookUri = webhook;
  state.tokens.set(token.token, token);
  changed();
  const base = url.origin + basePath;
  return json({
    token: token.token,
    expires_at: iso(token.expiresAt),
    connect_link_url: `${base}/_static/connect.html?token=${token.token}&connectLink=true`,
  });
}

/** The token routes that need an authenticated caller. */
export const tokenRoutes: RouteTable = {
  'POST tokens': createToken,
};
