import { expect } from '@open-wc/testing';
import { TokenError } from '../../src/session/errors.js';
import { ApiError } from '../../src/session/errors.js';
import { ConnectSession, getSession, sessionConfig } from '../../src/session/session.js';
import { TokenSource, endpointFetcher, normalizeToken } from '../../src/session/token-source.js';
import { admin, env, requestsFor, seedAccount, setTokenMode, takeUnhandledRejections, tokenRequestsFor, uniqueUser } from '../support/browser-env.js';

function session(user: string, extra: Record<string, unknown> = {}): ConnectSession {
  return new ConnectSession(sessionConfig({ externalUserId: user, tokenEndpoint: '/api/connect-token', baseUrl: env.emulatorUrl, ...extra }));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('session layer', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('shares one session per user, token source, environment and base URL', () => {
    const config = { externalUserId: 'same', tokenEndpoint: '/api/connect-token', baseUrl: env.emulatorUrl };
    expect(getSession(sessionConfig(config))).to.equal(getSession(sessionConfig({ ...config })));
    expect(getSession(sessionConfig(config))).to.not.equal(getSession(sessionConfig({ ...config, environment: 'production' })));
    expect(getSession(sessionConfig(config))).to.not.equal(getSession(sessionConfig({ ...config, externalUserId: 'other' })));
    const callback = async () => ({ token: 'ctok_x' });
    expect(getSession(sessionConfig({ ...config, tokenCallback: callback }))).to.equal(getSession(sessionConfig({ ...config, tokenCallback: callback })));
  });

  it('fetches one token for concurrent calls and reuses it', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { environment: 'development' });
    const s = session(user);
    const pages = await Promise.all([s.listAccounts({}), s.listAccounts({}), s.listAccounts({ app: 'slack' })]);
    expect(pages.map((page) => page.accounts.length)).to.deep.equal([1, 1, 1]);
    expect(await tokenRequestsFor(user)).to.equal(1);
  });

  it('a shared lookup is aborted only when every asker has given up', async () => {
    const user = uniqueUser();
    const s = session(user);
    const lookups = async (app: string) => (await requestsFor(user, `/v1/connect/apps/${app}`)).length;
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps/twilio', latencyMs: 2000, times: 1 }] });
    // Two askers, one gives up: the other still gets the app, from the one request.
    const first = new AbortController();
    const abandoned = s.app('slack', first.signal);
    const kept = s.app('slack');
    first.abort();
    expect((await rejection(abandoned)).name).to.equal('AbortError');
    expect((await kept).nameSlug).to.equal('slack');
    expect(await lookups('slack')).to.equal(1);
    // The only asker gives up once the request is out: it is dropped, and the next ask starts a new one.
    // (The log names the user once the answer is made: until then, count every request of the path.)
    const arrived = async () => (await admin<{ data: unknown[] }>('/requests?path=/v1/connect/apps/twilio')).data.length;
    const before = await arrived();
    const only = new AbortController();
    const gone = s.app('twilio', only.signal);
    while ((await arrived()) === before) await new Promise((resolve) => setTimeout(resolve, 20));
    only.abort();
    expect((await rejection(gone)).name).to.equal('AbortError');
    expect((await s.app('twilio')).nameSlug).to.equal('twilio');
    expect((await arrived()) - before).to.equal(2);
  });

  it('a 401 from the API fetches a new token and retries once', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { environment: 'development' });
    const s = session(user);
    await s.listAccounts({});
    await admin('/tokens/expire', 'POST', {});
    const page = await s.listAccounts({});
    expect(page.accounts.length).to.equal(1);
    expect(await tokenRequestsFor(user)).to.equal(2);
    // The emulator logs a refused request without a user: look at the last three on the path.
    const log = await admin<{ data: { status: number; externalUserId?: string }[] }>('/requests?path=/v1/connect/accounts');
    expect(log.data.slice(-3).map((entry) => entry.status)).to.deep.equal([200, 401, 200]);
    expect((await requestsFor(user, '/v1/connect/accounts')).length).to.equal(2);
  });

  it('a token endpoint failure is not cached: the next call asks again', async () => {
    const user = uniqueUser();
    const s = session(user);
    await setTokenMode(user, 'status-500');
    const error = await rejection(s.listAccounts({}));
    expect(error).to.be.instanceOf(TokenError);
    expect((error as TokenError).code).to.equal('endpoint_status');
    await setTokenMode(user, 'ok');
    expect((await s.listAccounts({})).accounts).to.deep.equal([]);
    expect(await tokenRequestsFor(user)).to.equal(2);
  });

  it('names each token failure clearly', async () => {
    const expectations: [Parameters<typeof setTokenMode>[1], string, RegExp][] = [
      ['status-500', 'endpoint_status', /HTTP 500/],
      ['not-json', 'invalid_response', /did not answer JSON/],
      ['no-token', 'invalid_response', /no "token"/],
      ['expired', 'expired', /already expired/],
      ['hang-up', 'endpoint_unreachable', /could not be reached/],
    ];
    for (const [mode, code, message] of expectations) {
      const user = uniqueUser(mode);
      await setTokenMode(user, mode);
      const error = (await rejection(session(user).tokens.get())) as TokenError;
      expect(error.code, mode).to.equal(code);
      expect(error.message, mode).to.match(message);
    }
    const unreachable = new ConnectSession(sessionConfig({ externalUserId: 'x', tokenEndpoint: 'http://127.0.0.1:9/token', baseUrl: env.emulatorUrl }));
    expect(((await rejection(unreachable.tokens.get())) as TokenError).code).to.equal('endpoint_unreachable');
    const callback = new ConnectSession(sessionConfig({ externalUserId: 'x', tokenCallback: async () => { throw new Error('no session cookie'); }, baseUrl: env.emulatorUrl }));
    const callbackError = (await rejection(callback.tokens.get())) as TokenError;
    expect(callbackError.code).to.equal('callback_failed');
    expect(callbackError.message).to.contain('no session cookie');
  });

  it('normalises expires_at and refreshes a minute before it', async () => {
    const user = uniqueUser();
    let clock = Date.now();
    const source = new TokenSource(endpointFetcher('/api/connect-token', user), () => clock);
    const first = await source.get();
    // Default lifetime is 4 h: still reused 61 s before expiry, replaced 59 s before it.
    clock += 4 * 3600_000 - 61_000;
    expect(await source.get()).to.equal(first);
    clock += 2_000;
    const second = await source.get();
    expect(second).to.not.equal(first);
    expect(await tokenRequestsFor(user)).to.equal(2);
    // A short-lived token is reused rather than refetched on every call.
    let calls = 0;
    const short = new TokenSource(async () => {
      calls++;
      const answer = await (await fetch('/api/connect-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ external_user_id: user, expires_in: 30 }) })).json();
      return normalizeToken(answer);
    });
    await short.get();
    await short.get();
    expect(calls).to.equal(1);
  });

  it('a fresh token for every connect, separate from the API token', async () => {
    const user = uniqueUser();
    const s = session(user);
    const apiToken = await s.tokens.get();
    const first = await s.tokens.forConnect();
    const second = await s.tokens.forConnect();
    expect(new Set([apiToken, first.token, second.token]).size).to.equal(3);
    expect(first.expiresAt).to.be.instanceOf(Date);
  });

  it('429 and 5xx: the SDK retries, then the error is clear', async () => {
    const user = uniqueUser();
    const s = session(user);
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/accounts', status: 429, retryAfter: 0, times: 1 }] });
    expect((await s.listAccounts({})).accounts).to.deep.equal([]);
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/accounts', status: 503, times: 3 }] });
    const error = await rejection(s.listAccounts({}));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(503);
    expect(error.message).to.contain('injected fault');
  });

  it('a malformed API answer is a clear error, not a crash', async () => {
    const user = uniqueUser();
    const s = session(user);
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/accounts', body: '<html>proxy error</html>', times: 1 }] });
    const error = await rejection(s.listAccounts({}));
    expect(error).to.be.instanceOf(Error);
    expect(error.message.length).to.be.greaterThan(0);
  });
});
