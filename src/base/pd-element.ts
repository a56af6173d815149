import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PdErrorEvent } from '../events/index.js';
import { type StringKey, type Strings, type Translate, directionOf, loadLocale, resolveLocale, translator } from '../i18n/index.js';
import {
  type ConnectConfig, connectConfigContext, isHttpUrl, isValidFrontendHost, mergeConfig, onPageConfigChange, pageConfig, watchForLateProviders,
} from '../session/config.js';
import { type ConnectSession, getSession, missingConfig, sessionConfig } from '../session/session.js';
import type { ConnectTokenResponse, TokenCallback } from '../session/types.js';

const ENVIRONMENTS = ['development', 'production'];
/** One shared query for every element; `theme="system"` follows it live. */
const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
const THEMES = ['light', 'dark', 'system'];

/**
 * The element's internals; where a DOM lacks them or parts of them (happy-dom has none, jsdom no
 * form values: the simulated DOMs of users' unit tests), stand-ins fill the gaps, so the elements
 * render and work there, without form association and custom states.
 */
function internalsOf(element: HTMLElement): ElementInternals {
  const valid = { valid: true, valueMissing: false } as ValidityState;
  const standIn: Record<string, unknown> = {
    form: null,
    labels: [] as unknown as NodeList,
    states: new Set<string>(),
    validity: valid,
    validationMessage: '',
    willValidate: false,
    checkValidity: () => true,
    reportValidity: () => true,
    setFormValue: () => undefined,
    setValidity: () => undefined,
  };
  if (typeof element.attachInternals !== 'function') return standIn as unknown as ElementInternals;
  const internals = element.attachInternals();
  for (const [name, value] of Object.entries(standIn)) {
    if (!(name in internals)) Object.defineProperty(internals, name, { value, configurable: true });
  }
  return internals;
}

/**
 * The thin base of every `pd-*` element: the shared config attributes, config resolution
 * (element → nearest `<pd-connect-provider>` → `configure()`), the shared session, locale and
 * direction, theme states, and a guarded `define()`.
 */
export class PdElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Registers the element unless the tag is taken (the npm build and the CDN bundle may both load). */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** Your app's id for the signed-in user. */
  @property({ attribute: 'external-user-id' }) externalUserId?: string;
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;
  /** `development` or `production`. */
  @property() environment?: string;
  /** Connect API base URL (default `https://api.pipedream.com`). */
  @property({ attribute: 'base-url' }) baseUrl?: string;
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  @property({ attribute: 'frontend-host' }) frontendHost?: string;
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  @property({ attribute: 'token-timeout', type: Number }) tokenTimeout?: number;
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  @property() locale?: string;
  /** `light` (default), `dark` or `system`. */
  @property() theme?: string;
  /** Returns a Connect token, instead of `token-endpoint`. */
  @property({ attribute: false }) tokenCallback?: TokenCallback;
  /** A static Connect token (a property only: secrets never go in attributes). */
  @property({ attribute: false }) token?: ConnectTokenResponse | string;
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  @property({ attribute: false }) oauthAppConfig?: Record<string, string>;
  /** Per-string overrides of the built-in text. */
  @property({ attribute: false }) strings?: Partial<Strings>;

  protected readonly internals: ElementInternals = internalsOf(this);
  /** The merged config, recomputed before each render. */
  protected config: ConnectConfig = {};
  protected t: Translate = translator('en');
  private localeLoad?: Promise<void>;
  protected localeCode = 'en';
  protected direction: 'ltr' | 'rtl' = 'ltr';
  /** A translated description of a config mistake, shown instead of the element's normal content. */
  protected configError?: string;

  private providerConfig?: ConnectConfig;
  private stopPageConfig?: () => void;

  constructor() {
    super();
    watchForLateProviders();
    new ContextConsumer(this, {
      context: connectConfigContext,
      subscribe: true,
      callback: (value) => {
        this.providerConfig = value;
        this.requestUpdate();
      },
    });
  }

  private readonly onSchemeChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopPageConfig = onPageConfigChange(() => this.requestUpdate());
    prefersDark?.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPageConfig?.();
    prefersDark?.removeEventListener('change', this.onSchemeChange);
  }

  /** This element's own settings, before the provider and page defaults fill the gaps. */
  protected ownConfig(): ConnectConfig {
    return {
      externalUserId: this.externalUserId,
      tokenEndpoint: this.tokenEndpoint,
      tokenCallback: this.tokenCallback,
      token: this.token,
      environment: this.environment as ConnectConfig['environment'],
      baseUrl: this.baseUrl,
      frontendHost: this.frontendHost,
      tokenTimeout: this.tokenTimeout,
      locale: this.locale,
      theme: this.theme as ConnectConfig['theme'],
      oauthAppConfig: this.oauthAppConfig,
      strings: this.strings,
    };
  }

  /** What the nearest `<pd-connect-provider>` supplies. */
  protected providerContext(): ConnectConfig | undefined {
    return this.providerConfig;
  }

  protected inheritedConfig(): ConnectConfig {
    return mergeConfig(this.providerConfig, pageConfig());
  }

  /** Also waits for a shipped locale's strings, so the element is in its language when this resolves. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.localeLoad) {
      const load = this.localeLoad;
      await load;
      done = await super.getUpdateComplete();
      if (this.localeLoad === load) this.localeLoad = undefined;
    }
    return done;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.config = mergeConfig(this.ownConfig(), this.inheritedConfig());
    this.localeCode = resolveLocale(this.config.locale);
    this.direction = directionOf(this.localeCode);
    this.t = translator(this.localeCode, this.config.strings);
    const strings = loadLocale(this.localeCode);
    if (strings && this.localeLoad !== strings) {
      // English shows until the locale's strings arrive; `updateComplete` waits for them.
      this.localeLoad = strings;
      void strings.then(() => this.requestUpdate());
    }
    const theme = THEMES.includes(this.config.theme ?? '') ? this.config.theme : 'light';
    this.setState('theme-dark', theme === 'dark' || (theme === 'system' && Boolean(prefersDark?.matches)));
    this.setState('theme-system', theme === 'system');
    this.configError = this.validateConfig();
    // Only a complete, checked config makes a session: a provider may hold any subset of settings.
    const complete = !this.configError && !this.settingsError() && !missingConfig(this.config);
    this.currentSession = complete ? getSession(sessionConfig(this.config)) : undefined;
  }

  /** What is wrong with the shared settings' values (not their absence), as a translated message. */
  protected settingsError(): string | undefined {
    const { environment, baseUrl, frontendHost, tokenTimeout } = this.config;
    if (environment && !ENVIRONMENTS.includes(environment)) return this.t('config.badEnvironment', { value: environment });
    if (baseUrl && !isHttpUrl(baseUrl)) return this.t('config.badBaseUrl', { value: baseUrl });
    if (frontendHost && !isValidFrontendHost(frontendHost)) return this.t('config.badFrontendHost', { value: frontendHost });
    if (tokenTimeout !== undefined && !(typeof tokenTimeout === 'number' && tokenTimeout > 0 && Number.isFinite(tokenTimeout))) {
      return this.t('config.badTimeout', { value: String(tokenTimeout) });
    }
    return undefined;
  }

  /** Checks shared settings; elements extend it with their own. Returns a translated message. */
  protected validateConfig(): string | undefined {
    const invalid = this.settingsError();
    if (invalid) return invalid;
    const missing = missingConfig(this.config);
    return missing ? this.t(missing) : undefined;
  }

  private currentSession?: ConnectSession;

  /** The page-wide session for this user and token source, or undefined while the config is incomplete. */
  protected get session(): ConnectSession | undefined {
    return this.currentSession;
  }

  private reportedConfigError?: string;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A configuration mistake is shown and reported once (`pd-error`, `config_invalid`), not thrown;
    // an element inside a provider that is not defined yet waits for it before reporting.
    if (this.configError === this.reportedConfigError || this.waitingForProvider()) return;
    this.reportedConfigError = this.configError;
    if (this.configError) this.emit(new PdErrorEvent('config_invalid', this.configError));
  }

  /** Inside a `<pd-connect-provider>` whose definition has not loaded yet (scripts in any order). */
  private waitingForProvider(): boolean {
    if (customElements.get('pd-connect-provider')) return false;
    for (let node: Node | null = this.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
      if (node instanceof Element && node.localName === 'pd-connect-provider') return true;
    }
    return false;
  }

  /** Dispatches one of the typed `pd-*` events; returns false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  protected setState(state: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(state);
      else this.internals.states.delete(state);
    } catch {
      // Browsers without CustomStateSet keep working, without the :state() styling hooks.
    }
  }

  protected text(key: StringKey, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }
}
