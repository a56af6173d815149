import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enAccounts } from '../../src/i18n/en-accounts.js';
import { enSelects } from '../../src/i18n/en-selects.js';
import { ApiError, describeError } from '../../src/session/errors.js';
import { addEnglishStrings, loadLocale, plural, registerLocale, resolveLocale, translator } from '../../src/i18n/index.js';

describe('i18n', () => {
  it('resolves shipped and registered locales by tag, then language, else English', () => {
    assert.equal(resolveLocale('de-AT'), 'de');
    assert.equal(resolveLocale('AR'), 'ar');
    assert.equal(resolveLocale('xx'), 'en');
    registerLocale('pt-BR', { 'connect.retry': 'Tentar novamente' });
    assert.equal(resolveLocale('pt-br'), 'pt-br');
  });

  it('never takes an object property name for a locale', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.equal(resolveLocale(name), 'en', name);
      assert.equal(loadLocale(name), undefined, name);
    }
  });

  it('loads a shipped locale on demand, once, keeping strings registered before it arrived on top', async () => {
    registerLocale('ar', { 'connect.retry': 'مخصص' });
    const first = loadLocale('ar');
    assert.ok(first instanceof Promise);
    assert.equal(loadLocale('ar'), first, 'a second ask shares the load in flight');
    await first;
    assert.equal(loadLocale('ar'), undefined, 'nothing left to wait for');
    const t = translator('ar');
    assert.equal(t('connect.retry'), 'مخصص');
    assert.notEqual(t('connect.label', { app: 'Slack' }), 'Connect Slack');
  });

  it("says a chunk of code that did not download as such, in each browser's wording, and keeps other errors' text", async () => {
    const t = translator('en');
    const wordings = [
      'Failed to fetch dynamically imported module: https://cdn.example/chunks/accounts-X.js',
      'error loading dynamically imported module: https://cdn.example/chunks/accounts-X.js',
      'Importing a module script failed.',
    ];
    for (const message of wordings) {
      assert.equal(describeError(new TypeError(message), t), t('problem.code'), message);
      // Wrapped in an error of ours, as the component readers' loader does.
      assert.equal(describeError(new ApiError('Part of the elements could not be loaded', undefined, { cause: new TypeError(message) }), t), t('problem.code'));
      // Without a translator (a pd-error event's message) the browser's words stay, for the developer.
      assert.equal(describeError(new TypeError(message)), message);
    }
    assert.match(t('problem.code'), /reload the page/);
    assert.equal(describeError(new TypeError('Failed to fetch'), t), 'Failed to fetch');
    await loadLocale('de');
    assert.match(translator('de')('problem.code'), /Seite neu/);
  });

  it('rejects a malformed tag with a clear error', () => {
    assert.throws(() => registerLocale('not a tag!', {}), /not a language tag/);
  });

  it('English strings added with an element stay beneath page overrides', () => {
    registerLocale('en', { 'form.submit': 'Go' } as never);
    addEnglishStrings({ 'form.submit': 'Run action', 'form.cancel': 'Cancel' } as never);
    const t = translator('en');
    assert.equal(t('form.submit' as never), 'Go');
  });

  it('counts with each language’s plural rules', async () => {
    // As the account list and the selects add theirs when they load.
    addEnglishStrings(enSelects);
    addEnglishStrings(enAccounts);
    await loadLocale('de');
    const en = translator('en');
    assert.equal(plural(en, 'en', 'apps.results', 1), '1 app available.');
    assert.equal(plural(en, 'en', 'apps.results', 1200), '1,200 apps available.');
    const de = translator('de');
    assert.equal(plural(de, 'de', 'accounts.count', 1), '1 Konto');
  });

  it('sets names apart in right-to-left text, so their punctuation stays with them', async () => {
    addEnglishStrings(enAccounts);
    await loadLocale('ar');
    const ar = translator('ar');
    // U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE around the account's name only.
    assert.equal(ar('accounts.confirmDisconnect', { account: 'bot.' }), 'فصل \u2068bot.\u2069؟ ستتوقف مهام سير العمل التي تستخدمه.');
    assert.equal(ar('accounts.confirmDisconnectAll', { count: 3 }), 'فصل جميع الحسابات (3)؟ لا يمكن التراجع عن ذلك.', 'numbers need no isolation');
    // Left-to-right text is left as it is.
    assert.equal(translator('en')('accounts.confirmDisconnect', { account: 'bot.' }), 'Disconnect bot.? Workflows using it will stop working.');
  });
});
