import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Strings } from '../i18n/index.js';
import type { ConnectConfig } from '../session/config.js';
import type { ConnectTokenResponse, Environment, Theme, TokenCallback } from '../session/types.js';

/**
 * The shared Connect settings as attributes and properties, and a guarded `define()`: what every
 * `pd-*` element accepts, the provider included. It holds settings only; resolving them, the
 * session, locale and theme are controllers that `PdElement` adds.
 */
export class PdSettingsElement extends LitElement {
  /** Registers the element unless the tag is taken (the npm build and the CDN bundle may both load). */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** Your app's id for the signed-in user. */
  @property({ attribute: 'external-user-id' }) externalUserId?: string;
  /** Your server's token endpoint: receives POST `{"external_user_id"}`, answers `{token, expires_at}`. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;
  /** `development` or `production`. */
  @property() environment?: Environment;
  /** Connect API base URL (default `https://api.pipedream.com`). */
  @property({ attribute: 'base-url' }) baseUrl?: string;
  /** Host of the connect page (default `pipedream.com`), or its full URL. */
  @property({ attribute: 'frontend-host' }) frontendHost?: string;
  /** How long the token endpoint or callback may take, in milliseconds (default 15000); then the element shows an error with Retry. */
  @property({ attribute: 'token-timeout', type: Number }) tokenTimeout?: number;
  /** Language of the element's text, e.g. `de` (default: the page's `lang`, then the browser's). */
  @property() locale?: string;
  /** `light` (default), `dark` or `system`. */
  @property() theme?: Theme;
  /** Returns a Connect token, instead of `token-endpoint`. */
  @property({ attribute: false }) tokenCallback?: TokenCallback;
  /** A static Connect token (a property only: secrets never go in attributes). */
  @property({ attribute: false }) token?: ConnectTokenResponse | string;
  /** OAuth client per app slug, e.g. `{ slack: "oa_abc123" }`. */
  @property({ attribute: false }) oauthAppConfig?: Record<string, string>;
  /** OAuth scope profile per app slug, so connects ask for no more than needed, e.g. `{ slack: "read_only" }`. */
  @property({ attribute: false }) oauthScopeProfiles?: Record<string, string>;
  /** App override per app slug (its pre-defined field values and OAuth client), e.g. `{ jira: "ao_abc123" }`. */
  @property({ attribute: false }) appOverrides?: Record<string, string>;
  /** Apps whose connect page asks the user for their own OAuth client, e.g. `{ github: true }`. */
  @property({ attribute: false }) customOauthClients?: Record<string, boolean>;
  /** Hide the connect page's own close control; the overlay's close button and Escape still end the flow. */
  @property({ attribute: 'hide-close', type: Boolean }) hideClose?: boolean;
  /** Per-string overrides of the built-in text. */
  @property({ attribute: false }) strings?: Partial<Strings>;

  /** This element's own settings, before a provider and page defaults fill the gaps. */
  protected ownConfig(): ConnectConfig {
    return {
      externalUserId: this.externalUserId,
      tokenEndpoint: this.tokenEndpoint,
      tokenCallback: this.tokenCallback,
      token: this.token,
      environment: this.environment,
      baseUrl: this.baseUrl,
      frontendHost: this.frontendHost,
      tokenTimeout: this.tokenTimeout,
      locale: this.locale,
      theme: this.theme,
      oauthAppConfig: this.oauthAppConfig,
      oauthScopeProfiles: this.oauthScopeProfiles,
      appOverrides: this.appOverrides,
      customOauthClients: this.customOauthClients,
      // An absent attribute leaves the choice to a provider or `configure()`.
      hideClose: this.hideClose || undefined,
      strings: this.strings,
    };
  }
}
