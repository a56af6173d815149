import type { ReactiveControllerHost } from 'lit';
import type { InfiniteQueryController } from '../../session/query-controller.js';
import { ACCOUNT_PAGE_SIZE, type AccountPage, type ConnectSession } from '../../session/session.js';
import type { Account } from '../../session/types.js';
import type { ConfigurableProp } from '../../wire/props.js';
import type { FormValues } from './form-values.js';

/** An `app` field: the user's accounts of the app (from the session's shared cache) and the field's own state. */
export interface AppState {
  accounts: Account[];
  appName?: string;
  /** The app works without an account (`auth_type: none`, e.g. HTTP, RSS): the field asks for nothing. */
  noAuth?: boolean;
  loading: boolean;
  error?: string;
  connecting?: boolean;
  connectError?: string;
  /**
   * The selected account when the list does not hold it: its name if the form has seen it, and
   * `gone` once a list fetched after it was selected lacks it (it was disconnected).
   */
  missing?: { id: string; name?: string; gone: boolean };
}

/** What the form keeps of an `app` field beyond the shared account list. */
export interface AppMeta {
  appName?: string;
  noAuth?: boolean;
  connecting?: boolean;
  connectError?: string;
}

/** What a form asked for on the strength of its component's key, until the definition says whether it needs it. */
interface AppGuess {
  app: string;
  session: ConnectSession;
  /** Gives up the form's wait for the app's lookup. */
  controller: AbortController;
}

/** An `app` field's subscription to the session's account list of its app. */
interface AccountFeed {
  app: string;
  query: InfiniteQueryController<AccountPage, string | undefined>;
  /** Names of the accounts the form has seen, to name one that has since gone. */
  names: Map<string, string>;
  /** The value (its `valueSetAt`) the form last fetched the list again for, to see whether it is gone. */
  checkedValueAt?: number;
}

/** The element that hosts the account fields: the feeds are reactive controllers of their own. */
export interface AccountFieldsHost extends ReactiveControllerHost {
  /** Whether the element is in a document: a removed form sends no requests. */
  readonly isConnected: boolean;
  /** An error as the user reads it. */
  describe(error: unknown): string;
}

/** What account fields need of their form. */
export interface AccountFieldsForm {
  readonly fields: FormValues;
  /** The component's load: the fields are known once it is `ready`. */
  readonly phase: string;
  /** The session the accounts come from, once the form has one. */
  source(): { session: ConnectSession } | undefined;
}

/** The form lists every account of an app, up to this many pages of the shared list (1,000 accounts). */
const MAX_ACCOUNT_PAGES = Math.ceil(1000 / ACCOUNT_PAGE_SIZE);

/**
 * The app a component's key starts with: registry keys are the app's slug, a dash, then the
 * component's name (`google_sheets-add-single-row`). Undefined for keys of another shape.
 */
export const appOfComponentKey = (key: string): string | undefined => /^([a-z0-9][a-z0-9_]*)-[a-z0-9]/.exec(key)?.[1];

/** The account id an `app` prop's value holds. */
const accountIdOf = (value: unknown) => {
  const id = (value as { authProvisionId?: unknown } | undefined)?.authProvisionId;
  return typeof id === 'string' && id ? id : undefined;
};

/**
 * The `app` fields of a form: each follows the session's shared account list of its app (one
 * request for every element listing those accounts; connects and disconnects anywhere on the
 * page show), knows its app's name, tells when its selected account is gone, and waits for an
 * account the form just connected.
 */
export class AccountFields {
  /**
   * Loads the query module (and `@tanstack/query-core`), a chunk of its own in the CDN build:
   * forms without an `app` field never download it. Replaceable, to see how a form copes when
   * the download fails.
   */
  static loadQueryModule = () => import('../../session/query-controller.js');

  /** The query module once loaded, and the loader it came from. */
  private static loadedQueries?: { loader: typeof AccountFields.loadQueryModule; module: typeof import('../../session/query-controller.js') };

  /** The query module another form already loaded with today's loader, for this one at once. */
  private static get sharedQueries(): typeof import('../../session/query-controller.js') | undefined {
    const loaded = AccountFields.loadedQueries;
    return loaded?.loader === AccountFields.loadQueryModule ? loaded.module : undefined;
  }

  private readonly meta = new Map<string, AppMeta>();
  private readonly feeds = new Map<string, AccountFeed>();
  /** The app each field's name was asked for. */
  private readonly named = new Map<string, string>();
  /** The query module (and `@tanstack/query-core`), loaded once a form has an `app` field. */
  private queries?: typeof import('../../session/query-controller.js');
  private queriesLoading = false;
  private queriesError?: string;
  /** The query module, asked for with the definition (`warm`), before any field needs it. */
  private warming?: ReturnType<typeof AccountFields.loadQueryModule>;
  /** The app the component's key names, asked for before the definition came (`guessApp`). */
  private guess?: AppGuess;

  constructor(
    private readonly host: AccountFieldsHost,
    private readonly form: AccountFieldsForm,
  ) {}

  /**
   * Starts loading what `app` fields need (the query module, the accounts and apps clients) while
   * the component's definition is on its way: most components have one, and otherwise these would
   * be another round of script requests after the definition. A failed load shows only once a
   * field needs the module (with Retry), and is not tried again by itself.
   */
  warm(session: ConnectSession): void {
    session.preload('accounts', 'apps');
    if (this.queries || this.warming || AccountFields.sharedQueries) return;
    this.warming = AccountFields.loadQueryModule();
    this.warming.catch(() => undefined);
  }

  /**
   * Asks for the app a registry component's key names (`slack-send-message`: `slack`) and the
   * user's accounts of it while the definition is on its way, instead of a round trip after it:
   * its `app` field then shows complete with the definition. Both are reads, shared page-wide;
   * when the definition has no field of that app, whatever nobody else waits for is aborted.
   */
  guessApp(session: ConnectSession, componentKey: string): void {
    this.dropGuess();
    const app = appOfComponentKey(componentKey);
    if (!app || !this.host.isConnected) return;
    const guess: AppGuess = { app, session, controller: new AbortController() };
    this.guess = guess;
    if (!session.loadedApp(app)) void session.app(app, guess.controller.signal).catch(() => undefined);
    const prefetch = (queries: typeof import('../../session/query-controller.js')) => {
      if (this.guess !== guess) return;
      const query = session.accountsQuery({ app });
      // The field's own query takes this fetch over (same key): no second request.
      void queries.queryClientFor(session).prefetchInfiniteQuery({
        ...query,
        queryFn: ({ pageParam, signal }) => session.listAccounts({ app }, pageParam, ACCOUNT_PAGE_SIZE, signal),
      });
    };
    const loaded = this.queries ?? AccountFields.sharedQueries;
    if (loaded) prefetch(loaded);
    else this.warming?.then(prefetch, () => undefined);
  }

  /** The definition is in (or failed): a guess its fields do not use stops, unless another element waits for it too. */
  private settleGuess(appFields: ConfigurableProp[]): void {
    const guess = this.guess;
    if (!guess || this.form.phase === 'loading') return;
    this.guess = undefined;
    if (!appFields.some((prop) => prop.app === guess.app)) this.abandon(guess);
  }

  private dropGuess(): void {
    if (this.guess) this.abandon(this.guess);
    this.guess = undefined;
  }

  private abandon(guess: AppGuess): void {
    guess.controller.abort();
    const client = guess.session.queryClient;
    const queryKey = guess.session.accountsQuery({ app: guess.app }).queryKey;
    const query = client?.getQueryCache().find({ queryKey, exact: true });
    if (query?.getObserversCount() === 0 && query.state.fetchStatus === 'fetching') void client?.cancelQueries({ queryKey, exact: true });
  }

  /** Forgets every field (another component). */
  clear(): void {
    this.meta.clear();
    this.named.clear();
    this.drop(() => true);
  }

  /**
   * Points every `app` field at the session's shared account list of its app (called before each
   * render): one request for every element listing those accounts, and every field follows a
   * connect or disconnect made anywhere on the page (`invalidateAccounts()`).
   */
  sync(): void {
    // A removed form sends nothing (a host may still set values on it); the form catches up once attached again.
    if (!this.host.isConnected) return;
    const { fields } = this.form;
    const session = this.form.source()?.session;
    const appFields = this.form.phase === 'ready' && session ? fields.props.filter((prop) => fields.kindOf(prop).name === 'app' && !prop.hidden && prop.app) : [];
    this.drop((name, feed) => !appFields.some((prop) => prop.name === name && prop.app === feed.app));
    this.settleGuess(appFields);
    if (!session || !appFields.length) return;
    // The app's name, asked for alongside the query module and the accounts: it usually lands with them.
    for (const prop of appFields) {
      if (this.named.get(prop.name) === prop.app) continue;
      this.named.set(prop.name, prop.app as string);
      // An app the page already has names the field in this render.
      const known = session.loadedApp(prop.app as string);
      if (known) {
        this.name(prop, known);
        continue;
      }
      const lookup = this.loadAppName(prop, session).finally(() => {
        if (this.lookups.get(prop.name) === lookup) this.lookups.delete(prop.name);
      });
      this.lookups.set(prop.name, lookup);
    }
    this.queries ??= AccountFields.sharedQueries;
    const queries = this.queries;
    if (!queries) {
      // After a failed load only the field's Retry tries again: the error stays until then.
      if (!this.queriesError) this.loadQueries();
      return;
    }
    for (const prop of appFields) {
      const app = prop.app as string;
      let feed = this.feeds.get(prop.name);
      if (!feed) {
        feed = { app, query: new queries.InfiniteQueryController<AccountPage, string | undefined>(this.host), names: new Map() };
        this.feeds.set(prop.name, feed);
      }
      feed.query.setQuery(session, session.accountsQuery({ app }));
      const result = feed.query.result;
      for (const account of this.accountsOf(feed)) feed.names.set(account.id, account.name || account.id);
      if (!result?.isSuccess || result.isFetching) continue;
      // The select offers every account: the pages after the first go into the shared cache too.
      if (result.hasNextPage) {
        if (result.data.pages.length < MAX_ACCOUNT_PAGES) void feed.query.fetchNextPage({ cancelRefetch: false });
        continue;
      }
      // A value set after the list's fetch began (a saved configuration, an account just connected
      // elsewhere): before calling it gone, look once more, with a fetch that begins now.
      const id = accountIdOf(fields.values[prop.name]);
      const setAt = fields.valueSetAt.get(prop.name) ?? 0;
      if (id && !this.listedSince(feed, setAt) && feed.checkedValueAt !== setAt && !this.accountsOf(feed).some((account) => account.id === id)) {
        feed.checkedValueAt = setAt;
        void feed.query.refetch();
      }
    }
  }

  private loadQueries(): void {
    if (this.queriesLoading) return;
    this.queriesLoading = true;
    this.queriesError = undefined;
    // The accounts client loads alongside, not after: the first list is one round of script away.
    this.form.source()?.session.preload('accounts');
    const loading = this.warming ?? AccountFields.loadQueryModule();
    this.warming = undefined;
    loading.then(
      (module) => {
        this.queries = module;
        AccountFields.loadedQueries = { loader: AccountFields.loadQueryModule, module };
        // The lists start now, and render as they come in; only one the cache already holds renders now.
        this.sync();
        if ([...this.feeds.values()].some((feed) => !feed.query.result?.isPending)) this.host.requestUpdate();
      },
      (error: unknown) => {
        this.queriesLoading = false;
        this.queriesError = this.host.describe(error);
        this.host.requestUpdate();
      },
    );
  }

  private drop(drop: (name: string, feed: AccountFeed) => boolean): void {
    for (const [name, feed] of this.feeds) {
      if (!drop(name, feed)) continue;
      feed.query.setQuery(undefined, undefined);
      this.host.removeController(feed.query);
      this.feeds.delete(name);
    }
  }

  private async loadAppName(prop: ConfigurableProp, session: ConnectSession): Promise<void> {
    // Without a name the field says the slug: nothing to report. The lookup is shared with other
    // elements (the connect button's): it goes on for them, and a field dropped meanwhile ignores it.
    const app = await session.app(prop.app as string).catch(() => undefined);
    if (!app || this.named.get(prop.name) !== prop.app) return;
    if (!this.name(prop, app)) return;
    if (app.authType === 'none') this.host.requestUpdate();
    // What is still to come (the query module, the accounts) renders the name with it: one update.
    const result = this.feeds.get(prop.name)?.query.result;
    if ((this.queries || this.queriesError) && !(result?.isFetching || result?.isPending)) this.host.requestUpdate();
  }

  /** Takes the app's name (and whether it needs no account) for the field; false when it has neither. */
  private name(prop: ConfigurableProp, app: { name?: string; authType?: string }): boolean {
    const noAuth = app.authType === 'none';
    if (!app.name && !noAuth) return false;
    this.meta.set(prop.name, { ...this.meta.get(prop.name), ...(app.name ? { appName: app.name } : {}), ...(noAuth ? { noAuth } : {}) });
    return true;
  }

  /** Whether the feed's list comes from a fetch that began after `setAt`: only such a list can tell that a value's account is gone. */
  private listedSince(feed: AccountFeed, setAt: number): boolean {
    const since = feed.query.dataFetchedSince;
    return since !== undefined && since > setAt;
  }

  /** The accounts of a feed, every page loaded, each once (pages shift when accounts go). */
  private accountsOf(feed: AccountFeed): Account[] {
    const seen = new Set<string>();
    return (feed.query.result?.data?.pages ?? []).flatMap((page) => page.accounts).filter((account) => !seen.has(account.id) && Boolean(seen.add(account.id)));
  }

  /**
   * The name (or id) of the selected account of an `app` field when it is gone: a complete list
   * whose fetch began after it was selected does not hold it (disconnected elsewhere, or deleted
   * since a configuration was saved).
   */
  gone(prop: ConfigurableProp): string | undefined {
    const { fields } = this.form;
    if (fields.kindOf(prop).name !== 'app') return undefined;
    const id = accountIdOf(fields.values[prop.name]);
    const feed = this.feeds.get(prop.name);
    const result = feed?.query.result;
    // The last complete list decides, also while a refetch runs or after one failed: a flag that
    // went with every refresh would unlock the fields after it and let a run start.
    if (!id || !feed || !result?.data || result.hasNextPage) return undefined;
    if (!this.listedSince(feed, fields.valueSetAt.get(prop.name) ?? 0)) return undefined;
    if (this.accountsOf(feed).some((account) => account.id === id)) return undefined;
    return feed.names.get(id) ?? id;
  }

  /** App lookups under way: a submit waits for them, so an app without auth is known not to need an account. */
  private readonly lookups = new Map<string, Promise<void>>();

  get lookingUpApps(): boolean {
    return this.lookups.size > 0;
  }

  /** Settles once every app field knows its app (or its lookup failed). */
  async appsKnown(): Promise<void> {
    await Promise.all(this.lookups.values());
  }

  /** Whether an `app` field's app needs no account: nothing to choose, check or send. */
  noAuth(prop: ConfigurableProp): boolean {
    return this.form.fields.kindOf(prop).name === 'app' && this.meta.get(prop.name)?.noAuth === true;
  }

  state(prop: ConfigurableProp): AppState | undefined {
    const meta = this.meta.get(prop.name);
    const feed = this.feeds.get(prop.name);
    const result = feed?.query.result;
    if (!feed && !meta && !this.queriesError) return undefined;
    const accounts = feed ? this.accountsOf(feed) : [];
    const id = accountIdOf(this.form.fields.values[prop.name]);
    const gone = this.gone(prop);
    const error = result?.isError ? this.host.describe(result.error) : !feed ? this.queriesError : undefined;
    return {
      ...meta,
      accounts,
      loading: !error && (!result || result.isFetching || (result.isSuccess && result.hasNextPage && result.data.pages.length < MAX_ACCOUNT_PAGES)),
      ...(error ? { error } : {}),
      ...(id && !accounts.some((account) => account.id === id) ? { missing: { id, ...(feed?.names.has(id) ? { name: feed.names.get(id) } : {}), gone: Boolean(gone) } } : {}),
    };
  }

  /** Loads the accounts again after a failure. */
  retry(prop: ConfigurableProp): void {
    if (!this.queries) this.loadQueries();
    else void this.feeds.get(prop.name)?.query.refetch();
  }

  /**
   * Waits until the field's account list holds an account this form just connected: joins the
   * refetch the connect flow started (or starts one), so the new account is selected from the list.
   */
  async include(prop: ConfigurableProp, account: Account): Promise<void> {
    const feed = this.feeds.get(prop.name);
    if (!feed) return;
    feed.names.set(account.id, account.name || account.id);
    if (!this.accountsOf(feed).some((known) => known.id === account.id)) await feed.query.refetch({ cancelRefetch: false });
  }

  /** Updates what the form keeps of a field (connecting, a connect error). */
  setMeta(prop: ConfigurableProp, patch: Partial<AppMeta>): void {
    this.meta.set(prop.name, { ...this.meta.get(prop.name), ...patch });
    this.host.requestUpdate();
  }
}
