import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The deployed-trigger routes `<pd-deployed-triggers>` uses, through the official browser SDK client. */
describe('emulator: deployed triggers', () => {
  let f: EmulatorFixture;
  before(async () => { f = await emulatorFixture(); });
  after(() => f.close());

  async function deployRss(user: string, webhookUrl?: string) {
    const client = f.frontend(user);
    const deployed = await client.triggers.deploy({
      id: 'rss-new-item-in-feed', externalUserId: user, emitOnDeploy: false,
      configuredProps: { url: 'https://example.com/feed.xml' }, ...(webhookUrl ? { webhookUrl } : {}),
    });
    await f.emulator.idle();
    return { client, id: deployed.data.id };
  }

  const fieldsOf = (answer: { data: unknown }) => answer.data as { active?: boolean; name?: string };

  it('pauses, resumes and renames a trigger; a blank name is refused and changes nothing', async () => {
    const user = 'node-dt-update';
    const { client, id } = await deployRss(user);
    const paused = await client.deployedTriggers.update(id, { externalUserId: user, active: false });
    assert.equal(fieldsOf(paused).active, false);
    const renamed = await client.deployedTriggers.update(id, { externalUserId: user, name: '  Team feed  ' });
    assert.equal(fieldsOf(renamed).name, 'Team feed');
    assert.equal(fieldsOf(renamed).active, false);
    const token = await f.connectToken(user);
    const blank = await f.call('PUT', `/v1/connect/deployed-triggers/${id}`, { token: token.token, body: { name: '   ' } });
    assert.equal(blank.status, 400);
    assert.match(String(blank.body.error), /name/);
    const read = await client.deployedTriggers.retrieve(id, { externalUserId: user });
    assert.equal(fieldsOf(read).name, 'Team feed');
    const resumed = await client.deployedTriggers.update(id, { externalUserId: user, active: true });
    assert.equal(fieldsOf(resumed).active, true);
  });

  it('lists events newest first, at most n of them', async () => {
    const user = 'node-dt-events';
    const { client, id } = await deployRss(user);
    assert.deepEqual((await client.deployedTriggers.listEvents(id, { externalUserId: user })).data, []);
    for (let round = 0; round < 3; round++) await f.call('POST', `/_emulator/deployed-triggers/${id}/emit`);
    const all = (await client.deployedTriggers.listEvents(id, { externalUserId: user, n: 100 })).data;
    assert.ok(all.length >= 3, `${all.length} events`);
    assert.deepEqual(all.map((event) => event.ts), [...all.map((event) => event.ts)].sort((a, b) => b - a));
    assert.ok(all.every((event) => event.k === 'emit' && typeof event.sum === 'string' && typeof event.e === 'object'));
    const two = (await client.deployedTriggers.listEvents(id, { externalUserId: user, n: 2 })).data;
    assert.deepEqual(two.map((event) => event.id), all.slice(0, 2).map((event) => event.id));
    const token = await f.connectToken(user);
    assert.equal((await f.call('GET', `/v1/connect/deployed-triggers/${id}/events?n=0`, { token: token.token })).status, 400);
  });

  it('lists and replaces webhooks with their URLs and webhook objects (no signing key for a Connect token)', async () => {
    const user = 'node-dt-webhooks';
    const { client, id } = await deployRss(user, 'https://hooks.example.com/one');
    const listed = await client.deployedTriggers.listWebhooks(id, { externalUserId: user });
    assert.deepEqual(listed.webhookUrls, ['https://hooks.example.com/one']);
    assert.equal(listed.webhooks?.length, 1);
    assert.equal(listed.webhooks?.[0]?.url, 'https://hooks.example.com/one');
    assert.equal(listed.webhooks?.[0]?.signingKeySet, false);
    assert.equal(listed.webhooks?.[0]?.signingKey, undefined);
    const updated = await client.deployedTriggers.updateWebhooks(id, { externalUserId: user, webhookUrls: ['https://hooks.example.com/two', 'https://hooks.example.com/three'] });
    assert.deepEqual(updated.webhookUrls, ['https://hooks.example.com/two', 'https://hooks.example.com/three']);
    assert.deepEqual((await client.deployedTriggers.listWebhooks(id, { externalUserId: user })).webhookUrls, updated.webhookUrls);
    // Someone else's trigger is not found.
    await assert.rejects(f.frontend('node-dt-other').deployedTriggers.listWebhooks(id, { externalUserId: 'node-dt-other' }), (error: { statusCode?: number }) => error.statusCode === 404);
  });
});
