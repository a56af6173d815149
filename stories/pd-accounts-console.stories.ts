import type { Loader, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { PdAccountsConsole } from '../src/index.js';
import { emulatorAdmin, emulatorUrls } from '../.storybook/emulator/client.js';
import { elementHelpers, inShadow, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes } = elementHelpers('pd-accounts-console');
const PREFIX = 'story-console';

/** The project's accounts: 120 users with 3 accounts each, seeded once into the in-browser emulator. */
const seedProject: Loader = async () => {
  const state = await emulatorAdmin<{ accounts: { externalUserId: string }[] }>('/state');
  if (!state.accounts.some((account) => account.externalUserId.startsWith(`${PREFIX}-`))) {
    await emulatorAdmin('/seed-accounts', 'POST', { users: 120, perUser: 3, apps: ['slack', 'github', 'google_sheets', 'notion', 'openai'], environment: 'production', prefix: PREFIX });
  }
  return {};
};

const render = (endpoint: string, attributes: { user?: string; query?: string; health?: string } = {}) =>
  html`<pd-accounts-console endpoint=${endpoint} query=${attributes.query ?? PREFIX} user=${attributes.user ?? ''} health=${attributes.health ?? ''}></pd-accounts-console>`;

/**
 * The team's accounts console: every connected account of the project across all users, for
 * support staff. It talks to the host's admin route (`createAdminHandler`), here running in this
 * page's service worker over the emulator.
 */
const meta: Meta = {
  title: 'Elements/pd-accounts-console',
  component: 'pd-accounts-console',
  args,
  argTypes,
  loaders: [seedProject],
  render: () => render(emulatorUrls.admin),
};
export default meta;
type Story = StoryObj;

const consoleElement = (canvasElement: HTMLElement) => storyElement<PdAccountsConsole>(canvasElement, 'pd-accounts-console');
const rows = (element: Element) => element.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;

/** 360 accounts of 120 users: counts per health state, pages of 50. */
export const Accounts: Story = {
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'ready', 15_000);
    await waitFor(() => expect(rows(element)).toBe(50), { timeout: 15_000 });
    await waitForShadow(element, '[part~="pager"]');
  },
};

/** Only the accounts that need attention: disconnected ones. */
export const Disconnected: Story = {
  render: () => render(emulatorUrls.admin, { health: 'disconnected' }),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'ready', 15_000);
    await waitFor(() => expect(element.shadowRoot!.querySelector('[part~="health-option"][aria-pressed="true"]')?.getAttribute('data-health')).toBe('disconnected'));
  },
};

/** One user's accounts, with the confirmation of revoking them all (a data-deletion request). */
export const RevokeAllOfAUser: Story = {
  render: () => render(emulatorUrls.admin, { user: `${PREFIX}-0007` }),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'ready', 15_000);
    (await waitForShadow<HTMLButtonElement>(element, '[part~="revoke-all-button"]')).click();
    await waitForShadow(element, '[part~="bulk"] [part~="confirm-button"]', 15_000);
  },
};

/** A search that matches nobody. */
export const NoResults: Story = {
  render: () => render(emulatorUrls.admin, { query: 'nobody-has-this-id' }),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'no-results', 15_000);
    await waitForShadow(element, '[part~="clear-button"]');
  },
};

/** A project where nobody has connected an account yet. */
export const Empty: Story = {
  render: () => render(`${emulatorUrls.admin}?project=empty`, { query: '' }),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'empty', 15_000);
  },
};

/** Loading: this story's admin route holds its answer, so the skeleton stays. */
export const Loading: Story = {
  render: () => render(`${emulatorUrls.admin}?delay=120000`),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'loading');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(element.matches(':state(loading)')).toBe(true);
  },
};

/** A signed-in user who is not an admin: the route answers 403. */
export const NotAnAdmin: Story = {
  render: () => render(`${emulatorUrls.admin}?role=member`),
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'error', 15_000);
    await waitFor(() => expect(inShadow(element, '[part~="error"]')?.textContent).toContain('403'));
  },
};

/** Misconfigured (no endpoint): the element says what is missing. */
export const NotSetUp: Story = {
  render: () => html`<pd-accounts-console></pd-accounts-console>`,
  play: async ({ canvasElement }) => {
    const element = await consoleElement(canvasElement);
    await waitForState(element, 'error');
    await expect(inShadow(element, '[part~="error"]') !== null).toBe(true);
  },
};
