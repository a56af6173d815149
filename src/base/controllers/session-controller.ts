import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectConfig } from '../../session/config.js';
import { type ConnectSession, getSession, missingConfig, sessionConfig } from '../../session/session.js';

/**
 * The page-wide session for the element's user and token source. Only complete, checked settings
 * make one: anything less (a provider holding only `theme`, a user id still to come) makes none.
 */
export class SessionController implements ReactiveController {
  session?: ConnectSession;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Call from the host's `willUpdate` with the resolved settings and whether they passed the checks. */
  apply(config: ConnectConfig, valid: boolean): void {
    this.session = valid && !missingConfig(config) ? getSession(sessionConfig(config)) : undefined;
  }
}
