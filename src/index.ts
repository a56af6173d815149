/**
 * pd-connect-elements: registers every element and exports their classes, the events, and
 * `configure()` for page-wide defaults.
 */
export { PdConnectProvider } from './elements/connect-provider/pd-connect-provider.js';
export { PdConnectButton } from './elements/connect-button/pd-connect-button.js';
export { PdAccountList } from './elements/account-list/pd-account-list.js';
export { PdAppSelect } from './elements/app-select/pd-app-select.js';
export { PdComponentSelect } from './elements/component-select/pd-component-select.js';
export { PdActionForm } from './elements/action-form/pd-action-form.js';
export type { RunCallback, RunRequest } from './elements/action-form/pd-action-form.js';
export { PdTriggerForm } from './elements/trigger-form/pd-trigger-form.js';
export { PdAppDirectory } from './elements/app-directory/pd-app-directory.js';
export { PdAccountsConsole } from './elements/accounts-console/pd-accounts-console.js';
export { PdDeployedTriggers } from './elements/deployed-triggers/pd-deployed-triggers.js';
export type { DeployCallback, DeployRequest, TriggerListScope } from './elements/trigger-form/pd-trigger-form.js';
export * from './events/index.js';
export { configure } from './session/config.js';
export type { ConnectConfig } from './session/config.js';
export type { DeployedTrigger } from './session/session.js';
export { TokenError, ApiError } from './session/errors.js';
export { registerLocale } from './i18n/index.js';
export type { Strings, StringKey } from './i18n/index.js';
export type { Account, App, ConnectTokenResponse, TokenCallback, Theme, Environment } from './session/types.js';
// The headless API as one namespace (`headless.accounts(session)`); `pd-connect-elements/headless` has it without the elements.
export * as headless from './headless/index.js';
export { connectSession } from './headless/index.js';
