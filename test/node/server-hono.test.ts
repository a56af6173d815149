import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { cloneRawRequest } from 'hono/request';
import { createTokenHandler } from '../../src/server/index.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The token handler as a Hono route, over real HTTP, with and without Hono reading the body first. */
describe('pd-connect-elements/server in Hono', () => {
  let f: EmulatorFixture;
  let server: ServerType;
  let base: string;
  before(async () => {
    f = await emulatorFixture();
    const token = createTokenHandler({
      clientId: f.emulator.clientId, clientSecret: f.emulator.clientSecret, projectId: f.emulator.projectId, environment: 'development', baseUrl: f.url,
      getExternalUserId: (request) => request.headers.get('x-test-user'),
    });
    const app = new Hono();
    app.post('/raw/token', (c) => token(c.req.raw));
    // Hono's own parsing (a validator, a logger) reads the raw body; cloneRawRequest restores it.
    app.post('/parsed/token', async (c) => {
      await c.req.json();
      return token(await cloneRawRequest(c.req));
    });
    app.post('/consumed/token', async (c) => {
      await c.req.json();
      return token(c.req.raw);
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await f.close();
  });

  const send = (path: string, body: unknown, user: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-user': user }, body: JSON.stringify(body) });

  for (const route of ['raw', 'parsed'] as const) {
    it(`answers a token ${route === 'raw' ? 'from c.req.raw' : 'after c.req.json(), through cloneRawRequest'}`, async () => {
      const ok = await send(`/${route}/token`, { external_user_id: 'alice' }, 'alice');
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('cache-control'), 'no-store');
      const { token } = (await ok.json()) as { token: string };
      assert.deepEqual(f.emulator.state.tokens.get(token)!.allowedOrigins, [base]);
      assert.equal((await send(`/${route}/token`, { external_user_id: 'mallory' }, 'alice')).status, 403);
    });
  }

  it('names the fix when the body was already read, instead of skipping the user check', async () => {
    const consoleError = mock.method(console, 'error', () => {});
    try {
      const response = await send('/consumed/token', { external_user_id: 'mallory' }, 'alice');
      assert.equal(response.status, 500);
      assert.match(((await response.json()) as { error: string }).error, /already read.*cloneRawRequest/);
      assert.equal(consoleError.mock.callCount(), 1);
    } finally {
      consoleError.mock.restore();
    }
  });
});
