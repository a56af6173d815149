import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test';
import { createDisconnectHandler, createRunActionHandler, createTokenHandler } from '../../src/server/index.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/**
 * Configuration is checked per request: `next build` imports route handlers with no secrets set,
 * and SvelteKit or Workers hand secrets over only at request time.
 */
const VARIABLES = ['PIPEDREAM_CLIENT_ID', 'PIPEDREAM_CLIENT_SECRET', 'PIPEDREAM_PROJECT_ID', 'PIPEDREAM_PROJECT_ENVIRONMENT', 'PIPEDREAM_ENVIRONMENT', 'PIPEDREAM_BASE_URL'];
const fromSession = (request: Request) => request.headers.get('x-test-user');
const post = (user = 'alice') =>
  new Request('https://app.example.com/api/pipedream/token', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-user': user }, body: '{}' });
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('pd-connect-elements/server configuration', () => {
  let f: EmulatorFixture;
  let saved: Record<string, string | undefined>;
  let consoleError: ReturnType<typeof mock.method>;
  before(async () => {
    f = await emulatorFixture();
  });
  after(() => f.close());
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of VARIABLES) delete process.env[name];
    consoleError = mock.method(console, 'error', () => {});
  });
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    consoleError.mock.restore();
  });

  it('creates handlers without any configuration, as a build step imports them', () => {
    assert.doesNotThrow(() => {
      createTokenHandler({ getExternalUserId: fromSession });
      createDisconnectHandler({ getExternalUserId: fromSession });
      createRunActionHandler({ getExternalUserId: fromSession });
      createTokenHandler({} as never);
    });
    assert.equal(consoleError.mock.callCount(), 0);
  });

  it('answers 500 naming exactly what is missing, and logs it once', async () => {
    const handler = createTokenHandler({ getExternalUserId: fromSession, clientSecret: 'secret' });
    const first = await handler(post());
    assert.equal(first.status, 500);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const error = await errorOf(first);
    assert.match(error, /missing clientId \(option or PIPEDREAM_CLIENT_ID\), projectId \(option or PIPEDREAM_PROJECT_ID\)/);
    assert.doesNotMatch(error, /clientSecret|environment/);
    assert.equal((await handler(post())).status, 500);
    assert.equal(consoleError.mock.callCount(), 1);
    assert.match(String(consoleError.mock.calls[0]!.arguments[0]), /missing clientId/);
    for (const other of [createDisconnectHandler({ getExternalUserId: fromSession }), createRunActionHandler({ getExternalUserId: fromSession })]) {
      const response = await other(post());
      assert.equal(response.status, 500);
      assert.match(await errorOf(response), /missing clientId .*, clientSecret .*, projectId /);
    }
    assert.match(await errorOf(await createTokenHandler({} as never)(post())), /getExternalUserId must be a function/);
  });

  it('reads the PIPEDREAM_* variables on each request, not when the handler is created', async () => {
    const handler = createTokenHandler({ getExternalUserId: fromSession });
    assert.equal((await handler(post())).status, 500);
    Object.assign(process.env, {
      PIPEDREAM_CLIENT_ID: f.emulator.clientId,
      PIPEDREAM_CLIENT_SECRET: f.emulator.clientSecret,
      PIPEDREAM_PROJECT_ID: f.emulator.projectId,
      PIPEDREAM_PROJECT_ENVIRONMENT: 'development',
      PIPEDREAM_BASE_URL: f.url,
    });
    const response = await handler(post('bea'));
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    assert.equal(f.emulator.state.tokens.get(token)!.environment, 'development');
  });

  it('prefers explicit options, as hosts that keep .env out of process.env pass them', async () => {
    Object.assign(process.env, { PIPEDREAM_CLIENT_ID: 'wrong', PIPEDREAM_CLIENT_SECRET: 'wrong', PIPEDREAM_PROJECT_ID: 'proj_wrong', PIPEDREAM_PROJECT_ENVIRONMENT: 'production' });
    const handler = createTokenHandler({
      clientId: f.emulator.clientId, clientSecret: f.emulator.clientSecret, projectId: f.emulator.projectId, environment: 'development', baseUrl: f.url, getExternalUserId: fromSession,
    });
    const response = await handler(post('cy'));
    assert.equal(response.status, 200);
    assert.equal(f.emulator.state.tokens.get(((await response.json()) as { token: string }).token)!.environment, 'development');
  });

  it('names invalid values and where they came from', async () => {
    const base = { clientId: 'a', clientSecret: 'b', projectId: 'proj_c', getExternalUserId: fromSession };
    const cases: [Parameters<typeof createTokenHandler>[0], RegExp][] = [
      [{ ...base, environment: 'staging' }, /the environment option must be "development" or "production", not "staging"/],
      [{ ...base, baseUrl: 'localhost:4010' }, /baseUrl must be an http\(s\) URL/],
      [{ ...base, projectId: 'proj_c ' }, /projectId has leading or trailing whitespace/],
      [{ ...base, allowedOrigins: ['app.example.com'] }, /allowedOrigins must hold only origins .*"app\.example\.com"/],
      [{ ...base, expiresIn: 0 }, /expiresIn must be a whole number of seconds from 1 to 14400, not 0/],
    ];
    for (const [options, expected] of cases) {
      const response = await createTokenHandler(options)(post());
      assert.equal(response.status, 500);
      assert.match(await errorOf(response), expected);
    }
    process.env.PIPEDREAM_PROJECT_ENVIRONMENT = 'prod';
    assert.match(await errorOf(await createTokenHandler(base)(post())), /PIPEDREAM_PROJECT_ENVIRONMENT must be "development" or "production", not "prod"/);
    delete process.env.PIPEDREAM_PROJECT_ENVIRONMENT;
    process.env.PIPEDREAM_ENVIRONMENT = 'dev';
    assert.match(await errorOf(await createTokenHandler(base)(post())), /PIPEDREAM_ENVIRONMENT must be "development" or "production", not "dev"/);
    assert.equal(consoleError.mock.callCount(), cases.length + 2);
  });
});
