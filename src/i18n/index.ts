import { en, type LocaleStrings, type PluralBase, type PluralKey, type StringKey, type Strings } from './en.js';

export type { LocaleStrings, PluralBase, PluralKey, StringKey, Strings };

const locales = new Map<string, Partial<LocaleStrings>>([['en', en]]);

/**
 * Adds English strings that ship with an element (the forms'): beneath anything registered
 * for English already, so a page's own overrides keep winning.
 */
export function addEnglishStrings(strings: Partial<LocaleStrings>): void {
  locales.set('en', { ...strings, ...locales.get('en') });
}

/** Shipped locales besides English, loaded when a page first asks for one: most pages need one language. */
const shipped = new Map<string, () => Promise<Strings>>([
  ['de', () => import('./de.js').then((module) => module.de)],
  ['ar', () => import('./ar.js').then((module) => module.ar)],
]);
const pending = new Map<string, Promise<void>>();

/**
 * Loads a shipped locale's strings if they are not here yet. Returns undefined when there is
 * nothing to wait for, else a promise that settles when the strings are in. A locale that fails
 * to load (offline) stays English until the page loads again.
 */
export function loadLocale(code: string): Promise<void> | undefined {
  const load = shipped.get(code);
  if (!load) return pending.get(code);
  shipped.delete(code);
  const loaded = load().then(
    (strings) => {
      // Strings registered before the table arrived are overrides: they stay on top.
      locales.set(code, { ...strings, ...locales.get(code) });
    },
    () => {
      locales.set(code, locales.get(code) ?? {});
    },
  ).finally(() => pending.delete(code));
  pending.set(code, loaded);
  return loaded;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** Adds or extends a locale (e.g. `registerLocale('fr', {...})`); missing strings fall back to English. */
export function registerLocale(code: string, strings: Partial<LocaleStrings>): void {
  try {
    Intl.getCanonicalLocales(code);
  } catch {
    throw new RangeError(`registerLocale: "${code}" is not a language tag (e.g. "fr" or "pt-BR")`);
  }
  const key = code.toLowerCase();
  locales.set(key, { ...locales.get(key), ...strings });
}

/** A tag Intl accepts: a locale registered under a malformed name formats numbers as English. */
function intlTag(code: string): string {
  try {
    return Intl.getCanonicalLocales(code)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Intl formatters, one per kind, locale and options, built on first use: building one costs far
 * more than using it (the first of a page can take tens of milliseconds), and rows of a list or
 * every string of a render would otherwise each build their own.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(kind: string, locale: string, options: object | undefined, build: () => T): T {
  const key = `${kind}\n${locale}\n${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter;
}

/** `Intl.NumberFormat` for a locale (a malformed tag formats as English), shared. */
export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached('number', locale, options, () => new Intl.NumberFormat(intlTag(locale), options));

/** `Intl.DateTimeFormat` for a locale (a malformed tag formats as English), shared. */
export const dateFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('date', locale, options, () => new Intl.DateTimeFormat(intlTag(locale), options));

const pluralRules = (locale: string): Intl.PluralRules => cached('plural', locale, undefined, () => new Intl.PluralRules(intlTag(locale)));

const known = (code: string) => locales.has(code) || shipped.has(code) || pending.has(code);

/** The best shipped locale for a requested tag: exact (`pt-br`), then language (`pt`), then English. */
export function resolveLocale(requested: string | undefined): string {
  const tags = [requested, globalThis.document?.documentElement.lang, globalThis.navigator?.language].filter(Boolean) as string[];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (known(lower)) return lower;
    const language = lower.split('-')[0] as string;
    if (known(language)) return language;
  }
  return 'en';
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] as string) ? 'rtl' : 'ltr';
}

export type Translate = (key: StringKey | PluralKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one locale. Per-string `overrides` win over the locale, which falls back to
 * English key by key. `{name}` placeholders take `params`; numbers are formatted for the locale.
 */
export function translator(locale: string, overrides: Partial<LocaleStrings> = {}): Translate {
  const table = locales.get(locale) ?? {};
  const english = locales.get('en') ?? {};
  // In a right-to-left text, a name or message in a left-to-right script (most API text) is set
  // apart (first-strong isolate … pop directional isolate), so its punctuation stays at its end.
  const isolate = directionOf(locale) === 'rtl' ? (value: string) => `\u2068${value}\u2069` : (value: string) => value;
  return (key, params = {}) => {
    const template = overrides[key] ?? table[key] ?? english[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numberFormat(locale).format(value) : isolate(value);
    });
  };
}

/**
 * Picks the plural form for `count` by the locale's rules (`one`, `two`, `few`, …), falling back
 * to `other` when the locale has no such form.
 */
export function plural(t: Translate, locale: string, base: PluralBase, count: number): string {
  const category = pluralRules(locale).select(count);
  const key = `${base}.${category}` as StringKey | PluralKey;
  const text = t(key, { count });
  return text === key ? t(`${base}.other`, { count }) : text;
}
