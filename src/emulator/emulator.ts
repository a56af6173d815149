import { type Caller, actingUser, authenticate, requireScope, requireServer } from './auth.js';
import { type Catalog, createCatalog } from './catalog/index.js';
import { connectPageHtml, connectPageScript } from './connect-page.js';
import { type ActiveFault, Faults, type FaultRule, faultResponse } from './faults.js';
import {
  HttpError, badRequest, errorResponse, field, forbidden, json, notFound, query, randomHex, randomId,
  readJsonObject, unauthorized,
} from './http.js';
import { paginate } from './paging.js';
import { type EmulatorSnapshot, EmulatorState, type StoredAccount, type StoredDeployedTrigger, type StoredToken } from './state.js';
import type {
  AppCustomField, ConfigurableProp, EmulatorComponent, Observation, OptionsContext, WireAccount, WireApp, WireComponent,
} from './types.js';
import { adminRoute } from './admin.js';

export interface EmulatorOptions {
  /** Expected OAuth client id (default `pd_emulator_client_id`). */
  clientId?: string;
  /** Expected OAuth client secret (default `pd_emulator_client_secret`). */
  clientSecret?: string;
  /** The one project this emulator serves (default `proj_emulator`). */
  projectId?: string;
  /** Display name the connect page shows for the project. */
  projectName?: string;
  /** Path the emulator is mounted under, e.g. `/storybook/emulator` behind a service worker (default: the root). */
  basePath?: string;
  /** Add this many generated apps to the catalog (e.g. 2500). */
  syntheticApps?: number;
  /** A catalog to serve instead of the built-in one. */
  catalog?: Catalog;
  /** Latency added to every API answer, in milliseconds. */
  latencyMs?: number;
  /** Fault rules active from the start. */
  faults?: FaultRule[];
  /** State to start from (see `snapshot()`). */
  state?: EmulatorSnapshot;
  /** Called after every change of state, e.g. to persist it. */
  onStateChange?: (snapshot: EmulatorSnapshot) => void;
  /** Used to deliver trigger events to webhook URLs (default: global fetch). */
  fetch?: typeof fetch;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

export interface RequestLogEntry {
  ts: number;
  method: string;
  path: string;
  query: string;
  auth: 'connect' | 'server' | 'none';
  externalUserId?: string;
  origin?: string;
  status: number;
}

export interface WebhookDelivery {
  triggerId: string;
  url: string;
  eventId: string;
  status: number | 'failed';
  error?: string;
}

export const DEFAULT_CREDENTIALS = {
  clientId: 'pd_emulator_client_id',
  clientSecret: 'pd_emulator_client_secret',
  projectId: 'proj_emulator',
} as const;

const SDK_HEADERS = [
  'authorization', 'content-type', 'x-pd-environment', 'x-fern-language', 'x-fern-sdk-name',
  'x-fern-sdk-version', 'x-fern-runtime', 'x-fern-runtime-version',
];
const RESOURCES = new Set(['accounts', 'apps', 'app_categories', 'components', 'actions', 'triggers', 'deployed-triggers', 'tokens', 'users']);
/** Prop types that are not configured by the user and never block a run. */
const NON_INPUT_TYPES = new Set(['alert', '$.interface.http', '$.interface.timer', '$.interface.apphook', '$.service.db', 'dir', 'data_store']);
const ACCESS_TOKEN_SECONDS = 3600;
const REQUEST_LOG_LIMIT = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function unwrapLabel(value: unknown): unknown {
  if (value && typeof value === 'object' && '__lv' in value) return (value as { __lv: unknown }).__lv;
  return value;
}

function categoryId(name: string): string {
  return `cat_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

/**
 * A Connect API emulator as a Fetch-API handler: `handle(Request) => Promise<Response>`.
 * It depends on nothing but web-platform globals, so it runs in Node and in a service worker.
 */
export class ConnectEmulator {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly basePath: string;
  readonly state: EmulatorState;
  readonly faults = new Faults();
  readonly catalog: Catalog;
  latencyMs: number;
  requests: RequestLogEntry[] = [];
  deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly appsBySlug = new Map<string, WireApp>();
  private readonly componentsByKey = new Map<string, EmulatorComponent>();
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;
  private readonly onStateChange?: (snapshot: EmulatorSnapshot) => void;

  constructor(options: EmulatorOptions = {}) {
    this.clientId = options.clientId ?? DEFAULT_CREDENTIALS.clientId;
    this.clientSecret = options.clientSecret ?? DEFAULT_CREDENTIALS.clientSecret;
    this.projectId = options.projectId ?? DEFAULT_CREDENTIALS.projectId;
    this.projectName = options.projectName ?? 'Acme (emulated)';
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.catalog = options.catalog ?? createCatalog({ syntheticApps: options.syntheticApps ?? 0 });
    for (const app of this.catalog.apps) this.appsBySlug.set(app.name_slug, app);
    for (const component of this.catalog.components) this.componentsByKey.set(component.key, component);
    this.latencyMs = options.latencyMs ?? 0;
    for (const rule of options.faults ?? []) this.faults.add(rule);
    this.state = new EmulatorState(options.state);
    this.now = options.now ?? Date.now;
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.onStateChange = options.onStateChange;
  }

  /** Handles one HTTP request. Never throws: every failure is an HTTP answer. */
  handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    let path = url.pathname.replace(/\/{2,}/g, '/');
    try {
      if (this.basePath) {
        if (path !== this.basePath && !path.startsWith(`${this.basePath}/`)) throw notFound(`No route for ${request.method} ${path}`);
        path = path.slice(this.basePath.length) || '/';
      }
      if (path.startsWith('/_emulator/') || path === '/_emulator') {
        return withCors(await adminRoute(this, request, path, url), request.headers.get('origin'));
      }
      if (path.startsWith('/_static/')) return await this.staticRoute(path);
      if (request.method === 'OPTIONS') return preflight(request);
      if (!path.startsWith('/v1/')) return errorResponse(notFound(`No route for ${request.method} ${path}`));
      return await this.apiRoute(request, url, path);
    } catch (error) {
      return errorResponse(error instanceof HttpError ? error : new HttpError(500, 'Internal emulator error'));
    }
  };

  /** Resolves once every webhook delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  snapshot(): EmulatorSnapshot {
    return this.state.snapshot();
  }

  /** Forgets all tokens, accounts, triggers, faults and logs. */
  reset(): void {
    this.state.clear();
    this.faults.clear();
    this.requests = [];
    this.deliveries = [];
    this.changed();
  }

  /** Creates an account directly (for seeding tests and demos), bypassing the connect flow. */
  seedAccount(input: {
    externalUserId: string; app: string; name?: string; healthy?: boolean; dead?: boolean; error?: string | null;
    environment?: string; credentials?: Record<string, unknown>; createdAt?: number;
  }): WireAccount {
    const app = this.appsBySlug.get(input.app);
    if (!app) throw badRequest(`Unknown app: ${input.app}`);
    const now = input.createdAt ?? this.now();
    const account: StoredAccount = {
      id: randomId('apn_'),
      projectId: this.projectId,
      environment: input.environment ?? 'production',
      externalUserId: input.externalUserId,
      appSlug: app.name_slug,
      name: input.name ?? defaultAccountName(app, input.externalUserId),
      healthy: input.healthy ?? true,
      dead: input.dead ?? false,
      error: input.error ?? null,
      credentials: input.credentials ?? fakeCredentials(app, {}),
      authorizedScopes: app.auth_type === 'oauth' ? ['read', 'write'] : [],
      createdAt: now,
      updatedAt: now,
      expiresAt: null,
      lastRefreshedAt: app.auth_type === 'oauth' ? now : null,
    };
    this.state.accounts.set(account.id, account);
    this.changed();
    return this.wireAccount(account);
  }

  /** Marks tokens expired now (all, or the one given). Returns how many. */
  expireTokens(token?: string): number {
    let count = 0;
    for (const stored of this.state.tokens.values()) {
      if (token && stored.token !== token) continue;
      stored.expiresAt = Math.min(stored.expiresAt, this.now());
      count++;
    }
    this.changed();
    return count;
  }

  /** Emits the trigger's sample events to its webhook URLs now. */
  emit(triggerId: string): Promise<void> {
    const trigger = this.state.deployedTriggers.get(triggerId);
    if (!trigger) throw notFound(`Deployed trigger ${triggerId} not found`);
    return this.track(this.deliverSampleEvents(trigger));
  }

  changed(): void {
    this.onStateChange?.(this.snapshot());
  }

  // ---------------------------------------------------------------- static pages

  private async staticRoute(path: string): Promise<Response> {
    if (path === '/_static/connect.html') {
      const fault = this.faults.connectPage;
      if (fault === 'hang') return new Promise<Response>(() => {});
      // A static page without secrets: any page may read its status (a connect flow checks it loaded).
      const readable = { 'access-control-allow-origin': '*' };
      if (fault === 'unavailable') return new Response('Service unavailable', { status: 503, headers: readable });
      return new Response(connectPageHtml({ mode: fault === 'error' ? 'error' : 'normal', basePath: this.basePath }), {
        headers: {
          ...readable,
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self'",
        },
      });
    }
    if (path === '/_static/connect.js') {
      return new Response(connectPageScript(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    }
    return errorResponse(notFound(`No static file ${path}`));
  }

  // ---------------------------------------------------------------- API

  private async apiRoute(request: Request, url: URL, path: string): Promise<Response> {
    const origin = request.headers.get('origin');
    const entry: RequestLogEntry = {
      ts: this.now(), method: request.method, path, query: url.search, auth: 'none', status: 0,
      ...(origin ? { origin } : {}),
    };
    this.requests.push(entry);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);

    const fault: ActiveFault | undefined = this.faults.take(request.method, path);
    const latency = this.latencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0) await sleep(latency);

    let response: Response;
    let allowOrigin = true;
    const injected = fault && faultResponse(fault);
    if (injected && !fault.forward) {
      response = injected;
    } else {
      try {
        const result = await this.dispatch(request, url, path, entry);
        response = result;
      } catch (error) {
        if (error instanceof HttpError) {
          if (error.code === 'origin_not_allowed') allowOrigin = false;
          response = errorResponse(error);
        } else {
          console.error('[pd-connect-emulator] unexpected error', error);
          response = errorResponse(new HttpError(500, 'Internal emulator error', 'internal_error'));
        }
      }
      // The request took effect; the answer that would tell so is replaced.
      if (injected) response = injected;
    }
    entry.status = response.status;
    return allowOrigin ? withCors(response, origin) : response;
  }

  private async dispatch(request: Request, url: URL, path: string, entry: RequestLogEntry): Promise<Response> {
    const method = request.method;
    const segments = path.split('/').filter(Boolean); // ['v1', 'connect', ...]

    if (path === '/v1/oauth/token') {
      if (method !== 'POST') throw new HttpError(405, 'Method not allowed', 'method_not_allowed');
      return this.oauthToken(request);
    }
    if (segments[1] !== 'connect') throw notFound(`No route for ${method} ${path}`);

    // Token validation is authenticated by the token in the path (the connect page calls it).
    if (segments[2] === 'tokens' && segments[4] === 'validate' && segments.length === 5) {
      if (method !== 'GET') throw new HttpError(405, 'Method not allowed', 'method_not_allowed');
      return this.validateToken(segments[3] as string, url.searchParams, url.origin, request.headers.get('origin'));
    }

    let rest = segments.slice(2);
    let pathProjectId: string | undefined;
    if (rest.length && !RESOURCES.has(rest[0] as string)) {
      pathProjectId = rest[0];
      rest = rest.slice(1);
    }
    const resource = rest[0];
    if (!resource || !RESOURCES.has(resource)) throw notFound(`No route for ${method} ${path}`);

    const caller = authenticate(request, this.state, { projectId: this.projectId, pathProjectId, now: this.now() });
    entry.auth = caller.kind;
    if (caller.kind === 'connect') {
      entry.externalUserId = caller.externalUserId;
      this.checkOrigin(caller.token, request.headers.get('origin'), url.origin);
    }
    const params = url.searchParams;
    const route = `${method} ${resource}${rest.length > 1 ? '/' + rest.slice(1).map((s, i) => (i === 0 ? ':id' : s)).join('/') : ''}`;
    const id = rest[1] ? decodeURIComponent(rest[1]) : '';

    switch (route) {
      case 'POST tokens': return this.createToken(request, caller);
      case 'GET accounts': return this.listAccounts(caller, params, params.get('external_user_id'));
      case 'POST accounts': return this.createAccount(request, caller);
      case 'GET accounts/:id': return this.retrieveAccount(caller, id, params);
      case 'DELETE accounts/:id': return this.deleteAccount(caller, id);
      case 'GET users/:id/accounts': requireServer(caller); return this.listAccounts(caller, params, id);
      case 'DELETE users/:id': return this.deleteUser(caller, id);
      case 'DELETE apps/:id/accounts': return this.deleteAppAccounts(caller, id);
      case 'GET apps': return this.listApps(caller, params);
      case 'GET apps/:id': return this.retrieveApp(caller, id);
      case 'GET app_categories': return this.listCategories(caller);
      case 'GET app_categories/:id': return this.retrieveCategory(caller, id);
      case 'GET components': return this.listComponents(caller, params, undefined);
      case 'GET actions': return this.listComponents(caller, params, 'action');
      case 'GET triggers': return this.listComponents(caller, params, 'trigger');
      case 'POST components/:id':
      case 'POST actions/:id':
      case 'POST triggers/:id':
        return this.componentPost(request, caller, resource, id);
      case 'GET components/:id': return this.retrieveComponent(caller, id, undefined);
      case 'GET actions/:id': return this.retrieveComponent(caller, id, 'action');
      case 'GET triggers/:id': return this.retrieveComponent(caller, id, 'trigger');
      case 'GET deployed-triggers': return this.listDeployedTriggers(caller, params);
      case 'GET deployed-triggers/:id': return json({ data: this.wireDeployedTrigger(this.findTrigger(caller, id, params)) });
      case 'PUT deployed-triggers/:id': return this.updateDeployedTrigger(request, caller, id, params);
      case 'DELETE deployed-triggers/:id': return this.deleteDeployedTrigger(caller, id, params);
      case 'GET deployed-triggers/:id/events': return this.listTriggerEvents(caller, id, params);
      case 'GET deployed-triggers/:id/webhooks': {
        requireScope(caller, 'connect:deployed_triggers:read', 'connect:triggers:read');
        return json({ webhook_urls: this.findTrigger(caller, id, params).webhookUrls });
      }
      case 'PUT deployed-triggers/:id/webhooks': return this.updateTriggerWebhooks(request, caller, id, params);
      default: {
        const known = /^(GET|POST|PUT|DELETE|PATCH) /.test(route);
        throw known ? new HttpError(405, `Method ${method} not allowed on ${path}`, 'method_not_allowed') : notFound(`No route for ${method} ${path}`);
      }
    }
  }

  /** Browser requests with a Connect token must come from one of the token's allowed origins. */
  private checkOrigin(token: StoredToken, origin: string | null, ownOrigin: string): void {
    if (!origin || origin === ownOrigin) return;
    if (!token.allowedOrigins.includes(origin)) {
      throw new HttpError(403, `Origin ${origin} is not in the Connect token's allowed_origins`, 'origin_not_allowed');
    }
  }

  // ---------------------------------------------------------------- auth routes

  private async oauthToken(request: Request): Promise<Response> {
    const body = await readJsonObject(request);
    if (body.grant_type !== 'client_credentials') {
      return json({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }, 400);
    }
    if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
      return json({ error: 'invalid_request', error_description: 'client_id and client_secret are required' }, 400);
    }
    if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
      return json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401);
    }
    const scope = typeof body.scope === 'string' && body.scope.trim() ? body.scope.trim() : '*';
    const token = `pd_${randomHex(40)}`;
    this.state.accessTokens.set(token, { token, expiresAt: this.now() + ACCESS_TOKEN_SECONDS * 1000, scope });
    this.changed();
    return json({ access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, created_at: Math.floor(this.now() / 1000), scope });
  }

  private async createToken(request: Request, caller: Caller): Promise<Response> {
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
      expiresAt: this.now() + expiresIn * 1000,
      allowedOrigins: allowedOrigins.map((origin) => origin.replace(/\/$/, '')),
      scope,
    };
    const success = field.optionalString(body, 'success_redirect_uri');
    const failure = field.optionalString(body, 'error_redirect_uri');
    const webhook = field.optionalString(body, 'webhook_uri');
    if (success) token.successRedirectUri = success;
    if (failure) token.errorRedirectUri = failure;
    if (webhook) token.webhookUri = webhook;
    this.state.tokens.set(token.token, token);
    this.changed();
    const base = new URL(request.url).origin + this.basePath;
    return json({
      token: token.token,
      expires_at: iso(token.expiresAt),
      connect_link_url: `${base}/_static/connect.html?token=${token.token}&connectLink=true`,
    });
  }

  private validateToken(ctok: string, params: URLSearchParams, _ownOrigin: string, origin: string | null): Response {
    const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    const appSlug = params.get('app_id');
    if (!appSlug) return json({ error: 'app_id is required', code: 'bad_request' }, 400, cors);
    const token = this.state.tokens.get(ctok);
    // A known token's error URI lets a Connect Link page send the user back even on failure.
    const fail = (error: string) =>
      json({ success: false, error, ...(token?.errorRedirectUri ? { error_redirect_uri: token.errorRedirectUri } : {}) }, 200, cors);
    if (!token) return fail('The connect token is invalid. Ask the app for a new link.');
    if (token.usedAt !== undefined) return fail('This connect token has already been used. Ask the app for a new link.');
    if (token.expiresAt <= this.now()) return fail('The connect token has expired. Ask the app for a new link.');
    const app = this.appsBySlug.get(appSlug);
    if (!app) return fail(`The app "${appSlug}" does not exist.`);
    const body: Record<string, unknown> = {
      success: true,
      error: null,
      app,
      project_id: token.projectId,
      project_environment: token.environment,
      project_app_name: this.projectName,
    };
    const oauthAppId = params.get('oauth_app_id');
    if (oauthAppId) body.oauth_app_id = oauthAppId;
    if (token.successRedirectUri) body.success_redirect_uri = token.successRedirectUri;
    if (token.errorRedirectUri) body.error_redirect_uri = token.errorRedirectUri;
    const accountId = params.get('account_id');
    if (accountId) {
      const account = this.state.accounts.get(accountId);
      if (!account || !this.ownedBy(account, token) || account.appSlug !== app.name_slug) {
        return fail('The account to reconnect was not found for this user and app.');
      }
      body.account = { id: account.id, name: account.name };
    }
    return json(body, 200, cors);
  }

  // ---------------------------------------------------------------- accounts

  private ownedBy(account: StoredAccount, who: { projectId: string; environment: string; externalUserId?: string }): boolean {
    return (
      account.projectId === who.projectId &&
      account.environment === who.environment &&
      (who.externalUserId === undefined || account.externalUserId === who.externalUserId)
    );
  }

  private callerScope(caller: Caller, externalUserId?: string) {
    return {
      projectId: caller.projectId,
      environment: caller.environment,
      externalUserId: caller.kind === 'connect' ? caller.externalUserId : externalUserId,
    };
  }

  private findAccount(caller: Caller, id: string, externalUserId?: string): StoredAccount {
    const account = this.state.accounts.get(id);
    if (!account || !this.ownedBy(account, this.callerScope(caller, externalUserId))) throw notFound(`Account ${id} not found`);
    return account;
  }

  wireAccount(account: StoredAccount, includeCredentials = false): WireAccount {
    const app = this.appsBySlug.get(account.appSlug) as WireApp;
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

  private includeCredentials(caller: Caller, params: URLSearchParams): boolean {
    const include = query.boolean(params, 'include_credentials') ?? false;
    if (include && caller.kind !== 'server') {
      throw forbidden('include_credentials is only allowed with server authentication');
    }
    return include;
  }

  private listAccounts(caller: Caller, params: URLSearchParams, requestedUser: string | null): Response {
    requireScope(caller, 'connect:accounts:read');
    const externalUserId = actingUser(caller, requestedUser, false);
    const includeCredentials = this.includeCredentials(caller, params);
    const app = params.get('app');
    const oauthAppId = params.get('oauth_app_id');
    const who = this.callerScope(caller, externalUserId);
    const accounts = [...this.state.accounts.values()]
      .filter((account) => this.ownedBy(account, who))
      .filter((account) => !app || account.appSlug === app || this.appsBySlug.get(account.appSlug)?.id === app)
      .filter((account) => !oauthAppId || account.oauthAppId === oauthAppId)
      .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    const page = paginate(accounts, (account) => account.id, {
      after: params.get('after'), before: params.get('before'), limit: params.get('limit'),
    });
    return json({ data: page.data.map((account) => this.wireAccount(account, includeCredentials)), page_info: page.page_info });
  }

  private retrieveAccount(caller: Caller, id: string, params: URLSearchParams): Response {
    requireScope(caller, 'connect:accounts:read');
    const includeCredentials = this.includeCredentials(caller, params);
    const account = this.findAccount(caller, id, params.get('external_user_id') ?? undefined);
    return json(this.wireAccount(account, includeCredentials));
  }

  private deleteAccount(caller: Caller, id: string): Response {
    requireScope(caller, 'connect:accounts:write');
    const account = this.findAccount(caller, id);
    this.state.accounts.delete(account.id);
    this.changed();
    return new Response(null, { status: 204 });
  }

  private deleteUser(caller: Caller, externalUserId: string): Response {
    requireServer(caller);
    requireScope(caller, 'connect:accounts:write', 'connect:users:write');
    let removed = 0;
    for (const account of [...this.state.accounts.values()]) {
      if (this.ownedBy(account, this.callerScope(caller, externalUserId))) {
        this.state.accounts.delete(account.id);
        removed++;
      }
    }
    for (const trigger of [...this.state.deployedTriggers.values()]) {
      if (trigger.externalUserId === externalUserId && trigger.projectId === caller.projectId) this.state.deployedTriggers.delete(trigger.id);
    }
    if (!removed) throw notFound(`External user ${externalUserId} not found`);
    this.changed();
    return new Response(null, { status: 204 });
  }

  private deleteAppAccounts(caller: Caller, appSlug: string): Response {
    requireServer(caller);
    requireScope(caller, 'connect:accounts:write');
    const app = this.appsBySlug.get(appSlug) ?? this.catalog.apps.find((candidate) => candidate.id === appSlug);
    if (!app) throw notFound(`App ${appSlug} not found`);
    for (const account of [...this.state.accounts.values()]) {
      if (account.appSlug === app.name_slug && this.ownedBy(account, this.callerScope(caller))) this.state.accounts.delete(account.id);
    }
    this.changed();
    return new Response(null, { status: 204 });
  }

  /** What the connect page calls: creates an account (or replaces a reconnected one's credentials). */
  private async createAccount(request: Request, caller: Caller): Promise<Response> {
    const body = await readJsonObject(request);
    const connectToken = field.string(body, 'connect_token');
    const appSlug = field.string(body, 'app_slug');
    const cfmapJson = field.optionalString(body, 'cfmap_json') ?? '{}';
    const name = field.optionalString(body, 'name')?.trim();
    const accountId = field.optionalString(body, 'account_id');
    const oauthAppId = field.optionalString(body, 'oauth_app_id') ?? new URL(request.url).searchParams.get('oauth_app_id') ?? undefined;

    const token = this.state.tokens.get(connectToken);
    if (!token) throw unauthorized('Invalid connect token', 'invalid_token');
    if (caller.kind === 'connect' && caller.token.token !== token.token) throw forbidden('connect_token does not match the Authorization header');
    if (token.projectId !== caller.projectId) throw notFound(`Project ${caller.projectId} not found`);
    if (token.usedAt !== undefined) throw unauthorized('Connect token has already been used', 'token_used');
    if (token.expiresAt <= this.now()) throw unauthorized('Connect token has expired', 'token_expired');
    if (caller.kind === 'connect') requireScope(caller, 'connect:accounts:write');

    const app = this.appsBySlug.get(appSlug);
    if (!app) throw notFound(`App ${appSlug} not found`);
    let cfmap: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(cfmapJson);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      cfmap = parsed as Record<string, unknown>;
    } catch {
      throw badRequest('cfmap_json must be a JSON object encoded as a string');
    }
    if (app.auth_type === 'keys') {
      const fields = JSON.parse(app.custom_fields_json) as AppCustomField[];
      const missing = fields.filter((f) => !f.optional && (cfmap[f.name] === undefined || cfmap[f.name] === ''));
      if (missing.length) {
        throw new HttpError(400, `Missing required field${missing.length > 1 ? 's' : ''}: ${missing.map((f) => f.label ?? f.name).join(', ')}`, 'validation_error', { missing: missing.map((f) => f.name) });
      }
    }

    const now = this.now();
    let account: StoredAccount;
    if (accountId) {
      const existing = this.state.accounts.get(accountId);
      if (!existing || !this.ownedBy(existing, token) || existing.appSlug !== app.name_slug) {
        throw notFound(`Account ${accountId} not found for this user and app`);
      }
      account = existing;
      Object.assign(account, {
        credentials: fakeCredentials(app, cfmap), healthy: true, dead: false, error: null, updatedAt: now,
        lastRefreshedAt: app.auth_type === 'oauth' ? now : null,
      });
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
        authorizedScopes: app.auth_type === 'oauth' ? ['read', 'write'] : [],
        createdAt: now,
        updatedAt: now,
        expiresAt: null,
        lastRefreshedAt: app.auth_type === 'oauth' ? now : null,
      };
      if (oauthAppId) account.oauthAppId = oauthAppId;
      this.state.accounts.set(account.id, account);
    }
    token.usedAt = now;
    this.changed();
    return json(this.wireAccount(account));
  }

  // ---------------------------------------------------------------- apps

  private appReadable(caller: Caller): void {
    requireScope(caller, 'connect:apps:read', 'connect:components:read', 'connect:actions:read', 'connect:triggers:read', 'connect:accounts:read');
  }

  private listApps(caller: Caller, params: URLSearchParams): Response {
    this.appReadable(caller);
    const q = params.get('q')?.trim().toLowerCase() ?? '';
    const sortKey = query.oneOf(params, 'sort_key', ['name', 'name_slug', 'featured_weight'] as const);
    const direction = query.oneOf(params, 'sort_direction', ['asc', 'desc'] as const);
    const categories = query.list(params, 'category_ids');
    const hasComponents = query.boolean(params, 'has_components');
    const hasActions = query.boolean(params, 'has_actions');
    const hasTriggers = query.boolean(params, 'has_triggers');
    const count = (slug: string, type?: string) =>
      this.catalog.components.filter((c) => c.app === slug && (!type || c.component_type === type)).length;
    let apps = this.catalog.apps.filter((app) => {
      if (q && !`${app.name} ${app.name_slug} ${app.description}`.toLowerCase().includes(q)) return false;
      if (categories.length && !app.categories.some((c) => categories.includes(categoryId(c)) || categories.includes(c))) return false;
      if (hasComponents !== undefined && (count(app.name_slug) > 0) !== hasComponents) return false;
      if (hasActions !== undefined && (count(app.name_slug, 'action') > 0) !== hasActions) return false;
      if (hasTriggers !== undefined && (count(app.name_slug, 'trigger') > 0) !== hasTriggers) return false;
      return true;
    });
    // Without an explicit sort, a search ranks names that start with the query first.
    const rank = (app: WireApp) => (q && app.name.toLowerCase().startsWith(q) ? 0 : 1);
    const key = sortKey ?? 'featured_weight';
    const sign = (direction ?? (key === 'featured_weight' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
    apps = [...apps].sort((a, b) => {
      if (!sortKey && rank(a) !== rank(b)) return rank(a) - rank(b);
      const primary = key === 'featured_weight' ? a.featured_weight - b.featured_weight : String(a[key]).localeCompare(String(b[key]));
      return sign * primary || a.name_slug.localeCompare(b.name_slug);
    });
    const page = paginate(apps, (app) => app.id, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
    return json(page);
  }

  private retrieveApp(caller: Caller, idOrSlug: string): Response {
    this.appReadable(caller);
    const app = this.appsBySlug.get(idOrSlug) ?? this.catalog.apps.find((candidate) => candidate.id === idOrSlug);
    if (!app) throw notFound(`App ${idOrSlug} not found`);
    return json({ data: app });
  }

  private categories(): { id: string; name: string; description: string }[] {
    const names = [...new Set(this.catalog.apps.flatMap((app) => app.categories))].sort();
    return names.map((name) => ({ id: categoryId(name), name, description: `Apps in ${name}` }));
  }

  private listCategories(caller: Caller): Response {
    this.appReadable(caller);
    return json(this.categories());
  }

  private retrieveCategory(caller: Caller, id: string): Response {
    this.appReadable(caller);
    const category = this.categories().find((c) => c.id === id);
    if (!category) throw notFound(`App category ${id} not found`);
    return json(category);
  }

  // ---------------------------------------------------------------- components

  private componentReadScope(caller: Caller, type: 'action' | 'trigger' | undefined): void {
    const scopes = type === 'action' ? ['connect:actions:read'] : type === 'trigger' ? ['connect:triggers:read'] : ['connect:actions:read', 'connect:triggers:read'];
    requireScope(caller, 'connect:components:read', ...scopes);
  }

  private listComponents(caller: Caller, params: URLSearchParams, type: 'action' | 'trigger' | undefined): Response {
    this.componentReadScope(caller, type);
    const componentType = type ?? query.oneOf(params, 'component_type', ['action', 'trigger'] as const);
    query.oneOf(params, 'registry', ['public', 'private', 'all'] as const);
    const app = params.get('app');
    const q = params.get('q')?.trim().toLowerCase() ?? '';
    const appSlug = app ? (this.appsBySlug.get(app)?.name_slug ?? this.catalog.apps.find((a) => a.id === app)?.name_slug ?? app) : undefined;
    const components = this.catalog.components
      .filter((c) => !componentType || c.component_type === componentType)
      .filter((c) => !appSlug || c.app === appSlug)
      .filter((c) => !q || `${c.name} ${c.key} ${c.description}`.toLowerCase().includes(q))
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = paginate(components, (c) => c.key, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
    return json({ data: page.data.map(wireComponent), page_info: page.page_info });
  }

  private findComponent(key: string, type: 'action' | 'trigger' | undefined): EmulatorComponent {
    const component = this.componentsByKey.get(key);
    if (!component || (type && component.component_type !== type)) throw notFound(`Component ${key} not found`);
    return component;
  }

  private retrieveComponent(caller: Caller, key: string, type: 'action' | 'trigger' | undefined): Response {
    this.componentReadScope(caller, type);
    return json({ data: wireComponent(this.findComponent(key, type)) });
  }

  private componentPost(request: Request, caller: Caller, resource: string, action: string): Promise<Response> {
    const type = resource === 'actions' ? 'action' : resource === 'triggers' ? 'trigger' : undefined;
    switch (action) {
      case 'configure': return this.configureProp(request, caller, type);
      case 'props': return this.reloadProps(request, caller, type);
      case 'run':
        if (type !== 'action') break;
        return this.runAction(request, caller);
      case 'deploy':
        if (type !== 'trigger') break;
        return this.deployTrigger(request, caller);
    }
    throw notFound(`No route for POST ${resource}/${action}`);
  }

  /** Reads the shared body of configure/props/run/deploy and resolves the component and its props. */
  private async componentRequest(request: Request, caller: Caller, type: 'action' | 'trigger' | undefined) {
    const body = await readJsonObject(request);
    const key = field.string(body, 'id');
    const externalUserId = actingUser(caller, field.optionalString(body, 'external_user_id')) as string;
    const configuredProps = field.optionalObject(body, 'configured_props') ?? {};
    const dynamicPropsId = field.optionalString(body, 'dynamic_props_id');
    const component = this.findComponent(key, type);
    let props = component.configurable_props;
    if (dynamicPropsId) {
      const stored = this.state.dynamicProps.get(dynamicPropsId);
      if (!stored || stored.componentKey !== component.key || stored.externalUserId !== externalUserId) {
        throw notFound(`Dynamic props ${dynamicPropsId} not found`);
      }
      props = stored.configurableProps;
    }
    const accounts = this.resolveAccounts(caller, externalUserId, props, configuredProps);
    return { body, component, externalUserId, configuredProps, dynamicPropsId, props, accounts };
  }

  private resolveAccounts(caller: Caller, externalUserId: string, props: ConfigurableProp[], configured: Record<string, unknown>): OptionsContext['accounts'] {
    const accounts: OptionsContext['accounts'] = {};
    for (const prop of props) {
      if (prop.type !== 'app') continue;
      const value = configured[prop.name];
      if (value === undefined || value === null) continue;
      const id = typeof value === 'object' ? (value as { authProvisionId?: unknown }).authProvisionId : undefined;
      if (typeof id !== 'string') throw badRequest(`${prop.name} must be {"authProvisionId": "apn_…"}`);
      const account = this.findAccount(caller, id, externalUserId);
      if (account.appSlug !== prop.app) throw badRequest(`Account ${id} is not a ${prop.app} account`);
      accounts[prop.name] = { ...this.wireAccount(account), credentials: account.credentials };
    }
    return accounts;
  }

  private requireComponentScope(caller: Caller, component: EmulatorComponent, verb: string): void {
    requireScope(caller, component.component_type === 'action' ? `connect:actions:${verb}` : `connect:triggers:${verb}`);
  }

  private async configureProp(request: Request, caller: Caller, type: 'action' | 'trigger' | undefined): Promise<Response> {
    const ctx = await this.componentRequest(request, caller, type);
    this.requireComponentScope(caller, ctx.component, 'configure');
    const propName = field.string(ctx.body, 'prop_name');
    const page = field.optionalInteger(ctx.body, 'page', 0, 1_000_000) ?? 0;
    const prevContext = field.optionalObject(ctx.body, 'prev_context');
    const search = field.optionalString(ctx.body, 'query');
    const prop = ctx.props.find((candidate) => candidate.name === propName);
    if (!prop) throw badRequest(`Prop ${propName} does not exist on ${ctx.component.key}`);
    const optionsFn = ctx.component.options?.[propName];
    if (!optionsFn) {
      return json({ options: prop.options ?? [], stringOptions: null, context: null, errors: [], observations: [] });
    }
    // Remote options only see the props configured before this one, like Pipedream's forms send them.
    try {
      const result = await optionsFn({
        propName, configuredProps: ctx.configuredProps, accounts: ctx.accounts, page, prevContext, query: search,
      });
      return json({
        options: result.stringOptions ? null : (result.options ?? []),
        stringOptions: result.stringOptions ?? null,
        context: result.context ?? null,
        errors: result.errors ?? [],
        observations: result.observations ?? [],
      });
    } catch (error) {
      const err = error as Error;
      return json({ options: [], stringOptions: null, context: null, errors: [JSON.stringify({ name: err.name, message: err.message })], observations: [errorObservation(err, this.now())] });
    }
  }

  private async reloadProps(request: Request, caller: Caller, type: 'action' | 'trigger' | undefined): Promise<Response> {
    const ctx = await this.componentRequest(request, caller, type);
    this.requireComponentScope(caller, ctx.component, 'configure');
    let props: ConfigurableProp[];
    try {
      props = ctx.component.reload ? ctx.component.reload({ configuredProps: ctx.configuredProps, accounts: ctx.accounts }) : ctx.component.configurable_props;
    } catch (error) {
      const err = error as Error;
      return json({ observations: [errorObservation(err, this.now())], errors: [JSON.stringify({ name: err.name, message: err.message })], dynamicProps: null });
    }
    const id = randomId('dyp_', 8);
    this.state.dynamicProps.set(id, { id, componentKey: ctx.component.key, externalUserId: ctx.externalUserId, configurableProps: props });
    this.changed();
    return json({ observations: [], errors: [], dynamicProps: { id, configurableProps: props } });
  }

  private missingProps(props: ConfigurableProp[], configured: Record<string, unknown>): string[] {
    return props
      .filter((prop) => !prop.optional && !prop.hidden && !prop.disabled && !NON_INPUT_TYPES.has(prop.type) && prop.default === undefined)
      .filter((prop) => {
        const value = unwrapLabel(configured[prop.name]);
        return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
      })
      .map((prop) => prop.name);
  }

  private async runAction(request: Request, caller: Caller): Promise<Response> {
    const ctx = await this.componentRequest(request, caller, 'action');
    this.requireComponentScope(caller, ctx.component, 'run');
    const stash = ctx.body.stash_id;
    if (stash !== undefined && stash !== null && typeof stash !== 'string' && typeof stash !== 'boolean') {
      throw badRequest('stash_id must be a string, "NEW" or a boolean');
    }
    const missing = this.missingProps(ctx.props, ctx.configuredProps);
    if (missing.length) {
      throw new HttpError(400, `Missing required props: ${missing.join(', ')}`, 'configuration_error', { missing });
    }
    const configuredProps = { ...ctx.configuredProps };
    for (const prop of ctx.props) {
      if (configuredProps[prop.name] === undefined && prop.default !== undefined) configuredProps[prop.name] = prop.default;
    }
    const exports: Record<string, unknown> = {};
    const os: Observation[] = [];
    let ret: unknown;
    try {
      ret = await ctx.component.run?.({
        configuredProps,
        accounts: ctx.accounts,
        $: {
          export: (name, value) => { exports[name] = value; },
          log: (...messages) => { os.push({ ts: this.now(), k: 'console.log', msg: messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ') }); },
        },
      });
    } catch (error) {
      os.push(errorObservation(error as Error, this.now()));
    }
    let stashId: string | null = null;
    if (stash === true || stash === '' || stash === 'NEW' || (ctx.component.stash === 'required' && !stash)) {
      stashId = randomId('s_', 10);
      this.state.stashes.add(stashId);
      this.changed();
    } else if (typeof stash === 'string') {
      if (!this.state.stashes.has(stash)) throw notFound(`Stash ${stash} not found`);
      stashId = stash;
    }
    return json({ exports, os, ret: ret === undefined ? null : ret, stash_id: stashId });
  }

  // ---------------------------------------------------------------- triggers

  private async deployTrigger(request: Request, caller: Caller): Promise<Response> {
    const ctx = await this.componentRequest(request, caller, 'trigger');
    this.requireComponentScope(caller, ctx.component, 'deploy');
    const webhookUrl = field.optionalString(ctx.body, 'webhook_url');
    if (webhookUrl) {
      try { new URL(webhookUrl); } catch { throw badRequest('webhook_url must be an absolute URL'); }
    }
    field.optionalString(ctx.body, 'workflow_id');
    const emitOnDeploy = field.optionalBoolean(ctx.body, 'emit_on_deploy') ?? true;
    const missing = this.missingProps(ctx.props, ctx.configuredProps);
    if (missing.length) throw new HttpError(400, `Missing required props: ${missing.join(', ')}`, 'configuration_error', { missing });
    const now = this.now();
    const trigger: StoredDeployedTrigger = {
      id: randomId('dc_', 8),
      projectId: caller.projectId,
      environment: caller.environment,
      externalUserId: ctx.externalUserId,
      ownerId: `exu_${ctx.externalUserId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || 'user'}`,
      componentId: `sc_${ctx.component.key.replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`,
      componentKey: ctx.component.key,
      name: ctx.component.name,
      nameSlug: `${ctx.component.key}-${randomHex(6)}`,
      configurableProps: ctx.props,
      configuredProps: ctx.configuredProps,
      active: true,
      emitOnDeploy,
      webhookUrls: webhookUrl ? [webhookUrl] : [],
      createdAt: Math.floor(now / 1000),
      updatedAt: Math.floor(now / 1000),
      events: [],
    };
    if (ctx.dynamicPropsId) trigger.dynamicPropsId = ctx.dynamicPropsId;
    this.state.deployedTriggers.set(trigger.id, trigger);
    this.changed();
    if (emitOnDeploy) void this.track(this.deliverSampleEvents(trigger));
    return json({ data: this.wireDeployedTrigger(trigger) });
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => {});
    return promise;
  }

  /** Emits the component's sample events and POSTs each one to the trigger's webhook URLs. */
  private async deliverSampleEvents(trigger: StoredDeployedTrigger): Promise<void> {
    const component = this.componentsByKey.get(trigger.componentKey);
    if (!component?.sampleEvents) return;
    const accounts: OptionsContext['accounts'] = {};
    for (const prop of trigger.configurableProps) {
      const id = (trigger.configuredProps[prop.name] as { authProvisionId?: string } | undefined)?.authProvisionId;
      const account = prop.type === 'app' && id ? this.state.accounts.get(id) : undefined;
      if (account) accounts[prop.name] = { ...this.wireAccount(account), credentials: account.credentials };
    }
    const events = component.sampleEvents({ configuredProps: trigger.configuredProps, accounts });
    for (const payload of events) {
      const event = { id: randomId('evt_', 12), ts: this.now(), k: 'emit', sum: summarize(payload), e: payload };
      trigger.events.unshift(event);
      trigger.events.splice(100);
      for (const url of trigger.webhookUrls) {
        const delivery: WebhookDelivery = { triggerId: trigger.id, url, eventId: event.id, status: 'failed' };
        this.deliveries.push(delivery);
        try {
          const response = await this.fetchFn(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-pd-emitter-id': trigger.id, 'x-pd-event-id': event.id },
            body: JSON.stringify(payload),
          });
          delivery.status = response.status;
          await response.body?.cancel();
        } catch (error) {
          delivery.error = (error as Error).message;
        }
      }
    }
    this.changed();
  }

  private wireDeployedTrigger(trigger: StoredDeployedTrigger) {
    return {
      id: trigger.id,
      owner_id: trigger.ownerId,
      component_id: trigger.componentId,
      component_key: trigger.componentKey,
      configurable_props: trigger.configurableProps,
      configured_props: trigger.configuredProps,
      active: trigger.active,
      created_at: trigger.createdAt,
      updated_at: trigger.updatedAt,
      name: trigger.name,
      name_slug: trigger.nameSlug,
      emit_on_deploy: trigger.emitOnDeploy,
      type: 'DeployedComponent' as const,
    };
  }

  private findTrigger(caller: Caller, id: string, params: URLSearchParams): StoredDeployedTrigger {
    const externalUserId = actingUser(caller, params.get('external_user_id'));
    const trigger = this.state.deployedTriggers.get(id);
    if (!trigger || trigger.projectId !== caller.projectId || trigger.environment !== caller.environment || trigger.externalUserId !== externalUserId) {
      throw notFound(`Deployed trigger ${id} not found`);
    }
    return trigger;
  }

  private listDeployedTriggers(caller: Caller, params: URLSearchParams): Response {
    requireScope(caller, 'connect:deployed_triggers:read', 'connect:triggers:read');
    const externalUserId = actingUser(caller, params.get('external_user_id'));
    const triggers = [...this.state.deployedTriggers.values()]
      .filter((t) => t.projectId === caller.projectId && t.environment === caller.environment && t.externalUserId === externalUserId)
      .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    const page = paginate(triggers, (t) => t.id, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
    return json({ data: page.data.map((t) => this.wireDeployedTrigger(t)), page_info: page.page_info });
  }

  private async updateDeployedTrigger(request: Request, caller: Caller, id: string, params: URLSearchParams): Promise<Response> {
    requireScope(caller, 'connect:deployed_triggers:write', 'connect:triggers:deploy');
    const trigger = this.findTrigger(caller, id, params);
    const body = await readJsonObject(request);
    const active = field.optionalBoolean(body, 'active');
    const name = field.optionalString(body, 'name');
    const configuredProps = field.optionalObject(body, 'configured_props');
    if (active !== undefined) trigger.active = active;
    if (name) trigger.name = name;
    if (configuredProps) trigger.configuredProps = configuredProps;
    trigger.updatedAt = Math.floor(this.now() / 1000);
    this.changed();
    return json({ data: this.wireDeployedTrigger(trigger) });
  }

  private async updateTriggerWebhooks(request: Request, caller: Caller, id: string, params: URLSearchParams): Promise<Response> {
    requireScope(caller, 'connect:deployed_triggers:write', 'connect:triggers:deploy');
    const trigger = this.findTrigger(caller, id, params);
    const body = await readJsonObject(request);
    const urls = field.optionalStringArray(body, 'webhook_urls');
    if (!urls) throw badRequest('webhook_urls is required and must be an array of strings');
    trigger.webhookUrls = urls;
    this.changed();
    return json({ webhook_urls: urls });
  }

  private deleteDeployedTrigger(caller: Caller, id: string, params: URLSearchParams): Response {
    requireScope(caller, 'connect:deployed_triggers:write', 'connect:triggers:deploy');
    const trigger = this.findTrigger(caller, id, params);
    this.state.deployedTriggers.delete(trigger.id);
    this.changed();
    return new Response(null, { status: 204 });
  }

  private listTriggerEvents(caller: Caller, id: string, params: URLSearchParams): Response {
    requireScope(caller, 'connect:deployed_triggers:read', 'connect:triggers:read');
    const trigger = this.findTrigger(caller, id, params);
    const n = Number(params.get('n') ?? 20);
    if (!Number.isInteger(n) || n < 1) throw badRequest('n must be a positive integer');
    return json({ data: trigger.events.slice(0, n) });
  }
}

export function createEmulator(options?: EmulatorOptions): ConnectEmulator {
  return new ConnectEmulator(options);
}

// ---------------------------------------------------------------- helpers

function wireComponent(component: EmulatorComponent): WireComponent {
  const wire: WireComponent = {
    key: component.key,
    name: component.name,
    version: component.version,
    description: component.description,
    component_type: component.component_type,
    configurable_props: component.configurable_props,
  };
  if (component.stash) wire.stash = component.stash;
  if (component.annotations) wire.annotations = component.annotations;
  return wire;
}

function errorObservation(error: Error, ts: number): Observation {
  return { ts, k: 'error', err: { name: error.name || 'Error', message: error.message, stack: `${error.name}: ${error.message}\n    at run (component.mjs)` } };
}

function summarize(payload: Record<string, unknown>): string {
  const text = payload.summary ?? payload.text ?? payload.title ?? payload.name ?? payload.id;
  return typeof text === 'string' ? text.slice(0, 80) : 'New event';
}

function defaultAccountName(app: WireApp, externalUserId: string, cfmap: Record<string, unknown> = {}): string {
  if (typeof cfmap.name === 'string' && cfmap.name) return cfmap.name;
  const user = externalUserId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 24) || 'user';
  if (app.auth_type === 'oauth') return `${user}@example.com`;
  const secret = Object.values(cfmap).find((value): value is string => typeof value === 'string' && value.length >= 4);
  return secret ? `${app.name} (…${secret.slice(-4)})` : `${app.name} account`;
}

function fakeCredentials(app: WireApp, cfmap: Record<string, unknown>): Record<string, unknown> {
  if (app.auth_type === 'oauth') {
    return { oauth_access_token: `xoxe-${randomHex(24)}`, oauth_refresh_token: `rt-${randomHex(24)}`, oauth_uid: randomId('U', 9), ...cfmap };
  }
  return { ...cfmap };
}

function preflight(request: Request): Response {
  const origin = request.headers.get('origin');
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const allowed = [...new Set([...SDK_HEADERS, ...requested.filter((h) => h.startsWith('x-fern-'))])];
  return new Response(null, {
    status: 204,
    headers: {
      ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': allowed.join(', '),
      'access-control-max-age': '600',
    },
  });
}

function withCors(response: Response, origin: string | null): Response {
  if (!origin) return response;
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', 'retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset');
  headers.append('vary', 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
