import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { ConfigController } from '../../base/controllers/config-controller.js';
import { PdSettingsElement } from '../../base/pd-settings-element.js';
import { connectConfigContext, mergeConfig } from '../../session/config.js';

/**
 * @tag pd-connect-provider
 * @summary Shares Connect settings with every `pd-*` element inside it.
 *
 * Set the user, the token source, the environment, URLs, locale and theme once; elements inside
 * take what they do not set themselves. Any subset of settings is valid here: the elements inside
 * check what they end up with. Providers nest: an inner one overrides an outer one. Renders
 * nothing of its own (`display: contents`).
 *
 * @slot - The elements that use these settings.
 */
export class PdConnectProvider extends PdSettingsElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: connectConfigContext, initialValue: {} });
  /** An outer provider's settings, which this one's override. */
  private readonly outer = new ConfigController(this);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Pass on only what is set here and above, not page defaults: consumers add those themselves.
    this.provider.setValue(mergeConfig(this.ownConfig(), this.outer.provided));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

PdConnectProvider.define('pd-connect-provider');

declare global {
  interface HTMLElementTagNameMap {
    'pd-connect-provider': PdConnectProvider;
  }
}
