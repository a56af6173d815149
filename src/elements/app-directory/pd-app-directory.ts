import { AccountsClient } from '@pipedream/sdk/accounts';
import { AppsClient } from '@pipedream/sdk/apps';
import type { AppCategory, Component } from '@pipedream/sdk/browser';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { type DirectoryState, PdDirectoryComponentEvent, PdDirectoryNavigateEvent } from '../../events/app-directory.js';
import { PdErrorEvent } from '../../events/index.js';
import { enAccounts } from '../../i18n/en-accounts.js';
import { enAppDirectory } from '../../i18n/en-app-directory.js';
import { enSelects } from '../../i18n/en-selects.js';
import { addEnglishStrings, plural } from '../../i18n/index.js';
import { listApps, listCategories, listComponents } from '../../session/catalog-calls.js';
import { connectWithEvents, describeConnectOutcome } from '../../session/connect-events.js';
import { describeError, errorCode } from '../../session/errors.js';
import { InfiniteQueryController } from '../../session/query-controller.js';
import { type AccountPage, type AppListParams, type AppPage, type ComponentPage, ConnectSession, bundleForFirstRender } from '../../session/session.js';
import type { Account, App } from '../../session/types.js';
import '../account-list/pd-account-list.js';
import { markdown } from '../form/controls/markdown.js';
import { renderAppIcon } from '../shared/app-icon.js';
import { matchesText } from '../shared/match-text.js';
import { markdownFirstLine } from '../shared/markdown-text.js';
import { cssProperties } from '../shared/css-properties.js';
import { spinner } from '../shared/icons.js';
import { styles } from './pd-app-directory.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ apps: AppsClient, accounts: AccountsClient });
addEnglishStrings({ ...enAppDirectory, ...enSelects, ...enAccounts });

export type { DirectoryState };

type Phase = 'config' | 'loading' | 'error' | 'empty' | 'no-results' | 'ready';
type Health = 'healthy' | 'unhealthy';
type ComponentType = 'action' | 'trigger';

/** Apps per page of the catalog (the same pages `<pd-app-select>` shares). */
const PAGE_SIZE = 50;
/** Quiet time that ends a burst of typing: the first key searches at once, the burst once more. */
const DEBOUNCE_MS = 250;
/** Below this width (px) of the catalog, cards are list rows; the CSS container query says the same. */
const LIST_BELOW = 560;
/** The smallest width of a grid card, and the gap between cards (px). */
const CARD_MIN = 232;
const GAP = 12;
/** Row heights, gap included (px): the CSS gives cards exactly these heights less the gap. */
const GRID_ROW = 164 + GAP;
const LIST_ROW = 72 + 8;
/** Rows rendered beyond each edge of the visible window. */
const OVERSCAN_ROWS = 2;
/** Fetch the next page when the rendered window is this many rows from the end. */
const PREFETCH_ROWS = 4;
const SKELETON_CARDS = 6;
/** Components per page in the detail view. */
const COMPONENT_PAGE = 20;

/** A slug list from an attribute: `slack, github` or `slack github`. */
const slugList = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).map((slug) => slug.trim()).filter(Boolean) : undefined),
  toAttribute: (value: string[] | undefined) => value?.join(' '),
};

/**
 * @tag pd-app-directory
 * @summary The product's Integrations page: a searchable, categorized catalog of app cards with connected state, connect and manage, and an app detail view.
 *
 * Search the app catalog on the server (the first key press searches at once, a burst of typing
 * once more when it pauses, and the apps already shown narrow at once meanwhile), pick a
 * category, keep only apps with actions or triggers, sort by popularity or name. Cards form a grid
 * when the element is wide and a list when it is narrow; only the cards in view are in the DOM,
 * so thousands of apps scroll smoothly, and pages load as the end nears. Each card says whether
 * the user has connected the app (and whether an account needs reconnecting), with Connect (the
 * same flow and events as `<pd-connect-button>`) or Manage. Selecting an app opens its detail
 * view inside the element: its description, the user's accounts (a `<pd-account-list>`:
 * reconnect, disconnect) and its actions and triggers; choosing one fires
 * `pd-directory-component`, and with `open-forms` opens its form in place.
 *
 * Keyboard: the cards are one tab stop; arrow keys move by column and row (mirrored in RTL),
 * Home/End go to the first and last card, Enter or Space opens the app, Tab reaches the card's
 * Connect/Manage button. Back (or Escape) in the detail view returns focus to the app's card.
 *
 * The state (`query`, `category`, `app`) is reflected to attributes and fires
 * `pd-directory-navigate` when the user changes it, so a host can mirror it in its URL and set it
 * back (`state`, or the attributes).
 *
 * @slot empty - Shown when there are no apps to show at all (default: "No apps available.").
 *
 * @csspart base - The element's box.
 * @csspart title - The heading.
 * @csspart toolbar - The row with the search field, the filters and the sort.
 * @csspart search - The search `<input>`.
 * @csspart filter - A filter toggle button (has actions, has triggers).
 * @csspart sort - The sort `<select>`.
 * @csspart categories - The category navigation.
 * @csspart category - One category button (`aria-pressed` on the chosen one).
 * @csspart featured - The row of featured apps.
 * @csspart catalog - The scrolling box of app cards.
 * @csspart card - One app card.
 * @csspart card-open - The card's main button (opens the detail view).
 * @csspart icon - An app's logo, or its coloured initials.
 * @csspart name - An app's name.
 * @csspart description - An app's short description (on cards and in the detail view).
 * @csspart status - The connected badge (Connected, Needs reconnect).
 * @csspart connect-button - Connect, on an app the user has not connected.
 * @csspart manage-button - Manage, on a connected app.
 * @csspart skeleton - A placeholder card while loading.
 * @csspart spinner - The progress indicator of a connecting card and of the next page.
 * @csspart empty - The empty and no-results states.
 * @csspart clear-button - Clears the search and filters (no-results state).
 * @csspart error - A load (or configuration) error.
 * @csspart retry-button - Retry after a load error.
 * @csspart detail - The app's detail view.
 * @csspart back-button - Back to the catalog.
 * @csspart detail-title - The detail view's heading.
 * @csspart accounts - The `<pd-account-list>` of the app's accounts.
 * @csspart components - A list of the app's actions or triggers.
 * @csspart component - One action or trigger button.
 * @csspart load-more - "Show more" under a list of actions or triggers.
 * @csspart form - The action or trigger form opened in place (`open-forms`).
 * @csspart close-form - Closes the form opened in place.
 *
 * @cssstate loading - The first page of apps is loading.
 * @cssstate ready - Apps are shown.
 * @cssstate empty - There are no apps to show.
 * @cssstate no-results - The search or filters match no app.
 * @cssstate error - Loading failed, or the element is misconfigured.
 * @cssstate detail - An app's detail view is open.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Card and panel background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Toolbar, hover and skeleton background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Descriptions and secondary text.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders.
 * @cssprop [--pd-color-accent=#4f46e5] - Connect button, chosen category and filters.
 * @cssprop --pd-color-accent-hover - Connect button on hover.
 * @cssprop --pd-color-on-accent - Text on the accent.
 * @cssprop [--pd-color-danger=#b91c1c] - Errors.
 * @cssprop [--pd-color-success=#15803d] - "Connected" badge text.
 * @cssprop [--pd-color-success-surface=#f0fdf4] - "Connected" badge background.
 * @cssprop [--pd-color-warning=#a16207] - "Needs reconnect" badge text.
 * @cssprop [--pd-color-warning-surface=#fefce8] - "Needs reconnect" badge background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Card corner radius.
 * @cssprop [--pd-radius-small=6px] - Button and icon corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Card shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 * @cssprop [--pd-directory-height=36rem] - Height of the scrolling catalog.
 *
 * @fires {PdDirectoryNavigateEvent} pd-directory-navigate - The user searched, chose a category, or opened or left an app: `event.state` (`query`, `category`, `app`).
 * @fires {PdDirectoryComponentEvent} pd-directory-component - The user chose an action or trigger in the detail view; cancelable (keeps `open-forms` from opening it): `event.componentKey`, `event.componentType`, `event.app`.
 * @fires {PdErrorEvent} pd-error - Loading apps failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`, `event.cause`.
 * @fires {PdConnectStartEvent} pd-connect-start - Connect on a card is about to open the Connect flow; cancelable: `event.app`.
 * @fires {PdConnectSuccessEvent} pd-connect-success - An account was connected and confirmed: `event.account`, `event.reconnected`.
 * @fires {PdConnectErrorEvent} pd-connect-error - Connecting failed or was cancelled: `event.code`, `event.message`.
 * @fires {PdConnectCloseEvent} pd-connect-close - The Connect page closed: `event.successful`, `event.completed`.
 */
export class PdAppDirectory extends PdElement {
  static override styles = styles;

  /** The search text (reflected). */
  @property({ reflect: true }) query = '';
  /** The chosen category: its id or its name ('' for all; reflected). */
  @property({ reflect: true }) category = '';
  /** The slug of the app whose detail view is open ('' for the catalog; reflected). */
  @property({ reflect: true }) app = '';
  /** Only apps that have actions. */
  @property({ attribute: 'has-actions', type: Boolean, reflect: true }) hasActions = false;
  /** Only apps that have triggers. */
  @property({ attribute: 'has-triggers', type: Boolean, reflect: true }) hasTriggers = false;
  /** Order of the catalog: `featured` (default, most popular first) or `name` (A–Z). */
  @property({ reflect: true }) sort: 'featured' | 'name' = 'featured';
  /** A curated list of app slugs to show instead of the whole catalog (attribute: slugs separated by spaces or commas). */
  @property({ converter: slugList }) apps?: string[];
  /** Slugs of apps shown first, in their own row, while nothing is searched or filtered. */
  @property({ converter: slugList }) featured?: string[];
  /** Limits the category navigation to these categories (ids or names). */
  @property({ converter: slugList }) categories?: string[];
  /** Hides apps that cannot be connected through Connect (apps without auth). */
  @property({ attribute: 'connectable-only', type: Boolean }) connectableOnly = false;
  /** Opens a chosen action or trigger's form inside the detail view (`<pd-action-form>` / `<pd-trigger-form>`, loaded then). */
  @property({ attribute: 'open-forms', type: Boolean }) openForms = false;

  /** Where the directory is: search text, category and open app. Setting it restores that place (no event). */
  get state(): DirectoryState {
    return { query: this.query, category: this.category, app: this.app };
  }

  set state(next: Partial<DirectoryState>) {
    this.query = next.query ?? '';
    this.category = next.category ?? '';
    this.app = next.app ?? '';
  }

  /** What the search field shows (ahead of `query` while a burst of typing goes on). */
  @state() private typed?: string;
  @state() private catalogScroll = 0;
  @state() private width = 0;
  @state() private viewport = 0;
  @state() private activeIndex = 0;
  @state() private categoryList?: AppCategory[];
  @state() private categoryError = false;
  @state() private curated = new Map<string, App | null>();
  @state() private connecting?: string;
  @state() private cardMessage?: { slug: string; text: string };
  @state() private announcement = '';
  @state() private detailApp?: App;
  @state() private detailError?: string;
  @state() private openComponent?: { key: string; type: ComponentType };
  @state() private formsLoaded = false;

  private readonly catalogQuery = new InfiniteQueryController<AppPage, string | undefined>(this);
  private readonly accountsQuery = new InfiniteQueryController<AccountPage, string | undefined>(this);
  private readonly actionsQuery = new InfiniteQueryController<ComponentPage, string | undefined>(this);
  private readonly triggersQuery = new InfiniteQueryController<ComponentPage, string | undefined>(this);
  /** The last list shown: narrowed at once by the typed text while a new search is on its way. */
  private lastShown: App[] = [];
  /** The filters (all but the search text) `lastShown` was loaded with: another filter shows a skeleton instead. */
  private lastShownFilters = '';
  private burstTimer?: ReturnType<typeof setTimeout>;
  private resizeObserver?: ResizeObserver;
  private observed?: Element;
  private scrollFrame = 0;
  private lastPhase?: Phase;
  private categoriesFor?: ConnectSession;
  private curatedFor?: { session: ConnectSession; slugs: string };
  private detailFor?: { session: ConnectSession; slug: string };
  /** The card to focus again when the detail view closes. */
  private returnTo?: string;
  private pendingFocus?: () => HTMLElement | null | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.burstTimer);
    this.burstTimer = undefined;
    this.resizeObserver?.disconnect();
    this.observed = undefined;
    cancelAnimationFrame(this.scrollFrame);
  }

  protected override validateConfig(): string | undefined {
    if (this.sort !== 'featured' && this.sort !== 'name') return this.t('appDirectory.configInvalid', { detail: this.t('appDirectory.badSort', { value: String(this.sort) }) });
    const shared = super.validateConfig();
    return shared ? this.t('appDirectory.configInvalid', { detail: shared }) : undefined;
  }

  // ------------------------------------------------------------------ data

  private get params(): AppListParams {
    return {
      q: this.query,
      sort: this.sort === 'name' ? 'name' : 'featured',
      hasActions: this.hasActions,
      hasTriggers: this.hasTriggers,
      ...(this.category ? { category: this.category } : {}),
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.configError ? undefined : this.session;
    if (changed.has('query') && this.typed !== undefined && this.typed.trim() !== this.query && !this.burstTimer) this.typed = undefined;
    const curatedMode = Boolean(this.apps?.length);
    const params = this.params;
    this.catalogQuery.setQuery(
      session,
      session && !curatedMode
        ? {
            queryKey: ConnectSession.appsKey(params),
            queryFn: ({ pageParam }) => listApps(session, params, pageParam, PAGE_SIZE),
            initialPageParam: undefined,
            getNextPageParam: (last) => last.nextCursor,
          }
        : undefined,
    );
    // The user's accounts, shared with every account list and form of the page: connects and disconnects anywhere update the cards.
    this.accountsQuery.setQuery(session, session?.accountsQuery({}));
    this.loadAllAccounts();
    this.loadCategories(session);
    this.loadCurated(session);
    this.loadDetail(session);
    const detailSlug = this.app;
    for (const [controller, type] of [[this.actionsQuery, 'action'], [this.triggersQuery, 'trigger']] as const) {
      controller.setQuery(
        session,
        session && detailSlug
          ? {
              queryKey: ConnectSession.componentsKey({ app: detailSlug, type }),
              queryFn: ({ pageParam }) => listComponents(session, { app: detailSlug, type }, pageParam, COMPONENT_PAGE),
              initialPageParam: undefined,
              getNextPageParam: (last) => last.nextCursor,
            }
          : undefined,
      );
    }
    if (changed.has('app') && !this.app) this.openComponent = undefined;
    const phase = this.phase();
    for (const name of ['loading', 'ready', 'empty', 'no-results', 'error']) this.setState(name, (phase === 'config' ? 'error' : phase) === name);
    this.setState('detail', Boolean(this.app) && !this.configError);
    this.announce(phase);
    this.lastPhase = phase;
    const items = this.items;
    if (this.activeIndex >= items.length) this.activeIndex = Math.max(0, items.length - 1);
    this.maybeLoadMore(items.length);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const failure = this.catalogQuery.newError();
    if (failure) this.emit(new PdErrorEvent(errorCode(failure, 'load_failed'), describeError(failure), failure));
    this.observeCatalog();
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    focus?.()?.focus();
  }

  /** Every page of the user's accounts: a card must know about every connected app. */
  private loadAllAccounts(): void {
    const result = this.accountsQuery.result;
    if (result?.hasNextPage && !result.isFetching) void this.accountsQuery.fetchNextPage({ cancelRefetch: false });
  }

  private loadCategories(session: ConnectSession | undefined): void {
    if (!session || this.categoriesFor === session) return;
    this.categoriesFor = session;
    this.categoryError = false;
    listCategories(session).then(
      (list) => {
        if (this.categoriesFor === session) this.categoryList = list;
      },
      () => {
        // Not asked again by itself (each render would ask): Retry asks again.
        if (this.categoriesFor === session) this.categoryError = true;
      },
    );
  }

  /** The curated apps, each looked up once (shared page-wide); an unknown slug is left out. */
  private loadCurated(session: ConnectSession | undefined): void {
    const slugs = [...new Set([...(this.apps ?? []), ...(this.featured ?? [])])];
    const key = slugs.join(' ');
    if (!session || (this.curatedFor?.session === session && this.curatedFor.slugs === key)) return;
    this.curatedFor = { session, slugs: key };
    const found = new Map<string, App | null>();
    for (const slug of slugs) {
      const known = this.curated.get(slug);
      if (known !== undefined) found.set(slug, known);
    }
    this.curated = found;
    for (const slug of slugs) {
      if (found.has(slug)) continue;
      session.app(slug).then(
        (app) => this.settleCurated(session, slug, app),
        () => this.settleCurated(session, slug, null),
      );
    }
  }

  private settleCurated(session: ConnectSession, slug: string, app: App | null): void {
    if (this.curatedFor?.session !== session) return;
    this.curated = new Map(this.curated).set(slug, app);
  }

  private loadDetail(session: ConnectSession | undefined): void {
    const slug = this.app;
    if (!slug) {
      this.detailFor = undefined;
      this.detailApp = undefined;
      this.detailError = undefined;
      return;
    }
    if (!session || (this.detailFor?.session === session && this.detailFor.slug === slug)) return;
    this.detailFor = { session, slug };
    this.detailError = undefined;
    this.detailApp = this.findLoaded(slug);
    if (this.detailApp) return;
    session.app(slug).then(
      (app) => {
        if (this.app === slug) this.detailApp = app;
      },
      (error: unknown) => {
        if (this.app === slug) this.detailError = describeError(error, this.t);
      },
    );
  }

  private findLoaded(slug: string): App | undefined {
    return this.curated.get(slug) ?? this.catalogApps.find((app) => app.nameSlug === slug) ?? this.lastShown.find((app) => app.nameSlug === slug);
  }

  private get catalogApps(): App[] {
    const seen = new Set<string>();
    return (this.catalogQuery.result?.data?.pages ?? []).flatMap((page) => page.apps).filter((app) => !seen.has(app.nameSlug) && Boolean(seen.add(app.nameSlug)));
  }

  private get curatedMode(): boolean {
    return Boolean(this.apps?.length);
  }

  private isConnectable(app: App): boolean {
    return Boolean(app.authType) && app.authType !== 'none';
  }

  /** The category's name for a chosen id (the API's app objects name their categories). */
  private categoryName(idOrName: string): string {
    const wanted = idOrName.toLowerCase();
    const found = this.categoryList?.find((category) => category.id?.toLowerCase() === wanted || category.name?.toLowerCase() === wanted);
    return found?.name ?? idOrName;
  }

  private get searchText(): string {
    return (this.typed ?? this.query).trim();
  }

  /** The apps the catalog shows now. */
  private get items(): App[] {
    const connectable = (app: App) => !this.connectableOnly || this.isConnectable(app);
    const text = this.searchText;
    if (this.curatedMode) {
      const category = this.category ? this.categoryName(this.category).toLowerCase() : '';
      return (this.apps ?? [])
        .map((slug) => this.curated.get(slug))
        .filter((app): app is App => Boolean(app))
        .filter((app) => connectable(app) && (!text || matchesText(text, app.name, app.nameSlug, app.description ?? '')) && (!category || (app.categories ?? []).some((name) => name.toLowerCase() === category)));
    }
    const result = this.catalogQuery.result;
    const narrow = (apps: App[]) => (text ? apps.filter((app) => matchesText(text, app.name, app.nameSlug, app.description ?? '')) : apps);
    if (!result?.data) {
      // A new search is on its way: what was shown narrows at once by the typed text.
      return this.lastShownFilters === this.filterKey ? narrow(this.lastShown).filter(connectable) : [];
    }
    const apps = this.catalogApps.filter(connectable);
    this.lastShown = apps;
    this.lastShownFilters = this.filterKey;
    return text !== this.query.trim() ? narrow(apps) : apps;
  }

  private get filterKey(): string {
    return JSON.stringify([this.category, this.hasActions, this.hasTriggers, this.sort, this.connectableOnly]);
  }

  private get total(): number | undefined {
    if (this.curatedMode) return undefined;
    return this.catalogQuery.result?.data?.pages[0]?.total;
  }

  private get filtered(): boolean {
    return Boolean(this.searchText || this.category || this.hasActions || this.hasTriggers);
  }

  private phase(): Phase {
    if (this.configError) return 'config';
    if (this.curatedMode) {
      const slugs = this.apps ?? [];
      if (slugs.some((slug) => !this.curated.has(slug)) && !this.items.length) return 'loading';
      if (!this.items.length) return this.filtered ? 'no-results' : 'empty';
      return 'ready';
    }
    const result = this.catalogQuery.result;
    if (!result?.data) {
      if (result?.isError && !result.isFetching) return 'error';
      return this.items.length ? 'ready' : 'loading';
    }
    if (!this.items.length) {
      if (result.hasNextPage) return 'loading';
      return this.filtered ? 'no-results' : 'empty';
    }
    return 'ready';
  }

  private announce(phase: Phase): void {
    const previous = this.lastPhase;
    const settled = !this.catalogQuery.result?.isFetching;
    if (phase === 'error' && previous !== 'error') this.announcement = this.t('apps.error', { detail: describeError(this.catalogQuery.result?.error, this.t) });
    else if (phase === 'no-results' && previous !== 'no-results') this.announcement = this.t('appDirectory.noResults');
    else if (phase === 'empty' && previous !== 'empty') this.announcement = this.t('apps.none');
    else if (phase === 'ready' && settled && previous !== 'ready') this.announcement = plural(this.t, this.localeCode, 'apps.results', this.total ?? this.items.length);
  }

  /** Accounts by app slug, and whether any needs reconnecting. */
  private get connections(): Map<string, { count: number; health: Health }> {
    const map = new Map<string, { count: number; health: Health }>();
    for (const page of this.accountsQuery.result?.data?.pages ?? []) {
      for (const account of page.accounts as Account[]) {
        const slug = account.app?.nameSlug;
        if (!slug) continue;
        const entry = map.get(slug) ?? { count: 0, health: 'healthy' as Health };
        entry.count += 1;
        if (account.healthy === false || account.dead === true) entry.health = 'unhealthy';
        map.set(slug, entry);
      }
    }
    return map;
  }

  // ------------------------------------------------------------ windowing

  private get listMode(): boolean {
    return this.width > 0 && this.width < LIST_BELOW;
  }

  private get columns(): number {
    if (!this.width || this.listMode) return 1;
    return Math.max(1, Math.floor((this.width + GAP) / (CARD_MIN + GAP)));
  }

  private get rowHeight(): number {
    return this.listMode ? LIST_ROW : GRID_ROW;
  }

  /** The rows of cards in the DOM: those in view, a few beyond, and the active card's row. */
  private windowRows(count: number): { first: number; last: number } {
    const rows = Math.ceil(count / this.columns);
    const viewport = this.viewport || 576;
    const first = Math.max(0, Math.floor(this.catalogScroll / this.rowHeight) - OVERSCAN_ROWS);
    const last = Math.min(rows, Math.ceil((this.catalogScroll + viewport) / this.rowHeight) + OVERSCAN_ROWS);
    return { first, last };
  }

  private maybeLoadMore(count: number): void {
    const result = this.catalogQuery.result;
    if (this.curatedMode || this.app || !result?.hasNextPage || result.isFetching || result.isFetchNextPageError) return;
    const rows = Math.ceil(count / this.columns);
    if (this.windowRows(count).last >= rows - PREFETCH_ROWS) void this.catalogQuery.fetchNextPage({ cancelRefetch: false });
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="catalog"]');
  }

  /** Measures the catalog box: its width sets the columns, its height the window. */
  private observeCatalog(): void {
    const box = this.scroller;
    if (!box || box === this.observed) return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      for (const entry of entries) {
        const { width, height } = entry.contentRect;
        // A hidden catalog (detail view open) measures 0: it keeps its last size.
        if (!width) continue;
        if (Math.abs(width - this.width) >= 1) this.width = width;
        if (Math.abs(height - this.viewport) >= 1) this.viewport = height;
      }
    });
    if (this.observed) this.resizeObserver.unobserve(this.observed);
    this.observed = box;
    this.resizeObserver.observe(box);
  }

  private onScroll = (event: Event) => {
    const box = event.currentTarget as HTMLElement;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => {
      if (box.isConnected && !this.app) this.catalogScroll = box.scrollTop;
    });
  };

  /** Scrolls the catalog so that card `index` is in view (and so in the DOM). */
  private scrollToIndex(index: number): void {
    const box = this.scroller;
    if (!box) return;
    const top = Math.floor(index / this.columns) * this.rowHeight;
    const viewport = box.clientHeight || this.viewport;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + this.rowHeight > box.scrollTop + viewport) box.scrollTop = top + this.rowHeight - viewport;
    this.catalogScroll = box.scrollTop;
  }

  private cardButton(index: number): HTMLElement | null | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="card"][data-index="${index}"] [part~="card-open"]`);
  }

  private moveTo(index: number): void {
    const count = this.items.length;
    if (!count) return;
    const target = Math.max(0, Math.min(count - 1, index));
    this.activeIndex = target;
    this.scrollToIndex(target);
    this.pendingFocus = () => this.cardButton(target);
  }

  private onCardKeydown = (event: KeyboardEvent) => {
    const origin = (event.target as HTMLElement).closest<HTMLElement>('[part~="card"]');
    if (!origin || !(event.target as HTMLElement).matches('[part~="card-open"]')) return;
    const index = Number(origin.dataset.index);
    const columns = this.columns;
    const rtl = this.direction === 'rtl';
    const moves: Record<string, number | undefined> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      PageDown: index + columns * Math.max(1, Math.floor((this.viewport || 576) / this.rowHeight)),
      PageUp: index - columns * Math.max(1, Math.floor((this.viewport || 576) / this.rowHeight)),
      Home: event.ctrlKey || columns === 1 ? 0 : index - (index % columns),
      End: event.ctrlKey || columns === 1 ? this.items.length - 1 : Math.min(this.items.length - 1, index - (index % columns) + columns - 1),
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Home/End without Ctrl in a one-column list, and with Ctrl in a grid, go to the ends of the list.
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key.startsWith('Page')) && (target < 0 || target >= this.items.length)) {
      this.moveTo(target < 0 ? Math.max(0, index % columns) : this.items.length - 1);
      return;
    }
    this.moveTo(target);
  };

  // --------------------------------------------------------------- actions

  private navigate(): void {
    this.emit(new PdDirectoryNavigateEvent(this.state));
  }

  private onSearchInput = (event: InputEvent) => {
    this.typed = (event.target as HTMLInputElement).value;
    // The first key press after a pause searches at once; the rest of a burst once more, when it pauses.
    if (!this.burstTimer) this.commitSearch();
    else clearTimeout(this.burstTimer);
    this.burstTimer = setTimeout(() => {
      this.burstTimer = undefined;
      if ((this.typed ?? '').trim() !== this.query) this.commitSearch();
    }, DEBOUNCE_MS);
  };

  private commitSearch(): void {
    const term = (this.typed ?? '').trim();
    if (term === this.query) return;
    this.query = term;
    this.resetScroll();
    this.navigate();
  }

  private resetScroll(): void {
    this.activeIndex = 0;
    this.catalogScroll = 0;
    const box = this.scroller;
    if (box) box.scrollTop = 0;
  }

  private chooseCategory(id: string): void {
    if (this.category === id) return;
    this.category = id;
    this.resetScroll();
    this.navigate();
  }

  private toggleFilter(name: 'hasActions' | 'hasTriggers'): void {
    this[name] = !this[name];
    this.resetScroll();
  }

  private onSort = (event: Event) => {
    this.sort = (event.target as HTMLSelectElement).value === 'name' ? 'name' : 'featured';
    this.resetScroll();
  };

  private clearFilters = () => {
    clearTimeout(this.burstTimer);
    this.burstTimer = undefined;
    this.typed = undefined;
    const moved = this.query !== '' || this.category !== '';
    this.query = '';
    this.category = '';
    this.hasActions = false;
    this.hasTriggers = false;
    this.resetScroll();
    if (moved) this.navigate();
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  };

  /** Asks again for what failed: the catalog, the categories, the open app. */
  private retry = () => {
    if (this.categoryError) {
      this.categoriesFor = undefined;
      this.categoryError = false;
    }
    if (this.detailError) {
      this.detailFor = undefined;
      this.detailError = undefined;
    }
    if (!this.catalogQuery.result?.isFetching) void this.catalogQuery.refetch();
  };

  private openApp(app: App, index?: number): void {
    this.returnTo = app.nameSlug;
    if (index !== undefined) this.activeIndex = index;
    this.detailApp = app;
    this.app = app.nameSlug;
    this.navigate();
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="detail-title"]');
  }

  private back = () => {
    const slug = this.returnTo ?? this.app;
    this.app = '';
    this.navigate();
    const index = this.items.findIndex((app) => app.nameSlug === slug);
    const featured = this.renderRoot.querySelector<HTMLElement>(`[part~="featured"] [data-slug="${CSS.escape(slug)}"] [part~="card-open"]`);
    this.pendingFocus = () => {
      if (featured?.isConnected) return featured;
      if (index < 0) return this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
      const box = this.scroller;
      // The catalog kept its scroll position while hidden; the card is brought back into the window.
      if (box) box.scrollTop = this.catalogScroll;
      return this.cardButton(index);
    };
    if (index >= 0) {
      this.activeIndex = index;
      void this.updateComplete.then(() => {
        this.scrollToIndex(index);
        return this.updateComplete;
      }).then(() => this.cardButton(index)?.focus());
    }
  };

  private onDetailKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.connecting) return;
    // An Escape inside an open form or confirmation belongs to it.
    if (this.openComponent) return;
    event.preventDefault();
    this.back();
  };

  private async connect(app: App, opener: HTMLElement) {
    const session = this.session;
    if (!session || this.connecting) return;
    const slug = app.nameSlug;
    const name = app.name || slug;
    this.cardMessage = undefined;
    this.connecting = slug;
    await connectWithEvents({
      ...this.connectContext(session),
      app: slug,
      appName: name,
      opener,
      announce: (message) => (this.announcement = message),
      onSettled: (outcome) => {
        const text = describeConnectOutcome(outcome, this.t, { app: name, fallbackName: name });
        this.announcement = text.announcement;
        this.cardMessage = text.error ? { slug, text: text.error } : undefined;
      },
    });
    this.connecting = undefined;
  }

  private async chooseComponent(component: Component, type: ComponentType) {
    const event = new PdDirectoryComponentEvent(component.key, type, this.app);
    if (!this.emit(event) || !this.openForms) return;
    this.openComponent = { key: component.key, type };
    if (!this.formsLoaded) {
      await (type === 'action' ? import('../action-form/pd-action-form.js') : import('../trigger-form/pd-trigger-form.js'));
      this.formsLoaded = true;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="form"] h3')?.focus();
  }

  private closeForm = () => {
    const key = this.openComponent?.key;
    this.openComponent = undefined;
    this.pendingFocus = () => (key ? this.renderRoot.querySelector<HTMLElement>(`[part~="component"][data-key="${CSS.escape(key)}"]`) : undefined);
  };

  // --------------------------------------------------------------- render

  private renderStatus(slug: string) {
    const connection = this.connections.get(slug);
    if (!connection) return nothing;
    const unhealthy = connection.health === 'unhealthy';
    return html`<span part="status" class="badge ${unhealthy ? 'warn' : 'ok'}" data-health=${connection.health}>
      <span class="dot" aria-hidden="true"></span><span class="badge-text">${unhealthy ? this.t('accounts.unhealthy') : connection.count > 1 ? this.t('appDirectory.connectedCount', { count: String(connection.count) }) : this.t('appDirectory.connected')}</span>
    </span>`;
  }

  private renderCardAction(app: App, index: number | undefined, tabbable: boolean) {
    const slug = app.nameSlug;
    const name = app.name || slug;
    const tabindex = tabbable ? '0' : '-1';
    if (this.connections.has(slug)) {
      return html`<button part="manage-button" type="button" class="btn secondary" tabindex=${tabindex} aria-label=${this.t('appDirectory.manageLabel', { app: name })} @click=${() => this.openApp(app, index)}>${this.t('appDirectory.manage')}</button>`;
    }
    if (!this.isConnectable(app)) return html`<span class="muted small">${this.t('appDirectory.noAuth')}</span>`;
    const busy = this.connecting === slug;
    return html`<button
      part="connect-button"
      type="button"
      class="btn primary"
      tabindex=${tabindex}
      aria-label=${this.t('connect.label', { app: name })}
      aria-disabled=${this.connecting ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @pointerenter=${() => this.session?.tokens.prefetchForConnect()}
      @focus=${() => this.session?.tokens.prefetchForConnect()}
      @click=${(event: Event) => void this.connect(app, event.currentTarget as HTMLElement)}
    >${busy ? spinner('size-3.5', 'spinner') : nothing}${this.t('appDirectory.connect')}</button>`;
  }

  private renderCard(app: App, index: number | undefined, options: { tabbable: boolean; count?: number }): TemplateResult {
    const slug = app.nameSlug;
    const name = app.name || slug;
    const message = this.cardMessage?.slug === slug ? this.cardMessage.text : undefined;
    const descriptionId = `desc-${index ?? 'f'}-${slug}`;
    return html`<div
      part="card"
      class="card"
      role="listitem"
      data-slug=${slug}
      data-index=${index ?? nothing}
      aria-setsize=${options.count ?? nothing}
      aria-posinset=${index === undefined ? nothing : index + 1}
    >
      <button part="card-open" type="button" class="open" tabindex=${options.tabbable ? '0' : '-1'} aria-describedby=${descriptionId} @click=${() => this.openApp(app, index)} @focus=${() => index !== undefined && (this.activeIndex = index)}>
        ${renderAppIcon(this, app, 'icon', 'icon')}
        <span part="name" class="name" dir="auto">${name}</span>
      </button>
      <p part="description" id=${descriptionId} class="description" dir="auto">${app.description ?? ''}</p>
      <div class="foot">
        ${this.renderStatus(slug)}
        <span class="spacer"></span>
        ${this.renderCardAction(app, index, options.tabbable)}
      </div>
      ${message ? html`<p class="card-error" role="alert">${message}</p>` : nothing}
    </div>`;
  }

  private renderCatalog(phase: Phase) {
    if (phase === 'loading') {
      return html`<div part="catalog" class="catalog" aria-busy="true">
        <div class="skeletons" role="list" aria-label=${this.t('apps.loading')}>
          ${Array.from({ length: SKELETON_CARDS }, () => html`<div part="skeleton" class="card skeleton" role="listitem"><span class="bone icon-bone"></span><span class="bone line"></span><span class="bone line short"></span></div>`)}
        </div>
      </div>`;
    }
    if (phase === 'error') {
      const error = this.catalogQuery.result?.error;
      return html`<div part="error" class="state" role="alert">
        <p>${this.t('apps.error', { detail: describeError(error, this.t) })}</p>
        <button part="retry-button" type="button" class="btn secondary" @click=${this.retry}>${this.t('select.retry')}</button>
      </div>`;
    }
    if (phase === 'empty') {
      return html`<div part="empty" class="state"><slot name="empty">${this.t('apps.none')}</slot></div>`;
    }
    if (phase === 'no-results') {
      return html`<div part="empty" class="state">
        <p>${this.searchText ? this.t('apps.noMatch', { query: this.searchText }) : this.t('appDirectory.noResults')}</p>
        <button part="clear-button" type="button" class="btn secondary" @click=${this.clearFilters}>${this.t('appDirectory.clear')}</button>
      </div>`;
    }
    const items = this.items;
    const columns = this.columns;
    const rowHeight = this.rowHeight;
    const { first, last } = this.windowRows(items.length);
    const rows: number[] = [];
    for (let row = first; row < last; row++) rows.push(row);
    const activeRow = Math.floor(this.activeIndex / columns);
    if (activeRow < first || activeRow >= last) rows.push(activeRow);
    const result = this.catalogQuery.result;
    const more = !this.curatedMode && Boolean(result?.hasNextPage);
    const totalRows = Math.ceil(items.length / columns) + (more ? 1 : 0);
    const count = more ? -1 : items.length;
    return html`<div part="catalog" class="catalog ${this.listMode ? 'list' : 'grid'}" @scroll=${this.onScroll}>
      <div role="list" aria-label=${this.t('appDirectory.listLabel')} class="window" @keydown=${this.onCardKeydown} ${cssProperties({ height: `${totalRows * rowHeight}px` })}>
        ${repeat(
          rows,
          (row) => row,
          (row) => html`<div class="row" ${cssProperties({ top: `${row * rowHeight}px`, '--pd-directory-columns': String(columns) })}>
            ${items.slice(row * columns, row * columns + columns).map((app, offset) => {
              const index = row * columns + offset;
              return this.renderCard(app, index, { tabbable: index === this.activeIndex, count });
            })}
          </div>`,
        )}
        ${more
          ? html`<div class="row more" ${cssProperties({ top: `${(totalRows - 1) * rowHeight}px` })}>
              ${result?.isFetchNextPageError
                ? html`<button type="button" part="retry-button" class="btn secondary" @click=${() => void this.catalogQuery.fetchNextPage()}>${this.t('select.retry')}</button>`
                : spinner('size-5', 'spinner')}
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  private renderFeatured() {
    if (!this.featured?.length || this.filtered || this.curatedMode) return nothing;
    const apps = this.featured.map((slug) => this.curated.get(slug)).filter((app): app is App => Boolean(app) && (!this.connectableOnly || this.isConnectable(app as App)));
    if (!apps.length) return nothing;
    return html`<section part="featured" class="featured" aria-labelledby="featured-title">
      <h3 id="featured-title" class="section-title">${this.t('appDirectory.featured')}</h3>
      <div role="list" class="featured-row">${apps.map((app) => this.renderCard(app, undefined, { tabbable: true }))}</div>
    </section>`;
  }

  private renderCategories() {
    let list = this.categoryList ?? [];
    if (this.categories?.length) {
      const wanted = this.categories.map((value) => value.toLowerCase());
      list = list.filter((category) => wanted.includes(category.id?.toLowerCase() ?? '') || wanted.includes(category.name?.toLowerCase() ?? ''));
    }
    const chosen = this.category.toLowerCase();
    const isChosen = (category: AppCategory) => category.id?.toLowerCase() === chosen || category.name?.toLowerCase() === chosen;
    return html`<nav part="categories" class="categories" aria-label=${this.t('appDirectory.categories')}>
      <ul>
        <li><button part="category" type="button" aria-pressed=${this.category ? 'false' : 'true'} @click=${() => this.chooseCategory('')}>${this.t('appDirectory.allCategories')}</button></li>
        ${list.map(
          (category) => html`<li><button part="category" type="button" data-id=${category.id ?? ''} aria-pressed=${isChosen(category) ? 'true' : 'false'} @click=${() => this.chooseCategory(category.id ?? category.name ?? '')}>${category.name}</button></li>`,
        )}
      </ul>
      ${this.categoryError ? html`<p class="muted small">${this.t('appDirectory.categoriesFailed')}</p>` : nothing}
    </nav>`;
  }

  private renderToolbar() {
    return html`<div part="toolbar" class="toolbar">
      <label class="search">
        <span class="sr-only">${this.t('appDirectory.search')}</span>
        <svg viewBox="0 0 20 20" aria-hidden="true" class="search-icon"><path fill="currentColor" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.13 3.14a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z"></path></svg>
        <input part="search" type="search" .value=${this.typed ?? this.query} placeholder=${this.t('apps.placeholder')} autocomplete="off" spellcheck="false" @input=${this.onSearchInput} />
      </label>
      ${this.curatedMode
        ? nothing
        : html`<div class="filters" role="group" aria-label=${this.t('appDirectory.filters')}>
            <button part="filter" type="button" aria-pressed=${this.hasActions ? 'true' : 'false'} @click=${() => this.toggleFilter('hasActions')}>${this.t('appDirectory.hasActions')}</button>
            <button part="filter" type="button" aria-pressed=${this.hasTriggers ? 'true' : 'false'} @click=${() => this.toggleFilter('hasTriggers')}>${this.t('appDirectory.hasTriggers')}</button>
          </div>
          <label class="sort">
            <span>${this.t('appDirectory.sort')}</span>
            <select part="sort" @change=${this.onSort}>
              <option value="featured" ?selected=${this.sort !== 'name'}>${this.t('appDirectory.sortFeatured')}</option>
              <option value="name" ?selected=${this.sort === 'name'}>${this.t('appDirectory.sortName')}</option>
            </select>
          </label>`}
    </div>`;
  }

  private renderComponents(type: ComponentType) {
    const controller = type === 'action' ? this.actionsQuery : this.triggersQuery;
    const result = controller.result;
    const title = this.t(type === 'action' ? 'appDirectory.actions' : 'appDirectory.triggers');
    const id = `components-${type}`;
    const seen = new Set<string>();
    const components = (result?.data?.pages ?? []).flatMap((page) => page.components).filter((c) => !seen.has(c.key) && Boolean(seen.add(c.key)));
    let body: unknown;
    if (!result?.data) {
      body = result?.isError && !result.isFetching
        ? html`<div part="error" class="state small" role="alert"><p>${this.t('components.error', { detail: describeError(result.error, this.t) })}</p><button part="retry-button" type="button" class="btn secondary" @click=${() => void controller.refetch()}>${this.t('select.retry')}</button></div>`
        : html`<p class="muted small" role="status">${this.t('components.loading')}</p>`;
    } else if (!components.length) {
      body = html`<p class="muted small">${this.t(type === 'action' ? 'appDirectory.noActions' : 'appDirectory.noTriggers')}</p>`;
    } else {
      body = html`<ul part="components" class="components" aria-labelledby=${id}>
          ${components.map(
            (component) => html`<li>
              <button part="component" type="button" data-key=${component.key} aria-pressed=${this.openComponent?.key === component.key ? 'true' : nothing} @click=${() => void this.chooseComponent(component, type)}>
                <span class="name">${component.name || component.key}</span>
                ${component.description ? html`<span class="description" dir="auto">${markdownFirstLine(component.description)}</span>` : nothing}
              </button>
            </li>`,
          )}
        </ul>
        ${result.hasNextPage
          ? html`<button part="load-more" type="button" class="btn secondary" aria-busy=${result.isFetchingNextPage ? 'true' : 'false'} @click=${() => void controller.fetchNextPage({ cancelRefetch: false })}>${this.t('appDirectory.more')}</button>`
          : nothing}`;
    }
    return html`<section class="panel" aria-labelledby=${id}><h4 id=${id} class="section-title">${title}</h4>${body}</section>`;
  }

  private renderForm() {
    const open = this.openComponent;
    if (!open) return nothing;
    const config = this.config;
    const loading = !this.formsLoaded || !customElements.get(open.type === 'action' ? 'pd-action-form' : 'pd-trigger-form');
    const form = open.type === 'action'
      ? html`<pd-action-form
          component-key=${open.key}
          .externalUserId=${config.externalUserId} .tokenEndpoint=${config.tokenEndpoint} .tokenCallback=${config.tokenCallback} .token=${config.token}
          .baseUrl=${config.baseUrl} .frontendHost=${config.frontendHost} .environment=${config.environment} .locale=${config.locale} .theme=${config.theme} .oauthAppConfig=${config.oauthAppConfig} .strings=${config.strings}
          .oauthScopeProfiles=${config.oauthScopeProfiles} .appOverrides=${config.appOverrides} .customOauthClients=${config.customOauthClients} .hideClose=${config.hideClose}
        ></pd-action-form>`
      : html`<pd-trigger-form
          component-key=${open.key}
          .externalUserId=${config.externalUserId} .tokenEndpoint=${config.tokenEndpoint} .tokenCallback=${config.tokenCallback} .token=${config.token}
          .baseUrl=${config.baseUrl} .frontendHost=${config.frontendHost} .environment=${config.environment} .locale=${config.locale} .theme=${config.theme} .oauthAppConfig=${config.oauthAppConfig} .strings=${config.strings}
          .oauthScopeProfiles=${config.oauthScopeProfiles} .appOverrides=${config.appOverrides} .customOauthClients=${config.customOauthClients} .hideClose=${config.hideClose}
        ></pd-trigger-form>`;
    return html`<section part="form" class="panel form" aria-labelledby="form-title">
      <div class="form-head">
        <h3 id="form-title" tabindex="-1" class="section-title">${this.t(open.type === 'action' ? 'appDirectory.actionForm' : 'appDirectory.triggerForm')}</h3>
        <button part="close-form" type="button" class="btn secondary" @click=${this.closeForm}>${this.t('appDirectory.closeForm')}</button>
      </div>
      ${loading ? html`<p class="muted small" role="status">${this.t('components.loading')}</p>` : form}
    </section>`;
  }

  private renderDetail() {
    const app = this.detailApp;
    const slug = this.app;
    const name = app?.name || slug;
    const config = this.config;
    const connected = this.connections.get(slug);
    return html`<section part="detail" class="detail" aria-labelledby="detail-title" @keydown=${this.onDetailKeydown}>
      <button part="back-button" type="button" class="back" @click=${this.back}>
        <svg viewBox="0 0 20 20" aria-hidden="true" class="flip"><path fill="currentColor" d="M12.8 4.2a.75.75 0 0 1 0 1.06L8.06 10l4.74 4.74a.75.75 0 1 1-1.06 1.06l-5.27-5.27a.75.75 0 0 1 0-1.06l5.27-5.27a.75.75 0 0 1 1.06 0Z"></path></svg>
        ${this.t('appDirectory.back')}
      </button>
      <header class="detail-head">
        ${renderAppIcon(this, app ?? { nameSlug: slug }, 'icon large', 'icon')}
        <div class="detail-names">
          <h3 id="detail-title" part="detail-title" tabindex="-1">${name}</h3>
          ${connected ? this.renderStatus(slug) : nothing}
        </div>
        ${app && this.isConnectable(app)
          ? html`<button
              part="connect-button"
              type="button"
              class="btn primary"
              aria-disabled=${this.connecting ? 'true' : 'false'}
              aria-busy=${this.connecting === slug ? 'true' : 'false'}
              @click=${(event: Event) => void this.connect(app, event.currentTarget as HTMLElement)}
            >${this.connecting === slug ? spinner('size-3.5', 'spinner') : nothing}${connected ? this.t('appDirectory.connectAnother') : this.t('connect.label', { app: name })}</button>`
          : nothing}
      </header>
      ${this.cardMessage?.slug === slug ? html`<p class="card-error" role="alert">${this.cardMessage.text}</p>` : nothing}
      ${this.detailError
        ? html`<div part="error" class="card-error" role="alert">
            <p>${this.t('appDirectory.appFailed', { detail: this.detailError })}</p>
            <button part="retry-button" type="button" class="btn secondary" @click=${this.retry}>${this.t('select.retry')}</button>
          </div>`
        : nothing}
      ${app?.description ? html`<div part="description" class="prose">${markdown(app.description)}</div>` : nothing}
      ${app && !this.isConnectable(app)
        ? html`<p class="muted">${this.t('appDirectory.noAuth')}</p>`
        : html`<pd-account-list
            part="accounts"
            app=${slug}
            .externalUserId=${config.externalUserId} .tokenEndpoint=${config.tokenEndpoint} .tokenCallback=${config.tokenCallback} .token=${config.token}
            .baseUrl=${config.baseUrl} .frontendHost=${config.frontendHost} .environment=${config.environment} .locale=${config.locale} .theme=${config.theme} .oauthAppConfig=${config.oauthAppConfig} .strings=${config.strings}
            .oauthScopeProfiles=${config.oauthScopeProfiles} .appOverrides=${config.appOverrides} .customOauthClients=${config.customOauthClients} .hideClose=${config.hideClose}
          ></pd-account-list>`}
      <div class="component-columns">${this.renderComponents('action')}${this.renderComponents('trigger')}</div>
      ${this.renderForm()}
    </section>`;
  }

  protected override render() {
    const phase = this.phase();
    const detail = Boolean(this.app) && !this.configError;
    return html`
      <section part="base" class="base" dir=${this.direction} lang=${this.localeCode} aria-labelledby="title">
        <h2 id="title" part="title" class="title">${this.t('appDirectory.title')}</h2>
        ${this.configError
          ? html`<p part="error" role="alert" class="config-error">${this.configError}</p>`
          : html`
              <div class="catalog-view" ?hidden=${detail}>
                ${this.renderToolbar()}
                <div class="layout">
                  ${this.renderCategories()}
                  <div class="main">${this.renderFeatured()}${this.renderCatalog(phase)}</div>
                </div>
              </div>
              ${detail ? this.renderDetail() : nothing}
            `}
        <span class="sr-only" role="status" aria-live="polite">${this.announcement}</span>
      </section>
    `;
  }
}

PdAppDirectory.define('pd-app-directory');

declare global {
  interface HTMLElementTagNameMap {
    'pd-app-directory': PdAppDirectory;
  }
}
