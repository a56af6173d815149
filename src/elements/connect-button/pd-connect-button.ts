import { AppsClient } from '@pipedream/sdk/apps';
import { bundleForFirstRender } from '../../session/session.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PdElement } from '../../base/pd-element.js';
import { PdConnectErrorEvent } from '../../events/index.js';
import { type ConnectPageRequest, connectSettingProblem } from '../../session/config.js';
import { connectWithEvents, describeConnectOutcome } from '../../session/connect-events.js';
import type { ConnectLinkFallback, ConnectOutcome } from '../../session/connect-flow.js';
import type { ConnectSession } from '../../session/session.js';
import { ApiError } from '../../session/errors.js';
import { onNetworkBack } from '../../session/network-back.js';
import type { Account, App } from '../../session/types.js';
import { checkPath, spinner } from '../shared/icons.js';
import { styles } from './pd-connect-button.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ apps: AppsClient });

type ButtonState = 'idle' | 'preparing' | 'connecting' | 'connected' | 'error';

const MODES = ['iframe', 'link'];

/**
 * @tag pd-connect-button
 * @summary A button that connects the user's account for one app through Pipedream Connect.
 *
 * Opens Pipedream's connect page (an iframe overlay, or Connect Link in a new window with
 * `mode="link"`), confirms the new account with the API, and announces it. Set `account-id` to
 * reconnect an existing account. The token for the flow is fetched on hover or focus, so the
 * page opens fast. The connect page's options (`oauth-scope-profile`, `app-override-id`,
 * `custom-oauth-client`, `oauth-app-id`, `hide-close`) override the per-app maps of a provider or
 * `configure()` (`oauthScopeProfiles`, `appOverrides`, `customOauthClients`, `oauthAppConfig`).
 *
 * When the browser blocks the Connect Link window, the button offers a link to open it with a
 * click of the user's own (which is not blocked) and a Cancel button; the new account is looked
 * for when the user comes back to the page.
 *
 * @slot - The button's label (default: "Connect {App}").
 * @slot icon - An icon before the label (default: the app's logo).
 *
 * @csspart button - The native `<button>`.
 * @csspart icon - The icon box.
 * @csspart label - The label text.
 * @csspart spinner - The progress indicator while preparing or connecting.
 * @csspart error - The message shown for a configuration or connect error.
 * @csspart fallback - The box offering the Connect Link to open by hand (the window was blocked, or cannot be watched).
 * @csspart fallback-link - The link that opens the Connect Link page in a new tab.
 * @csspart fallback-cancel - The button that ends a connect waiting on that link.
 *
 * @cssstate idle - Ready to connect.
 * @cssstate preparing - Fetching a token.
 * @cssstate connecting - The connect page is open.
 * @cssstate connected - An account was just connected.
 * @cssstate error - The last attempt failed, or the element is misconfigured.
 *
 * @cssprop [--pd-color-accent=#4f46e5] - Button background.
 * @cssprop --pd-color-accent-hover - Button background on hover (default: the accent, a step darker, or lighter under black text).
 * @cssprop --pd-color-on-accent - Button text (default: white or black, whichever reads better on the accent).
 * @cssprop [--pd-color-danger=#b91c1c] - Error text.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Corner radius.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdConnectStartEvent} pd-connect-start - Before the flow opens; cancelable. `detail`-free: read `event.app`, `event.accountId`.
 * @fires {PdConnectSuccessEvent} pd-connect-success - The account is connected and confirmed: `event.account`, `event.reconnected`.
 * @fires {PdConnectErrorEvent} pd-connect-error - The flow failed or was cancelled: `event.code` (`config_invalid`, `token_failed`, `load_failed`, `popup_blocked`, `busy`, `user_cancelled`, `connect_failed`), `event.message`.
 * @fires {PdConnectCloseEvent} pd-connect-close - The connect page closed: `event.successful`, `event.completed`.
 */
export class PdConnectButton extends PdElement {
  static override styles = styles;

  /** Slug of the app to connect, e.g. `slack`. */
  @property() app = '';
  /** Use your own OAuth client for this app (overrides the provider's `oauthAppConfig`). */
  @property({ attribute: 'oauth-app-id' }) oauthAppId?: string;
  /** Reconnect this account (`apn_…`) instead of adding one. */
  @property({ attribute: 'account-id' }) accountId?: string;
  /**
   * Ask only for the scopes of this named scope profile of the app (`read_only`, `read_write`,
   * `admin`: the app's `scope_profiles`), for least privilege. Overrides the provider's
   * `oauthScopeProfiles` entry; a profile the app lacks makes the connect page report an error.
   */
  @property({ attribute: 'oauth-scope-profile' }) oauthScopeProfile?: string;
  /** Connect through this app override (`ao_…`: pre-defined field values, its OAuth client). Overrides the provider's `appOverrides` entry. */
  @property({ attribute: 'app-override-id' }) appOverrideId?: string;
  /** Ask the user for their own OAuth client credentials instead of a shared client (or the provider's `customOauthClients` entry). */
  @property({ attribute: 'custom-oauth-client', type: Boolean }) customOauthClient = false;
  /**
   * `iframe` (default): an overlay on this page. `link`: Connect Link in a new window, for pages
   * where the overlay cannot work: in-app webviews, iframes with a restrictive `sandbox`, strict
   * frame policies, and OAuth apps on a page served with `Cross-Origin-Opener-Policy: same-origin`.
   */
  @property() mode: 'iframe' | 'link' = 'iframe';
  /** The button text, instead of "Connect {App}". */
  @property() label?: string;

  @state() private phase: ButtonState = 'idle';
  @state() private errorMessage = '';
  @state() private appInfo?: App;
  @state() private connected?: Account;
  @state() private announcement = '';
  @state() private logoLoaded = false;
  /** The Connect Link to open by hand while the flow waits on it. */
  @state() private linkFallback?: ConnectLinkFallback & { clicked: boolean };
  /** The session and slug the app was looked up for: a new base URL or user means a new lookup. */
  private appRequest?: { session: ConnectSession; slug: string };

  private stopNetworkBack?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopNetworkBack = onNetworkBack(() => {
      if (!this.appInfo) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopNetworkBack?.();
  }

  protected override validateConfig(): string | undefined {
    if (!this.app) return this.t('error.config_invalid', { detail: this.t('config.missingApp') });
    if (!MODES.includes(this.mode)) return this.t('error.config_invalid', { detail: this.t('config.badMode', { value: this.mode }) });
    const pageProblem = connectSettingProblem({}, this.pageRequest());
    if (pageProblem) return this.t('error.config_invalid', { detail: this.t(pageProblem.key, pageProblem.values) });
    const shared = super.validateConfig();
    return shared ? this.t('error.config_invalid', { detail: shared }) : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    for (const name of ['idle', 'preparing', 'connecting', 'connected', 'error']) {
      this.setState(name, (this.configError ? 'error' : this.phase) === name);
    }
    this.loadApp();
  }

  /** Looks the app up once per slug for its name and logo; the label falls back to the slug. */
  private loadApp(): void {
    const session = this.session;
    if (!session || (this.appRequest?.session === session && this.appRequest.slug === this.app)) return;
    const slug = this.app;
    this.appRequest = { session, slug };
    this.appInfo = undefined;
    this.logoLoaded = false;
    // The lookup is shared page-wide (other elements may wait for it): a newer slug drops its answer.
    session.app(slug).then(
      (app) => {
        if (this.app === slug) this.appInfo = app;
      },
      (error: unknown) => {
        if (this.app !== slug) return;
        if (error instanceof ApiError && error.status === 404) {
          this.phase = 'error';
          this.errorMessage = this.t('error.config_invalid', { detail: `app "${slug}" does not exist.` });
        } else if (this.appRequest?.slug === slug) {
          // Looked up again once the network may be back; the label shows the slug until then.
          this.appRequest = undefined;
        }
      },
    );
  }

  /** What this button asks the connect page for itself; the provider's maps fill in the rest. */
  private pageRequest(): ConnectPageRequest {
    return {
      oauthAppId: this.oauthAppId,
      oauthScopeProfile: this.oauthScopeProfile,
      appOverrideId: this.appOverrideId,
      // Unset, the provider's `customOauthClients` entry decides.
      ...(this.customOauthClient ? { customOauthClient: true } : {}),
    };
  }

  private get appName(): string {
    return this.appInfo?.name ?? this.app.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  }

  private prefetch = () => {
    if (this.phase === 'idle' || this.phase === 'connected' || this.phase === 'error') this.session?.tokens.prefetchForConnect();
  };

  private async onClick() {
    if (this.configError) {
      this.emit(new PdConnectErrorEvent('config_invalid', this.configError));
      return;
    }
    const session = this.session;
    if (!session || this.phase === 'preparing' || this.phase === 'connecting') return;
    const app = this.appName;
    this.errorMessage = '';
    await connectWithEvents({
      ...this.connectContext(session),
      app: this.app,
      appName: app,
      page: this.pageRequest(),
      ...(this.accountId ? { accountId: this.accountId } : {}),
      mode: this.mode as 'iframe' | 'link',
      opener: this,
      onLinkFallback: (link) => void this.offerLink(link, app),
      onPhase: (phase) => (this.phase = phase),
      announce: (message) => (this.announcement = message),
      onConfirmed: (account) => this.settle({ status: 'connected', account, successful: true, completed: true }, app),
      onSettled: (outcome) => this.settle(outcome, app),
    });
  }

  /** Shows the Connect Link to open by hand, and moves focus to it: it is the next step. */
  private async offerLink(link: ConnectLinkFallback, app: string): Promise<void> {
    this.linkFallback = { ...link, clicked: false };
    if (link.reason === 'blocked') this.announcement = this.t('status.linkBlocked', { app });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="fallback-link"]')?.focus();
  }

  private onFallbackClick = () => {
    const link = this.linkFallback;
    if (!link) return;
    link.opened();
    if (!link.clicked) this.linkFallback = { ...link, clicked: true };
  };

  private onFallbackCancel = () => this.linkFallback?.cancel();

  private settle(outcome: ConnectOutcome, app: string): void {
    if (this.linkFallback) {
      // Focus on the link or its Cancel would go with them: it returns to the button.
      const focusInFallback = Boolean(this.renderRoot.querySelector('[part~="fallback"]')?.contains((this.renderRoot as ShadowRoot).activeElement));
      this.linkFallback = undefined;
      if (focusInFallback) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~="button"]')?.focus());
    }
    const text = describeConnectOutcome(outcome, this.t, { app, fallbackName: app });
    this.announcement = text.announcement;
    this.errorMessage = text.error ?? '';
    this.phase = outcome.status === 'connected' ? 'connected' : outcome.status === 'cancelled' ? 'idle' : 'error';
    if (outcome.status === 'connected') this.connected = outcome.account;
    // Custom states follow the phase at once, so event listeners see them.
    for (const name of ['idle', 'preparing', 'connecting', 'connected', 'error']) this.setState(name, this.phase === name);
  }

  private renderIcon() {
    if (this.phase === 'preparing' || this.phase === 'connecting') {
      return spinner('size-4', 'spinner');
    }
    if (this.phase === 'connected') {
      return html`<svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">${checkPath}</svg>`;
    }
    // The generic icon shows until the logo has actually loaded: offline or blocked logos never flash broken.
    const fallback = html`<svg class=${this.logoLoaded ? 'hidden' : 'size-4'} viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M8.5 3a1 1 0 0 1 1 1v1.5h1V4a1 1 0 1 1 2 0v1.5h.5a1 1 0 0 1 1 1V9a4.5 4.5 0 0 1-3.5 4.39V16a1 1 0 1 1-2 0v-2.61A4.5 4.5 0 0 1 5 9V6.5a1 1 0 0 1 1-1h1.5V4a1 1 0 0 1 1-1Z"></path></svg>`;
    if (!this.appInfo?.imgSrc) return fallback;
    return html`${fallback}<img
        class=${this.logoLoaded ? 'size-5 rounded-pd-sm bg-white object-contain p-px' : 'hidden'}
        src=${this.appInfo.imgSrc}
        alt=""
        referrerpolicy="no-referrer"
        @load=${() => (this.logoLoaded = true)}
      />`;
  }

  private labelText(): string {
    const app = this.appName;
    if (this.label) return this.label;
    switch (this.phase) {
      case 'preparing':
        return this.t('connect.preparing');
      case 'connecting':
        return this.t('connect.connecting', { app });
      case 'connected':
        return this.t('connect.connected', { account: this.connected?.name ?? app });
      case 'error':
        return this.configError ? this.t('connect.label', { app }) : this.t('connect.retry', { app });
      default:
        return this.accountId ? this.t('connect.reconnectLabel', { app }) : this.app ? this.t('connect.label', { app }) : this.t('connect.labelGeneric');
    }
  }

  private renderLinkFallback() {
    const link = this.linkFallback;
    if (!link) return nothing;
    const text = link.clicked ? 'connect.linkOpened' : link.reason === 'blocked' ? 'connect.linkBlocked' : 'connect.linkUnwatchable';
    return html`<div part="fallback" class="flex max-w-prose flex-col items-start gap-1.5 rounded-pd border border-pd-border bg-pd-surface p-2.5 text-[0.8125rem]">
      <p>${this.t(text)}</p>
      <div class="flex flex-wrap items-center gap-3">
        <a
          part="fallback-link"
          href=${link.url}
          target="_blank"
          rel="noopener noreferrer"
          class="rounded-pd-sm font-semibold text-pd-accent underline underline-offset-2"
          @click=${this.onFallbackClick}
          @auxclick=${this.onFallbackClick}
        >${this.t('connect.openLink', { app: this.appName })}</a>
        <button part="fallback-cancel" type="button" class="rounded-pd-sm px-2 py-1 font-semibold text-pd-muted hover:bg-pd-muted-bg" @click=${this.onFallbackCancel}>${this.t('connect.cancelLink')}</button>
      </div>
    </div>`;
  }

  protected override render() {
    const busy = this.phase === 'preparing' || this.phase === 'connecting';
    const message = this.configError ?? (this.phase === 'error' ? this.errorMessage : '');
    return html`
      <div class="flex flex-col items-start gap-1.5" dir=${this.direction} lang=${this.localeCode}>
        <button
          part="button"
          type="button"
          class="inline-flex min-h-9 max-w-full items-center gap-2 rounded-pd bg-pd-accent px-3.5 py-2 font-semibold text-pd-on-accent shadow-pd transition-colors hover:bg-pd-accent-hover aria-busy:cursor-progress aria-busy:opacity-80 aria-disabled:not-aria-busy:cursor-not-allowed aria-disabled:not-aria-busy:bg-pd-muted-bg aria-disabled:not-aria-busy:text-pd-muted aria-disabled:not-aria-busy:shadow-none"
          aria-disabled=${busy || this.configError ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          aria-describedby=${message ? 'message' : nothing}
          @click=${this.onClick}
          @pointerenter=${this.prefetch}
          @focus=${this.prefetch}
        >
          <span part="icon" class="inline-flex shrink-0 items-center"><slot name="icon">${this.renderIcon()}</slot></span>
          <span part="label" class="truncate"><slot>${this.labelText()}</slot></span>
        </button>
        ${message
          ? html`<p id="message" part="error" class="max-w-prose text-[0.8125rem] text-pd-danger">${message}</p>`
          : nothing}
        ${this.renderLinkFallback()}
        <span class="sr-only" role="status" aria-live="polite">${this.announcement}</span>
      </div>
    `;
  }
}

PdConnectButton.define('pd-connect-button');

declare global {
  interface HTMLElementTagNameMap {
    'pd-connect-button': PdConnectButton;
  }
}
