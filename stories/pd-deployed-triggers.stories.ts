import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { seedDeployedTriggers } from '../.storybook/emulator/client.js';
import type { PdDeployedTriggers } from '../src/index.js';
import { elementHelpers, inShadow, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-deployed-triggers');
const FEED = 'https://hnrss.org/frontpage';
const TWO_TRIGGERS = ['rss-new-item-in-feed', 'http-new-requests'];

/**
 * The user's deployed triggers: pause, resume, rename and delete them, and see their recent
 * events and webhooks. Every story talks to the Connect emulator running in this page's service
 * worker; the triggers are deployed there (with their sample events) before the story renders.
 */
const meta: Meta = {
  title: 'Elements/pd-deployed-triggers',
  component: 'pd-deployed-triggers',
  args,
  argTypes,
  render: (storyArgs) => html`<div class="story-column">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-deployed-triggers' }, deployed: ['rss-new-item-in-feed', 'http-new-requests'] },
  loaders: [async ({ parameters }) => {
    const user = (parameters.emulator as { user: string | null }).user;
    if (!user) return;
    const deployed = (parameters.deployed as string[] | undefined) ?? [];
    await seedDeployedTriggers(user, deployed.map((componentKey) => ({ componentKey, configuredProps: componentKey.startsWith('rss') ? { url: FEED } : {} })));
  }],
};
export default meta;
type Story = StoryObj;

const element = (canvasElement: HTMLElement) => storyElement<PdDeployedTriggers>(canvasElement, 'pd-deployed-triggers');
const triggers = (el: PdDeployedTriggers) => el.shadowRoot?.querySelectorAll('[part~="trigger"]').length ?? 0;

/** Two deployed triggers, each with Events, Pause, Rename and Delete. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'ready');
    await waitFor(() => expect(triggers(el)).toBe(TWO_TRIGGERS.length), { timeout: 8000 });
  },
};

/** A trigger's recent events (the newest one open, with its payload) and its webhook URL. */
export const EventsOpen: Story = {
  name: 'Events open',
  parameters: { emulator: { user: 'story-deployed-triggers-events' }, deployed: ['rss-new-item-in-feed'] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const toggle = await waitForShadow<HTMLButtonElement>(el, '[part~="details-button"]');
    toggle.click();
    const event = await waitForShadow<HTMLDetailsElement>(el, '[part~="event"]');
    event.open = true;
    await waitForShadow(el, '[part~="webhook"]');
  },
};

/** Renaming inline: Enter saves, Escape cancels. */
export const Rename: Story = {
  parameters: { emulator: { user: 'story-deployed-triggers-rename' }, deployed: ['rss-new-item-in-feed'] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    (await waitForShadow<HTMLButtonElement>(el, '[part~="rename-button"]')).click();
    await waitForState(el, 'renaming');
    await waitForShadow(el, '[part~="name-input"]');
  },
};

/** Deleting asks first: the inline confirmation, with focus on its confirm button. */
export const DeleteConfirm: Story = {
  name: 'Delete confirm',
  parameters: { emulator: { user: 'story-deployed-triggers-delete' }, deployed: ['rss-new-item-in-feed'] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    (await waitForShadow<HTMLButtonElement>(el, '[part~="delete-button"]')).click();
    await waitForState(el, 'confirming');
    const confirm = await waitForShadow<HTMLButtonElement>(el, '[part~="confirm-button"]');
    await waitFor(() => expect(el.shadowRoot!.activeElement === confirm).toBe(true));
  },
};

/** Nothing deployed yet. */
export const Empty: Story = {
  parameters: { emulator: { user: 'story-deployed-triggers-empty' }, deployed: [] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'empty');
  },
};

/** Loading: this story's token endpoint holds its answer, so the skeleton stays. */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-deployed-triggers-loading', tokenQuery: '?delay=120000' }, deployed: [] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'loading');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(el.matches(':state(loading)')).toBe(true);
  },
};

/** Loading failed (the token endpoint answers 500): the error offers a retry. */
export const LoadError: Story = {
  name: 'Error',
  parameters: { emulator: { user: 'story-deployed-triggers-error', tokenQuery: '?fail=500' }, deployed: [] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'error');
    await waitForShadow(el, '[part~="retry-button"]');
  },
};

/** Misconfigured (no signed-in user): the element says what is missing. */
export const NotSetUp: Story = {
  name: 'Not set up',
  parameters: { emulator: { user: null }, deployed: [] },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'error');
    await expect(inShadow(el, '[part="error"]') !== null).toBe(true);
  },
};
