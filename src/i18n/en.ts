import type { enAccounts } from './en-accounts.js';
import type { enAccountsConsole } from './en-accounts-console.js';
import type { enAppDirectory } from './en-app-directory.js';
import type { enDeployedTriggers } from './en-deployed-triggers.js';
import type { enForms } from './en-forms.js';
import type { enSelects } from './en-selects.js';

/**
 * English strings: the reference set every locale translates. `{name}` marks a parameter. Here
 * are the ones every element may show (connecting, settings, API problems); each element's own
 * ship with it: en-accounts.ts (the account list), en-selects.ts (the selects), en-forms.ts,
 * en-app-directory.ts, en-accounts-console.ts, en-deployed-triggers.ts.
 */
export const en = {
  'connect.label': 'Connect {app}',
  'connect.labelGeneric': 'Connect an account',
  'connect.reconnectLabel': 'Reconnect {app}',
  'connect.preparing': 'Preparing…',
  'connect.connecting': 'Connecting to {app}…',
  'connect.connected': 'Connected {account}',
  'connect.retry': 'Try connecting {app} again',
  'connect.closeOverlay': 'Close the connect window',
  'connect.frameTitle': 'Connect your {app} account',
  'connect.linkBlocked': 'Your browser blocked the connect window. Open it with this link instead:',
  'connect.linkUnwatchable': 'Finish connecting in the connect window; this page finds the new account when you come back. If the window is gone, open it again:',
  'connect.linkOpened': 'Finish connecting in the new tab; this page finds the new account when you come back.',
  'connect.openLink': 'Open the {app} connect page',
  'connect.cancelLink': 'Cancel',
  'status.linkBlocked': 'Your browser blocked the {app} connect window. Use the link after the button to open it.',
  'status.preparing': 'Preparing to connect {app}.',
  'status.connecting': 'The {app} connect window is open.',
  'status.connected': '{account} is connected.',
  'status.cancelled': 'Connecting {app} was cancelled.',
  'error.config_invalid': 'This button is not set up: {detail}',
  'error.token_failed': 'Could not start connecting: {detail}',
  'error.load_failed': 'The connect window did not load. Check your connection and try again.',
  'error.popup_blocked': 'Your browser blocked the connect window. Allow pop-ups for this site and try again.',
  'error.busy': 'Another connect window is already open.',
  'error.user_cancelled': 'Connecting was cancelled.',
  'error.connect_failed': 'Connecting failed: {detail}',
  'error.load': 'Could not load your accounts: {detail}',
  'error.disconnect': 'Could not disconnect {account}: {detail}',
  'error.disconnectUnknown': 'It is not known whether {account} was disconnected ({detail}). The list is being checked.',
  'config.missingApp': 'set the app attribute (for example app="slack").',
  'config.missingUser': 'set external-user-id here or on <pd-connect-provider>.',
  'config.missingToken': 'set token-endpoint, or the tokenCallback or token property.',
  'config.badMode': 'mode must be "iframe" or "link", not "{value}".',
  'config.badEnvironment': 'environment must be "development" or "production", not "{value}".',
  'config.badBaseUrl': 'base-url must be an http(s) URL such as https://api.pipedream.com, not "{value}".',
  'config.badFrontendHost': 'frontend-host must be a host such as pipedream.com, or an http(s) URL, not "{value}".',
  'config.badTimeout': 'token-timeout must be a number of milliseconds, not "{value}".',
  'config.badConnectMap': '{setting} must be an object of app slugs, such as { "slack": … }, not {value}.',
  'config.badConnectText': '{setting} must map each app slug to text; "{app}" maps to {value}.',
  'config.badConnectBoolean': '{setting} must map each app slug to true or false; "{app}" maps to {value}.',
  'config.badConnectFlag': '{setting} must be true or false, not {value}.',
  'config.badConnectOption': '{setting} must be text, not {value}.',
  'problem.unreachable': 'The Connect API could not be reached. Check your connection.',
  'problem.timeout': 'The Connect API did not answer in time.',
  'problem.status': 'The Connect API answered with an error.',
  'problem.unreadable': 'The Connect API answered something that could not be read.',
  'problem.code': 'Part of the page’s code could not be downloaded. Check your connection and try again; if it keeps failing, reload the page.',
  'problem.tokenUnreachable': 'The token endpoint {endpoint} could not be reached.',
  'problem.tokenStatus': 'The token endpoint {endpoint} answered HTTP {status}.',
  'problem.tokenCallbackFailed': 'The token callback failed: {detail}',
  'problem.tokenTimeout': 'The token endpoint did not answer within {seconds} seconds.',
  'problem.tokenCallbackTimeout': 'The token callback did not finish within {seconds} seconds.',
  'problem.wrongUser': 'The sign-in token is for a different user, so nothing is shown. Reload the page or sign in again.',
} as const;

export type StringKey = keyof typeof en | keyof typeof enAccounts | keyof typeof enSelects | keyof typeof enForms | keyof typeof enAppDirectory | keyof typeof enAccountsConsole | keyof typeof enDeployedTriggers;
export type Strings = Record<StringKey, string>;
/** Plural forms beyond English's one/other, for languages that have them (Intl.PluralRules categories). */
/** Strings counted with plural rules: `{base}.one` and `{base}.other` in English, more forms where a language has them. */
export type PluralBase = 'accounts.count' | 'apps.results' | 'components.results' | 'form.remote.count' | 'form.status.invalid';
export type PluralKey = `${PluralBase}.${'zero' | 'two' | 'few' | 'many'}`;
/** A shipped locale: every string, plus the plural forms its language needs. */
export type LocaleStrings = Strings & Partial<Record<PluralKey, string>>;
