import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FormValues } from '../../src/elements/form/form-values.js';
import { isFileRef } from '../../src/elements/form/kinds/file-ref.js';
import { parseInteger } from '../../src/elements/form/kinds/integer.js';
import { parseJson } from '../../src/elements/form/kinds/json.js';
import { parseList } from '../../src/elements/form/kinds/list.js';
import { parseRows } from '../../src/elements/form/kinds/object.js';
import { kindOf } from '../../src/elements/form/kinds/registry.js';
import { isCron } from '../../src/elements/form/kinds/timer.js';
import { type ConfigurableProp, selectedOptions, storeOption, storeOptions, toOption, unwrap } from '../../src/wire/props.js';

/** A form over these props, with the registry's kinds; `gone` names the accounts that disappeared. */
function form(props: ConfigurableProp[], values: Record<string, unknown> = {}, gone: Record<string, string> = {}): FormValues {
  const fields = new FormValues(kindOf, (prop) => gone[prop.name]);
  fields.props = props;
  fields.replace(values);
  return fields;
}

const errorKey = (fields: FormValues, name: string) => fields.errorOf(fields.props.find((prop) => prop.name === name) as ConfigurableProp)?.key;
const kind = (prop: Partial<ConfigurableProp>) => kindOf({ name: 'p', type: 'string', ...prop }).name;

describe('form kinds', () => {
  it('gives each prop the first kind that matches, in the registry order', () => {
    assert.equal(kind({ type: 'alert' }), 'alert');
    assert.equal(kind({ type: 'app', app: 'slack' }), 'app');
    assert.equal(kind({ type: '$.service.db' }), 'note');
    assert.equal(kind({ type: '$.interface.timer', static: { intervalSeconds: 60 } }), 'note');
    assert.equal(kind({ type: '$.interface.timer' }), 'timer');
    assert.equal(kind({ type: 'string', remoteOptions: true }), 'remote');
    assert.equal(kind({ type: '$.discord.channel[]' }), 'remote');
    assert.equal(kind({ type: '$.airtable.baseId', options: ['a'] }), 'remote');
    assert.equal(kind({ type: 'string', options: ['a', 'b'] }), 'select');
    assert.equal(kind({ type: 'integer[]', options: [1, 2] }), 'multi-select');
    assert.equal(kind({ type: 'string', options: [] }), 'string');
    // Types whose options are not choices keep their own editor.
    for (const [type, name] of [['sql', 'sql'], ['http_request', 'http'], ['object', 'object'], ['any', 'json'], ['$.interface.timer', 'timer']]) {
      assert.equal(kind({ type, options: ['x'] }), name, type);
    }
    assert.equal(kind({ type: 'string', format: 'file-ref' }), 'file');
    assert.equal(kind({ type: 'string[]' }), 'list');
    assert.equal(kind({ type: 'integer' }), 'integer');
    assert.equal(kind({ type: 'integer[]' }), 'integer-list');
    assert.equal(kind({ type: 'boolean' }), 'boolean');
    assert.equal(kind({ type: '$.something.new' }), 'unknown');
  });
});

describe('form values: required and optional', () => {
  it('requires a value of a required field only', () => {
    const fields = form([
      { name: 'to', type: 'string' },
      { name: 'cc', type: 'string', optional: true },
      { name: 'tags', type: 'string[]' },
    ]);
    assert.equal(errorKey(fields, 'to'), 'form.error.required');
    assert.equal(errorKey(fields, 'cc'), undefined);
    assert.equal(errorKey(fields, 'tags'), 'form.error.required');
    fields.set('to', 'ada@example.com');
    fields.set('tags', []);
    assert.equal(errorKey(fields, 'to'), undefined);
    assert.equal(errorKey(fields, 'tags'), 'form.error.required', 'an empty list is no value');
    fields.set('to', { __lv: { label: 'Nobody', value: '' } });
    assert.equal(errorKey(fields, 'to'), 'form.error.required', 'a labelled empty value is no value');
  });

  it('never checks hidden, disabled, read-only or input-less props', () => {
    const fields = form([
      { name: 'secret', type: 'string', hidden: true },
      { name: 'fixed', type: 'integer', disabled: true },
      { name: 'shown', type: 'integer', readOnly: true },
      { name: 'warning', type: 'alert', content: 'Careful' },
      { name: 'db', type: '$.service.db' },
    ]);
    for (const name of ['secret', 'fixed', 'shown', 'warning', 'db']) assert.equal(errorKey(fields, name), undefined, name);
    assert.deepEqual(fields.visibleProps().map((prop) => prop.name), ['fixed', 'shown', 'warning', 'db']);
    assert.equal(fields.editable(fields.props[1] as ConfigurableProp), false);
    assert.equal(fields.editable(fields.props[2] as ConfigurableProp), false);
    assert.deepEqual(fields.visibleProps().filter((prop) => fields.errorOf(prop)), []);
  });

  it('shows a field’s error once it was left or a submit was attempted', () => {
    const fields = form([{ name: 'to', type: 'string' }, { name: 'n', type: 'integer' }]);
    const [to, n] = fields.props as [ConfigurableProp, ConfigurableProp];
    assert.equal(fields.shownError(to), undefined);
    assert.equal(fields.touch('to'), true);
    assert.equal(fields.touch('to'), false, 'touched once');
    assert.equal(fields.shownError(to)?.key, 'form.error.required');
    assert.equal(fields.shownError(n), undefined);
    fields.attempted = true;
    assert.equal(fields.shownError(n)?.key, 'form.error.required');
  });

  it('shows every prop but the hidden ones, in order', () => {
    const fields = form([{ name: 'a', type: 'string' }, { name: 'b', type: 'string', hidden: true }, { name: 'c', type: 'string' }, { name: 'd', type: 'string' }]);
    assert.deepEqual(fields.visibleProps().map((prop) => prop.name), ['a', 'c', 'd']);
  });
});

describe('form values: typed text', () => {
  it('parses integers: whole numbers only, blank is no value', () => {
    assert.deepEqual(parseInteger(' 42 '), { value: 42, error: false });
    assert.deepEqual(parseInteger('-7'), { value: -7, error: false });
    assert.deepEqual(parseInteger(''), { error: false });
    assert.deepEqual(parseInteger('1.5'), { error: true });
    assert.deepEqual(parseInteger('1e3'), { error: true });
  });

  it('keeps text that is no number as a draft with its problem, until a number replaces it', () => {
    const fields = form([{ name: 'n', type: 'integer', optional: true }]);
    fields.set('n', undefined, { raw: '1.5', error: { key: 'form.error.integer' } });
    assert.equal(fields.drafts.get('n'), '1.5');
    assert.equal(errorKey(fields, 'n'), 'form.error.integer', 'a parse problem fails an optional field too');
    assert.equal(fields.shownError(fields.props[0] as ConfigurableProp)?.key, 'form.error.integer', 'shown at once');
    fields.set('n', 3);
    assert.equal(fields.drafts.has('n'), false);
    assert.equal(errorKey(fields, 'n'), undefined);
    assert.deepEqual(fields.configuredProps(), { n: 3 });
  });

  it('checks min and max, and integers in lists', () => {
    const fields = form([
      { name: 'n', type: 'integer', min: 1, max: 10 },
      { name: 'ids', type: 'integer[]', max: 100 },
    ]);
    fields.set('n', 0);
    assert.deepEqual(fields.errorOf(fields.props[0] as ConfigurableProp), { key: 'form.error.min', params: { min: 1 } });
    fields.set('n', 11);
    assert.deepEqual(fields.errorOf(fields.props[0] as ConfigurableProp), { key: 'form.error.max', params: { max: 10 } });
    fields.set('n', 2.5);
    assert.equal(errorKey(fields, 'n'), 'form.error.integer');
    fields.set('n', '5');
    assert.equal(errorKey(fields, 'n'), 'form.error.integer', 'text is no integer');
    fields.set('n', 10);
    assert.equal(errorKey(fields, 'n'), undefined);
    fields.set('ids', [5, 500]);
    assert.equal(errorKey(fields, 'ids'), 'form.error.max');
    fields.set('ids', [5, 50]);
    assert.equal(errorKey(fields, 'ids'), undefined);
  });

  it('parses lists row by row', () => {
    assert.deepEqual(parseList(['a', ' ', ' b '], false), { value: ['a', ' b '] }, 'blank rows left out, text kept as typed');
    assert.deepEqual(parseList(['', ' '], false), {});
    assert.deepEqual(parseList(['1', '', ' 2 '], true), { value: [1, 2] });
    assert.deepEqual(parseList(['1', 'x'], true), { error: { key: 'form.error.integer' } });
  });

  it('parses JSON drafts, and a new configuration drops every draft', () => {
    assert.deepEqual(parseJson('{"a": [1, null]}'), { value: { a: [1, null] } });
    assert.deepEqual(parseJson('  '), {});
    assert.deepEqual(parseJson('false'), { value: false });
    const broken = parseJson('{"a":');
    assert.equal(broken.value, undefined);
    assert.equal(broken.error?.key, 'form.error.json');
    assert.equal(typeof broken.error?.params?.detail, 'string');

    const fields = form([{ name: 'payload', type: 'any' }]);
    fields.set('payload', broken.value, { raw: '{"a":', ...(broken.error ? { error: broken.error } : {}) });
    assert.equal(errorKey(fields, 'payload'), 'form.error.json');
    fields.replace({ payload: { a: 1 } });
    assert.equal(fields.drafts.size + fields.parseErrors.size, 0);
    assert.equal(errorKey(fields, 'payload'), undefined);
  });

  it('parses key/value rows, and a value needs its key', () => {
    assert.deepEqual(parseRows([[' a ', '1'], ['', ''], ['b', '']]), { value: { a: '1', b: '' } });
    assert.deepEqual(parseRows([['', 'orphan']]), { error: { key: 'form.error.key' } });
    assert.deepEqual(parseRows([]), {});
  });
});

describe('form values: special types', () => {
  it('takes /tmp paths and http(s) URLs as file references', () => {
    for (const good of ['/tmp/report.pdf', ' /tmp/dir/a b.csv ', 'https://example.com/x.pdf', 'http://example.com/']) assert.equal(isFileRef(good), true, good);
    for (const bad of ['/tmp/', '/tmp/../etc/passwd', 'report.pdf', 'ftp://example.com/x', '/var/x']) assert.equal(isFileRef(bad), false, bad);
    const fields = form([{ name: 'file', type: 'string', format: 'file-ref' }], { file: 'report.pdf' });
    assert.equal(errorKey(fields, 'file'), 'form.error.fileRef');
    fields.set('file', '/tmp/report.pdf');
    assert.equal(errorKey(fields, 'file'), undefined);
  });

  it('checks schedules: a cron expression of five or six fields, or a whole positive interval', () => {
    for (const good of ['0 9 * * 1-5', '*/15 * * * *', '0 0 12 ? * MON-FRI', '0 0 L * *']) assert.equal(isCron(good), true, good);
    for (const bad of ['', '* * * *', '* * * * * * *', '0 9 * * 1-5;']) assert.equal(isCron(bad), false, bad);
    const fields = form([{ name: 'timer', type: '$.interface.timer' }]);
    for (const [value, key] of [
      [{ cron: 'every day' }, 'form.error.cron'],
      [{ cron: '0 9 * * *', timezone: 'Europe/Berlin' }, undefined],
      [{ intervalSeconds: 0 }, 'form.error.interval'],
      [{ intervalSeconds: 1.5 }, 'form.error.interval'],
      [{ intervalSeconds: 900 }, undefined],
    ] as const) {
      fields.set('timer', value);
      assert.equal(errorKey(fields, 'timer'), key, JSON.stringify(value));
    }
  });

  it('checks HTTP requests and SQL queries', () => {
    const fields = form([
      { name: 'request', type: 'http_request' },
      { name: 'later', type: 'http_request', optional: true },
      { name: 'sql', type: 'sql' },
    ], { request: { method: 'GET', url: '' }, later: { method: 'GET', url: '' }, sql: { query: '  ' } });
    assert.equal(errorKey(fields, 'request'), 'form.error.url');
    assert.equal(errorKey(fields, 'later'), undefined);
    assert.equal(errorKey(fields, 'sql'), 'form.error.required');
    fields.set('request', { method: 'GET', url: 'not a url' });
    assert.equal(errorKey(fields, 'request'), 'form.error.url');
    fields.set('request', { method: 'GET', url: 'https://example.com/x' });
    fields.set('sql', { query: 'SELECT 1' });
    assert.equal(errorKey(fields, 'request'), undefined);
    assert.equal(errorKey(fields, 'sql'), undefined);
  });
});

describe('form values: defaults and what is sent', () => {
  it('gives required props their default (a copy) and required checkboxes false', () => {
    const props: ConfigurableProp[] = [
      { name: 'headers', type: 'object', default: { a: '1' } },
      { name: 'retry', type: 'boolean' },
      { name: 'notify', type: 'boolean', optional: true },
      { name: 'limit', type: 'integer', optional: true, default: 5 },
      { name: 'note', type: 'alert', default: 'x' },
      { name: 'db', type: '$.service.db', default: {} },
    ];
    const fields = form(props, { retry: true });
    fields.applyDefaults();
    assert.deepEqual(fields.values, { retry: true, headers: { a: '1' } });
    (fields.values.headers as Record<string, string>).a = 'changed';
    assert.deepEqual(props[0]?.default, { a: '1' }, 'the prop keeps its default');
    fields.replace({});
    fields.applyDefaults();
    assert.equal(fields.values.retry, false);
  });

  it('sends set values of props that take input, and values of props it does not know', () => {
    const fields = form(
      [{ name: 'text', type: 'string' }, { name: 'info', type: 'alert' }, { name: 'dir', type: 'dir' }, { name: 'gone', type: 'string', optional: true }],
      { text: 'hi', info: 'x', dir: '/tmp', saved: 1 },
    );
    fields.set('gone', undefined);
    assert.deepEqual(fields.configuredProps(), { text: 'hi', saved: 1 });
  });

  it('tells whether an edit changed the value, and when it did', () => {
    const fields = form([{ name: 'text', type: 'string' }], { text: 'a' });
    const before = fields.valueSetAt.get('text') ?? 0;
    assert.equal(fields.set('text', 'a'), false);
    assert.equal(fields.set('text', 'b'), true);
    assert.ok((fields.valueSetAt.get('text') ?? 0) >= before);
    fields.replace({ text: 'b' });
    assert.equal(fields.values.text, 'b');
  });
});

describe('form values: accounts and the fields that wait for them', () => {
  const props: ConfigurableProp[] = [
    { name: 'repo', type: 'string', remoteOptions: true, optional: true },
    { name: 'github', type: 'app', app: 'github' },
    { name: 'issue', type: 'string', remoteOptions: true },
    { name: 'labels', type: 'string[]', remoteOptions: true, optional: true },
  ];

  it('makes the remote options after a required account wait for it', () => {
    const fields = form(props);
    const [repo, github, issue, labels] = props as [ConfigurableProp, ConfigurableProp, ConfigurableProp, ConfigurableProp];
    assert.equal(fields.blocker(), github);
    assert.equal(fields.waitingFor(issue), github);
    assert.equal(fields.waitingFor(labels), github);
    assert.equal(fields.waitingFor(repo), undefined, 'options before the account do not wait');
    assert.equal(errorKey(fields, 'github'), 'form.error.account');
    fields.set('github', { authProvisionId: 'apn_1' });
    assert.equal(fields.blocker(), issue, 'next, the required options');
    assert.equal(fields.waitingFor(labels), issue);
    fields.set('github', 'apn_1');
    assert.equal(errorKey(fields, 'github'), 'form.error.account', 'an account is {authProvisionId}');
  });

  it('clears the remote values after an account that changes', () => {
    const fields = form(props, { repo: 'a/b', github: { authProvisionId: 'apn_1' }, issue: '12', labels: ['bug'] });
    fields.set('github', { authProvisionId: 'apn_2' });
    assert.deepEqual(fields.values, { repo: 'a/b', github: { authProvisionId: 'apn_2' } });
  });

  it('treats a gone account as no account, and says so at once', () => {
    const fields = form(props, { github: { authProvisionId: 'apn_1' }, issue: '12' }, { github: 'Octo' });
    const github = props[1] as ConfigurableProp;
    assert.equal(fields.blocker(), github);
    assert.equal(fields.shownError(github)?.key, 'form.error.accountGone');
  });
});

describe('wire: label-values', () => {
  it('unwraps and stores `withLabel` values', () => {
    assert.equal(unwrap({ __lv: { label: 'General', value: 'C1' } }), 'C1');
    assert.deepEqual(unwrap({ __lv: [{ label: 'A', value: 1 }, 'b'] }), [1, 'b']);
    assert.deepEqual(unwrap(['x']), ['x']);
    assert.deepEqual(toOption({ lv: { label: 'L', value: 2 } }), { label: 'L', value: 2 });
    assert.deepEqual(toOption(3), { label: '3', value: 3 });
    assert.deepEqual(selectedOptions({ __lv: { label: 'L', value: 'v' } }), [{ label: 'L', value: 'v' }]);
    assert.deepEqual(selectedOptions(''), []);
    const option = { label: 'General', value: 'C1' };
    assert.deepEqual(storeOption({ withLabel: true }, option), { __lv: option });
    assert.equal(storeOption({}, option), 'C1');
    assert.deepEqual(storeOptions({ withLabel: true }, [option]), { __lv: [option] });
    assert.deepEqual(storeOptions({}, [option]), ['C1']);
  });
});
