import type { ConnectErrorCode } from '../events/index.js';
import { TokenError, describeError } from './errors.js';
import type { ConnectSession } from './session.js';
import type { Account } from './types.js';

/**
 * What the connect page is asked to do beyond naming the app: the options of the SDK's
 * `connectAccount()`, each sent as its query parameter.
 */
export interface ConnectPageOptions {
  /** Your OAuth client for the app (`oauthAppId`). */
  oauthAppId?: string;
  /** An app override (`appOverrideId`): its pre-defined field values and OAuth client are used. */
  appOverrideId?: string;
  /** Reconnect this account instead of creating one (`accountId`). */
  accountId?: string;
  /** Request only the scopes of this named profile of the app, e.g. `read_only` (`oauthScopeProfile`). */
  oauthScopeProfile?: string;
  /** Hide the page's own close control (`hideClose=true`). */
  hideClose?: boolean;
  /** Ask the user for their own OAuth client credentials (`customOauthClient=true`). */
  customOauthClient?: boolean;
}

/**
 * A Connect Link the user opens themselves: offered when the browser blocked the window, or when
 * the window can no longer be watched (a host page with `Cross-Origin-Opener-Policy` severs it).
 */
export interface ConnectLinkFallback {
  /** The Connect Link page; it carries a single-use token, so show it to this user only. */
  url: string;
  /** `blocked`: no window opened. `unwatchable`: a window opened, but this page lost sight of it. */
  reason: 'blocked' | 'unwatchable';
  /** Call when the user opens the link (its click): the flow then looks for the new account. */
  opened(): void;
  /** Ends the flow as cancelled. */
  cancel(): void;
}

export interface ConnectFlowOptions extends ConnectPageOptions {
  session: ConnectSession;
  app: string;
  mode: 'iframe' | 'link';
  /**
   * Shows a Connect Link the user can open with a click of their own. Without it, a blocked
   * window ends the flow with `popup_blocked`, and an unwatchable one ends it once it reads closed.
   */
  onLinkFallback?: (link: ConnectLinkFallback) => void;
  /** The connect page, e.g. `https://pipedream.com/_static/connect.html`. */
  pageUrl: URL;
  /** Milliseconds the connect page may take to load. */
  timeoutMs: number;
  /** Focus returns here when the flow ends. */
  opener?: HTMLElement | null;
  /** Accessible name of the iframe and of the overlay's close button. */
  frameTitle: string;
  closeLabel: string;
  /** Progress: a token is being fetched, then the page is open. */
  onPhase?: (phase: 'preparing' | 'connecting') => void;
  /** Called as soon as the new account is confirmed with the API (before the page closes). */
  onSuccess?: (account: Account) => void;
}

export type ConnectOutcome =
  | { status: 'connected'; account: Account; successful: true; completed: true }
  | { status: 'cancelled'; successful: false; completed: false }
  | { status: 'error'; code: ConnectErrorCode; message: string; cause?: unknown; successful: false; completed: boolean };

/** Only one connect page may be open on a page at a time. */
let activeFlow = false;

export function isFlowActive(): boolean {
  return activeFlow;
}

const fail = (code: ConnectErrorCode, message: string, cause?: unknown, completed = false): ConnectOutcome => ({
  status: 'error', code, message, cause, successful: false, completed,
});

/**
 * Opens the connect page (iframe overlay, or a Connect Link window), accepts messages only from
 * that page's origin and window, and confirms a success by fetching the new account.
 */
export async function runConnectFlow(options: ConnectFlowOptions): Promise<ConnectOutcome> {
  if (activeFlow) return fail('busy', 'Another connect flow is already open');
  activeFlow = true;
  // Connect Link needs its window opened inside the click, before any await, or it is blocked.
  const popup = options.mode === 'link' ? window.open('', '_blank') : null;
  try {
    if (options.mode === 'link' && !popup && !options.onLinkFallback) return fail('popup_blocked', 'The browser blocked the Connect Link window');
    options.onPhase?.('preparing');
    let token;
    try {
      token = await options.session.tokens.forConnect();
    } catch (error) {
      popup?.close();
      return fail('token_failed', error instanceof TokenError ? error.message : describeError(error), error);
    }
    options.onPhase?.('connecting');
    const outcome = options.mode === 'link' ? await linkFlow(options, popup, token) : await iframeFlow(options, token.token);
    if (outcome.status === 'connected' || options.accountId) void options.session.invalidateAccounts();
    return outcome;
  } finally {
    activeFlow = false;
    if (options.opener?.isConnected) options.opener.focus();
  }
}

function pageUrlFor(options: ConnectFlowOptions, token: string, link: boolean): URL {
  const url = new URL(options.pageUrl.href);
  url.searchParams.set('token', token);
  url.searchParams.set('app', options.app);
  // The SDK's parameters, in its order; flags are sent only when set.
  if (options.oauthAppId) url.searchParams.set('oauthAppId', options.oauthAppId);
  if (options.appOverrideId) url.searchParams.set('appOverrideId', options.appOverrideId);
  if (options.accountId) url.searchParams.set('accountId', options.accountId);
  if (options.hideClose) url.searchParams.set('hideClose', 'true');
  if (options.oauthScopeProfile) url.searchParams.set('oauthScopeProfile', options.oauthScopeProfile);
  if (options.customOauthClient) url.searchParams.set('customOauthClient', 'true');
  if (link) url.searchParams.set('connectLink', 'true');
  return url;
}

async function confirm(options: ConnectFlowOptions, id: unknown): Promise<Account> {
  if (typeof id !== 'string' || !id) throw new Error('The connect page reported success without an account id');
  const account = await options.session.retrieveAccount(id);
  options.onSuccess?.(account);
  return account;
}

const CLOSE_BUTTON_STYLE =
  'position:absolute;top:8px;inset-inline-end:8px;z-index:1;width:36px;height:36px;border-radius:50%;border:1px solid transparent;background:rgba(0,0,0,.55);color:#fff;font:20px/1 system-ui,sans-serif;cursor:pointer;';
/** Out of sight, still focusable and named (the usual screen-reader-only pattern). */
const VISUALLY_HIDDEN = 'width:1px;height:1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;';
/** Below this width a connect page's dialog fills the screen. */
const NARROW_SCREEN = '(max-width: 40rem)';

function iframeFlow(options: ConnectFlowOptions, token: string): Promise<ConnectOutcome> {
  const started = Date.now();
  let closing = false;
  const url = pageUrlFor(options, token, false);
  return new Promise<ConnectOutcome>((resolve) => {
    // A modal dialog: in the top layer above everything, the page behind it inert, Escape closes it.
    const overlay = document.createElement('dialog');
    overlay.setAttribute('data-pd-connect-overlay', '');
    overlay.setAttribute('aria-label', options.frameTitle);
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;overflow:hidden;';
    const iframe = document.createElement('iframe');
    iframe.title = options.frameTitle;
    iframe.src = url.href;
    iframe.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;border:0;background:transparent;color-scheme:normal;';
    // A way out that does not depend on the page inside loading or behaving.
    const close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', options.closeLabel);
    close.textContent = '×';
    close.style.cssText = CLOSE_BUTTON_STYLE;
    // First in the dialog: the first Tab stop, before the page.
    overlay.append(close, iframe);
    // On a narrow screen the loaded page fills the width with its own close button in the same
    // corner: there this one steps out of sight and comes back when the keyboard reaches it.
    let loaded = false;
    const narrow = matchMedia(NARROW_SCREEN);
    const placeClose = () => {
      // With the page's own close hidden (`hideClose`), this one is the only one: it stays.
      const tucked = loaded && !options.hideClose && narrow.matches && !close.matches(':focus-visible');
      close.style.cssText = tucked ? `${CLOSE_BUTTON_STYLE}${VISUALLY_HIDDEN}` : CLOSE_BUTTON_STYLE;
    };

    let confirmed: Account | undefined;
    let confirming: Promise<void> | undefined;
    let reportedError: string | undefined;
    let confirmError: unknown;
    let settled = false;

    let tornDown = false;
    const teardown = () => {
      if (tornDown) return;
      tornDown = true;
      clearTimeout(loadTimer);
      window.removeEventListener('message', onMessage);
      document.removeEventListener('keydown', onKeydown, true);
      narrow.removeEventListener('change', placeClose);
      if (overlay.open) overlay.close();
      overlay.remove();
    };
    const finish = (outcome: ConnectOutcome) => {
      if (settled) return;
      settled = true;
      teardown();
      resolve(outcome);
    };

    const closeFlow = async () => {
      if (closing) return;
      closing = true;
      if (confirming) await confirming;
      if (confirmed) return finish({ status: 'connected', account: confirmed, successful: true, completed: true });
      if (confirmError) return finish(fail('connect_failed', describeError(confirmError), confirmError, true));
      // Pages sometimes lose a real success (an empty error, a close that comes first): an account
      // of this app made or refreshed since the page opened is that success. The page goes at once.
      teardown();
      const found = await changedAccount(options, started).catch(() => undefined);
      if (found) return finish({ status: 'connected', account: found, successful: true, completed: true });
      if (reportedError !== undefined) finish(fail('connect_failed', reportedError || 'The connect page reported an error', undefined, true));
      else finish({ status: 'cancelled', successful: false, completed: false });
    };

    const onMessage = (event: MessageEvent) => {
      // The SDK trusts any window; only the connect page we opened may speak here.
      if (event.origin !== url.origin || event.source !== iframe.contentWindow) return;
      const data = event.data as { type?: unknown; authProvisionId?: unknown; error?: unknown } | null;
      switch (data?.type) {
        case 'success':
          confirming ??= confirm(options, data.authProvisionId).then(
            (account) => { confirmed = account; },
            (error: unknown) => { confirmError = error; },
          );
          break;
        case 'error':
          reportedError = typeof data.error === 'string' ? data.error : '';
          break;
        case 'close':
          void closeFlow();
          break;
      }
    };

    const onKeydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        void closeFlow();
      }
    };

    // Cross-origin frames give no error event: a page that never loads only shows as silence.
    const loadTimer = setTimeout(() => finish(fail('load_failed', `The connect page did not load within ${options.timeoutMs} ms`)), options.timeoutMs);
    iframe.addEventListener('load', () => {
      clearTimeout(loadTimer);
      loaded = true;
      placeClose();
      // Focus stays in the overlay: Escape keeps working until the user moves into the page.
    }, { once: true });
    // An error page loads like any other page: where the page's host lets it be read, its status says so.
    void probeStatus(url, options.timeoutMs).then((status) => {
      if (status !== undefined && status >= 400) finish(fail('load_failed', `The connect page answered HTTP ${status}`));
    });
    close.addEventListener('click', () => void closeFlow());
    close.addEventListener('focus', placeClose);
    close.addEventListener('blur', placeClose);
    // A key pressed while it has focus makes its focus ring show: then it shows too.
    close.addEventListener('keyup', placeClose);
    narrow.addEventListener('change', placeClose);
    window.addEventListener('message', onMessage);
    document.addEventListener('keydown', onKeydown, true);
    // Escape is handled by the keydown listener above; the dialog must not close itself outside the flow.
    overlay.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(overlay);
    if (typeof overlay.showModal === 'function') overlay.showModal();
    else overlay.setAttribute('open', '');
    close.focus();
  });
}

/**
 * The HTTP status of the connect page (without the token), when its host allows it to be read
 * (CORS); undefined when it does not, or when no answer comes in time. A frame's own status is
 * hidden from the page that embeds it, even when the frame shows a server error.
 */
async function probeStatus(url: URL, timeoutMs: number): Promise<number | undefined> {
  try {
    const response = await fetch(`${url.origin}${url.pathname}`, { mode: 'cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    void response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

/** A window that reads closed this soon after it was sent to the page was severed, not closed by the user. */
const SEVERED_WITHIN_MS = 2000;
/** How often a Connect Link opened out of sight is looked for, while this page is visible. */
const LINK_POLL_MS = 3000;
/** The longest a Connect Link opened out of sight is waited for (also bounded by its token). */
const LINK_WAIT_MS = 30 * 60_000;

/** Connect Link: no messages come back, so watch the window (or the user's return) and then look for the account. */
async function linkFlow(options: ConnectFlowOptions, popup: Window | null, token: { token: string; expiresAt?: Date }): Promise<ConnectOutcome> {
  const started = Date.now();
  const url = pageUrlFor(options, token.token, true);
  if (popup) {
    try {
      popup.opener = null;
    } catch {
      // Some browsers make `opener` read-only; the page is ours to load anyway.
    }
    popup.location.href = url.href;
    const sent = Date.now();
    while (!popup.closed) await new Promise((resolve) => setTimeout(resolve, 500));
    // Under `Cross-Origin-Opener-Policy` the handle reads closed as soon as the page loads, while
    // the user is still connecting there: only the account (or the user) can say when it is done.
    if (Date.now() - sent >= SEVERED_WITHIN_MS || !options.onLinkFallback) return lookForAccount(options, started);
    const found = await changedAccount(options, started).catch(() => undefined);
    if (found) return connectedWith(found);
    return awaitLink(options, started, url, 'unwatchable', token.expiresAt);
  }
  return awaitLink(options, started, url, 'blocked', token.expiresAt);
}

const connectedWith = (account: Account): ConnectOutcome => ({ status: 'connected', account, successful: true, completed: true });

async function lookForAccount(options: ConnectFlowOptions, started: number): Promise<ConnectOutcome> {
  try {
    const account = await changedAccount(options, started);
    return account ? connectedWith(account) : { status: 'cancelled', successful: false, completed: false };
  } catch (error) {
    return fail('connect_failed', describeError(error), error, true);
  }
}

/**
 * Offers the Connect Link to open by hand and waits for its account: looked for when the user
 * comes back to this page and every few seconds while it shows, until the user cancels or the
 * link's token lapses.
 */
function awaitLink(options: ConnectFlowOptions, started: number, url: URL, reason: ConnectLinkFallback['reason'], expiresAt?: Date): Promise<ConnectOutcome> {
  return new Promise<ConnectOutcome>((resolve) => {
    let settled = false;
    let watching = false;
    let looking = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const deadline = Math.min(started + LINK_WAIT_MS, expiresAt?.getTime() ?? Infinity);
    const finish = (outcome: ConnectOutcome) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(expiry);
      window.removeEventListener('focus', look);
      document.removeEventListener('visibilitychange', look);
      resolve(outcome);
    };
    // A return to this page is always worth a look (the link may have been opened from its context
    // menu, which clicks nothing); the timed looks start with the click.
    const look = () => {
      if (looking || settled || document.visibilityState === 'hidden') return;
      looking = true;
      // A failed read is asked again at the next look: only the deadline ends the wait.
      changedAccount(options, started).then(
        (account) => { if (account) finish(connectedWith(account)); },
        () => undefined,
      ).finally(() => { looking = false; });
    };
    const watch = () => {
      if (settled || watching) return;
      watching = true;
      poll = setInterval(look, LINK_POLL_MS);
    };
    const expiry = setTimeout(() => {
      void changedAccount(options, started).catch(() => undefined).then((account) => {
        finish(account ? connectedWith(account) : fail('connect_failed', 'No account was connected before the Connect Link expired'));
      });
    }, Math.max(0, deadline - Date.now()));
    window.addEventListener('focus', look);
    document.addEventListener('visibilitychange', look);
    // A window is already open: watch at once.
    if (reason === 'unwatchable') watch();
    options.onLinkFallback?.({
      url: url.href,
      reason,
      opened: watch,
      cancel: () => finish({ status: 'cancelled', successful: false, completed: false }),
    });
  });
}

/** The account this flow made (or, for a reconnect, refreshed) since `started`, confirmed with the API; undefined when there is none. */
async function changedAccount(options: ConnectFlowOptions, started: number): Promise<Account | undefined> {
  const { accounts } = await options.session.listAccounts({ app: options.app }, undefined, 50);
  const changed = accounts.find((account) =>
    options.accountId
      ? account.id === options.accountId && (account.updatedAt?.getTime() ?? 0) >= started - 1000
      : (account.createdAt?.getTime() ?? 0) >= started - 1000,
  );
  return changed ? confirm(options, changed.id) : undefined;
}
