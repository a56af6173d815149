import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { PdAccountList, PdConnectButton } from '../../src/index.js';
import { admin, env, requestsFor, seedAccount, takeUnhandledRejections, tokenRequestsFor, uniqueUser, waitFor } from '../support/browser-env.js';

const names = (list: PdAccountList) => [...list.shadowRoot!.querySelectorAll('[part~="name"]')].map((el) => el.textContent?.trim());

describe('elements together on one page', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('three elements for one user make one token request and one accounts request', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { name: 'Shared workspace', environment: 'development' });
    const page = await fixture(html`
      <pd-connect-provider external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}>
        <pd-connect-button app="slack"></pd-connect-button>
        <pd-account-list></pd-account-list>
        <pd-account-list></pd-account-list>
      </pd-connect-provider>
    `);
    const lists = [...page.querySelectorAll('pd-account-list')] as PdAccountList[];
    await waitFor(() => lists.every((list) => names(list).includes('Shared workspace')), 5000, 'both lists');
    const button = page.querySelector('pd-connect-button') as PdConnectButton;
    await waitFor(() => button.shadowRoot!.querySelector('button')!.textContent!.includes('Connect Slack'), 5000, 'button label');
    expect(await tokenRequestsFor(user)).to.equal(1);
    expect((await requestsFor(user, '/v1/connect/accounts')).length).to.equal(1);
  });

  it('a connect through the button shows up in the list without a reload', async () => {
    const user = uniqueUser();
    const page = await fixture(html`
      <pd-connect-provider external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}>
        <pd-connect-button app="notion"></pd-connect-button>
        <pd-account-list></pd-account-list>
      </pd-connect-provider>
    `);
    const list = page.querySelector('pd-account-list') as PdAccountList;
    const button = page.querySelector('pd-connect-button') as PdConnectButton;
    await waitFor(() => list.shadowRoot!.querySelector('[part~="empty"]'), 5000, 'empty list');
    const success = oneEvent(button, 'pd-connect-success');
    button.shadowRoot!.querySelector('button')!.click();
    await executeServerCommand('frame-fill', { urlIncludes: '/_static/connect.html', selector: 'input', value: 'ops@notion.example' });
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    await success;
    await waitFor(() => names(list).includes('ops@notion.example'), 5000, 'new account in the list');
  });
});
