import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDemo } from '../support/demo-server.js';

test('npm run demo serves the showcase wired to its emulator, with a working token endpoint', async () => {
  const { child, stderr, ...urls } = await startDemo();
  try {
    const page = await (await fetch(urls.showcase)).text();
    assert.match(page, /<pd-connect-provider[^>]+base-url="http:\/\/127\.0\.0\.1:\d+"/);
    assert.ok(page.includes(`base-url="${urls.emulator}"`));
    for (const tag of ['pd-connect-button', 'pd-account-list', 'pd-app-select', 'pd-component-select', 'pd-action-form', 'pd-trigger-form', 'pd-app-directory', 'pd-accounts-console', 'pd-deployed-triggers']) assert.ok(page.includes(`<${tag}`), tag);
    const token = await fetch(new URL('/api/connect-token', urls.showcase), {
      method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(urls.showcase).origin }, body: '{}',
    });
    assert.equal(token.status, 200);
    const { token: ctok } = (await token.json()) as { token: string };
    const accounts = await fetch(`${urls.emulator}/v1/connect/accounts`, { headers: { authorization: `Bearer ${ctok}` } });
    const body = (await accounts.json()) as { data: { name: string }[] };
    assert.equal(body.data.length, 3, 'the demo seeds three accounts');
    assert.match(page, /webhook-url="http:\/\/127\.0\.0\.1:\d+\/api\/webhook"/);
    const main = await fetch(new URL('/main.ts', urls.showcase));
    assert.equal(main.status, 200);
    // A newcomer's first command prints nothing to interpret: the dependency scan runs after the
    // first page load, so give it a moment, then there must be no warning or error.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.equal(stderr().trim(), '', 'the demo printed warnings or errors');
  } finally {
    child.kill('SIGTERM');
  }
});
