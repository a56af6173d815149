import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { transformSync } from 'esbuild';
import { connectPageHtml, connectPageScript, type ConnectPageMode } from '../../src/emulator/connect-page/index.js';

const script = connectPageScript();
/**
 * The script is the compiled text of a TS function, so its layout depends on the compiler that
 * ran (minified or not, either quote style). Printed again in one form (double quotes, no
 * comments), it can be matched the same way whichever it was.
 */
const printed = transformSync(script, { loader: 'js' }).code;

function scriptTags(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1] ?? '', body: m[2] ?? '' }));
}

test('the page is a complete HTML5 document', () => {
  const html = connectPageHtml({ mode: 'normal' });
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
  assert.match(html, /<title>Connect an account<\/title>/);
  assert.match(html, /Local Connect emulator &#8212; no data leaves this machine/);
  assert.match(html, /<\/html>\s*$/);
});

test('the page has no inline script and loads /_static/connect.js as a module', () => {
  const html = connectPageHtml({ mode: 'normal' });
  const tags = scriptTags(html);
  assert.equal(tags.length, 1);
  assert.match(tags[0]!.attrs, /\btype="module"/);
  assert.match(tags[0]!.attrs, /\bsrc="\/_static\/connect\.js"/);
  assert.equal(tags[0]!.body.trim(), '');
  // Inline handlers would be blocked by `script-src 'self'` as well.
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /javascript:/i);
});

test('the mode is passed on <body data-mode>', () => {
  assert.match(connectPageHtml({ mode: 'normal' }), /<body data-mode="normal">/);
  assert.match(connectPageHtml({ mode: 'error' }), /<body data-mode="error">/);
});

test('the mode attribute is escaped', () => {
  const hostile = '"><script>alert(1)</script><b a=\'' as ConnectPageMode;
  const html = connectPageHtml({ mode: hostile });
  assert.match(html, /<body data-mode="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;b a=&#39;">/);
  assert.equal(scriptTags(html).length, 1);
});

test('the page keeps the UI hooks the script needs', () => {
  const html = connectPageHtml({ mode: 'normal' });
  for (const id of ['card', 'screen', 'brand', 'close', 'status', 'alert', 'title']) {
    assert.match(html, new RegExp(`id="${id}"`), `missing #${id}`);
  }
  assert.match(html, /<button type="button" class="close" id="close" aria-label="Close" hidden>/);
  assert.match(html, /id="alert" role="alert"/);
  assert.match(html, /role="status" aria-live="polite"/);
  assert.match(html, /prefers-color-scheme: dark/);
});

test('the script is a plain script that parses', () => {
  assert.doesNotThrow(() => new vm.Script(script, { filename: 'connect.js' }));
  assert.doesNotMatch(script, /^\s*(import|export)\s/m);
});

test('the script builds DOM from text, never from HTML strings', () => {
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'createContextualFragment']) {
    assert.ok(!script.includes(sink), `script uses ${sink}`);
  }
  assert.match(script, /textContent/);
});

test('the script reads the iframe query parameters', () => {
  for (const name of ['token', 'app', 'oauthAppId', 'appOverrideId', 'accountId', 'hideClose', 'oauthScopeProfile', 'customOauthClient', 'connectLink']) {
    assert.match(printed, new RegExp(`params\\.get\\("${name}"\\)`), `does not read ${name}`);
  }
  assert.match(printed, /document\.body\.dataset\.mode === "error"/);
});

test('the script posts exactly the protocol message shapes', () => {
  assert.match(printed, /window\.parent\.postMessage\(message, "\*"\)/);
  assert.equal(printed.split('postMessage(').length - 1, 1, 'postMessage is called from one place only');
  const calls = [...printed.matchAll(/\bpost\((\{[^;]*\})\);/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
  const allowed = new Set([
    '{ type: "success", authProvisionId: account.id }',
    '{ type: "error", error: message }',
    '{ type: "close" }',
  ]);
  assert.ok(calls.length >= 3);
  for (const call of calls) assert.ok(allowed.has(call), `unexpected message ${call}`);
  assert.deepEqual(new Set(calls), allowed);
  assert.match(printed, /"access_denied: The user denied the request"/);
});

test('the script calls the validate and create endpoints as documented', () => {
  assert.match(printed, /"\/v1\/connect\/tokens\/" \+ encodeURIComponent\(q\.token\) \+ "\/validate\?"/);
  assert.match(printed, /new URLSearchParams\(\{ app_id: q\.app \}\)/);
  assert.match(printed, /query\.set\("account_id", q\.accountId\)/);
  assert.match(printed, /query\.set\("oauth_app_id", q\.oauthAppId\)/);
  assert.match(printed, /request\("POST", "\/v1\/connect\/accounts", body\)/);
  assert.match(printed, /headers\.Authorization = "Bearer " \+ q\.token/);
  assert.match(printed, /headers\["Content-Type"\] = "application\/json"/);
  assert.match(printed, /\{ app_slug: [^}]*, cfmap_json: extra\.cfmap_json, connect_token: q\.token \}/);
  assert.match(printed, /body\.account_id = q\.accountId/);
  assert.match(printed, /body\.oauth_app_id = q\.oauthAppId/);
});

test('Connect Link mode redirects instead of posting', () => {
  assert.match(printed, /const pageMode = q\.connectLink \|\| window\.parent === window;/);
  assert.match(printed, /if \(pageMode\) return;\s*window\.parent\.postMessage/);
  assert.match(printed, /location\.assign\(/);
  assert.match(printed, /redirects\.success/);
  assert.match(printed, /appendQuery\(redirects\.error, "error", message\)/);
});
