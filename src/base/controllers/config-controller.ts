import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ConnectConfig, connectConfigContext, mergeConfig, onPageConfigChange, pageConfig, watchForLateProviders } from '../../session/config.js';

/**
 * Resolves an element's settings: its own, then the nearest `<pd-connect-provider>`'s (also one
 * defined or connected later), then the page's `configure()` defaults. Re-renders the host when a
 * provider or the page defaults change.
 */
export class ConfigController implements ReactiveController {
  /** What the nearest provider supplies. */
  provided?: ConnectConfig;
  private stopPageConfig?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    watchForLateProviders();
    new ContextConsumer(host, {
      context: connectConfigContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.stopPageConfig = onPageConfigChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopPageConfig?.();
  }

  /** The element's own settings with the gaps filled from the provider, then the page. */
  resolve(own: ConnectConfig): ConnectConfig {
    return mergeConfig(own, this.provided, pageConfig());
  }
}
