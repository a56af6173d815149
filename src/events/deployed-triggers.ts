import type { DeployedTrigger, DeployedTriggerChanges } from '../session/session.js';

const init = { bubbles: true, composed: true } as const;

/**
 * Fired when the user paused, resumed or renamed a deployed trigger and the API confirmed it:
 * `event.trigger` is the trigger as the API answered it, `event.changes` what the user changed
 * (`{active}` or `{name}`).
 */
export class PdTriggerUpdateEvent extends Event {
  static readonly eventName = 'pd-trigger-update';
  constructor(readonly trigger: DeployedTrigger, readonly changes: DeployedTriggerChanges) {
    super(PdTriggerUpdateEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pd-trigger-update': PdTriggerUpdateEvent;
  }
}
