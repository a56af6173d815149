const init = { bubbles: true, composed: true } as const;

/**
 * Fired when `<pd-accounts-console>` has built the CSV of its current view; cancelable:
 * `preventDefault()` stops the download, so a host can store or send `csv` itself.
 */
export class PdAccountsExportEvent extends Event {
  static readonly eventName = 'pd-accounts-export';
  constructor(readonly csv: string, readonly filename: string, readonly count: number) {
    super(PdAccountsExportEvent.eventName, { ...init, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pd-accounts-export': PdAccountsExportEvent;
  }
}
