import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDisconnectHandler, createRunActionHandler, createTokenHandler } from '../../src/server/index.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The host app's own notion of who is signed in: here a header its session middleware would set. */
const fromSession = (request: Request) => request.headers.get('x-test-user');

describe('pd-connect-elements/server against the emulator', () => {
  let f: EmulatorFixture;
  let options: { clientId: string; clientSecret: string; projectId: string; environment: 'development'; baseUrl: string; getExternalUserId: typeof fromSession };
  before(async () => {
    f = await emulatorFixture();
    options = { clientId: f.emulator.clientId, clientSecret: f.emulator.clientSecret, projectId: f.emulator.projectId, environment: 'development', baseUrl: f.url, getExternalUserId: fromSession };
  });
  after(() => f.close());

  const post = (body: unknown, user?: string, url = 'https://app.example.com/api/pipedream/token', headers: Record<string, string> = {}) =>
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
  const requests = async (path: string, method: string) => (await f.call('GET', `/_emulator/requests?path=${path}&method=${method}`)).body.data.length as number;

  it('mints a narrow token for the signed-in user', async () => {
    const handler = createTokenHandler({ ...options, expiresIn: 600, scope: 'connect:accounts:read' });
    const response = await handler(post({ external_user_id: 'alice' }, 'alice'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { token: string; expires_at: string; connect_link_url: string };
    assert.match(body.token, /^ctok_/);
    const lifetime = Date.parse(body.expires_at) - Date.now();
    assert.ok(lifetime > 590_000 && lifetime <= 600_000);
    const stored = f.emulator.state.tokens.get(body.token)!;
    assert.equal(stored.externalUserId, 'alice');
    assert.deepEqual(stored.allowedOrigins, ['https://app.example.com']);
    assert.equal(stored.scope, 'connect:accounts:read');
    assert.equal(stored.environment, 'development');
    // No body at all is fine: the user comes from the session.
    assert.equal((await handler(post(undefined, 'alice'))).status, 200);
  });

  it('never trusts a user id from the body alone', async () => {
    const handler = createTokenHandler(options);
    const mismatch = await handler(post({ external_user_id: 'mallory' }, 'alice'));
    assert.equal(mismatch.status, 403);
    assert.match(((await mismatch.json()) as { error: string }).error, /does not match/);
    assert.equal((await handler(post({ external_user_id: 'alice' }))).status, 401);
  });

  it('answers other methods and bad bodies clearly', async () => {
    const handler = createTokenHandler(options);
    const get = await handler(new Request('https://app.example.com/token', { method: 'GET' }));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await handler(new Request('https://app.example.com/token', { method: 'POST', body: '{nope', headers: { 'x-test-user': 'a' } }))).status, 400);
  });

  it('wrong credentials become a 502 that does not leak the secret', async () => {
    const handler = createTokenHandler({ ...options, clientSecret: 'definitely-wrong' });
    const response = await handler(post({}, 'alice'));
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.match(text, /rejected the client credentials/);
    assert.ok(!text.includes('definitely-wrong'));
  });

  it('disconnects only the signed-in user own accounts', async () => {
    const handler = createDisconnectHandler(options);
    const mine = f.emulator.seedAccount({ externalUserId: 'bob', app: 'slack', environment: 'development' });
    const theirs = f.emulator.seedAccount({ externalUserId: 'carol', app: 'slack', environment: 'development' });
    assert.equal((await handler(post({ account_id: theirs.id }, 'bob'))).status, 404);
    assert.ok(f.emulator.state.accounts.has(theirs.id));
    assert.equal((await handler(post({ account_id: mine.id, external_user_id: 'bob' }, 'bob'))).status, 204);
    assert.ok(!f.emulator.state.accounts.has(mine.id));
    assert.equal((await handler(post({}, 'bob'))).status, 400);
    assert.equal((await handler(post({ account_id: 'apn_missing' }, 'bob'))).status, 404);
  });

  it('runs an action as the signed-in user, limited to allowed actions', async () => {
    const handler = createRunActionHandler({ ...options, allowedActions: ['pipedream_utils-inspect-value'] });
    const ok = await handler(post({ id: 'pipedream_utils-inspect-value', configured_props: { value: [1, 2] } }, 'dave'));
    assert.equal(ok.status, 200);
    const result = (await ok.json()) as { exports: { $summary?: string }; ret: unknown };
    assert.equal(typeof result.exports.$summary, 'string');
    assert.equal((await handler(post({ id: 'hubspot-delete-contact', configured_props: {} }, 'dave'))).status, 403);
    const open = createRunActionHandler(options);
    const missing = await open(post({ id: 'github-create-issue', configured_props: {} }, 'dave'));
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { error: string }).error, /Missing required props/);
  });

  it('sends a run and a disconnect to Pipedream once, even when it answers 5xx', async () => {
    const handler = createRunActionHandler(options);
    await f.call('POST', '/_emulator/faults', { body: { rules: [{ method: 'POST', path: '/v1/connect/*/actions/run', status: 500 }, { method: 'DELETE', path: '/v1/connect/*/accounts/*', status: 503 }] } });
    await f.call('DELETE', '/_emulator/requests');
    const failed = await handler(post({ id: 'pipedream_utils-inspect-value', configured_props: { value: 1 } }, 'erin'));
    assert.equal(failed.status, 502);
    const account = await f.call('POST', '/_emulator/accounts', { body: { external_user_id: 'erin', app: 'slack', environment: 'development' } });
    const disconnect = await createDisconnectHandler(options)(post({ account_id: account.body.id }, 'erin'));
    assert.equal(disconnect.status, 502);
    const runs = await f.call('GET', '/_emulator/requests?path=/actions/run&method=POST');
    const deletes = await f.call('GET', '/_emulator/requests?path=/accounts/&method=DELETE');
    assert.equal(runs.body.data.length, 1);
    assert.equal(deletes.body.data.length, 1);
    await f.call('DELETE', '/_emulator/faults');
  });

  it('mints the token for the page that asks, not for the URL the server sees', async () => {
    // Next.js on 127.0.0.1 sees its own URL as localhost; the browser's Origin is what counts.
    const handler = createTokenHandler(options);
    const response = await handler(post({}, 'frank', 'http://localhost:3000/api/pipedream/token', { origin: 'http://127.0.0.1:3000' }));
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    assert.deepEqual(f.emulator.state.tokens.get(token)!.allowedOrigins, ['http://127.0.0.1:3000']);
    const fromPage = await f.call('GET', `/v1/connect/${f.emulator.projectId}/accounts`, { token, headers: { origin: 'http://127.0.0.1:3000' } });
    assert.equal(fromPage.status, 200);
  });

  it('gives tokens only to allowedOrigins when they are set (behind a proxy)', async () => {
    const handler = createTokenHandler({ ...options, allowedOrigins: ['https://app.example.com/', 'https://admin.example.com'] });
    const internal = 'http://10.0.0.7:3000/api/pipedream/token';
    const ok = await handler(post({}, 'gina', internal, { origin: 'https://app.example.com' }));
    assert.equal(ok.status, 200);
    assert.deepEqual(f.emulator.state.tokens.get(((await ok.json()) as { token: string }).token)!.allowedOrigins, ['https://app.example.com']);
    const foreign = await handler(post({}, 'gina', internal, { origin: 'https://evil.example' }));
    assert.equal(foreign.status, 403);
    assert.match(await errorOf(foreign), /Origin https:\/\/evil\.example is not allowed.*allowedOrigins/);
    // Without an Origin header the request's own URL is the origin, and it is not in the list either.
    assert.equal((await handler(post({}, 'gina', internal))).status, 403);
    const opaque = await createTokenHandler(options)(post({}, 'gina', internal, { origin: 'null' }));
    assert.equal(opaque.status, 403);
    assert.match(await errorOf(opaque), /origin null/);
  });

  it('gets a new access token once Pipedream forgets the old one (emulator reset)', async () => {
    const token = createTokenHandler(options);
    assert.equal((await token(post({}, 'hank'))).status, 200);
    await f.call('POST', '/_emulator/reset');
    const again = await token(post({}, 'hank'));
    assert.equal(again.status, 200, await again.clone().text());
    assert.equal(await requests('/v1/oauth/token', 'POST'), 1);
    assert.equal(await requests('/tokens', 'POST'), 2);
    // The other handlers share that new token; a 401 is refused before acting, so a run after one is still run once.
    await f.call('POST', '/_emulator/reset');
    const run = await createRunActionHandler(options)(post({ id: 'pipedream_utils-inspect-value', configured_props: { value: 1 } }, 'hank'));
    assert.equal(run.status, 200);
    assert.equal(await requests('/actions/run', 'POST'), 2);
    assert.equal(await requests('/v1/oauth/token', 'POST'), 1);
    const account = f.emulator.seedAccount({ externalUserId: 'hank', app: 'slack', environment: 'development' });
    assert.equal((await createDisconnectHandler(options)(post({ account_id: account.id }, 'hank'))).status, 204);
  });

  it('does not blame the credentials when Pipedream refuses a fresh access token', async () => {
    await f.call('POST', '/_emulator/faults', { body: { rules: [{ method: 'POST', path: '/v1/connect/*/tokens', status: 401 }] } });
    await f.call('DELETE', '/_emulator/requests');
    try {
      const response = await createTokenHandler(options)(post({}, 'ivy'));
      assert.equal(response.status, 502);
      const error = await errorOf(response);
      assert.doesNotMatch(error, /credentials/);
      assert.match(error, /401/);
      // One new token and one retry, no loop.
      assert.equal(await requests('/tokens', 'POST'), 2);
      assert.equal(await requests('/v1/oauth/token', 'POST'), 1);
    } finally {
      await f.call('DELETE', '/_emulator/faults');
    }
  });

  it('shares one access token among handlers created per request', async () => {
    // A configuration no other test used, so its first request is the one that fetches a token.
    const production = { ...options, environment: 'production' as const };
    await f.call('DELETE', '/_emulator/requests');
    for (const user of ['jan', 'kim', 'lou']) assert.equal((await createTokenHandler(production)(post({}, user))).status, 200);
    assert.equal(await requests('/v1/oauth/token', 'POST'), 1);
  });
});
