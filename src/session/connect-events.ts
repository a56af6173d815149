import type { Translate } from '../i18n/index.js';
import { PdConnectCloseEvent, PdConnectErrorEvent, PdConnectStartEvent, PdConnectSuccessEvent } from '../events/index.js';
import { type ConnectConfig, type ConnectPageRequest, connectPageOptionsFor, connectPageUrl, connectSettingProblem } from './config.js';
import { type ConnectLinkFallback, type ConnectOutcome, runConnectFlow } from './connect-flow.js';
import type { ConnectSession } from './session.js';
import { describeError } from './errors.js';
import type { Account } from './types.js';

export interface ConnectRequest {
  host: HTMLElement;
  session: ConnectSession;
  config: ConnectConfig;
  app: string;
  /** The app's display name, for the frame title and announcements. */
  appName: string;
  /** The element's translator: labels the overlay and phrases the announcements. */
  t: Translate;
  /**
   * What the connect page is asked for explicitly (an element's own attributes); what is not set
   * here comes from the config's per-app maps (`oauthAppConfig`, `oauthScopeProfiles`,
   * `appOverrides`, `customOauthClients`) and `hideClose`.
   */
  page?: ConnectPageRequest;
  accountId?: string;
  mode?: 'iframe' | 'link';
  /** Shows a Connect Link to open by hand when the browser blocks the window (see `ConnectLinkFallback`). */
  onLinkFallback?: (link: ConnectLinkFallback) => void;
  opener?: HTMLElement | null;
  onPhase?: (phase: 'preparing' | 'connecting') => void;
  /** Receives the translated progress message of each phase, for the element's live region. */
  announce?: (message: string) => void;
  /** Called when the account is confirmed, before `pd-connect-success` fires. */
  onConfirmed?: (account: Account) => void;
  /** Called with the outcome before the final events fire, so listeners see the element's new state. */
  onSettled?: (outcome: ConnectOutcome) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Runs a connect flow on behalf of an element and dispatches its events from that element:
 * `pd-connect-start` (cancelable), `pd-connect-success`, `pd-connect-error`, `pd-connect-close`.
 * Returns undefined when a listener cancelled the start.
 */
export async function connectWithEvents(request: ConnectRequest): Promise<ConnectOutcome | undefined> {
  const { host } = request;
  if (!host.dispatchEvent(new PdConnectStartEvent(request.app, request.accountId))) return undefined;
  let announced: Account | undefined;
  const { t, appName } = request;
  // Settings set from script can hold anything: a wrong one is said before any page opens.
  const problem = connectSettingProblem(request.config, request.page);
  if (problem) {
    const message = t(problem.key, problem.values);
    const outcome = { status: 'error', code: 'config_invalid', message, successful: false, completed: false } as const;
    request.onSettled?.(outcome);
    host.dispatchEvent(new PdConnectErrorEvent(outcome.code, message));
    return outcome;
  }
  const outcome = await runConnectFlow({
    session: request.session,
    app: request.app,
    ...connectPageOptionsFor(request.config, request.app, request.page),
    ...(request.accountId ? { accountId: request.accountId } : {}),
    mode: request.mode ?? 'iframe',
    ...(request.onLinkFallback ? { onLinkFallback: request.onLinkFallback } : {}),
    pageUrl: connectPageUrl(request.config.frontendHost),
    timeoutMs: request.config.connectTimeout ?? DEFAULT_TIMEOUT_MS,
    opener: request.opener ?? null,
    frameTitle: t('connect.frameTitle', { app: appName }),
    closeLabel: t('connect.closeOverlay'),
    onPhase: (phase) => {
      request.onPhase?.(phase);
      request.announce?.(t(phase === 'preparing' ? 'status.preparing' : 'status.connecting', { app: appName }));
    },
    onSuccess: (account) => {
      announced = account;
      request.onConfirmed?.(account);
      host.dispatchEvent(new PdConnectSuccessEvent(account, Boolean(request.accountId)));
    },
  });
  request.onSettled?.(outcome);
  if (outcome.status === 'connected' && !announced) {
    host.dispatchEvent(new PdConnectSuccessEvent(outcome.account, Boolean(request.accountId)));
  }
  if (outcome.status === 'error') host.dispatchEvent(new PdConnectErrorEvent(outcome.code, outcome.message, outcome.cause));
  if (outcome.status === 'cancelled') host.dispatchEvent(new PdConnectErrorEvent('user_cancelled', 'The user closed the connect page without connecting'));
  // A flow that never opened a page (busy, token, popup) has nothing to close.
  const opened = outcome.status !== 'error' || outcome.code === 'connect_failed' || outcome.code === 'load_failed';
  if (opened) host.dispatchEvent(new PdConnectCloseEvent(outcome.successful, outcome.completed));
  return outcome;
}

/** What an element says after a connect flow: the live-region text, and for a failure the message its control shows. */
export interface ConnectOutcomeText {
  announcement: string;
  error?: string;
}

/**
 * Phrases a connect outcome (or a flow that threw) in the element's language: connected (with
 * `connectedKey`, default `status.connected`, naming the account or `fallbackName`), cancelled, or
 * the translated error.
 */
export function describeConnectOutcome(
  outcome: ConnectOutcome | { status: 'threw'; error: unknown },
  t: Translate,
  names: { app: string; fallbackName: string; connectedKey?: 'status.connected' | 'form.app.connected' },
): ConnectOutcomeText {
  if (outcome.status === 'connected') {
    return { announcement: t(names.connectedKey ?? 'status.connected', { account: outcome.account.name || names.fallbackName }) };
  }
  if (outcome.status === 'cancelled') return { announcement: t('status.cancelled', { app: names.app }) };
  const error = outcome.status === 'threw'
    ? t('error.connect_failed', { detail: describeError(outcome.error, t) })
    : t(`error.${outcome.code}`, { detail: describeError(outcome.cause ?? outcome.message, t) });
  return { announcement: error, error };
}
