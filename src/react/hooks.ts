'use client';

/**
 * React hooks over `pd-connect-elements/headless`: the same session, cache and writes as the
 * elements, read with `useSyncExternalStore`. A component using `useAccounts` and a
 * `<PdAccountList>` of the same user share one request and update together.
 *
 * ```tsx
 * const session = useConnectSession({ externalUserId: user.id, tokenEndpoint: '/api/connect-token' });
 * const { data: accounts, status, error } = useAccounts(session, { app: 'slack' });
 * ```
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import {
  type AccountFilter,
  type AppListParams,
  type ComponentListParams,
  type ConfigurePropParams,
  type ConnectConfig,
  type ConnectLinkFallback,
  type ConnectOptions,
  type ConnectOutcome,
  type ConnectSession,
  type ListSnapshot,
  type ListStore,
  type Snapshot,
  type Store,
  accounts,
  app,
  apps,
  component,
  components,
  connect,
  connectSession,
  idleSnapshot,
  idleStore,
  remoteOptions,
} from '../headless/index.js';
import type { Account, App } from '../session/types.js';
import type { Component, ConfigurePropResponse } from '@pipedream/sdk/browser';

export type { AccountFilter, ConnectConfig, ConnectLinkFallback, ConnectOptions, ConnectOutcome, ConnectSession, ListSnapshot, Snapshot } from '../headless/index.js';

/**
 * The session for a config, the one the elements with the same settings use; `undefined` while
 * the config lacks a user or a token source (`error` says why). Keep `tokenCallback` stable
 * (`useCallback`): a new function is a new token source, so a new session.
 */
export function useConnectSession(config: ConnectConfig): ConnectSession | undefined {
  const { externalUserId, tokenEndpoint, tokenCallback, token, environment, baseUrl, tokenTimeout } = config;
  return useMemo(() => {
    try {
      return connectSession({ externalUserId, tokenEndpoint, tokenCallback, token, environment, baseUrl, tokenTimeout });
    } catch {
      return undefined;
    }
  }, [externalUserId, tokenEndpoint, tokenCallback, token, environment, baseUrl, tokenTimeout]);
}

/** Any headless store's current snapshot, re-rendering on every change; `undefined` is an idle store. */
export function useStore<T, S extends Snapshot<T>>(store: Store<T, S> | undefined): S {
  const subscribe = store?.subscribe ?? noSubscription;
  const get = store?.get ?? (idleSnapshot as unknown as () => S);
  return useSyncExternalStore(subscribe, get, get);
}

const noSubscription = () => () => undefined;
const IDLE_STORE = idleStore<never>();

/** A store made once per session and key: the same store object while neither changes. */
function useKeyedStore<S>(session: ConnectSession | undefined, key: unknown, make: (session: ConnectSession) => S): S | undefined {
  const hash = JSON.stringify(key);
  // `hash` stands for `key` (and so for what `make` reads).
  return useMemo(() => (session ? make(session) : undefined), [session, hash]);
}

/** A list snapshot plus `loadMore()` for the next page. */
export type ListResult<T> = ListSnapshot<T> & { loadMore: () => Promise<ListSnapshot<T>>; refetch: () => Promise<ListSnapshot<T>> };
/** A snapshot plus `refetch()`. */
export type QueryResult<T> = Snapshot<T> & { refetch: () => Promise<Snapshot<T>> };

function useList<T>(store: ListStore<T> | undefined): ListResult<T> {
  const snapshot = useStore(store);
  const target = store ?? (IDLE_STORE as ListStore<T>);
  return useMemo(() => ({ ...snapshot, loadMore: target.loadMore, refetch: target.refetch }), [snapshot, target]);
}

function useQuery<T>(store: Store<T> | undefined): QueryResult<T> {
  const snapshot = useStore(store);
  const target = store ?? (IDLE_STORE as unknown as Store<T>);
  return useMemo(() => ({ ...snapshot, refetch: target.refetch }), [snapshot, target]);
}

/** The user's connected accounts (optionally of one app), shared with `<PdAccountList>`. */
export function useAccounts(session: ConnectSession | undefined, filter: AccountFilter = {}): ListResult<Account> {
  return useList(useKeyedStore(session, ['accounts', filter.app, filter.oauthAppId], (s) => accounts(s, filter)));
}

/** The app catalog for a search, shared with `<PdAppSelect>`. */
export function useApps(session: ConnectSession | undefined, params: AppListParams = {}): ListResult<App> {
  return useList(useKeyedStore(session, ['apps', params], (s) => apps(s, params)));
}

/** One app by slug; idle while `slug` is empty. */
export function useApp(session: ConnectSession | undefined, slug: string | undefined): QueryResult<App> {
  return useQuery(useKeyedStore(slug ? session : undefined, ['app', slug], (s) => app(s, slug as string)));
}

/** One app's actions and/or triggers; idle while `params` is undefined. */
export function useComponents(session: ConnectSession | undefined, params: ComponentListParams | undefined): ListResult<Component> {
  return useList(useKeyedStore(params ? session : undefined, ['components', params], (s) => components(s, params as ComponentListParams)));
}

/** One component's definition by key; idle while `key` is empty. */
export function useComponent(session: ConnectSession | undefined, key: string | undefined): QueryResult<Component> {
  return useQuery(useKeyedStore(key ? session : undefined, ['component', key], (s) => component(s, key as string)));
}

/** One page of a prop's remote options; idle while `params` is undefined. */
export function useRemoteOptions(session: ConnectSession | undefined, params: ConfigurePropParams | undefined): QueryResult<ConfigurePropResponse> {
  return useQuery(useKeyedStore(params ? session : undefined, ['remote-options', params], (s) => remoteOptions(s, params as ConfigurePropParams)));
}

/**
 * Where a `useConnect` flow stands. `link` is set while a Connect Link waits to be opened by hand
 * (the browser blocked its window): render it as `<a href={link.url} target="_blank"
 * rel="noopener" onClick={link.opened}>` with a button for `link.cancel`.
 */
export type ConnectState =
  | { status: 'idle' }
  | { status: 'connecting'; app: string; link?: ConnectLinkFallback }
  | { status: 'done'; outcome: ConnectOutcome | undefined };

/**
 * Opens the connect flow (see `connect()`); `state` follows it. Call `connect` from the click
 * handler itself (Connect Link mode needs the click to open its window); a blocked window shows
 * as `state.link` unless `options.onLinkFallback` handles it.
 */
export function useConnect(session: ConnectSession | undefined): { connect: (options: ConnectOptions) => Promise<ConnectOutcome | undefined>; state: ConnectState } {
  const [state, setState] = useState<ConnectState>({ status: 'idle' });
  const start = useCallback(
    async (options: ConnectOptions) => {
      if (!session) throw new Error('No Connect session: useConnectSession needs externalUserId and a token source');
      setState({ status: 'connecting', app: options.app });
      const outcome = await connect(session, {
        ...options,
        onLinkFallback: options.onLinkFallback ?? ((link) => setState({ status: 'connecting', app: options.app, link })),
      });
      setState({ status: 'done', outcome });
      return outcome;
    },
    [session],
  );
  return { connect: start, state };
}
