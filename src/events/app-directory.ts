const init = { bubbles: true, composed: true } as const;

/** Where a `<pd-app-directory>` is: what a host mirrors in its URL and sets back with `state`. */
export interface DirectoryState {
  /** The search text ('' for none). */
  query: string;
  /** The chosen category's id ('' for all). */
  category: string;
  /** The slug of the app whose detail view is open ('' for the catalog). */
  app: string;
}

/** Fired when the user moves in the directory: searched, picked a category, opened or left an app. */
export class PdDirectoryNavigateEvent extends Event {
  static readonly eventName = 'pd-directory-navigate';
  constructor(readonly state: DirectoryState) {
    super(PdDirectoryNavigateEvent.eventName, init);
  }
}

/** Fired when the user chooses one of an app's actions or triggers in the directory's detail view; cancelable: `preventDefault()` keeps an `open-forms` directory from opening the form. */
export class PdDirectoryComponentEvent extends Event {
  static readonly eventName = 'pd-directory-component';
  constructor(readonly componentKey: string, readonly componentType: 'action' | 'trigger', readonly app: string) {
    super(PdDirectoryComponentEvent.eventName, { ...init, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pd-directory-navigate': PdDirectoryNavigateEvent;
    'pd-directory-component': PdDirectoryComponentEvent;
  }
}
