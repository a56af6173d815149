import { ar } from './ar.js';
import { de } from './de.js';
import { en, type StringKey, type Strings } from './en.js';

export type { StringKey, Strings };

const locales = new Map<string, Partial<Strings>>([['en', en], ['de', de], ['ar', ar]]);
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** Adds or extends a locale (e.g. `registerLocale('fr', {...})`); missing strings fall back to English. */
export function registerLocale(code: string, strings: Partial<Strings>): void {
  const key = code.toLowerCase();
  locales.set(key, { ...locales.get(key), ...strings });
}

/** The best shipped locale for a requested tag: exact (`pt-br`), then language (`pt`), then English. */
export function resolveLocale(requested: string | undefined): string {
  const tags = [requested, globalThis.document?.documentElement.lang, globalThis.navigator?.language].filter(Boolean) as string[];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (locales.has(lower)) return lower;
    const language = lower.split('-')[0] as string;
    if (locales.has(language)) return language;
  }
  return 'en';
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0] as string) ? 'rtl' : 'ltr';
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one locale. Per-string `overrides` win over the locale, which falls back to
 * English key by key. `{name}` placeholders take `params`; numbers are formatted for the locale.
 */
export function translator(locale: string, overrides: Partial<Strings> = {}): Translate {
  const table = locales.get(locale) ?? {};
  const numbers = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const template = overrides[key] ?? table[key] ?? en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** Picks `key.one` / `key.other` (and friends) by the locale's plural rules. */
export function plural(t: Translate, locale: string, base: 'accounts.count', count: number): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key = (category === 'one' ? `${base}.one` : `${base}.other`) as StringKey;
  return t(key, { count });
}
