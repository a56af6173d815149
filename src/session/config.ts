import { ContextRoot, createContext } from '@lit/context';
import type { Strings } from '../i18n/index.js';
import type { ConnectTokenResponse, Environment, Theme, TokenCallback } from './types.js';

/** Everything an element needs to talk to Connect; each field can come from the element, a provider or `configure()`. */
export interface ConnectConfig {
  /** Your app's id for the signed-in user. */
  externalUserId?: string;
  /** URL the elements POST `{"external_user_id": …}` to; answers Pipedream's create-token JSON. */
  tokenEndpoint?: string;
  /** Returns a Connect token; used instead of `tokenEndpoint`. */
  tokenCallback?: TokenCallback;
  /** A static token (never from an attribute: secrets stay out of the DOM). */
  token?: ConnectTokenResponse | string;
  environment?: Environment;
  /** Connect API base URL (default `https://api.pipedream.com`). */
  baseUrl?: string;
  /** Host of the connect page (`pipedream.com`), or a full URL of it (`http://127.0.0.1:4010/_static/connect.html`). */
  frontendHost?: string;
  locale?: string;
  theme?: Theme;
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  oauthAppConfig?: Record<string, string>;
  /** OAuth scope profile per app slug, for least-privilege connects, e.g. `{ slack: "read_only" }`. */
  oauthScopeProfiles?: Record<string, string>;
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  appOverrides?: Record<string, string>;
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  customOauthClients?: Record<string, boolean>;
  /** Hide the connect page's own close control (the overlay keeps one way out). */
  hideClose?: boolean;
  /** Per-string overrides of the translations. */
  strings?: Partial<Strings>;
  /** How long the connect page may take to load before the flow fails, in ms (default 15000). */
  connectTimeout?: number;
  /** How long the token endpoint or callback may take before elements show an error with Retry, in ms (default 15000). */
  tokenTimeout?: number;
}

/** A registered symbol: two copies of the library on one page (npm and CDN) still share providers. */
export const connectConfigContext = createContext<ConnectConfig>(Symbol.for('pd-connect-elements.config'));

const CONTEXT_ROOT = Symbol.for('pd-connect-elements.context-root');

/**
 * Lets an element find a provider that is defined, upgraded or connected after it (per-element
 * scripts in any order, server-rendered tags upgraded later): its unanswered request waits at the
 * document and is asked again when a provider appears. Once per page, whatever copies load.
 */
export function watchForLateProviders(): void {
  const page = globalThis as { [CONTEXT_ROOT]?: true };
  if (page[CONTEXT_ROOT] || typeof document === 'undefined') return;
  page[CONTEXT_ROOT] = true;
  // The root only adds event listeners, which a document takes like an element.
  new ContextRoot().attach(document as unknown as HTMLElement);
}

let pageDefaults: ConnectConfig = {};
const listeners = new Set<() => void>();

/** Sets page-wide defaults for every `pd-*` element (lowest precedence). Returns the merged defaults. */
export function configure(defaults: ConnectConfig): ConnectConfig {
  pageDefaults = { ...pageDefaults, ...defaults };
  for (const listener of listeners) listener();
  return pageDefaults;
}

export function pageConfig(): ConnectConfig {
  return pageDefaults;
}

export function onPageConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Merges config sources: the first defined value of each field wins. */
export function mergeConfig(...sources: (ConnectConfig | undefined)[]): ConnectConfig {
  const merged: Record<string, unknown> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && value !== null && value !== '' && merged[key] === undefined) merged[key] = value;
    }
  }
  return merged as ConnectConfig;
}

export { DEFAULT_BASE_URL } from './early-start.js';
export const DEFAULT_CONNECT_PAGE = 'https://pipedream.com/_static/connect.html';

/** A bare host with an optional port: `pipedream.com`, `connect.example.com:8443`. */
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

/** Whether a value is an absolute http(s) URL with a host: only such a URL is given a token. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Whether `frontendHost` is a bare host or an http(s) URL: anything else would carry a token to a host nobody meant. */
export function isValidFrontendHost(value: string): boolean {
  return value.includes('://') ? isHttpUrl(value) : BARE_HOST.test(value);
}

/** The connect page URL from `frontendHost`: a bare host means Pipedream's path on https. */
export function connectPageUrl(frontendHost: string | undefined): URL {
  if (!frontendHost) return new URL(DEFAULT_CONNECT_PAGE);
  if (frontendHost.includes('://')) {
    const url = new URL(frontendHost);
    if (url.pathname === '/' || url.pathname === '') url.pathname = '/_static/connect.html';
    return url;
  }
  return new URL(`https://${frontendHost}/_static/connect.html`);
}

/** What the connect page is asked for, per app: an explicit value wins over the config's maps. */
export interface ConnectPageRequest {
  oauthAppId?: string;
  oauthScopeProfile?: string;
  appOverrideId?: string;
  customOauthClient?: boolean;
  hideClose?: boolean;
}

/** The connect page options for one app: the explicit ones (an element's attributes), then the config's per-app maps. */
export function connectPageOptionsFor(config: ConnectConfig, app: string, explicit: ConnectPageRequest = {}): ConnectPageRequest {
  const entry = <T>(map: Record<string, T> | undefined): T | undefined => (map && Object.hasOwn(map, app) ? map[app] : undefined);
  const options: ConnectPageRequest = {
    oauthAppId: explicit.oauthAppId || entry(config.oauthAppConfig),
    oauthScopeProfile: explicit.oauthScopeProfile || entry(config.oauthScopeProfiles),
    appOverrideId: explicit.appOverrideId || entry(config.appOverrides),
    customOauthClient: explicit.customOauthClient ?? entry(config.customOauthClients),
    hideClose: explicit.hideClose ?? config.hideClose,
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== '' && value !== false)) as ConnectPageRequest;
}

/** A connect setting that holds the wrong kind of value: which one, and what it holds (as text). */
export interface ConnectSettingProblem {
  key: 'config.badConnectMap' | 'config.badConnectText' | 'config.badConnectBoolean' | 'config.badConnectFlag' | 'config.badConnectOption';
  values: { setting: string; app?: string; value: string };
}

const TEXT_MAPS = ['oauthAppConfig', 'oauthScopeProfiles', 'appOverrides'] as const;

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks the connect page settings, which arrive as properties from any script: each map is a
 * plain object of app slug to a non-empty string (`customOauthClients`: to a boolean), and
 * `hideClose` is a boolean. Returns the first problem, for a translated message.
 */
export function connectSettingProblem(config: ConnectConfig, explicit: ConnectPageRequest = {}): ConnectSettingProblem | undefined {
  for (const [setting, value] of Object.entries(explicit)) {
    if (value === undefined) continue;
    const flag = setting === 'customOauthClient' || setting === 'hideClose';
    if (flag ? typeof value !== 'boolean' : typeof value !== 'string') {
      return { key: flag ? 'config.badConnectFlag' : 'config.badConnectOption', values: { setting, value: shown(value) } };
    }
  }
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  for (const setting of [...TEXT_MAPS, 'customOauthClients'] as const) {
    const map: unknown = config[setting];
    if (map === undefined) continue;
    if (!isMap(map)) return { key: 'config.badConnectMap', values: { setting, value: shown(map) } };
    for (const [app, value] of Object.entries(map)) {
      const flags = setting === 'customOauthClients';
      const fits = flags ? typeof value === 'boolean' : typeof value === 'string' && value.trim() !== '';
      if (!fits) return { key: flags ? 'config.badConnectBoolean' : 'config.badConnectText', values: { setting, app, value: shown(value) } };
    }
  }
  if (config.hideClose !== undefined && typeof config.hideClose !== 'boolean') {
    return { key: 'config.badConnectFlag', values: { setting: 'hideClose', value: shown(config.hideClose) } };
  }
  return undefined;
}
