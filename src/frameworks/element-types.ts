// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.
// `npm run analyze` regenerates it (or `npm run generate:frameworks` alone).
/**
 * The attributes, properties and events of every element, as the framework declarations
 * (`pd-connect-elements/jsx`, `/vue`, `/svelte`) see them.
 */
import type { PdAccountList } from '../elements/account-list/pd-account-list.js';
import type { PdAccountsConsole } from '../elements/accounts-console/pd-accounts-console.js';
import type { PdActionForm } from '../elements/action-form/pd-action-form.js';
import type { PdAppDirectory } from '../elements/app-directory/pd-app-directory.js';
import type { PdAppSelect } from '../elements/app-select/pd-app-select.js';
import type { PdComponentSelect } from '../elements/component-select/pd-component-select.js';
import type { PdConnectButton } from '../elements/connect-button/pd-connect-button.js';
import type { PdConnectProvider } from '../elements/connect-provider/pd-connect-provider.js';
import type { PdDeployedTriggers } from '../elements/deployed-triggers/pd-deployed-triggers.js';
import type { PdTriggerForm } from '../elements/trigger-form/pd-trigger-form.js';
import type { PdAppChangeEvent, PdComponentChangeEvent, PdConnectCloseEvent, PdConnectErrorEvent, PdConnectStartEvent, PdConnectSuccessEvent, PdDeployErrorEvent, PdDeploySuccessEvent, PdDisconnectEvent, PdDisconnectRequestEvent, PdErrorEvent, PdPropsChangeEvent, PdRunErrorEvent, PdRunSuccessEvent, PdSubmitEvent, PdTriggerDeleteEvent } from '../events/index.js';

/** Attributes of `<pd-account-list>` (set them as strings or booleans in markup). */
export interface PdAccountListAttributes {
  /** Only accounts of this app (slug, e.g. `slack`). */
  app?: PdAccountList['app'];
  /** Only accounts connected through this OAuth client (`oa_…`); also used to reconnect them. */
  'oauth-app-id'?: PdAccountList['oauthAppId'];
  /** Your server's disconnect endpoint: receives POST `{"account_id", "external_user_id"}`; any non-2xx answer is a failure. */
  'disconnect-endpoint'?: PdAccountList['disconnectEndpoint'];
  /** Shows "Disconnect all accounts" (for account-deletion flows), with its own confirmation. */
  'allow-disconnect-all'?: PdAccountList['allowDisconnectAll'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdAccountList['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdAccountList['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAccountList['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdAccountList['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdAccountList['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdAccountList['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAccountList['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAccountList['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdAccountList['hideClose'];
}

/** Properties of `<pd-account-list>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdAccountListProperties {
  /** Only accounts of this app (slug, e.g. `slack`). */
  app?: PdAccountList['app'];
  /** Only accounts connected through this OAuth client (`oa_…`); also used to reconnect them. */
  oauthAppId?: PdAccountList['oauthAppId'];
  /** Your server's disconnect endpoint: receives POST `{"account_id", "external_user_id"}`; any non-2xx answer is a failure. */
  disconnectEndpoint?: PdAccountList['disconnectEndpoint'];
  /** Shows "Disconnect all accounts" (for account-deletion flows), with its own confirmation. */
  allowDisconnectAll?: PdAccountList['allowDisconnectAll'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdAccountList['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdAccountList['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAccountList['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdAccountList['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdAccountList['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdAccountList['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAccountList['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAccountList['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdAccountList['hideClose'];
  /** Deletes an account through your own code instead of the Connect API; reject to report a failure. */
  disconnectCallback?: PdAccountList['disconnectCallback'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdAccountList['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdAccountList['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdAccountList['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdAccountList['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdAccountList['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdAccountList['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdAccountList['strings'];
}

/** Events of `<pd-account-list>`, by name. */
export interface PdAccountListEvents {
  /** The user confirmed a disconnect, before anything is deleted; cancelable: `preventDefault()` keeps the account. `event.account`. */
  'pd-disconnect-request': PdDisconnectRequestEvent;
  /** An account was deleted (one event per account with "disconnect all"): `event.account`. */
  'pd-disconnect': PdDisconnectEvent;
  /** Loading the accounts failed (`event.code` `load_failed`) or a delete failed (`disconnect_failed`): `event.message`, `event.cause`. */
  'pd-error': PdErrorEvent;
  /** Reconnect is about to open the Connect flow; cancelable: `event.app`, `event.accountId`. */
  'pd-connect-start': PdConnectStartEvent;
  /** The account was reconnected and confirmed: `event.account`, `event.reconnected`. */
  'pd-connect-success': PdConnectSuccessEvent;
  /** Reconnect failed or was cancelled: `event.code`, `event.message`. */
  'pd-connect-error': PdConnectErrorEvent;
  /** The Connect page closed: `event.successful`, `event.completed`. */
  'pd-connect-close': PdConnectCloseEvent;
}

/** Attributes of `<pd-accounts-console>` (set them as strings or booleans in markup). */
export interface PdAccountsConsoleAttributes {
  /** The host's admin route (made with `createAdminHandler`), same origin or CORS-enabled. */
  endpoint?: PdAccountsConsole['endpoint'];
  /** Accounts per page (1–1000, default 50). */
  'page-size'?: PdAccountsConsole['pageSize'];
  /** The search text: part of an external user id (reflected). */
  query?: PdAccountsConsole['query'];
  /** The external user whose accounts are open ('' for all users; reflected). */
  user?: PdAccountsConsole['user'];
  /** Only this app's accounts: its slug ('' for all; reflected). */
  app?: PdAccountsConsole['app'];
  /** Only accounts in this health: `healthy`, `needs_reconnect`, `disconnected` ('' for all; reflected). */
  health?: PdAccountsConsole['health'];
  /** Order: `newest` (default), `oldest`, `refreshed` (recently refreshed first) or `stale`. */
  sort?: PdAccountsConsole['sort'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdAccountsConsole['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdAccountsConsole['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAccountsConsole['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdAccountsConsole['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdAccountsConsole['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdAccountsConsole['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAccountsConsole['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAccountsConsole['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdAccountsConsole['hideClose'];
}

/** Properties of `<pd-accounts-console>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdAccountsConsoleProperties {
  /** The host's admin route (made with `createAdminHandler`), same origin or CORS-enabled. */
  endpoint?: PdAccountsConsole['endpoint'];
  /** Accounts per page (1–1000, default 50). */
  pageSize?: PdAccountsConsole['pageSize'];
  /** The search text: part of an external user id (reflected). */
  query?: PdAccountsConsole['query'];
  /** The external user whose accounts are open ('' for all users; reflected). */
  user?: PdAccountsConsole['user'];
  /** Only this app's accounts: its slug ('' for all; reflected). */
  app?: PdAccountsConsole['app'];
  /** Only accounts in this health: `healthy`, `needs_reconnect`, `disconnected` ('' for all; reflected). */
  health?: PdAccountsConsole['health'];
  /** Order: `newest` (default), `oldest`, `refreshed` (recently refreshed first) or `stale`. */
  sort?: PdAccountsConsole['sort'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdAccountsConsole['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdAccountsConsole['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAccountsConsole['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdAccountsConsole['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdAccountsConsole['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdAccountsConsole['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAccountsConsole['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAccountsConsole['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdAccountsConsole['hideClose'];
  /** Extra headers for every request to `endpoint` (a CSRF token, an Authorization header). */
  headers?: PdAccountsConsole['headers'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdAccountsConsole['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdAccountsConsole['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdAccountsConsole['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdAccountsConsole['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdAccountsConsole['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdAccountsConsole['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdAccountsConsole['strings'];
}

/** Events of `<pd-accounts-console>`, by name. */
export interface PdAccountsConsoleEvents {
  /** An account was revoked: `event.account`, `event.externalUserId`. */
  'pd-disconnect': PdDisconnectEvent;
  /** The CSV of the current view is ready; cancelable (no download): `event.csv`, `event.filename`, `event.count`. */
  'pd-accounts-export': Event;
  /** Loading failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`. */
  'pd-error': PdErrorEvent;
}

/** Attributes of `<pd-action-form>` (set them as strings or booleans in markup). */
export interface PdActionFormAttributes {
  /** Your server's run endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, stash_id}` and answers like `actions.run`. */
  'run-endpoint'?: PdActionForm['runEndpoint'];
  /**
   * The File Stash whose files the action's `/tmp` directory starts with (`stash_id`), e.g. one a
   * previous run returned. Components that declare `stash` otherwise run with a new stash
   * (`"NEW"`); the run's `stash_id` comes back in `pd-run-success` (`event.result.stashId`).
   */
  'stash-id'?: PdActionForm['stashId'];
  /** The component's key, e.g. `slack-send-message` or `slack-new-message-in-channels`. */
  'component-key'?: PdActionForm['componentKey'];
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  'configured-props'?: PdActionForm['configuredPropsJson'];
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  'dynamic-props-id'?: PdActionForm['dynamicPropsId'];
  /** Text of the submit button (default: translated "Run action" or "Deploy trigger"). */
  'submit-label'?: PdActionForm['submitLabel'];
  /**
   * Only these props show, in this order (`prop-names="channel,text"`): a one-purpose form. Other
   * props keep the values given to them and are still submitted; a required one left out without a
   * value is reported at submit. Named optional props show without being added first.
   */
  'prop-names'?: PdActionForm['propNames'];
  /** Optional props do not show, and cannot be added (their given values are still submitted). */
  'hide-optional-props'?: PdActionForm['hideOptionalProps'];
  /**
   * Values the user sees but cannot change, by prop name (JSON for the attribute, an object for
   * the property): they show read-only, override `configuredProps` and are always submitted.
   */
  'locked-props'?: PdActionForm['lockedProps'];
  /**
   * Values submitted without a field, by prop name (JSON for the attribute, an object for the
   * property): the user neither sees nor changes them. They override `configuredProps`.
   */
  'hidden-props'?: PdActionForm['hiddenProps'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdActionForm['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdActionForm['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdActionForm['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdActionForm['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdActionForm['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdActionForm['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdActionForm['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdActionForm['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdActionForm['hideClose'];
}

/** Properties of `<pd-action-form>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdActionFormProperties {
  /** Your server's run endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, stash_id}` and answers like `actions.run`. */
  runEndpoint?: PdActionForm['runEndpoint'];
  /**
   * The File Stash whose files the action's `/tmp` directory starts with (`stash_id`), e.g. one a
   * previous run returned. Components that declare `stash` otherwise run with a new stash
   * (`"NEW"`); the run's `stash_id` comes back in `pd-run-success` (`event.result.stashId`).
   */
  stashId?: PdActionForm['stashId'];
  /** The component's key, e.g. `slack-send-message` or `slack-new-message-in-channels`. */
  componentKey?: PdActionForm['componentKey'];
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  configuredPropsJson?: PdActionForm['configuredPropsJson'];
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  dynamicPropsId?: PdActionForm['dynamicPropsId'];
  /** Text of the submit button (default: translated "Run action" or "Deploy trigger"). */
  submitLabel?: PdActionForm['submitLabel'];
  /**
   * Only these props show, in this order (`prop-names="channel,text"`): a one-purpose form. Other
   * props keep the values given to them and are still submitted; a required one left out without a
   * value is reported at submit. Named optional props show without being added first.
   */
  propNames?: PdActionForm['propNames'];
  /** Optional props do not show, and cannot be added (their given values are still submitted). */
  hideOptionalProps?: PdActionForm['hideOptionalProps'];
  /**
   * Values the user sees but cannot change, by prop name (JSON for the attribute, an object for
   * the property): they show read-only, override `configuredProps` and are always submitted.
   */
  lockedProps?: PdActionForm['lockedProps'];
  /**
   * Values submitted without a field, by prop name (JSON for the attribute, an object for the
   * property): the user neither sees nor changes them. They override `configuredProps`.
   */
  hiddenProps?: PdActionForm['hiddenProps'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdActionForm['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdActionForm['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdActionForm['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdActionForm['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdActionForm['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdActionForm['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdActionForm['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdActionForm['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdActionForm['hideClose'];
  /** Runs the action through your own code instead of the Connect API. */
  runCallback?: PdActionForm['runCallback'];
  /**
   * The current values, as `actions.run` and `triggers.deploy` take them. Setting a new object
   * replaces every value (`{}` clears them); setting the object it was last given does nothing.
   */
  configuredProps?: PdActionForm['configuredProps'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdActionForm['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdActionForm['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdActionForm['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdActionForm['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdActionForm['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdActionForm['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdActionForm['strings'];
}

/** Events of `<pd-action-form>`, by name. */
export interface PdActionFormEvents {
  /** The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`. */
  'pd-props-change': PdPropsChangeEvent;
  /** The user submitted a valid form; cancelable: `preventDefault()` stops the run. `event.configuredProps`, `event.dynamicPropsId`. */
  'pd-submit': PdSubmitEvent;
  /** The action ran: `event.result` (`ret`, `exports`, `os`). */
  'pd-run-success': PdRunSuccessEvent;
  /** The run failed or the action reported an error: `event.message`, `event.result`. */
  'pd-run-error': PdRunErrorEvent;
  /** The component could not be loaded (`load_failed`, `not_found`) or `configured-props` is not valid JSON (`invalid_configured_props`). */
  'pd-error': PdErrorEvent;
  /** An account field is about to open the Connect flow; cancelable. */
  'pd-connect-start': PdConnectStartEvent;
  /** An account was connected from an account field. */
  'pd-connect-success': PdConnectSuccessEvent;
  /** Connecting from an account field failed or was cancelled. */
  'pd-connect-error': PdConnectErrorEvent;
  /** The Connect page closed. */
  'pd-connect-close': PdConnectCloseEvent;
}

/** Attributes of `<pd-app-directory>` (set them as strings or booleans in markup). */
export interface PdAppDirectoryAttributes {
  /** The search text (reflected). */
  query?: PdAppDirectory['query'];
  /** The chosen category: its id or its name ('' for all; reflected). */
  category?: PdAppDirectory['category'];
  /** The slug of the app whose detail view is open ('' for the catalog; reflected). */
  app?: PdAppDirectory['app'];
  /** Only apps that have actions. */
  'has-actions'?: PdAppDirectory['hasActions'];
  /** Only apps that have triggers. */
  'has-triggers'?: PdAppDirectory['hasTriggers'];
  /** Order of the catalog: `featured` (default, most popular first) or `name` (A–Z). */
  sort?: PdAppDirectory['sort'];
  /** A curated list of app slugs to show instead of the whole catalog (attribute: slugs separated by spaces or commas). */
  apps?: PdAppDirectory['apps'];
  /** Slugs of apps shown first, in their own row, while nothing is searched or filtered. */
  featured?: PdAppDirectory['featured'];
  /** Limits the category navigation to these categories (ids or names). */
  categories?: PdAppDirectory['categories'];
  /** Hides apps that cannot be connected through Connect (apps without auth). */
  'connectable-only'?: PdAppDirectory['connectableOnly'];
  /** Opens a chosen action or trigger's form inside the detail view (`<pd-action-form>` / `<pd-trigger-form>`, loaded then). */
  'open-forms'?: PdAppDirectory['openForms'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdAppDirectory['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdAppDirectory['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAppDirectory['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdAppDirectory['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdAppDirectory['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdAppDirectory['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAppDirectory['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAppDirectory['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdAppDirectory['hideClose'];
}

/** Properties of `<pd-app-directory>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdAppDirectoryProperties {
  /** The search text (reflected). */
  query?: PdAppDirectory['query'];
  /** The chosen category: its id or its name ('' for all; reflected). */
  category?: PdAppDirectory['category'];
  /** The slug of the app whose detail view is open ('' for the catalog; reflected). */
  app?: PdAppDirectory['app'];
  /** Only apps that have actions. */
  hasActions?: PdAppDirectory['hasActions'];
  /** Only apps that have triggers. */
  hasTriggers?: PdAppDirectory['hasTriggers'];
  /** Order of the catalog: `featured` (default, most popular first) or `name` (A–Z). */
  sort?: PdAppDirectory['sort'];
  /** A curated list of app slugs to show instead of the whole catalog (attribute: slugs separated by spaces or commas). */
  apps?: PdAppDirectory['apps'];
  /** Slugs of apps shown first, in their own row, while nothing is searched or filtered. */
  featured?: PdAppDirectory['featured'];
  /** Limits the category navigation to these categories (ids or names). */
  categories?: PdAppDirectory['categories'];
  /** Hides apps that cannot be connected through Connect (apps without auth). */
  connectableOnly?: PdAppDirectory['connectableOnly'];
  /** Opens a chosen action or trigger's form inside the detail view (`<pd-action-form>` / `<pd-trigger-form>`, loaded then). */
  openForms?: PdAppDirectory['openForms'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdAppDirectory['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdAppDirectory['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAppDirectory['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdAppDirectory['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdAppDirectory['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdAppDirectory['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAppDirectory['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAppDirectory['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdAppDirectory['hideClose'];
  /** Where the directory is: search text, category and open app. Setting it restores that place (no event). */
  state?: PdAppDirectory['state'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdAppDirectory['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdAppDirectory['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdAppDirectory['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdAppDirectory['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdAppDirectory['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdAppDirectory['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdAppDirectory['strings'];
}

/** Events of `<pd-app-directory>`, by name. */
export interface PdAppDirectoryEvents {
  /** The user searched, chose a category, or opened or left an app: `event.state` (`query`, `category`, `app`). */
  'pd-directory-navigate': Event;
  /** The user chose an action or trigger in the detail view; cancelable (keeps `open-forms` from opening it): `event.componentKey`, `event.componentType`, `event.app`. */
  'pd-directory-component': Event;
  /** Loading apps failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`, `event.cause`. */
  'pd-error': PdErrorEvent;
  /** Connect on a card is about to open the Connect flow; cancelable: `event.app`. */
  'pd-connect-start': PdConnectStartEvent;
  /** An account was connected and confirmed: `event.account`, `event.reconnected`. */
  'pd-connect-success': PdConnectSuccessEvent;
  /** Connecting failed or was cancelled: `event.code`, `event.message`. */
  'pd-connect-error': PdConnectErrorEvent;
  /** The Connect page closed: `event.successful`, `event.completed`. */
  'pd-connect-close': PdConnectCloseEvent;
}

/** Attributes of `<pd-app-select>` (set them as strings or booleans in markup). */
export interface PdAppSelectAttributes {
  /** Only apps that have actions. */
  'has-actions'?: PdAppSelect['hasActions'];
  /** Only apps that have triggers. */
  'has-triggers'?: PdAppSelect['hasTriggers'];
  /** Only apps of this category: its id or its name (e.g. `Communication`). */
  category?: PdAppSelect['category'];
  /** Order of the list: `featured` (default, most popular first) or `name` (A–Z). */
  sort?: PdAppSelect['sort'];
  /** The form field name: the value is submitted with the host `<form>` under this name. */
  name?: PdAppSelect['name'];
  /** The selected item's id (an app slug, a component key). Setting it shows the item's name and fires no event. */
  value?: PdAppSelect['value'];
  /** A value is required: the form will not submit without one. */
  required?: PdAppSelect['required'];
  /** Disables the select. */
  disabled?: PdAppSelect['disabled'];
  /** Placeholder of the input (default: translated, e.g. "Search apps…"). */
  placeholder?: PdAppSelect['placeholder'];
  /**
   * The label above the field, and the input's accessible name (default: translated, e.g. "App"
   * or "Action"). Content in the `label` slot takes its place.
   */
  label?: PdAppSelect['label'];
  /** Hides the label from view; it stays the input's accessible name. */
  'hide-label'?: PdAppSelect['hideLabel'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdAppSelect['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdAppSelect['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAppSelect['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdAppSelect['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdAppSelect['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdAppSelect['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAppSelect['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAppSelect['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdAppSelect['hideClose'];
}

/** Properties of `<pd-app-select>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdAppSelectProperties {
  /** Only apps that have actions. */
  hasActions?: PdAppSelect['hasActions'];
  /** Only apps that have triggers. */
  hasTriggers?: PdAppSelect['hasTriggers'];
  /** Only apps of this category: its id or its name (e.g. `Communication`). */
  category?: PdAppSelect['category'];
  /** Order of the list: `featured` (default, most popular first) or `name` (A–Z). */
  sort?: PdAppSelect['sort'];
  /** The form field name: the value is submitted with the host `<form>` under this name. */
  name?: PdAppSelect['name'];
  /** The selected item's id (an app slug, a component key). Setting it shows the item's name and fires no event. */
  value?: PdAppSelect['value'];
  /** A value is required: the form will not submit without one. */
  required?: PdAppSelect['required'];
  /** Disables the select. */
  disabled?: PdAppSelect['disabled'];
  /** Placeholder of the input (default: translated, e.g. "Search apps…"). */
  placeholder?: PdAppSelect['placeholder'];
  /**
   * The label above the field, and the input's accessible name (default: translated, e.g. "App"
   * or "Action"). Content in the `label` slot takes its place.
   */
  label?: PdAppSelect['label'];
  /** Hides the label from view; it stays the input's accessible name. */
  hideLabel?: PdAppSelect['hideLabel'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdAppSelect['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdAppSelect['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdAppSelect['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdAppSelect['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdAppSelect['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdAppSelect['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdAppSelect['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdAppSelect['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdAppSelect['hideClose'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdAppSelect['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdAppSelect['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdAppSelect['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdAppSelect['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdAppSelect['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdAppSelect['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdAppSelect['strings'];
}

/** Events of `<pd-app-select>`, by name. */
export interface PdAppSelectEvents {
  /** The user picked or cleared an app (not when `value` is set by code): `event.value` (and `event.target.value`) is the slug, `event.selected` (and the element's `selected`) the App. */
  change: PdAppChangeEvent;
  /** Loading apps failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`. */
  'pd-error': PdErrorEvent;
}

/** Attributes of `<pd-component-select>` (set them as strings or booleans in markup). */
export interface PdComponentSelectAttributes {
  /** The app whose components are listed (slug, e.g. `slack`); the select is disabled without it. */
  app?: PdComponentSelect['app'];
  /** `action` or `trigger`; without it both are listed. */
  type?: PdComponentSelect['type'];
  /** The form field name: the value is submitted with the host `<form>` under this name. */
  name?: PdComponentSelect['name'];
  /** The selected item's id (an app slug, a component key). Setting it shows the item's name and fires no event. */
  value?: PdComponentSelect['value'];
  /** A value is required: the form will not submit without one. */
  required?: PdComponentSelect['required'];
  /** Disables the select. */
  disabled?: PdComponentSelect['disabled'];
  /** Placeholder of the input (default: translated, e.g. "Search apps…"). */
  placeholder?: PdComponentSelect['placeholder'];
  /**
   * The label above the field, and the input's accessible name (default: translated, e.g. "App"
   * or "Action"). Content in the `label` slot takes its place.
   */
  label?: PdComponentSelect['label'];
  /** Hides the label from view; it stays the input's accessible name. */
  'hide-label'?: PdComponentSelect['hideLabel'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdComponentSelect['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdComponentSelect['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdComponentSelect['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdComponentSelect['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdComponentSelect['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdComponentSelect['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdComponentSelect['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdComponentSelect['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdComponentSelect['hideClose'];
}

/** Properties of `<pd-component-select>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdComponentSelectProperties {
  /** The app whose components are listed (slug, e.g. `slack`); the select is disabled without it. */
  app?: PdComponentSelect['app'];
  /** `action` or `trigger`; without it both are listed. */
  type?: PdComponentSelect['type'];
  /** The form field name: the value is submitted with the host `<form>` under this name. */
  name?: PdComponentSelect['name'];
  /** The selected item's id (an app slug, a component key). Setting it shows the item's name and fires no event. */
  value?: PdComponentSelect['value'];
  /** A value is required: the form will not submit without one. */
  required?: PdComponentSelect['required'];
  /** Disables the select. */
  disabled?: PdComponentSelect['disabled'];
  /** Placeholder of the input (default: translated, e.g. "Search apps…"). */
  placeholder?: PdComponentSelect['placeholder'];
  /**
   * The label above the field, and the input's accessible name (default: translated, e.g. "App"
   * or "Action"). Content in the `label` slot takes its place.
   */
  label?: PdComponentSelect['label'];
  /** Hides the label from view; it stays the input's accessible name. */
  hideLabel?: PdComponentSelect['hideLabel'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdComponentSelect['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdComponentSelect['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdComponentSelect['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdComponentSelect['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdComponentSelect['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdComponentSelect['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdComponentSelect['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdComponentSelect['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdComponentSelect['hideClose'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdComponentSelect['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdComponentSelect['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdComponentSelect['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdComponentSelect['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdComponentSelect['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdComponentSelect['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdComponentSelect['strings'];
}

/** Events of `<pd-component-select>`, by name. */
export interface PdComponentSelectEvents {
  /** The user picked or cleared a component (not when `value` is set by code): `event.value` (and `event.target.value`) is the key, `event.selected` (and the element's `selected`) the Component. */
  change: PdComponentChangeEvent;
  /** Loading components failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`. */
  'pd-error': PdErrorEvent;
}

/** Attributes of `<pd-connect-button>` (set them as strings or booleans in markup). */
export interface PdConnectButtonAttributes {
  /** Slug of the app to connect, e.g. `slack`. */
  app?: PdConnectButton['app'];
  /** Use your own OAuth client for this app (overrides the provider's `oauthAppConfig`). */
  'oauth-app-id'?: PdConnectButton['oauthAppId'];
  /** Reconnect this account (`apn_…`) instead of adding one. */
  'account-id'?: PdConnectButton['accountId'];
  /**
   * Ask only for the scopes of this named scope profile of the app (`read_only`, `read_write`,
   * `admin`: the app's `scope_profiles`), for least privilege. Overrides the provider's
   * `oauthScopeProfiles` entry; a profile the app lacks makes the connect page report an error.
   */
  'oauth-scope-profile'?: PdConnectButton['oauthScopeProfile'];
  /** Connect through this app override (`ao_…`: pre-defined field values, its OAuth client). Overrides the provider's `appOverrides` entry. */
  'app-override-id'?: PdConnectButton['appOverrideId'];
  /** Ask the user for their own OAuth client credentials instead of a shared client (or the provider's `customOauthClients` entry). */
  'custom-oauth-client'?: PdConnectButton['customOauthClient'];
  /**
   * `iframe` (default): an overlay on this page. `link`: Connect Link in a new window, for pages
   * where the overlay cannot work: in-app webviews, iframes with a restrictive `sandbox`, strict
   * frame policies, and OAuth apps on a page served with `Cross-Origin-Opener-Policy: same-origin`.
   */
  mode?: PdConnectButton['mode'];
  /** The button text, instead of "Connect {App}". */
  label?: PdConnectButton['label'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdConnectButton['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdConnectButton['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdConnectButton['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdConnectButton['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdConnectButton['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdConnectButton['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdConnectButton['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdConnectButton['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdConnectButton['hideClose'];
}

/** Properties of `<pd-connect-button>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdConnectButtonProperties {
  /** Slug of the app to connect, e.g. `slack`. */
  app?: PdConnectButton['app'];
  /** Use your own OAuth client for this app (overrides the provider's `oauthAppConfig`). */
  oauthAppId?: PdConnectButton['oauthAppId'];
  /** Reconnect this account (`apn_…`) instead of adding one. */
  accountId?: PdConnectButton['accountId'];
  /**
   * Ask only for the scopes of this named scope profile of the app (`read_only`, `read_write`,
   * `admin`: the app's `scope_profiles`), for least privilege. Overrides the provider's
   * `oauthScopeProfiles` entry; a profile the app lacks makes the connect page report an error.
   */
  oauthScopeProfile?: PdConnectButton['oauthScopeProfile'];
  /** Connect through this app override (`ao_…`: pre-defined field values, its OAuth client). Overrides the provider's `appOverrides` entry. */
  appOverrideId?: PdConnectButton['appOverrideId'];
  /** Ask the user for their own OAuth client credentials instead of a shared client (or the provider's `customOauthClients` entry). */
  customOauthClient?: PdConnectButton['customOauthClient'];
  /**
   * `iframe` (default): an overlay on this page. `link`: Connect Link in a new window, for pages
   * where the overlay cannot work: in-app webviews, iframes with a restrictive `sandbox`, strict
   * frame policies, and OAuth apps on a page served with `Cross-Origin-Opener-Policy: same-origin`.
   */
  mode?: PdConnectButton['mode'];
  /** The button text, instead of "Connect {App}". */
  label?: PdConnectButton['label'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdConnectButton['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdConnectButton['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdConnectButton['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdConnectButton['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdConnectButton['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdConnectButton['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdConnectButton['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdConnectButton['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdConnectButton['hideClose'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdConnectButton['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdConnectButton['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdConnectButton['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdConnectButton['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdConnectButton['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdConnectButton['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdConnectButton['strings'];
}

/** Events of `<pd-connect-button>`, by name. */
export interface PdConnectButtonEvents {
  /** Before the flow opens; cancelable. `detail`-free: read `event.app`, `event.accountId`. */
  'pd-connect-start': PdConnectStartEvent;
  /** The account is connected and confirmed: `event.account`, `event.reconnected`. */
  'pd-connect-success': PdConnectSuccessEvent;
  /** The flow failed or was cancelled: `event.code` (`config_invalid`, `token_failed`, `load_failed`, `popup_blocked`, `busy`, `user_cancelled`, `connect_failed`), `event.message`. */
  'pd-connect-error': PdConnectErrorEvent;
  /** The connect page closed: `event.successful`, `event.completed`. */
  'pd-connect-close': PdConnectCloseEvent;
}

/** Attributes of `<pd-connect-provider>` (set them as strings or booleans in markup). */
export interface PdConnectProviderAttributes {
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdConnectProvider['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdConnectProvider['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdConnectProvider['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdConnectProvider['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdConnectProvider['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdConnectProvider['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdConnectProvider['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdConnectProvider['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdConnectProvider['hideClose'];
}

/** Properties of `<pd-connect-provider>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdConnectProviderProperties {
  /** Your app's id for the signed-in user. */
  externalUserId?: PdConnectProvider['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdConnectProvider['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdConnectProvider['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdConnectProvider['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdConnectProvider['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdConnectProvider['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdConnectProvider['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdConnectProvider['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdConnectProvider['hideClose'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdConnectProvider['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdConnectProvider['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdConnectProvider['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdConnectProvider['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdConnectProvider['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdConnectProvider['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdConnectProvider['strings'];
}

/** `<pd-connect-provider>` fires no events of its own. */
export type PdConnectProviderEvents = Record<never, never>;

/** Attributes of `<pd-deployed-triggers>` (set them as strings or booleans in markup). */
export interface PdDeployedTriggersAttributes {
  /** Only the triggers deployed from this component (e.g. `slack-new-message-in-channels`); all of the user's when unset. */
  'component-key'?: PdDeployedTriggers['componentKey'];
  /** Reloads the list and the open events every this many seconds (5 to 3600) while the page is visible; 0, the default, never. */
  'refresh-interval'?: PdDeployedTriggers['refreshInterval'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdDeployedTriggers['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdDeployedTriggers['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdDeployedTriggers['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdDeployedTriggers['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdDeployedTriggers['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdDeployedTriggers['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdDeployedTriggers['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdDeployedTriggers['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdDeployedTriggers['hideClose'];
}

/** Properties of `<pd-deployed-triggers>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdDeployedTriggersProperties {
  /** Only the triggers deployed from this component (e.g. `slack-new-message-in-channels`); all of the user's when unset. */
  componentKey?: PdDeployedTriggers['componentKey'];
  /** Reloads the list and the open events every this many seconds (5 to 3600) while the page is visible; 0, the default, never. */
  refreshInterval?: PdDeployedTriggers['refreshInterval'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdDeployedTriggers['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdDeployedTriggers['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdDeployedTriggers['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdDeployedTriggers['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdDeployedTriggers['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdDeployedTriggers['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdDeployedTriggers['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdDeployedTriggers['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdDeployedTriggers['hideClose'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdDeployedTriggers['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdDeployedTriggers['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdDeployedTriggers['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdDeployedTriggers['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdDeployedTriggers['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdDeployedTriggers['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdDeployedTriggers['strings'];
}

/** Events of `<pd-deployed-triggers>`, by name. */
export interface PdDeployedTriggersEvents {
  /** The user paused, resumed or renamed a trigger and the API confirmed it: `event.trigger`, `event.changes` (`{active}` or `{name}`). */
  'pd-trigger-update': Event;
  /** The user confirmed deleting a trigger and it was deleted: `event.trigger`. */
  'pd-trigger-delete': PdTriggerDeleteEvent;
  /** The list could not be loaded (`load_failed`, `token_failed`) or the element is misconfigured (`config_invalid`). */
  'pd-error': PdErrorEvent;
}

/** Attributes of `<pd-trigger-form>` (set them as strings or booleans in markup). */
export interface PdTriggerFormAttributes {
  /** Where the deployed trigger POSTs its events (absolute URL). */
  'webhook-url'?: PdTriggerForm['webhookUrl'];
  /** Emit sample events while deploying (default true; `emit-on-deploy="false"` turns it off). */
  'emit-on-deploy'?: PdTriggerForm['emitOnDeploy'];
  /** Your server's deploy endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, webhook_url, emit_on_deploy}` and answers like `triggers.deploy` (`{data: {…}}`). */
  'deploy-endpoint'?: PdTriggerForm['deployEndpoint'];
  /** The deployed triggers listed below the form: `component` (this trigger's, the default), `all`, or `none`. */
  list?: PdTriggerForm['list'];
  /** The component's key, e.g. `slack-send-message` or `slack-new-message-in-channels`. */
  'component-key'?: PdTriggerForm['componentKey'];
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  'configured-props'?: PdTriggerForm['configuredPropsJson'];
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  'dynamic-props-id'?: PdTriggerForm['dynamicPropsId'];
  /** Text of the submit button (default: translated "Run action" or "Deploy trigger"). */
  'submit-label'?: PdTriggerForm['submitLabel'];
  /**
   * Only these props show, in this order (`prop-names="channel,text"`): a one-purpose form. Other
   * props keep the values given to them and are still submitted; a required one left out without a
   * value is reported at submit. Named optional props show without being added first.
   */
  'prop-names'?: PdTriggerForm['propNames'];
  /** Optional props do not show, and cannot be added (their given values are still submitted). */
  'hide-optional-props'?: PdTriggerForm['hideOptionalProps'];
  /**
   * Values the user sees but cannot change, by prop name (JSON for the attribute, an object for
   * the property): they show read-only, override `configuredProps` and are always submitted.
   */
  'locked-props'?: PdTriggerForm['lockedProps'];
  /**
   * Values submitted without a field, by prop name (JSON for the attribute, an object for the
   * property): the user neither sees nor changes them. They override `configuredProps`.
   */
  'hidden-props'?: PdTriggerForm['hiddenProps'];
  /** Your app's id for the signed-in user. */
  'external-user-id'?: PdTriggerForm['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  'token-endpoint'?: PdTriggerForm['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdTriggerForm['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  'base-url'?: PdTriggerForm['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  'frontend-host'?: PdTriggerForm['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  'token-timeout'?: PdTriggerForm['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdTriggerForm['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdTriggerForm['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  'hide-close'?: PdTriggerForm['hideClose'];
}

/** Properties of `<pd-trigger-form>`: every attribute under its property name, plus the properties that take objects and callbacks. */
export interface PdTriggerFormProperties {
  /** Where the deployed trigger POSTs its events (absolute URL). */
  webhookUrl?: PdTriggerForm['webhookUrl'];
  /** Emit sample events while deploying (default true; `emit-on-deploy="false"` turns it off). */
  emitOnDeploy?: PdTriggerForm['emitOnDeploy'];
  /** Your server's deploy endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, webhook_url, emit_on_deploy}` and answers like `triggers.deploy` (`{data: {…}}`). */
  deployEndpoint?: PdTriggerForm['deployEndpoint'];
  /** The deployed triggers listed below the form: `component` (this trigger's, the default), `all`, or `none`. */
  list?: PdTriggerForm['list'];
  /** The component's key, e.g. `slack-send-message` or `slack-new-message-in-channels`. */
  componentKey?: PdTriggerForm['componentKey'];
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  configuredPropsJson?: PdTriggerForm['configuredPropsJson'];
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  dynamicPropsId?: PdTriggerForm['dynamicPropsId'];
  /** Text of the submit button (default: translated "Run action" or "Deploy trigger"). */
  submitLabel?: PdTriggerForm['submitLabel'];
  /**
   * Only these props show, in this order (`prop-names="channel,text"`): a one-purpose form. Other
   * props keep the values given to them and are still submitted; a required one left out without a
   * value is reported at submit. Named optional props show without being added first.
   */
  propNames?: PdTriggerForm['propNames'];
  /** Optional props do not show, and cannot be added (their given values are still submitted). */
  hideOptionalProps?: PdTriggerForm['hideOptionalProps'];
  /**
   * Values the user sees but cannot change, by prop name (JSON for the attribute, an object for
   * the property): they show read-only, override `configuredProps` and are always submitted.
   */
  lockedProps?: PdTriggerForm['lockedProps'];
  /**
   * Values submitted without a field, by prop name (JSON for the attribute, an object for the
   * property): the user neither sees nor changes them. They override `configuredProps`.
   */
  hiddenProps?: PdTriggerForm['hiddenProps'];
  /** Your app's id for the signed-in user. */
  externalUserId?: PdTriggerForm['externalUserId'];
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  tokenEndpoint?: PdTriggerForm['tokenEndpoint'];
  /** `development` or `production`. */
  environment?: PdTriggerForm['environment'];
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: PdTriggerForm['baseUrl'];
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  frontendHost?: PdTriggerForm['frontendHost'];
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  tokenTimeout?: PdTriggerForm['tokenTimeout'];
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  locale?: PdTriggerForm['locale'];
  /** `light` (default), `dark` or `system`. */
  theme?: PdTriggerForm['theme'];
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  hideClose?: PdTriggerForm['hideClose'];
  /** Deploys the trigger through your own code instead of the Connect API. */
  deployCallback?: PdTriggerForm['deployCallback'];
  /**
   * The current values, as `actions.run` and `triggers.deploy` take them. Setting a new object
   * replaces every value (`{}` clears them); setting the object it was last given does nothing.
   */
  configuredProps?: PdTriggerForm['configuredProps'];
  /** Returns a Connect token, instead of `token-endpoint`. */
  tokenCallback?: PdTriggerForm['tokenCallback'];
  /** A static Connect token (a property only: secrets never go in attributes). */
  token?: PdTriggerForm['token'];
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: PdTriggerForm['oauthAppConfig'];
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: PdTriggerForm['oauthScopeProfiles'];
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: PdTriggerForm['appOverrides'];
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: PdTriggerForm['customOauthClients'];
  /** Per-string overrides of the built-in text. */
  strings?: PdTriggerForm['strings'];
}

/** Events of `<pd-trigger-form>`, by name. */
export interface PdTriggerFormEvents {
  /** The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`. */
  'pd-props-change': PdPropsChangeEvent;
  /** The user submitted a valid form; cancelable: `preventDefault()` stops the deploy. `event.configuredProps`, `event.dynamicPropsId`, `event.componentKey`. */
  'pd-submit': PdSubmitEvent;
  /** The trigger was deployed: `event.trigger` (`id`, `name`, `active`, `createdAt`, …), `event.configuredProps`. */
  'pd-deploy-success': PdDeploySuccessEvent;
  /** The deploy failed: `event.message`, `event.cause`. */
  'pd-deploy-error': PdDeployErrorEvent;
  /** The user paused, resumed or renamed a deployed trigger in the list: `event.trigger`, `event.changes`. */
  'pd-trigger-update': Event;
  /** The user confirmed deleting a deployed trigger and it was deleted: `event.trigger`. */
  'pd-trigger-delete': PdTriggerDeleteEvent;
  /** The component could not be loaded (`load_failed`, `not_found`), `configured-props` is not valid JSON (`invalid_configured_props`), or the deployed-trigger list failed to load (`list_failed`). */
  'pd-error': PdErrorEvent;
  /** An account field is about to open the Connect flow; cancelable. */
  'pd-connect-start': PdConnectStartEvent;
  /** An account was connected from an account field. */
  'pd-connect-success': PdConnectSuccessEvent;
  /** Connecting from an account field failed or was cancelled. */
  'pd-connect-error': PdConnectErrorEvent;
  /** The Connect page closed. */
  'pd-connect-close': PdConnectCloseEvent;
}

/** Every element by tag: its class, attributes, properties and events. */
export interface PdElementTypes {
  /**
   * The user's connected accounts: app, name, health and date, with reconnect and disconnect.
   *
   * Lists the accounts of the configured external user (optionally of one `app`), 20 at a time
   * with a "Show more accounts" button. Unhealthy and dead accounts get a Reconnect button that
   * opens the Connect flow for that account. Disconnecting asks for confirmation, fires the
   * cancelable `pd-disconnect-request`, then deletes the account through the Connect API, the host's
   * `disconnect-endpoint`, or its `disconnectCallback`. Every list of the same user on the page
   * shares one request and one cache, so all of them update when any element connects or
   * disconnects an account.
   */
  'pd-account-list': { element: PdAccountList; attributes: PdAccountListAttributes; properties: PdAccountListProperties; events: PdAccountListEvents };
  /**
   * The team's accounts console: every connected account of the project, across all users, with search, filters, counts, revoke and export.
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
   */
  'pd-accounts-console': { element: PdAccountsConsole; attributes: PdAccountsConsoleAttributes; properties: PdAccountsConsoleProperties; events: PdAccountsConsoleEvents };
  /**
   * A form for one Pipedream Connect action: every prop type, remote options, dynamic props, validation, and the run with its result.
   *
   * Loads the component given by `component-key` and renders its configurable props in order:
   * text, secrets, numbers, switches, lists, key/value objects, JSON, SQL, HTTP requests, timers,
   * static and remote options (paged, searchable), accounts (pick one or connect a new one inline),
   * alerts, and read-only notes for props Pipedream fills in itself. Optional props sit in an
   * "Optional fields" disclosure. Any prop type without its own editor falls back to a JSON editor,
   * so one odd prop never breaks the form. Submitting validates every field (focusing the first
   * invalid one), fires the cancelable `pd-submit`, then runs the action through the Connect API
   * (or the host's `run-endpoint` / `runCallback`) and shows `$summary`, the returned value, logs
   * and errors.
   */
  'pd-action-form': { element: PdActionForm; attributes: PdActionFormAttributes; properties: PdActionFormProperties; events: PdActionFormEvents };
  /**
   * The product's Integrations page: a searchable, categorized catalog of app cards with connected state, connect and manage, and an app detail view.
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
   */
  'pd-app-directory': { element: PdAppDirectory; attributes: PdAppDirectoryAttributes; properties: PdAppDirectoryProperties; events: PdAppDirectoryEvents };
  /**
   * An accessible combobox over the Pipedream app catalog: search, paging, filters and icons.
   *
   * Type to search the catalog on the server: the apps already listed narrow at once while the
   * answer is on its way (the first key press is sent at once, the rest of a burst of typing once
   * it pauses). Scroll to load more: only the options in view are in the DOM, so 2,500 apps stay
   * smooth. Keyboard: ArrowDown/ArrowUp open and move, Alt+ArrowDown opens, Home/End,
   * PageUp/PageDown, Enter selects, Escape closes (a second Escape clears), Tab closes and keeps
   * the value. Form-associated: with a `name` it submits the app slug with its `<form>`, supports
   * `required`, `disabled`, form reset and restore.
   *
   * A visible label names the field: the `label` attribute or the `label` slot, else a translated
   * default ("App"). `hide-label` hides it from view and keeps it as the input's accessible name.
   */
  'pd-app-select': { element: PdAppSelect; attributes: PdAppSelectAttributes; properties: PdAppSelectProperties; events: PdAppSelectEvents };
  /**
   * Pick one of an app's actions or triggers, with server-side search.
   *
   * The same accessible combobox as `<pd-app-select>` (APG keyboard, search that narrows the list
   * at once, paging, windowed list, form association), listing the components of `app`: each
   * option shows the component's name, key and a one-line description. Until `app` is set the
   * input is disabled, with a hint saying why.
   *
   * A visible label names the field: the `label` attribute or the `label` slot, else a translated
   * default by `type` ("Action", "Trigger", "Action or trigger"). `hide-label` hides it from view
   * and keeps it as the input's accessible name.
   */
  'pd-component-select': { element: PdComponentSelect; attributes: PdComponentSelectAttributes; properties: PdComponentSelectProperties; events: PdComponentSelectEvents };
  /**
   * A button that connects the user's account for one app through Pipedream Connect.
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
   */
  'pd-connect-button': { element: PdConnectButton; attributes: PdConnectButtonAttributes; properties: PdConnectButtonProperties; events: PdConnectButtonEvents };
  /**
   * Shares Connect settings with every `pd-*` element inside it.
   *
   * Set the user, the token source, the environment, URLs, locale and theme once; elements inside
   * take what they do not set themselves. Any subset of settings is valid here: the elements inside
   * check what they end up with. Providers nest: an inner one overrides an outer one. Renders
   * nothing of its own (`display: contents`).
   */
  'pd-connect-provider': { element: PdConnectProvider; attributes: PdConnectProviderAttributes; properties: PdConnectProviderProperties; events: PdConnectProviderEvents };
  /**
   * The user's deployed triggers: pause, resume, rename and delete them, and see their recent events and webhooks.
   *
   * Lists the deployed triggers of the configured external user (all of them, or those of one
   * `component-key`), 20 at a time with "Show more triggers". Each trigger can be paused or resumed,
   * renamed inline (Enter saves, Escape cancels) and deleted after an inline confirmation; its
   * recent events (newest first, each with its JSON payload) and its webhook URLs open below it.
   * Every write is sent once per click and never retried: when its answer is lost, the element says
   * that the outcome is unknown and reads the list again. Every element of the page listing the same
   * user's triggers shares one request and one cache: a trigger deployed by a `<pd-trigger-form>`
   * appears without a reload. Refresh reloads the list and the open events; `refresh-interval`
   * does so on a timer while the page is visible.
   */
  'pd-deployed-triggers': { element: PdDeployedTriggers; attributes: PdDeployedTriggersAttributes; properties: PdDeployedTriggersProperties; events: PdDeployedTriggersEvents };
  /**
   * A form that configures and deploys one Pipedream Connect trigger, with the user's deployed triggers below it.
   *
   * Loads the trigger given by `component-key` and renders its configurable props with the same
   * controls as `<pd-action-form>`: accounts, remote options, dynamic props, and `$.interface.timer`
   * schedules (an interval or a cron expression). Submitting validates every field, fires the
   * cancelable `pd-submit`, then deploys the trigger through the Connect API with `webhook-url` and
   * `emit-on-deploy` (or through the host's `deploy-endpoint` / `deployCallback`), and shows the
   * deployed trigger: name, id, status and created time. Below the form, a `<pd-deployed-triggers>`
   * lists the user's deployed triggers (of this component, or all of them with `list="all"`): each
   * can be paused, resumed, renamed and deleted, and shows its recent events and webhooks; the list
   * updates after every deploy, change and delete, in every element of the page.
   */
  'pd-trigger-form': { element: PdTriggerForm; attributes: PdTriggerFormAttributes; properties: PdTriggerFormProperties; events: PdTriggerFormEvents };
}
