import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** A webhook receiver on loopback that records what the emulator POSTs. */
async function webhookSink() {
  const received: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the official SDK clients against the emulator, in Node', () => {
  let f: EmulatorFixture;
  before(async () => { f = await emulatorFixture(); });
  after(() => f.close());

  it('browser client: apps, components, remote options paging and search, dynamic props', async () => {
    const user = 'node-frontend';
    const client = f.frontend(user);
    const apps = await client.apps.list({ q: 'google', limit: 5 });
    assert.ok(apps.data.some((app) => app.nameSlug === 'google_sheets'));
    const withTriggers = await client.apps.list({ hasTriggers: true, limit: 100 });
    assert.ok(withTriggers.data.length > 0 && withTriggers.data.every((app) => app.nameSlug !== 'openai'));
    const sorted = await client.apps.list({ sortKey: 'name', sortDirection: 'asc', limit: 100 });
    const names = sorted.data.map((app) => app.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));

    const actions = await client.actions.list({ app: 'github' });
    assert.ok(actions.data.every((component) => component.componentType === 'action'));
    const triggers = await client.triggers.list({ app: 'slack' });
    assert.deepEqual(triggers.data.map((component) => component.key), ['slack-new-message-in-channels']);
    const component = await client.components.retrieve('github-create-issue');
    assert.equal(component.data.key, 'github-create-issue');

    const github = f.emulator.seedAccount({ externalUserId: user, app: 'github', environment: 'development' });
    const configured = { github: { authProvisionId: github.id } };
    const seen = new Set<unknown>();
    let prevContext: Record<string, unknown> | undefined;
    for (let page = 0; page < 20; page++) {
      const answer = await client.components.configureProp({
        id: 'github-create-issue', externalUserId: user, propName: 'repoFullname', configuredProps: configured, page, prevContext,
      });
      if (!answer.options?.length) break;
      for (const option of answer.options) seen.add(JSON.stringify(option));
      prevContext = answer.context;
    }
    assert.ok(seen.size >= 300, `paged ${seen.size} options`);
    const searched = await client.components.configureProp({
      id: 'github-create-issue', externalUserId: user, propName: 'repoFullname', configuredProps: configured, query: 'api',
    });
    assert.ok(searched.options!.length > 0 && searched.options!.length < 50);

    const reloaded = await client.components.reloadProps({
      id: 'google_sheets-add-single-row', externalUserId: user,
      configuredProps: { google_sheets: { authProvisionId: f.emulator.seedAccount({ externalUserId: user, app: 'google_sheets', environment: 'development' }).id }, sheetId: 'sheet-1', worksheetId: '0', hasHeaders: true },
    });
    assert.ok(reloaded.dynamicProps?.id);
    assert.ok((reloaded.dynamicProps?.configurableProps?.length ?? 0) > 4);
  });

  it('browser client: runs actions with results computed from input, failures in os, stash ids', async () => {
    const user = 'node-runner';
    const client = f.frontend(user);
    const first = await client.actions.run({ id: 'pipedream_utils-inspect-value', externalUserId: user, configuredProps: { value: { a: 1 } } });
    const second = await client.actions.run({ id: 'pipedream_utils-inspect-value', externalUserId: user, configuredProps: { value: [1, 2, 3] } });
    assert.notDeepEqual(first.ret, second.ret);
    assert.equal(typeof first.exports?.$summary, 'string');

    const github = f.emulator.seedAccount({ externalUserId: user, app: 'github', environment: 'development' });
    const failed = await client.actions.run({
      id: 'github-create-issue', externalUserId: user,
      configuredProps: { github: { authProvisionId: github.id }, repoFullname: 'acme/api', title: 'fail' },
    });
    const error = failed.os?.find((observation) => observation.k === 'error');
    assert.ok(error?.err?.name && error.err.message, JSON.stringify(failed.os));

    const missing = await f.call('POST', '/v1/connect/actions/run', {
      token: (await f.connectToken(user)).token, body: { id: 'github-create-issue', external_user_id: user, configured_props: {} },
    });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.details.missing.includes('github'));

    const stashed = await client.actions.run({ id: 'pipedream_utils-download-file-to-tmp', externalUserId: user, configuredProps: { url: 'https://example.com/report.csv', filename: 'report.csv' }, stashId: 'NEW' });
    assert.match(String(stashed.stashId), /^s_/);
  });

  it('deploys a trigger whose sample events reach the webhook URL, then lists, reads and deletes it', async () => {
    const sink = await webhookSink();
    try {
      const user = 'node-trigger';
      const client = f.frontend(user);
      const slack = f.emulator.seedAccount({ externalUserId: user, app: 'slack', environment: 'development', name: 'Acme HQ' });
      const deployed = await client.triggers.deploy({
        id: 'slack-new-message-in-channels', externalUserId: user, webhookUrl: sink.url,
        configuredProps: { slack: { authProvisionId: slack.id }, conversations: ['C0GENERAL'] },
      });
      await f.emulator.idle();
      assert.ok(sink.received.length > 0);
      assert.equal(sink.received[0]?.headers['x-pd-emitter-id'], deployed.data.id);

      const server = f.server();
      const listed = await server.deployedTriggers.list({ externalUserId: user });
      assert.deepEqual(listed.data.map((trigger) => trigger.id), [deployed.data.id]);
      const events = await server.deployedTriggers.listEvents(deployed.data.id, { externalUserId: user });
      assert.equal(events.data.length, sink.received.length);

      // Emitting on demand through the admin route delivers again.
      const before = sink.received.length;
      await f.call('POST', `/_emulator/deployed-triggers/${deployed.data.id}/emit`);
      assert.ok(sink.received.length > before);

      // Another user cannot see it.
      const other = await f.connectToken('someone-else');
      assert.equal((await f.call('GET', `/v1/connect/deployed-triggers/${deployed.data.id}`, { token: other.token })).status, 404);

      await client.deployedTriggers.delete(deployed.data.id, { externalUserId: user });
      assert.equal((await server.deployedTriggers.list({ externalUserId: user })).data.length, 0);
    } finally {
      await sink.close();
    }
  });
});
