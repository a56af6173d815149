import { authenticate } from './auth.js';
import { type Catalog, createCatalog } from './catalog/index.js';
import { checkOrigin, preflight, withCors } from './cors.js';
import { type WebhookDelivery, deliverSampleEvents } from './deliveries.js';
import { type ActiveFault, Faults, type FaultRule, faultResponse } from './faults.js';
import { HttpError, badRequest, errorResponse, notFound, randomId } from './http.js';
import { API_ROUTES, type EmulatorServices, type RequestContext, oauthToken, staticRoute, validateToken } from './routes/index.js';
import { defaultAccountName, fakeCredentials, grantedScopes, wireAccount } from './routes/shared.js';
import { type EmulatorSnapshot, EmulatorState, type StoredAccount, type StoredDeployedTrigger } from './state.js';
import type { EmulatorComponent, WireAccount, WireApp } from './types.js';
import { adminRoute } from './admin.js';

export type { WebhookDelivery } from './deliveries.js';

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
  /** Latency added to every API answer and CORS preflight, in milliseconds. */
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

export const DEFAULT_CREDENTIALS = {
  clientId: 'pd_emulator_client_id',
  clientSecret: 'pd_emulator_client_secret',
  projectId: 'proj_emulator',
} as const;

/** The first path segment below `/v1/connect[/{project_id}]/`: anything else there is a project id. */
const RESOURCES = new Set(['accounts', 'apps', 'app_categories', 'components', 'actions', 'triggers', 'deployed-triggers', 'tokens', 'users']);
const REQUEST_LOG_LIMIT = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Connect API emulator as a Fetch-API handler: `handle(Request) => Promise<Response>`.
 * It depends on nothing but web-platform globals, so it runs in Node and in a service worker.
 * The routes live in `routes/`, one module per resource; this class owns the state, faults,
 * latency and request log, and dispatches each request to its route.
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
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;
  private readonly onStateChange?: (snapshot: EmulatorSnapshot) => void;
  /** What the routes see of this emulator. */
  private readonly services: EmulatorServices;

  constructor(options: EmulatorOptions = {}) {
    this.clientId = options.clientId ?? DEFAULT_CREDENTIALS.clientId;
    this.clientSecret = options.clientSecret ?? DEFAULT_CREDENTIALS.clientSecret;
    this.projectId = options.projectId ?? DEFAULT_CREDENTIALS.projectId;
    this.projectName = options.projectName ?? 'Acme (emulated)';
    this.basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.catalog = options.catalog ?? createCatalog({ syntheticApps: options.syntheticApps ?? 0 });
    const appsBySlug = new Map<string, WireApp>();
    const componentsByKey = new Map<string, EmulatorComponent>();
    for (const app of this.catalog.apps) appsBySlug.set(app.name_slug, app);
    for (const component of this.catalog.components) componentsByKey.set(component.key, component);
    this.latencyMs = options.latencyMs ?? 0;
    for (const rule of options.faults ?? []) this.faults.add(rule);
    this.state = new EmulatorState(options.state);
    this.now = options.now ?? Date.now;
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.onStateChange = options.onStateChange;
    this.services = {
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      projectName: this.projectName,
      basePath: this.basePath,
      state: this.state,
      catalog: this.catalog,
      appsBySlug,
      componentsByKey,
      now: () => this.now(),
      changed: () => this.changed(),
      emitSampleEvents: (trigger) => this.deliver(trigger),
    };
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
      if (path.startsWith('/_static/')) return await staticRoute(path, { fault: this.faults.connectPage, basePath: this.basePath });
      if (request.method === 'OPTIONS') {
        // A preflight crosses the same network as the request it clears.
        if (this.latencyMs > 0) await sleep(this.latencyMs);
        return preflight(request);
      }
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
    const app = this.services.appsBySlug.get(input.app);
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
      authorizedScopes: grantedScopes(app),
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
    return this.deliver(trigger);
  }

  /** An account as the API answers it (credentials only when asked for). */
  wireAccount(account: StoredAccount, includeCredentials = false): WireAccount {
    return wireAccount(this.services, account, includeCredentials);
  }

  changed(): void {
    this.onStateChange?.(this.snapshot());
  }

  /** Starts delivering the trigger's sample events; `idle()` waits for it. */
  private deliver(trigger: StoredDeployedTrigger): Promise<void> {
    return this.track(deliverSampleEvents(this.services, trigger, {
      fetch: (input, init) => this.fetchFn(input, init),
      record: (delivery) => { this.deliveries.push(delivery); },
    }));
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => {});
    return promise;
  }

  // ---------------------------------------------------------------- API

  /** Logs the request, applies latency and fault rules, and answers it with CORS headers. */
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
        response = await this.dispatch(request, url, path, entry);
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

  /** Finds the route of an API request, authenticates it and runs its handler. */
  private async dispatch(request: Request, url: URL, path: string, entry: RequestLogEntry): Promise<Response> {
    const method = request.method;
    const segments = path.split('/').filter(Boolean); // ['v1', 'connect', ...]
    const requestContext = (): RequestContext => ({ ...this.services, request, url, params: url.searchParams });

    if (path === '/v1/oauth/token') {
      if (method !== 'POST') throw new HttpError(405, 'Method not allowed', 'method_not_allowed');
      return oauthToken(requestContext());
    }
    if (segments[1] !== 'connect') throw notFound(`No route for ${method} ${path}`);

    // Token validation is authenticated by the token in the path (the connect page calls it).
    if (segments[2] === 'tokens' && segments[4] === 'validate' && segments.length === 5) {
      if (method !== 'GET') throw new HttpError(405, 'Method not allowed', 'method_not_allowed');
      return validateToken(requestContext(), segments[3] as string);
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
      checkOrigin(caller.token, request.headers.get('origin'), url.origin);
    }
    const route = `${method} ${resource}${rest.length > 1 ? '/' + rest.slice(1).map((s, i) => (i === 0 ? ':id' : s)).join('/') : ''}`;
    const id = rest[1] ? decodeURIComponent(rest[1]) : '';
    const handler = API_ROUTES.get(route);
    if (!handler) {
      const known = /^(GET|POST|PUT|DELETE|PATCH) /.test(route);
      throw known ? new HttpError(405, `Method ${method} not allowed on ${path}`, 'method_not_allowed') : notFound(`No route for ${method} ${path}`);
    }
    return handler({ ...requestContext(), caller, resource, id });
  }
}

export function createEmulator(options?: EmulatorOptions): ConnectEmulator {
  return new ConnectEmulator(options);
}
