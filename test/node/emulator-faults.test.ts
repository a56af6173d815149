import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEmulator } from '../../src/emulator/index.js';
import { startEmulator } from '../../src/emulator/index.node.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

describe('emulator: bad input, faults, state', () => {
  let f: EmulatorFixture;
  before(async () => { f = await emulatorFixture(); });
  after(() => f.close());

  it('answers bad input with the right status and an error body, never a crash', async () => {
    const { token } = await f.connectToken('bad-input');
    const cases: [string, string, Parameters<EmulatorFixture['call']>[2], number][] = [
      ['GET', '/v1/connect/accounts', {}, 401],
      ['GET', '/v1/connect/accounts', { headers: { authorization: 'Basic abc' } }, 401],
      ['GET', '/v1/connect/accounts', { token: 'ctok_nope' }, 401],
      ['GET', '/v1/connect/accounts/apn_missing', { token }, 404],
      ['GET', '/v1/connect/apps/not_an_app', { token }, 404],
      ['GET', '/v1/connect/components/not-a-component', { token }, 404],
      ['GET', '/v1/connect/nothing-here', { token }, 404],
      ['GET', '/v2/whatever', {}, 404],
      ['PATCH', '/v1/connect/accounts', { token }, 405],
      ['POST', '/v1/connect/actions/run', { token, rawBody: '{not json' }, 400],
      ['POST', '/v1/connect/actions/run', { token, rawBody: '[1,2]' }, 400],
      ['POST', '/v1/connect/actions/run', { token, body: { id: 42 } }, 400],
      ['POST', '/v1/connect/actions/run', { token, body: { id: 'slack-send-message', configured_props: 'x' } }, 400],
      ['POST', '/v1/connect/actions/run', { token, body: { id: 'no-such-action' } }, 404],
      ['POST', '/v1/connect/components/configure', { token, body: { id: 'slack-send-message', prop_name: 7 } }, 400],
      ['POST', '/v1/connect/components/configure', { token, body: { id: 'slack-send-message', prop_name: 'nope' } }, 400],
      ['POST', '/v1/connect/components/configure', { token, body: { id: 'slack-send-message', prop_name: 'slack', page: -1 } }, 400],
      ['POST', '/v1/connect/components/props', { token, body: { id: 'slack-send-message', dynamic_props_id: 'dyp_missing' } }, 404],
      ['POST', '/v1/connect/triggers/deploy', { token, body: { id: 'slack-send-message' } }, 404],
      ['GET', '/v1/connect/apps?sort_key=bogus', { token }, 400],
      ['GET', '/v1/connect/apps?has_actions=maybe', { token }, 400],
      ['POST', '/v1/oauth/token', { rawBody: 'garbage' }, 400],
    ];
    for (const [method, path, options = {}, status] of cases) {
      const response = await f.call(method, path, options);
      assert.equal(response.status, status, `${method} ${path} ${JSON.stringify(options?.body ?? options?.rawBody ?? '')}`);
      if (status !== 204) assert.equal(typeof response.body.error, 'string', `${method} ${path} has an error message`);
    }
    // Unknown body fields are ignored, like Pipedream's API.
    const list = await f.call('POST', `/v1/connect/${f.emulator.projectId}/tokens`, {
      token: await f.accessToken(), body: { external_user_id: 'u', surprise: true }, headers: { 'x-pd-environment': 'development' },
    });
    assert.equal(list.status, 200);
  });

  it('injects latency, error statuses and 429 with Retry-After, for a number of requests', async () => {
    const { token } = await f.connectToken('faulty');
    const added = await f.call('POST', '/_emulator/faults', {
      body: { rules: [{ path: '/v1/connect/accounts', status: 429, retryAfter: 3, times: 1 }, { method: 'GET', path: '/v1/connect/apps*', status: 503, times: 2 }] },
    });
    assert.equal(added.status, 201);
    const limited = await f.call('GET', '/v1/connect/accounts', { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token })).status, 200);
    assert.equal((await f.call('GET', '/v1/connect/apps', { token })).status, 503);
    assert.equal((await f.call('GET', '/v1/connect/apps/slack', { token })).status, 503);
    assert.equal((await f.call('GET', '/v1/connect/apps', { token })).status, 200);

    await f.call('POST', '/_emulator/faults', { body: { rules: { path: '/v1/connect/apps', latencyMs: 250, times: 1 } } });
    const started = performance.now();
    assert.equal((await f.call('GET', '/v1/connect/apps', { token })).status, 200);
    assert.ok(performance.now() - started >= 240);

    await f.call('POST', '/_emulator/faults', { body: { rules: { path: '/v1/connect/apps', body: '<html>oops', times: 1 } } });
    const malformed = await f.call('GET', '/v1/connect/apps', { token });
    assert.equal(malformed.status, 200);
    assert.equal(malformed.body, '<html>oops');

    assert.equal((await f.call('POST', '/_emulator/faults', { body: { rules: [{ path: 'no-slash' }] } })).status, 400);
    assert.equal((await f.call('POST', '/_emulator/faults', { body: { connect_page: 'sideways' } })).status, 400);
    assert.equal((await f.call('DELETE', '/_emulator/faults')).status, 204);
    assert.equal((await f.call('GET', '/_emulator/faults')).body.rules.length, 0);
  });

  it('forward: handles a write for real, then answers with the fault (an answer lost on the way)', async () => {
    const { token } = await f.connectToken('forwarded');
    await f.call('POST', '/_emulator/faults', { body: { rules: { method: 'POST', path: '/v1/connect/actions/run', status: 504, forward: true, times: 1 } } });
    await f.call('DELETE', '/_emulator/requests');
    const lost = await f.call('POST', '/v1/connect/actions/run', { token, body: { id: 'pipedream_utils-inspect-value', external_user_id: 'forwarded', configured_props: { value: 1 } } });
    assert.equal(lost.status, 504);
    // It ran: the request was handled (logged with its user) before the fault replaced the answer.
    const log = await f.call('GET', '/_emulator/requests?path=/v1/connect/actions/run');
    assert.deepEqual(log.body.data.map((entry: { status: number; externalUserId?: string }) => [entry.status, entry.externalUserId]), [[504, 'forwarded']]);
    // A deploy that is forwarded exists afterwards although its answer was an error.
    await f.call('POST', '/_emulator/faults', { body: { rules: { method: 'POST', path: '/v1/connect/triggers/deploy', status: 502, forward: true, times: 1 } } });
    const deploy = await f.call('POST', '/v1/connect/triggers/deploy', {
      token, body: { id: 'rss-new-item-in-feed', external_user_id: 'forwarded', configured_props: { url: 'https://example.com/feed.xml' } },
    });
    assert.equal(deploy.status, 502);
    const listed = await f.call('GET', '/v1/connect/deployed-triggers?external_user_id=forwarded', { token });
    assert.equal(listed.body.data.length, 1);
    assert.equal((await f.call('POST', '/_emulator/faults', { body: { rules: { path: '/x', forward: 'yes' } } })).status, 400);
  });

  it('omits an account\'s expires_at when the credentials have no known expiry (a string when present)', async () => {
    const { token } = await f.connectToken('no-expiry');
    const seeded = await f.call('POST', '/_emulator/accounts', { body: { external_user_id: 'no-expiry', app: 'openai', environment: 'development' } });
    assert.ok(seeded.status < 300);
    const listed = await f.call('GET', '/v1/connect/accounts', { token });
    for (const account of listed.body.data as Record<string, unknown>[]) {
      assert.ok(!('expires_at' in account) || typeof account.expires_at === 'string', `expires_at is ${String(account.expires_at)}`);
    }
    assert.ok(listed.body.data.some((account: Record<string, unknown>) => !('expires_at' in account)));
  });

  it('the SDK retries an injected 429 honouring Retry-After', async () => {
    await f.call('POST', '/_emulator/faults', { body: { rules: { path: '/v1/connect/apps', status: 429, retryAfter: 1, times: 1 } } });
    const page = await f.frontend('retry-user').apps.list({ limit: 2 });
    assert.equal(page.data.length, 2);
  });

  it('breaks the connect page on demand', async () => {
    assert.equal((await fetch(`${f.url}/_static/connect.html?token=x&app=slack`)).status, 200);
    await f.call('POST', '/_emulator/faults', { body: { connect_page: 'unavailable' } });
    assert.equal((await fetch(`${f.url}/_static/connect.html`)).status, 503);
    await f.call('POST', '/_emulator/faults', { body: { connect_page: 'error' } });
    assert.match(await (await fetch(`${f.url}/_static/connect.html`)).text(), /data-mode="error"/);
    await f.call('POST', '/_emulator/faults', { body: { connect_page: 'hang' } });
    const hung = await fetch(`${f.url}/_static/connect.html`, { signal: AbortSignal.timeout(300) }).catch((error: Error) => error);
    assert.ok(hung instanceof Error);
    await f.call('DELETE', '/_emulator/faults');
  });

  it('logs requests for counting, and clears the log', async () => {
    await f.call('DELETE', '/_emulator/requests');
    const { token } = await f.connectToken('counter');
    await f.call('GET', '/v1/connect/accounts', { token });
    await f.call('GET', '/v1/connect/accounts?app=slack', { token });
    const log = await f.call('GET', '/_emulator/requests?path=/v1/connect/accounts&method=GET');
    assert.equal(log.body.data.length, 2);
    assert.equal(log.body.data[0].auth, 'connect');
    assert.equal(log.body.data[0].externalUserId, 'counter');
    assert.equal(log.body.data[1].query, '?app=slack');
  });

  it('keeps state consistent under concurrent requests', async () => {
    const user = 'concurrent';
    const tokens = await Promise.all(Array.from({ length: 40 }, () => f.connectToken(user)));
    const created = await Promise.all(tokens.map(({ token }, i) =>
      f.call('POST', '/v1/connect/accounts', { token, body: { app_slug: i % 2 ? 'slack' : 'github', cfmap_json: '{}', connect_token: token } }),
    ));
    assert.ok(created.every((response) => response.status === 200));
    assert.equal(new Set(created.map((response) => response.body.id)).size, 40);
    const { token } = await f.connectToken(user);
    // Delete half concurrently, twice over: the second delete of each is a clean 404.
    const doomed = created.slice(0, 20).map((response) => response.body.id as string);
    const deletes = await Promise.all([...doomed, ...doomed].map((id) => f.call('DELETE', `/v1/connect/accounts/${id}`, { token })));
    assert.equal(deletes.filter((d) => d.status === 204).length, 20);
    assert.equal(deletes.filter((d) => d.status === 404).length, 20);
    const left = await f.call('GET', '/v1/connect/accounts?limit=100', { token });
    assert.equal(left.body.data.length, 20);
  });

  it('runs without Node: the handler answers plain Fetch requests', async () => {
    const emulator = createEmulator();
    const response = await emulator.handle(new Request('http://emulator.test/v1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
    }));
    assert.equal(response.status, 200);
    const page = await emulator.handle(new Request('http://emulator.test/_static/connect.html'));
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  });

  it('persists state to a file across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-emulator-'));
    const stateFile = join(dir, 'state.json');
    try {
      const first = await startEmulator({ port: 0, stateFile });
      const account = first.emulator.seedAccount({ externalUserId: 'persist', app: 'notion' });
      await first.close();
      assert.match(readFileSync(stateFile, 'utf8'), new RegExp(account.id));
      const second = await startEmulator({ port: 0, stateFile });
      assert.equal(second.emulator.state.accounts.get(account.id)?.externalUserId, 'persist');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the command line starts a server, prints its URL and takes the documented flags', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', '--apps', '2500', '--latency', '5'], {
      env: { ...process.env, PIPEDREAM_PROJECT_ID: 'proj_fromenv' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
        setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 8000);
      });
      const info = await (await fetch(`${url}/_emulator/`)).json() as { project_id: string; apps: number; latency_ms: number };
      assert.equal(info.project_id, 'proj_fromenv');
      assert.ok(info.apps >= 2500);
      assert.equal(info.latency_ms, 5);
    } finally {
      child.kill('SIGTERM');
    }
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', 'abc']);
    const code = await new Promise((resolve) => bad.once('exit', resolve));
    assert.equal(code, 2);
  });
});
