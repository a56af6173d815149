import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { PdAccountList } from '../src/index.js';
import { SAMPLE_ACCOUNTS, elementHelpers, inShadow, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-account-list');

/** The healthy ones: a user with nothing to fix. */
const HEALTHY_ACCOUNTS = SAMPLE_ACCOUNTS.filter((account) => account.healthy !== false && !account.dead);

/** A user with accounts in every health state, seeded through the emulator's admin API. */
const EVERY_HEALTH_STATE = { emulator: { user: 'story-accounts-health', accounts: SAMPLE_ACCOUNTS } };

/**
 * The user's connected accounts: health, reconnect, disconnect with confirmation. The accounts
 * live in the in-browser emulator; each story has its own user.
 */
const meta: Meta = {
  title: 'Elements/pd-account-list',
  component: 'pd-account-list',
  args,
  argTypes,
  render: (storyArgs) => html`<div class="story-column">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-accounts-connected', accounts: HEALTHY_ACCOUNTS } },
};
export default meta;
type Story = StoryObj;

const list = (canvasElement: HTMLElement) => storyElement<PdAccountList>(canvasElement, 'pd-account-list');

/** Healthy accounts. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'ready');
    await expect(element.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(2);
  },
};

/** Needs reconnect (unhealthy) and disconnected (dead) accounts offer a reconnect. */
export const UnhealthyAndDead: Story = {
  parameters: EVERY_HEALTH_STATE,
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'ready');
    await expect(element.shadowRoot!.querySelectorAll('[part~="reconnect-button"]').length).toBe(2);
  },
};

/** Loading: this story's token endpoint holds its answer, so the skeleton stays. */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-accounts-loading', tokenQuery: '?delay=120000' } },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'loading');
  },
};

/** No accounts yet. */
export const Empty: Story = {
  parameters: { emulator: { user: 'story-accounts-empty', accounts: [] } },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'empty');
  },
};

/** The empty state through the `empty` slot. */
export const EmptySlot: Story = {
  parameters: { emulator: { user: 'story-accounts-empty', accounts: [] } },
  render: () => html`<div class="story-column"><pd-account-list><p slot="empty">Connect Slack or GitHub to get started.</p></pd-account-list></div>`,
};

/** Loading failed (the token endpoint answers 500): the error offers a retry. */
export const LoadError: Story = {
  name: 'Error',
  parameters: { emulator: { user: 'story-accounts-error', tokenQuery: '?fail=500' } },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'error');
    await waitForShadow(element, '[part~="retry-button"]');
  },
};

/** Disconnect asks first: the inline confirmation, with focus on its confirm button. */
export const DisconnectConfirm: Story = {
  parameters: { emulator: { user: 'story-accounts-confirm', accounts: SAMPLE_ACCOUNTS.slice(0, 2) } },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'ready');
    inShadow<HTMLButtonElement>(element, '[part~="disconnect-button"]')!.click();
    const confirmButton = await waitForShadow<HTMLButtonElement>(element, '[part~="confirm"] [part~="confirm-button"]');
    await waitFor(() => expect(element.shadowRoot!.activeElement === confirmButton).toBe(true));
  },
};

/** "Disconnect all" for account-deletion (GDPR) flows, confirming first. */
export const DisconnectAll: Story = {
  args: { 'allow-disconnect-all': true },
  parameters: { emulator: { user: 'story-accounts-all', accounts: SAMPLE_ACCOUNTS } },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'ready');
    inShadow<HTMLButtonElement>(element, '[part~="disconnect-all-button"]')!.click();
    await waitForShadow(element, '[part~="header"] [part~="confirm-button"]');
  },
};

/** Many accounts: "Show more accounts" stays quick however many are shown; rows off screen are not laid out or painted. */
export const ManyAccounts: Story = {
  name: 'Many accounts (200)',
  parameters: {
    emulator: {
      user: 'story-accounts-many',
      accounts: Array.from({ length: 200 }, (_, index) => ({ ...SAMPLE_ACCOUNTS[index % SAMPLE_ACCOUNTS.length], name: `Workspace ${index + 1}` })),
    },
  },
  play: async ({ canvasElement }) => {
    const element = await list(canvasElement);
    await waitForState(element, 'ready');
    inShadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
    await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[part~="item"]').length).toBe(40));
  },
};

/** Only one app's accounts (`app="slack"`). */
export const FilteredByApp: Story = {
  args: { app: 'slack' },
  parameters: EVERY_HEALTH_STATE,
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: EVERY_HEALTH_STATE,
};

/** Arabic: translated and laid out right to left. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  parameters: EVERY_HEALTH_STATE,
};

/** German. */
export const German: Story = {
  globals: { locale: 'de' },
  parameters: EVERY_HEALTH_STATE,
};
