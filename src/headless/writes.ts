import { type ActionRunResult, PdDisconnectEvent, PdDisconnectRequestEvent } from '../events/index.js';
import { translator, resolveLocale } from '../i18n/index.js';
import { deployTrigger, runAction } from '../session/component-calls.js';
import type { ConnectConfig } from '../session/config.js';
import { connectWithEvents } from '../session/connect-events.js';
import type { ConnectLinkFallback, ConnectOutcome } from '../session/connect-flow.js';
import { ApiError, isOutcomeUnknown } from '../session/errors.js';
import { HOST_EXECUTE_TIMEOUT_MS, HOST_WRITE_TIMEOUT_MS, writeThrough } from '../session/host-endpoints.js';
import type { ConnectSession, DeployedTrigger } from '../session/session.js';
import type { Account } from '../session/types.js';

export type { ActionRunResult, ConnectLinkFallback, ConnectOutcome };

/** What `connect()` opens: one app's connect page (or Connect Link window), for a new account or to reconnect one. */
export interface ConnectOptions {
  app: string;
  /** The app's display name, for the frame's title and the announcements (default: the slug). */
  appName?: string;
  /** Reconnect this account instead of adding one. */
  accountId?: string;
  /** An OAuth client of yours for this app (default: `oauthAppConfig[app]`). */
  oauthAppId?: string;
  /** Ask only for this scope profile's scopes, e.g. `read_only` (default: `oauthScopeProfiles[app]`). */
  oauthScopeProfile?: string;
  /** Connect through this app override, `ao_…` (default: `appOverrides[app]`). */
  appOverrideId?: string;
  /** Ask the user for their own OAuth client credentials (default: `customOauthClients[app]`). */
  customOauthClient?: boolean;
  /** Hide the connect page's own close control (default: `config.hideClose`). */
  hideClose?: boolean;
  /** `link` opens Connect Link in a new window: call `connect()` inside the click handler, before any `await`. */
  mode?: 'iframe' | 'link';
  /**
   * Link mode: when the browser blocks the window (or it cannot be watched), show `link.url` as
   * an `<a target="_blank" rel="noopener">` the user clicks, call `link.opened()` on that click and
   * offer `link.cancel()`; the outcome comes once the account is found. Without it a blocked
   * window resolves to the `popup_blocked` error.
   */
  onLinkFallback?: (link: ConnectLinkFallback) => void;
  /**
   * The element the flow's events are dispatched from (`pd-connect-start`, cancelable,
   * `pd-connect-success`, `pd-connect-error`, `pd-connect-close`), and where focus returns
   * when the page closes (default: `document.body`, and focus stays where it was).
   */
  target?: HTMLElement;
  /** Where the connect page lives, its load timeout, the language of its frame title, the per-app maps: as for the elements. */
  config?: Pick<
    ConnectConfig,
    'frontendHost' | 'connectTimeout' | 'locale' | 'strings' | 'oauthAppConfig' | 'oauthScopeProfiles' | 'appOverrides' | 'customOauthClients' | 'hideClose'
  >;
}

/**
 * Opens the connect flow for the session's user, exactly as `<pd-connect-button>` does (one flow
 * per page at a time, a fresh token, messages accepted only from the connect page, the account
 * confirmed before success). On success every account store and `<pd-account-list>` of the user
 * refreshes. Resolves to the outcome (`connected` with the account, `cancelled`, or `error` with
 * a code); `undefined` when a `pd-connect-start` listener cancelled it. Never rejects for a failed flow.
 */
export function connect(session: ConnectSession, options: ConnectOptions): Promise<ConnectOutcome | undefined> {
  const config: ConnectConfig = options.config ?? {};
  return connectWithEvents({
    host: options.target ?? document.body,
    session,
    config,
    app: options.app,
    appName: options.appName ?? options.app,
    t: translator(resolveLocale(config.locale), config.strings),
    page: {
      oauthAppId: options.oauthAppId,
      oauthScopeProfile: options.oauthScopeProfile,
      appOverrideId: options.appOverrideId,
      customOauthClient: options.customOauthClient,
      hideClose: options.hideClose,
    },
    ...(options.accountId ? { accountId: options.accountId } : {}),
    mode: options.mode ?? 'iframe',
    opener: options.target ?? null,
    ...(options.onLinkFallback ? { onLinkFallback: options.onLinkFallback } : {}),
  });
}

/** Your own route for a write instead of the Connect API: your code, or your server's endpoint (POST JSON). */
export interface WriteRoute<TCallback> {
  callback?: TCallback;
  endpoint?: string;
}

export interface DisconnectOptions extends WriteRoute<(account: Account) => Promise<void>> {
  /** Where `pd-disconnect-request` (cancelable) and `pd-disconnect` are dispatched from (default: `document.body`). */
  target?: HTMLElement;
}

/**
 * Disconnects (deletes) an account, as `<pd-account-list>` does: `pd-disconnect-request` first
 * (a listener may `preventDefault()` to keep it: resolves `'kept'`), then one delete through
 * `callback`, `endpoint` (POST `{"account_id", "external_user_id"}`) or the Connect API, never
 * retried. Afterwards every account store and list of the user refreshes, and `pd-disconnect`
 * fires. A failure rejects; `isOutcomeUnknown(error)` says when the delete may have happened anyway.
 */
export async function disconnect(session: ConnectSession, account: Account, options: DisconnectOptions = {}): Promise<'disconnected' | 'kept'> {
  const target = options.target ?? document.body;
  if (!target.dispatchEvent(new PdDisconnectRequestEvent(account))) return 'kept';
  const { callback, endpoint } = options;
  try {
    await writeThrough({
      callback: callback && (() => callback(account)),
      endpoint: endpoint
        ? { what: 'disconnect', url: endpoint, body: { account_id: account.id, external_user_id: session.externalUserId }, timeoutMs: HOST_WRITE_TIMEOUT_MS, read: () => undefined }
        : undefined,
      api: () => session.deleteAccount(account.id),
    });
  } catch (error) {
    // It may be gone: the lists refetch to show which.
    if (isOutcomeUnknown(error)) void session.invalidateAccounts();
    throw error;
  }
  void session.invalidateAccounts();
  target.dispatchEvent(new PdDisconnectEvent(account));
  return 'disconnected';
}

/** What `run()` sends: the component and its configured props, as a form collects them. */
export interface RunParams {
  componentKey: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  /** A File Stash to sync `/tmp` with, or `"NEW"` (`stash_id`). */
  stashId?: string;
}

export type RunOptions = WriteRoute<(request: RunParams & { externalUserId: string }) => Promise<ActionRunResult>>;

/**
 * Runs an action for the session's user, as `<pd-action-form>` does: sent once through
 * `callback`, `endpoint` (POST `{id, external_user_id, configured_props, dynamic_props_id,
 * stash_id}`) or the Connect API, never retried. Resolves to the result (an action that threw
 * reports it in `result.os`); rejects when no result came, with `isOutcomeUnknown(error)` true
 * when the action may have run.
 */
export async function run(session: ConnectSession, params: RunParams, options: RunOptions = {}): Promise<ActionRunResult> {
  const { callback, endpoint } = options;
  const result = await writeThrough<ActionRunResult>({
    callback: callback && (() => callback({ ...params, externalUserId: session.externalUserId })),
    endpoint: endpoint
      ? {
          what: 'run',
          url: endpoint,
          body: { id: params.componentKey, external_user_id: session.externalUserId, configured_props: params.configuredProps, dynamic_props_id: params.dynamicPropsId, stash_id: params.stashId },
          timeoutMs: HOST_EXECUTE_TIMEOUT_MS,
          read: (answer) => {
            const body = answer as (ActionRunResult & { stash_id?: string }) | undefined;
            return { ...body, ...(body?.stash_id !== undefined ? { stashId: body.stash_id } : {}) };
          },
        }
      : undefined,
    api: async () => (await runAction(session, params)) as ActionRunResult,
  });
  return result ?? {};
}

/** What `deploy()` sends: the trigger's configuration and where its events go. */
export interface DeployParams {
  componentKey: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  webhookUrl?: string;
  /** Emit the trigger's sample events on deploy (default `true`). */
  emitOnDeploy?: boolean;
}

export type DeployOptions = WriteRoute<(request: DeployParams & { externalUserId: string; emitOnDeploy: boolean }) => Promise<DeployedTrigger>>;

/** A deploy endpoint's answer (snake_case, maybe under `data`) as the SDK's camelCase trigger. */
function triggerFromWire(body: unknown): DeployedTrigger {
  const outer = body as { data?: unknown } | undefined;
  const data = (outer && typeof outer === 'object' && outer.data && typeof outer.data === 'object' ? outer.data : body) as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object' || typeof data.id !== 'string') {
    throw new ApiError('The deploy endpoint answered something that is not a deployed trigger', undefined, { reason: 'unreadable', outcomeUnknown: true });
  }
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase()), value])) as unknown as DeployedTrigger;
}

/**
 * Deploys a trigger for the session's user, as `<pd-trigger-form>` does: sent once through
 * `callback`, `endpoint` or the Connect API, never retried; the user's deployed-trigger lists
 * refresh. Rejects on failure, with `isOutcomeUnknown(error)` true when it may have been deployed
 * (look at the user's deployed triggers before deploying again).
 */
export async function deploy(session: ConnectSession, params: DeployParams, options: DeployOptions = {}): Promise<DeployedTrigger> {
  const { callback, endpoint } = options;
  const request = { ...params, emitOnDeploy: params.emitOnDeploy !== false };
  try {
    return await writeThrough<DeployedTrigger>({
      callback: callback && (() => callback({ ...request, externalUserId: session.externalUserId })),
      endpoint: endpoint
        ? {
            what: 'deploy',
            url: endpoint,
            body: {
              id: params.componentKey,
              external_user_id: session.externalUserId,
              configured_props: params.configuredProps,
              dynamic_props_id: params.dynamicPropsId,
              webhook_url: params.webhookUrl,
              emit_on_deploy: request.emitOnDeploy,
            },
            timeoutMs: HOST_EXECUTE_TIMEOUT_MS,
            read: triggerFromWire,
          }
        : undefined,
      api: () => deployTrigger(session, request),
    });
  } finally {
    void session.invalidateDeployedTriggers();
  }
}
