/**
 * Configurable props as the Connect API describes them, shared by the elements and the emulator:
 * the prop types Pipedream uses, the prop definition (camelCase fields, as on the wire), and the
 * label-value wrapping of `withLabel` values (`{__lv: {label, value}}`).
 *
 * Plain data and functions only: no DOM, no Node, no Lit.
 */

/** Every prop type Pipedream's components use. A UI treats any other type as unknown. */
export const PROP_TYPES = [
  'string', 'string[]', 'integer', 'integer[]', 'boolean', 'object', 'any',
  'app', 'alert', 'sql', 'http_request', 'dir', 'data_store',
  '$.interface.timer', '$.interface.http', '$.interface.apphook', '$.service.db',
  '$.discord.channel', '$.discord.channel[]',
  '$.airtable.baseId', '$.airtable.tableId', '$.airtable.viewId', '$.airtable.fieldId',
] as const;

export type PropType = (typeof PROP_TYPES)[number];

/** Types Pipedream fills in itself (a database, an HTTP interface, a directory…): nobody configures them. */
export const PROVIDED_PROP_TYPES: readonly string[] = ['$.service.db', '$.interface.http', '$.interface.apphook', 'data_store', 'dir'];

/** Array types (`string[]`, `$.discord.channel[]`…): the value is a list. */
export const isListType = (type: string): boolean => String(type).endsWith('[]');

/** A labelled option as the API sends it. */
export interface LabelValue {
  label: string;
  value: unknown;
}

/** An option item: a primitive, `{label, value}`, or one wrapped as `{__lv: …}`. */
export type PropOptionItem = string | number | boolean | LabelValue | { __lv: LabelValue };

/** A configurable prop definition (camelCase fields, as on the wire). */
export interface ConfigurableProp {
  name: string;
  type: PropType | string;
  label?: string;
  description?: string;
  optional?: boolean;
  default?: unknown;
  options?: PropOptionItem[];
  disabled?: boolean;
  hidden?: boolean;
  readOnly?: boolean;
  secret?: boolean;
  min?: number;
  max?: number;
  remoteOptions?: boolean;
  useQuery?: boolean;
  reloadProps?: boolean;
  withLabel?: boolean;
  /** `app` props: the app slug. */
  app?: string;
  /** `alert` props. */
  alertType?: 'info' | 'neutral' | 'warning' | 'error';
  content?: string;
  /** `sql` props. */
  auth?: { app: string };
  /** `string` props. */
  format?: string;
  /** `dir` props. */
  accessMode?: 'read' | 'write' | 'read-write';
  sync?: boolean;
  /** `$.interface.timer` props: a fixed schedule, nothing to choose. */
  static?: { intervalSeconds?: number; cron?: string; timezone?: string };
  /** `$.interface.http` props. */
  customResponse?: boolean;
  /** `$.interface.apphook`, `$.discord.channel*`, `$.airtable.baseId`: the `app` prop they use. */
  appProp?: string;
  /** `$.interface.apphook`: the app events it subscribes to. */
  eventNames?: string[];
  /** `$.airtable.tableId`: the base prop it depends on. */
  baseIdProp?: string;
  /** `$.airtable.viewId` / `$.airtable.fieldId`: the table prop they depend on. */
  tableIdProp?: string;
}

/** App-specific types whose options always come from the API, with or without `remoteOptions`. */
const REMOTE_TYPES = /^\$\.(discord|airtable)\./;

/** Whether a prop's options come from the API (`configureProp`), page by page. */
export const optionsAreRemote = (prop: Pick<ConfigurableProp, 'type' | 'remoteOptions'>): boolean => Boolean(prop.remoteOptions) || REMOTE_TYPES.test(String(prop.type ?? ''));

// ------------------------------------------------------------------------------- label-values

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a `withLabel` value wraps: `__lv` on the wire, `lv` once the SDK has parsed it; undefined for a bare value. */
function wrapped(value: Record<string, unknown>): unknown {
  return value.__lv ?? value.lv;
}

/** Normalises an option item: a primitive, `{label, value}`, `{__lv: …}` or `{lv: …}`. */
export function toOption(item: unknown): LabelValue {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    const inner = wrapped(record);
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return toOption(inner);
    if ('value' in record) return { label: typeof record.label === 'string' ? record.label : String(record.value), value: record.value };
  }
  return { label: String(item), value: item };
}

/** The bare value of a configured value as a form shows and checks it (`{__lv: {value}}` → value). */
export function unwrap(value: unknown): unknown {
  if (isRecord(value)) {
    const inner = wrapped(value);
    if (Array.isArray(inner)) return inner.map((item) => toOption(item).value);
    if (inner && typeof inner === 'object') return (inner as Record<string, unknown>).value;
  }
  return value;
}

/** The options a configured value holds (with their labels when it was stored as `__lv`). */
export function selectedOptions(value: unknown): LabelValue[] {
  if (value === undefined || value === null || value === '') return [];
  if (isRecord(value)) {
    const inner = wrapped(value);
    if (Array.isArray(inner)) return inner.map(toOption);
    if (inner !== undefined) return [toOption(inner)];
  }
  if (Array.isArray(value)) return value.map(toOption);
  return [toOption(value)];
}

/**
 * The bare value of a configured prop as a component reads it: select choices arrive wrapped as
 * `{__lv: {label, value}}` (or `{__lv: [...]}` for multi-selects, or `lv` once the SDK has parsed
 * them), also inside lists.
 */
export function unwrapValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapValue);
  if (isRecord(value) && ('__lv' in value || 'lv' in value)) {
    const inner = wrapped(value);
    if (Array.isArray(inner)) return inner.map((item) => (isRecord(item) && 'value' in item ? item.value : item));
    if (isRecord(inner) && 'value' in inner) return inner.value;
    return inner;
  }
  return value;
}

/** The label of a `withLabel` value, when the client sent one. */
export function labelOfValue(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const inner = wrapped(value);
  return isRecord(inner) && typeof inner.label === 'string' ? inner.label : undefined;
}

/** Whether two option values are the same value (equal as JSON). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How a chosen option is stored: `{__lv: {label, value}}` for `withLabel` props (the label travels along), the bare value otherwise. */
export function storeOption(prop: Pick<ConfigurableProp, 'withLabel'>, option: LabelValue): unknown {
  return prop.withLabel ? { __lv: { label: option.label, value: option.value } } : option.value;
}

/** Several chosen options of an array type, stored the same way: `{__lv: [{label, value}…]}` or the bare values. */
export function storeOptions(prop: Pick<ConfigurableProp, 'withLabel'>, options: LabelValue[]): unknown {
  return prop.withLabel ? { __lv: options.map(({ label, value }) => ({ label, value })) } : options.map((option) => option.value);
}
