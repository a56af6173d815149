import { AccountsClient } from '@pipedream/sdk/accounts';
import { bundleForFirstRender } from '../../session/session.js';
import type { InfiniteData } from '@tanstack/query-core';
import { html, nothing, svg, type PropertyValues, type ReactiveControllerHost, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { renderAppIcon } from '../shared/app-icon.js';
import { spinner } from '../shared/icons.js';
import { inlineConfirm } from '../shared/inline-confirm.js';
import { PdDisconnectEvent, PdDisconnectRequestEvent, PdErrorEvent } from '../../events/index.js';
import { enAccounts } from '../../i18n/en-accounts.js';
import { addEnglishStrings, dateFormat, numberFormat, plural } from '../../i18n/index.js';
import { connectWithEvents, describeConnectOutcome } from '../../session/connect-events.js';
import { describeError, isOutcomeUnknown, errorCode } from '../../session/errors.js';
import { HOST_WRITE_TIMEOUT_MS, writeThrough } from '../../session/host-endpoints.js';
import { InfiniteQueryController } from '../../session/query-controller.js';
import type { AccountFilter, AccountPage, ConnectSession } from '../../session/session.js';
import type { Account } from '../../session/types.js';
import { styles } from './pd-account-list.styles.js';

addEnglishStrings(enAccounts);

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ accounts: AccountsClient });

/** Deletes an account through the host's own server instead of the Connect API. */
export type DisconnectCallback = (account: Account) => Promise<void>;

type Phase = 'config' | 'loading' | 'error' | 'empty' | 'ready';
type Health = 'healthy' | 'unhealthy' | 'dead';
type DeleteOutcome = { status: 'deleted' | 'kept' } | { status: 'failed'; message: string; error: unknown };

/** Page size when collecting every account for "disconnect all". */
const ALL_PAGE_SIZE = 100;
/** Accounts shown at first, and how many more "Show more accounts" shows. */
const SHOW_STEP = 20;
/** Deletes in flight at once during "disconnect all". */
const DELETE_CONCURRENCY = 4;
/** The `confirming` value of the "disconnect all" confirmation. */
const ALL = '\u0000all';
const SKELETON_ROWS = 3;
/** The strings of a row (`accounts.*`): a row renders again when one of them changes. */
const ROW_STRINGS = ['healthy', 'unhealthy', 'dead', 'connectedOn', 'reconnect', 'reconnectLabel', 'disconnect', 'disconnectLabel', 'confirmDisconnect', 'confirm', 'disconnecting', 'cancel'] as const;

/** An account's health, from its flags. */
function healthOf(account: Account): Health {
  if (account.dead === true) return 'dead';
  if (account.healthy === false) return 'unhealthy';
  return 'healthy';
}

/**
 * @tag pd-account-list
 * @summary The user's connected accounts: app, name, health and date, with reconnect and disconnect.
 *
 * Lists the accounts of the configured external user (optionally of one `app`), 20 at a time
 * with a "Show more accounts" button. Unhealthy and dead accounts get a Reconnect button that
 * opens the Connect flow for that account. Disconnecting asks for confirmation, fires the
 * cancelable `pd-disconnect-request`, then deletes the account through the Connect API, the host's
 * `disconnect-endpoint`, or its `disconnectCallback`. Every list of the same user on the page
 * shares one request and one cache, so all of them update when any element connects or
 * disconnects an account.
 *
 * @slot empty - Shown when the user has no accounts (default: "No connected accounts yet.").
 *
 * @csspart base - The card around everything.
 * @csspart header - The title row with the count and the "disconnect all" button.
 * @csspart title - The list's title.
 * @csspart count - The number of accounts next to the title.
 * @csspart list - The `<ul>` of accounts.
 * @csspart item - One account's `<li>`.
 * @csspart icon - The app's logo, or its coloured initials when the logo cannot load.
 * @csspart name - The account's name.
 * @csspart app-name - The app's name.
 * @csspart meta - The line with the app name and the connected date.
 * @csspart status - The health badge (Healthy, Needs reconnect, Disconnected).
 * @csspart actions - The row's buttons.
 * @csspart reconnect-button - Reconnect, on unhealthy and dead accounts.
 * @csspart disconnect-button - Disconnect, on every account.
 * @csspart confirm - The inline confirmation of a disconnect (or of "disconnect all").
 * @csspart confirm-button - The button that confirms a disconnect.
 * @csspart cancel-button - The button that cancels a disconnect.
 * @csspart item-error - The message under an account whose disconnect or reconnect failed.
 * @csspart load-more - The "Show more accounts" button.
 * @csspart empty - The empty state.
 * @csspart error - The load error (or configuration error) message.
 * @csspart retry-button - Retry after a load error.
 * @csspart disconnect-all-button - "Disconnect all accounts" (with `allow-disconnect-all`).
 * @csspart skeleton - A placeholder row while loading.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - Loaded, and there are no accounts.
 * @cssstate error - Loading failed, or the element is misconfigured.
 * @cssstate ready - Accounts are shown.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Card background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Header, hover and skeleton background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Secondary text.
 * @cssprop [--pd-color-border=#d4d4d8] - Card border and row dividers.
 * @cssprop [--pd-color-accent=#4f46e5] - Reconnect button and "Show more" text.
 * @cssprop --pd-color-accent-hover - Reconnect button on hover (default: the accent, a step darker, or lighter under black text).
 * @cssprop --pd-color-on-accent - Reconnect button text (default: white or black, whichever reads better on the accent).
 * @cssprop [--pd-color-danger=#b91c1c] - Errors, "dead" badge and the confirm button.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Confirmation and "dead" badge background.
 * @cssprop [--pd-color-success=#15803d] - "Healthy" badge text.
 * @cssprop [--pd-color-success-surface=#f0fdf4] - "Healthy" badge background.
 * @cssprop [--pd-color-warning=#a16207] - "Needs reconnect" badge text.
 * @cssprop [--pd-color-warning-surface=#fefce8] - "Needs reconnect" badge background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Card corner radius.
 * @cssprop [--pd-radius-small=6px] - Button, icon and badge corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Card shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdDisconnectRequestEvent} pd-disconnect-request - The user confirmed a disconnect, before anything is deleted; cancelable: `preventDefault()` keeps the account. `event.account`.
 * @fires {PdDisconnectEvent} pd-disconnect - An account was deleted (one event per account with "disconnect all"): `event.account`.
 * @fires {PdErrorEvent} pd-error - Loading the accounts failed (`event.code` `load_failed`) or a delete failed (`disconnect_failed`): `event.message`, `event.cause`.
 * @fires {PdConnectStartEvent} pd-connect-start - Reconnect is about to open the Connect flow; cancelable: `event.app`, `event.accountId`.
 * @fires {PdConnectSuccessEvent} pd-connect-success - The account was reconnected and confirmed: `event.account`, `event.reconnected`.
 * @fires {PdConnectErrorEvent} pd-connect-error - Reconnect failed or was cancelled: `event.code`, `event.message`.
 * @fires {PdConnectCloseEvent} pd-connect-close - The Connect page closed: `event.successful`, `event.completed`.
 */
export class PdAccountList extends PdElement {
  static override styles = styles;

  /** Only accounts of this app (slug, e.g. `slack`). */
  @property() app?: string;
  /** Only accounts connected through this OAuth client (`oa_…`); also used to reconnect them. */
  @property({ attribute: 'oauth-app-id' }) oauthAppId?: string;
  /** Your server's disconnect endpoint: receives POST `{"account_id", "external_user_id"}`; any non-2xx answer is a failure. */
  @property({ attribute: 'disconnect-endpoint' }) disconnectEndpoint?: string;
  /** Shows "Disconnect all accounts" (for account-deletion flows), with its own confirmation. */
  @property({ attribute: 'allow-disconnect-all', type: Boolean }) allowDisconnectAll = false;
  /** Deletes an account through your own code instead of the Connect API; reject to report a failure. */
  @property({ attribute: false }) disconnectCallback?: DisconnectCallback;

  /**
   * How many accounts of the shared query this list shows ("Show more accounts" adds 20): the
   * query's pages are larger, and a form on the page may have loaded all of them.
   */
  @state() private shownCount = SHOW_STEP;
  private shownQueryKey?: string;
  /** This list's own "Show more accounts" is loading a page (not a form's paging of the same query). */
  @state() private loadingMore = false;
  /** Why this list's own "Show more accounts" failed. */
  @state() private loadMoreError?: string;
  /** The account whose disconnect is being confirmed, or `ALL`. */
  @state() private confirming?: string;
  @state() private deleting = new Set<string>();
  @state() private reconnecting?: string;
  @state() private removed = new Set<string>();
  @state() private itemErrors = new Map<string, string>();
  @state() private disconnectingAll = false;
  @state() private allError = '';
  @state() private announcement = '';
  /** Logos (by URL) that loaded or failed since their rows rendered: those rows render once more. */
  @state() private settledLogos = new Set<string>();
  /** The rows of the last render, by account id: what each showed and its template. */
  private rows = new Map<string, { inputs: unknown[]; template: TemplateResult }>();

  private readonly query = new InfiniteQueryController<AccountPage, string | undefined>(this);
  private lastPhase?: Phase;
  private pendingFocus?: () => HTMLElement | null | undefined;
  /** A just-reconnected account: its Reconnect button (which had focus) goes away on the next refresh. */
  private reconnectedId?: string;

  protected override validateConfig(): string | undefined {
    const shared = super.validateConfig();
    return shared ? this.t('accounts.configInvalid', { detail: shared }) : undefined;
  }

  private get filter(): AccountFilter {
    return { ...(this.app ? { app: this.app } : {}), ...(this.oauthAppId ? { oauthAppId: this.oauthAppId } : {}) };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.session;
    const filter = this.filter;
    // The shared account query: forms and other lists of the same accounts use the same pages.
    const query = session?.accountsQuery(filter);
    const queryKey = query ? JSON.stringify(query.queryKey) : undefined;
    if (queryKey !== this.shownQueryKey) {
      this.shownQueryKey = queryKey;
      this.shownCount = SHOW_STEP;
      this.loadMoreError = undefined;
    }
    this.query.setQuery(session, query);
    // A refetch brought fewer accounts than shown (disconnects elsewhere): accounts connected
    // later do not unfold the list past what it shows now.
    const cached = this.cachedAccounts.length;
    if (this.data && !this.loadingMore && cached < this.shownCount) this.shownCount = Math.max(SHOW_STEP, cached);
    const phase = this.phase();
    for (const name of ['loading', 'empty', 'error', 'ready']) this.setState(name, (phase === 'config' ? 'error' : phase) === name);
    this.announceChanges(phase);
    this.lastPhase = phase;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A next page that failed is reported by the "Show more accounts" that asked for it, not when
    // a form on the page was loading it.
    const failure = this.query.newError({ nextPages: false });
    if (failure) this.emit(new PdErrorEvent(errorCode(failure, 'load_failed'), describeError(failure), failure));
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    focus?.()?.focus();
    const reconnected = this.reconnectedId;
    if (reconnected && !this.rowButton(reconnected, 'reconnect-button')) {
      this.reconnectedId = undefined;
      if (!this.shadowRoot?.activeElement && document.activeElement === document.body) this.rowButton(reconnected, 'disconnect-button')?.focus();
    }
  }

  // ------------------------------------------------------------------ data

  private get data(): InfiniteData<AccountPage, string | undefined> | undefined {
    return this.query.result?.data;
  }

  /** Every account of the shared query's pages, each once (pages shift when accounts go). */
  private get cachedAccounts(): Account[] {
    const seen = new Set<string>();
    return (this.data?.pages ?? []).flatMap((page) => page.accounts).filter((account) => !seen.has(account.id) && Boolean(seen.add(account.id)));
  }

  /** The loaded accounts less those just disconnected here. */
  private get loadedAccounts(): Account[] {
    return this.cachedAccounts.filter((account) => !this.removed.has(account.id));
  }

  /**
   * The accounts this list shows: another element on the page (a form's account field) may have
   * loaded more of the shared query than this list's user asked to see.
   */
  private get accounts(): Account[] {
    return this.loadedAccounts.slice(0, this.shownCount);
  }

  /** More accounts exist: loaded already (by this list or someone else), or on the server. */
  private get hasMore(): boolean {
    return this.shownCount < this.loadedAccounts.length || Boolean(this.query.result?.hasNextPage);
  }

  /** The total the API reported (less what was just removed here), or what is loaded. */
  private get total(): number {
    const reported = this.data?.pages[0]?.total;
    const loaded = this.accounts.length;
    if (typeof reported !== 'number') return loaded;
    return Math.max(loaded, reported - this.cachedAccounts.filter((account) => this.removed.has(account.id)).length);
  }

  private phase(): Phase {
    if (this.configError) return 'config';
    const result = this.query.result;
    if (!result || !result.data) {
      if (result?.isError && !result.isFetching) return 'error';
      return 'loading';
    }
    return this.accounts.length ? 'ready' : 'empty';
  }

  private countText(count: number): string {
    return plural(this.t, this.localeCode, 'accounts.count', count);
  }

  /** Says what the list turned into; what "Show more accounts" brought, or why it failed, `loadMore` says. */
  private announceChanges(phase: Phase): void {
    const result = this.query.result;
    const previous = this.lastPhase;
    if (phase !== previous) {
      if (phase === 'loading') this.announcement = this.t('accounts.loading');
      else if (phase === 'error') this.announcement = this.t('error.load', { detail: describeError(result?.error, this.t) });
      else if (phase === 'ready' && (previous === 'loading' || previous === 'error' || previous === undefined)) this.announcement = this.t('accounts.loaded', { count: this.countText(this.accounts.length) });
      else if (phase === 'empty' && (previous === 'loading' || previous === 'error' || previous === undefined)) this.announcement = this.t('accounts.empty');
    }
  }

  // --------------------------------------------------------------- helpers

  private accountName(account: Account): string {
    return account.name || account.app?.name || account.app?.nameSlug || account.id;
  }

  private appName(account: Account): string {
    const app = account.app;
    if (app?.name) return app.name;
    return (app?.nameSlug ?? '').replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  }

  private formatDate(date: Date | undefined): string | undefined {
    if (!date || Number.isNaN(date.getTime())) return undefined;
    return dateFormat(this.localeCode, { dateStyle: 'medium' }).format(date);
  }

  private find(selector: string): HTMLElement | null | undefined {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  private rowButton(id: string, part: string): HTMLElement | null | undefined {
    return this.find(`li[data-id="${CSS.escape(id)}"] [part~="${part}"]`);
  }

  private setItemError(id: string, message: string | undefined): void {
    const errors = new Map(this.itemErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.itemErrors = errors;
  }

  private withId(set: Set<string>, id: string, on: boolean): Set<string> {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }

  /** Where focus goes when the row holding it disappears: the next row, the previous one, or the title. */
  private focusAfterRemoval(ids: string[]): void {
    const active = this.shadowRoot?.activeElement;
    const outside = document.activeElement && document.activeElement !== document.body && document.activeElement !== this;
    if ((active && active.isConnected && !ids.some((id) => active.closest(`li[data-id="${CSS.escape(id)}"]`))) || outside) return;
    const order = this.accounts.map((account) => account.id);
    const firstIndex = Math.min(...ids.map((id) => order.indexOf(id)).filter((index) => index >= 0));
    const remaining = order.filter((id) => !ids.includes(id));
    const next = Number.isFinite(firstIndex) ? (order.slice(firstIndex).find((id) => !ids.includes(id)) ?? remaining.at(-1)) : remaining[0];
    this.pendingFocus = () => (next ? this.find(`li[data-id="${CSS.escape(next)}"] button`) : this.find('#title'));
  }

  // --------------------------------------------------------------- actions

  private retry = () => {
    if (this.query.result?.isFetching) return;
    void this.query.refetch();
  };

  private loadMore = async () => {
    if (!this.hasMore || this.loadingMore) return;
    this.loadMoreError = undefined;
    const firstNew = this.accounts.length;
    // Accounts in the shared cache already (loaded with a page, or by a form on the page) show at
    // once, whatever else is loading; a page is fetched only when none are left to show.
    if (this.loadedAccounts.length <= this.shownCount) {
      this.loadingMore = true;
      const error = await this.loadNextPage();
      this.loadingMore = false;
      if (error) {
        this.loadMoreError = this.t('error.load', { detail: describeError(error, this.t) });
        this.announcement = this.loadMoreError;
        this.emit(new PdErrorEvent(errorCode(error, 'load_failed'), describeError(error), error));
        return;
      }
    }
    this.shownCount = Math.min(this.shownCount + SHOW_STEP, Math.max(this.shownCount, this.loadedAccounts.length));
    await this.updateComplete;
    this.announcement = this.t('accounts.loaded', { count: this.countText(this.accounts.length) });
    // The button goes away with the last accounts: move on to the first new one.
    if (!this.hasMore && !this.shadowRoot?.activeElement && document.activeElement === document.body) {
      const id = this.accounts[firstNew]?.id;
      if (id) this.find(`li[data-id="${CSS.escape(id)}"] button`)?.focus();
    }
  };

  /**
   * Loads accounts past those cached: joins a fetch in flight instead of cancelling it (a refetch
   * after a disconnect would leave the disconnected account cached for every element), then asks
   * for the next page if that fetch did not bring more. Resolves to the error of a failed page.
   */
  private async loadNextPage(): Promise<unknown> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.query.fetchNextPage({ cancelRefetch: false });
      if (!result) return undefined;
      if (result.isFetchNextPageError) return result.error;
      // A failed refresh shows above the list, with its own Retry.
      if (result.isError) return undefined;
      if (this.loadedAccounts.length > this.shownCount || !result.hasNextPage) return undefined;
    }
    return undefined;
  }

  private askDisconnect(account: Account) {
    if (this.deleting.has(account.id)) return;
    this.confirming = account.id;
    this.setItemError(account.id, undefined);
    this.pendingFocus = () => this.rowButton(account.id, 'confirm-button');
  }

  private askDisconnectAll = () => {
    if (this.disconnectingAll) return;
    this.confirming = ALL;
    this.allError = '';
    this.pendingFocus = () => this.find('[part~="header"] [part~="confirm-button"]');
  };

  private cancelConfirm = () => {
    const confirming = this.confirming;
    if (!confirming || (confirming === ALL ? this.disconnectingAll : this.deleting.has(confirming))) return;
    this.confirming = undefined;
    this.pendingFocus = () => (confirming === ALL ? this.find('[part~="disconnect-all-button"]') : this.rowButton(confirming, 'disconnect-button'));
  };

  /** Deletes through the callback, the host's endpoint, or the Connect API, in that order. */
  private deleteAccount(account: Account, session: ConnectSession): Promise<void> {
    const { disconnectCallback, disconnectEndpoint } = this;
    return writeThrough({
      callback: disconnectCallback && (() => disconnectCallback(account)),
      endpoint: disconnectEndpoint
        ? { what: 'disconnect', url: disconnectEndpoint, body: { account_id: account.id, external_user_id: session.externalUserId }, timeoutMs: HOST_WRITE_TIMEOUT_MS, read: () => undefined }
        : undefined,
      api: () => session.deleteAccount(account.id),
    });
  }

  /** The request event, then the delete; resolves to whether the account is gone. */
  private async disconnectOne(account: Account, session: ConnectSession): Promise<DeleteOutcome> {
    if (!this.emit(new PdDisconnectRequestEvent(account))) return { status: 'kept' };
    try {
      await this.deleteAccount(account, session);
      return { status: 'deleted' };
    } catch (error) {
      // A delete that may have happened is said as such; the lists refetch to show which.
      const unknown = isOutcomeUnknown(error);
      if (unknown) void session.invalidateAccounts();
      const key = unknown ? 'error.disconnectUnknown' : 'error.disconnect';
      return { status: 'failed', error, message: this.t(key, { account: this.accountName(account), detail: describeError(error, this.t) }) };
    }
  }

  /** Shows a failed delete on its row and reports it. */
  private deleteFailed(account: Account, outcome: { message: string; error: unknown }): void {
    this.setItemError(account.id, outcome.message);
    this.emit(new PdErrorEvent('disconnect_failed', outcome.message, outcome.error));
  }

  private async confirmDisconnect(account: Account) {
    const session = this.session;
    if (!session || this.deleting.has(account.id)) return;
    this.deleting = this.withId(this.deleting, account.id, true);
    const outcome = await this.disconnectOne(account, session);
    this.deleting = this.withId(this.deleting, account.id, false);
    if (this.confirming === account.id) this.confirming = undefined;
    if (outcome.status !== 'deleted') {
      this.pendingFocus = () => this.rowButton(account.id, 'disconnect-button');
      if (outcome.status === 'failed') {
        this.announcement = outcome.message;
        this.deleteFailed(account, outcome);
      }
      return;
    }
    this.focusAfterRemoval([account.id]);
    this.removed = this.withId(this.removed, account.id, true);
    this.announcement = this.t('accounts.disconnected', { account: this.accountName(account) });
    // Every list of this user refetches; this one already hides the row.
    void session.invalidateAccounts();
    this.emit(new PdDisconnectEvent(account));
  }

  /** Every account of every page (fetched fresh), deleted a few at a time. */
  private async confirmDisconnectAll() {
    const session = this.session;
    if (!session || this.disconnectingAll) return;
    this.disconnectingAll = true;
    this.allError = '';
    const filter = this.filter;
    let all: Account[] = [];
    try {
      let cursor: string | undefined;
      do {
        const page = await session.listAccounts(filter, cursor, ALL_PAGE_SIZE);
        all = all.concat(page.accounts);
        cursor = page.nextCursor;
      } while (cursor);
    } catch (error) {
      this.disconnectingAll = false;
      this.allError = this.t('error.load', { detail: describeError(error, this.t) });
      this.announcement = this.allError;
      return;
    }
    const deleted: Account[] = [];
    let failed = 0;
    const queue = [...all];
    const worker = async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        const outcome = await this.disconnectOne(account, session);
        if (outcome.status === 'deleted') deleted.push(account);
        if (outcome.status === 'failed') {
          failed++;
          this.deleteFailed(account, outcome);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, queue.length) }, worker));
    this.disconnectingAll = false;
    this.focusAfterRemoval(deleted.map((account) => account.id));
    const removed = new Set(this.removed);
    for (const account of deleted) removed.add(account.id);
    this.removed = removed;
    if (failed) {
      this.allError = this.t('accounts.disconnectAllFailed', { count: this.countText(failed) });
      this.announcement = `${this.t('accounts.disconnectedAll', { count: this.countText(deleted.length) })} ${this.allError}`;
      this.pendingFocus = () => this.find('[part~="header"] [part~="cancel-button"]');
    } else {
      this.confirming = undefined;
      this.announcement = this.t('accounts.disconnectedAll', { count: this.countText(deleted.length) });
    }
    void session.invalidateAccounts();
    for (const account of deleted) this.emit(new PdDisconnectEvent(account));
  }

  private async reconnect(account: Account, opener: HTMLElement) {
    const session = this.session;
    const slug = account.app?.nameSlug;
    if (!session || !slug || this.reconnecting) return;
    const app = this.appName(account);
    const name = this.accountName(account);
    this.reconnecting = account.id;
    this.setItemError(account.id, undefined);
    const outcome = await connectWithEvents({
      ...this.connectContext(session),
      app: slug,
      appName: app,
      ...(this.oauthAppId ? { page: { oauthAppId: this.oauthAppId } } : {}),
      accountId: account.id,
      opener,
      announce: (message) => (this.announcement = message),
    }).catch((error: unknown) => ({ status: 'threw' as const, error }));
    this.reconnecting = undefined;
    if (!outcome) return;
    if (outcome.status === 'connected') this.reconnectedId = account.id;
    // What the reconnect came to is announced; a failure also shows under its row.
    const text = describeConnectOutcome(outcome, this.t, { app, fallbackName: name });
    this.announcement = text.announcement;
    if (text.error) this.setItemError(account.id, text.error);
  }

  // ---------------------------------------------------------------- render

  private renderIcon(account: Account) {
    const src = account.app?.imgSrc;
    // Rows are rendered again only when what they show changes: a logo that loads (or fails) marks its URL, so its rows do.
    const host = {
      requestUpdate: () => {
        if (src && !this.settledLogos.has(src)) this.settledLogos = new Set(this.settledLogos).add(src);
      },
    };
    return renderAppIcon(
      host as ReactiveControllerHost,
      { name: this.appName(account) || this.accountName(account), nameSlug: account.app?.nameSlug, imgSrc: account.app?.imgSrc },
      'size-10 text-[0.8125rem] tracking-wide select-none',
      'icon',
    );
  }

  private renderStatus(health: Health) {
    const tone = {
      healthy: 'bg-pd-success-bg text-pd-success',
      unhealthy: 'bg-pd-warning-bg text-pd-warning',
      dead: 'bg-pd-danger-bg text-pd-danger',
    }[health];
    const label = this.t(health === 'healthy' ? 'accounts.healthy' : health === 'unhealthy' ? 'accounts.unhealthy' : 'accounts.dead');
    const icon = {
      healthy: svg`<path fill-rule="evenodd" d="M12.4 4.3a.75.75 0 0 1 .1 1.05l-5 6.25a.75.75 0 0 1-1.12.06l-2.75-2.75a.75.75 0 1 1 1.06-1.06l2.16 2.16 4.45-5.56a.75.75 0 0 1 1.1-.1Z" clip-rule="evenodd" />`,
      unhealthy: svg`<path fill-rule="evenodd" d="M6.7 2.5a1.5 1.5 0 0 1 2.6 0l4.6 8a1.5 1.5 0 0 1-1.3 2.25H3.4a1.5 1.5 0 0 1-1.3-2.25l4.6-8ZM8 5.25a.75.75 0 0 1 .75.75v2.5a.75.75 0 0 1-1.5 0V6A.75.75 0 0 1 8 5.25Zm0 6.25a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z" clip-rule="evenodd" />`,
      dead: svg`<path fill-rule="evenodd" d="M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12ZM6.28 5.22a.75.75 0 0 0-1.06 1.06L6.94 8 5.22 9.72a.75.75 0 1 0 1.06 1.06L8 9.06l1.72 1.72a.75.75 0 1 0 1.06-1.06L9.06 8l1.72-1.72a.75.75 0 0 0-1.06-1.06L8 6.94 6.28 5.22Z" clip-rule="evenodd" />`,
    }[health];
    return html`<span part="status" data-health=${health} class="inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ${tone}">
      <svg class="size-3.5 shrink-0" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">${icon}</svg>${label}
    </span>`;
  }

  private renderConfirm(options: { id: string; message: string; confirmLabel: string; busy: boolean; error?: string; onConfirm: () => void }) {
    return inlineConfirm({
      ...options,
      class: 'col-span-full',
      busyLabel: this.t('accounts.disconnecting'),
      cancelLabel: this.t('accounts.cancel'),
      onCancel: this.cancelConfirm,
    });
  }

  /**
   * Everything a row shows, compared value by value: an unchanged row is not rendered again, even
   * when a refetch brought a new object for its account. `text` stands for the locale's strings.
   */
  private rowInputs(account: Account, index: number, text: string): unknown[] {
    const { id, app } = account;
    return [
      text,
      account.name,
      account.healthy,
      account.dead,
      app?.name,
      app?.nameSlug,
      app?.imgSrc && this.settledLogos.has(app.imgSrc),
      account.createdAt?.getTime(),
      index > 0,
      this.deleting.has(id),
      this.reconnecting === id,
      Boolean(this.reconnecting),
      this.confirming === id,
      this.itemErrors.get(id),
    ];
  }

  /** A row's template: the last one when nothing it shows changed, so Lit finds nothing to update in it. */
  private renderRow(account: Account, index: number, text: string, previous: PdAccountList['rows']): TemplateResult {
    const inputs = this.rowInputs(account, index, text);
    const last = previous.get(account.id);
    const row = last?.inputs.every((value, i) => value === inputs[i]) ? last : { inputs, template: this.renderItem(account, index) };
    this.rows.set(account.id, row);
    return row.template;
  }

  private renderItem(account: Account, index: number) {
    const id = account.id;
    const name = this.accountName(account);
    const health = healthOf(account);
    const deleting = this.deleting.has(id);
    const reconnecting = this.reconnecting === id;
    const confirming = this.confirming === id;
    const date = this.formatDate(account.createdAt);
    const error = this.itemErrors.get(id);
    const button =
      'inline-flex min-h-8 items-center justify-center gap-1.5 rounded-pd-sm px-3 py-1.5 text-[0.8125rem] font-medium transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-60';
    return html`<li part="item" data-id=${id} data-health=${health} class="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3.5 gap-y-3 px-4 py-3.5 @lg:grid-cols-[auto_minmax(0,1fr)_auto] @lg:items-center ${index ? 'border-t border-pd-border' : ''}">
      ${this.renderIcon(account)}
      <div class="@container/text min-w-0">
        <div class="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <span part="name" dir="auto" class="min-w-0 truncate font-semibold text-pd-fg">${name}</span>
          ${this.renderStatus(health)}
        </div>
        <p part="meta" class="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-[0.8125rem] text-pd-muted">
          <span part="app-name" dir="auto">${this.appName(account)}</span>
          ${date
            ? html`<span class="@max-[17rem]/text:hidden" aria-hidden="true">·</span><time class="@max-[17rem]/text:basis-full" datetime=${(account.createdAt as Date).toISOString()}>${this.t('accounts.connectedOn', { date })}</time>`
            : nothing}
        </p>
      </div>
      <div part="actions" class="col-start-2 flex flex-wrap items-center gap-2 @lg:col-start-3 @lg:justify-end">
        ${health !== 'healthy' && account.app?.nameSlug
          ? html`<button
              part="reconnect-button"
              type="button"
              class="${button} bg-pd-accent font-semibold text-pd-on-accent shadow-pd hover:bg-pd-accent-hover"
              aria-label=${this.t('accounts.reconnectLabel', { account: name })}
              aria-disabled=${reconnecting || deleting || Boolean(this.reconnecting) ? 'true' : 'false'}
              aria-busy=${reconnecting ? 'true' : 'false'}
              @click=${(event: Event) => void this.reconnect(account, event.currentTarget as HTMLElement)}
              @pointerenter=${() => this.session?.tokens.prefetchForConnect()}
              @focus=${() => this.session?.tokens.prefetchForConnect()}
            >
              ${reconnecting ? spinner('size-3.5') : nothing}${this.t('accounts.reconnect')}
            </button>`
          : nothing}
        <button
          part="disconnect-button"
          type="button"
          class="${button} border border-pd-border bg-pd-surface text-pd-fg hover:border-pd-danger/40 hover:bg-pd-danger-bg hover:text-pd-danger"
          aria-label=${this.t('accounts.disconnectLabel', { account: name })}
          aria-disabled=${deleting ? 'true' : 'false'}
          aria-expanded=${confirming ? 'true' : 'false'}
          aria-controls=${confirming ? `confirm-${id}` : nothing}
          @click=${() => (confirming ? this.cancelConfirm() : this.askDisconnect(account))}
        >
          ${this.t('accounts.disconnect')}
        </button>
      </div>
      ${confirming || deleting
        ? this.renderConfirm({
            id,
            message: this.t('accounts.confirmDisconnect', { account: name }),
            confirmLabel: this.t('accounts.confirm'),
            busy: deleting,
            onConfirm: () => void this.confirmDisconnect(account),
          })
        : nothing}
      ${error
        ? html`<p part="item-error" class="col-start-2 -col-end-1 flex items-start gap-1.5 text-[0.8125rem] text-pd-danger">
            <svg class="mt-0.5 size-3.5 shrink-0" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm0-10.5a.75.75 0 0 1 .75.75v3a.75.75 0 0 1-1.5 0v-3A.75.75 0 0 1 8 4.5Zm0 7a.9.9 0 1 0 0-1.8.9.9 0 0 0 0 1.8Z" clip-rule="evenodd" /></svg>
            <span>${error}</span>
          </p>`
        : nothing}
    </li>`;
  }

  private renderSkeleton() {
    return html`<div class="shimmer" aria-hidden="true">
      ${Array.from(
        { length: SKELETON_ROWS },
        (_, index) => html`<div part="skeleton" class="flex items-center gap-3.5 px-4 py-3.5 ${index ? 'border-t border-pd-border' : ''}">
          <span class="size-10 shrink-0 rounded-pd-sm bg-pd-fg/10"></span>
          <span class="flex min-w-0 flex-1 flex-col gap-2">
            <span class="h-3.5 w-2/5 max-w-48 rounded-full bg-pd-fg/10"></span>
            <span class="h-3 w-3/5 max-w-64 rounded-full bg-pd-fg/10"></span>
          </span>
          <span class="h-8 w-24 shrink-0 rounded-pd-sm bg-pd-fg/10"></span>
        </div>`,
      )}
    </div>`;
  }

  private renderMessage(part: 'empty' | 'error', icon: SVGTemplateResult, content: unknown, action?: unknown) {
    const tone = part === 'error' ? 'bg-pd-danger-bg text-pd-danger' : 'bg-pd-muted-bg text-pd-muted';
    return html`<div part=${part} class="flex flex-col items-center gap-3 px-6 py-9 text-center">
      <span class="grid size-11 place-items-center rounded-full ${tone}" aria-hidden="true">
        <svg class="size-5" viewBox="0 0 20 20" fill="currentColor">${icon}</svg>
      </span>
      <div class="max-w-sm ${part === 'error' ? 'text-pd-danger' : 'text-pd-muted'}">${content}</div>
      ${action ?? nothing}
    </div>`;
  }

  private renderBody(phase: Phase) {
    const result = this.query.result;
    switch (phase) {
      case 'config':
        return html`<p part="error" role="alert" class="flex items-start gap-2 px-4 py-4 text-pd-danger">${this.configError}</p>`;
      case 'loading':
        return html`${this.renderSkeleton()}<span class="sr-only">${this.t('accounts.loading')}</span>`;
      case 'error':
        return this.renderMessage(
          'error',
          svg`<path fill-rule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12a.9.9 0 0 1 .9.9v3.8a.9.9 0 0 1-1.8 0V6.9A.9.9 0 0 1 10 6Zm0 8.6a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" clip-rule="evenodd" />`,
          this.t('error.load', { detail: describeError(result?.error, this.t) }),
          this.renderRetry(),
        );
      case 'empty':
        return this.renderMessage(
          'empty',
          svg`<path d="M12.232 4.232a2.5 2.5 0 0 1 3.536 3.536l-1.225 1.224a.75.75 0 0 0 1.061 1.06l1.224-1.224a4 4 0 0 0-5.656-5.656l-3 3a4 4 0 0 0 .225 5.865.75.75 0 0 0 .977-1.138 2.5 2.5 0 0 1-.142-3.667l3-3Z" /><path d="M11.603 7.963a.75.75 0 0 0-.977 1.138 2.5 2.5 0 0 1 .142 3.667l-3 3a2.5 2.5 0 0 1-3.536-3.536l1.225-1.224a.75.75 0 0 0-1.061-1.06l-1.224 1.224a4 4 0 1 0 5.656 5.656l3-3a4 4 0 0 0-.225-5.865Z" />`,
          html`<slot name="empty">${this.t('accounts.empty')}</slot>`,
        );
      case 'ready':
        return this.renderList();
    }
  }

  private renderRetry() {
    const busy = Boolean(this.query.result?.isFetching);
    return html`<button
      part="retry-button"
      type="button"
      class="inline-flex min-h-8 shrink-0 items-center gap-1.5 rounded-pd-sm border border-pd-border bg-pd-surface px-3.5 py-1.5 text-[0.8125rem] font-medium text-pd-fg transition-colors hover:bg-pd-muted-bg aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      aria-disabled=${busy ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${this.retry}
    >
      ${busy ? spinner('size-3.5') : nothing}${this.t('accounts.retry')}
    </button>`;
  }

  private renderList() {
    const result = this.query.result;
    const accounts = this.accounts;
    const loadingMore = this.loadingMore;
    const text = [this.localeCode, ...ROW_STRINGS.map((key) => this.t(`accounts.${key}`))].join('\n');
    const previous = this.rows;
    this.rows = new Map();
    // A refresh failed: the accounts shown may be out of date.
    const stale = result?.isRefetchError
      ? html`<div part="error" class="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-pd-border bg-pd-danger-bg px-4 py-2.5 text-[0.8125rem] text-pd-danger">
          <p class="min-w-0 flex-[1_1_12rem]">${this.t('error.load', { detail: describeError(result.error, this.t) })}</p>
          ${this.renderRetry()}
        </div>`
      : nothing;
    // role="list" is not redundant: Safari/VoiceOver drop the list role of a <ul> styled with list-style: none.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`${stale}<ul role="list" part="list" aria-labelledby="title">
        ${repeat(accounts, (account) => account.id, (account, index) => this.renderRow(account, index, text, previous))}
      </ul>
      ${this.hasMore
        ? html`<div class="flex flex-col items-center gap-1.5 border-t border-pd-border px-4 py-2.5">
            ${this.loadMoreError ? html`<p class="text-[0.8125rem] text-pd-danger">${this.loadMoreError}</p>` : nothing}
            <button
              part="load-more"
              type="button"
              class="inline-flex min-h-8 items-center gap-1.5 rounded-pd-sm px-3 py-1.5 text-[0.8125rem] font-semibold text-pd-accent transition-colors hover:bg-pd-muted-bg aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              aria-busy=${loadingMore ? 'true' : 'false'}
              @click=${this.loadMore}
            >
              ${loadingMore
                ? html`${spinner('size-3.5')}${this.t('accounts.loadingMore')}`
                : html`${this.t('accounts.loadMore')}<svg class="size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clip-rule="evenodd" /></svg>`}
            </button>
          </div>`
        : nothing}`;
  }

  private renderHeader(phase: Phase) {
    const count = phase === 'ready' ? this.total : undefined;
    const showAll = this.allowDisconnectAll && phase === 'ready';
    const confirmingAll = showAll && (this.confirming === ALL || this.disconnectingAll);
    return html`<div part="header" class="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-2 border-b border-pd-border bg-pd-muted-bg/60 px-4 py-3">
      <div class="flex min-w-[min(100%,11rem)] flex-[1_1_auto] items-center gap-2">
        <span part="title" id="title" tabindex="-1" class="min-w-0 truncate font-semibold text-pd-fg">${this.t('accounts.title')}</span>
        ${count !== undefined
          ? html`<span part="count" class="shrink-0 rounded-full border border-pd-border bg-pd-surface px-2 py-px text-xs font-medium text-pd-muted tabular-nums">
              <span aria-hidden="true">${numberFormat(this.localeCode).format(count)}</span><span class="sr-only">${this.countText(count)}</span>
            </span>`
          : nothing}
      </div>
      ${showAll
        ? html`<button
            part="disconnect-all-button"
            type="button"
            class="-mx-2.5 inline-flex min-h-8 shrink-0 items-center rounded-pd-sm px-2.5 py-1.5 text-[0.8125rem] font-medium text-pd-danger transition-colors hover:bg-pd-danger-bg aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            aria-disabled=${this.disconnectingAll ? 'true' : 'false'}
            aria-expanded=${confirmingAll ? 'true' : 'false'}
            aria-controls=${confirmingAll ? `confirm-all` : nothing}
            @click=${() => (confirmingAll ? this.cancelConfirm() : this.askDisconnectAll())}
          >
            ${this.t('accounts.disconnectAll')}
          </button>`
        : nothing}
      ${confirmingAll
        ? this.renderConfirm({
            id: 'all',
            message: this.t('accounts.confirmDisconnectAll', { count: this.total }),
            confirmLabel: this.t('accounts.confirmAll'),
            busy: this.disconnectingAll,
            error: this.allError,
            onConfirm: () => void this.confirmDisconnectAll(),
          })
        : nothing}
    </div>`;
  }

  protected override render() {
    const phase = this.phase();
    return html`<div
      part="base"
      class="@container overflow-hidden rounded-pd border border-pd-border bg-pd-surface text-pd-fg shadow-pd"
      dir=${this.direction}
      lang=${this.localeCode}
    >
      ${this.renderHeader(phase)}
      <div aria-busy=${phase === 'loading' ? 'true' : 'false'}>${this.renderBody(phase)}</div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

PdAccountList.define('pd-account-list');

declare global {
  interface HTMLElementTagNameMap {
    'pd-account-list': PdAccountList;
  }
}
