import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PipedreamClient } from '@pipedream/sdk/server';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

describe('emulator: auth, tokens and accounts', () => {
  let f: EmulatorFixture;
  before(async () => { f = await emulatorFixture(); });
  after(() => f.close());

  it('issues OAuth access tokens for the right client credentials only', async () => {
    const ok = await f.call('POST', '/v1/oauth/token', {
      body: { grant_type: 'client_credentials', client_id: f.emulator.clientId, client_secret: f.emulator.clientSecret },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.token_type, 'Bearer');
    assert.equal(ok.body.expires_in, 3600);

    const wrong = await f.call('POST', '/v1/oauth/token', {
      body: { grant_type: 'client_credentials', client_id: f.emulator.clientId, client_secret: 'nope' },
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'invalid_client');

    const grant = await f.call('POST', '/v1/oauth/token', { body: { grant_type: 'password' } });
    assert.equal(grant.status, 400);
  });

  it('the server SDK creates tokens and a wrong secret fails with 401', async () => {
    const token = await f.server().tokens.create({ externalUserId: 'user-sdk', allowedOrigins: ['https://app.example.com'], expiresIn: 600 });
    assert.match(token.token, /^ctok_[0-9a-f]{32}$/);
    assert.ok(token.expiresAt instanceof Date);
    const lifetime = token.expiresAt.getTime() - Date.now();
    assert.ok(lifetime > 590_000 && lifetime <= 600_000, `lifetime ${lifetime}`);
    assert.match(token.connectLinkUrl, /\/_static\/connect\.html\?token=ctok_[0-9a-f]{32}&connectLink=true$/);

    const bad = new PipedreamClient({ clientId: f.emulator.clientId, clientSecret: 'wrong', projectId: f.emulator.projectId, baseUrl: f.url });
    await assert.rejects(bad.tokens.create({ externalUserId: 'x' }), (error: Error & { statusCode?: number }) => error.statusCode === 401);
  });

  it('validates token creation input', async () => {
    const access = await f.accessToken();
    const path = `/v1/connect/${f.emulator.projectId}/tokens`;
    assert.equal((await f.call('POST', path, { token: access, body: {} })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, body: { external_user_id: 'u', expires_in: 0 } })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, body: { external_user_id: 'u', expires_in: 14_401 } })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, body: { external_user_id: 'u', expires_in: '60' } })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, body: { external_user_id: 'u', allowed_origins: 'x' } })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, body: { external_user_id: 'u', allowed_origins: ['not a url'] } })).status, 400);
    assert.equal((await f.call('POST', path, { token: access, rawBody: '{"external_user_id": ' })).status, 400);
    assert.equal((await f.call('POST', '/v1/connect/proj_other/tokens', { token: access, body: { external_user_id: 'u' } })).status, 404);
    assert.equal((await f.call('POST', path, { body: { external_user_id: 'u' } })).status, 401);
    // A Connect token cannot mint more tokens.
    const { token } = await f.connectToken('u');
    assert.equal((await f.call('POST', path, { token, body: { external_user_id: 'u' } })).status, 403);
  });

  it('validates a token for the connect page', async () => {
    const { token } = await f.connectToken('validate-user', { success_redirect_uri: 'https://app.example.com/ok' });
    const ok = await f.call('GET', `/v1/connect/tokens/${token}/validate?app_id=slack`);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.success, true);
    // Pipedream's description requires the key: null on success.
    assert.ok('error' in ok.body);
    assert.equal(ok.body.error, null);
    assert.equal(ok.body.app.name_slug, 'slack');
    assert.equal(ok.body.success_redirect_uri, 'https://app.example.com/ok');
    const unknownApp = await f.call('GET', `/v1/connect/tokens/${token}/validate?app_id=nope_nope`);
    assert.equal(unknownApp.body.success, false);
    const unknownToken = await f.call('GET', `/v1/connect/tokens/ctok_${'0'.repeat(32)}/validate?app_id=slack`);
    assert.equal(unknownToken.body.success, false);
    assert.equal((await f.call('GET', `/v1/connect/tokens/${token}/validate`)).status, 400);
  });

  it('lists accounts with credentials only for server auth, and isolates external users', async () => {
    const mine = f.emulator.seedAccount({ externalUserId: 'alice', app: 'slack', environment: 'development' });
    const theirs = f.emulator.seedAccount({ externalUserId: 'bob', app: 'github', environment: 'development' });

    const serverPage = await f.server().accounts.list({ externalUserId: 'alice', includeCredentials: true });
    assert.deepEqual(serverPage.data.map((a) => a.id), [mine.id]);
    assert.match(String(serverPage.data[0]?.credentials?.oauthAccessToken), /^xoxe-/);
    assert.equal(serverPage.data[0]?.app?.nameSlug, 'slack');
    assert.ok(serverPage.data[0]?.createdAt instanceof Date);

    const { token } = await f.connectToken('alice');
    const browserList = await f.call('GET', '/v1/connect/accounts', { token });
    assert.equal(browserList.status, 200);
    assert.deepEqual(browserList.body.data.map((a: { id: string }) => a.id), [mine.id]);
    assert.equal(browserList.body.data[0].credentials, undefined);
    assert.equal((await f.call('GET', '/v1/connect/accounts?include_credentials=true', { token })).status, 403);
    assert.equal((await f.call('GET', `/v1/connect/accounts/${theirs.id}`, { token })).status, 404);
    assert.equal((await f.call('DELETE', `/v1/connect/accounts/${theirs.id}`, { token })).status, 404);
    assert.equal((await f.call('GET', `/v1/connect/accounts/${mine.id}`, { token })).body.id, mine.id);
    // The project-scoped path works with a Connect token too; another project's path does not.
    assert.equal((await f.call('GET', `/v1/connect/${f.emulator.projectId}/accounts`, { token })).status, 200);
    assert.equal((await f.call('GET', '/v1/connect/proj_other/accounts', { token })).status, 404);
    // Acting for another user with a Connect token is refused.
    assert.equal((await f.call('GET', '/v1/connect/accounts?external_user_id=bob', { token })).status, 403);
  });

  it('filters accounts by app and pages through them', async () => {
    for (let i = 0; i < 25; i++) {
      f.emulator.seedAccount({ externalUserId: 'pager', app: i % 2 ? 'slack' : 'github', environment: 'development', createdAt: Date.now() - i * 1000 });
    }
    const { token } = await f.connectToken('pager');
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await f.call('GET', `/v1/connect/accounts?limit=10${after ? `&after=${after}` : ''}`, { token });
      assert.equal(page.body.page_info.total_count, 25);
      ids.push(...page.body.data.map((a: { id: string }) => a.id));
      after = page.body.page_info.end_cursor;
      pages++;
    } while (after);
    assert.equal(pages, 3);
    assert.equal(new Set(ids).size, 25);
    const slack = await f.call('GET', '/v1/connect/accounts?app=slack&limit=100', { token });
    assert.equal(slack.body.data.length, 12);
    assert.ok(slack.body.data.every((a: { app: { name_slug: string } }) => a.app.name_slug === 'slack'));
    assert.equal((await f.call('GET', '/v1/connect/accounts?after=garbage', { token })).status, 400);
    assert.equal((await f.call('GET', '/v1/connect/accounts?limit=-1', { token })).status, 400);

    // The SDK's own pager walks every page.
    const seen: string[] = [];
    for await (const account of await f.server().accounts.list({ externalUserId: 'pager', limit: 7 })) seen.push(account.id);
    assert.equal(seen.length, 25);
  });

  it('creates an account once per token, and reconnect replaces credentials', async () => {
    const first = await f.connectToken('carol');
    const created = await f.call('POST', '/v1/connect/accounts', {
      token: first.token,
      body: { app_slug: 'openai', cfmap_json: JSON.stringify({ api_key: 'sk-test-1234' }), connect_token: first.token },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.match(created.body.id, /^apn_/);
    assert.equal(created.body.healthy, true);
    assert.equal(created.body.external_id, 'carol');

    // Single use: the token is spent for creating and for everything else.
    const again = await f.call('POST', '/v1/connect/accounts', {
      token: first.token,
      body: { app_slug: 'openai', cfmap_json: JSON.stringify({ api_key: 'sk-2' }), connect_token: first.token },
    });
    assert.equal(again.status, 401);
    assert.equal(again.body.code, 'token_used');

    // Missing required custom field of a key-based app.
    const second = await f.connectToken('carol');
    const missing = await f.call('POST', '/v1/connect/accounts', {
      token: second.token, body: { app_slug: 'openai', cfmap_json: '{}', connect_token: second.token },
    });
    assert.equal(missing.status, 400);
    const badMap = await f.call('POST', '/v1/connect/accounts', {
      token: second.token, body: { app_slug: 'openai', cfmap_json: 'not json', connect_token: second.token },
    });
    assert.equal(badMap.status, 400);

    f.emulator.state.accounts.get(created.body.id)!.healthy = false;
    const reconnect = await f.call('POST', '/v1/connect/accounts', {
      token: second.token,
      body: { app_slug: 'openai', cfmap_json: JSON.stringify({ api_key: 'sk-new-9999' }), connect_token: second.token, account_id: created.body.id },
    });
    assert.equal(reconnect.status, 200);
    assert.equal(reconnect.body.id, created.body.id);
    assert.equal(reconnect.body.healthy, true);
    const withCredentials = await f.server().accounts.retrieve(created.body.id, { includeCredentials: true });
    assert.equal(withCredentials.credentials?.api_key, 'sk-new-9999');
  });

  it('grants a scope profile\'s scopes, the app\'s full set without one, and refuses a profile the app lacks', async () => {
    const create = async (body: Record<string, unknown>) => {
      const { token } = await f.connectToken('scoped');
      return f.call('POST', '/v1/connect/accounts', { token, body: { cfmap_json: '{}', connect_token: token, ...body } });
    };
    const readOnly = await create({ app_slug: 'github', scope_profile: 'read_only', app_override_id: 'ao_test', custom_oauth_client_id: 'my-client' });
    assert.equal(readOnly.status, 200, JSON.stringify(readOnly.body));
    assert.deepEqual(readOnly.body.authorized_scopes, ['read:user', 'read:org']);
    const stored = f.emulator.state.accounts.get(readOnly.body.id)!;
    assert.equal(stored.scopeProfile, 'read_only');
    assert.equal(stored.appOverrideId, 'ao_test');
    assert.equal(stored.customOauthClientId, 'my-client');

    const full = await create({ app_slug: 'github' });
    assert.deepEqual(full.body.authorized_scopes, ['read:user', 'read:org', 'repo', 'admin:org', 'admin:repo_hook', 'workflow']);
    assert.equal(f.emulator.state.accounts.get(full.body.id)!.scopeProfile, undefined);

    const unknown = await create({ app_slug: 'slack', scope_profile: 'admin' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'invalid_scope_profile');
    assert.match(unknown.body.error, /Slack has no OAuth scope profile "admin" \(it has read_only, read_write\)/);

    // Apps without OAuth have no scopes: a profile means nothing there.
    const keys = await create({ app_slug: 'openai', cfmap_json: JSON.stringify({ api_key: 'sk-x' }), scope_profile: 'read_only' });
    assert.equal(keys.status, 200);
    assert.deepEqual(keys.body.authorized_scopes, []);

    // A reconnect grants what it asks for now.
    const { token } = await f.connectToken('scoped');
    const reconnect = await f.call('POST', '/v1/connect/accounts', {
      token, body: { app_slug: 'github', cfmap_json: '{}', connect_token: token, account_id: readOnly.body.id, scope_profile: 'admin' },
    });
    assert.deepEqual(reconnect.body.authorized_scopes, ['repo', 'admin:org', 'admin:repo_hook', 'workflow']);
    assert.equal(f.emulator.state.accounts.get(readOnly.body.id)!.scopeProfile, 'admin');
  });

  it('expires tokens at expires_at and on demand through the admin route', async () => {
    const short = await f.connectToken('dave', { expires_in: 1 });
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token: short.token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await f.call('GET', '/v1/connect/accounts', { token: short.token });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'token_expired');

    const long = await f.connectToken('dave');
    const admin = await f.call('POST', '/_emulator/tokens/expire', { body: { token: long.token } });
    assert.equal(admin.body.expired, 1);
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token: long.token })).status, 401);
  });

  it('honours the token scope', async () => {
    const readOnly = await f.connectToken('erin', { scope: 'connect:accounts:read' });
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token: readOnly.token })).status, 200);
    const account = f.emulator.seedAccount({ externalUserId: 'erin', app: 'slack', environment: 'development' });
    const denied = await f.call('DELETE', `/v1/connect/accounts/${account.id}`, { token: readOnly.token });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'insufficient_scope');
    const actionsOnly = await f.connectToken('erin', { scope: 'connect:actions:*' });
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token: actionsOnly.token })).status, 403);
    assert.equal((await f.call('GET', '/v1/connect/actions?limit=1', { token: actionsOnly.token })).status, 200);
  });

  it('answers CORS only for the token allowed origins, with the SDK headers', async () => {
    const preflight = await f.call('OPTIONS', '/v1/connect/accounts', {
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-fern-language,x-fern-sdk-name,x-fern-sdk-version,x-fern-runtime,x-fern-runtime-version,x-pd-environment',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example.com');
    const allowed = preflight.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['authorization', 'x-fern-sdk-name', 'x-fern-runtime-version', 'x-pd-environment']) {
      assert.ok(allowed.includes(header), `${header} allowed`);
    }

    const { token } = await f.connectToken('frank', { allowed_origins: ['https://app.example.com'] });
    const ok = await f.call('GET', '/v1/connect/accounts', { token, headers: { origin: 'https://app.example.com' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.example.com');
    const evil = await f.call('GET', '/v1/connect/accounts', { token, headers: { origin: 'https://evil.example.com' } });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    // A token without allowed_origins cannot be used from a browser origin at all.
    const bare = await f.connectToken('frank');
    assert.equal((await f.call('GET', '/v1/connect/accounts', { token: bare.token, headers: { origin: 'https://app.example.com' } })).status, 403);
    // A 401 stays readable cross-origin, so a browser client can see it and fetch a new token.
    const unauthorized = await f.call('GET', '/v1/connect/accounts', { token: 'ctok_00000000000000000000000000000000', headers: { origin: 'https://app.example.com' } });
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get('access-control-allow-origin'), 'https://app.example.com');
  });

  it('deletes all accounts of an app and of a user through the server API', async () => {
    f.emulator.seedAccount({ externalUserId: 'gina', app: 'slack', environment: 'development' });
    f.emulator.seedAccount({ externalUserId: 'gina', app: 'github', environment: 'development' });
    const server = f.server();
    await server.accounts.deleteByApp('github');
    const left = await server.accounts.list({ externalUserId: 'gina' });
    assert.deepEqual(left.data.map((a) => a.app?.nameSlug), ['slack']);
    await server.users.deleteExternalUser('gina');
    assert.equal((await server.accounts.list({ externalUserId: 'gina' })).data.length, 0);
  });

  it('keeps environments apart', async () => {
    f.emulator.seedAccount({ externalUserId: 'hank', app: 'slack', environment: 'production' });
    assert.equal((await f.server('development').accounts.list({ externalUserId: 'hank' })).data.length, 0);
    assert.equal((await f.server('production').accounts.list({ externalUserId: 'hank' })).data.length, 1);
  });
});
