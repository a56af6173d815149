import type { DeployedTrigger } from '../session/session.js';
import type { Component } from '@pipedream/sdk/browser';
import type { Account, App } from '../session/types.js';

/**
 * Why a connect flow failed. A closed set, so hosts can switch on it:
 * - `config_invalid`: the element is missing `app`, a user id or a token source.
 * - `token_failed`: the token endpoint or callback failed (see `cause`).
 * - `load_failed`: the connect page did not load in time.
 * - `popup_blocked`: Connect Link mode could not open a window.
 * - `busy`: another connect flow is already open on this page.
 * - `user_cancelled`: the user closed the connect page without connecting.
 * - `connect_failed`: the connect page reported an error, or the new account could not be confirmed.
 */
export type ConnectErrorCode = 'config_invalid' | 'token_failed' | 'load_failed' | 'popup_blocked' | 'busy' | 'user_cancelled' | 'connect_failed';

const init = { bubbles: true, composed: true } as const;

/** Fired before a connect flow opens; `preventDefault()` stops it. */
export class PdConnectStartEvent extends Event {
  static readonly eventName = 'pd-connect-start';
  constructor(readonly app: string, readonly accountId?: string) {
    super(PdConnectStartEvent.eventName, { ...init, cancelable: true });
  }
}

/** Fired once the new (or reconnected) account has been confirmed with the API. */
export class PdConnectSuccessEvent extends Event {
  static readonly eventName = 'pd-connect-success';
  constructor(readonly account: Account, readonly reconnected: boolean) {
    super(PdConnectSuccessEvent.eventName, init);
  }
}

/** Fired when a connect flow fails or is cancelled. */
export class PdConnectErrorEvent extends Event {
  static readonly eventName = 'pd-connect-error';
  constructor(readonly code: ConnectErrorCode, readonly message: string, readonly cause?: unknown) {
    super(PdConnectErrorEvent.eventName, init);
  }
}

/** Fired when the connect page closes, whatever the outcome. */
export class PdConnectCloseEvent extends Event {
  static readonly eventName = 'pd-connect-close';
  constructor(readonly successful: boolean, readonly completed: boolean) {
    super(PdConnectCloseEvent.eventName, init);
  }
}

/** Fired after the user confirms a disconnect, before anything is deleted; `preventDefault()` keeps the account. */
export class PdDisconnectRequestEvent extends Event {
  static readonly eventName = 'pd-disconnect-request';
  constructor(readonly account: Account) {
    super(PdDisconnectRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** Fired once an account has been deleted; `externalUserId` names its user (always set by `<pd-accounts-console>`, which sees many users). */
export class PdDisconnectEvent extends Event {
  static readonly eventName = 'pd-disconnect';
  constructor(readonly account: Account, readonly externalUserId?: string) {
    super(PdDisconnectEvent.eventName, init);
  }
}

/** Fired when an element fails to load its data (after retries); the element shows the error too. */
export class PdErrorEvent extends Event {
  static readonly eventName = 'pd-error';
  constructor(readonly code: string, readonly message: string, readonly cause?: unknown) {
    super(PdErrorEvent.eventName, init);
  }
}

/** What a select's `change` event targets: the select, with its new value and picked item. */
export interface PdSelectTarget<T> extends HTMLElement {
  readonly value: string;
  readonly selected: T | undefined;
}

/**
 * `change` from `<pd-app-select>` and `<pd-component-select>`: the user picked (or cleared) an item.
 * A native event name, so `onchange`, `@change` and `v-on:change` work. `event.value` is the new
 * value (also `event.target.value`), `event.selected` the picked object (undefined when cleared).
 * Not added to `GlobalEventHandlersEventMap`: `change` is already declared there as `Event`.
 */
export class PdChangeEvent<T = unknown> extends Event {
  static readonly eventName = 'change';
  /** The select that changed: typed, so `event.target.value` needs no cast. */
  declare readonly target: PdSelectTarget<T>;
  declare readonly currentTarget: PdSelectTarget<T> | null;
  constructor(readonly value: string, readonly selected: T | undefined) {
    super(PdChangeEvent.eventName, init);
  }
}

/** `change` of `<pd-app-select>`: `event.selected` is the picked App (`nameSlug`, `name`, `imgSrc`, …). */
export type PdAppChangeEvent = PdChangeEvent<App>;
/** `change` of `<pd-component-select>`: `event.selected` is the picked Component (`key`, `name`, `componentType`, …). */
export type PdComponentChangeEvent = PdChangeEvent<Component>;

/** Fired on every user edit in `<pd-action-form>`: the whole configuration after the edit. */
export class PdPropsChangeEvent extends Event {
  static readonly eventName = 'pd-props-change';
  constructor(readonly configuredProps: Record<string, unknown>, readonly propName: string, readonly dynamicPropsId?: string) {
    super(PdPropsChangeEvent.eventName, init);
  }
}

/**
 * Dispatched by a host's own control in a form's `prop:<name>` slot (it bubbles up to the form):
 * `value` becomes the prop's value, as a built-in control would set it.
 */
export class PdFieldValueEvent extends Event {
  static readonly eventName = 'pd-field-value';
  constructor(readonly value: unknown) {
    super(PdFieldValueEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user submits a valid `<pd-action-form>`; `preventDefault()` stops the run (run it yourself). */
export class PdSubmitEvent extends Event {
  static readonly eventName = 'pd-submit';
  constructor(readonly configuredProps: Record<string, unknown>, readonly dynamicPropsId: string | undefined, readonly componentKey: string) {
    super(PdSubmitEvent.eventName, { ...init, cancelable: true });
  }
}

/** What an action run returned: `ret` (the return value), `exports` (incl. `$summary`), `os` (logs and errors). */
export interface ActionRunResult {
  exports?: Record<string, unknown>;
  os?: { k: string; ts?: number; msg?: string; err?: { name?: string; message?: string; stack?: string } }[];
  ret?: unknown;
  stashId?: string | null;
}

/** Fired when an action run finished without an error. */
export class PdRunSuccessEvent extends Event {
  static readonly eventName = 'pd-run-success';
  constructor(readonly result: ActionRunResult, readonly configuredProps: Record<string, unknown>) {
    super(PdRunSuccessEvent.eventName, init);
  }
}

/**
 * Fired when an action run failed: the request failed (`result` undefined) or the action reported
 * an error. `outcomeUnknown` is true when the run may have happened although no good answer came
 * back (a timeout, a dropped connection, a 5xx): the element never sends it again by itself.
 */
export class PdRunErrorEvent extends Event {
  static readonly eventName = 'pd-run-error';
  constructor(readonly message: string, readonly result?: ActionRunResult, readonly cause?: unknown, readonly outcomeUnknown = false) {
    super(PdRunErrorEvent.eventName, init);
  }
}

/** Fired when `<pd-trigger-form>` deployed its trigger: `event.trigger` is the deployed trigger (`id`, `name`, `active`, `createdAt`, …). */
export class PdDeploySuccessEvent extends Event {
  static readonly eventName = 'pd-deploy-success';
  constructor(readonly trigger: DeployedTrigger, readonly configuredProps: Record<string, unknown>) {
    super(PdDeploySuccessEvent.eventName, init);
  }
}

/**
 * Fired when deploying a trigger failed; the form shows the error too. `outcomeUnknown` is true
 * when the form could not tell whether the trigger was deployed (it checks the deployed-trigger
 * list after an unclear failure first; a trigger found there is reported as `pd-deploy-success`).
 */
export class PdDeployErrorEvent extends Event {
  static readonly eventName = 'pd-deploy-error';
  constructor(readonly message: string, readonly cause?: unknown, readonly outcomeUnknown = false) {
    super(PdDeployErrorEvent.eventName, init);
  }
}

/** Fired once the user confirmed deleting a deployed trigger and it was deleted. */
export class PdTriggerDeleteEvent extends Event {
  static readonly eventName = 'pd-trigger-delete';
  constructor(readonly trigger: DeployedTrigger) {
    super(PdTriggerDeleteEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pd-connect-start': PdConnectStartEvent;
    'pd-connect-success': PdConnectSuccessEvent;
    'pd-connect-error': PdConnectErrorEvent;
    'pd-connect-close': PdConnectCloseEvent;
    'pd-disconnect-request': PdDisconnectRequestEvent;
    'pd-disconnect': PdDisconnectEvent;
    'pd-error': PdErrorEvent;
    'pd-props-change': PdPropsChangeEvent;
    'pd-submit': PdSubmitEvent;
    'pd-run-success': PdRunSuccessEvent;
    'pd-run-error': PdRunErrorEvent;
    'pd-deploy-success': PdDeploySuccessEvent;
    'pd-deploy-error': PdDeployErrorEvent;
    'pd-trigger-delete': PdTriggerDeleteEvent;
  }
}
export * from './app-directory.js';
export * from './accounts-console.js';
export * from './deployed-triggers.js';
