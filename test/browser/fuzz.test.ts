import { expect } from '@open-wc/testing';
import '../../src/elements/account-list/pd-account-list.js';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/app-select/pd-app-select.js';
import '../../src/elements/component-select/pd-component-select.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import { getSession, sessionConfig } from '../../src/session/session.js';
import { admin, env, seedAccount, takeUncaughtErrors, takeUnhandledRejections, tokenFor, uniqueUser, waitFor } from '../support/browser-env.js';
import { addOptional, control, q } from '../support/shadow-queries.js';

/**
 * Bad data from the API is shown as text or skipped, never a crash. Each answer an element reads
 * is fetched for real from the emulator, then served back through a fault rule with one field at
 * a time replaced by a value of a wrong type, and once per type with every leaf wrong at once.
 * The element that reads it must not throw, must not show "[object Object]", "undefined" or
 * "NaN", and must leave its loading state (showing data or an error).
 *
 * Fields are every value of the answer: the answer itself, its objects and lists, and their
 * leaves. Large answers are sampled evenly, plus every prop `default` (values of any type).
 */

type Json = unknown;
type Path = (string | number)[];
type Pd = HTMLElement & { updateComplete: Promise<unknown>; token?: { token: string } };

const WRONG: [string, Json][] = [
  ['a number', 42],
  ['an object', { x: 1 }],
  ['an array', [1, 'two']],
  ['null', null],
  ['true', true],
  ['a 5,000-character string', 'x'.repeat(5000)],
];
const BAD_TEXT = ['[object Object]', 'undefined', 'NaN'];

// ------------------------------------------------------------------------------- answers and variants

const isContainer = (value: Json): value is Record<string, Json> | Json[] => typeof value === 'object' && value !== null;
const entries = (value: Record<string, Json> | Json[]): [string | number, Json][] => (Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value));

/** Every value of an answer, in document order: the answer itself, its objects and lists, their leaves. */
function nodes(value: Json, at: Path = []): Path[] {
  return [at, ...(isContainer(value) ? entries(value).flatMap(([key, child]) => nodes(child, [...at, key])) : [])];
}

function replaced(value: Json, path: Path, replacement: Json): Json {
  if (!path.length) return structuredClone(replacement);
  const copy = structuredClone(value) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = structuredClone(replacement);
  return copy;
}

function everyLeaf(value: Json, replacement: Json): Json {
  if (!isContainer(value)) return structuredClone(replacement);
  if (Array.isArray(value)) return value.map((item) => everyLeaf(item, replacement));
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, everyLeaf(child, replacement)]));
}

/** At most `max` items, spread evenly over the list. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, index) => items[Math.floor((index * items.length) / max)] as T);
}

const isDefault = (path: Path) => path[path.length - 1] === 'default';

interface Variant {
  label: string;
  body: Json;
}

interface Cases {
  variants: Variant[];
  fields: number;
}

/** `max` fields (all when fewer, plus every prop default) each replaced by each wrong type, then every leaf wrong at once, per type. */
function variantsOf(answer: Json, max = Infinity): Cases {
  const all = nodes(answer);
  const sampled = new Set(spread(all, max));
  const paths = all.filter((path) => sampled.has(path) || isDefault(path));
  const variants: Variant[] = [];
  for (const path of paths) {
    for (const [name, value] of WRONG) variants.push({ label: `${path.length ? path.join('.') : '(the answer)'} = ${name}`, body: replaced(answer, path, value) });
  }
  for (const [name, value] of WRONG) variants.push({ label: `every leaf = ${name}`, body: everyLeaf(answer, value) });
  return { variants, fields: paths.length };
}

// ------------------------------------------------------------------------------- the emulator

async function api(user: string, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${env.emulatorUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

/** From now on, `method path` answers `body` (an object as JSON, a string as it is). */
async function serve(method: string, path: string, body: Json): Promise<void> {
  await admin('/faults', 'DELETE');
  await admin('/faults', 'POST', { rules: [{ method, path, body }] });
}

// ------------------------------------------------------------------------------- mounting and checking

const stage = document.createElement('div');
const tokens = new Map<string, Promise<string>>();
let mounts = 0;

/** Errors of failed renders (Lit rejects `updateComplete` with them). */
const renderErrors = new Set<unknown>();
/** The element's pending render, done or failed. */
const rendered = (el: Pd) => el.updateComplete.then(() => undefined, (error: unknown) => void renderErrors.add(error));

/**
 * Mounts an element for `user` with a static token object of its own: a session of its own (no
 * cache answers in place of the fault), and no token request per mount.
 */
async function mount<T extends Pd>(tag: string, user: string, attributes: Record<string, string> = {}): Promise<T> {
  if (!tokens.has(user)) tokens.set(user, tokenFor(user));
  const el = document.createElement(tag) as T;
  el.token = { token: await (tokens.get(user) as Promise<string>) };
  for (const [name, value] of Object.entries({ 'external-user-id': user, 'base-url': env.emulatorUrl, 'frontend-host': env.emulatorUrl, ...attributes })) el.setAttribute(name, value);
  mounts++;
  stage.append(el);
  await rendered(el);
  return el;
}

/** Opens a combobox select the way a click does, so that it loads its first page. */
async function opened<T extends Pd>(el: T): Promise<T> {
  const input = q<HTMLInputElement>(el, 'input');
  input?.focus();
  input?.click();
  await rendered(el);
  return el;
}

/** Waiting for data: the element's loading states, a spinner, or anything busy. */
const busy = (el: Pd) =>
  el.matches(':state(loading)') || el.matches(':state(list-loading)') || el.matches(':state(running)') || q(el, '.pd-spinner, [aria-busy="true"]') !== null;

/** Whether the element left its loading state within 4 s (polled often: thousands of mounts wait here). */
async function settled(el: Pd): Promise<boolean> {
  const until = performance.now() + 4000;
  while (busy(el)) {
    if (performance.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

/** What the element shows: its text (not its styles), its controls' values, and the texts of their attributes. */
function shown(el: Pd): string {
  const root = el.shadowRoot as ShadowRoot;
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('style')) parts.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) parts.push(element.value);
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

const failedState = (el: Pd) => el.matches(':state(error)') || el.matches(':state(list-error)') || q(el, '[role="alert"], [part~="run-error"]') !== null;

const describeError = (error: unknown) =>
  error instanceof Error
    ? `${error.name}: ${error.message} @ ${(error.stack ?? '').split('\n').slice(1, 4).map((line) => line.trim().replace(`${location.origin}/`, '')).join(' < ')}`
    : String(error);

/** What the cases of one answer found. */
interface Findings {
  problems: string[];
  /** Cases where the element settled on an error rather than data. */
  errors: number;
}

/** Waits for the element to settle, then records what went wrong under the case's label. */
async function check(el: Pd, label: string, findings: Findings): Promise<void> {
  const { problems } = findings;
  if (!(await settled(el))) problems.push(`${label}: still loading: "${shown(el).replace(/\s+/g, ' ').trim().slice(0, 160)}"`);
  await rendered(el);
  const errors = new Set([...renderErrors, ...takeUncaughtErrors(), ...takeUnhandledRejections()]);
  renderErrors.clear();
  for (const error of errors) problems.push(`${label}: uncaught ${describeError(error)}`);
  const text = shown(el);
  for (const bad of BAD_TEXT) {
    const at = text.indexOf(bad);
    if (at >= 0) problems.push(`${label}: shows "${bad}" in "…${text.slice(Math.max(0, at - 60), at + 40).replace(/\s+/g, ' ')}…"`);
  }
  if (failedState(el)) findings.errors++;
}

/** Mounts one element per case (`open` makes it read the answer), checks it, removes it. */
async function fuzz(what: string, method: string, path: string, cases: Cases, open: () => Promise<Pd>, findings: Findings = { problems: [], errors: 0 }): Promise<Findings> {
  for (const variant of cases.variants) {
    await serve(method, path, variant.body);
    const el = await open();
    await check(el, `${what}: ${variant.label}`, findings);
    el.remove();
  }
  await admin('/faults', 'DELETE');
  return findings;
}

/**
 * Problems inside elements that no reader can prevent (readers keep values, such as a prop's
 * default, as they came), reported and not fixed yet. Each must still happen: once the element is
 * fixed, its entry fails here and goes.
 */
const KNOWN: { problem: string; why: string }[] = [];

/** What each answer's cases covered, printed at the end. */
const summary: string[] = [];
const started = performance.now();
let sectionStart = started;

/** `what` names the fuzz runs of the test, comma-separated. */
function expectNone(what: string, cases: Cases[], findings: Findings) {
  const runs = what.split(', ');
  const known = KNOWN.filter((entry) => runs.includes(entry.problem.split(':')[0] as string));
  const isKnown = (problem: string) => known.some((entry) => problem.startsWith(entry.problem));
  const gone = known.filter((entry) => !findings.problems.some((problem) => problem.startsWith(entry.problem))).map((entry) => `no longer happens, remove it from KNOWN: ${entry.problem}`);
  const problems = [...findings.problems.filter((problem) => !isKnown(problem)), ...gone];
  const count = cases.reduce((sum, item) => sum + item.variants.length, 0);
  const fields = cases.map((item) => item.fields).join(' + ');
  const seconds = ((performance.now() - sectionStart) / 1000).toFixed(1);
  summary.push(
    `${what}: ${fields} fields × ${WRONG.length} types + ${WRONG.length * cases.length} all-wrong = ${count} cases (${findings.errors} settled on an error), ${seconds} s${known.map((entry) => `\n  known element problem: ${entry.why}`).join('')}`,
  );
  expect(problems, problems.slice(0, 30).join('\n')).to.deep.equal([]);
}

// The SDK warns about every answer it cannot validate; these tests send thousands on purpose.
const warn = console.warn;
const onerror = window.onerror;
before(() => {
  document.body.append(stage);
  // Mocha fails the running test on the first uncaught error while its loop goes on behind the
  // next test: each error belongs to the case that caused it, and is reported under its label.
  window.onerror = () => true;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Failed to validate.')) return;
    warn.apply(console, args);
  };
});
after(() => {
  window.onerror = onerror;
  console.warn = warn;
  stage.remove();
  console.log(`fuzz: ${mounts} mounts in ${Math.round((performance.now() - started) / 1000)} s\n${summary.join('\n')}`);
});
beforeEach(() => {
  sectionStart = performance.now();
});
afterEach(async () => {
  await admin('/faults', 'DELETE');
});

describe('bad data from the API is shown as text or skipped, never a crash', function () {
  this.timeout(60_000);
  // One user for every case: each mount still gets a session of its own.
  const user = uniqueUser('fuzz');

  it('accounts (GET /v1/connect/accounts) in <pd-account-list>: every field', async () => {
    await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
    const answer = await api(user, 'GET', `/v1/connect/accounts?external_user_id=${encodeURIComponent(user)}&limit=100`);
    expect((answer as { data: unknown[] }).data.length).to.equal(1);
    const cases = variantsOf(answer);
    expectNone('accounts', [cases], await fuzz('accounts', 'GET', '/v1/connect/accounts', cases, () => mount('pd-account-list', user)));
  });

  it('apps (GET /v1/connect/apps) in an open <pd-app-select>: every field', async () => {
    const answer = await api(user, 'GET', '/v1/connect/apps?limit=1&sort_key=featured_weight&sort_direction=desc');
    const cases = variantsOf(answer);
    expectNone('apps', [cases], await fuzz('apps', 'GET', '/v1/connect/apps', cases, async () => opened(await mount('pd-app-select', user))));
  });

  it('an app (GET /v1/connect/apps/{slug}) in <pd-connect-button>: every field', async () => {
    const answer = await api(user, 'GET', '/v1/connect/apps/slack');
    const cases = variantsOf(answer);
    const findings = await fuzz('app', 'GET', '/v1/connect/apps/slack', cases, async () => {
      const el = await mount('pd-connect-button', user, { app: 'slack' });
      // The button looks the app up through its session: once that answer is in, whatever it is, the button has it.
      await getSession(sessionConfig({ externalUserId: user, token: el.token, baseUrl: env.emulatorUrl })).app('slack').catch(() => undefined);
      await rendered(el);
      return el;
    });
    expectNone('app', [cases], findings);
  });

  it('components (GET /v1/connect/components and /actions) in an open <pd-component-select>', async () => {
    const all = variantsOf(await api(user, 'GET', '/v1/connect/components?app=slack&limit=2'), 40);
    const findings = await fuzz('components', 'GET', '/v1/connect/components', all, async () => opened(await mount('pd-component-select', user, { app: 'slack' })));
    const actions = variantsOf(await api(user, 'GET', '/v1/connect/actions?app=slack&limit=1'), 12);
    await fuzz('actions', 'GET', '/v1/connect/actions', actions, async () => opened(await mount('pd-component-select', user, { app: 'slack', type: 'action' })), findings);
    expectNone('components, actions', [all, actions], findings);
  });

  it('a component (GET /v1/connect/components/{key}) in <pd-action-form>, and every prop default', async () => {
    const key = 'stripe-create-invoice';
    const stripe = variantsOf(await api(user, 'GET', `/v1/connect/components/${key}`), 40);
    const findings = await fuzz('component', 'GET', `/v1/connect/components/${key}`, stripe, () => mount('pd-action-form', user, { 'component-key': key }));
    // Defaults of text, object and option props, in a component without an account to wait for.
    const other = 'pipedream_utils-injection-test';
    const defaults = variantsOf(await api(user, 'GET', `/v1/connect/components/${other}`), 0);
    await fuzz('defaults', 'GET', `/v1/connect/components/${other}`, defaults, () => mount('pd-action-form', user, { 'component-key': other }), findings);
    expectNone('component, defaults', [stripe, defaults], findings);
  });

  it('remote options (POST /v1/connect/components/configure) in an open remote-options field', async () => {
    const key = 'pipedream_utils-injection-test';
    const answer = await api(user, 'POST', '/v1/connect/components/configure', { id: key, external_user_id: user, prop_name: 'remoteChoice', configured_props: {}, page: 0 });
    const cases = variantsOf(answer, 40);
    const findings = await fuzz('options', 'POST', '/v1/connect/components/configure', cases, async () => {
      const el = await mount('pd-action-form', user, { 'component-key': key });
      await waitFor(() => control(el, 'remoteChoice') || q(el, '[part~="optional-toggle"][data-name="remoteChoice"]'), 5000, 'the remote-options field');
      await addOptional(el, 'remoteChoice');
      const input = control(el, 'remoteChoice') as HTMLInputElement;
      input.focus();
      input.click();
      await rendered(el);
      return el;
    });
    expectNone('options', [cases], findings);
  });

  it('dynamic props (POST /v1/connect/components/props) in <pd-action-form>', async () => {
    const key = 'sendgrid-send-email-single-recipient';
    const configured = { useTemplate: true };
    const answer = await api(user, 'POST', '/v1/connect/components/props', { id: key, external_user_id: user, configured_props: configured });
    const cases = variantsOf(answer, 30);
    const findings = await fuzz('props', 'POST', '/v1/connect/components/props', cases, async () => {
      // A saved value of a `reloadProps` prop: the form asks for its props as it loads.
      const el = await mount('pd-action-form', user, { 'component-key': key, 'configured-props': JSON.stringify(configured) });
      await waitFor(() => el.matches(':state(ready)') || el.matches(':state(error)'), 5000, 'the form');
      await rendered(el);
      return el;
    });
    expectNone('props', [cases], findings);
  });

  it('a run (POST /v1/connect/actions/run) in <pd-action-form>', async () => {
    const key = 'pipedream_utils-inspect-value';
    const configured = { value: { answer: 42 } };
    const answer = await api(user, 'POST', '/v1/connect/actions/run', { id: key, external_user_id: user, configured_props: configured });
    const cases = variantsOf(answer, 40);
    // One form runs every case, like a user clicking Run again and again.
    const el = await mount('pd-action-form', user, { 'component-key': key, 'configured-props': JSON.stringify(configured) });
    await waitFor(() => el.matches(':state(ready)'), 5000, 'the form');
    const findings: Findings = { problems: [], errors: 0 };
    for (const variant of cases.variants) {
      await serve('POST', '/v1/connect/actions/run', variant.body);
      q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
      await rendered(el);
      await check(el, `run: ${variant.label}`, findings);
    }
    el.remove();
    expectNone('run', [cases], findings);
  });

  it('deployed triggers (GET /v1/connect/deployed-triggers) in the list of <pd-trigger-form>', async () => {
    const key = 'rss-new-item-in-feed';
    await api(user, 'POST', '/v1/connect/triggers/deploy', {
      id: key,
      external_user_id: user,
      configured_props: { url: 'https://example.com/feed.xml', timer: { intervalSeconds: 900 } },
      webhook_url: `${location.origin}/api/webhook-sink/${user}`,
    });
    const cases = variantsOf(await api(user, 'GET', `/v1/connect/deployed-triggers?external_user_id=${encodeURIComponent(user)}`), 40);
    expectNone('triggers', [cases], await fuzz('triggers', 'GET', '/v1/connect/deployed-triggers', cases, () => mount('pd-trigger-form', user, { 'component-key': key, list: 'all' })));
  });
});
