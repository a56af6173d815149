import { InfiniteQueryObserver, QueryObserver } from '@tanstack/query-core';
import type { Component, ConfigurePropResponse } from '@pipedream/sdk/browser';
import { listApps, listComponents } from '../session/catalog-calls.js';
import { componentDefinition, configureProp } from '../session/component-calls.js';
import { queryClientFor } from '../session/query-controller.js';
import { type AccountFilter, type AccountPage, type AppListParams, type ComponentListParams, type ConfigurePropParams, ConnectSession } from '../session/session.js';
import type { Account, App } from '../session/types.js';
import { type ListStore, type Store, listStore, queryStore } from './store.js';

/** A catalog page as the selects cache it: stores and `<pd-app-select>` share the same entries. */
interface ItemPage<T> {
  items: T[];
  nextCursor?: string;
  total?: number;
}

/** Catalog page size, the selects' own: a store and a select of the same search share pages. */
const CATALOG_PAGE_SIZE = 50;

function itemPage<T>(items: T[], page: { nextCursor?: string; total?: number }): ItemPage<T> {
  return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total !== undefined ? { total: page.total } : {}) };
}

/** Each item once: pages shift when items come and go between fetches. */
function uniqueBy<T>(items: T[], id: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(id(item)) && Boolean(seen.add(id(item))));
}

function catalogStore<T>(session: ConnectSession, queryKey: readonly unknown[], fetch: (cursor: string | undefined) => Promise<ItemPage<T>>, id: (item: T) => string): ListStore<T> {
  const observer = new InfiniteQueryObserver<ItemPage<T>, Error, { pages: ItemPage<T>[]; pageParams: (string | undefined)[] }, readonly unknown[], string | undefined>(queryClientFor(session), {
    queryKey,
    queryFn: ({ pageParam }) => fetch(pageParam),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  return listStore(observer, (pages) => uniqueBy(pages.flatMap((page) => page.items), id));
}

/**
 * The user's connected accounts (optionally of one app or OAuth client): the same cache entry
 * `<pd-account-list>` and the forms' account fields use, so they share one request, and every one
 * of them updates after a connect or disconnect anywhere on the page.
 */
export function accounts(session: ConnectSession, filter: AccountFilter = {}): ListStore<Account> {
  const observer = new InfiniteQueryObserver(queryClientFor(session), session.accountsQuery(filter));
  return listStore<AccountPage, Account>(observer, (pages) => uniqueBy(pages.flatMap((page) => page.accounts), (account) => account.id));
}

/** The app catalog for a search (`q`, `sort`, `hasActions`, `hasTriggers`, `category`), shared with `<pd-app-select>`. */
export function apps(session: ConnectSession, params: AppListParams = {}): ListStore<App> {
  return catalogStore(
    session,
    ConnectSession.appsKey(params),
    async (cursor) => {
      const page = await listApps(session, params, cursor, CATALOG_PAGE_SIZE);
      return itemPage(page.apps, page);
    },
    (app) => app.nameSlug,
  );
}

/** One app's actions and/or triggers (`type`), with an optional search `q`; shared with `<pd-component-select>`. */
export function components(session: ConnectSession, params: ComponentListParams): ListStore<Component> {
  return catalogStore(
    session,
    ConnectSession.componentsKey(params),
    async (cursor) => {
      const page = await listComponents(session, params, cursor, CATALOG_PAGE_SIZE);
      return itemPage(page.components, page);
    },
    (component) => component.key,
  );
}

function singleStore<T>(session: ConnectSession, queryKey: readonly unknown[], fetch: (signal: AbortSignal) => Promise<T>): Store<T> {
  return queryStore(new QueryObserver<T, Error, T, T, readonly unknown[]>(queryClientFor(session), { queryKey, queryFn: ({ signal }) => fetch(signal) }));
}

/**
 * One app by slug (name, logo, auth type). The request is the one the elements share for that app
 * (a connect button, an app select showing it): one per page.
 */
export function app(session: ConnectSession, slug: string): Store<App> {
  return singleStore(session, ['pd', 'app', slug], (signal) => session.app(slug, signal));
}

/** One action's or trigger's definition by key, with its configurable props; shared with the forms. */
export function component(session: ConnectSession, key: string): Store<Component> {
  return singleStore(session, ['pd', 'component', key], (signal) => componentDefinition(session, key, signal));
}

/**
 * One page of a prop's remote options (`configureProp`), for the props configured before it:
 * `{ options, stringOptions, context, errors, … }` as the Connect API answers. A different
 * `configuredProps`, `query` or `page` is a different store.
 */
export function remoteOptions(session: ConnectSession, params: ConfigurePropParams): Store<ConfigurePropResponse> {
  const key = {
    component: params.componentKey,
    prop: params.propName,
    configured: params.configuredProps,
    dynamicPropsId: params.dynamicPropsId ?? null,
    page: params.page ?? 0,
    prevContext: params.prevContext ?? null,
    query: params.query ?? null,
  };
  return singleStore(session, ['pd', session.externalUserId, 'remote-options', key], (signal) => configureProp(session, params, signal));
}
