import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/accounts-console/pd-accounts-console.js';
import type { PdAccountsConsole } from '../../src/elements/accounts-console/pd-accounts-console.js';
import type { PdAccountsExportEvent } from '../../src/events/accounts-console.js';
import type { PdDisconnectEvent, PdErrorEvent } from '../../src/events/index.js';
import { admin, requestsSince, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';

/**
 * `<pd-accounts-console>` against the test server's admin route (`createAdminHandler` over the
 * emulator): an admin is a request with `x-test-role: admin`, as a host's session check decides.
 * The emulator serves every test file, so each test seeds users under its own prefix and searches for it.
 */
const ADMIN = { 'x-test-role': 'admin' };
const part = (el: PdAccountsConsole, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PdAccountsConsole, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const rows = (el: PdAccountsConsole) => parts(el, 'row');
const rowUsers = (el: PdAccountsConsole) => rows(el).map((row) => row.querySelector<HTMLElement>('[part~="user-button"]')!.textContent!.trim());
const healthCount = (el: PdAccountsConsole, health: string) => el.shadowRoot!.querySelector(`[part~="health-option"][data-health="${health}"] span`)?.textContent?.trim();
const announced = (el: PdAccountsConsole) => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

function consoleFor(query: string, options: { headers?: Record<string, string> | undefined; user?: string; pageSize?: number; endpoint?: string } = {}) {
  return fixture<PdAccountsConsole>(html`<pd-accounts-console
    endpoint=${options.endpoint ?? '/api/admin'}
    query=${query}
    user=${options.user ?? ''}
    page-size=${options.pageSize ?? 50}
    .headers=${'headers' in options ? options.headers : ADMIN}
  ></pd-accounts-console>`);
}

async function ready(el: PdAccountsConsole, count?: number) {
  await waitFor(() => el.matches(':state(ready)') && (count === undefined || rows(el).length === count) && el.shadowRoot!.querySelector('[aria-busy="false"]'), 15_000, 'the console is ready');
}

async function seedUsers(prefix: string, users: number, perUser: number) {
  await admin('/seed-accounts', 'POST', { users, perUser, apps: ['slack', 'github', 'google_sheets', 'notion'], environment: 'development', prefix });
}

describe('<pd-accounts-console>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('says what is missing without an endpoint, and reports it once', async () => {
    const codes: string[] = [];
    const el = await fixture<PdAccountsConsole>(html`<pd-accounts-console @pd-error=${(event: PdErrorEvent) => codes.push(event.code)}></pd-accounts-console>`);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(part(el, 'error')!.textContent).to.include('endpoint');
    expect(codes).to.deep.equal(['config_invalid']);
    el.pageSize = 0;
    el.endpoint = '/api/admin';
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.include('page-size');
  });

  it('a request the host does not take for an admin gets 403, shown as such', async () => {
    const errors: PdErrorEvent[] = [];
    const el = await fixture<PdAccountsConsole>(html`<pd-accounts-console endpoint="/api/admin" @pd-error=${(event: PdErrorEvent) => errors.push(event)}></pd-accounts-console>`);
    await waitFor(() => el.matches(':state(error)'), 10_000, 'the error state');
    expect(part(el, 'error')!.textContent).to.include('Only admins').and.to.include('403');
    expect(errors.map((event) => event.code)).to.deep.equal(['load_failed']);
    expect(el.shadowRoot!.textContent).not.to.include('apn_');
    await expect(el).to.be.accessible();
  });

  it('an answer that is not an accounts list is an error, not an empty console', async () => {
    const el = await consoleFor('x', { endpoint: '/api/env' });
    await waitFor(() => el.matches(':state(error)'), 10_000, 'the error state');
    expect(part(el, 'error')!.textContent).to.include('not an accounts list');
  });

  it('5,000 accounts across 500 users: counts per state, pages of 50, search, health and app filters, sort', async function () {
    this.timeout(60_000);
    const prefix = uniqueUser('big');
    await seedUsers(prefix, 500, 10);
    const el = await consoleFor(prefix);
    await ready(el, 50);
    // The emulator's seeding makes every 10th account need a reconnect and every 25th dead.
    expect(healthCount(el, 'all')).to.equal('5,000');
    expect(healthCount(el, 'healthy')).to.equal('4,400');
    expect(healthCount(el, 'needs_reconnect')).to.equal('400');
    expect(healthCount(el, 'disconnected')).to.equal('200');
    expect(part(el, 'pager')!.textContent).to.include('1–50 of 5,000');
    // Newest first: the last seeded user comes first.
    expect(rowUsers(el)[0]).to.equal(`${prefix}-0499`);
    (part(el, 'pager')!.querySelectorAll('button')[1] as HTMLButtonElement).click();
    await waitFor(() => part(el, 'pager')?.textContent?.includes('51–100 of 5,000'), 10_000, 'page 2');

    part(el, 'health-option')!.parentElement!.querySelector<HTMLButtonElement>('[data-health="disconnected"]')!.click();
    await waitFor(() => part(el, 'pager')?.textContent?.includes('1–50 of 200'), 10_000, 'the dead accounts');
    expect(rows(el).every((row) => row.dataset.health === 'disconnected')).to.equal(true);
    expect(el.health).to.equal('disconnected');
    el.health = '';

    const appFilter = part(el, 'app-filter') as HTMLSelectElement;
    await waitFor(() => appFilter.querySelector('option[value="notion"]'), 10_000, 'the app options');
    appFilter.value = 'notion';
    appFilter.dispatchEvent(new Event('change'));
    await waitFor(() => part(el, 'pager')?.textContent?.includes('of 1,250'), 10_000, 'the Notion accounts');
    expect(rows(el).every((row) => row.textContent!.includes('Notion'))).to.equal(true);

    const sort = part(el, 'sort') as HTMLSelectElement;
    sort.value = 'oldest';
    sort.dispatchEvent(new Event('change'));
    await waitFor(() => rowUsers(el)[0] === `${prefix}-0000` || rowUsers(el)[0] === `${prefix}-0001`, 10_000, 'oldest first');

    // Typing searches once the typing pauses; Enter searches at once.
    el.app = '';
    const search = part(el, 'search') as HTMLInputElement;
    search.focus();
    search.select();
    await sendKeys({ type: `${prefix}-0042` });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => rows(el).length === 10 && rowUsers(el).every((user) => user === `${prefix}-0042`), 10_000, 'one user');
    expect(part(el, 'pager')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('revokes one account once, after an inline confirmation; Escape cancels and gives focus back', async () => {
    const prefix = uniqueUser('one');
    await seedUsers(prefix, 2, 2);
    const disconnects: PdDisconnectEvent[] = [];
    const el = await consoleFor(prefix);
    el.addEventListener('pd-disconnect', (event) => disconnects.push(event));
    await ready(el, 4);
    const target = rows(el)[0]!;
    const id = target.dataset.id!;
    const user = rowUsers(el)[0]!;

    target.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.click();
    await waitFor(() => el.shadowRoot!.activeElement?.matches('[part~="confirm-button"]'), 5000, 'focus on the confirm button');
    expect(part(el, 'confirm')!.textContent).to.include(user);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => el.shadowRoot!.activeElement?.matches('[part~="revoke-button"]'), 5000, 'focus back on Revoke');
    expect(part(el, 'confirm')).to.equal(null);

    const since = Date.now();
    target.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.click();
    await el.updateComplete;
    part(el, 'confirm-button')!.click();
    await waitFor(() => rows(el).length === 3, 10_000, 'the row gone');
    expect(rows(el).some((row) => row.dataset.id === id)).to.equal(false);
    expect(disconnects.map((event) => [event.account.id, event.externalUserId])).to.deep.equal([[id, user]]);
    expect(announced(el)).to.include('was revoked');
    expect((await requestsSince(since, `/accounts/${id}`, 'DELETE')).length).to.equal(1);
    const audit = (await (await fetch('/api/admin-audit')).json()) as { data: { accountId: string; actor: string; result: string }[] };
    expect(audit.data.filter((entry) => entry.accountId === id).map((entry) => [entry.actor, entry.result])).to.deep.equal([['support@example.com', 'ok']]);
  });

  it('a revoke whose answer is lost is said as unknown, not retried, and the list is checked', async () => {
    const prefix = uniqueUser('lost');
    await seedUsers(prefix, 1, 2);
    const el = await consoleFor(prefix);
    await ready(el, 2);
    const id = rows(el)[0]!.dataset.id!;
    // Pipedream deletes it, but its answer is a gateway timeout.
    await admin('/faults', 'POST', { rules: [{ method: 'DELETE', path: `/v1/connect/*/accounts/${id}`, status: 504, forward: true, times: 1 }] });
    const since = Date.now();
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.click();
    await el.updateComplete;
    part(el, 'confirm-button')!.click();
    await waitFor(() => announced(el).includes('not known'), 10_000, 'the unknown outcome');
    await waitFor(() => rows(el).length === 1, 10_000, 'the list checked');
    expect((await requestsSince(since, `/accounts/${id}`, 'DELETE')).length).to.equal(1);
  });

  it('revokes every account of one user: names them, shows progress and each result, and retries the one that failed', async function () {
    this.timeout(60_000);
    const prefix = uniqueUser('gdpr');
    await seedUsers(prefix, 3, 6);
    const user = `${prefix}-0001`;
    const disconnects: PdDisconnectEvent[] = [];
    const el = await consoleFor(prefix);
    el.addEventListener('pd-disconnect', (event) => disconnects.push(event));
    await ready(el, 18);
    rows(el).find((row) => row.querySelector('[part~="user-button"]')!.textContent!.trim() === user)!.querySelector<HTMLButtonElement>('[part~="user-button"]')!.click();
    await waitFor(() => el.user === user && rows(el).length === 6, 10_000, 'the user view');
    expect(part(el, 'user-view')!.textContent).to.include(user);

    part(el, 'revoke-all-button')!.click();
    await waitFor(() => parts(el, 'bulk-result').length === 6 && part(el, 'confirm-button'), 10_000, 'the confirmation with every account');
    expect(part(el, 'confirm')!.textContent).to.include(user).and.to.include('6');
    await expect(el).to.be.accessible();

    const failing = parts(el, 'bulk-result')[2]!.dataset.id!;
    await admin('/faults', 'POST', { rules: [{ method: 'DELETE', path: `/v1/connect/*/accounts/${failing}`, status: 422, times: 1 }] });
    const since = Date.now();
    part(el, 'confirm-button')!.click();
    await waitFor(() => part(el, 'retry-failed-button'), 15_000, 'the run to end');
    const results = () => Object.fromEntries(parts(el, 'bulk-result').map((entry) => [entry.dataset.id, entry.dataset.result]));
    expect(Object.values(results()).filter((result) => result === 'revoked').length).to.equal(5);
    expect(results()[failing]).to.equal('failed');
    expect(part(el, 'bulk')!.textContent).to.include('5 of 6 accounts revoked');
    expect(part(el, 'retry-failed-button')!.textContent).to.include('1');
    expect(el.shadowRoot!.querySelector('progress')!.value).to.equal(6);

    part(el, 'retry-failed-button')!.click();
    await waitFor(() => results()[failing] === 'revoked', 15_000, 'the retried revoke');
    expect(part(el, 'retry-failed-button')).to.equal(null);
    const deletes = await requestsSince(since, '/accounts/apn_', 'DELETE');
    // One DELETE per account and user action: six, then the retried one.
    expect(deletes.length).to.equal(7);
    expect(deletes.filter((entry) => entry.path.endsWith(failing)).length).to.equal(2);
    expect(disconnects.length).to.equal(6);
    expect(new Set(disconnects.map((event) => event.externalUserId))).to.deep.equal(new Set([user]));
    await waitFor(() => el.matches(':state(no-results)'), 10_000, 'the user has no accounts left');
    part(el, 'all-users-button')!.click();
    await ready(el, 12);
  });

  it('exports the current view as CSV: every page, a header row, quoting, and no formulas', async function () {
    this.timeout(60_000);
    const prefix = uniqueUser('csv');
    await seedUsers(prefix, 3, 4);
    await seedAccount(`${prefix}-9999`, 'slack', { name: '=HYPERLINK("https://evil.example","x"), "quoted"', environment: 'development' });
    const el = await consoleFor(prefix, { pageSize: 5 });
    await ready(el, 5);
    const exports: PdAccountsExportEvent[] = [];
    el.addEventListener('pd-accounts-export', (event) => {
      event.preventDefault();
      exports.push(event);
    });
    part(el, 'export-button')!.click();
    await waitFor(() => exports.length === 1, 15_000, 'the export');
    const { csv, filename, count } = exports[0]!;
    expect(filename).to.match(/^connected-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(count).to.equal(13);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('account_id,external_user_id,app,account_name,health,created_at,last_refreshed_at,error');
    expect(lines.length).to.equal(14);
    expect(csv).to.include(`"'=HYPERLINK(""https://evil.example"",""x""), ""quoted"""`);
    expect(csv).not.to.include('credentials');
    expect(announced(el)).to.include('13 accounts exported');
    expect(await el.exportCsv()).to.equal(csv);
  });

  it('a project without accounts shows the empty state, and nothing to export', async () => {
    const el = await fixture<PdAccountsConsole>(html`<pd-accounts-console endpoint="/api/admin-empty-project"></pd-accounts-console>`);
    await waitFor(() => el.matches(':state(empty)'), 10_000, 'the empty state');
    expect(part(el, 'empty')!.textContent).to.include('No connected accounts');
    expect(part(el, 'clear-button')).to.equal(null);
    expect(part(el, 'export-button')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('an empty search shows no results with a way back; keyboard reaches every control', async () => {
    const prefix = uniqueUser('none');
    const el = await consoleFor(prefix);
    await waitFor(() => el.matches(':state(no-results)'), 10_000, 'no results');
    expect(part(el, 'empty')!.textContent).to.include('No accounts match');
    await expect(el).to.be.accessible();
    part(el, 'clear-button')!.click();
    await waitFor(() => el.query === '' && el.shadowRoot!.activeElement?.matches('[part~="search"]'), 5000, 'focus on the search');
  });
});
