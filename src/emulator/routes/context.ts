import type { Caller } from '../auth.js';
import type { Catalog } from '../catalog/index.js';
import type { EmulatorState, StoredDeployedTrigger } from '../state.js';
import type { EmulatorComponent, WireApp } from '../types.js';

/** What the routes use of the emulator: its settings, store, catalog and clock. Built once per emulator. */
export interface EmulatorServices {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Display name the connect page shows for the project. */
  readonly projectName: string;
  /** Path the emulator is mounted under ('' at the root). */
  readonly basePath: string;
  readonly state: EmulatorState;
  readonly catalog: Catalog;
  /** The catalog's apps by `name_slug`. */
  readonly appsBySlug: ReadonlyMap<string, WireApp>;
  /** The catalog's components by key. */
  readonly componentsByKey: ReadonlyMap<string, EmulatorComponent>;
  // Function properties rather than methods: handlers may destructure them.
  /** The emulator's clock, in milliseconds. */
  readonly now: () => number;
  /** Reports a change of state (it reaches the emulator's `onStateChange`). */
  readonly changed: () => void;
  /** Starts POSTing a deployed trigger's sample events to its webhook URLs; the emulator's `idle()` waits for it. */
  readonly emitSampleEvents: (trigger: StoredDeployedTrigger) => Promise<void>;
}

/** An API request, before it is authenticated. */
export interface RequestContext extends EmulatorServices {
  readonly request: Request;
  readonly url: URL;
  /** The query string (`url.searchParams`). */
  readonly params: URLSearchParams;
}

/** An authenticated request for a resource: `/v1/connect[/{project_id}]/{resource}[/{id}[/…]]`. */
export interface RouteContext extends RequestContext {
  readonly caller: Caller;
  /** The resource segment of the path, e.g. `accounts`. */
  readonly resource: string;
  /** The decoded segment after the resource (an id, or a verb such as `configure`), or '' when there is none. */
  readonly id: string;
}

/** Answers one route; throwing an `HttpError` answers with that error. */
export type RouteHandler = (context: RouteContext) => Response | Promise<Response>;

/**
 * Handlers by route key: the method and the path below `/v1/connect[/{project_id}]/`, with the
 * segment after the resource written `:id`, e.g. `GET accounts/:id` or `GET users/:id/accounts`.
 */
export type RouteTable = Readonly<Record<string, RouteHandler>>;
