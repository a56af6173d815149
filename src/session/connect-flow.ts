import type { ConnectErrorCode } from '../events/index.js';
import { TokenError, describeError } from './errors.js';
import type { ConnectSession } from './session.js';
import type { Account } from './types.js';

export interface ConnectFlowOptions {
  session: ConnectSession;
  app: string;
  oauthAppId?: string;
  /** Reconnect this account instead of creating one. */
  accountId?: string;
  mode: 'iframe' | 'link';
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
    if (options.mode === 'link' && !popup) return fail('popup_blocked', 'The browser blocked the Connect Link window');
    options.onPhase?.('preparing');
    let token;
    try {
      token = await options.session.tokens.forConnect();
    } catch (error) {
      popup?.close();
      return fail('token_failed', error instanceof TokenError ? error.message : describeError(error), error);
    }
    options.onPhase?.('connecting');
    const outcome = popup ? await linkFlow(options, popup, token) : await iframeFlow(options, token.token);
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
  if (options.oauthAppId) url.searchParams.set('oauthAppId', options.oauthAppId);
  if (options.accountId) url.searchParams.set('accountId', options.accountId);
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
      const tucked = loaded && narrow.matches && !close.matches(':focus-visible');
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

/** Connect Link: no messages come back, so watch the window and then look for the account. */
async function linkFlow(options: ConnectFlowOptions, popup: Window, token: { token: string; connectLinkUrl?: string }): Promise<ConnectOutcome> {
  const started = Date.now();
  const url = pageUrlFor(options, token.token, true);
  try {
    popup.opener = null;
  } catch {
    // Some browsers make `opener` read-only; the page is ours to load anyway.
  }
  popup.location.href = url.href;
  while (!popup.closed) await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    const account = await changedAccount(options, started);
    return account ? { status: 'connected', account, successful: true, completed: true } : { status: 'cancelled', successful: false, completed: false };
  } catch (error) {
    return fail('connect_failed', describeError(error), error, true);
  }
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
