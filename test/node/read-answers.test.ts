import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { components } from '../../src/emulator/catalog/index.js';
import { readAccount, readApp, readAppCategory, readItems, readText } from '../../src/session/read-answers.js';
import { readComponent, readConfigurePropAnswer, readEmitter, readProp, readReloadPropsAnswer, readRunActionAnswer } from '../../src/session/read-components.js';
import { emulatorFixture, type EmulatorFixture } from '../support/emulator-fixture.js';

/** The SDK's objects without the fields it set to undefined: what a clean copy of good data holds. */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(defined);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined).map(([key, child]) => [key, defined(child)]));
  }
  return value;
}

const app = { id: 'app_1', nameSlug: 'slack', name: 'Slack', authType: 'oauth', imgSrc: 'https://example.com/slack.svg', categories: ['Communication'], featuredWeight: 10, scopeProfiles: [] };

describe('read-answers: good data through the real SDK is unchanged', () => {
  let f: EmulatorFixture;
  before(async () => { f = await emulatorFixture(); });
  after(() => f.close());

  it('accounts, apps, categories', async () => {
    const user = 'reader-good';
    f.emulator.seedAccount({ externalUserId: user, app: 'slack', environment: 'development', name: 'Acme HQ' });
    const client = f.frontend(user);
    const accounts = (await client.accounts.list({ externalUserId: user })).data;
    assert.equal(accounts.length, 1);
    assert.ok(accounts[0]?.createdAt instanceof Date);
    assert.deepEqual(readItems(accounts, readAccount), defined(accounts));
    const apps = (await client.apps.list({ limit: 100 })).data;
    assert.ok(apps.length > 10);
    assert.deepEqual(readItems(apps, readApp), defined(apps));
    const slack = (await client.apps.retrieve('slack')).data;
    assert.deepEqual(readApp(slack), defined(slack));
    const categories = await client.appCategories.list();
    assert.ok(categories.length > 0);
    assert.deepEqual(readItems(categories, readAppCategory), defined(categories));
  });

  it('every component of the catalog, listed and retrieved', async () => {
    const client = f.frontend('reader-components');
    for (const { key } of components) {
      const component = (await client.components.retrieve(key)).data;
      assert.deepEqual(readComponent(component), defined(component), key);
    }
    const listed = (await client.components.list({ app: 'github' })).data;
    assert.ok(listed.length > 1);
    assert.deepEqual(readItems(listed, readComponent), defined(listed));
  });

  it('remote options, dynamic props, runs, deployed triggers', async () => {
    const user = 'reader-calls';
    const client = f.frontend(user);
    const github = f.emulator.seedAccount({ externalUserId: user, app: 'github', environment: 'development' });
    const options = await client.components.configureProp({ id: 'github-create-issue', externalUserId: user, propName: 'repoFullname', configuredProps: { github: { authProvisionId: github.id } } });
    assert.ok((options.options?.length ?? 0) > 0 && options.context);
    assert.deepEqual(readConfigurePropAnswer(options), defined(options));
    const labelled = await client.components.configureProp({ id: 'pipedream_utils-injection-test', externalUserId: user, propName: 'remoteChoice', configuredProps: {} });
    assert.deepEqual(readConfigurePropAnswer(labelled), defined(labelled));

    const reloaded = await client.components.reloadProps({ id: 'sendgrid-send-email-single-recipient', externalUserId: user, configuredProps: { useTemplate: true } });
    assert.ok((reloaded.dynamicProps?.configurableProps?.length ?? 0) > 3);
    assert.deepEqual(readReloadPropsAnswer(reloaded), defined(reloaded));

    const run = await client.actions.run({ id: 'pipedream_utils-inspect-value', externalUserId: user, configuredProps: { value: { a: [1, null] } } });
    assert.ok(run.os?.length && 'ret' in run);
    assert.deepEqual(readRunActionAnswer(run), defined(run));
    const failed = await client.actions.run({ id: 'github-create-issue', externalUserId: user, configuredProps: { github: { authProvisionId: github.id }, repoFullname: 'acme/api', title: 'fail' } });
    assert.ok(failed.os?.some((item) => item.k === 'error' && item.err?.message));
    // A failed run has `ret: null`, which the SDK turns into a `ret` key holding undefined: the reader keeps the key (the form shows it).
    assert.ok('ret' in failed && 'ret' in (readRunActionAnswer(failed) ?? {}));
    assert.deepEqual(defined(readRunActionAnswer(failed)), defined(failed));

    const deployed = await client.triggers.deploy({ id: 'rss-new-item-in-feed', externalUserId: user, configuredProps: { url: 'https://example.com/feed.xml', timer: { intervalSeconds: 900 } } });
    assert.deepEqual(readEmitter(deployed.data), defined(deployed.data));
    const listed = (await client.deployedTriggers.list({ externalUserId: user })).data;
    assert.equal(listed.length, 1);
    assert.deepEqual(readItems(listed, readEmitter), defined(listed));
  });
});

describe('read-answers: bad data is shown as text or skipped', () => {
  it('text: numbers and booleans as text, anything else dropped', () => {
    assert.equal(readText('a'), 'a');
    assert.equal(readText(''), '');
    assert.equal(readText(42), '42');
    assert.equal(readText(false), 'false');
    for (const bad of [{ x: 1 }, [1], null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(readText(bad), undefined);
  });

  it('lists: not a list is empty; unreadable items are skipped', () => {
    assert.deepEqual(readItems({ 0: 'a' }, readText), []);
    assert.deepEqual(readItems('abc', readText), []);
    assert.deepEqual(readItems(['a', 1, { x: 1 }, null], readText), ['a', '1']);
  });

  it('accounts: text fields as text, flags and dates only as such, no string id no account', () => {
    const account = readAccount({
      id: 'apn_1', name: 42, externalId: true, healthy: 'yes', dead: false, app: { ...app, name: { x: 1 } },
      createdAt: new Date('2024-05-01T10:00:00Z'), updatedAt: new Date('nope'), expiresAt: '2025-01-02T03:04:05Z', lastRefreshedAt: 42,
      nextRefreshAt: 'soon', error: { message: 'x' }, authorizedScopes: ['a', 2, null], credentials: 'secret', extra: '<b>not shown</b>',
    });
    assert.deepEqual(account, {
      id: 'apn_1', name: '42', externalId: 'true', dead: false, app: { ...app, name: 'slack' },
      createdAt: new Date('2024-05-01T10:00:00Z'), expiresAt: new Date('2025-01-02T03:04:05Z'), authorizedScopes: ['a', '2'],
    });
    for (const bad of [{ id: 42 }, { id: '' }, { name: 'x' }, null, 'apn_1', ['apn_1']]) assert.equal(readAccount(bad), undefined);
    assert.deepEqual(readItems([{ id: 'apn_1' }, { id: 7 }, null, { id: 'apn_2', app: 'slack' }], readAccount), [{ id: 'apn_1' }, { id: 'apn_2' }]);
  });

  it('apps: the name falls back to the slug, lists and numbers only as such, no slug no app', () => {
    assert.deepEqual(readApp({
      id: 12, nameSlug: 'github', name: ['GitHub'], authType: 'magic', description: { en: 'x' }, imgSrc: null, customFieldsJson: 3,
      categories: 'Developer Tools', featuredWeight: '10', scopeProfiles: [{ name: 'admin', scopes: ['repo', 1] }, { name: 'root', scopes: [] }, null],
    }), {
      id: '12', nameSlug: 'github', name: 'github', imgSrc: '', customFieldsJson: '3', categories: [], featuredWeight: 0, scopeProfiles: [{ name: 'admin', scopes: ['repo', '1'] }],
    });
    assert.equal(readApp({ ...app, nameSlug: { x: 1 } }), undefined);
    assert.equal(readApp({ ...app, nameSlug: '' }), undefined);
    assert.deepEqual(readApp({ ...app, nameSlug: 42 })?.nameSlug, '42');
    assert.deepEqual(readItems([app, { name: 'No slug' }, 42], readApp), [app]);
  });

  it('categories: no id no category', () => {
    assert.deepEqual(readItems([{ id: 'c1', name: 7, description: {} }, { name: 'Nameless' }, 'c2'], readAppCategory), [{ id: 'c1', name: '7' }]);
  });

  it('props: an allow-list of fields; options in their three shapes; the default kept as a value', () => {
    const prop = readProp({
      name: 'channel', type: 'string', label: 99, description: ['x'], optional: 'true', hidden: false, remoteOptions: true, min: '1', max: 10,
      default: { x: 1 }, secret: 1, alertType: null, onclick: 'alert(1)',
      options: ['a', 2, true, null, { x: 1 }, [1], { label: 'B', value: 'b' }, { label: { x: 1 }, value: 3 }, { label: 'no value' }, { value: { id: 1 } },
        { lv: { label: 'C', value: 'c' } }, { __lv: { label: 5, value: 'd' } }, { __lv: 'e' }],
    });
    assert.deepEqual(prop, {
      name: 'channel', type: 'string', label: '99', hidden: false, remoteOptions: true, max: 10, default: { x: 1 },
      options: ['a', 2, true, { label: 'B', value: 'b' }, { label: '3', value: 3 }, { label: '{"id":1}', value: { id: 1 } }, { lv: { label: 'C', value: 'c' } }, { __lv: { label: '5', value: 'd' } }],
    });
    assert.deepEqual(readProp({ name: 'p', type: 'string', options: 'a,b', default: null }), { name: 'p', type: 'string', options: [], default: null });
    assert.deepEqual(readProp({ name: 't', type: '$.interface.timer', static: { intervalSeconds: '60', cron: 5 } }), { name: 't', type: '$.interface.timer', static: { cron: '5' } });
    for (const bad of [{ name: 'x' }, { type: 'string' }, { name: 1, type: 'string' }, { name: 'x', type: { x: 1 } }, { name: 'a', type: 'app' }, { name: 'a', type: 'app', app: {} }, null, 'x']) {
      assert.equal(readProp(bad), undefined, JSON.stringify(bad));
    }
  });

  it('components: no key no component; props that are not a list are none', () => {
    const component = readComponent({ key: 'k', name: { x: 1 }, version: 3, description: 42, componentType: ['action'], stash: 'sometimes', annotations: { readOnlyHint: 'no', title: 7 }, configurableProps: { name: 'x' } });
    assert.deepEqual(component, { key: 'k', name: 'k', version: '3', description: '42', configurableProps: [], annotations: { title: '7' } });
    assert.deepEqual(readComponent({ key: 'k', name: 'K', version: '1', configurableProps: [{ name: 'a', type: 'string' }, { name: 'b' }, null, 7] })?.configurableProps, [{ name: 'a', type: 'string' }]);
    for (const bad of [{ name: 'x' }, { key: {} }, { key: '' }, null, []]) assert.equal(readComponent(bad), undefined);
  });

  it('remote options: options, text options, context, errors and observations read; not an object is nothing', () => {
    assert.deepEqual(readConfigurePropAnswer({
      options: [{ label: 'A', value: 'a' }, { x: 1 }, 'b'], stringOptions: ['s', 2, {}], context: ['page', 2], errors: 'failed', observations: [{ k: 'log', ts: 'now', msg: 5 }, { ts: 1 }],
    }), { options: [{ label: 'A', value: 'a' }, 'b'], stringOptions: ['s', '2'], errors: [], observations: [{ k: 'log', ts: 0, msg: '5' }] });
    assert.deepEqual(readConfigurePropAnswer({ context: { page: 2 }, options: null }), { context: { page: 2 }, options: [] });
    for (const bad of [null, 42, 'options', []]) assert.equal(readConfigurePropAnswer(bad), undefined);
  });

  it('dynamic props: props that are not a list are no props, so the form says so', () => {
    assert.deepEqual(readReloadPropsAnswer({ dynamicProps: { id: 7, configurableProps: 'x' }, errors: [{ message: 'm' }, 'e'] }), { dynamicProps: { id: '7' }, errors: ['e'] });
    assert.deepEqual(readReloadPropsAnswer({ dynamicProps: [] }), {});
    assert.deepEqual(readReloadPropsAnswer({ dynamicProps: { configurableProps: [{ name: 'a', type: 'boolean', default: 'yes' }, { type: 'x' }] } }), {
      dynamicProps: { configurableProps: [{ name: 'a', type: 'boolean', default: 'yes' }] },
    });
    assert.equal(readReloadPropsAnswer('props'), undefined);
  });

  it('runs: the returned value and exports kept as values, logs read, the stash id as text', () => {
    assert.deepEqual(readRunActionAnswer({
      exports: { $summary: { x: 1 }, count: 2 }, ret: { nested: [1, { deep: null }] }, stashId: 7,
      os: [{ k: 'log', ts: 1, msg: 'hi' }, { k: 'error', ts: 2, err: { name: 'TypeError', message: { x: 1 }, stack: 5 } }, { k: { x: 1 }, ts: 3 }, null],
    }), {
      exports: { $summary: { x: 1 }, count: 2 }, ret: { nested: [1, { deep: null }] }, stashId: '7',
      os: [{ k: 'log', ts: 1, msg: 'hi' }, { k: 'error', ts: 2, err: { name: 'TypeError', stack: '5' } }],
    });
    assert.deepEqual(readRunActionAnswer({ ret: null, exports: [1], os: 'x', stash_id: 's_1' }), { ret: null, os: [], stashId: 's_1' });
    assert.deepEqual(readRunActionAnswer({}), {});
    for (const bad of [null, 'ok', 42, [1]]) assert.equal(readRunActionAnswer(bad), undefined);
  });

  it('deployed triggers: camelCase or the wire names (the SDK hands over the raw object when one field is bad)', () => {
    const wire = {
      id: 'dc_1', owner_id: 'o_1', component_id: 'sc_1', component_key: 'rss-new-item-in-feed', name: 'New Item in Feed', name_slug: 'new-item',
      active: 'yes', created_at: 1_700_000_000, updated_at: '2024', configurable_props: [{ name: 'url', type: 'string' }, {}], configured_props: { url: 'u' },
      emit_on_deploy: true, type: 'DeployedComponent', callback_observations: null,
    };
    assert.deepEqual(readEmitter(wire), {
      id: 'dc_1', ownerId: 'o_1', componentId: 'sc_1', componentKey: 'rss-new-item-in-feed', name: 'New Item in Feed', nameSlug: 'new-item',
      createdAt: 1_700_000_000, configurableProps: [{ name: 'url', type: 'string' }], configuredProps: { url: 'u' }, emitOnDeploy: true, type: 'DeployedComponent',
      callbackObservations: null,
    });
    assert.deepEqual(readEmitter({ id: 'dc_2', name: { x: 1 }, componentKey: 42, createdAt: 'yesterday', configuredProps: 'x' }), { id: 'dc_2', componentKey: '42' });
    assert.deepEqual(readItems([{ id: 'dc_1' }, { id: 1 }, null, { name: 'no id' }], readEmitter), [{ id: 'dc_1' }]);
  });
});
