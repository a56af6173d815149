import {
  InfiniteQueryObserver,
  QueryClient,
  type FetchNextPageOptions,
  type QueryCacheNotifyEvent,
  type InfiniteData,
  type InfiniteQueryObserverOptions,
  type InfiniteQueryObserverResult,
  type QueryKey,
  type RefetchOptions,
} from '@tanstack/query-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onNetworkBack } from './network-back.js';
import type { ConnectSession } from './session.js';

/** The latest fetch begun of each query: when, and whether it loads every page or only the next one. */
const latestFetch = new WeakMap<object, { startedAt: number; nextPageOnly: boolean }>();
/** When the fetch that loaded a query's current data from its first page on began (`performance.now()`). */
const dataFetchedSince = new WeakMap<object, number>();

/**
 * Notes when fetches begin and which one delivered the data: an answer cannot tell about anything
 * that changed after its fetch began, however late it arrives. A fetch that begins while another
 * runs cancels it (its answer is dropped), so the latest one is the one that delivers.
 */
function recordFetches(event: QueryCacheNotifyEvent): void {
  if (event.type !== 'updated') return;
  const { query, action } = event;
  if (action.type === 'fetch') {
    // A next page (`fetchMore`) leaves the pages before it as they were fetched.
    latestFetch.set(query, { startedAt: performance.now(), nextPageOnly: Boolean((action.meta as { fetchMore?: unknown } | undefined)?.fetchMore) });
  } else if (action.type === 'success') {
    const fetch = latestFetch.get(query);
    latestFetch.delete(query);
    if (action.manual) dataFetchedSince.delete(query);
    else if (fetch && !fetch.nextPageOnly) dataFetchedSince.set(query, fetch.startedAt);
  } else if (action.type === 'error') {
    latestFetch.delete(query);
  }
}

/** The session's query cache, created by the first element that lists something. */
export function queryClientFor(session: ConnectSession): QueryClient {
  if (session.queryClient) return session.queryClient;
  const client = new QueryClient({
    defaultOptions: {
      // The SDK already retries 429 and 5xx honouring Retry-After. `always`: offline, a fetch fails
      // and shows an error with Retry instead of waiting, paused, for as long as the page is offline.
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
    },
  });
  client.getQueryCache().subscribe(recordFetches);
  // A list showing a failed load fetches again once the network may be back.
  onNetworkBack(() => void client.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' }));
  return (session.queryClient = client);
}

/**
 * Subscribes a Lit element to a paged query in a session's cache: the element re-renders when
 * the data changes, whichever element caused the change.
 */
export class InfiniteQueryController<TPage, TCursor> implements ReactiveController {
  result?: InfiniteQueryObserverResult<InfiniteData<TPage, TCursor>, Error>;
  private observer?: InfiniteQueryObserver<TPage, Error, InfiniteData<TPage, TCursor>, QueryKey, TCursor>;
  private client?: QueryClient;
  private unsubscribe?: () => void;
  private keyHash?: string;
  private reportedErrorAt = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Points the controller at a query of a session's cache (or at nothing); call it from the host's `willUpdate`. */
  setQuery(session: ConnectSession | undefined, options: InfiniteQueryObserverOptions<TPage, Error, InfiniteData<TPage, TCursor>, QueryKey, TCursor> | undefined): void {
    const client = session && options ? queryClientFor(session) : undefined;
    const keyHash = options ? JSON.stringify(options.queryKey) : undefined;
    if (client === this.client && keyHash === this.keyHash) return;
    this.stop();
    this.client = client;
    this.keyHash = keyHash;
    if (!client || !options) {
      this.observer = undefined;
      this.result = undefined;
      return;
    }
    this.observer = new InfiniteQueryObserver(client, options);
    this.result = this.observer.getCurrentResult();
    if (this.host instanceof HTMLElement ? this.host.isConnected : true) this.start();
  }

  /**
   * When the fetch that loaded the current data from its first page on started, on the
   * `performance.now()` clock; undefined before any data arrived through this page's cache.
   */
  get dataFetchedSince(): number | undefined {
    const query = this.observer?.getCurrentQuery();
    return query ? dataFetchedSince.get(query) : undefined;
  }

  /** Loads the next page; `{cancelRefetch: false}` joins a fetch in flight instead of restarting it. Resolves to the result after it. */
  async fetchNextPage(options?: FetchNextPageOptions): Promise<InfiniteQueryObserverResult<InfiniteData<TPage, TCursor>, Error> | undefined> {
    const observer = this.observer;
    if (!observer) return undefined;
    await observer.fetchNextPage(options);
    // Current also when the host is not subscribed (not connected) and hears nothing.
    if (observer === this.observer) this.result = observer.getCurrentResult();
    return observer.getCurrentResult();
  }

  refetch(options?: RefetchOptions): Promise<unknown> | undefined {
    return this.observer?.refetch(options);
  }

  /**
   * The query's failure the first time this is asked after it happened, so an element reports
   * each failure once however often it renders. `nextPages: false` leaves a failed next page to
   * whoever asked for it.
   */
  newError(options: { nextPages?: boolean } = {}): Error | undefined {
    const result = this.result;
    if (!result?.isError || result.errorUpdatedAt === this.reportedErrorAt) return undefined;
    if (options.nextPages === false && result.isFetchNextPageError) return undefined;
    this.reportedErrorAt = result.errorUpdatedAt;
    return result.error;
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    if (!this.observer || this.unsubscribe) return;
    this.unsubscribe = this.observer.subscribe((result) => {
      this.result = result;
      this.host.requestUpdate();
    });
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
