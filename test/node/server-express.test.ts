import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import express from 'express';
import { createDisconnectHandler, createTokenHandler, toNodeListener } from '../../src/server/index.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The handlers in a real Express app, over real HTTP, behind each kind of body parser. */
describe('pd-connect-elements/server in Express', () => {
  let f: EmulatorFixture;
  let server: Server;
  let base: string;
  before(async () => {
    f = await emulatorFixture();
    const options = {
      clientId: f.emulator.clientId, clientSecret: f.emulator.clientSecret, projectId: f.emulator.projectId, environment: 'development', baseUrl: f.url,
      getExternalUserId: (request: Request) => request.headers.get('x-test-user'),
    };
    const token = toNodeListener(createTokenHandler(options));
    const disconnect = toNodeListener(createDisconnectHandler(options));
    const app = express();
    app.post('/plain/token', token);
    app.post('/plain/disconnect', disconnect);
    app.post('/json/token', express.json(), token);
    app.post('/json/disconnect', express.json(), disconnect);
    // A JSON body sent as text/plain, as `navigator.sendBeacon` and some fetch wrappers do.
    app.post('/text/token', express.text(), token);
    app.post('/text/disconnect', express.text(), disconnect);
    app.post('/raw/token', express.raw({ type: '*/*' }), token);
    // Middleware that drains the body and keeps nothing of it.
    app.post('/drained/token', (req, _res, next) => { req.resume(); req.on('end', () => next()); }, token);
    // Another app-wide parser in front, as is common; it leaves other content types unread.
    app.use('/app', express.json());
    app.post('/app/token', token);
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await f.close();
  });

  const send = (path: string, body: unknown, user: string, contentType = 'application/json') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'x-test-user': user }, body: JSON.stringify(body) });

  for (const mount of ['plain', 'json', 'text'] as const) {
    const contentType = mount === 'text' ? 'text/plain' : 'application/json';
    it(`reads the body ${mount === 'plain' ? 'without a body parser' : `behind express.${mount}()`}`, async () => {
      const ok = await send(`/${mount}/token`, { external_user_id: 'alice' }, 'alice', contentType);
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('cache-control'), 'no-store');
      assert.match(((await ok.json()) as { token: string }).token, /^ctok_/);
      const mismatch = await send(`/${mount}/token`, { external_user_id: 'mallory' }, 'alice', contentType);
      assert.equal(mismatch.status, 403);
      const account = f.emulator.seedAccount({ externalUserId: 'alice', app: 'slack', environment: 'development' });
      assert.equal((await send(`/${mount}/disconnect`, { account_id: account.id }, 'alice', contentType)).status, 204);
      assert.ok(!f.emulator.state.accounts.has(account.id));
      assert.equal((await send(`/${mount}/disconnect`, {}, 'alice', contentType)).status, 400);
    });
  }

  it('reads a Buffer body from express.raw() and a body an app-wide parser skipped', async () => {
    assert.equal((await send('/raw/token', { external_user_id: 'mallory' }, 'bob')).status, 403);
    assert.equal((await send('/raw/token', { external_user_id: 'bob' }, 'bob')).status, 200);
    // express.json() skips text/plain: the stream is still there to read.
    assert.equal((await send('/app/token', { external_user_id: 'mallory' }, 'bob', 'text/plain')).status, 403);
    assert.equal((await send('/app/token', { external_user_id: 'mallory' }, 'bob')).status, 403);
  });

  it('refuses a body that middleware consumed and dropped, instead of skipping the user check', async () => {
    const consoleError = mock.method(console, 'error', () => {});
    try {
      const response = await send('/drained/token', { external_user_id: 'mallory' }, 'bob');
      assert.equal(response.status, 500);
      assert.match(((await response.json()) as { error: string }).error, /left no req\.body/);
      assert.equal(consoleError.mock.callCount(), 1);
    } finally {
      consoleError.mock.restore();
    }
  });
});
