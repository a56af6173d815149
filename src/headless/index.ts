/**
 * pd-connect-elements/headless: the elements' session, token handling and shared cache for a UI
 * of your own. Stores (`accounts`, `apps`, `app`, `components`, `component`, `remoteOptions`) are
 * observable (`subscribe(listener) → unsubscribe`, Svelte's store contract) and share requests
 * and updates with any `pd-*` element of the same user on the page; writes (`connect`,
 * `disconnect`, `run`, `deploy`) are the elements' own. Importing it registers no element.
 * See docs/headless.md.
 */
export { connectSession, type ConnectSession } from './session.js';
export { accounts, app, apps, component, components, remoteOptions } from './queries.js';
export {
  connect,
  deploy,
  disconnect,
  run,
  type ActionRunResult,
  type ConnectLinkFallback,
  type ConnectOptions,
  type ConnectOutcome,
  type DeployOptions,
  type DeployParams,
  type DisconnectOptions,
  type RunOptions,
  type RunParams,
  type WriteRoute,
} from './writes.js';
export { idleSnapshot, idleStore, type ListSnapshot, type ListStore, type Snapshot, type Store, type StoreStatus } from './store.js';
export { configure, type ConnectConfig } from '../session/config.js';
export { ApiError, TokenError, isOutcomeUnknown } from '../session/errors.js';
export type { AccountFilter, AppListParams, ComponentListParams, ConfigurePropParams, ConfigurePropResponse, DeployedTrigger } from '../session/session.js';
export type { Account, App, ConnectTokenResponse, Environment, TokenCallback } from '../session/types.js';
export type { Component } from '@pipedream/sdk/browser';
