import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PipedreamClient } from '@pipedream/sdk/server';
import { createEmulator, type ConnectEmulator } from '../../src/emulator/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.node.js';

/**
 * `basePath` mounts the emulator under a folder (as the Storybook service worker does under
 * `{scope}emulator`): everything it serves moves there, including the URLs it hands out, and it
 * answers 404 to everything outside.
 */

const ORIGIN = 'http://emulator.test';
const BASE = '/design/emulator';

async function send(emulator: ConnectEmulator, method: string, path: string, init: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await emulator.handle(new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML or script: kept as text.
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown>, text };
}

async function accessToken(emulator: ConnectEmulator, base = BASE): Promise<string> {
  const answer = await send(emulator, 'POST', `${base}/v1/oauth/token`, {
    body: { grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret },
  });
  assert.equal(answer.status, 200);
  return answer.body.access_token as string;
}

describe('emulator basePath', () => {
  it('is stored without a trailing slash, and empty means the root', () => {
    assert.equal(createEmulator({ basePath: `${BASE}/` }).basePath, BASE);
    assert.equal(createEmulator({ basePath: BASE }).basePath, BASE);
    assert.equal(createEmulator().basePath, '');
  });

  it('serves the API, the admin API and the connect page under the base path', async () => {
    const emulator = createEmulator({ basePath: BASE });
    const token = await accessToken(emulator);
    const apps = await send(emulator, 'GET', `${BASE}/v1/connect/${emulator.projectId}/apps?limit=3`, { token });
    assert.equal(apps.status, 200);
    assert.equal((apps.body.data as unknown[]).length, 3);

    const seeded = await send(emulator, 'POST', `${BASE}/_emulator/accounts`, { body: { external_user_id: 'user-1', app: 'slack' } });
    assert.equal(seeded.status, 201);
    const state = await send(emulator, 'GET', `${BASE}/_emulator/state`);
    assert.equal(state.status, 200);
    assert.deepEqual((state.body.accounts as { appSlug: string }[]).map((account) => account.appSlug), ['slack']);

    const page = await send(emulator, 'GET', `${BASE}/_static/connect.html`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const script = await send(emulator, 'GET', `${BASE}/_static/connect.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);

    const preflight = await send(emulator, 'OPTIONS', `${BASE}/v1/connect/apps`, {
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.status, 204);
  });

  it('answers 404 outside the base path, for look-alike prefixes and for the base path itself', async () => {
    const emulator = createEmulator({ basePath: BASE });
    const outside = [
      ['POST', '/v1/oauth/token'],
      ['GET', '/v1/connect/apps'],
      ['GET', '/_emulator/state'],
      ['GET', '/_static/connect.html'],
      ['GET', `${BASE}x/v1/connect/apps`],
      ['GET', '/design/v1/connect/apps'],
      ['OPTIONS', '/v1/connect/apps'],
      ['GET', BASE],
    ] as const;
    for (const [method, path] of outside) {
      const answer = await send(emulator, method, path);
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.match(String(answer.body.error), /^No route for /, `${method} ${path}`);
      assert.equal(answer.headers.get('access-control-allow-origin'), null, `${method} ${path}`);
    }
    // Nothing outside reached the API: the request log is empty.
    assert.deepEqual(emulator.requests, []);
  });

  it('puts the base path in the connect page script URL and in connect_link_url', async () => {
    const emulator = createEmulator({ basePath: BASE });
    const page = await send(emulator, 'GET', `${BASE}/_static/connect.html`);
    const sources = [...page.text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(sources, [`${BASE}/_static/connect.js`]);

    const created = await send(emulator, 'POST', `${BASE}/v1/connect/${emulator.projectId}/tokens`, {
      token: await accessToken(emulator),
      body: { external_user_id: 'user-1', allowed_origins: ['https://app.example.com'] },
    });
    assert.equal(created.status, 200);
    const link = new URL(created.body.connect_link_url as string);
    assert.equal(`${link.origin}${link.pathname}`, `${ORIGIN}${BASE}/_static/connect.html`);
    assert.equal(link.searchParams.get('token'), created.body.token);
    assert.equal(link.searchParams.get('connectLink'), 'true');
    // The link opens the page it names.
    assert.equal((await send(emulator, 'GET', `${link.pathname}${link.search}`)).status, 200);
  });

  it('matches fault rules and logs requests by their path below the base path', async () => {
    const emulator = createEmulator({ basePath: BASE, faults: [{ method: 'GET', path: '/v1/connect/*/apps', status: 503, times: 1 }] });
    const token = await accessToken(emulator);
    const apps = `/v1/connect/${emulator.projectId}/apps`;
    assert.equal((await send(emulator, 'GET', `${BASE}${apps}`, { token })).status, 503);
    assert.equal((await send(emulator, 'GET', `${BASE}${apps}`, { token })).status, 200);
    assert.deepEqual(emulator.requests.map((entry) => entry.path), ['/v1/oauth/token', apps, apps]);
    const logged = await send(emulator, 'GET', `${BASE}/_emulator/requests?path=${encodeURIComponent(apps)}`);
    assert.deepEqual((logged.body.data as { status: number }[]).map((entry) => entry.status), [503, 200]);
  });

  describe('over HTTP with the official SDK', () => {
    let running: RunningEmulator;
    before(async () => {
      running = await startEmulator({ port: 0, basePath: BASE });
    });
    after(() => running.close());

    it('works with baseUrl set to the server URL plus the base path', async () => {
      const { clientId, clientSecret, projectId } = running.emulator;
      const pd = new PipedreamClient({ clientId, clientSecret, projectId, projectEnvironment: 'development', baseUrl: `${running.url}${BASE}` });
      const token = await pd.tokens.create({ externalUserId: 'user-sdk', allowedOrigins: ['https://app.example.com'] });
      assert.equal(token.connectLinkUrl, `${running.url}${BASE}/_static/connect.html?token=${token.token}&connectLink=true`);
      running.emulator.seedAccount({ externalUserId: 'user-sdk', app: 'slack', environment: 'development' });
      const accounts = await pd.accounts.list({ externalUserId: 'user-sdk' });
      assert.deepEqual(accounts.data.map((account) => account.app?.nameSlug), ['slack']);

      // `url` is the server's root, which the emulator does not answer.
      const root = await fetch(`${running.url}/v1/connect/apps`);
      assert.equal(root.status, 404);
    });
  });
});
