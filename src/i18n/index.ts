import { ar } from './ar.js';
import { de } from './de.js';
import { en, type LocaleStrings, type PluralKey, type StringKey, type Strings } from './en.js';

export type { LocaleStrings, PluralKey, StringKey, Strings };

const locales = new Map<string, Partial<LocaleStrings>>([['en', en], ['de', de], ['ar', ar]]);
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi']);

/** Adds or extends a locale (e.g. `registerLocale('fr', {...})`); missing strings fall back to English. */
export function registerLocale(code: string, strings: Partial<LocaleStrings>): void {
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

export type Translate = (key: StringKey | PluralKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one locale. Per-string `overrides` win over the locale, which falls back to
 * English key by key. `{name}` placeholders take `params`; numbers are formatted for the locale.
 */
export function translator(locale: string, overrides: Partial<LocaleStrings> = {}): Translate {
  const table = locales.get(locale) ?? {};
  const numbers = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const template = overrides[key] ?? table[key] ?? (en as Partial<LocaleStrings>)[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/**
 * Picks the plural form for `count` by the locale's rules (`one`, `two`, `few`, …), falling back
 * to `other` when the locale has no such form.
 */
export function plural(t: Translate, locale: string, base: 'accounts.count', count: number): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key = `${base}.${category}` as StringKey | PluralKey;
  const text = t(key, { count });
  return text === key ? t(`${base}.other`, { count }) : text;
}
