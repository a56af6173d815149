import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StringKey } from '../../i18n/index.js';
import { ApiError } from '../../session/errors.js';
import { onNetworkBack } from '../../session/network-back.js';
import type { InfiniteQueryController } from '../../session/query-controller.js';
import { ACCOUNT_PAGE_SIZE, type AccountPage, type ConnectSession } from '../../session/session.js';
import type { Account } from '../../session/types.js';

/** A configurable prop as the Connect API describes it (camelCase fields, see WIRE.md). */
export interface PropDef {
  name: string;
  type: string;
  label?: string;
  description?: string;
  optional?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  remoteOptions?: boolean;
  useQuery?: boolean;
  reloadProps?: boolean;
  withLabel?: boolean;
  secret?: boolean;
  default?: unknown;
  options?: unknown[];
  min?: number;
  max?: number;
  app?: string;
  alertType?: string;
  content?: string;
  format?: string;
  [key: string]: unknown;
}

export interface Option {
  label: string;
  value: unknown;
  /** The text the user typed, offered as a value of its own (not one of the loaded options). */
  custom?: boolean;
}

/** Remote options of one prop: what was loaded for which inputs, and how paging stands. */
export interface RemoteState {
  /** The inputs the options were loaded for (props before this one, dynamic props id, query). */
  signature: string;
  query: string;
  options: Option[];
  page: number;
  context?: Record<string, unknown>;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error?: string;
}

/** An `app` field: the user's accounts of the app (from the session's shared cache) and the field's own state. */
export interface AppState {
  accounts: Account[];
  appName?: string;
  loading: boolean;
  error?: string;
  connecting?: boolean;
  connectError?: string;
  /**
   * The selected account when the list does not hold it: its name if the form has seen it, and
   * `gone` once a list fetched after it was selected lacks it (it was disconnected).
   */
  missing?: { id: string; name?: string; gone: boolean };
}

/** What the form keeps of an `app` field beyond the shared account list. */
interface AppMeta {
  appName?: string;
  connecting?: boolean;
  connectError?: string;
}

/** An `app` field's subscription to the session's account list of its app. */
interface AccountFeed {
  app: string;
  query: InfiniteQueryController<AccountPage, string | undefined>;
  /** Names of the accounts the form has seen, to name one that has since gone. */
  names: Map<string, string>;
  /** The value (its `valueSetAt`) the form last fetched the list again for, to see whether it is gone. */
  checkedValueAt?: number;
}

/** The form lists every account of an app, up to this many pages of the shared list (1,000 accounts). */
const MAX_ACCOUNT_PAGES = Math.ceil(1000 / ACCOUNT_PAGE_SIZE);

/** The account id an `app` prop's value holds. */
const accountIdOf = (value: unknown) => {
  const id = (value as { authProvisionId?: unknown } | undefined)?.authProvisionId;
  return typeof id === 'string' && id ? id : undefined;
};

export type FieldKind =
  | 'alert' | 'app' | 'remote' | 'select' | 'multi-select' | 'string' | 'list' | 'integer' | 'integer-list'
  | 'boolean' | 'object' | 'json' | 'sql' | 'http' | 'timer' | 'file' | 'note' | 'unknown';

export type Phase = 'idle' | 'loading' | 'error' | 'not-found' | 'ready';

/** Types that take no user input: shown as a note, never validated, never sent. */
export const NOTE_TYPES = new Set(['$.service.db', '$.interface.http', '$.interface.apphook', 'data_store', 'dir']);
const SELECT_TYPES = /^\$\.(discord|airtable)\./;

/** Which control a prop gets. Unknown types fall back to a JSON editor. */
export function kindOf(prop: PropDef): FieldKind {
  const type = String(prop.type ?? '');
  if (type === 'alert') return 'alert';
  if (type === 'app') return 'app';
  if (NOTE_TYPES.has(type)) return 'note';
  // A timer with a `static` schedule runs on that schedule: nothing to choose.
  if (type === '$.interface.timer' && prop.static) return 'note';
  if (prop.remoteOptions || SELECT_TYPES.test(type)) return 'remote';
  if (Array.isArray(prop.options) && prop.options.length && !['$.interface.timer', 'sql', 'http_request', 'object', 'any'].includes(type)) {
    return type.endsWith('[]') ? 'multi-select' : 'select';
  }
  switch (type) {
    case 'string': return prop.format === 'file-ref' ? 'file' : 'string';
    case 'string[]': return 'list';
    case 'integer': return 'integer';
    case 'integer[]': return 'integer-list';
    case 'boolean': return 'boolean';
    case 'object': return 'object';
    case 'any': return 'json';
    case 'sql': return 'sql';
    case 'http_request': return 'http';
    case '$.interface.timer': return 'timer';
    default: return 'unknown';
  }
}

export const isMulti = (prop: PropDef) => String(prop.type).endsWith('[]');

/**
 * Whether a remote-options field also takes a value typed by the user (a channel id, a repo name
 * the list has not paged to yet): text props only, where any string is a valid value.
 */
export const acceptsFreeText = (prop: PropDef) => prop.type === 'string' || prop.type === 'string[]';

/** A `format: "file-ref"` value: a path in the component's `/tmp` directory or a file URL. */
export function isFileRef(value: string): boolean {
  const text = value.trim();
  if (text.startsWith('/tmp/')) return text.length > 5 && !text.split('/').includes('..');
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** A cron expression's shape: five fields (or six, with seconds), each of digits, names and `* , - / ? L W #`. */
export function isCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => /^[\w*,\-/?#]+$/.test(field));
}

/** Normalises an option item: a primitive, `{label, value}`, `{__lv: …}` or `{lv: …}`. */
export function toOption(item: unknown): Option {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    const inner = record.__lv ?? record.lv;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return toOption(inner);
    if ('value' in record) return { label: typeof record.label === 'string' ? record.label : String(record.value), value: record.value };
  }
  return { label: String(item), value: item };
}

/** The bare value of a configured value (`{__lv: {value}}` → value). */
export function unwrap(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const inner = record.__lv ?? record.lv;
    if (Array.isArray(inner)) return inner.map((item) => toOption(item).value);
    if (inner && typeof inner === 'object') return (inner as Record<string, unknown>).value;
  }
  return value;
}

/** The options a configured value holds (with their labels when it was stored as `__lv`). */
export function selectedOptions(value: unknown): Option[] {
  if (value === undefined || value === null || value === '') return [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const inner = record.__lv ?? record.lv;
    if (Array.isArray(inner)) return inner.map(toOption);
    if (inner !== undefined) return [toOption(inner)];
  }
  if (Array.isArray(value)) return value.map(toOption);
  return [toOption(value)];
}

const isEmpty = (value: unknown) => {
  const bare = unwrap(value);
  return bare === undefined || bare === null || bare === '' || (Array.isArray(bare) && bare.length === 0);
};

export interface FieldError {
  key: StringKey;
  params?: Record<string, string | number>;
}

export interface FormHost extends ReactiveControllerHost {
  /** Whether the element is in a document: a removed form sends no requests. */
  readonly isConnected: boolean;
  readonly formSession: ConnectSession | undefined;
  readonly componentKey?: string;
  /** An error as the user reads it, in the element's language. */
  describe(error: unknown): string;
}

let uid = 0;

/**
 * The state of one `<pd-action-form>`: the component and its (possibly dynamic) props, the
 * values, defaults, which fields are shown, validation, remote options and dynamic props.
 * The element renders it and forwards user edits; it holds no form logic of its own.
 */
export class FormController implements ReactiveController {
  /**
   * Loads the query module (and `@tanstack/query-core`), a chunk of its own in the CDN build:
   * forms without an `app` field never download it. Replaceable, to see how a form copes when
   * the download fails.
   */
  static loadQueryModule = () => import('../../session/query-controller.js');

  phase: Phase = 'idle';
  loadError?: string;
  /** What made the load fail (for the `pd-error` code). */
  loadFailure?: unknown;
  component?: { key: string; name?: string; description?: string; configurableProps?: PropDef[]; configurable_props?: PropDef[]; stash?: unknown };
  props: PropDef[] = [];
  dynamicPropsId?: string;
  values: Record<string, unknown> = {};
  /** Raw text of fields whose text is not (yet) a value: JSON, numbers, rows being edited. */
  drafts = new Map<string, unknown>();
  /** Parse problems of drafts, by prop name. */
  parseErrors = new Map<string, FieldError>();
  touched = new Set<string>();
  /** Set by a submit attempt: every error shows, not just those of touched fields. */
  attempted = false;
  remote = new Map<string, RemoteState>();
  private apps = new Map<string, AppMeta>();
  private accountFeeds = new Map<string, AccountFeed>();
  /**
   * When each value last changed (`performance.now()`): a list whose fetch began before that
   * cannot tell that the account it names is gone.
   */
  private valueSetAt = new Map<string, number>();
  /** The query module (and `@tanstack/query-core`), loaded once a form has an `app` field. */
  private queries?: typeof import('../../session/query-controller.js');
  private queriesLoading = false;
  private queriesError?: string;
  reloading = false;
  /** Index of the prop whose change triggered the reload in flight: fields after it wait. */
  reloadIndex = -1;
  reloadError?: string;
  readonly id = `pdf${++uid}`;

  private loadedKey?: string;
  private loadedSession?: ConnectSession;
  private loadSeq = 0;
  private reloadSeq = 0;
  private reloadTimer?: ReturnType<typeof setTimeout>;
  private remoteSeq = new Map<string, number>();
  private pendingReloadOnLoad = false;

  private stopNetworkBack?: () => void;

  constructor(private readonly host: FormHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // A component that failed to load loads again when the network may be back.
    this.stopNetworkBack ??= onNetworkBack(() => this.retry());
    // Attached again: catch up on what `syncAccounts` left undone while the form was removed.
    this.update();
  }

  hostDisconnected(): void {
    clearTimeout(this.reloadTimer);
    this.stopNetworkBack?.();
    this.stopNetworkBack = undefined;
  }

  private update(): void {
    this.host.requestUpdate();
  }

  // ---------------------------------------------------------------- loading

  /** Loads the component when the session or key changed (called before each render). */
  sync(): void {
    const session = this.host.formSession;
    const key = this.host.componentKey;
    if (!session || !key) {
      if (!key) this.phase = 'idle';
      return;
    }
    if (session === this.loadedSession && key === this.loadedKey) return;
    const sameKey = key === this.loadedKey;
    this.loadedSession = session;
    this.loadedKey = key;
    if (!sameKey) {
      this.remote.clear();
      this.apps.clear();
      this.dropAccountFeeds(() => true);
    }
    void this.load();
  }

  retry(): void {
    if (this.phase === 'error' || this.phase === 'not-found') void this.load();
  }

  private async load(): Promise<void> {
    const session = this.loadedSession;
    const key = this.loadedKey;
    if (!session || !key) return;
    const seq = ++this.loadSeq;
    this.phase = 'loading';
    this.loadError = undefined;
    this.loadFailure = undefined;
    this.update();
    try {
      const component = (await session.component(key)) as unknown as FormController['component'];
      if (seq !== this.loadSeq) return;
      this.component = component;
      // The SDK hands out camelCase (`configurableProps`); the wire has `configurable_props`.
      this.props = [...(component?.configurableProps ?? component?.configurable_props ?? [])];
      this.phase = 'ready';
      this.applyDefaults();
      // A saved configuration of a dynamic component: its props depend on the saved values.
      const hasSavedReloadValue = this.props.some((prop) => prop.reloadProps && this.values[prop.name] !== undefined);
      if (hasSavedReloadValue || this.dynamicPropsId || this.pendingReloadOnLoad) {
        this.pendingReloadOnLoad = false;
        void this.reload(-1);
      }
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.phase = error instanceof ApiError && error.status === 404 ? 'not-found' : 'error';
      this.loadError = this.host.describe(error);
      this.loadFailure = error;
    }
    this.update();
  }

  /** Required props without a value get their default; required booleans start unchecked. */
  private applyDefaults(): void {
    for (const prop of this.props) {
      const kind = kindOf(prop);
      if (prop.optional || kind === 'alert' || kind === 'note' || this.values[prop.name] !== undefined) continue;
      if (prop.default !== undefined && prop.default !== null) this.values[prop.name] = structuredClone(prop.default);
      else if (kind === 'boolean') this.values[prop.name] = false;
    }
  }

  // ---------------------------------------------------------------- values

  /** Replaces every value (the `configuredProps` property): nothing the user typed is kept. */
  setValues(values: Record<string, unknown>): void {
    const previous = this.values;
    this.values = { ...values };
    const now = performance.now();
    // A host that assigns equal values again (a controlled form on each render) changes no value:
    // an account it names is not news, so neither a known "gone" nor the list is called into question.
    for (const name of new Set([...Object.keys(previous), ...Object.keys(values)])) {
      if (JSON.stringify(previous[name]) !== JSON.stringify(values[name])) this.valueSetAt.set(name, now);
    }
    this.drafts.clear();
    this.parseErrors.clear();
    if (this.phase === 'ready') {
      this.applyDefaults();
      if (this.props.some((prop) => prop.reloadProps && values[prop.name] !== undefined)) void this.reload(-1);
    } else if (Object.keys(values).length) {
      this.pendingReloadOnLoad = false;
    }
    this.update();
  }

  /** What the form would submit: set values of props that exist and take input. */
  configuredProps(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const known = new Map(this.props.map((prop) => [prop.name, prop]));
    for (const [name, value] of Object.entries(this.values)) {
      const prop = known.get(name);
      if (value === undefined) continue;
      if (prop && (kindOf(prop) === 'alert' || kindOf(prop) === 'note')) continue;
      out[name] = value;
    }
    return out;
  }

  /** A user edit. Returns true when the value changed. */
  set(name: string, value: unknown, draft?: { raw: unknown; error?: FieldError }): boolean {
    const before = JSON.stringify(this.values[name]);
    if (value === undefined) delete this.values[name];
    else this.values[name] = value;
    if (draft) {
      this.drafts.set(name, draft.raw);
      if (draft.error) this.parseErrors.set(name, draft.error);
      else this.parseErrors.delete(name);
    } else {
      this.drafts.delete(name);
      this.parseErrors.delete(name);
    }
    const changed = before !== JSON.stringify(value);
    if (changed) {
      this.valueSetAt.set(name, performance.now());
      const index = this.props.findIndex((prop) => prop.name === name);
      const prop = this.props[index];
      if (prop?.type === 'app' && before !== undefined) this.clearRemoteAfter(index);
      if (prop?.reloadProps) this.scheduleReload(index);
    }
    this.update();
    return changed;
  }

  touch(name: string): void {
    if (this.touched.has(name)) return;
    this.touched.add(name);
    this.update();
  }

  /** Another account means other channels, repos…: remote values after an app prop no longer apply. */
  private clearRemoteAfter(index: number): void {
    for (const prop of this.props.slice(index + 1)) {
      if (kindOf(prop) === 'remote') delete this.values[prop.name];
    }
  }

  // ---------------------------------------------------------------- visibility

  /** Props shown at all (not hidden), in order. */
  visibleProps(): PropDef[] {
    const props = this.props.filter((prop) => !prop.hidden);
    if (this.reloading && this.reloadIndex >= 0) {
      const trigger = this.props[this.reloadIndex];
      const cut = trigger ? props.indexOf(trigger) : -1;
      if (cut >= 0) return props.slice(0, cut + 1);
    }
    return props;
  }

  /** Whether a prop holds input a user can set now. */
  editable(prop: PropDef): boolean {
    return !prop.disabled && !prop.readOnly;
  }

  /**
   * The first required `app` or remote-options prop without a value: remote options after it
   * cannot load yet, so those fields wait with a hint naming it.
   */
  blocker(): PropDef | undefined {
    return this.props.find((prop) => {
      const kind = kindOf(prop);
      // A disconnected account is no account: the options after it would not load.
      return !prop.hidden && !prop.optional && (kind === 'app' || kind === 'remote') && (isEmpty(this.values[prop.name]) || this.accountGone(prop));
    });
  }

  /** The prop a remote field waits for, if any. */
  waitingFor(prop: PropDef): PropDef | undefined {
    const blocker = this.blocker();
    if (!blocker || blocker === prop) return undefined;
    return this.props.indexOf(blocker) < this.props.indexOf(prop) ? blocker : undefined;
  }

  // ---------------------------------------------------------------- validation

  /** The error of one field, or undefined. Optional empty fields, alerts, notes and read-only fields never fail. */
  errorOf(prop: PropDef): FieldError | undefined {
    const kind = kindOf(prop);
    if (kind === 'alert' || kind === 'note' || prop.hidden || prop.disabled || prop.readOnly) return undefined;
    const parse = this.parseErrors.get(prop.name);
    if (parse) return parse;
    const value = this.values[prop.name];
    if (isEmpty(value)) return prop.optional ? undefined : { key: kind === 'app' ? 'form.error.account' : 'form.error.required' };
    const bare = unwrap(value);
    if (kind === 'integer' || kind === 'integer-list') {
      const numbers = Array.isArray(bare) ? bare : [bare];
      for (const n of numbers) {
        if (typeof n !== 'number' || !Number.isInteger(n)) return { key: 'form.error.integer' };
        if (typeof prop.min === 'number' && n < prop.min) return { key: 'form.error.min', params: { min: prop.min } };
        if (typeof prop.max === 'number' && n > prop.max) return { key: 'form.error.max', params: { max: prop.max } };
      }
    }
    if (kind === 'app' && (typeof value !== 'object' || typeof (value as { authProvisionId?: unknown }).authProvisionId !== 'string')) {
      return { key: 'form.error.account' };
    }
    if (kind === 'app' && this.accountGone(prop)) return { key: 'form.error.accountGone' };
    if (kind === 'http') {
      const url = (value as { url?: string })?.url ?? '';
      if (!url && !prop.optional) return { key: 'form.error.url' };
      if (url) {
        try {
          new URL(url);
        } catch {
          return { key: 'form.error.url' };
        }
      }
    }
    if (kind === 'sql' && !String((value as { query?: string })?.query ?? '').trim() && !prop.optional) return { key: 'form.error.required' };
    if (kind === 'file' && !isFileRef(String(bare))) return { key: 'form.error.fileRef' };
    if (kind === 'timer') {
      const timer = (value && typeof value === 'object' ? value : {}) as { intervalSeconds?: unknown; cron?: unknown };
      if (typeof timer.cron === 'string') {
        if (!isCron(timer.cron)) return { key: 'form.error.cron' };
      } else if (typeof timer.intervalSeconds !== 'number' || !Number.isInteger(timer.intervalSeconds) || timer.intervalSeconds < 1) {
        return { key: 'form.error.interval' };
      }
    }
    return undefined;
  }

  /** Every invalid field in order of appearance. */
  invalidProps(): PropDef[] {
    if (this.phase !== 'ready') return [];
    return this.visibleProps().filter((prop) => this.errorOf(prop));
  }

  /** The error to show now: after the field was left, or after a submit attempt. */
  shownError(prop: PropDef): FieldError | undefined {
    // An account disconnected elsewhere is news to the user: say so right away.
    if (this.accountGone(prop)) return this.errorOf(prop);
    if (!this.attempted && !this.touched.has(prop.name) && !this.parseErrors.has(prop.name)) return undefined;
    return this.errorOf(prop);
  }

  // ---------------------------------------------------------------- dynamic props

  private scheduleReload(index: number): void {
    clearTimeout(this.reloadTimer);
    this.reloading = true;
    this.reloadIndex = index;
    this.reloadTimer = setTimeout(() => void this.reload(index), 250);
  }

  /** Asks the API for the props of the current configuration; values of props that remain are kept. */
  async reload(index: number): Promise<void> {
    const session = this.loadedSession;
    const key = this.loadedKey;
    if (!session || !key) return;
    const seq = ++this.reloadSeq;
    this.reloading = true;
    this.reloadIndex = index;
    this.reloadError = undefined;
    this.update();
    try {
      const answer = await session.reloadProps({
        componentKey: key,
        configuredProps: this.configuredProps(),
        ...(this.dynamicPropsId ? { dynamicPropsId: this.dynamicPropsId } : {}),
      });
      if (seq !== this.reloadSeq) return;
      const failure = answer.observations?.find((item) => item.k === 'error')?.err ?? answer.errors?.[0];
      const dynamic = answer.dynamicProps;
      if (failure || !dynamic?.configurableProps) {
        this.reloadError = failure ? errorText(failure) : 'The API answered without props';
      } else {
        this.props = dynamic.configurableProps as PropDef[];
        this.dynamicPropsId = dynamic.id;
        const names = new Set(this.props.map((prop) => prop.name));
        for (const name of Object.keys(this.values)) if (!names.has(name)) delete this.values[name];
        this.applyDefaults();
        this.onDynamicProps?.(index >= 0);
      }
    } catch (error) {
      if (seq !== this.reloadSeq) return;
      this.reloadError = this.host.describe(error);
    }
    this.reloading = false;
    this.reloadIndex = -1;
    this.update();
  }

  /** Called after a reload replaced the props (the element reports the new dynamic props id). */
  onDynamicProps?: (byUser: boolean) => void;

  // ---------------------------------------------------------------- remote options

  /** What a remote field's options depend on: the props before it, the dynamic props id, the search. */
  private remoteInputs(prop: PropDef, query: string) {
    const index = this.props.indexOf(prop);
    const before: Record<string, unknown> = {};
    const configured = this.configuredProps();
    for (const earlier of this.props.slice(0, Math.max(0, index))) {
      if (configured[earlier.name] !== undefined) before[earlier.name] = configured[earlier.name];
    }
    const signature = JSON.stringify([before, this.dynamicPropsId ?? null, prop.useQuery ? query : null]);
    return { before, signature };
  }

  remoteState(name: string): RemoteState | undefined {
    return this.remote.get(name);
  }

  /** Loads the first page for the current inputs unless it is loaded (or loading, or failed) for them already. */
  ensureRemote(prop: PropDef): void {
    if (this.waitingFor(prop)) return;
    const current = this.remote.get(prop.name);
    const query = current?.query ?? '';
    if (current && current.signature === this.remoteInputs(prop, query).signature) return;
    void this.fetchRemote(prop, query, false);
  }

  /** Whether a loaded option list no longer matches the inputs (props before it changed). */
  remoteStale(prop: PropDef): boolean {
    const current = this.remote.get(prop.name);
    return Boolean(current && current.signature !== this.remoteInputs(prop, current.query).signature);
  }

  retryRemote(prop: PropDef): void {
    const current = this.remote.get(prop.name);
    void this.fetchRemote(prop, current?.query ?? '', Boolean(current?.options.length && current.error && current.page > 0));
  }

  /** Fetches the next page of options; resolves once it is in (or failed), at once when there is none to fetch. */
  loadMoreRemote(prop: PropDef): Promise<void> {
    const current = this.remote.get(prop.name);
    if (!current || !current.hasMore || current.loading || current.loadingMore) return Promise.resolve();
    return this.fetchRemote(prop, current.query, true);
  }

  searchRemote(prop: PropDef, query: string): void {
    const current = this.remote.get(prop.name);
    if (current && current.query === query && !this.remoteStale(prop)) return;
    void this.fetchRemote(prop, query, false);
  }

  private async fetchRemote(prop: PropDef, query: string, more: boolean): Promise<void> {
    const session = this.loadedSession;
    const key = this.loadedKey;
    if (!session || !key) return;
    const { before, signature } = this.remoteInputs(prop, query);
    const previous = this.remote.get(prop.name);
    const keep = more && previous?.signature === signature;
    const state: RemoteState = keep
      ? { ...previous, loadingMore: true, error: undefined }
      : { signature, query, options: [], page: 0, hasMore: false, loading: true, loadingMore: false };
    this.remote.set(prop.name, state);
    const seq = (this.remoteSeq.get(prop.name) ?? 0) + 1;
    this.remoteSeq.set(prop.name, seq);
    this.update();
    const page = keep ? state.page + 1 : 0;
    try {
      const answer = await session.configureProp({
        componentKey: key,
        propName: prop.name,
        configuredProps: before,
        ...(this.dynamicPropsId ? { dynamicPropsId: this.dynamicPropsId } : {}),
        page,
        ...(keep && state.context ? { prevContext: state.context } : {}),
        ...(prop.useQuery ? { query } : {}),
      });
      if (this.remoteSeq.get(prop.name) !== seq) return;
      const failure = answer.errors?.[0];
      const incoming = [...(answer.options ?? []), ...(answer.stringOptions ?? [])].map(toOption);
      const seen = new Set(state.options.map((option) => JSON.stringify(option.value)));
      const fresh = incoming.filter((option) => !seen.has(JSON.stringify(option.value)));
      this.remote.set(prop.name, {
        ...state,
        options: [...state.options, ...fresh],
        page,
        ...(answer.context ? { context: answer.context } : {}),
        hasMore: fresh.length > 0 && Boolean(answer.context),
        loading: false,
        loadingMore: false,
        error: failure ? errorText(failure) : undefined,
      });
    } catch (error) {
      if (this.remoteSeq.get(prop.name) !== seq) return;
      this.remote.set(prop.name, { ...state, loading: false, loadingMore: false, error: this.host.describe(error) });
    }
    this.update();
  }

  // ---------------------------------------------------------------- app accounts

  /**
   * Points every `app` field at the session's shared account list of its app (called before each
   * render): one request for every element listing those accounts, and every field follows a
   * connect or disconnect made anywhere on the page (`invalidateAccounts()`).
   */
  syncAccounts(): void {
    // A removed form sends nothing (a host may still set values on it); `hostConnected` catches up.
    if (!this.host.isConnected) return;
    const session = this.loadedSession;
    const fields = this.phase === 'ready' && session ? this.props.filter((prop) => kindOf(prop) === 'app' && !prop.hidden && prop.app) : [];
    this.dropAccountFeeds((name, feed) => !fields.some((prop) => prop.name === name && prop.app === feed.app));
    if (!session || !fields.length) return;
    const queries = this.queries;
    if (!queries) {
      // After a failed load only the field's Retry tries again: the error stays until then.
      if (!this.queriesError) this.loadQueries();
      return;
    }
    for (const prop of fields) {
      const app = prop.app as string;
      let feed = this.accountFeeds.get(prop.name);
      if (!feed) {
        feed = { app, query: new queries.InfiniteQueryController<AccountPage, string | undefined>(this.host), names: new Map() };
        this.accountFeeds.set(prop.name, feed);
        void this.loadAppName(prop, session);
      }
      feed.query.setQuery(session, session.accountsQuery({ app }));
      const result = feed.query.result;
      for (const account of this.feedAccounts(feed)) feed.names.set(account.id, account.name || account.id);
      if (!result?.isSuccess || result.isFetching) continue;
      // The select offers every account: the pages after the first go into the shared cache too.
      if (result.hasNextPage) {
        if (result.data.pages.length < MAX_ACCOUNT_PAGES) void feed.query.fetchNextPage({ cancelRefetch: false });
        continue;
      }
      // A value set after the list's fetch began (a saved configuration, an account just connected
      // elsewhere): before calling it gone, look once more, with a fetch that begins now.
      const id = accountIdOf(this.values[prop.name]);
      const setAt = this.valueSetAt.get(prop.name) ?? 0;
      if (id && !this.listedSince(feed, setAt) && feed.checkedValueAt !== setAt && !this.feedAccounts(feed).some((account) => account.id === id)) {
        feed.checkedValueAt = setAt;
        void feed.query.refetch();
      }
    }
  }

  private loadQueries(): void {
    if (this.queriesLoading) return;
    this.queriesLoading = true;
    this.queriesError = undefined;
    FormController.loadQueryModule().then(
      (module) => {
        this.queries = module;
        this.update();
      },
      (error: unknown) => {
        this.queriesLoading = false;
        this.queriesError = this.host.describe(error);
        this.update();
      },
    );
  }

  private dropAccountFeeds(drop: (name: string, feed: AccountFeed) => boolean): void {
    for (const [name, feed] of this.accountFeeds) {
      if (!drop(name, feed)) continue;
      feed.query.setQuery(undefined, undefined);
      this.host.removeController(feed.query);
      this.accountFeeds.delete(name);
    }
  }

  private async loadAppName(prop: PropDef, session: ConnectSession): Promise<void> {
    const app = await session.app(prop.app as string).catch(() => undefined);
    if (!app?.name || this.accountFeeds.get(prop.name)?.app !== prop.app) return;
    this.apps.set(prop.name, { ...this.apps.get(prop.name), appName: app.name });
    this.update();
  }

  /** Whether the feed's list comes from a fetch that began after `setAt`: only such a list can tell that a value's account is gone. */
  private listedSince(feed: AccountFeed, setAt: number): boolean {
    const since = feed.query.dataFetchedSince;
    return since !== undefined && since > setAt;
  }

  /** The accounts of a feed, every page loaded, each once (pages shift when accounts go). */
  private feedAccounts(feed: AccountFeed): Account[] {
    const seen = new Set<string>();
    return (feed.query.result?.data?.pages ?? []).flatMap((page) => page.accounts).filter((account) => !seen.has(account.id) && Boolean(seen.add(account.id)));
  }

  /**
   * The name (or id) of the selected account of an `app` field when it is gone: a complete list
   * whose fetch began after it was selected does not hold it (disconnected elsewhere, or deleted
   * since a configuration was saved).
   */
  accountGone(prop: PropDef): string | undefined {
    if (kindOf(prop) !== 'app') return undefined;
    const id = accountIdOf(this.values[prop.name]);
    const feed = this.accountFeeds.get(prop.name);
    const result = feed?.query.result;
    // The last complete list decides, also while a refetch runs or after one failed: a flag that
    // went with every refresh would unlock the fields after it and let a run start.
    if (!id || !feed || !result?.data || result.hasNextPage) return undefined;
    if (!this.listedSince(feed, this.valueSetAt.get(prop.name) ?? 0)) return undefined;
    if (this.feedAccounts(feed).some((account) => account.id === id)) return undefined;
    return feed.names.get(id) ?? id;
  }

  appState(prop: PropDef): AppState | undefined {
    const meta = this.apps.get(prop.name);
    const feed = this.accountFeeds.get(prop.name);
    const result = feed?.query.result;
    if (!feed && !meta && !this.queriesError) return undefined;
    const accounts = feed ? this.feedAccounts(feed) : [];
    const id = accountIdOf(this.values[prop.name]);
    const gone = this.accountGone(prop);
    const error = result?.isError ? this.host.describe(result.error) : !feed ? this.queriesError : undefined;
    return {
      ...meta,
      accounts,
      loading: !error && (!result || result.isFetching || (result.isSuccess && result.hasNextPage && result.data.pages.length < MAX_ACCOUNT_PAGES)),
      ...(error ? { error } : {}),
      ...(id && !accounts.some((account) => account.id === id) ? { missing: { id, ...(feed?.names.has(id) ? { name: feed.names.get(id) } : {}), gone: Boolean(gone) } } : {}),
    };
  }

  /** Loads the accounts again after a failure. */
  retryAccounts(prop: PropDef): void {
    if (!this.queries) this.loadQueries();
    else void this.accountFeeds.get(prop.name)?.query.refetch();
  }

  /**
   * Waits until the field's account list holds an account this form just connected: joins the
   * refetch the connect flow started (or starts one), so the new account is selected from the list.
   */
  async includeAccount(prop: PropDef, account: Account): Promise<void> {
    const feed = this.accountFeeds.get(prop.name);
    if (!feed) return;
    feed.names.set(account.id, account.name || account.id);
    if (!this.feedAccounts(feed).some((known) => known.id === account.id)) await feed.query.refetch({ cancelRefetch: false });
  }

  setAppState(prop: PropDef, patch: Partial<AppMeta>): void {
    this.apps.set(prop.name, { ...this.apps.get(prop.name), ...patch });
    this.update();
  }
}

/** A readable message from an API error item: a JSON string `{name, message}`, an object, or text. */
export function errorText(failure: unknown): string {
  if (typeof failure === 'string') {
    try {
      const parsed = JSON.parse(failure) as { name?: string; message?: string };
      if (parsed && typeof parsed === 'object' && parsed.message) return parsed.message;
    } catch {
      // plain text
    }
    return failure;
  }
  if (failure && typeof failure === 'object') {
    const record = failure as { name?: string; message?: string };
    return record.message ?? record.name ?? JSON.stringify(failure);
  }
  return String(failure);
}
