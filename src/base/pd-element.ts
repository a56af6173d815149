import type { PropertyValues } from 'lit';
import { PdErrorEvent } from '../events/index.js';
import type { Translate } from '../i18n/index.js';
import { type ConnectConfig, connectSettingProblem, isHttpUrl, isValidFrontendHost } from '../session/config.js';
import { type ConnectSession, missingConfig } from '../session/session.js';
import { ConfigController } from './controllers/config-controller.js';
import { LocaleController } from './controllers/locale-controller.js';
import { SessionController } from './controllers/session-controller.js';
import { ThemeController } from './controllers/theme-controller.js';
import { PdSettingsElement } from './pd-settings-element.js';

const ENVIRONMENTS = ['development', 'production'];

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
 * The thin base of every `pd-*` element that talks to Connect: the shared settings, resolved by a
 * config controller (element → nearest `<pd-connect-provider>` → `configure()`), locale and
 * direction, theme states and the shared session, each a controller; the config checks and their
 * one-time report; typed event dispatch.
 */
export class PdElement extends PdSettingsElement {
  static override shadowRootOptions: ShadowRootInit = { ...PdSettingsElement.shadowRootOptions, delegatesFocus: true };

  protected readonly internals: ElementInternals = internalsOf(this);
  /** The merged config, recomputed before each render. */
  protected config: ConnectConfig = {};
  /** A translated description of a config mistake, shown instead of the element's normal content. */
  protected configError?: string;

  private readonly settings = new ConfigController(this);
  private readonly language = new LocaleController(this);
  private readonly sessions = new SessionController(this);
  private readonly themes = new ThemeController(this, (state, on) => this.setState(state, on));

  protected get t(): Translate {
    return this.language.t;
  }

  protected get localeCode(): string {
    return this.language.code;
  }

  protected get direction(): 'ltr' | 'rtl' {
    return this.language.direction;
  }

  /** The page-wide session for this user and token source, or undefined while the config is incomplete. */
  protected get session(): ConnectSession | undefined {
    return this.sessions.session;
  }

  /** What every connect flow this element starts is made of: the element, its session, config and strings. */
  protected connectContext(session: ConnectSession): { host: HTMLElement; session: ConnectSession; config: ConnectConfig; t: Translate } {
    return { host: this, session, config: this.config, t: this.t };
  }

  /** Also waits for a shipped locale's strings, so the element is in its language when this resolves. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.language.settled(() => super.getUpdateComplete());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.config = this.settings.resolve(this.ownConfig());
    this.language.apply(this.config);
    this.themes.apply(this.config);
    this.configError = this.validateConfig();
    this.sessions.apply(this.config, !this.configError && !this.settingsError());
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
    const connectProblem = connectSettingProblem(this.config);
    return connectProblem && this.t(connectProblem.key, connectProblem.values);
  }

  /** Checks shared settings; elements extend it with their own. Returns a translated message. */
  protected validateConfig(): string | undefined {
    const invalid = this.settingsError();
    if (invalid) return invalid;
    const missing = missingConfig(this.config);
    return missing ? this.t(missing) : undefined;
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
}
