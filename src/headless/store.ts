import type { InfiniteData, InfiniteQueryObserver, QueryObserver, QueryObserverResult } from '@tanstack/query-core';

/**
 * Where a store's data stands:
 * - `idle`: nothing to load (no session yet, or a required input is empty);
 * - `loading`: the first answer is on its way;
 * - `success`: `data` holds the latest answer;
 * - `error`: the last load failed (`error`); `data` still holds an earlier answer, if any.
 */
export type StoreStatus = 'idle' | 'loading' | 'success' | 'error';

/** What a store holds at one moment. A new object whenever anything in it changes, the same one otherwise. */
export interface Snapshot<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly status: StoreStatus;
  /** A request for this data is in flight (a first load or a refresh). */
  readonly fetching: boolean;
}

/** A paged list's snapshot: the pages loaded so far, as one list. */
export interface ListSnapshot<T> extends Snapshot<T[]> {
  /** More items exist on the server: `loadMore()` fetches the next page. */
  readonly hasMore: boolean;
}

/**
 * An observable store of one query of the session's shared cache. `subscribe` calls the listener
 * at once with the current snapshot and again after every change, and returns the function that
 * unsubscribes: the contract of a Svelte store, so `$store` works as it is. The store fetches
 * while someone listens; after the last listener leaves it stops asking.
 */
export interface Store<T, S extends Snapshot<T> = Snapshot<T>> {
  subscribe(listener: (snapshot: S) => void): () => void;
  /** The current snapshot, without subscribing (for `useSyncExternalStore`). */
  get(): S;
  /** Loads the data again (reads only: a store never writes). */
  refetch(): Promise<S>;
}

/** A store of a paged list. */
export interface ListStore<T> extends Store<T[], ListSnapshot<T>> {
  /** Fetches the next page; joins a fetch already in flight instead of restarting it. */
  loadMore(): Promise<ListSnapshot<T>>;
}

const IDLE: ListSnapshot<never> = Object.freeze({ data: undefined, error: undefined, status: 'idle', fetching: false, hasMore: false });

/** The snapshot of a store that has nothing to load. */
export function idleSnapshot<T>(): ListSnapshot<T> {
  return IDLE;
}

/** A store with nothing to load (no session, no key): always `idle`. */
export function idleStore<T>(): ListStore<T> {
  return {
    subscribe: (listener) => {
      listener(IDLE);
      return () => undefined;
    },
    get: () => IDLE,
    refetch: async () => IDLE,
    loadMore: async () => IDLE,
  };
}

function statusOf(result: { status: 'pending' | 'error' | 'success'; fetchStatus: string }): StoreStatus {
  if (result.status === 'pending') return result.fetchStatus === 'idle' ? 'idle' : 'loading';
  return result.status;
}

type AnyObserver<R> = {
  getCurrentResult(): R;
  subscribe(listener: (result: R) => void): () => void;
  refetch(): Promise<R>;
};

/**
 * A store over a query-core observer: listeners share the one observer, which is subscribed to
 * the cache only while anybody listens. Snapshots are read once per result, so that an unchanged
 * result gives the same snapshot object (what `useSyncExternalStore` needs).
 */
function observerStore<R, S>(observer: AnyObserver<R>, read: (result: R) => S) {
  /** Each listener with the snapshot it heard last: it hears each snapshot once. */
  const listeners = new Map<(snapshot: S) => void, S | undefined>();
  let stop: (() => void) | undefined;
  let lastResult: R | undefined;
  let lastSnapshot: S | undefined;
  const get = (): S => {
    const result = observer.getCurrentResult();
    if (result !== lastResult || lastSnapshot === undefined) {
      lastResult = result;
      lastSnapshot = read(result);
    }
    return lastSnapshot;
  };
  const tell = (listener: (snapshot: S) => void) => {
    const snapshot = get();
    if (!listeners.has(listener) || listeners.get(listener) === snapshot) return;
    listeners.set(listener, snapshot);
    listener(snapshot);
  };
  const notify = () => {
    for (const listener of [...listeners.keys()]) tell(listener);
  };
  return {
    subscribe(listener: (snapshot: S) => void): () => void {
      // The same function twice is one listener, as in a Set.
      if (!listeners.has(listener)) listeners.set(listener, undefined);
      // The first listener starts the observer: it fetches now when the cache has nothing fresh.
      stop ??= observer.subscribe(notify);
      tell(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size) return;
        stop?.();
        stop = undefined;
      };
    },
    get,
    refetch: async (): Promise<S> => {
      await observer.refetch();
      return get();
    },
  };
}

/** A store of a single-value query. */
export function queryStore<T>(observer: QueryObserver<T, Error>): Store<T> {
  return observerStore(observer as AnyObserver<QueryObserverResult<T, Error>>, (result) => ({
    data: result.data,
    error: result.error ?? undefined,
    status: statusOf(result),
    fetching: result.isFetching,
  }));
}

/** A store of a paged query: `flatten` turns the loaded pages into one list. */
export function listStore<TPage, TItem>(
  observer: InfiniteQueryObserver<TPage, Error, InfiniteData<TPage, string | undefined>, readonly unknown[], string | undefined>,
  flatten: (pages: TPage[]) => TItem[],
): ListStore<TItem> {
  const store = observerStore(observer as unknown as AnyObserver<ReturnType<typeof observer.getCurrentResult>>, (result): ListSnapshot<TItem> => ({
    data: result.data ? flatten(result.data.pages) : undefined,
    error: result.error ?? undefined,
    status: statusOf(result),
    fetching: result.isFetching,
    hasMore: result.hasNextPage,
  }));
  return {
    ...store,
    loadMore: async () => {
      await observer.fetchNextPage({ cancelRefetch: false });
      return store.get();
    },
  };
}
