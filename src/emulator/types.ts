/**
 * Wire types of the Connect API as the emulator speaks them: snake_case at the top level of
 * resources, camelCase inside prop definitions (see docs/emulator.md, "Naming traps").
 */
import type { ConfigurableProp, PropOptionItem } from '../wire/props.js';

export type AuthType = 'oauth' | 'keys' | 'none';

/** One custom field of a key-based app, as found (JSON-encoded) in `custom_fields_json`. */
export interface AppCustomField {
  name: string;
  label?: string;
  description?: string;
  optional?: boolean;
  secret?: boolean;
  default?: string;
}

export interface WireApp {
  id: string;
  name_slug: string;
  name: string;
  auth_type: AuthType;
  description: string;
  img_src: string;
  /** JSON-encoded `AppCustomField[]` ("[]" for apps without fields). */
  custom_fields_json: string;
  categories: string[];
  featured_weight: number;
  /** Always present (possibly empty), as the SDK's schema requires. */
  scope_profiles: { name: 'read_only' | 'read_write' | 'admin'; scopes: string[] }[];
}

export interface WireAccount {
  id: string;
  name: string;
  external_id: string;
  healthy: boolean;
  dead: boolean;
  app: WireApp;
  created_at: string;
  updated_at: string;
  /** Absent when the credentials do not expire or the expiry is unknown. */
  expires_at?: string;
  error: string | null;
  last_refreshed_at: string | null;
  next_refresh_at: string | null;
  authorized_scopes?: string[];
  /** Only present for server auth with `include_credentials=true`. */
  credentials?: Record<string, unknown>;
}

/** The prop definition and its option items are shared with the elements (src/wire/props.ts). */
export type { ConfigurableProp, LabelValue, PropOptionItem, PropType } from '../wire/props.js';

export interface WireComponent {
  key: string;
  name: string;
  version: string;
  description: string;
  component_type: 'action' | 'trigger';
  configurable_props: ConfigurableProp[];
  stash?: 'optional' | 'required';
  annotations?: Record<string, boolean>;
}

export interface Observation {
  ts: number;
  k: string;
  msg?: string;
  err?: { name?: string; message?: string; stack?: string };
}

/** What a remote-options function receives. */
export interface OptionsContext {
  propName: string;
  /** Values of the props configured so far (`__lv` wrappers kept as sent). */
  configuredProps: Record<string, unknown>;
  /** Resolved `app` props: prop name → the account it points to (with credentials). */
  accounts: Record<string, WireAccount & { credentials: Record<string, unknown> }>;
  page: number;
  prevContext: Record<string, unknown> | undefined;
  /** The search text, for `useQuery` props ("" when nothing typed). */
  query: string | undefined;
}

export interface OptionsResult {
  options?: PropOptionItem[];
  stringOptions?: string[];
  context?: Record<string, unknown>;
  /** JSON-encoded `{name, message}` strings, as Pipedream sends them. */
  errors?: string[];
  observations?: Observation[];
}

/** What `reload` and `run` receive: the configured values and resolved accounts. */
export interface PropsContext {
  configuredProps: Record<string, unknown>;
  accounts: OptionsContext['accounts'];
}

/** The `$` an action's `run` gets, like Pipedream's step context. */
export interface RunDollar {
  /** Sets an export; `$summary` is shown as the run's summary. */
  export(name: string, value: unknown): void;
  /** Records a log observation. */
  log(...messages: unknown[]): void;
}

export interface RunContext extends PropsContext {
  $: RunDollar;
}

/** A catalog component: its wire definition plus the behaviour the emulator runs. */
export interface EmulatorComponent extends WireComponent {
  /** Slug of the app this component belongs to (used by `app` filters on list endpoints). */
  app: string;
  /** Remote options per prop name (props with `remoteOptions: true` or `$.discord.*`/`$.airtable.*`). */
  options?: Record<string, (ctx: OptionsContext) => OptionsResult | Promise<OptionsResult>>;
  /**
   * For components with `reloadProps` props: the full prop list for the given values
   * (static props first, then the dynamic ones they unlock).
   */
  reload?: (ctx: PropsContext) => ConfigurableProp[];
  /** Actions: computes `ret` from the input; throwing reports an error observation. */
  run?: (ctx: RunContext) => unknown;
  /** Triggers: sample events emitted to the webhook on deploy (and on demand). */
  sampleEvents?: (ctx: PropsContext) => Record<string, unknown>[];
}

export interface PageInfo {
  count: number;
  total_count: number;
  start_cursor: string | null;
  end_cursor: string | null;
}

export interface Page<T> {
  data: T[];
  page_info: PageInfo;
}
