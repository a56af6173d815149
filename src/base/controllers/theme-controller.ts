import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectConfig } from '../../session/config.js';

/** One shared query for every element; `theme="system"` follows it live. */
const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
const THEMES = ['light', 'dark', 'system'];

/** The `theme-dark` and `theme-system` custom states from the `theme` setting (and the OS scheme for `system`). */
export class ThemeController implements ReactiveController {
  private readonly onSchemeChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly setState: (state: string, on: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    prefersDark?.addEventListener('change', this.onSchemeChange);
  }

  hostDisconnected(): void {
    prefersDark?.removeEventListener('change', this.onSchemeChange);
  }

  /** Call from the host's `willUpdate` with the resolved settings. */
  apply(config: ConnectConfig): void {
    const theme = THEMES.includes(config.theme ?? '') ? config.theme : 'light';
    this.setState('theme-dark', theme === 'dark' || (theme === 'system' && Boolean(prefersDark?.matches)));
    this.setState('theme-system', theme === 'system');
  }
}
