import {
  InfiniteQueryObserver,
  QueryClient,
  type FetchNextPageOptions,
  type InfiniteData,
  type InfiniteQueryObserverOptions,
  type InfiniteQueryObserverResult,
  type QueryKey,
  type RefetchOptions,
} from '@tanstack/query-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectSession } from './session.js';

/** The session's query cache, created by the first element that lists something. */
export function queryClientFor(session: ConnectSession): QueryClient {
  return (session.queryClient ??= new QueryClient({
    defaultOptions: {
      // The SDK already retries 429 and 5xx honouring Retry-After.
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
    },
  }));
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

  /** Loads the next page; `{cancelRefetch: false}` joins a fetch in flight instead of restarting it. */
  fetchNextPage(options?: FetchNextPageOptions): Promise<unknown> | undefined {
    return this.observer?.fetchNextPage(options);
  }

  refetch(options?: RefetchOptions): Promise<unknown> | undefined {
    return this.observer?.refetch(options);
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
