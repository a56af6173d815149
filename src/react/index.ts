// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.
// `npm run analyze` regenerates it (or `npm run generate:frameworks` alone).
'use client';

/**
 * React wrappers for every element, made with `@lit/react`: props set the element's properties,
 * and each event has a typed callback: `pd-connect-success` → `onPdConnectSuccess`, `change` → `onChange`.
 *
 * ```tsx
 * import { PdConnectButton } from 'pd-connect-elements/react';
 * <PdConnectButton app="slack" onPdConnectSuccess={(event) => setAccount(event.account)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PdAccountList as PdAccountListElement } from '../elements/account-list/pd-account-list.js';
import { PdAccountsConsole as PdAccountsConsoleElement } from '../elements/accounts-console/pd-accounts-console.js';
import { PdActionForm as PdActionFormElement } from '../elements/action-form/pd-action-form.js';
import { PdAppDirectory as PdAppDirectoryElement } from '../elements/app-directory/pd-app-directory.js';
import { PdAppSelect as PdAppSelectElement } from '../elements/app-select/pd-app-select.js';
import { PdComponentSelect as PdComponentSelectElement } from '../elements/component-select/pd-component-select.js';
import { PdConnectButton as PdConnectButtonElement } from '../elements/connect-button/pd-connect-button.js';
import { PdConnectProvider as PdConnectProviderElement } from '../elements/connect-provider/pd-connect-provider.js';
import { PdDeployedTriggers as PdDeployedTriggersElement } from '../elements/deployed-triggers/pd-deployed-triggers.js';
import { PdTriggerForm as PdTriggerFormElement } from '../elements/trigger-form/pd-trigger-form.js';
import type { PdAppChangeEvent, PdComponentChangeEvent, PdConnectCloseEvent, PdConnectErrorEvent, PdConnectStartEvent, PdConnectSuccessEvent, PdDeployErrorEvent, PdDeploySuccessEvent, PdDisconnectEvent, PdDisconnectRequestEvent, PdErrorEvent, PdPropsChangeEvent, PdRunErrorEvent, PdRunSuccessEvent, PdSubmitEvent, PdTriggerDeleteEvent } from '../events/index.js';

export * from './hooks.js';

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
 *
 * React wrapper of `<pd-account-list>`.
 */
export const PdAccountList = createComponent({
  react: React,
  tagName: 'pd-account-list',
  elementClass: PdAccountListElement,
  displayName: 'PdAccountList',
  events: {
    /** The user confirmed a disconnect, before anything is deleted; cancelable: `preventDefault()` keeps the account. `event.account`. */
    onPdDisconnectRequest: 'pd-disconnect-request' as EventName<PdDisconnectRequestEvent>,
    /** An account was deleted (one event per account with "disconnect all"): `event.account`. */
    onPdDisconnect: 'pd-disconnect' as EventName<PdDisconnectEvent>,
    /** Loading the accounts failed (`event.code` `load_failed`) or a delete failed (`disconnect_failed`): `event.message`, `event.cause`. */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
    /** Reconnect is about to open the Connect flow; cancelable: `event.app`, `event.accountId`. */
    onPdConnectStart: 'pd-connect-start' as EventName<PdConnectStartEvent>,
    /** The account was reconnected and confirmed: `event.account`, `event.reconnected`. */
    onPdConnectSuccess: 'pd-connect-success' as EventName<PdConnectSuccessEvent>,
    /** Reconnect failed or was cancelled: `event.code`, `event.message`. */
    onPdConnectError: 'pd-connect-error' as EventName<PdConnectErrorEvent>,
    /** The Connect page closed: `event.successful`, `event.completed`. */
    onPdConnectClose: 'pd-connect-close' as EventName<PdConnectCloseEvent>,
  },
});

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
 *
 * React wrapper of `<pd-accounts-console>`.
 */
export const PdAccountsConsole = createComponent({
  react: React,
  tagName: 'pd-accounts-console',
  elementClass: PdAccountsConsoleElement,
  displayName: 'PdAccountsConsole',
  events: {
    /** An account was revoked: `event.account`, `event.externalUserId`. */
    onPdDisconnect: 'pd-disconnect' as EventName<PdDisconnectEvent>,
    /** The CSV of the current view is ready; cancelable (no download): `event.csv`, `event.filename`, `event.count`. */
    onPdAccountsExport: 'pd-accounts-export' as EventName<Event>,
    /** Loading failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`. */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
  },
});

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
 *
 * React wrapper of `<pd-action-form>`.
 */
export const PdActionForm = createComponent({
  react: React,
  tagName: 'pd-action-form',
  elementClass: PdActionFormElement,
  displayName: 'PdActionForm',
  events: {
    /** The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`. */
    onPdPropsChange: 'pd-props-change' as EventName<PdPropsChangeEvent>,
    /** The user submitted a valid form; cancelable: `preventDefault()` stops the run. `event.configuredProps`, `event.dynamicPropsId`. */
    onPdSubmit: 'pd-submit' as EventName<PdSubmitEvent>,
    /** The action ran: `event.result` (`ret`, `exports`, `os`). */
    onPdRunSuccess: 'pd-run-success' as EventName<PdRunSuccessEvent>,
    /** The run failed or the action reported an error: `event.message`, `event.result`. */
    onPdRunError: 'pd-run-error' as EventName<PdRunErrorEvent>,
    /** The component could not be loaded (`load_failed`, `not_found`) or `configured-props` is not valid JSON (`invalid_configured_props`). */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
    /** An account field is about to open the Connect flow; cancelable. */
    onPdConnectStart: 'pd-connect-start' as EventName<PdConnectStartEvent>,
    /** An account was connected from an account field. */
    onPdConnectSuccess: 'pd-connect-success' as EventName<PdConnectSuccessEvent>,
    /** Connecting from an account field failed or was cancelled. */
    onPdConnectError: 'pd-connect-error' as EventName<PdConnectErrorEvent>,
    /** The Connect page closed. */
    onPdConnectClose: 'pd-connect-close' as EventName<PdConnectCloseEvent>,
  },
});

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
 *
 * React wrapper of `<pd-app-directory>`.
 */
export const PdAppDirectory = createComponent({
  react: React,
  tagName: 'pd-app-directory',
  elementClass: PdAppDirectoryElement,
  displayName: 'PdAppDirectory',
  events: {
    /** The user searched, chose a category, or opened or left an app: `event.state` (`query`, `category`, `app`). */
    onPdDirectoryNavigate: 'pd-directory-navigate' as EventName<Event>,
    /** The user chose an action or trigger in the detail view; cancelable (keeps `open-forms` from opening it): `event.componentKey`, `event.componentType`, `event.app`. */
    onPdDirectoryComponent: 'pd-directory-component' as EventName<Event>,
    /** Loading apps failed (`event.code` `load_failed`), or the element is misconfigured (`config_invalid`): `event.message`, `event.cause`. */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
    /** Connect on a card is about to open the Connect flow; cancelable: `event.app`. */
    onPdConnectStart: 'pd-connect-start' as EventName<PdConnectStartEvent>,
    /** An account was connected and confirmed: `event.account`, `event.reconnected`. */
    onPdConnectSuccess: 'pd-connect-success' as EventName<PdConnectSuccessEvent>,
    /** Connecting failed or was cancelled: `event.code`, `event.message`. */
    onPdConnectError: 'pd-connect-error' as EventName<PdConnectErrorEvent>,
    /** The Connect page closed: `event.successful`, `event.completed`. */
    onPdConnectClose: 'pd-connect-close' as EventName<PdConnectCloseEvent>,
  },
});

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
 *
 * React wrapper of `<pd-app-select>`.
 */
export const PdAppSelect = createComponent({
  react: React,
  tagName: 'pd-app-select',
  elementClass: PdAppSelectElement,
  displayName: 'PdAppSelect',
  events: {
    /** The user picked or cleared an app (not when `value` is set by code): `event.value` (and `event.target.value`) is the slug, `event.selected` (and the element's `selected`) the App. */
    onChange: 'change' as EventName<PdAppChangeEvent>,
    /** Loading apps failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`. */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
  },
});

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
 *
 * React wrapper of `<pd-component-select>`.
 */
export const PdComponentSelect = createComponent({
  react: React,
  tagName: 'pd-component-select',
  elementClass: PdComponentSelectElement,
  displayName: 'PdComponentSelect',
  events: {
    /** The user picked or cleared a component (not when `value` is set by code): `event.value` (and `event.target.value`) is the key, `event.selected` (and the element's `selected`) the Component. */
    onChange: 'change' as EventName<PdComponentChangeEvent>,
    /** Loading components failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`. */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
  },
});

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
 *
 * React wrapper of `<pd-connect-button>`.
 */
export const PdConnectButton = createComponent({
  react: React,
  tagName: 'pd-connect-button',
  elementClass: PdConnectButtonElement,
  displayName: 'PdConnectButton',
  events: {
    /** Before the flow opens; cancelable. `detail`-free: read `event.app`, `event.accountId`. */
    onPdConnectStart: 'pd-connect-start' as EventName<PdConnectStartEvent>,
    /** The account is connected and confirmed: `event.account`, `event.reconnected`. */
    onPdConnectSuccess: 'pd-connect-success' as EventName<PdConnectSuccessEvent>,
    /** The flow failed or was cancelled: `event.code` (`config_invalid`, `token_failed`, `load_failed`, `popup_blocked`, `busy`, `user_cancelled`, `connect_failed`), `event.message`. */
    onPdConnectError: 'pd-connect-error' as EventName<PdConnectErrorEvent>,
    /** The connect page closed: `event.successful`, `event.completed`. */
    onPdConnectClose: 'pd-connect-close' as EventName<PdConnectCloseEvent>,
  },
});

/**
 * Shares Connect settings with every `pd-*` element inside it.
 *
 * Set the user, the token source, the environment, URLs, locale and theme once; elements inside
 * take what they do not set themselves. Any subset of settings is valid here: the elements inside
 * check what they end up with. Providers nest: an inner one overrides an outer one. Renders
 * nothing of its own (`display: contents`).
 *
 * React wrapper of `<pd-connect-provider>`.
 */
export const PdConnectProvider = createComponent({
  react: React,
  tagName: 'pd-connect-provider',
  elementClass: PdConnectProviderElement,
  displayName: 'PdConnectProvider',
  events: {
  },
});

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
 *
 * React wrapper of `<pd-deployed-triggers>`.
 */
export const PdDeployedTriggers = createComponent({
  react: React,
  tagName: 'pd-deployed-triggers',
  elementClass: PdDeployedTriggersElement,
  displayName: 'PdDeployedTriggers',
  events: {
    /** The user paused, resumed or renamed a trigger and the API confirmed it: `event.trigger`, `event.changes` (`{active}` or `{name}`). */
    onPdTriggerUpdate: 'pd-trigger-update' as EventName<Event>,
    /** The user confirmed deleting a trigger and it was deleted: `event.trigger`. */
    onPdTriggerDelete: 'pd-trigger-delete' as EventName<PdTriggerDeleteEvent>,
    /** The list could not be loaded (`load_failed`, `token_failed`) or the element is misconfigured (`config_invalid`). */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
  },
});

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
 *
 * React wrapper of `<pd-trigger-form>`.
 */
export const PdTriggerForm = createComponent({
  react: React,
  tagName: 'pd-trigger-form',
  elementClass: PdTriggerFormElement,
  displayName: 'PdTriggerForm',
  events: {
    /** The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`. */
    onPdPropsChange: 'pd-props-change' as EventName<PdPropsChangeEvent>,
    /** The user submitted a valid form; cancelable: `preventDefault()` stops the deploy. `event.configuredProps`, `event.dynamicPropsId`, `event.componentKey`. */
    onPdSubmit: 'pd-submit' as EventName<PdSubmitEvent>,
    /** The trigger was deployed: `event.trigger` (`id`, `name`, `active`, `createdAt`, …), `event.configuredProps`. */
    onPdDeploySuccess: 'pd-deploy-success' as EventName<PdDeploySuccessEvent>,
    /** The deploy failed: `event.message`, `event.cause`. */
    onPdDeployError: 'pd-deploy-error' as EventName<PdDeployErrorEvent>,
    /** The user paused, resumed or renamed a deployed trigger in the list: `event.trigger`, `event.changes`. */
    onPdTriggerUpdate: 'pd-trigger-update' as EventName<Event>,
    /** The user confirmed deleting a deployed trigger and it was deleted: `event.trigger`. */
    onPdTriggerDelete: 'pd-trigger-delete' as EventName<PdTriggerDeleteEvent>,
    /** The component could not be loaded (`load_failed`, `not_found`), `configured-props` is not valid JSON (`invalid_configured_props`), or the deployed-trigger list failed to load (`list_failed`). */
    onPdError: 'pd-error' as EventName<PdErrorEvent>,
    /** An account field is about to open the Connect flow; cancelable. */
    onPdConnectStart: 'pd-connect-start' as EventName<PdConnectStartEvent>,
    /** An account was connected from an account field. */
    onPdConnectSuccess: 'pd-connect-success' as EventName<PdConnectSuccessEvent>,
    /** Connecting from an account field failed or was cancelled. */
    onPdConnectError: 'pd-connect-error' as EventName<PdConnectErrorEvent>,
    /** The Connect page closed. */
    onPdConnectClose: 'pd-connect-close' as EventName<PdConnectCloseEvent>,
  },
});

/** Props of the `PdAccountList` wrapper. */
export type PdAccountListProps = React.ComponentProps<typeof PdAccountList>;
/** Props of the `PdAccountsConsole` wrapper. */
export type PdAccountsConsoleProps = React.ComponentProps<typeof PdAccountsConsole>;
/** Props of the `PdActionForm` wrapper. */
export type PdActionFormProps = React.ComponentProps<typeof PdActionForm>;
/** Props of the `PdAppDirectory` wrapper. */
export type PdAppDirectoryProps = React.ComponentProps<typeof PdAppDirectory>;
/** Props of the `PdAppSelect` wrapper. */
export type PdAppSelectProps = React.ComponentProps<typeof PdAppSelect>;
/** Props of the `PdComponentSelect` wrapper. */
export type PdComponentSelectProps = React.ComponentProps<typeof PdComponentSelect>;
/** Props of the `PdConnectButton` wrapper. */
export type PdConnectButtonProps = React.ComponentProps<typeof PdConnectButton>;
/** Props of the `PdConnectProvider` wrapper. */
export type PdConnectProviderProps = React.ComponentProps<typeof PdConnectProvider>;
/** Props of the `PdDeployedTriggers` wrapper. */
export type PdDeployedTriggersProps = React.ComponentProps<typeof PdDeployedTriggers>;
/** Props of the `PdTriggerForm` wrapper. */
export type PdTriggerFormProps = React.ComponentProps<typeof PdTriggerForm>;
