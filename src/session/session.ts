import type { AccountsClient } from '@pipedream/sdk/accounts';
import type { ActionsClient } from '@pipedream/sdk/actions';
import type { AppCategoriesClient } from '@pipedream/sdk/appCategories';
import type { AppsClient } from '@pipedream/sdk/apps';
import type { Component, ConfigurePropResponse, Emitter, ReloadPropsResponse, RunActionResponse } from '@pipedream/sdk/browser';
import type { ComponentsClient } from '@pipedream/sdk/components';
import type { DeployedTriggersClient } from '@pipedream/sdk/deployedTriggers';
import type { TriggersClient } from '@pipedream/sdk/triggers';
import type { InfiniteData, InfiniteQueryObserverOptions, QueryClient, QueryKey } from '@tanstack/query-core';
import { type ConnectConfig, DEFAULT_BASE_URL, connectPageUrl } from './config.js';
import { ApiError, type ApiErrorReason, TokenError, outcomeUnknownFor } from './errors.js';
import { readAccount, readApp, readItems } from './read-answers.js';
import { type ConnectToken, DEFAULT_TOKEN_TIMEOUT_MS, TokenSource, callbackFetcher, endpointFetcher, staticFetcher } from './token-source.js';
import type { Account, App, Environment } from './types.js';

/** Config after checks: what a session is keyed and built on. */
export interface SessionConfig {
  externalUserId: string;
  environment?: Environment;
  baseUrl: string;
  tokenSourceKey: string;
  fetchToken: () => Promise<ConnectToken>;
}

/**
 * What each kind of call may do. Reads may be retried by the SDK (408, 429, 5xx, honouring
 * `Retry-After`); writes are sent once, since a 5xx or a lost answer may hide a write that
 * happened. Every call has a deadline.
 */
export const READ = { maxRetries: 2, timeoutInSeconds: 30 } as const;
export const WRITE = { maxRetries: 0, timeoutInSeconds: 30 } as const;
/** Runs and deploys execute the user's code: they may take longer before the answer comes. */
export const EXECUTE = { maxRetries: 0, timeoutInSeconds: 300 } as const;
type CallKind = typeof READ | typeof WRITE | typeof EXECUTE;
/** What a request is sent with: its kind's limits, and a signal that aborts it. */
type CallOptions = CallKind & { abortSignal?: AbortSignal };

export interface AccountFilter {
  app?: string;
  oauthAppId?: string;
}

export interface AccountPage {
  accounts: Account[];
  nextCursor?: string;
  total?: number;
}

/**
 * Accounts per page of the shared account query: one size for every element, so that they share
 * pages. Large, so that a form listing every account, and every refetch after a connect or
 * disconnect, takes few requests; an account list shows 20 of them at a time itself.
 */
export const ACCOUNT_PAGE_SIZE = 100;

export type AccountsQueryOptions = InfiniteQueryObserverOptions<AccountPage, Error, InfiniteData<AccountPage, string | undefined>, QueryKey, string | undefined>;

/** What an app picker asks the catalog for. `category` is a category id or name. */
export interface AppListParams {
  q?: string;
  sort?: 'name' | 'featured';
  hasActions?: boolean;
  hasTriggers?: boolean;
  category?: string;
}

export interface AppPage {
  apps: App[];
  nextCursor?: string;
  total?: number;
}

/** What a component picker asks for: one app's actions, triggers, or both. */
export interface ComponentListParams {
  app: string;
  type?: 'action' | 'trigger';
  q?: string;
}

/** What `configureProp` asks for: one prop's options, given the props configured before it. */
export interface ConfigurePropParams {
  componentKey: string;
  propName: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  page?: number;
  prevContext?: Record<string, unknown>;
  query?: string;
}

/** What `reloadProps` and `runAction` send: the whole configuration. */
export interface ComponentConfigParams {
  componentKey: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
}

export type { ConfigurePropResponse, ReloadPropsResponse, RunActionResponse };

/** What `deployTrigger` sends: the configuration plus where events go. */
export interface DeployTriggerParams extends ComponentConfigParams {
  webhookUrl?: string;
  emitOnDeploy?: boolean;
}

/** A deployed trigger (the API's `Emitter`: usually a `DeployedComponent`). */
export type DeployedTrigger = Emitter;

export interface DeployedTriggerPage {
  triggers: DeployedTrigger[];
  nextCursor?: string;
  total?: number;
}

/** What a deployed trigger's update may change (`PUT /v1/connect/deployed-triggers/{id}`). */
export interface DeployedTriggerChanges {
  active?: boolean;
  name?: string;
}

/** One event a deployed trigger emitted: `e` is its payload, `ts` its time (epoch ms), `sum` a short summary. */
export interface TriggerEvent {
  id: string;
  ts: number;
  k?: string;
  sum?: string;
  e: unknown;
}

export interface ComponentPage {
  components: Component[];
  nextCursor?: string;
  total?: number;
}

/** The SDK turns an unreadable answer into an empty page; an empty list must not hide a broken API. */
export function checkedPage<T>(page: { data: T[]; response: unknown }, what: string): { items: T[]; nextCursor?: string; total?: number } {
  const response = page.response as { data?: unknown; pageInfo?: { endCursor?: string; totalCount?: number } } | string | undefined;
  if (!response || typeof response !== 'object' || !Array.isArray(response.data)) {
    throw new ApiError(`The Connect API answered something that is not ${what}`, undefined, { reason: 'unreadable' });
  }
  const info = response.pageInfo;
  return {
    items: page.data,
    // A cursor that is not a string cannot ask for the next page: the list ends there.
    ...(typeof info?.endCursor === 'string' && info.endCursor ? { nextCursor: info.endCursor } : {}),
    ...(typeof info?.totalCount === 'number' && Number.isFinite(info.totalCount) ? { total: info.totalCount } : {}),
  };
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: object): number {
  let id = identities.get(value);
  if (!id) identities.set(value, (id = nextIdentity++));
  return id;
}

/** Why a config cannot make a session, as a translatable key; undefined when it can. */
export function missingConfig(config: ConnectConfig): 'config.missingUser' | 'config.missingToken' | undefined {
  if (!config.externalUserId) return 'config.missingUser';
  if (!config.tokenEndpoint && !config.tokenCallback && !config.token) return 'config.missingToken';
  return undefined;
}

export function sessionConfig(config: ConnectConfig): SessionConfig {
  const externalUserId = config.externalUserId as string;
  let tokenSourceKey: string;
  let fetchToken: () => Promise<ConnectToken>;
  const timeout = config.tokenTimeout ?? DEFAULT_TOKEN_TIMEOUT_MS;
  if (config.tokenCallback) {
    tokenSourceKey = `callback:${identity(config.tokenCallback)}`;
    fetchToken = callbackFetcher(config.tokenCallback, externalUserId, timeout);
  } else if (config.token) {
    tokenSourceKey = `static:${typeof config.token === 'string' ? config.token : identity(config.token)}`;
    fetchToken = staticFetcher(config.token);
  } else if (config.tokenEndpoint) {
    tokenSourceKey = `endpoint:${new URL(config.tokenEndpoint, globalThis.location?.href).href}`;
    fetchToken = endpointFetcher(config.tokenEndpoint, externalUserId, timeout);
  } else {
    throw new TokenError('missing_config', 'No token source: set token-endpoint, tokenCallback or token');
  }
  return {
    externalUserId,
    ...(config.environment ? { environment: config.environment } : {}),
    baseUrl: (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    tokenSourceKey,
    fetchToken,
  };
}

/** The browser SDK joins an empty project id into `/v1/connect//…`; Pipedream's paths have one slash. */
const collapsingFetch: typeof fetch = (input, init) => {
  if (typeof input === 'string') {
    const url = new URL(input);
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    return fetch(url.href, init);
  }
  return fetch(input, init);
};

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Why an SDK call failed, from the SDK's error classes (read by name: they are not exported per resource). */
function reasonOf(error: unknown, status: number | undefined): ApiErrorReason {
  const name = (error as { name?: unknown })?.name;
  if (name === 'PipedreamTimeoutError') return 'timeout';
  // The SDK's schema checks: an answer came, but not one the API sends.
  if (name === 'ParseError' || name === 'JsonError' || error instanceof SyntaxError) return 'unreadable';
  if (status !== undefined) return status >= 200 && status < 300 ? 'unreadable' : 'status';
  return 'unreachable';
}

const REASON_MESSAGES: Record<Exclude<ApiErrorReason, 'status'>, string> = {
  unreachable: 'The Connect API could not be reached',
  timeout: 'The Connect API did not answer in time',
  unreadable: 'The Connect API answered something that could not be read',
};

/** Turns the SDK's multi-line errors into one readable message with the API's own `error` text. */
function toApiError(error: unknown, kind: CallKind = READ): Error {
  if (error instanceof TokenError || error instanceof ApiError) return error;
  const status = statusOf(error);
  const reason = reasonOf(error, status);
  const outcomeUnknown = kind !== READ && outcomeUnknownFor(reason, status);
  if (reason !== 'status') {
    const detail = error instanceof Error && error.message ? ` (${error.message.split('\n')[0]})` : '';
    return new ApiError(`${REASON_MESSAGES[reason]}${detail}`, status, { cause: error, reason, outcomeUnknown });
  }
  const body = (error as { body?: unknown })?.body;
  const apiMessage = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : undefined;
  const message = apiMessage ?? `The Connect API answered HTTP ${status}`;
  // A token that is refused for this user's data is a token problem, not the data's.
  if (status === 403) return new TokenError('wrong_user', message, status, { cause: error });
  return new ApiError(message, status, { cause: error, reason, outcomeUnknown });
}

/**
 * The SDK's resource clients, each loaded the first time it is needed: a page pays only for the
 * calls it makes. They come through modules of their own (`lazy/`) that nothing imports
 * statically, while elements import the SDK's modules themselves (`bundleForFirstRender`): a
 * module imported both ways could not be split, and bundlers warn about it.
 */
const sdkClients = {
  accounts: () => import('./lazy/accounts.js').then((module) => module.Client),
  apps: () => import('./lazy/apps.js').then((module) => module.Client),
  appCategories: () => import('./lazy/app-categories.js').then((module) => module.Client),
  components: () => import('./lazy/components.js').then((module) => module.Client),
  actions: () => import('./lazy/actions.js').then((module) => module.Client),
  triggers: () => import('./lazy/triggers.js').then((module) => module.Client),
  deployedTriggers: () => import('./lazy/deployed-triggers.js').then((module) => module.Client),
};

interface SdkClients {
  accounts: AccountsClient;
  apps: AppsClient;
  appCategories: AppCategoriesClient;
  components: ComponentsClient;
  actions: ActionsClient;
  triggers: TriggersClient;
  deployedTriggers: DeployedTriggersClient;
}

type ClientClasses = { [K in keyof SdkClients]: Awaited<ReturnType<(typeof sdkClients)[K]>> };

const bundledClients: Partial<ClientClasses> = {};
let bundledReaders: typeof import('./read-components.js') | undefined;

/**
 * The SDK clients (and component readers) an element's first render calls, imported by the
 * element module itself: they come with its script instead of in another round of script
 * requests before its first API call. Everything else stays loaded on first use.
 */
export function bundleForFirstRender(clients: Partial<ClientClasses>, readers?: typeof import('./read-components.js')): void {
  Object.assign(bundledClients, clients);
  bundledReaders ??= readers;
}

/** A shared catalog request (see `remember`): who still waits for it, and how to abort it. */
interface Remembered {
  promise: Promise<unknown>;
  until: number;
  controller: AbortController;
  /** Askers still waiting; `Infinity` once one asked without a way to give up. */
  askers: number;
  settled: boolean;
  /** The answer, once it came. */
  value?: unknown;
}

/** One asker's wait for a shared request: it rejects when `signal` aborts, and the last asker to give up aborts the request. */
function follow(entry: Remembered, signal?: AbortSignal): Promise<unknown> {
  if (!signal) {
    entry.askers = Number.POSITIVE_INFINITY;
    return entry.promise;
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  entry.askers++;
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      reject(signal.reason);
      if (--entry.askers === 0 && !entry.settled) entry.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', giveUp, { once: true });
    entry.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', giveUp));
  });
}

/**
 * One per (user, token source, environment, base URL), shared by every element on the page:
 * the token source, the SDK clients and the caches.
 */
export class ConnectSession {
  readonly tokens: TokenSource;
  /**
   * The query cache of the list-type elements, created by the first of them (see
   * `queryClientFor`), so that a page with only a connect button does not load it.
   */
  queryClient?: QueryClient;
  private readonly clients = new Map<keyof SdkClients, Promise<unknown>>();
  private readonly remembered = new Map<string, Remembered>();

  constructor(readonly config: SessionConfig) {
    this.tokens = new TokenSource(config.fetchToken);
  }

  get externalUserId(): string {
    return this.config.externalUserId;
  }

  private clientOptions() {
    return {
      baseUrl: this.config.baseUrl,
      projectId: '',
      ...(this.config.environment ? { projectEnvironment: this.config.environment } : {}),
      fetch: collapsingFetch,
      auth: async () => ({ headers: { Authorization: `Bearer ${await this.tokens.get()}` } }),
    };
  }

  /**
   * One SDK resource client, loaded and built on first use; a failed load is tried again next
   * time. For the call modules (`*-calls.ts`), with `call`.
   */
  client<K extends keyof SdkClients>(name: K): Promise<SdkClients[K]> {
    let client = this.clients.get(name) as Promise<SdkClients[K]> | undefined;
    if (!client) {
      const bundled = bundledClients[name];
      client = (bundled ? Promise.resolve(bundled) : sdkClients[name]()).then((Client) => new Client(this.clientOptions()) as SdkClients[K]);
      this.clients.set(name, client);
      client.catch(() => this.clients.delete(name));
    }
    return client;
  }

  /** Starts loading SDK clients that a coming call will need, alongside whatever it waits for first. */
  preload(...names: (keyof SdkClients)[]): void {
    for (const name of names) this.client(name).catch(() => undefined);
  }

  /** The client for one component type: `/actions`, `/triggers`, or `/components` for both. */
  componentClient(type?: 'action' | 'trigger'): Promise<ComponentsClient | ActionsClient | TriggersClient> {
    if (type === 'action') return this.client('actions');
    if (type === 'trigger') return this.client('triggers');
    return this.client('components');
  }

  /**
   * Catalog data that does not change while a page is open (an app, a component, the categories):
   * every element asking shares one request; a failure is forgotten so the next ask retries.
   * An asker's `signal` gives up its wait: the request itself is aborted only when every asker
   * has given up, so one element replacing a lookup never cancels another element's.
   */
  remember<T>(key: string, lifetime: number, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const now = Date.now();
    let entry = this.remembered.get(key);
    if (!entry || entry.until <= now) {
      // Drop whatever has expired, so a long-lived page does not keep every app it ever showed.
      for (const [remembered, old] of this.remembered) if (old.until <= now) this.remembered.delete(remembered);
      const controller = new AbortController();
      const created: Remembered = { promise: load(controller.signal), until: now + lifetime, controller, askers: 0, settled: false };
      created.promise.then(
        (value) => {
          created.settled = true;
          created.value = value;
        },
        () => {
          created.settled = true;
          if (this.remembered.get(key) === created) this.remembered.delete(key);
        },
      );
      // An abandoned request is forgotten at once: whoever asks next starts a new one.
      controller.signal.addEventListener('abort', () => {
        if (this.remembered.get(key) === created) this.remembered.delete(key);
      });
      this.remembered.set(key, created);
      entry = created;
    }
    return follow(entry, signal) as Promise<T>;
  }

  /**
   * Runs an API call with the given SDK client; a 401 means the token lapsed: fetch a new one and try once more (a refused
   * token did nothing, so this holds for writes too). `kind` is the call's retry and time limit;
   * `signal` aborts the request.
   */
  async call<C, T>(client: Promise<C>, request: (client: C, options: CallOptions) => Promise<T>, kind: CallKind = READ, signal?: AbortSignal): Promise<T> {
    const options: CallOptions = signal ? { ...kind, abortSignal: signal } : kind;
    let ready: C;
    try {
      // The token and the SDK client load side by side: a page's first call waits for the slower, not for both in turn.
      [ready] = await Promise.all([client, this.tokens.get()]);
    } catch (error) {
      throw toApiError(error, kind);
    }
    try {
      return await request(ready, options);
    } catch (error) {
      if (statusOf(error) !== 401) throw toApiError(error, kind);
      this.tokens.invalidate(this.tokens.lastIssued);
      try {
        return await request(ready, options);
      } catch (retryError) {
        throw toApiError(retryError, kind);
      }
    }
  }

  /**
   * Every account answer names its user: one for anybody else means the token was minted for
   * someone else (a host's cache, a mixed-up session), and nothing of it may be shown.
   */
  private checkOwner(account: Account): Account {
    const owner = (account as { externalId?: unknown }).externalId;
    if (owner !== this.externalUserId) {
      throw new TokenError('wrong_user', `The Connect token is not for external user ${this.externalUserId}`, undefined, {
        explanation: { key: 'problem.wrongUser' },
      });
    }
    return account;
  }

  async listAccounts(filter: AccountFilter, cursor?: string, limit = 20, signal?: AbortSignal): Promise<AccountPage> {
    const params = {
      externalUserId: this.externalUserId,
      ...(filter.app ? { app: filter.app } : {}),
      ...(filter.oauthAppId ? { oauthAppId: filter.oauthAppId } : {}),
      ...(cursor ? { after: cursor } : {}),
      limit,
    };
    const page = await this.call(this.client('accounts'), (client, options) => client.list(params, options), READ, signal);
    const { items, ...rest } = checkedPage(page, 'an account list');
    return { accounts: readItems(items, readAccount).map((account) => this.checkOwner(account)), ...rest };
  }

  async retrieveAccount(id: string): Promise<Account> {
    const account = readAccount(await this.call(this.client('accounts'), (client, options) => client.retrieve(id, {}, options)));
    if (!account) throw new ApiError('The Connect API answered something that is not an account', undefined, { reason: 'unreadable' });
    return this.checkOwner(account);
  }

  /** Deletes an account: sent once, never retried (see `WRITE`). */
  async deleteAccount(id: string): Promise<void> {
    await this.call(this.client('accounts'), (client, options) => client.delete(id, options), WRITE);
  }

  async retrieveApp(slug: string, signal?: AbortSignal): Promise<App> {
    const answer = await this.call(this.client('apps'), (client, options) => client.retrieve(slug, options), READ, signal);
    const app = readApp(answer?.data);
    if (!app) throw new ApiError('The Connect API answered something that is not an app', undefined, { reason: 'unreadable' });
    return app;
  }

  /**
   * A component's definition that the page already has (another element loaded it), without a
   * wait: a form can then show it in its first render. Undefined when it is not in yet.
   */
  loadedComponent(key: string): Component | undefined {
    return this.loaded(componentEntry(key)) as Component | undefined;
  }

  /** An app that the page already has, without a wait (see `loadedComponent`). */
  loadedApp(slug: string): App | undefined {
    return this.loaded(`app:${slug}`) as App | undefined;
  }

  /** What `remember` holds under `key`, when its answer came and is still fresh. */
  private loaded(key: string): unknown {
    const entry = this.remembered.get(key);
    return entry?.settled && entry.until > Date.now() ? entry.value : undefined;
  }

  /** Query keys: every element asking for the same thing shares one request and one cache entry. */
  static accountsKey(externalUserId: string, filter: AccountFilter) {
    return ['pd', externalUserId, 'accounts', { app: filter.app ?? null, oauthAppId: filter.oauthAppId ?? null }] as const;
  }

  /**
   * The query of this user's accounts (of one app, one OAuth client): every element listing the
   * same accounts uses it, so they share one cache entry and one request, and all of them follow
   * `invalidateAccounts()` after a connect or disconnect anywhere on the page.
   */
  accountsQuery(filter: AccountFilter): AccountsQueryOptions {
    return {
      queryKey: ConnectSession.accountsKey(this.externalUserId, filter),
      queryFn: ({ pageParam }) => this.listAccounts(filter, pageParam, ACCOUNT_PAGE_SIZE),
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor,
    };
  }

  static deployedTriggersKey(externalUserId: string) {
    return ['pd', externalUserId, 'deployed-triggers'] as const;
  }

  static appsKey(params: AppListParams) {
    return [
      'pd',
      'apps',
      { q: params.q?.trim() ?? '', sort: params.sort ?? 'featured', hasActions: Boolean(params.hasActions), hasTriggers: Boolean(params.hasTriggers), category: params.category ?? null },
    ] as const;
  }

  static componentsKey(params: ComponentListParams) {
    return ['pd', 'components', { app: params.app, type: params.type ?? null, q: params.q?.trim() ?? '' }] as const;
  }

  /** Every cached account list of this user refetches, so every element showing one updates. */
  async invalidateAccounts(): Promise<void> {
    await this.queryClient?.invalidateQueries({ queryKey: ['pd', this.externalUserId, 'accounts'] });
  }

  /** Every cached deployed-trigger list of this user refetches. */
  async invalidateDeployedTriggers(): Promise<void> {
    await this.queryClient?.invalidateQueries({ queryKey: ConnectSession.deployedTriggersKey(this.externalUserId) });
  }

  /** An app, shared page-wide; `signal` gives up this caller's wait (see `remember`). */
  app(slug: string, signal?: AbortSignal): Promise<App> {
    return this.remember(`app:${slug}`, 10 * 60_000, (shared) => this.retrieveApp(slug, shared), signal);
  }
}

/**
 * The readers of component-shaped answers, loaded with the first call that needs them (alongside
 * its SDK client): a page with only a connect button or an account list never downloads them.
 */
let componentReaders: Promise<typeof import('./read-components.js')> | undefined;
export function loadComponentReaders(): Promise<typeof import('./read-components.js')> {
  componentReaders ??= (bundledReaders ? Promise.resolve(bundledReaders) : import('./lazy/read-components.js')).catch((error: unknown) => {
    componentReaders = undefined;
    throw new ApiError('Part of the elements could not be loaded', undefined, { cause: error });
  });
  return componentReaders;
}

/** Where `remember` keeps a component's definition: `componentDefinition` fills it, `loadedComponent` reads it. */
export const componentEntry = (key: string): string => `component:${key}`;

const sessions = new Map<string, ConnectSession>();

/** The shared session for a config (created on first use). */
export function getSession(config: SessionConfig): ConnectSession {
  const key = JSON.stringify([config.externalUserId, config.tokenSourceKey, config.environment ?? '', config.baseUrl]);
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new ConnectSession(config)));
  return session;
}

export { connectPageUrl };
