import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { appOfComponentKey } from '../../src/elements/form/account-fields.js';
import { FormController, type FormHost } from '../../src/elements/form/form-controller.js';
import * as componentReaders from '../../src/session/read-components.js';
import { type ConnectSession, bundleForFirstRender } from '../../src/session/session.js';

// As the form elements do: the readers of component answers come with the form's own module.
bundleForFirstRender({}, componentReaders);

/** A call the test answers by hand, with the signal the caller gave. */
interface Call<T = unknown> {
  args: unknown;
  signal?: AbortSignal;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Records each call; a call rejects as soon as its signal aborts, as the SDK's do. */
function calls<T>() {
  const made: Call<T>[] = [];
  const call = (args: unknown, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      made.push({ args, ...(signal ? { signal } : {}), resolve, reject });
      signal?.addEventListener('abort', () => reject(signal.reason));
    });
  return { made, call };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(loaded = new Map<string, unknown>()) {
  const components = calls<unknown>();
  const reloads = calls<unknown>();
  const options = calls<unknown>();
  // The SDK's components client, answered by hand; the form's calls go through the session's own code.
  const client = {
    reloadProps: (params: unknown, call: { abortSignal?: AbortSignal }) => reloads.call(params, call.abortSignal),
    configureProp: (params: unknown, call: { abortSignal?: AbortSignal }) => options.call(params, call.abortSignal),
  };
  const session = {
    externalUserId: 'user-1',
    // The definition is shared page-wide: the request itself follows no one form's signal.
    remember: (key: string) => components.call(key.replace(/^component:/, '')),
    client: () => Promise.resolve(client),
    // With the token and the client at hand: the request goes out in the same turn.
    call: (_client: unknown, request: (c: typeof client, call: { abortSignal?: AbortSignal }) => Promise<unknown>, _kind: unknown, signal?: AbortSignal) => request(client, signal ? { abortSignal: signal } : {}),
    preload: () => undefined,
    loadedComponent: (key: string) => loaded.get(key),
  } as unknown as ConnectSession;
  const host: FormHost & { componentKey: string } = {
    isConnected: true,
    formSession: session,
    componentKey: 'a',
    describe: (error) => (error instanceof Error ? error.message : String(error)),
    addController: () => {},
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
  return { form: new FormController(host), host, components: components.made, reloads: reloads.made, options: options.made };
}

const component = (key: string, props: { name: string; type: string; remoteOptions?: boolean; useQuery?: boolean; reloadProps?: boolean }[]) => ({ key, name: key, configurableProps: props });

/** A form whose one prop is a searchable remote-options channel, its options asked for once. */
async function searchableChannel() {
  const { form, components, options } = setup();
  form.sync();
  components[0]?.resolve(component('a', [{ name: 'channel', type: 'string', remoteOptions: true, useQuery: true }]));
  await settle();
  const prop = form.fields.props[0] as (typeof form.fields.props)[number];
  form.remote.ensure(prop);
  return { form, options, prop };
}

describe('form loads: a newer load replaces the older one, which never reports', () => {
  it('shows a component the page already has in its first render: no loading phase, no request', () => {
    const { form, components } = setup(new Map([['a', component('a', [{ name: 'text', type: 'string' }])]]));
    form.sync();
    assert.equal(form.phase, 'ready');
    assert.deepEqual(form.fields.props.map((prop) => prop.name), ['text']);
    assert.equal(components.length, 0);
  });


  it('drops the component load of a key that was replaced, and says nothing about it', async () => {
    const { form, host, components } = setup();
    form.sync();
    host.componentKey = 'b';
    form.sync();
    assert.equal(components.length, 2);
    // The session shares the component with other elements: the form stops waiting, the request goes on.
    assert.equal(components[0]?.signal, undefined);
    components[0]?.reject(new Error('the API failed for "a"'));
    await settle();
    assert.equal(form.phase, 'loading', 'the replaced load is no error');
    assert.equal(form.loadError, undefined);
    components[1]?.resolve(component('b', [{ name: 'fromB', type: 'string' }]));
    await settle();
    assert.equal(form.phase, 'ready');
    assert.deepEqual(form.fields.props.map((prop) => prop.name), ['fromB']);
  });

  it('ignores a late answer of a replaced component load', async () => {
    const { form, host, components } = setup();
    form.sync();
    host.componentKey = 'b';
    form.sync();
    components[1]?.resolve(component('b', [{ name: 'fromB', type: 'string' }]));
    await settle();
    components[0]?.resolve(component('a', [{ name: 'fromA', type: 'string' }]));
    await settle();
    assert.deepEqual(form.fields.props.map((prop) => prop.name), ['fromB']);
  });

  it('aborts a props reload that a newer one replaced, and keeps the newer answer', async () => {
    const { form, components, reloads } = setup();
    form.sync();
    components[0]?.resolve(component('a', [{ name: 'mode', type: 'string', reloadProps: true }]));
    await settle();
    void form.reload(0);
    void form.reload(0);
    assert.equal(reloads.length, 2);
    assert.equal(reloads[0]?.signal?.aborted, true);
    reloads[1]?.resolve({ dynamicProps: { id: 'dyp_2', configurableProps: [{ name: 'mode', type: 'string' }, { name: 'extra', type: 'string' }] } });
    await settle();
    assert.equal(form.reloadError, undefined, 'the aborted reload is no error');
    assert.equal(form.reloading, false);
    assert.equal(form.dynamicPropsId, 'dyp_2');
    assert.deepEqual(form.fields.props.map((prop) => prop.name), ['mode', 'extra']);
  });

  it('aborts a fetch of remote options that a search replaced', async () => {
    const { form, options, prop } = await searchableChannel();
    form.remote.search(prop, 'gen');
    assert.equal(options.length, 2);
    assert.equal(options[0]?.signal?.aborted, true);
    assert.equal((options[1]?.args as { query?: string }).query, 'gen');
    options[1]?.resolve({ options: [{ label: '#general', value: 'C1' }] });
    await settle();
    const state = form.remote.state('channel');
    assert.equal(state?.error, undefined, 'the aborted fetch is no error');
    assert.deepEqual(state?.options, [{ label: '#general', value: 'C1' }]);
  });

  it('keeps the options of the search before at hand while a new search loads, and drops them with its answer', async () => {
    const { form, options, prop } = await searchableChannel();
    options[0]?.resolve({ options: [{ label: '#general', value: 'C1' }, { label: '#random', value: 'C2' }] });
    await settle();
    form.remote.search(prop, 'g');
    form.remote.search(prop, 'ge');
    // Two searches in a row: the second still has the loaded list (not the empty one in between).
    assert.equal(options[1]?.signal?.aborted, true);
    assert.deepEqual(form.remote.state('channel')?.previous?.map((option) => option.value), ['C1', 'C2']);
    assert.equal(form.remote.state('channel')?.loading, true);
    options[2]?.resolve({ options: [{ label: '#general', value: 'C1' }] });
    await settle();
    assert.equal(form.remote.state('channel')?.previous, undefined);
    assert.deepEqual(form.remote.state('channel')?.options.map((option) => option.value), ['C1']);
  });

  it('reloads the props at once for a choice; typing waits for a pause or for the field to be left', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { form, components, reloads } = setup();
    form.sync();
    components[0]?.resolve(component('a', [{ name: 'on', type: 'boolean', reloadProps: true }, { name: 'query', type: 'string', reloadProps: true }, { name: 'after', type: 'string' }]));
    await Promise.resolve();
    await Promise.resolve();
    const before = reloads.length;
    form.set('on', true);
    assert.equal(reloads.length, before + 1, 'the choice reloads without waiting');
    assert.equal(form.reloading, true);
    assert.deepEqual(form.visibleProps().map((prop) => prop.name), ['on', 'query', 'after'], 'no field leaves while the props reload');
    form.set('query', 'a', undefined, true);
    form.set('query', 'ab', undefined, true);
    assert.equal(reloads.length, before + 1, 'typing waits');
    form.touch('query');
    assert.equal(reloads.length, before + 2, 'leaving the field reloads at once');
    assert.equal(reloads[before]?.signal?.aborted, true, 'the reload it replaced is aborted');
    assert.equal((reloads[before + 1]?.args as { configuredProps: Record<string, unknown> }).configuredProps.query, 'ab');
    form.touch('query');
    assert.equal(reloads.length, before + 2, 'nothing is left to reload');
    form.set('query', 'abc', undefined, true);
    form.set('query', 'abcd', undefined, true);
    t.mock.timers.tick(200);
    assert.equal(reloads.length, before + 3, 'a pause in the typing reloads, once');
    assert.equal((reloads[before + 2]?.args as { configuredProps: Record<string, unknown> }).configuredProps.query, 'abcd');
  });

  it('aborts the fetches in flight when the form shows another component', async () => {
    const { form, host, components, options } = setup();
    form.sync();
    components[0]?.resolve(component('a', [{ name: 'channel', type: 'string', remoteOptions: true }]));
    await settle();
    form.remote.ensure(form.fields.props[0] as (typeof form.fields.props)[number]);
    host.componentKey = 'b';
    form.sync();
    assert.equal(options[0]?.signal?.aborted, true);
    await settle();
    assert.equal(form.remote.state('channel'), undefined);
  });
});


describe('the app a component key names', () => {
  it('is the slug before the first dash of a registry key', () => {
    assert.equal(appOfComponentKey('slack-send-message'), 'slack');
    assert.equal(appOfComponentKey('google_sheets-add-single-row'), 'google_sheets');
    assert.equal(appOfComponentKey('slack_v2-new-message-in-channels'), 'slack_v2');
  });

  it('is none for keys of another shape', () => {
    for (const key of ['sc_custom_component', 'Slack-send', '-send-message', 'slack-', 'slack--x', '../x-y', '']) assert.equal(appOfComponentKey(key), undefined, key);
  });
});
