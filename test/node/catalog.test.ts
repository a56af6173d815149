import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  INJECTION_PAYLOADS,
  OPTIONS_PAGE_SIZE,
  apps,
  components,
  createCatalog,
  syntheticApps,
  unwrapValue,
} from '../../src/emulator/catalog/index.js';
import type {
  AppCustomField,
  ConfigurableProp,
  EmulatorComponent,
  LabelValue,
  OptionsContext,
  OptionsResult,
  PropOptionItem,
  PropsContext,
  WireAccount,
} from '../../src/emulator/types.js';
import { PROP_TYPES } from '../../src/wire/props.js';

type Accounts = PropsContext['accounts'];
type Account = Accounts[string];

/** Props a UI never configures (connect-react's skippable types, plus alerts). */
const UNCONFIGURED_TYPES = new Set(['alert', 'dir', '$.interface.timer', '$.interface.http', '$.interface.apphook', '$.service.db']);

function component(key: string): EmulatorComponent {
  const found = components.find((c) => c.key === key);
  assert.ok(found, `component ${key} exists`);
  return found;
}

function fakeAccount(appSlug: string, name = `${appSlug}-owner`, credentials: Record<string, unknown> = {}): Account {
  const app = apps.find((a) => a.name_slug === appSlug);
  assert.ok(app, `app ${appSlug} exists`);
  const account: WireAccount & { credentials: Record<string, unknown> } = {
    id: `apn_${appSlug.replace(/_/g, '').slice(0, 6)}${name.length}X`,
    name,
    external_id: 'user-123',
    healthy: true,
    dead: false,
    app,
    created_at: '2025-01-06T09:00:00.000Z',
    updated_at: '2025-01-06T09:00:00.000Z',
    error: null,
    last_refreshed_at: null,
    next_refresh_at: null,
    credentials,
  };
  return account;
}

function optionsCtx(partial: Partial<OptionsContext> & { propName: string }): OptionsContext {
  return { configuredProps: {}, accounts: {}, page: 0, prevContext: undefined, query: undefined, ...partial };
}

async function callOptions(c: EmulatorComponent, partial: Partial<OptionsContext> & { propName: string }): Promise<OptionsResult> {
  const fn = c.options?.[partial.propName];
  assert.ok(fn, `${c.key}.${partial.propName} has an options function`);
  return await fn(optionsCtx(partial));
}

function parseError(result: OptionsResult): { name: string; message: string } {
  assert.ok(result.errors && result.errors.length > 0, 'an error is returned');
  return JSON.parse(result.errors[0] ?? '') as { name: string; message: string };
}

function toLabelValue(item: PropOptionItem): LabelValue {
  if (typeof item === 'object' && item !== null) {
    if ('__lv' in item) return item.__lv;
    return item;
  }
  return { label: String(item), value: item };
}

function optionItems(result: OptionsResult): LabelValue[] {
  return [...(result.options ?? []).map(toLabelValue), ...(result.stringOptions ?? []).map((s) => ({ label: s, value: s }))];
}

function isRemote(prop: ConfigurableProp): boolean {
  return Boolean(prop.remoteOptions) || prop.type.startsWith('$.discord.') || prop.type.startsWith('$.airtable.');
}

// ---------------------------------------------------------------------------------------------
// A generic "user" that fills in a component's form, variant 0 or 1, the way a UI would.
// ---------------------------------------------------------------------------------------------

/** Inputs whose format a generic value would not satisfy. */
const OVERRIDES: Record<string, [unknown, unknown]> = {
  'twilio-send-sms:to': ['+14155550100', '+442071838750'],
  'hubspot-create-or-update-contact:email': ['ada@example.com', 'grace@example.org'],
  'gmail-send-email:to': [['ada@example.com'], ['grace@example.org', 'alan@example.net']],
  'sendgrid-send-email-single-recipient:fromEmail': ['news@example.com', 'billing@example.com'],
  'sendgrid-send-email-single-recipient:toEmails': [['ada@example.com'], ['grace@example.org', 'alan@example.net']],
  'pipedream_utils-download-file-to-tmp:url': ['https://example.com/files/report.pdf', 'https://example.org/data/export.csv'],
  'postgresql-insert-row:rowValues': [{ email: 'ada@example.com', name: 'Ada' }, { path: '/pricing' }],
};

async function valueFor(
  c: EmulatorComponent,
  prop: ConfigurableProp,
  variant: number,
  configured: Record<string, unknown>,
  accounts: Accounts,
): Promise<unknown> {
  const override = OVERRIDES[`${c.key}:${prop.name}`];
  if (override) return override[variant];
  if (UNCONFIGURED_TYPES.has(prop.type) || prop.hidden || prop.readOnly || prop.disabled) return undefined;
  if (prop.type === 'app') {
    const acc = fakeAccount(prop.app ?? prop.name, variant === 0 ? 'Acme Corp' : 'Globex Inc', {
      account_sid: `AC${variant}`,
      database: variant === 0 ? 'shop' : 'analytics',
    });
    accounts[prop.name] = acc;
    return { authProvisionId: acc.id };
  }
  let choices: LabelValue[] | undefined;
  if (isRemote(prop)) {
    const result = await callOptions(c, { propName: prop.name, configuredProps: { ...configured }, accounts, query: prop.useQuery ? '' : undefined });
    assert.equal(result.errors, undefined, `${c.key}.${prop.name} options: ${String(result.errors)}`);
    choices = optionItems(result);
    assert.ok(choices.length > 0, `${c.key}.${prop.name} has options`);
  } else if (prop.options && prop.options.length > 0) {
    choices = prop.options.map(toLabelValue);
  }
  if (choices) {
    const multi = prop.type.endsWith('[]');
    const chosen = multi ? choices.slice(variant, variant + 2) : [choices[variant % choices.length] as LabelValue];
    // Variant 0 stores choices the way connect-react does (`__lv`), variant 1 as bare values.
    if (variant === 0) return multi ? { __lv: chosen } : { __lv: chosen[0] };
    return multi ? chosen.map((o) => o.value) : chosen[0]?.value;
  }
  switch (prop.type) {
    case 'string':
      return `${prop.name} sample ${variant}`;
    case 'string[]':
      return [`${prop.name}-a${variant}`, `${prop.name}-b${variant}`];
    case 'integer': {
      const lo = prop.min ?? 0;
      return Math.min(prop.max ?? lo + 1000, lo + 1 + variant * 2);
    }
    case 'integer[]':
      return [100 + variant, 250 * (variant + 1)];
    case 'boolean':
      return variant === 0;
    case 'object':
      return { note: `value ${variant}` };
    case 'any':
      return variant === 0 ? { n: 1 } : [1, 2, 3];
    case 'sql':
      return {
        app: 'postgresql',
        query: variant === 0 ? 'SELECT id, email FROM users LIMIT 2' : 'SELECT * FROM orders LIMIT 4',
        params: [],
      };
    case 'http_request':
      return {
        method: variant === 0 ? 'GET' : 'POST',
        url: `https://api.example.com/items/${variant}`,
        headers: [{ name: 'X-Variant', value: String(variant) }],
        params: [],
        body: { contentType: 'application/json', type: 'raw', mode: 'raw', raw: JSON.stringify({ variant }) },
      };
    case 'data_store':
      return variant === 0 ? 'ds_orders' : { id: 'ds_cache' };
    default:
      return undefined;
  }
}

async function fillForm(c: EmulatorComponent, variant: number): Promise<{ configuredProps: Record<string, unknown>; accounts: Accounts; props: ConfigurableProp[] }> {
  const configuredProps: Record<string, unknown> = {};
  const accounts: Accounts = {};
  const done = new Set<string>();
  let props = c.configurable_props;
  // Dynamic props can unlock more dynamic props, so reload until the list stops growing.
  for (let round = 0; round < 5; round++) {
    for (const prop of props) {
      if (done.has(prop.name)) continue;
      done.add(prop.name);
      const v = await valueFor(c, prop, variant, configuredProps, accounts);
      if (v !== undefined) configuredProps[prop.name] = v;
    }
    if (!c.reload) break;
    const next = c.reload({ configuredProps, accounts });
    const grew = next.some((p) => !done.has(p.name));
    props = next;
    if (!grew) break;
  }
  return { configuredProps, accounts, props };
}

async function runAction(c: EmulatorComponent, configuredProps: Record<string, unknown>, accounts: Accounts) {
  assert.ok(c.run, `${c.key} has run`);
  const exports: Record<string, unknown> = {};
  const logs: unknown[][] = [];
  const ret = await c.run({
    configuredProps,
    accounts,
    $: {
      export: (name, value) => {
        exports[name] = value;
      },
      log: (...messages) => {
        logs.push(messages);
      },
    },
  });
  return { ret, exports, logs };
}

async function runError(c: EmulatorComponent, configuredProps: Record<string, unknown>, accounts: Accounts): Promise<Error> {
  try {
    await runAction(c, configuredProps, accounts);
  } catch (e) {
    assert.ok(e instanceof Error, 'throws an Error');
    return e;
  }
  assert.fail(`${c.key} should have failed`);
}

// ---------------------------------------------------------------------------------------------

describe('catalog: apps', () => {
  it('has at least 12 apps covering all three auth types', () => {
    assert.ok(apps.length >= 12);
    for (const auth of ['oauth', 'keys', 'none'] as const) {
      assert.ok(apps.filter((a) => a.auth_type === auth).length >= 3, `at least 3 ${auth} apps`);
    }
  });

  it('has unique slugs and ids and well-formed fields', () => {
    assert.equal(new Set(apps.map((a) => a.name_slug)).size, apps.length);
    assert.equal(new Set(apps.map((a) => a.id)).size, apps.length);
    for (const app of apps) {
      assert.match(app.id, /^app_[A-Za-z0-9]{6}$/);
      assert.match(app.img_src, /^https:\/\//);
      assert.ok(app.description.length > 10, `${app.name_slug} has a description`);
      assert.ok(app.categories.length > 0);
      assert.equal(typeof app.featured_weight, 'number');
      const fields = JSON.parse(app.custom_fields_json) as AppCustomField[];
      assert.ok(Array.isArray(fields));
      if (app.auth_type === 'keys') assert.ok(fields.length > 0, `${app.name_slug} has credential fields`);
      else assert.equal(app.custom_fields_json, '[]');
    }
    assert.ok(new Set(apps.flatMap((a) => a.categories)).size >= 5, 'several distinct categories');
  });

  it('describes the credential forms of key-based apps', () => {
    const fields = (slug: string) => JSON.parse(apps.find((a) => a.name_slug === slug)?.custom_fields_json ?? '[]') as AppCustomField[];
    assert.deepEqual(fields('openai').find((f) => f.name === 'api_key')?.secret, true);
    assert.deepEqual(fields('twilio').map((f) => f.name), ['account_sid', 'auth_token']);
    assert.equal(fields('twilio').find((f) => f.name === 'auth_token')?.secret, true);
    const pg = fields('postgresql').map((f) => f.name);
    for (const name of ['host', 'port', 'user', 'password', 'database']) assert.ok(pg.includes(name), `postgresql has ${name}`);
  });
});

describe('catalog: components', () => {
  const allProps = components.flatMap((c) => c.configurable_props);

  it('uses every prop type of the wire, and no other', () => {
    assert.equal(new Set(PROP_TYPES).size, PROP_TYPES.length, 'each prop type is listed once');
    const used = new Set(allProps.map((p) => p.type));
    for (const type of PROP_TYPES) assert.ok(used.has(type), `prop type ${type} is used`);
    const known = new Set<string>(PROP_TYPES);
    for (const type of used) assert.ok(known.has(type), `prop type ${type} is one of PROP_TYPES`);
  });

  it('has every alert type and the prop features UIs must handle', () => {
    const alertTypes = new Set(allProps.filter((p) => p.type === 'alert').map((p) => p.alertType));
    for (const t of ['info', 'neutral', 'warning', 'error']) assert.ok(alertTypes.has(t as 'info'), `alert ${t}`);
    assert.ok(allProps.some((p) => p.secret));
    assert.ok(allProps.some((p) => p.hidden));
    assert.ok(allProps.some((p) => p.disabled));
    assert.ok(allProps.some((p) => p.readOnly));
    assert.ok(allProps.some((p) => p.withLabel));
    assert.ok(allProps.some((p) => p.type === 'integer' && p.min !== undefined && p.max !== undefined));
    assert.ok(allProps.some((p) => p.options?.some((o) => typeof o === 'object' && 'label' in o)));
    assert.ok(allProps.some((p) => p.optional));
    assert.ok(allProps.some((p) => p.default !== undefined));
    assert.ok(allProps.some((p) => p.type === 'sql' && p.auth?.app === 'postgresql'));
    assert.ok(allProps.some((p) => p.type === '$.interface.timer' && (p.static || p.default)));
    assert.ok(components.some((c) => /\[[^\]]+\]\(https:/.test(c.description)), 'markdown links in descriptions');
  });

  it('has at least 20 components with unique keys, on existing apps', () => {
    assert.ok(components.length >= 20);
    assert.ok(components.filter((c) => c.component_type === 'trigger').length >= 5);
    assert.equal(new Set(components.map((c) => c.key)).size, components.length);
    const slugs = new Set(apps.map((a) => a.name_slug));
    for (const c of components) {
      assert.ok(slugs.has(c.app), `${c.key}: app ${c.app} exists`);
      assert.ok(c.key.startsWith(`${c.app}-`), `${c.key} is prefixed with its app`);
      assert.match(c.version, /^\d+\.\d+\.\d+$/);
      assert.equal(new Set(c.configurable_props.map((p) => p.name)).size, c.configurable_props.length, `${c.key}: unique prop names`);
      const app = apps.find((a) => a.name_slug === c.app);
      const appProps = c.configurable_props.filter((p) => p.type === 'app');
      // An app without auth may still have its app prop (as Pipedream's HTTP actions do): it takes no account.
      if (app?.auth_type === 'none') assert.ok(appProps.every((p) => p.name === c.app && p.app === c.app), `${c.key}: an app prop of its own app only`);
      else assert.ok(appProps.some((p) => p.name === c.app && p.app === c.app), `${c.key} has an app prop named ${c.app}`);
      if (c.component_type === 'action') assert.equal(typeof c.run, 'function', `${c.key} has run`);
      else assert.equal(typeof c.sampleEvents, 'function', `${c.key} has sampleEvents`);
    }
  });

  it('gives every remote-options prop an options function (static and dynamic props)', async () => {
    for (const c of components) {
      const lists = [c.configurable_props];
      if (c.reload) lists.push((await fillForm(c, 0)).props, (await fillForm(c, 1)).props);
      for (const prop of lists.flat()) {
        if (isRemote(prop)) assert.equal(typeof c.options?.[prop.name], 'function', `${c.key}.${prop.name}`);
      }
    }
  });

  it('has a sanitizer test component full of payloads', () => {
    const c = component('pipedream_utils-injection-test');
    const texts = [c.description, ...c.configurable_props.flatMap((p) => [p.label, p.description, p.content, ...(p.options ?? []).map((o) => JSON.stringify(o))])].join('\n');
    assert.ok(texts.includes(INJECTION_PAYLOADS.img));
    assert.ok(texts.includes(INJECTION_PAYLOADS.script));
    assert.ok(texts.includes(INJECTION_PAYLOADS.jsLink));
  });
});

describe('catalog: remote options', () => {
  it('derives Slack channels from the connected account and asks for one when missing', async () => {
    const c = component('slack-send-message');
    const err = parseError(await callOptions(c, { propName: 'conversation' }));
    assert.equal(err.name, 'ConfigurationError');
    assert.match(err.message, /Slack/);
    const acme = optionItems(await callOptions(c, { propName: 'conversation', accounts: { slack: fakeAccount('slack', 'Acme Corp') } }));
    const globex = optionItems(await callOptions(c, { propName: 'conversation', accounts: { slack: fakeAccount('slack', 'Globex') } }));
    assert.ok(acme.some((o) => o.label === '#acme-engineering'));
    assert.ok(globex.some((o) => o.label === '#globex-engineering'));
    const filtered = optionItems(await callOptions(c, { propName: 'conversation', query: 'ENGIN', accounts: { slack: fakeAccount('slack', 'Acme Corp') } }));
    assert.deepEqual(filtered.map((o) => o.label), ['#acme-engineering']);
  });

  it('pages GitHub repositories 50 at a time, with context, until an empty page', async () => {
    const c = component('github-create-issue');
    const accounts = { github: fakeAccount('github', 'octo-org') };
    const seen = new Set<unknown>();
    let prevContext: Record<string, unknown> | undefined;
    let pages = 0;
    for (let page = 0; page < 20; page++) {
      const result = await callOptions(c, { propName: 'repoFullname', accounts, page, prevContext, query: '' });
      const items = optionItems(result);
      if (items.length === 0) break;
      assert.ok(items.length <= OPTIONS_PAGE_SIZE);
      assert.deepEqual(result.context, { nextPageToken: `p${page + 1}` });
      for (const o of items) seen.add(o.value);
      prevContext = result.context;
      pages++;
    }
    assert.ok(seen.size >= 300, `${seen.size} distinct repositories`);
    assert.equal(pages, Math.ceil(seen.size / OPTIONS_PAGE_SIZE));
    // The page number alone (no context) serves the same page; past the end is empty.
    const byNumber = optionItems(await callOptions(c, { propName: 'repoFullname', accounts, page: 2 }));
    const byToken = optionItems(await callOptions(c, { propName: 'repoFullname', accounts, page: 0, prevContext: { nextPageToken: 'p2' } }));
    assert.deepEqual(byNumber, byToken);
    assert.deepEqual(optionItems(await callOptions(c, { propName: 'repoFullname', accounts, page: pages })), []);
  });

  it('filters by query, case-insensitively', async () => {
    const c = component('github-create-issue');
    const accounts = { github: fakeAccount('github', 'octo-org') };
    const lower = optionItems(await callOptions(c, { propName: 'repoFullname', accounts, query: 'billing' }));
    const upper = optionItems(await callOptions(c, { propName: 'repoFullname', accounts, query: 'BILLING' }));
    assert.ok(lower.length > 0 && lower.length < 50);
    assert.ok(lower.every((o) => o.label.toLowerCase().includes('billing')));
    assert.deepEqual(lower, upper);
    assert.deepEqual(optionItems(await callOptions(c, { propName: 'repoFullname', accounts, query: 'zzz-nothing' })), []);
  });

  it('errors for options that depend on an earlier prop when it is missing', async () => {
    const sheets = component('google_sheets-add-single-row');
    const accounts = { google_sheets: fakeAccount('google_sheets') };
    assert.equal(parseError(await callOptions(sheets, { propName: 'worksheetId', accounts })).name, 'ConfigurationError');
    const first = optionItems(await callOptions(sheets, { propName: 'sheetId', accounts }))[0];
    assert.ok(first);
    const wrapped = optionItems(await callOptions(sheets, { propName: 'worksheetId', accounts, configuredProps: { sheetId: { __lv: first } } }));
    const bare = optionItems(await callOptions(sheets, { propName: 'worksheetId', accounts, configuredProps: { sheetId: first.value } }));
    assert.ok(wrapped.length > 0);
    assert.deepEqual(wrapped, bare, '__lv values are unwrapped');

    const airtable = component('airtable_oauth-list-records-in-view');
    assert.equal(parseError(await callOptions(airtable, { propName: 'tableId', accounts: { airtable_oauth: fakeAccount('airtable_oauth') } })).name, 'ConfigurationError');
    assert.equal(parseError(await callOptions(component('postgresql-insert-row'), { propName: 'table' })).name, 'ConfigurationError');
    assert.equal(parseError(await callOptions(component('github-create-issue'), { propName: 'labels', accounts: { github: fakeAccount('github') } })).name, 'ConfigurationError');
  });

  it('answers with stringOptions where the API has plain strings', async () => {
    const result = await callOptions(component('gmail-new-email-received'), { propName: 'labels', accounts: { gmail: fakeAccount('gmail', 'ada@example.com') } });
    assert.equal(result.options, undefined);
    assert.ok(result.stringOptions?.includes('INBOX'));
    assert.ok(result.stringOptions?.includes('ada/Projects'));
  });

  it('fails realistically for some input', async () => {
    const c = component('notion-create-page-from-database');
    const accounts = { notion: fakeAccount('notion') };
    const err = parseError(await callOptions(c, { propName: 'parentDataSource', accounts, query: 'error' }));
    assert.equal(err.name, 'Error');
    assert.match(err.message, /rate limited by Notion/);
    assert.ok(optionItems(await callOptions(c, { propName: 'parentDataSource', accounts, query: 'task' })).some((o) => o.label === 'Tasks'));
  });

  it('unwraps __lv values', () => {
    assert.equal(unwrapValue({ __lv: { label: 'A', value: 'a' } }), 'a');
    assert.deepEqual(unwrapValue({ __lv: [{ label: 'A', value: 'a' }, { label: 'B', value: 2 }] }), ['a', 2]);
    assert.deepEqual(unwrapValue([{ __lv: { label: 'A', value: 'a' } }, 'b']), ['a', 'b']);
    assert.equal(unwrapValue({ lv: { label: 'A', value: 'a' } }), 'a');
    assert.deepEqual(unwrapValue({ label: 'kept', value: 1 }), { label: 'kept', value: 1 });
  });
});

describe('catalog: dynamic props', () => {
  it('Google Sheets adds one field per column header once a worksheet is chosen', async () => {
    const c = component('google_sheets-add-single-row');
    assert.ok(c.reload);
    const accounts = { google_sheets: fakeAccount('google_sheets') };
    const staticNames = c.configurable_props.map((p) => p.name);
    assert.deepEqual(c.reload({ configuredProps: {}, accounts }).map((p) => p.name), staticNames);

    const sheet = optionItems(await callOptions(c, { propName: 'sheetId', accounts }))[3];
    assert.ok(sheet);
    const ws = optionItems(await callOptions(c, { propName: 'worksheetId', accounts, configuredProps: { sheetId: { __lv: sheet } } }))[0];
    assert.ok(ws);
    const props = c.reload({ configuredProps: { sheetId: { __lv: sheet }, worksheetId: { __lv: ws } }, accounts });
    assert.deepEqual(props.slice(0, staticNames.length).map((p) => p.name), staticNames, 'static props first');
    const dynamic = props.slice(staticNames.length);
    assert.ok(dynamic.length >= 3);
    assert.deepEqual(dynamic.map((p) => p.name), dynamic.map((_, i) => `col_${String.fromCharCode(65 + i)}`));
    assert.deepEqual(c.reload({ configuredProps: { sheetId: sheet.value, worksheetId: ws.value }, accounts }), props, 'deterministic');

    const noHeaders = c.reload({ configuredProps: { sheetId: sheet.value, worksheetId: ws.value, hasHeaders: false }, accounts });
    assert.deepEqual(noHeaders.slice(staticNames.length).map((p) => p.name), ['myColumnData']);
  });

  it('Notion adds different fields for different databases', async () => {
    const c = component('notion-create-page-from-database');
    assert.ok(c.reload);
    const accounts = { notion: fakeAccount('notion') };
    const dbs = optionItems(await callOptions(c, { propName: 'parentDataSource', accounts }));
    const propsFor = (db: LabelValue) => c.reload!({ configuredProps: { parentDataSource: { __lv: db } }, accounts }).map((p) => p.name);
    const tasks = propsFor(dbs[0] as LabelValue);
    const crm = propsFor(dbs[2] as LabelValue);
    assert.ok(tasks.length > c.configurable_props.length);
    assert.ok(crm.length > c.configurable_props.length);
    assert.notDeepEqual(tasks, crm);
  });

  it('SendGrid switches between content and template fields', () => {
    const c = component('sendgrid-send-email-single-recipient');
    assert.ok(c.reload);
    const accounts = { sendgrid: fakeAccount('sendgrid') };
    const plain = c.reload({ configuredProps: { useTemplate: false }, accounts }).map((p) => p.name);
    const template = c.reload({ configuredProps: { useTemplate: true }, accounts }).map((p) => p.name);
    assert.ok(plain.includes('subject') && !plain.includes('templateId'));
    assert.ok(template.includes('templateId') && !template.includes('subject'));
  });

  it('at least two components reload props', () => {
    const reloading = components.filter((c) => c.reload && c.configurable_props.some((p) => p.reloadProps));
    assert.ok(reloading.length >= 2);
  });
});

describe('catalog: actions', () => {
  const actions = components.filter((c) => c.component_type === 'action');
  const alwaysFailing = new Set(['hubspot-delete-contact']);

  for (const c of actions) {
    if (alwaysFailing.has(c.key)) continue;
    it(`${c.key} computes its result from the input`, async () => {
      const a = await fillForm(c, 0);
      const b = await fillForm(c, 1);
      const ra = await runAction(c, a.configuredProps, a.accounts);
      const rb = await runAction(c, b.configuredProps, b.accounts);
      assert.notEqual(ra.ret, undefined);
      assert.equal(typeof ra.exports.$summary, 'string');
      assert.ok((ra.exports.$summary as string).length > 0);
      assert.notDeepEqual(ra.ret, rb.ret);
      // Same input, same output: the catalog is deterministic.
      assert.deepEqual((await runAction(c, a.configuredProps, a.accounts)).ret, ra.ret);
    });
  }

  it('puts input values into summaries', async () => {
    const c = component('slack-send-message');
    const accounts = { slack: fakeAccount('slack', 'Acme Corp') };
    const { exports } = await runAction(c, { conversation: { __lv: { label: '#general', value: 'C123' } }, text: 'Ship it' }, accounts);
    assert.match(String(exports.$summary), /#general/);
    assert.match(String(exports.$summary), /Ship it/);
  });

  it('always fails for the permission-error action', async () => {
    const c = component('hubspot-delete-contact');
    for (const variant of [0, 1]) {
      const { configuredProps, accounts } = await fillForm(c, variant);
      const err = await runError(c, configuredProps, accounts);
      assert.equal(err.name, 'HubSpotApiError');
      assert.match(err.message, /MISSING_SCOPES/);
    }
  });

  it('fails with named errors for specific inputs', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['slack-send-message', { conversation: { __lv: { label: '#does-not-exist', value: '#does-not-exist' } }, text: 'hi' }, 'SlackApiError'],
      ['github-create-issue', { repoFullname: 'octo-org/api-service', title: 'fail' }, 'HttpError'],
      ['stripe-create-invoice', { customer: 'cus_missing', amounts: [100] }, 'StripeInvalidRequestError'],
      ['twilio-send-sms', { to: '12345', body: 'hi' }, 'RestException'],
      ['postgresql-execute-custom-query', { sql: { query: 'SELECT * FROM missing_table' } }, 'DatabaseError'],
      ['http-custom-request', { httpRequest: { method: 'GET', url: 'not a url' } }, 'TypeError'],
      ['hubspot-create-or-update-contact', { email: 'not-an-email' }, 'HubSpotApiError'],
    ];
    for (const [key, configuredProps, name] of cases) {
      const c = component(key);
      const appProp = c.configurable_props.find((p) => p.type === 'app');
      const accounts: Accounts = appProp ? { [appProp.name]: fakeAccount(appProp.app ?? appProp.name) } : {};
      const err = await runError(c, configuredProps, accounts);
      assert.equal(err.name, name, `${key}: ${err.message}`);
    }
  });

  it('reports a missing account as a ConfigurationError', async () => {
    const err = await runError(component('openai-chat'), { userMessage: 'hello' }, {});
    assert.equal(err.name, 'ConfigurationError');
  });

  it('answers SQL from the query text', async () => {
    const c = component('postgresql-execute-custom-query');
    const accounts = { postgresql: fakeAccount('postgresql') };
    const { ret } = await runAction(c, { sql: { app: 'postgresql', query: 'SELECT id, email AS address FROM users LIMIT 5', params: [] } }, accounts);
    const result = ret as { rows: Record<string, unknown>[]; rowCount: number };
    assert.equal(result.rowCount, 5);
    assert.deepEqual(Object.keys(result.rows[0] ?? {}), ['id', 'address']);
    const update = (await runAction(c, { sql: 'UPDATE users SET plan = 1' }, accounts)).ret as { command: string };
    assert.equal(update.command, 'UPDATE');
  });

  it('echoes HTTP requests and describes `any` values', async () => {
    const http = await runAction(component('http-custom-request'), {
      httpRequest: { method: 'post', url: 'https://api.example.com/x', headers: [{ name: 'X-A', value: '1' }], params: [{ name: 'q', value: 'z' }] },
    }, {});
    assert.deepEqual((http.ret as { data: unknown }).data, {
      echo: true, method: 'POST', url: 'https://api.example.com/x?q=z', headers: { 'X-A': '1' }, body: null,
    });
    const inspect = component('pipedream_utils-inspect-value');
    assert.equal(((await runAction(inspect, { value: [1, 2] }, {})).ret as { type: string }).type, 'array of 2');
    assert.equal(((await runAction(inspect, { value: 'abc' }, {})).ret as { type: string }).type, 'string (3 characters)');
    assert.equal(((await runAction(inspect, { value: { a: 1 } }, {})).ret as { type: string }).type, 'object with 1 key');
  });
});

describe('catalog: triggers', () => {
  const triggers = components.filter((c) => c.component_type === 'trigger');
  const sourceTypes = new Set(['$.interface.timer', '$.interface.http', '$.interface.apphook', '$.service.db']);

  for (const c of triggers) {
    it(`${c.key} emits 1–3 sample events from its configuration`, async () => {
      assert.ok(c.configurable_props.some((p) => sourceTypes.has(p.type)), 'uses a timer/http/apphook/db prop');
      assert.ok(c.sampleEvents);
      const { configuredProps, accounts } = await fillForm(c, 0);
      const events = c.sampleEvents({ configuredProps, accounts });
      assert.ok(events.length >= 1 && events.length <= 3, `${events.length} events`);
      for (const e of events) assert.equal(typeof e, 'object');
      // Without any configuration it still produces events (e.g. "send test event").
      assert.ok(c.sampleEvents({ configuredProps: {}, accounts: {} }).length >= 1);
    });
  }

  it('uses the configured props in events', async () => {
    const c = component('slack-new-message-in-channels');
    const accounts = { slack: fakeAccount('slack', 'Acme Corp') };
    const channels = optionItems(await callOptions(c, { propName: 'conversations', accounts }));
    const chosen = channels.slice(1, 3).map((o) => o.value);
    const events = c.sampleEvents!({ configuredProps: { conversations: chosen }, accounts });
    assert.deepEqual(events.map((e) => e.channel), chosen);
  });
});

describe('catalog: synthetic apps and createCatalog', () => {
  it('generates unique, deterministic apps quickly', () => {
    const start = performance.now();
    const generated = syntheticApps(2500);
    const elapsed = performance.now() - start;
    assert.equal(generated.length, 2500);
    assert.ok(elapsed < 500, `took ${elapsed.toFixed(1)} ms`);
    const slugs = new Set([...apps, ...generated].map((a) => a.name_slug));
    const ids = new Set([...apps, ...generated].map((a) => a.id));
    assert.equal(slugs.size, apps.length + 2500);
    assert.equal(ids.size, apps.length + 2500);
    assert.deepEqual(syntheticApps(2500), generated);
    assert.notDeepEqual(syntheticApps(50, 7), syntheticApps(50, 8));
    for (const auth of ['oauth', 'keys', 'none'] as const) assert.ok(generated.some((a) => a.auth_type === auth));
    assert.ok(new Set(generated.flatMap((a) => a.categories)).size >= 8);
    assert.ok(new Set(generated.map((a) => a.featured_weight)).size > 50);
    for (const app of generated) {
      assert.match(app.name_slug, /^[a-z0-9_]+$/);
      assert.match(app.id, /^app_[A-Za-z0-9]{6}$/);
      const fields = JSON.parse(app.custom_fields_json) as AppCustomField[];
      assert.equal(fields.length > 0, app.auth_type === 'keys');
    }
  });

  it('creates catalogs with and without generated apps', () => {
    const plain = createCatalog();
    assert.equal(plain.apps.length, apps.length);
    assert.equal(plain.components.length, components.length);
    assert.notEqual(plain.apps, apps, 'a fresh array');
    const big = createCatalog({ syntheticApps: 2500 });
    assert.equal(big.apps.length, apps.length + 2500);
    assert.deepEqual(big.apps.slice(0, apps.length), apps);
    assert.equal(big.components.length, components.length);
  });
});
