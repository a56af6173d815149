import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/deployed-triggers/pd-deployed-triggers.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdDeployedTriggers } from '../../src/elements/deployed-triggers/pd-deployed-triggers.js';
import type { PdTriggerForm } from '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdDeploySuccessEvent, PdErrorEvent, PdTriggerDeleteEvent, PdTriggerUpdateEvent } from '../../src/events/index.js';
import { admin, env, requestsSince, takeUnhandledRejections, tokenFor, uniqueUser, waitFor } from '../support/browser-env.js';
import { q, qa, root, text } from '../support/shadow-queries.js';

const fault = (rule: Record<string, unknown>) => admin('/faults', 'POST', { rules: [rule] });
const FEED = 'https://example.com/feed.xml';

/** Deploys an RSS trigger for `user` straight through the API (no events on deploy unless asked). */
async function deployRss(user: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const token = await tokenFor(user);
  const response = await fetch(`${env.emulatorUrl}/v1/connect/triggers/deploy`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'rss-new-item-in-feed', external_user_id: user, configured_props: { url: FEED }, emit_on_deploy: false, ...extra }),
  });
  if (!response.ok) throw new Error(`deploy failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { id: string; name: string } }).data;
}

/** The trigger as the emulator holds it now. */
async function stored(id: string): Promise<{ active: boolean; name: string } | undefined> {
  const state = await admin<{ deployedTriggers: { id: string; active: boolean; name: string }[] }>('/state');
  return state.deployedTriggers.find((trigger) => trigger.id === id);
}

function mount(user: string, options: { componentKey?: string; refreshInterval?: string; locale?: string; theme?: string } = {}) {
  return fixture<PdDeployedTriggers>(html`<pd-deployed-triggers
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    component-key=${ifDefined(options.componentKey)}
    refresh-interval=${ifDefined(options.refreshInterval)}
    locale=${ifDefined(options.locale)}
    theme=${ifDefined(options.theme)}
  ></pd-deployed-triggers>`);
}

const ids = (el: PdDeployedTriggers) => qa(el, '[part~="trigger"]').map((node) => node.dataset.id ?? '');
const row = (el: PdDeployedTriggers, id: string) => q(el, `[part~="trigger"][data-id="${id}"]`);
const inRow = <T extends HTMLElement = HTMLButtonElement>(el: PdDeployedTriggers, id: string, part: string) => row(el, id)?.querySelector<T>(`[part~="${part}"]`) ?? null;
const focusedPart = (el: PdDeployedTriggers) => (root(el).activeElement as HTMLElement | null)?.getAttribute('part') ?? '';
const focusedRow = (el: PdDeployedTriggers) => (root(el).activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="trigger"]')?.dataset.id;
const status = (el: PdDeployedTriggers) => text(q(el, '[role="status"]'));

async function listed(el: PdDeployedTriggers, count: number) {
  await waitFor(() => ids(el).length === count, 8000, `${count} triggers listed`);
  await el.updateComplete;
}

afterEach(async () => {
  await admin('/faults', 'DELETE');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

describe('<pd-deployed-triggers>', () => {
  it('lists the user\'s triggers newest first, 20 at a time with Show more, and only one component\'s with component-key', async function () {
    this.timeout(20_000);
    const user = uniqueUser();
    const deployed: string[] = [];
    for (let n = 0; n < 22; n++) deployed.push((await deployRss(user)).id);
    const el = await mount(user);
    expect(el.matches(':state(loading)')).to.equal(true);
    await listed(el, 20);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(text(q(el, '[part="title"]'))).to.equal('Deployed triggers');
    expect(text(row(el, ids(el)[0] as string))).to.contain('Active');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part~="more-button"]')?.click();
    await listed(el, 22);
    expect(new Set(ids(el))).to.deep.equal(new Set(deployed));
    expect(q(el, '[part~="more-button"]')).to.equal(null);

    const slackOnly = await mount(user, { componentKey: 'slack-new-message-in-channels' });
    await waitFor(() => slackOnly.matches(':state(empty)') || ids(slackOnly).length, 8000, 'the filtered list');
    // The RSS triggers are all there is: the filtered list is empty once every page is read.
    while (q(slackOnly, '[part~="more-button"]')) {
      q<HTMLButtonElement>(slackOnly, '[part~="more-button"]')?.click();
      await waitFor(() => !slackOnly.shadowRoot?.querySelector('[part~="more-button"][aria-disabled="true"]'), 8000, 'the next page');
      await slackOnly.updateComplete;
    }
    await waitFor(() => slackOnly.matches(':state(empty)'), 8000, 'the empty filtered list');
    expect(text(q(slackOnly, '[part="empty"]'))).to.contain('No triggers deployed yet');
    await expect(slackOnly).to.be.accessible();
  });

  it('pauses and resumes a trigger with one PUT each, shows the state, announces it and fires pd-trigger-update', async () => {
    const user = uniqueUser();
    const { id } = await deployRss(user);
    const el = await mount(user);
    await listed(el, 1);
    const updates: PdTriggerUpdateEvent[] = [];
    el.addEventListener('pd-trigger-update', (event) => updates.push(event));
    const since = Date.now();
    const pause = inRow(el, id, 'pause-button') as HTMLButtonElement;
    expect(pause.getAttribute('aria-label')).to.contain('Pause');
    pause.click();
    // A second click while the first is on its way sends nothing more.
    pause.click();
    await waitFor(() => updates.length === 1, 8000, 'pd-trigger-update');
    await el.updateComplete;
    expect(updates[0]?.changes).to.deep.equal({ active: false });
    expect((updates[0]?.trigger as { active?: boolean }).active).to.equal(false);
    expect(text(inRow(el, id, 'status'))).to.equal('Paused');
    expect(text(inRow(el, id, 'pause-button'))).to.equal('Resume');
    expect(status(el)).to.contain('is paused');
    expect((await stored(id))?.active).to.equal(false);
    expect((await requestsSince(since, `/deployed-triggers/${id}`, 'PUT')).length).to.equal(1);
    await expect(el).to.be.accessible();

    inRow(el, id, 'pause-button')?.click();
    await waitFor(() => updates.length === 2, 8000, 'the second pd-trigger-update');
    await el.updateComplete;
    expect(updates[1]?.changes).to.deep.equal({ active: true });
    expect(text(inRow(el, id, 'status'))).to.equal('Active');
    expect((await stored(id))?.active).to.equal(true);
    expect((await requestsSince(since, `/deployed-triggers/${id}`, 'PUT')).length).to.equal(2);
  });

  it('renames inline with the keyboard: Escape cancels, an empty name is refused, Enter saves with one PUT', async () => {
    const user = uniqueUser();
    const { id, name } = await deployRss(user);
    const el = await mount(user);
    await listed(el, 1);
    const updates: PdTriggerUpdateEvent[] = [];
    el.addEventListener('pd-trigger-update', (event) => updates.push(event));
    const since = Date.now();

    inRow(el, id, 'rename-button')?.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedPart(el) === 'name-input', 2000, 'the name input focused');
    expect(el.matches(':state(renaming)')).to.equal(true);
    expect((inRow<HTMLInputElement>(el, id, 'name-input') as HTMLInputElement).value).to.equal(name);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Something else' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => focusedPart(el) === 'rename-button', 2000, 'focus back on Rename');
    expect(inRow(el, id, 'name-input')).to.equal(null);
    expect(text(inRow(el, id, 'name'))).to.equal(name);

    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedPart(el) === 'name-input', 2000, 'the name input focused again');
    // The name is selected: typing replaces it; an empty name is refused without a request.
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const input = inRow<HTMLInputElement>(el, id, 'name-input') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(inRow(el, id, 'field-error'))).to.equal('Enter a name.');
    expect(input.getAttribute('aria-describedby')).to.contain(`rename-error-${id}`);
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Team feed' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => updates.length === 1, 8000, 'pd-trigger-update');
    await el.updateComplete;
    expect(updates[0]?.changes).to.deep.equal({ name: 'Team feed' });
    expect(text(inRow(el, id, 'name'))).to.equal('Team feed');
    expect(focusedPart(el)).to.equal('rename-button');
    expect(status(el)).to.contain('is now called Team feed');
    expect((await stored(id))?.name).to.equal('Team feed');
    expect((await requestsSince(since, `/deployed-triggers/${id}`, 'PUT')).length).to.equal(1);
  });

  it('deletes after an inline confirmation with one DELETE; focus moves to the next trigger, then to the title', async () => {
    const user = uniqueUser();
    const older = await deployRss(user);
    const newer = await deployRss(user);
    const el = await mount(user);
    await listed(el, 2);
    const [first, second] = ids(el) as [string, string];
    expect(new Set([first, second])).to.deep.equal(new Set([older.id, newer.id]));
    const deletes: PdTriggerDeleteEvent[] = [];
    el.addEventListener('pd-trigger-delete', (event) => deletes.push(event));
    const since = Date.now();

    inRow(el, first, 'delete-button')?.click();
    await el.updateComplete;
    expect(el.matches(':state(confirming)')).to.equal(true);
    expect(focusedPart(el)).to.equal('confirm-button');
    await expect(el).to.be.accessible();
    // Escape cancels: nothing is deleted, focus returns to Delete.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q(el, '[part="confirm"]')).to.equal(null);
    expect(focusedPart(el)).to.equal('delete-button');

    inRow(el, first, 'delete-button')?.click();
    await el.updateComplete;
    const confirm = q<HTMLButtonElement>(el, '[part="confirm-button"]') as HTMLButtonElement;
    confirm.click();
    confirm.click();
    await waitFor(() => deletes.length === 1, 8000, 'pd-trigger-delete');
    await el.updateComplete;
    expect(deletes[0]?.trigger.id).to.equal(first);
    expect(ids(el)).to.deep.equal([second]);
    expect(focusedRow(el)).to.equal(second);
    expect(focusedPart(el)).to.equal('delete-button');
    expect(status(el)).to.contain('was deleted');
    expect(await stored(first)).to.equal(undefined);

    inRow(el, second, 'delete-button')?.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part="confirm-button"]')?.click();
    await waitFor(() => deletes.length === 2, 8000, 'the second pd-trigger-delete');
    await waitFor(() => el.matches(':state(empty)'), 8000, 'the empty list');
    expect((root(el).activeElement as HTMLElement | null)?.id).to.equal('title');
    expect((await requestsSince(since, '/deployed-triggers/', 'DELETE')).length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('says a lost answer to a delete or a pause is unknown, sends it once, and reads the list again', async () => {
    const user = uniqueUser();
    const gone = await deployRss(user);
    const kept = await deployRss(user);
    const el = await mount(user);
    await listed(el, 2);
    const deletes: PdTriggerDeleteEvent[] = [];
    el.addEventListener('pd-trigger-delete', (event) => deletes.push(event));

    // The delete happens, but its answer is lost (a gateway's 504).
    await fault({ method: 'DELETE', path: `/v1/connect/deployed-triggers/${gone.id}`, status: 504, forward: true, times: 1 });
    const since = Date.now();
    inRow(el, gone.id, 'delete-button')?.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part="confirm-button"]')?.click();
    await waitFor(() => status(el).includes('It is not known whether'), 8000, 'the unknown outcome');
    expect(deletes.length).to.equal(0);
    // The list is read again and shows the truth: the trigger is gone.
    await listed(el, 1);
    expect(ids(el)).to.deep.equal([kept.id]);

    // A pause whose answer is a 502: not applied, said as unknown, the list read again shows it active.
    await fault({ method: 'PUT', path: `/v1/connect/deployed-triggers/${kept.id}`, status: 502, times: 1 });
    inRow(el, kept.id, 'pause-button')?.click();
    await waitFor(() => inRow(el, kept.id, 'item-error'), 8000, 'the row message');
    expect(text(inRow(el, kept.id, 'item-error'))).to.contain(`It is not known whether`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(text(inRow(el, kept.id, 'status'))).to.equal('Active');
    expect((await requestsSince(since, '/deployed-triggers/', 'DELETE')).length).to.equal(1);
    expect((await requestsSince(since, `/deployed-triggers/${kept.id}`, 'PUT')).length).to.equal(1);
    await expect(el).to.be.accessible();

    // A refused change (4xx) is a plain failure.
    await fault({ method: 'PUT', path: `/v1/connect/deployed-triggers/${kept.id}`, status: 400, body: { error: 'not allowed' }, times: 1 });
    inRow(el, kept.id, 'pause-button')?.click();
    await waitFor(() => text(inRow(el, kept.id, 'item-error')).includes('not allowed'), 8000, 'the refusal');
    expect(text(inRow(el, kept.id, 'item-error'))).to.contain('Could not change');
  });

  it('shows a trigger\'s recent events newest first with their payloads as text, older ones on demand, and its webhook URLs', async function () {
    this.timeout(20_000);
    const user = uniqueUser();
    const { id, name } = await deployRss(user, { webhook_url: 'https://hooks.example.com/rss' });
    for (let n = 0; n < 8; n++) await admin(`/deployed-triggers/${id}/emit`, 'POST');
    const total = ((await stored(id)) as unknown as { events: unknown[] }).events.length;
    expect(total).to.be.greaterThan(10);
    const el = await mount(user);
    await listed(el, 1);
    const toggle = inRow(el, id, 'details-button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitFor(() => qa(el, '[part~="event"]').length === 10, 8000, 'the first 10 events');
    await waitFor(() => q(el, '[part~="webhook"]'), 8000, 'the webhooks');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(q(el, '[part~="webhook"]'))).to.equal('https://hooks.example.com/rss');
    const times = qa(el, '[part~="event"] time').map((node) => Date.parse(node.getAttribute('datetime') ?? ''));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const firstEvent = q<HTMLDetailsElement>(el, '[part~="event"]') as HTMLDetailsElement;
    expect(text(firstEvent.querySelector('[part~="event-summary"]'))).to.not.equal('');
    firstEvent.querySelector('summary')?.click();
    await el.updateComplete;
    expect(firstEvent.open).to.equal(true);
    expect(text(firstEvent.querySelector('[part~="event-payload"]'))).to.contain('"title"');
    await expect(el).to.be.accessible();

    q<HTMLButtonElement>(el, '[part~="events-more-button"]')?.click();
    await waitFor(() => qa(el, '[part~="event"]').length === Math.min(total, 20), 8000, 'older events');
    expect(status(el)).to.contain(`Events of ${name} loaded`);

    // A payload is shown as text, never as markup.
    await fault({
      method: 'GET', path: `/v1/connect/deployed-triggers/${id}/events`, times: 1,
      body: { data: [{ id: 'evt_markup', ts: Date.now(), k: 'emit', sum: '<b>bold</b>', e: { html: '<img src="x" onerror="window.__pwned = 1">' } }] },
    });
    q<HTMLButtonElement>(el, '[part~="events-refresh-button"]')?.click();
    await waitFor(() => qa(el, '[part~="event"]').length === 1, 8000, 'the faked event');
    expect(text(q(el, '[part~="event-summary"]'))).to.contain('<b>bold</b>');
    expect(text(q(el, '[part~="event-payload"]'))).to.contain('<img src=\\"x\\"');
    expect(q(el, '[part~="details"] img, [part~="details"] b')).to.equal(null);

    toggle.click();
    await el.updateComplete;
    expect(q(el, '[part~="details"]')).to.equal(null);
  });

  it('shows a trigger deployed by a <pd-trigger-form> on the page without a reload, and its new events on Refresh', async function () {
    this.timeout(20_000);
    const user = uniqueUser();
    const page = await fixture<HTMLDivElement>(html`<div>
      <pd-trigger-form
        external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}
        component-key="rss-new-item-in-feed" list="none" emit-on-deploy="false"
        configured-props=${JSON.stringify({ url: FEED })}
      ></pd-trigger-form>
      <pd-deployed-triggers external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-deployed-triggers>
    </div>`);
    const form = page.querySelector('pd-trigger-form') as PdTriggerForm;
    const el = page.querySelector('pd-deployed-triggers') as PdDeployedTriggers;
    await waitFor(() => el.matches(':state(empty)'), 8000, 'the empty list');
    await waitFor(() => q(form, 'form[part="form"]'), 8000, 'the form');
    await form.updateComplete;
    const successes: PdDeploySuccessEvent[] = [];
    form.addEventListener('pd-deploy-success', (event) => successes.push(event));
    q<HTMLButtonElement>(form, '[part~="submit-button"]')?.click();
    await waitFor(() => successes.length === 1, 8000, 'the deploy');
    const id = successes[0]?.trigger.id as string;
    await listed(el, 1);
    expect(ids(el)).to.deep.equal([id]);

    inRow(el, id, 'details-button')?.click();
    await waitFor(() => text(q(el, '[part~="details"]')).includes('No events yet'), 8000, 'no events yet');
    await waitFor(() => text(q(el, '[part~="details"]')).includes('No webhook URLs'), 8000, 'no webhooks');
    await admin(`/deployed-triggers/${id}/emit`, 'POST');
    q<HTMLButtonElement>(el, '[part~="refresh-button"]')?.click();
    await waitFor(() => qa(el, '[part~="event"]').length > 0, 8000, 'the new events');
  });

  it('shows a load error with Retry (and reports it), and an events error with a working Refresh', async () => {
    const user = uniqueUser();
    const { id } = await deployRss(user);
    await fault({ method: 'GET', path: '/v1/connect/deployed-triggers', status: 400, body: { error: 'list down' }, times: 1 });
    const errors: PdErrorEvent[] = [];
    const el = await fixture<PdDeployedTriggers>(html`<pd-deployed-triggers
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} theme="dark"
      @pd-error=${(event: PdErrorEvent) => errors.push(event)}
    ></pd-deployed-triggers>`);
    await waitFor(() => el.matches(':state(error)'), 8000, 'the load error');
    await el.updateComplete;
    expect(text(q(el, '[part="error"]'))).to.contain('Could not load the deployed triggers: list down');
    expect(errors.map((error) => error.code)).to.deep.equal(['load_failed']);
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part="retry-button"]')?.click();
    await listed(el, 1);

    await fault({ method: 'GET', path: `/v1/connect/deployed-triggers/${id}/events`, status: 400, body: { error: 'events down' }, times: 1 });
    inRow(el, id, 'details-button')?.click();
    await waitFor(() => text(q(el, '[part~="details-error"]')).includes('events down'), 8000, 'the events error');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[part~="events-refresh-button"]')?.click();
    await waitFor(() => text(q(el, '[part~="details"]')).includes('No events yet'), 8000, 'the events after Refresh');
    expect(q(el, '[part~="details-error"]')).to.equal(null);
  });

  it('refreshes on a timer with refresh-interval, and refuses an interval out of bounds', async function () {
    this.timeout(20_000);
    const user = uniqueUser();
    const el = await mount(user, { refreshInterval: '5' });
    await waitFor(() => el.matches(':state(empty)'), 8000, 'the empty list');
    const { id } = await deployRss(user);
    await waitFor(() => ids(el).includes(id), 9000, 'the trigger after a timed refresh');

    const codes: string[] = [];
    const bad = await fixture<PdDeployedTriggers>(html`<pd-deployed-triggers
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} refresh-interval="1"
      @pd-error=${(event: PdErrorEvent) => codes.push(event.code)}
    ></pd-deployed-triggers>`);
    await bad.updateComplete;
    expect(bad.matches(':state(error)')).to.equal(true);
    expect(text(q(bad, '[part="error"]'))).to.contain('refresh-interval must be a number of seconds from 5 to 3600');
    expect(codes).to.deep.equal(['config_invalid']);
  });

  it('says what is missing when it is not set up, and speaks German and Arabic (right to left)', async () => {
    const codes: string[] = [];
    const el = await fixture<PdDeployedTriggers>(html`<pd-deployed-triggers @pd-error=${(event: PdErrorEvent) => codes.push(event.code)}></pd-deployed-triggers>`);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(q(el, '[part="error"]') !== null).to.equal(true);
    expect(codes).to.deep.equal(['config_invalid']);

    const user = uniqueUser();
    await deployRss(user);
    const de = await mount(user, { locale: 'de' });
    await listed(de, 1);
    expect(text(q(de, '[part="title"]'))).to.equal('Bereitgestellte Trigger');
    expect(text(q(de, '[part~="pause-button"]'))).to.equal('Pausieren');
    const ar = await mount(user, { locale: 'ar' });
    await listed(ar, 1);
    expect(getComputedStyle(q(ar, '[part="base"]') as HTMLElement).direction).to.equal('rtl');
    expect(text(q(ar, '[part~="delete-button"]'))).to.equal('حذف');
    await expect(ar).to.be.accessible();
  });
});
