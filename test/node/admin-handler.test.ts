import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AdminAuditEntry, createAdminHandler } from '../../src/server/index.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The host's admin check: here a header its session middleware would set. */
const adminFromSession = (request: Request) => (request.headers.get('x-role') === 'admin' ? 'support@example.com' : null);

describe('createAdminHandler against the emulator', () => {
  let f: EmulatorFixture;
  let connection: { clientId: string; clientSecret: string; projectId: string; environment: 'development'; baseUrl: string };
  const audit: AdminAuditEntry[] = [];
  before(async () => {
    f = await emulatorFixture();
    connection = { clientId: f.emulator.clientId, clientSecret: f.emulator.clientSecret, projectId: f.emulator.projectId, environment: 'development', baseUrl: f.url };
    const seeded = await f.call('POST', '/_emulator/seed-accounts', { body: { users: 40, perUser: 3, apps: ['slack', 'github'], environment: 'development', prefix: 'node' } });
    assert.equal(seeded.status, 201);
  });
  after(() => f.close());

  const handler = () => createAdminHandler({ ...connection, authorize: adminFromSession, onAudit: (entry) => { audit.push(entry); }, cacheMs: 0 });
  const post = (body: unknown, role = 'admin') => new Request('https://app.example.com/api/admin/accounts', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-role': role }, body: JSON.stringify(body),
  });

  it('refuses everyone without an authorize callback, and non-admins with one', async () => {
    const open = createAdminHandler({ ...connection });
    assert.equal((await open(post({ action: 'list' }))).status, 403);
    assert.equal((await handler()(post({ action: 'list' }, 'member'))).status, 403);
    const throwing = createAdminHandler({ ...connection, authorize: () => { throw new Error('session store down'); } });
    assert.equal((await throwing(post({ action: 'list' }))).status, 500);
  });

  it('lists the whole project with counts, search, filters and sort, never with credentials', async () => {
    const response = await handler()(post({ action: 'list', limit: 1000 }));
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.ok(!text.includes('credentials') && !text.includes('oauth_access_token'), 'no credentials in the answer');
    const body = JSON.parse(text) as { data: { external_user_id: string; health: string; created_at: string; app: { name_slug: string } }[]; total: number; counts: Record<string, number>; apps: { name_slug: string; count: number }[] };
    assert.equal(body.total, 120);
    assert.equal(body.counts.all, 120);
    assert.equal(body.counts.healthy + body.counts.needs_reconnect + body.counts.disconnected, 120);
    assert.ok(body.counts.disconnected > 0 && body.counts.needs_reconnect > 0);
    assert.deepEqual(body.apps.map((app) => app.name_slug).sort(), ['github', 'slack']);
    const created = body.data.map((row) => row.created_at);
    assert.deepEqual(created, [...created].sort().reverse(), 'newest first by default');

    const searched = (await (await handler()(post({ action: 'list', query: 'NODE-0001' }))).json()) as typeof body;
    assert.equal(searched.total, 3);
    assert.ok(searched.data.every((row) => row.external_user_id === 'node-0001'));

    const dead = (await (await handler()(post({ action: 'list', health: 'disconnected', app: 'github', sort: 'created_at', direction: 'asc' }))).json()) as typeof body;
    assert.ok(dead.total > 0 && dead.data.every((row) => row.health === 'disconnected' && row.app.name_slug === 'github'));
    assert.equal(dead.counts.all, body.apps.find((app) => app.name_slug === 'github')!.count, 'counts follow the app filter, not the health filter');
  });

  it('answers 400 to a forged or malformed body, and to asking for credentials', async () => {
    for (const body of [
      { action: 'list', include_credentials: true },
      { action: 'list', limit: 100000 },
      { action: 'list', health: 'all-of-them' },
      { action: 'list', sort: 'credentials' },
      { action: 'revoke', account_id: '../users/node-0001' },
      { action: 'revoke', account_id: 'apn_x', external_user_id: 'someone' },
      { action: 'drop_table' },
      ['list'],
    ]) {
      const response = await handler()(post(body));
      assert.equal(response.status, 400, JSON.stringify(body));
    }
    const notJson = await handler()(new Request('https://app.example.com/x', { method: 'POST', headers: { 'x-role': 'admin' }, body: 'action=list' }));
    assert.equal(notJson.status, 400);
    assert.equal((await handler()(new Request('https://app.example.com/x', { headers: { 'x-role': 'admin' } }))).status, 405);
  });

  it('never acts on another project', async () => {
    assert.equal((await handler()(post({ action: 'list', project_id: 'proj_someoneelse' }))).status, 403);
    assert.equal((await handler()(post({ action: 'revoke', project_id: 'proj_someoneelse', account_id: 'apn_abc' }))).status, 403);
    // An account of another project is not found through this project's client.
    const other = f.emulator.seedAccount({ externalUserId: 'node-other', app: 'slack', environment: 'development' });
    f.emulator.state.accounts.get(other.id)!.projectId = 'proj_someoneelse';
    assert.equal((await handler()(post({ action: 'revoke', account_id: other.id }))).status, 404);
    assert.ok(f.emulator.state.accounts.has(other.id));
  });

  it('revokes one account once, audits who, what and the result, and says unknown for a 5xx', async () => {
    audit.length = 0;
    const list = (await (await handler()(post({ action: 'list', external_user_id: 'node-0002' }))).json()) as { data: { id: string; app: { name_slug: string } }[] };
    const [first, second] = list.data;
    const done = await handler()(post({ action: 'revoke', account_id: first!.id }));
    assert.equal(done.status, 200);
    assert.deepEqual(await done.json(), { account_id: first!.id, external_user_id: 'node-0002', app: first!.app.name_slug });
    assert.ok(!f.emulator.state.accounts.has(first!.id));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor, 'support@example.com');
    assert.equal(audit[0]!.result, 'ok');
    assert.equal(audit[0]!.externalUserId, 'node-0002');

    await f.call('POST', '/_emulator/faults', { body: { rules: [{ method: 'DELETE', path: `/v1/connect/${f.emulator.projectId}/accounts/${second!.id}`, status: 503, times: 1 }] } });
    await f.call('DELETE', '/_emulator/requests');
    const failed = await handler()(post({ action: 'revoke', account_id: second!.id }));
    assert.equal(failed.status, 504);
    assert.equal(((await failed.json()) as { outcome: string }).outcome, 'unknown');
    const sent = (await f.call('GET', '/_emulator/requests?method=DELETE')).body.data as unknown[];
    assert.equal(sent.length, 1, 'the delete is sent once, not retried');
    assert.equal(audit[1]!.result, 'unknown');

    const nonAdmin = await handler()(post({ action: 'revoke', account_id: second!.id }, 'member'));
    assert.equal(nonAdmin.status, 403);
    assert.equal(audit.length, 2, 'a refused request is not acted on');
  });
});
