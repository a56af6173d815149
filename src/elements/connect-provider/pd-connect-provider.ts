import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { PdElement } from '../../base/pd-element.js';
import { connectConfigContext, mergeConfig } from '../../session/config.js';

/**
 * @tag pd-connect-provider
 * @summary Shares Connect settings with every `pd-*` element inside it.
 *
 * Set the user, the token source, the environment, URLs, locale and theme once; elements inside
 * take what they do not set themselves. Providers nest: an inner one overrides an outer one.
 * Renders nothing of its own (`display: contents`).
 *
 * @slot - The elements that use these settings.
 */
export class PdConnectProvider extends PdElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new ContextProvider(this, { context: connectConfigContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Pass on only what is set here and above, not page defaults: consumers add those themselves.
    this.provider.setValue(mergeConfig(this.ownConfig(), this.providerContext()));
  }

  /** A provider's missing settings are not an error: the elements inside report what they lack. */
  protected override validateConfig(): string | undefined {
    return undefined;
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
