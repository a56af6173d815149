import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdTriggerForm } from '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdDeployErrorEvent, PdDeploySuccessEvent, PdErrorEvent, PdSubmitEvent, PdTriggerDeleteEvent } from '../../src/events/index.js';
import { admin, env, requestsFor, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';
import { addOptional, field, q, qa, root, text } from '../support/shadow-queries.js';

interface FormOptions {
  theme?: string;
  locale?: string;
  props?: string;
  webhookUrl?: string;
  list?: string;
}

function mount(user: string, key: string, options: FormOptions = {}) {
  return fixture<PdTriggerForm>(html`<pd-trigger-form
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    frontend-host=${env.emulatorUrl}
    component-key=${key}
    webhook-url=${ifDefined(options.webhookUrl)}
    theme=${ifDefined(options.theme)}
    locale=${ifDefined(options.locale)}
    list=${ifDefined(options.list)}
    configured-props=${ifDefined(options.props)}
  ></pd-trigger-form>`);
}

const has = (el: PdTriggerForm, selector: string) => q(el, selector) !== null;
/** The deployed-trigger list the form embeds, and queries into it. */
const list = (el: PdTriggerForm) => q(el, 'pd-deployed-triggers') as HTMLElement;
const lq = <T extends Element = HTMLElement>(el: PdTriggerForm, selector: string) => q<T>(list(el), selector);
const listedIds = (el: PdTriggerForm) => (list(el) ? qa(list(el), '[part~="trigger"]').map((node) => node.dataset.id ?? '') : []);
const sinkPath = (user: string) => `/api/webhook-sink/${encodeURIComponent(user)}`;
const seed = (user: string, app: string) => seedAccount(user, app, { name: 'Acme Workspace', environment: 'development' });

async function ready(el: PdTriggerForm) {
  await waitFor(() => has(el, 'form[part="form"]'), 8000, 'the form');
  await el.updateComplete;
}

/** Waits for the account select to list the seeded account and picks it. */
async function pickAccount(el: PdTriggerForm, name: string, accountId: string) {
  await waitFor(() => (field(el, name)?.querySelector('select')?.options.length ?? 0) > 1, 5000, 'accounts');
  const select = field(el, name)?.querySelector('select') as HTMLSelectElement;
  select.value = accountId;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function submit(el: PdTriggerForm) {
  q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
  await el.updateComplete;
}

async function listReady(el: PdTriggerForm) {
  await waitFor(() => list(el)?.matches(':state(ready), :state(empty), :state(error)') && !el.matches(':state(list-loading)'), 8000, 'the deployed-trigger list');
  await el.updateComplete;
}

/** The user's deployed triggers as the emulator has them, through the Connect API with the user's token. */
async function deployedAtEmulator(user: string): Promise<string[]> {
  const tokenResponse = await fetch('/api/connect-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ external_user_id: user }) });
  const { token } = (await tokenResponse.json()) as { token: string };
  const response = await fetch(`${env.emulatorUrl}/v1/connect/deployed-triggers?external_user_id=${encodeURIComponent(user)}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((trigger) => trigger.id);
}

interface SinkEvent {
  headers: Record<string, string>;
  body: unknown;
}

/** Polls the test server's webhook sink until the emulator's delivery arrived. */
async function sinkEvents(user: string, timeout = 8000): Promise<SinkEvent[]> {
  const started = Date.now();
  for (;;) {
    const sink = (await (await fetch(sinkPath(user))).json()) as { data: SinkEvent[] };
    if (sink.data.length) return sink.data;
    if (Date.now() - started > timeout) throw new Error('Timed out waiting for a webhook delivery');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function deploySlack(user: string) {
  const account = await seed(user, 'slack');
  const el = await mount(user, 'slack-new-message-in-channels', { webhookUrl: `${location.origin}${sinkPath(user)}` });
  await ready(el);
  await pickAccount(el, 'slack', account.id);
  return el;
}

afterEach(async () => {
  await admin('/faults', 'DELETE');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

describe('pd-trigger-form', () => {
  it('deploys with the webhook URL: the sample event reaches it, pd-deploy-success carries the trigger, the list shows it', async () => {
    const user = uniqueUser();
    const el = await deploySlack(user);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(text(q(el, '[part~="submit-button"]'))).to.equal('Deploy trigger');
    await listReady(el);
    expect(el.matches(':state(list-empty)')).to.equal(true);
    expect(text(lq(el, '[part="empty"]'))).to.contain('No triggers deployed yet');
    await expect(el).to.be.accessible();

    const submits: PdSubmitEvent[] = [];
    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-submit', (event) => submits.push(event));
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    expect(el.matches(':state(deploying)')).to.equal(true);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    await el.updateComplete;
    expect(submits.length).to.equal(1);
    expect(submits[0]?.cancelable).to.equal(true);
    const trigger = successes[0]?.trigger as { id: string; name: string; active: boolean; createdAt: number; componentKey: string };
    expect(trigger.id).to.match(/^dc_/);
    expect(trigger.componentKey).to.equal('slack-new-message-in-channels');
    expect(trigger.active).to.equal(true);
    expect(el.matches(':state(deployed)')).to.equal(true);
    const details = text(q(el, '[part="deployed-details"]'));
    expect(details).to.contain(trigger.id);
    expect(details).to.contain(trigger.name);
    expect(details).to.contain('Active');
    expect(details).to.contain(sinkPath(user));

    const deploys = await requestsFor(user, '/v1/connect/triggers/deploy');
    expect(deploys.length).to.equal(1);

    // The emulator POSTs the sample event to the webhook URL.
    const events = await sinkEvents(user);
    expect(events.length).to.be.greaterThan(0);
    expect(events[0]?.headers['x-pd-emitter-id']).to.equal(trigger.id);
    expect((events[0]?.body as { type?: string }).type).to.equal('message');

    // The list refetches through the shared query cache and shows the new trigger.
    await waitFor(() => listedIds(el).includes(trigger.id), 8000, 'the trigger in the list');
    expect(el.matches(':state(list-empty)')).to.equal(false);
    expect(text(lq(el, `[part~="trigger"][data-id="${trigger.id}"]`))).to.contain('Active');
    await expect(el).to.be.accessible();
  });

  it('deletes a deployed trigger after an inline confirmation, at the emulator too', async () => {
    const user = uniqueUser();
    const el = await deploySlack(user);
    const successes: PdDeploySuccessEvent[] = [];
    const deletes: PdTriggerDeleteEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    el.addEventListener('pd-trigger-delete', (event) => deletes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    const id = successes[0]?.trigger.id as string;
    await waitFor(() => listedIds(el).includes(id), 8000, 'the trigger in the list');
    expect(await deployedAtEmulator(user)).to.deep.equal([id]);

    const deleteButton = lq<HTMLButtonElement>(el, `[part~="trigger"][data-id="${id}"] [part~="delete-button"]`) as HTMLButtonElement;
    expect(deleteButton.getAttribute('aria-label')).to.contain(id);
    deleteButton.click();
    await waitFor(() => el.matches(':state(confirming)'), 2000, 'the confirmation');
    await el.updateComplete;
    expect(deleteButton.getAttribute('aria-expanded')).to.equal('true');
    expect(text(lq(el, '[part="confirm"]'))).to.contain('Delete New Message In Channels');
    expect((root(list(el)).activeElement as HTMLElement | null)?.getAttribute('part')).to.equal('confirm-button');
    await expect(el).to.be.accessible();

    // Cancel first: nothing is deleted.
    lq<HTMLButtonElement>(el, '[part="cancel-button"]')?.click();
    await waitFor(() => lq(el, '[part="confirm"]') === null, 2000, 'the confirmation to close');
    expect((await requestsFor(user, '/deployed-triggers/')).filter((entry) => entry.method === 'DELETE').length).to.equal(0);

    deleteButton.click();
    await waitFor(() => lq(el, '[part="confirm-button"]'), 2000, 'the confirmation');
    lq<HTMLButtonElement>(el, '[part="confirm-button"]')?.click();
    await waitFor(() => deletes.length === 1, 8000, 'pd-trigger-delete');
    await el.updateComplete;
    expect(deletes[0]?.trigger.id).to.equal(id);
    expect(listedIds(el).includes(id)).to.equal(false);
    expect(await deployedAtEmulator(user)).to.deep.equal([]);
    await waitFor(() => el.matches(':state(list-empty)'), 8000, 'the empty list');
    expect(has(el, '[part="deployed"]')).to.equal(false);
  });

  it('does not deploy when pd-submit is cancelled', async () => {
    const user = uniqueUser();
    const el = await deploySlack(user);
    const submits: PdSubmitEvent[] = [];
    el.addEventListener('pd-submit', (event) => {
      submits.push(event);
      event.preventDefault();
    });
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(submits.length).to.equal(1);
    expect(el.matches(':state(deploying)')).to.equal(false);
    expect(has(el, '[part="deployed"]')).to.equal(false);
    expect((await requestsFor(user, '/v1/connect/triggers/deploy')).length).to.equal(0);
  });

  it('configures a timer trigger with an interval and deploys it', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'rss-new-item-in-feed', { webhookUrl: `${location.origin}${sinkPath(user)}` });
    await ready(el);
    const timer = field(el, 'timer') as HTMLElement;
    expect(timer.querySelectorAll('input[type="radio"]').length).to.equal(2);
    const url = field(el, 'url')?.querySelector('input') as HTMLInputElement;
    url.value = 'https://hnrss.org/frontpage';
    url.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const amount = timer.querySelector<HTMLInputElement>('input[type="number"], input[inputmode="numeric"]') as HTMLInputElement;
    amount.value = '30';
    amount.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const units = timer.querySelector('select') as HTMLSelectElement;
    units.value = 'minutes';
    units.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.configuredProps.timer).to.deep.equal({ intervalSeconds: 1800 });
    await expect(el).to.be.accessible();
    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    expect(successes[0]?.configuredProps.timer).to.deep.equal({ intervalSeconds: 1800 });
    const configured = (successes[0]?.trigger as { configuredProps?: Record<string, unknown> }).configuredProps;
    expect(configured?.timer).to.deep.equal({ intervalSeconds: 1800 });
    // RSS needs no account: its app field asked for none, and nothing was sent for it.
    expect(field(el, 'rss')?.querySelector('select')).to.equal(null);
    expect(successes[0]?.configuredProps).not.to.have.property('rss');
  });

  it('blocks the deploy while a required prop is missing', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'rss-new-item-in-feed', { webhookUrl: `${location.origin}${sinkPath(user)}` });
    await ready(el);
    await submit(el);
    await el.updateComplete;
    expect(el.matches(':state(invalid)')).to.equal(true);
    expect(text(q(el, '[part="error-summary"]'))).to.contain('Feed URL');
    expect(text(q(el, '[part="error-summary"]'))).to.contain('before deploying');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await requestsFor(user, '/v1/connect/triggers/deploy')).length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a deploy error inline and fires pd-deploy-error', async () => {
    const user = uniqueUser();
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/triggers/deploy', status: 400, body: { error: 'bad config' }, times: 1 }] });
    const el = await deploySlack(user);
    const errors: PdDeployErrorEvent[] = [];
    el.addEventListener('pd-deploy-error', (event) => errors.push(event));
    await submit(el);
    await waitFor(() => errors.length === 1, 8000, 'deploy error');
    await el.updateComplete;
    expect(errors[0]?.message).to.contain('bad config');
    expect(el.matches(':state(deploy-error)')).to.equal(true);
    expect(q(el, '[part="deploy-error"]')?.getAttribute('role')).to.equal('alert');
    expect(text(q(el, '[part="deploy-error"]'))).to.contain('bad config');
    await expect(el).to.be.accessible();
  });

  it('shows a list error with retry, lists every component with list="all", and dark theme is accessible', async () => {
    const user = uniqueUser();
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/deployed-triggers', status: 400, body: { error: 'list down' }, times: 1 }] });
    const codes: string[] = [];
    const listen = (event: Event) => codes.push((event as PdErrorEvent).code);
    document.addEventListener('pd-error', listen);
    const el = await mount(user, 'rss-new-item-in-feed', { theme: 'dark', list: 'all' });
    await ready(el);
    await waitFor(() => el.matches(':state(list-error)'), 8000, 'the list error');
    document.removeEventListener('pd-error', listen);
    // The embedded list's failure reaches the page once, as the form's own `list_failed`.
    expect(codes).to.deep.equal(['list_failed']);
    await el.updateComplete;
    expect(text(lq(el, '[part="error"]'))).to.contain('Could not load the deployed triggers');
    expect(el.matches(':state(theme-dark)')).to.equal(true);
    await expect(el).to.be.accessible();
    await admin('/faults', 'DELETE');
    lq<HTMLButtonElement>(el, '[part="retry-button"]')?.click();
    await waitFor(() => el.matches(':state(list-empty)'), 8000, 'the empty list after retry');
    await expect(el).to.be.accessible();
  });

  it('keeps the trigger\'s English name left to right in an Arabic form: header, deployed details and the list', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'rss-new-item-in-feed', { locale: 'ar', props: JSON.stringify({ url: 'https://hnrss.org/frontpage' }) });
    await ready(el);
    expect(getComputedStyle(q(el, '[part="base"]') as HTMLElement).direction).to.equal('rtl');
    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    const trigger = successes[0]?.trigger as { id: string; name: string };
    await waitFor(() => listedIds(el).includes(trigger.id), 8000, 'the trigger in the list');
    await el.updateComplete;
    // The element holding the name's text decides its direction.
    const holder = (scope: Element | null, value: string) => [...(scope?.querySelectorAll('*') ?? [])].find((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim() === value)) as HTMLElement;
    for (const [what, scope, value] of [
      ['header', q(el, '[part="header"]'), 'New Item in Feed'],
      ['deployed details', q(el, '[part="deployed-details"]'), trigger.name],
      ['list', lq(el, `[part~="trigger"][data-id="${trigger.id}"]`), trigger.name],
    ] as const) {
      const node = holder(scope, value);
      expect(node, what).to.not.equal(undefined);
      expect(getComputedStyle(node).direction, what).to.equal('ltr');
    }
    await expect(el).to.be.accessible();
  });

  it('keeps the interval row of a timer inside a 320 px screen\'s column', async () => {
    const user = uniqueUser();
    // A 320 px screen less the page's padding on each side, as in the stories.
    const column = await fixture<HTMLDivElement>(html`<div style="width: 272px"><pd-trigger-form
      external-user-id=${user}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      component-key="rss-new-item-in-feed"
    ></pd-trigger-form></div>`);
    const el = column.querySelector('pd-trigger-form') as PdTriggerForm;
    await ready(el);
    const timer = field(el, 'timer') as HTMLElement;
    const bounds = timer.getBoundingClientRect();
    const row = (timer.querySelector('input[type="number"]') as HTMLElement).parentElement as HTMLElement;
    const outside = [row, ...row.children].filter((node) => node.getBoundingClientRect().right > bounds.right + 0.5 || node.getBoundingClientRect().left < bounds.left - 0.5);
    expect(outside.map((node) => node.tagName)).to.deep.equal([]);
    expect(row.scrollWidth).to.be.at.most(row.clientWidth);
    // Wide enough for both, the amount and the unit share one line.
    const [amount, unit] = [...row.children].map((node) => node.getBoundingClientRect());
    expect(Math.round(amount?.top ?? 0)).to.equal(Math.round(unit?.top ?? -1));
  });

  it('reports a missing component-key and translates its texts', async () => {
    const user = uniqueUser();
    const el = await fixture<PdTriggerForm>(html`<pd-trigger-form external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-trigger-form>`);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(text(q(el, '[part="error"]'))).to.contain('slack-new-message-in-channels');
    const de = await mount(user, 'rss-new-item-in-feed', { locale: 'de' });
    await ready(de);
    expect(text(q(de, '[part~="submit-button"]'))).to.equal('Trigger bereitstellen');
    const ar = await mount(user, 'rss-new-item-in-feed', { locale: 'ar' });
    await ready(ar);
    expect(q(ar, '[part="base"]')?.getAttribute('dir')).to.equal('rtl');
    expect(text(q(ar, '[part~="submit-button"]'))).to.equal('نشر المشغّل');
  });

  it('schedules a timer with a cron expression in a time zone (the user\'s by default) and deploys {cron, timezone}', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'rss-new-item-in-feed', { webhookUrl: `${location.origin}${sinkPath(user)}` });
    await ready(el);
    const url = field(el, 'url')?.querySelector('input') as HTMLInputElement;
    url.focus();
    await sendKeys({ type: 'https://hnrss.org/frontpage' });
    expect(el.configuredProps.timer).to.deep.equal({ intervalSeconds: 900 });
    const timer = field(el, 'timer') as HTMLElement;
    // Keyboard: the radio group moves with the arrow keys.
    (timer.querySelector('input[type="radio"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(el.configuredProps.timer).to.deep.equal({ cron: '0 9 * * *', timezone: userZone });
    const zone = timer.querySelector<HTMLSelectElement>('select[part~="timezone"]') as HTMLSelectElement;
    expect(zone.value).to.equal(userZone);
    expect(zone.options.length).to.be.greaterThan(300);
    expect([...zone.options].some((option) => option.value === 'Asia/Tokyo' && option.textContent?.includes('GMT+9'))).to.equal(true);
    expect(zone.labels?.[0]?.textContent?.trim()).to.equal('Time zone');
    await expect(el).to.be.accessible();

    const cron = timer.querySelector<HTMLInputElement>('input[part~="cron"]') as HTMLInputElement;
    cron.focus();
    cron.select();
    await sendKeys({ type: 'every morning' });
    cron.blur();
    await el.updateComplete;
    expect(cron.getAttribute('aria-invalid')).to.equal('true');
    expect(text(timer)).to.contain('five fields');
    await expect(el).to.be.accessible();
    cron.focus();
    cron.select();
    await sendKeys({ type: '30 8 * * 1-5' });
    zone.value = 'Asia/Tokyo';
    zone.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(cron.getAttribute('aria-invalid')).to.equal('false');
    expect(el.configuredProps.timer).to.deep.equal({ cron: '30 8 * * 1-5', timezone: 'Asia/Tokyo' });

    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    const configured = (successes[0]?.trigger as { configuredProps?: Record<string, unknown> }).configuredProps;
    expect(configured?.timer).to.deep.equal({ cron: '30 8 * * 1-5', timezone: 'Asia/Tokyo' });
  });

  it('shows a timer with a static schedule as what it is, and sends nothing for it', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'gmail');
    const el = await mount(user, 'gmail-new-email-received', { props: JSON.stringify({ gmail: { authProvisionId: account.id } }) });
    await ready(el);
    const note = q(el, '[part~="note"][data-type="$.interface.timer"]');
    expect(text(note)).to.contain('Runs on a fixed schedule (every 1 minute)');
    expect(field(el, 'timer') === null).to.equal(true);
    expect('timer' in el.configuredProps).to.equal(false);
    const de = await mount(user, 'gmail-new-email-received', { locale: 'de' });
    await ready(de);
    expect(text(q(de, '[part~="note"][data-type="$.interface.timer"]'))).to.contain('im Abstand von 1 Minute');
  });

  it('adds typed channel ids to a string[] remote field and deploys with them', async () => {
    const user = uniqueUser();
    const el = await deploySlack(user);
    await addOptional(el, 'conversations');
    const input = field(el, 'conversations')?.querySelector('input[role="combobox"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'C0PRIVATE01' });
    await waitFor(() => has(el, '[part~="option-custom"]'), 5000, 'the typed value offered');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.configuredProps.conversations).to.deep.equal(['C0PRIVATE01']);
    expect(text(field(el, 'conversations')?.querySelector('[part~="chip"]'))).to.equal('C0PRIVATE01');
    await expect(el).to.be.accessible();
    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'deploy success');
    const events = await sinkEvents(user);
    expect((events[0]?.body as { channel?: string }).channel).to.equal('C0PRIVATE01');
  });
});
