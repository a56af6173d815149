import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { PdAccountsExportEvent } from '../../events/accounts-console.js';
import { PdDisconnectEvent, PdErrorEvent } from '../../events/index.js';
import { enAccounts } from '../../i18n/en-accounts.js';
import { enAccountsConsole } from '../../i18n/en-accounts-console.js';
import { addEnglishStrings, dateFormat, numberFormat } from '../../i18n/index.js';
import type { Account } from '../../session/types.js';
import { renderAppIcon } from '../shared/app-icon.js';
import { spinner } from '../shared/icons.js';
import { inlineConfirm } from '../shared/inline-confirm.js';
import {
  type AdminAccount,
  type AdminClientOptions,
  type AdminHealth,
  type AdminListParams,
  type AdminPage,
  AdminRequestError,
  HEALTH_STATES,
  accountsCsv,
  listAccounts,
  listAllAccounts,
  revokeAccount,
} from './admin-client.js';
import { styles } from './pd-accounts-console.styles.js';

addEnglishStrings({ ...enAccountsConsole, ...enAccounts });

export type { AdminAccount, AdminHealth };

type Phase = 'config' | 'loading' | 'error' | 'empty' | 'no-results' | 'ready';
type SortChoice = 'newest' | 'oldest' | 'refreshed' | 'stale';
type BulkResult = 'pending' | 'revoked' | 'gone' | { failed: string } | { unknown: string };

const SORTS: Record<SortChoice, Pick<AdminListParams, 'sort' | 'direction'>> = {
  newest: { sort: 'created_at', direction: 'desc' },
  oldest: { sort: 'created_at', direction: 'asc' },
  refreshed: { sort: 'last_refreshed_at', direction: 'desc' },
  stale: { sort: 'last_refreshed_at', direction: 'asc' },
};
const HEALTH_LABEL = { healthy: 'accounts.healthy', needs_reconnect: 'accounts.unhealthy', disconnected: 'accounts.dead' } as const;
const HEALTH_TONE = { healthy: 'bg-pd-success-bg text-pd-success', needs_reconnect: 'bg-pd-warning-bg text-pd-warning', disconnected: 'bg-pd-danger-bg text-pd-danger' } as const;
const SEARCH_PAUSE_MS = 250;
const BUTTON = 'inline-flex min-h-8 items-center justify-center gap-1.5 rounded-pd-sm px-3 py-1.5 text-[0.8125rem] font-medium transition-colors aria-disabled:cursor-not-allowed aria-disabled:opacity-60';
const SECONDARY = `${BUTTON} border border-pd-border bg-pd-surface text-pd-fg hover:bg-pd-muted-bg`;
const FIELD = 'min-h-9 rounded-pd-sm border border-pd-border bg-pd-surface px-2.5 text-pd-fg';

/** The shape the `pd-disconnect` event carries for an account of the console. */
function asAccount(account: AdminAccount): Account {
  return {
    id: account.id,
    name: account.name,
    externalId: account.externalUserId,
    healthy: account.health === 'healthy',
    dead: account.health === 'disconnected',
    app: { nameSlug: account.app.nameSlug, name: account.app.name, imgSrc: account.app.imgSrc },
    createdAt: account.createdAt,
  } as Account;
}

/**
 * @tag pd-accounts-console
 * @summary The team's accounts console: every connected account of the project, across all users, with search, filters, counts, revoke and export.
 *
 * For a product's support and admin staff. A browser Connect token sees one user, so the console
 * talks to the host's own server: `endpoint` is a route made with `createAdminHandler` of
 * `pd-connect-elements/server`, which answers only when the host says the request comes from an
 * admin (403 otherwise, shown as such). It needs no user id or token endpoint.
 *
 * Search by external user id, filter by app and health (with counts per state), sort by created
 * or last refresh, and page through thousands. Revoke one account (confirmed inline, sent once),
 * or open a user's accounts and revoke all of them (the deletion flow of a data-protection
 * request): the confirmation names every account, progress is shown, each account gets its
 * result, and the ones that did not succeed can be retried. Each revoke fires `pd-disconnect`
 * with the account and its `externalUserId`. Export CSV downloads every account of the current
 * view (`pd-accounts-export`, cancelable). Credentials never reach the browser.
 *
 * @csspart base - The element's box.
 * @csspart title - The heading.
 * @csspart toolbar - The row with the search, the app filter and the sort.
 * @csspart search - The search `<input>` (external user id).
 * @csspart app-filter - The app `<select>`.
 * @csspart sort - The sort `<select>`.
 * @csspart health-filter - The group of health filters.
 * @csspart health-option - One health filter button with its count (`aria-pressed` on the chosen one).
 * @csspart export-button - Export CSV.
 * @csspart user-view - The bar shown while one user's accounts are open.
 * @csspart revoke-all-button - Revokes every account of the open user.
 * @csspart all-users-button - Leaves the user's view.
 * @csspart table - The accounts table.
 * @csspart row - One account's row.
 * @csspart user-button - An account's user id (opens that user's accounts).
 * @csspart icon - An app's logo, or its coloured initials.
 * @csspart status - The health badge.
 * @csspart revoke-button - Revoke, on a row.
 * @csspart confirm - The confirmation of a revoke, or of revoking all of a user's accounts.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that cancels.
 * @csspart bulk - The panel of a user's revoke-all: the accounts, progress and results.
 * @csspart bulk-result - One account's result in that panel.
 * @csspart retry-failed-button - Retries the revokes that did not succeed.
 * @csspart close-bulk - Closes that panel.
 * @csspart pager - The paging controls.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart empty - The empty and no-results states.
 * @csspart clear-button - Clears the filters (no-results state).
 * @csspart error - A load error (or the configuration message).
 * @csspart retry-button - Retry after a load error.
 *
 * @cssstate loading - Accounts are loading.
 * @cssstate ready - Accounts are shown.
 * @cssstate empty - The project has no connected accounts.
 * @cssstate no-results - The search or filters match no account.
 * @cssstate error - Loading failed (403 included), or the element is misconfigured.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Table header, hover and skeleton background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Secondary text.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders.
 * @cssprop [--pd-color-accent=#4f46e5] - The chosen health filter and links.
 * @cssprop [--pd-color-danger=#b91c1c] - Errors, "disconnected" badge and the confirm buttons.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Confirmation background.
 * @cssprop [--pd-color-success=#15803d] - "Healthy" badge text.
 * @cssprop [--pd-color-warning=#a16207] - "Needs reconnect" badge text.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Corner radius.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdDisconnectEvent} pd-disconnect - An account was revoked: `event.account`, `event.externalUserId`.
 * @fires {PdAccountsExportEvent} pd-accounts-export - The CSV of the current view is ready; cancelable (no download): `event.csv`, `event.filename`, `event.count`.
 * @fires {PdErrorEvent} pd-error - Loading failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`.
 */
export class PdAccountsConsole extends PdElement {
  static override styles = styles;

  /** The host's admin route (made with `createAdminHandler`), same origin or CORS-enabled. */
  @property() endpoint = '';
  /** Extra headers for every request to `endpoint` (a CSRF token, an Authorization header). */
  @property({ attribute: false }) headers?: Record<string, string>;
  /** Accounts per page (1–1000, default 50). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;
  /** The search text: part of an external user id (reflected). */
  @property({ reflect: true }) query = '';
  /** The external user whose accounts are open ('' for all users; reflected). */
  @property({ reflect: true }) user = '';
  /** Only this app's accounts: its slug ('' for all; reflected). */
  @property({ reflect: true }) app = '';
  /** Only accounts in this health: `healthy`, `needs_reconnect`, `disconnected` ('' for all; reflected). */
  @property({ reflect: true }) health: AdminHealth | '' = '';
  /** Order: `newest` (default), `oldest`, `refreshed` (recently refreshed first) or `stale`. */
  @property({ reflect: true }) sort: SortChoice = 'newest';

  @state() private page?: AdminPage;
  @state() private offset = 0;
  @state() private loading = false;
  @state() private loadError?: unknown;
  @state() private typed?: string;
  @state() private confirming?: string;
  @state() private revoking?: string;
  @state() private rowErrors = new Map<string, string>();
  @state() private announcement = '';
  @state() private exporting = false;
  /** The open user's revoke-all: the accounts it covers, and each one's result once it started. */
  @state() private bulk?: { user: string; accounts: AdminAccount[]; results: Map<string, BulkResult>; running: boolean; collecting: boolean; error?: string };

  private loadController?: AbortController;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private pendingFocus?: () => HTMLElement | null | undefined;

  /** Reloads the current view (after a change made elsewhere). */
  refresh(): Promise<void> {
    return this.load();
  }

  /** The CSV of every account in the current view (all pages), as the export downloads it. */
  async exportCsv(): Promise<string> {
    return accountsCsv(await listAllAccounts(this.client(), this.filters()));
  }

  protected override validateConfig(): string | undefined {
    const shared = this.settingsError();
    if (shared) return this.t('accountsConsole.configInvalid', { detail: shared });
    if (!this.endpoint.trim()) return this.t('accountsConsole.configInvalid', { detail: this.t('accountsConsole.missingEndpoint') });
    try {
      new URL(this.endpoint, document.baseURI);
    } catch {
      return this.t('accountsConsole.configInvalid', { detail: this.t('accountsConsole.badEndpoint', { value: this.endpoint }) });
    }
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 1000) {
      return this.t('accountsConsole.configInvalid', { detail: this.t('accountsConsole.badPageSize', { value: String(this.pageSize) }) });
    }
    return undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadController?.abort();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new filter starts at the first page; a new endpoint or page size reloads too.
    if ((['pageSize', 'query', 'user', 'app', 'health', 'sort'] as const).some((name) => changed.has(name))) this.offset = 0;
    if ((['endpoint', 'headers', 'pageSize', 'query', 'user', 'app', 'health', 'sort'] as const).some((name) => changed.has(name)) && !this.configError) void this.load();
    if (changed.has('user') && this.bulk && this.bulk.user !== this.user && !this.bulk.running) this.bulk = undefined;
    const phase = this.phase;
    for (const name of ['loading', 'ready', 'empty', 'no-results', 'error'] as const) this.setState(name, phase === name || (name === 'error' && phase === 'config'));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const focus = this.pendingFocus?.();
    if (focus) {
      this.pendingFocus = undefined;
      focus.focus();
    }
  }

  private get phase(): Phase {
    if (this.configError) return 'config';
    if (this.loadError) return 'error';
    if (!this.page) return 'loading';
    if (this.page.accounts.length) return 'ready';
    return this.filtered ? 'no-results' : 'empty';
  }

  private get filtered(): boolean {
    return Boolean(this.query || this.user || this.app || this.health);
  }

  private client(): AdminClientOptions {
    return { endpoint: this.endpoint, ...(this.headers ? { headers: this.headers } : {}) };
  }

  private filters(): Omit<AdminListParams, 'offset' | 'limit'> {
    return {
      ...(this.query.trim() ? { query: this.query.trim() } : {}),
      ...(this.user ? { externalUserId: this.user } : {}),
      ...(this.app ? { app: this.app } : {}),
      ...(HEALTH_STATES.includes(this.health as AdminHealth) ? { health: this.health as AdminHealth } : {}),
      ...(SORTS[this.sort] ?? SORTS.newest),
    };
  }

  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.loading = true;
    try {
      const page = await listAccounts(this.client(), { ...this.filters(), offset: this.offset, limit: this.pageSize }, controller.signal);
      if (controller.signal.aborted) return;
      // A page past the end (the last accounts of it revoked): go back to the last page.
      if (!page.accounts.length && this.offset > 0 && page.total > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / this.pageSize) * this.pageSize);
        return void this.load();
      }
      this.page = page;
      this.loadError = undefined;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadError = error;
      this.emit(new PdErrorEvent('load_failed', this.errorText(error), error));
    } finally {
      if (this.loadController === controller) this.loading = false;
    }
  }

  private retry = () => {
    this.loadError = undefined;
    this.page = undefined;
    void this.load();
  };

  private reason(error: unknown): string {
    if (!(error instanceof AdminRequestError)) return error instanceof Error && error.message ? error.message : String(error);
    if (error.reason === 'timeout') return this.t('accountsConsole.timeout');
    if (error.reason === 'offline') return this.t('accountsConsole.offline');
    if (error.reason === 'malformed') return this.t('accountsConsole.malformed');
    const status = this.t('accountsConsole.status', { status: String(error.status) });
    return error.message ? `${status}: ${error.message}` : status;
  }

  private errorText(error: unknown): string {
    const detail = this.reason(error);
    if (error instanceof AdminRequestError && (error.status === 401 || error.status === 403)) return this.t('accountsConsole.forbidden', { detail });
    return this.t('accountsConsole.loadFailed', { detail });
  }

  private number(value: number): string {
    return numberFormat(this.localeCode).format(value);
  }

  private formatDate(date: Date | undefined): string {
    return date ? dateFormat(this.localeCode, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : this.t('accountsConsole.never');
  }

  // ------------------------------------------------------------- filters

  private onSearch = (event: Event) => {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.query = this.typed ?? '';
      this.typed = undefined;
    }, SEARCH_PAUSE_MS);
  };

  private onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.query = this.typed ?? this.query;
    this.typed = undefined;
  };

  private clearFilters = () => {
    clearTimeout(this.searchTimer);
    this.typed = undefined;
    this.query = '';
    this.user = '';
    this.app = '';
    this.health = '';
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  };

  private showUser(user: string) {
    this.user = user;
    this.confirming = undefined;
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="user-view"] h3');
  }

  private allUsers = () => {
    const user = this.user;
    this.user = '';
    this.bulk = undefined;
    this.pendingFocus = () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="user-button"]')].find((button) => button.dataset.user === user) ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
  };

  private goTo(offset: number) {
    this.offset = offset;
    this.confirming = undefined;
    void this.load();
  }

  // --------------------------------------------------------------- writes

  /** One revoke, for the row's confirm button: sent once; its outcome is shown, an unknown one as unknown. */
  private async revoke(account: AdminAccount): Promise<void> {
    if (this.revoking) return;
    this.revoking = account.id;
    const errors = new Map(this.rowErrors);
    errors.delete(account.id);
    this.rowErrors = errors;
    const names = { account: account.name, app: account.app.name, user: account.externalUserId };
    try {
      const outcome = await revokeAccount(this.client(), account.id);
      this.confirming = undefined;
      this.announcement = outcome === 'gone' ? this.t('accountsConsole.alreadyGone', names) : this.t('accountsConsole.revoked', names);
      if (outcome === 'revoked') this.emit(new PdDisconnectEvent(asAccount(account), account.externalUserId));
      this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="table"] [part~="revoke-button"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="search"]');
      await this.load();
    } catch (error) {
      const detail = this.reason(error);
      if (error instanceof AdminRequestError && error.outcomeUnknown) {
        this.confirming = undefined;
        this.announcement = this.t('accountsConsole.revokeUnknown', { account: account.name, detail });
        await this.load();
      } else {
        this.rowErrors = new Map(this.rowErrors).set(account.id, this.t('accountsConsole.revokeFailed', { account: account.name, detail }));
      }
    } finally {
      this.revoking = undefined;
    }
  }

  /** Opens the revoke-all confirmation of the open user, with every one of their accounts. */
  private startBulk = async () => {
    const user = this.user;
    this.bulk = { user, accounts: [], results: new Map(), running: false, collecting: true };
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="bulk"]');
    try {
      const accounts = await listAllAccounts(this.client(), { externalUserId: user, sort: 'created_at', direction: 'desc' });
      if (this.bulk?.user !== user) return;
      this.bulk = { ...this.bulk, accounts, collecting: false };
      this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="bulk"] [part~="confirm-button"]');
    } catch (error) {
      if (this.bulk?.user !== user) return;
      this.bulk = { ...this.bulk, collecting: false, error: this.errorText(error) };
    }
  };

  /** Revokes the listed accounts that have not succeeded yet, one after another, each sent once. */
  private runBulk = async () => {
    const bulk = this.bulk;
    if (!bulk || bulk.running) return;
    const todo = bulk.accounts.filter((account) => {
      const result = bulk.results.get(account.id);
      return result !== 'revoked' && result !== 'gone';
    });
    const results = new Map(bulk.results);
    for (const account of todo) results.set(account.id, 'pending');
    this.bulk = { ...bulk, results, running: true };
    for (const account of todo) {
      let result: BulkResult;
      try {
        result = await revokeAccount(this.client(), account.id);
        if (result === 'revoked') this.emit(new PdDisconnectEvent(asAccount(account), account.externalUserId));
      } catch (error) {
        const detail = this.reason(error);
        result = error instanceof AdminRequestError && error.outcomeUnknown ? { unknown: detail } : { failed: detail };
      }
      if (!this.bulk) return;
      this.bulk = { ...this.bulk, results: new Map(this.bulk.results).set(account.id, result) };
    }
    const done = this.bulk;
    if (!done) return;
    this.bulk = { ...done, running: false };
    const ok = [...done.results.values()].filter((result) => result === 'revoked' || result === 'gone').length;
    this.announcement = this.t('accountsConsole.doneAll', { ok: this.number(ok), count: this.number(done.accounts.length) });
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="retry-failed-button"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="bulk"] [part~="close-bulk"]');
    await this.load();
  };

  private closeBulk = () => {
    this.bulk = undefined;
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="revoke-all-button"]') ?? this.renderRoot.querySelector<HTMLElement>('[part~="all-users-button"]');
  };

  private exportView = async () => {
    if (this.exporting) return;
    this.exporting = true;
    try {
      const accounts = await listAllAccounts(this.client(), this.filters());
      const csv = accountsCsv(accounts);
      const filename = `connected-accounts-${new Date().toISOString().slice(0, 10)}.csv`;
      this.announcement = this.t('accountsConsole.exported', { count: this.number(accounts.length) });
      if (this.emit(new PdAccountsExportEvent(csv, filename, accounts.length))) this.download(csv, filename);
    } catch (error) {
      this.announcement = this.t('accountsConsole.exportFailed', { detail: this.reason(error) });
    } finally {
      this.exporting = false;
    }
  };

  private download(csv: string, filename: string) {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // --------------------------------------------------------------- render

  protected override render() {
    const phase = this.phase;
    return html`
      <section part="base" class="@container grid gap-4 rounded-pd border border-pd-border bg-pd-surface p-4 text-pd-fg" dir=${this.direction} lang=${this.localeCode} aria-labelledby="title">
        <div class="flex flex-wrap items-center justify-between gap-3">
          <h2 id="title" part="title" class="text-base font-semibold">
            ${this.t('accountsConsole.title')}${this.page && phase !== 'config' ? html` <span class="ms-1 rounded-full border border-pd-border px-2 py-0.5 align-middle text-xs font-medium text-pd-muted">${this.number(this.page.counts.all)}</span>` : nothing}
          </h2>
          ${phase === 'config' ? nothing : html`<button part="export-button" type="button" class=${SECONDARY} aria-disabled=${this.exporting || !this.page?.accounts.length ? 'true' : 'false'} @click=${() => (this.exporting || !this.page?.accounts.length ? undefined : void this.exportView())}>
            ${this.exporting ? html`${spinner('size-3.5')}${this.t('accountsConsole.exporting')}` : this.t('accountsConsole.export')}
          </button>`}
        </div>
        ${phase === 'config'
          ? html`<p part="error" role="alert" class="max-w-prose text-[0.8125rem] text-pd-danger">${this.configError}</p>`
          : html`${this.renderToolbar()}${this.user ? this.renderUserView() : nothing}${this.renderBody(phase)}`}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  private renderToolbar(): TemplateResult {
    const counts = this.page?.counts;
    const apps = this.page?.apps ?? [];
    const options: { value: AdminHealth | ''; label: string; count?: number }[] = [
      { value: '', label: this.t('accountsConsole.healthAll'), ...(counts ? { count: counts.all } : {}) },
      ...HEALTH_STATES.map((health) => ({ value: health, label: this.t(HEALTH_LABEL[health]), ...(counts ? { count: counts[health] } : {}) })),
    ];
    return html`<div part="toolbar" class="flex flex-wrap items-end gap-3">
        <label class="grid min-w-0 flex-[1_1_14rem] gap-1 text-[0.8125rem] font-medium">
          ${this.t('accountsConsole.search')}
          <input part="search" type="search" class=${FIELD} autocomplete="off" spellcheck="false" .value=${this.typed ?? this.query} @input=${this.onSearch} @keydown=${this.onSearchKey} />
        </label>
        <label class="grid gap-1 text-[0.8125rem] font-medium">
          ${this.t('accountsConsole.app')}
          <select part="app-filter" class=${FIELD} @change=${(event: Event) => (this.app = (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.app}>${this.t('accountsConsole.allApps')}</option>
            ${this.app && !apps.some((app) => app.nameSlug === this.app) ? html`<option value=${this.app} selected>${this.app}</option>` : nothing}
            ${apps.map((app) => html`<option value=${app.nameSlug} ?selected=${this.app === app.nameSlug}>${app.name} (${this.number(app.count)})</option>`)}
          </select>
        </label>
        <label class="grid gap-1 text-[0.8125rem] font-medium">
          ${this.t('accountsConsole.sort')}
          <select part="sort" class=${FIELD} @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value as SortChoice)}>
            ${(['newest', 'oldest', 'refreshed', 'stale'] as const).map(
              (choice) => html`<option value=${choice} ?selected=${this.sort === choice}>${this.t(({ newest: 'accountsConsole.sortNewest', oldest: 'accountsConsole.sortOldest', refreshed: 'accountsConsole.sortRefreshed', stale: 'accountsConsole.sortStale' } as const)[choice])}</option>`,
            )}
          </select>
        </label>
      </div>
      <div part="health-filter" role="group" aria-label=${this.t('accountsConsole.health')} class="flex flex-wrap gap-2">
        ${options.map(
          (option) => html`<button
            part="health-option"
            type="button"
            data-health=${option.value || 'all'}
            aria-pressed=${this.health === option.value ? 'true' : 'false'}
            class="inline-flex min-h-8 items-center gap-2 rounded-full border px-3 text-[0.8125rem] font-medium transition-colors ${this.health === option.value ? 'border-pd-accent bg-pd-accent text-pd-on-accent' : 'border-pd-border bg-pd-surface text-pd-fg hover:bg-pd-muted-bg'}"
            @click=${() => (this.health = option.value)}
          >
            ${option.label}${option.count === undefined ? nothing : html`<span class="tabular-nums opacity-80">${this.number(option.count)}</span>`}
          </button>`,
        )}
      </div>`;
  }

  private renderUserView(): TemplateResult {
    const bulk = this.bulk;
    const count = this.page?.counts.all ?? 0;
    return html`<div part="user-view" class="grid gap-3 rounded-pd-sm border border-pd-border bg-pd-muted-bg p-3">
      <div class="flex flex-wrap items-center gap-3">
        <h3 tabindex="-1" class="min-w-0 flex-1 truncate font-semibold" dir="auto">${this.t('accountsConsole.userView', { user: this.user })}</h3>
        <button part="all-users-button" type="button" class=${SECONDARY} aria-disabled=${bulk?.running ? 'true' : 'false'} @click=${() => (bulk?.running ? undefined : this.allUsers())}>${this.t('accountsConsole.allUsers')}</button>
        ${!bulk && count > 0
          ? html`<button part="revoke-all-button" type="button" class="${BUTTON} border border-pd-danger/40 bg-pd-surface text-pd-danger hover:bg-pd-danger-bg" @click=${() => void this.startBulk()}>${this.t('accountsConsole.revokeAll')}</button>`
          : nothing}
      </div>
      ${bulk ? this.renderBulk(bulk) : nothing}
    </div>`;
  }

  private renderBulk(bulk: NonNullable<PdAccountsConsole['bulk']>): TemplateResult {
    if (bulk.collecting) return html`<div part="bulk" tabindex="-1" class="flex items-center gap-2 text-[0.8125rem] text-pd-muted">${spinner('size-4')}${this.t('accountsConsole.collecting')}</div>`;
    if (bulk.error) {
      return html`<div part="bulk" tabindex="-1" class="flex flex-wrap items-center gap-3">
        <p role="alert" class="text-[0.8125rem] text-pd-danger">${bulk.error}</p>
        <button part="retry-button" type="button" class=${SECONDARY} @click=${() => void this.startBulk()}>${this.t('accountsConsole.retry')}</button>
      </div>`;
    }
    const started = bulk.results.size > 0;
    const settled = [...bulk.results.values()].filter((result) => result !== 'pending').length;
    const notDone = bulk.accounts.filter((account) => {
      const result = bulk.results.get(account.id);
      return result !== undefined && result !== 'pending' && result !== 'revoked' && result !== 'gone';
    }).length;
    const names = { user: this.user, count: this.number(bulk.accounts.length) };
    return html`<div part="bulk" tabindex="-1" class="grid gap-3">
      ${started
        ? html`<div class="grid gap-1.5">
            <p class="text-[0.8125rem] font-medium" id="bulk-progress-label">
              ${bulk.running ? this.t('accountsConsole.progress', { done: this.number(settled), count: names.count }) : this.t('accountsConsole.doneAll', { ok: this.number(settled - notDone), count: names.count })}
            </p>
            <progress class="h-2 w-full accent-pd-accent" aria-labelledby="bulk-progress-label" max=${bulk.accounts.length} value=${settled}></progress>
          </div>`
        : nothing}
      <ul class="grid max-h-72 gap-1 overflow-auto rounded-pd-sm border border-pd-border bg-pd-surface p-2" aria-label=${this.t('accountsConsole.userView', { user: this.user })}>
        ${bulk.accounts.map((account) => html`<li part="bulk-result" data-id=${account.id} data-result=${this.resultKind(bulk.results.get(account.id))} class="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 px-1 py-1 text-[0.8125rem]">
          ${renderAppIcon(this, account.app, 'size-5 text-[0.5rem]', 'icon')}
          <span class="min-w-0 truncate font-medium" dir="auto">${account.name}</span>
          <span class="text-pd-muted">${account.app.name}</span>
          <span class="ms-auto">${this.renderResult(bulk.results.get(account.id))}</span>
        </li>`)}
      </ul>
      ${!started
        ? inlineConfirm({
            id: 'bulk',
            message: this.t('accountsConsole.confirmRevokeAll', names),
            confirmLabel: this.t('accountsConsole.revokeAllButton', names),
            busyLabel: this.t('accountsConsole.revoking'),
            cancelLabel: this.t('accountsConsole.cancel'),
            busy: false,
            onConfirm: () => void this.runBulk(),
            onCancel: this.closeBulk,
          })
        : bulk.running
          ? nothing
          : html`<div class="flex flex-wrap justify-end gap-2">
              ${notDone ? html`<button part="retry-failed-button" type="button" class="${BUTTON} bg-pd-danger font-semibold text-pd-danger-bg" @click=${() => void this.runBulk()}>${this.t('accountsConsole.retryFailed', { count: this.number(notDone) })}</button>` : nothing}
              <button part="close-bulk" type="button" class=${SECONDARY} @click=${this.closeBulk}>${this.t('accountsConsole.close')}</button>
            </div>`}
    </div>`;
  }

  private resultKind(result: BulkResult | undefined): string {
    if (result === undefined) return 'waiting';
    if (typeof result === 'string') return result;
    return 'failed' in result ? 'failed' : 'unknown';
  }

  private renderResult(result: BulkResult | undefined) {
    if (result === undefined) return nothing;
    if (result === 'pending') return spinner('size-3.5');
    if (result === 'revoked') return html`<span class="text-pd-success">${this.t('accountsConsole.resultOk')}</span>`;
    if (result === 'gone') return html`<span class="text-pd-muted">${this.t('accountsConsole.resultGone')}</span>`;
    if ('failed' in result) return html`<span class="text-pd-danger">${this.t('accountsConsole.resultFailed', { detail: result.failed })}</span>`;
    return html`<span class="text-pd-warning">${this.t('accountsConsole.resultUnknown', { detail: result.unknown })}</span>`;
  }

  private renderBody(phase: Phase): TemplateResult {
    if (phase === 'loading') {
      return html`<div aria-busy="true">
        <span class="sr-only">${this.t('accountsConsole.loading')}</span>
        <div class="shimmer grid overflow-hidden rounded-pd-sm border border-pd-border" aria-hidden="true">
          ${Array.from({ length: 5 }, (_, index) => html`<div part="skeleton" class="flex items-center gap-3 px-3 py-3 ${index ? 'border-t border-pd-border' : ''}">
            <span class="h-3.5 w-32 rounded-full bg-pd-fg/10"></span><span class="size-6 rounded-pd-sm bg-pd-fg/10"></span><span class="h-3.5 flex-1 rounded-full bg-pd-fg/10"></span><span class="h-7 w-20 rounded-pd-sm bg-pd-fg/10"></span>
          </div>`)}
        </div>
      </div>`;
    }
    if (phase === 'error') {
      return html`<div part="error" role="alert" class="flex flex-col items-start gap-3 rounded-pd-sm border border-pd-danger/25 bg-pd-danger-bg p-4">
        <p class="text-pd-danger">${this.errorText(this.loadError)}</p>
        <button part="retry-button" type="button" class=${SECONDARY} @click=${this.retry}>${this.t('accountsConsole.retry')}</button>
      </div>`;
    }
    if (phase === 'empty' || phase === 'no-results') {
      return html`<div part="empty" class="flex flex-col items-center gap-3 px-6 py-9 text-center text-pd-muted">
        <p>${this.t(phase === 'empty' ? 'accountsConsole.empty' : 'accountsConsole.noResults')}</p>
        ${phase === 'no-results' ? html`<button part="clear-button" type="button" class=${SECONDARY} @click=${this.clearFilters}>${this.t('accountsConsole.clear')}</button>` : nothing}
      </div>`;
    }
    const page = this.page as AdminPage;
    // The scrolling box is a tab stop: a keyboard can scroll a table wider than the page.
    return html`<div class="overflow-x-auto rounded-pd-sm border border-pd-border" role="region" tabindex="0" aria-label=${this.t('accountsConsole.caption')} aria-busy=${this.loading ? 'true' : 'false'}>
        <table part="table" class="w-full border-collapse text-start text-[0.8125rem]">
          <caption class="sr-only">${this.t('accountsConsole.caption')}</caption>
          <thead class="bg-pd-muted-bg text-start text-xs text-pd-muted">
            <tr>
              ${(['user', 'app', 'account', 'health', 'created', 'refreshed'] as const).map((column) => html`<th scope="col" class="px-3 py-2 text-start font-medium whitespace-nowrap">${this.t(`accountsConsole.${column}` as const)}</th>`)}
              <th scope="col" class="px-3 py-2 text-end font-medium"><span class="sr-only">${this.t('accountsConsole.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(page.accounts, (account) => account.id, (account) => this.renderRow(account))}
          </tbody>
        </table>
      </div>
      ${this.renderPager(page)}`;
  }

  private renderRow(account: AdminAccount): TemplateResult {
    const confirming = this.confirming === account.id;
    const busy = this.revoking === account.id;
    const names = { account: account.name, app: account.app.name, user: account.externalUserId };
    const error = this.rowErrors.get(account.id);
    return html`<tr part="row" data-id=${account.id} data-health=${account.health} class="border-t border-pd-border align-middle hover:bg-pd-muted-bg/60">
        <td class="max-w-48 px-3 py-2">
          <button part="user-button" type="button" data-user=${account.externalUserId} class="max-w-full truncate rounded-pd-sm text-start font-mono text-xs text-pd-accent underline-offset-2 hover:underline" dir="auto" aria-label=${this.t('accountsConsole.showUser', { user: account.externalUserId })} @click=${() => this.showUser(account.externalUserId)}>${account.externalUserId}</button>
        </td>
        <td class="px-3 py-2"><span class="flex items-center gap-2 whitespace-nowrap">${renderAppIcon(this, account.app, 'size-6 text-[0.5625rem]', 'icon')}${account.app.name}</span></td>
        <td class="max-w-56 truncate px-3 py-2 font-medium" dir="auto" title=${account.error ?? nothing}>${account.name}</td>
        <td class="px-3 py-2"><span part="status" data-health=${account.health} class="inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${HEALTH_TONE[account.health]}">${this.t(HEALTH_LABEL[account.health])}</span></td>
        <td class="px-3 py-2 whitespace-nowrap text-pd-muted">${account.createdAt ? html`<time datetime=${account.createdAt.toISOString()}>${this.formatDate(account.createdAt)}</time>` : this.t('accountsConsole.never')}</td>
        <td class="px-3 py-2 whitespace-nowrap text-pd-muted">${account.lastRefreshedAt ? html`<time datetime=${account.lastRefreshedAt.toISOString()}>${this.formatDate(account.lastRefreshedAt)}</time>` : this.t('accountsConsole.never')}</td>
        <td class="px-3 py-2 text-end">
          ${confirming
            ? nothing
            : html`<button part="revoke-button" type="button" class="${BUTTON} border border-pd-border bg-pd-surface text-pd-fg hover:border-pd-danger/40 hover:bg-pd-danger-bg hover:text-pd-danger" aria-label=${this.t('accountsConsole.revokeLabel', names)} aria-disabled=${this.revoking ? 'true' : 'false'} @click=${() => this.openConfirm(account)}>${this.t('accountsConsole.revoke')}</button>`}
        </td>
      </tr>
      ${confirming
        ? html`<tr class="border-t border-pd-border"><td colspan="7" class="px-3 py-2">${inlineConfirm({
            id: account.id,
            message: this.t('accountsConsole.confirmRevoke', names),
            confirmLabel: this.t('accountsConsole.revoke'),
            busyLabel: this.t('accountsConsole.revoking'),
            cancelLabel: this.t('accountsConsole.cancel'),
            busy,
            ...(error ? { error } : {}),
            announceError: true,
            onConfirm: () => void this.revoke(account),
            onCancel: () => this.cancelConfirm(account),
          })}</td></tr>`
        : nothing}`;
  }

  private openConfirm(account: AdminAccount) {
    if (this.revoking) return;
    this.confirming = account.id;
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>(`#confirm-${CSS.escape(account.id)} [part~="confirm-button"]`);
  }

  private cancelConfirm(account: AdminAccount) {
    if (this.revoking) return;
    this.confirming = undefined;
    const errors = new Map(this.rowErrors);
    errors.delete(account.id);
    this.rowErrors = errors;
    this.pendingFocus = () => this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${CSS.escape(account.id)}"] [part~="revoke-button"]`);
  }

  private renderPager(page: AdminPage): TemplateResult | typeof nothing {
    if (page.total <= this.pageSize && this.offset === 0) return nothing;
    const from = this.offset + 1;
    const to = Math.min(this.offset + page.accounts.length, page.total);
    const previous = this.offset > 0;
    const next = to < page.total;
    return html`<nav part="pager" aria-label=${this.t('accountsConsole.pages')} class="flex flex-wrap items-center justify-end gap-3 text-[0.8125rem] text-pd-muted">
      <span aria-live="polite">${this.t('accountsConsole.range', { from: this.number(from), to: this.number(to), total: this.number(page.total) })}</span>
      <button type="button" class=${SECONDARY} aria-disabled=${previous ? 'false' : 'true'} @click=${() => previous && this.goTo(Math.max(0, this.offset - this.pageSize))}>${this.t('accountsConsole.previous')}</button>
      <button type="button" class=${SECONDARY} aria-disabled=${next ? 'false' : 'true'} @click=${() => next && this.goTo(this.offset + this.pageSize)}>${this.t('accountsConsole.next')}</button>
    </nav>`;
  }
}

PdAccountsConsole.define('pd-accounts-console');

declare global {
  interface HTMLElementTagNameMap {
    'pd-accounts-console': PdAccountsConsole;
  }
}
