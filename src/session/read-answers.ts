/**
 * Defensive readers of the Connect API's answers. The SDK parses answers with `skipValidation`,
 * so whatever the API (or a proxy in between) sends reaches us as it came: a number where a name
 * belongs, an object for a description, a list that is not a list. Each reader builds a clean
 * object of the SDK's type from an allow-list of fields, so elements only ever see well-typed
 * data:
 *
 * - text fields keep strings and show numbers and booleans as text; anything else is dropped;
 * - flags keep only booleans, numbers only finite numbers, dates only valid dates;
 * - lists that are not lists are empty; items without what identifies them are skipped;
 * - values (a prop's `default`, a run's `ret`, exports, configured props) stay as they came:
 *   they are data the form or the host handles, not text.
 *
 * Where the SDK's schema is a union (deployed triggers, option items), one bad field makes it
 * hand over the raw wire object, so those readers also accept the wire's snake_case names.
 * The readers of components, props and their calls are in read-components.ts, loaded with the
 * first such call: a page with only a connect button does not download them.
 */
import type { Account, App, AppCategory } from '@pipedream/sdk/browser';

export type Raw = Record<string, unknown>;

export const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops the fields a reader left undefined, so a clean object has only the fields it holds. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** A text field: a string, or a number or boolean shown as text; anything else is dropped. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') return String(value);
  return undefined;
}

export const readFlag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
export const readNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A date: a valid Date, or an ISO 8601 text the SDK's stricter pattern left as text. */
export function readDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Each readable item of a list; a list that is not one is empty. */
export function readItems<T>(value: unknown, read: (item: unknown) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  const items: T[] = [];
  for (const item of value) {
    const clean = read(item);
    if (clean !== undefined) items.push(clean);
  }
  return items;
}

export const readTexts = (value: unknown) => readItems(value, readText);
/** An optional list: absent stays absent, anything else is read as a list. */
export const optionalItems = <T>(value: unknown, read: (item: unknown) => T | undefined) => (value === undefined ? undefined : readItems(value, read));
export const optionalRecord = (value: unknown) => (isRecord(value) ? value : undefined);
/** One of a fixed set of texts (an enum of the API), or nothing. */
export const oneOf = <T extends string>(value: unknown, allowed: readonly T[]) => (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;
/** The camelCase field, or its wire name when the SDK handed over the raw object. */
export const either = (raw: Raw, camel: string, wire: string) => (raw[camel] !== undefined ? raw[camel] : raw[wire]);

// ------------------------------------------------------------------------------- apps, accounts

const AUTH_TYPES = ['oauth', 'keys', 'none'] as const;
const SCOPE_PROFILES = ['read_only', 'read_write', 'admin'] as const;

/** An app of the catalog; undefined without a `nameSlug` (what elements identify it by). */
export function readApp(raw: unknown): App | undefined {
  if (!isRecord(raw)) return undefined;
  const nameSlug = readText(raw.nameSlug);
  if (!nameSlug) return undefined;
  return compact<App>({
    id: readText(raw.id),
    nameSlug,
    name: readText(raw.name) ?? nameSlug,
    authType: oneOf(raw.authType, AUTH_TYPES),
    description: readText(raw.description),
    imgSrc: readText(raw.imgSrc) ?? '',
    customFieldsJson: readText(raw.customFieldsJson),
    categories: readTexts(raw.categories),
    featuredWeight: readNumber(raw.featuredWeight) ?? 0,
    scopeProfiles: readItems(raw.scopeProfiles, (item) => {
      const name = isRecord(item) ? oneOf(item.name, SCOPE_PROFILES) : undefined;
      return name && isRecord(item) ? { name, scopes: readTexts(item.scopes) } : undefined;
    }),
  });
}

/** A connected account; undefined without a string `id`. Its `externalId` is read, not checked. */
export function readAccount(raw: unknown): Account | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return undefined;
  return compact<Account>({
    id: raw.id,
    name: readText(raw.name),
    externalId: readText(raw.externalId),
    healthy: readFlag(raw.healthy),
    dead: readFlag(raw.dead),
    app: readApp(raw.app),
    createdAt: readDate(raw.createdAt),
    updatedAt: readDate(raw.updatedAt),
    authorizedScopes: optionalItems(raw.authorizedScopes, readText),
    // Credentials are secrets for the host's server; never rendered, kept as they came.
    credentials: optionalRecord(raw.credentials) as Account['credentials'],
    expiresAt: readDate(raw.expiresAt),
    error: readText(raw.error),
    lastRefreshedAt: readDate(raw.lastRefreshedAt),
    nextRefreshAt: readDate(raw.nextRefreshAt),
  });
}

/** An app category; undefined without an id. */
export function readAppCategory(raw: unknown): AppCategory | undefined {
  if (!isRecord(raw)) return undefined;
  const id = readText(raw.id);
  return id ? compact<AppCategory>({ id, name: readText(raw.name), description: readText(raw.description) }) : undefined;
}
