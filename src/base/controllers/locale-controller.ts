import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Translate, directionOf, loadLocale, resolveLocale, translator } from '../../i18n/index.js';
import type { ConnectConfig } from '../../session/config.js';

/**
 * The element's language: the locale code, its direction and a translator, from the resolved
 * settings. English shows until a shipped locale's strings arrive; `settled()` waits for them.
 */
export class LocaleController implements ReactiveController {
  code = 'en';
  direction: 'ltr' | 'rtl' = 'ltr';
  t: Translate = translator('en');
  private loading?: Promise<void>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call from the host's `willUpdate` with the resolved settings. */
  apply(config: ConnectConfig): void {
    this.code = resolveLocale(config.locale);
    this.direction = directionOf(this.code);
    this.t = translator(this.code, config.strings);
    const strings = loadLocale(this.code);
    if (strings && this.loading !== strings) {
      this.loading = strings;
      void strings.then(() => this.host.requestUpdate());
    }
  }

  /** Resolves once no locale is loading and the host has rendered with the latest one. */
  async settled(rendered: () => Promise<boolean>): Promise<boolean> {
    let done = await rendered();
    while (this.loading) {
      const load = this.loading;
      await load;
      done = await rendered();
      if (this.loading === load) this.loading = undefined;
    }
    return done;
  }
}
