import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { PdTriggerForm } from '../src/index.js';
import { emulatorUrls, seedDeployedTriggers } from '../.storybook/emulator/client.js';
import { elementHelpers, inShadow, setValue, storyForm, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-trigger-form');

const FEED = 'https://blog.example.com/feed.xml';

/** A user who has deployed the RSS trigger already (seeded by the loader below). */
const WITH_DEPLOYED_TRIGGER = { emulator: { user: 'story-trigger-form-list' }, deployed: ['rss-new-item-in-feed'] };

/**
 * Configures and deploys a trigger with a webhook URL, and lists the user's deployed triggers
 * with delete. The webhook receiver is part of this page's emulator service worker.
 */
const meta: Meta = {
  title: 'Elements/pd-trigger-form',
  component: 'pd-trigger-form',
  args: { ...args, 'component-key': 'rss-new-item-in-feed', 'webhook-url': emulatorUrls.webhook },
  argTypes,
  render: (storyArgs) => html`<div class="story-column">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-trigger-form' } },
  loaders: [async ({ parameters }) => {
    const user = (parameters.emulator as { user: string }).user;
    const deployed = (parameters.deployed as string[] | undefined) ?? [];
    await seedDeployedTriggers(user, deployed.map((componentKey) => ({ componentKey, configuredProps: { url: FEED } })));
  }],
};
export default meta;
type Story = StoryObj;

const ready = (canvasElement: HTMLElement) => storyForm<PdTriggerForm>(canvasElement, 'pd-trigger-form');

/** The deployed-trigger list the form embeds (its own element, with its own shadow root). */
const list = (element: PdTriggerForm) => inShadow(element, 'pd-deployed-triggers')!;
const listedTriggers = (element: PdTriggerForm) => list(element)?.shadowRoot?.querySelectorAll('[part~="trigger"]').length ?? 0;

const urlInput = (element: PdTriggerForm) => inShadow<HTMLInputElement>(element, '[part~="field"][data-name="url"] input')!;

/** Ready to deploy; nothing deployed yet. */
export const Configure: Story = {
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    await waitForState(element, 'list-empty');
  },
};

/** Deploy: the trigger is created, its sample event reaches the webhook, and the list shows it. */
export const Deploy: Story = {
  parameters: { emulator: { user: 'story-trigger-form-deploy' } },
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    setValue(urlInput(element), FEED);
    await element.updateComplete;
    inShadow<HTMLButtonElement>(element, '[part~="submit-button"]')!.click();
    await waitForState(element, 'deployed', 10_000);
    const details = await waitForShadow(element, '[part="deployed-details"]');
    await expect(details.textContent).toContain('Active');
    await waitFor(() => expect(listedTriggers(element)).toBe(1), { timeout: 8000 });
    const received = (await (await fetch(emulatorUrls.webhook)).json()) as { data: unknown[] };
    await expect(received.data.length).toBeGreaterThan(0);
  },
};

/** The user's deployed triggers of this component. */
export const DeployedList: Story = {
  parameters: WITH_DEPLOYED_TRIGGER,
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    await waitFor(() => expect(listedTriggers(element)).toBe(1), { timeout: 8000 });
  },
};

/** Deleting a deployed trigger asks first. */
export const DeleteConfirm: Story = {
  parameters: WITH_DEPLOYED_TRIGGER,
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    const deleteButton = await waitForShadow<HTMLButtonElement>(list(element), '[part~="trigger"] [part~="delete-button"]');
    deleteButton.click();
    await waitForState(element, 'confirming');
  },
};

/** A required prop is missing: the deploy is blocked. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const element = await ready(canvasElement);
    inShadow<HTMLButtonElement>(element, '[part~="submit-button"]')!.click();
    await waitForState(element, 'invalid');
  },
};

/** `$.interface.timer`, `$.service.db` and `app` props (Gmail: new email). */
export const TimerTrigger: Story = {
  name: 'Props: $.interface.timer',
  args: { 'component-key': 'gmail-new-email-received' },
  parameters: { emulator: { user: 'story-trigger-form-gmail', accounts: [{ app: 'gmail', name: 'Acme gmail' }] } },
};

/** `$.interface.http`: the trigger gets its own endpoint. */
export const HttpTrigger: Story = {
  name: 'Props: $.interface.http',
  args: { 'component-key': 'http-new-requests' },
};

/** `$.interface.apphook` (Slack: new message in channels). */
export const AppHookTrigger: Story = {
  name: 'Props: $.interface.apphook',
  args: { 'component-key': 'slack-new-message-in-channels' },
  parameters: { emulator: { user: 'story-trigger-form-slack', accounts: [{ app: 'slack', name: 'Acme HQ' }] } },
};

/** Dark theme, with a deployed trigger. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: WITH_DEPLOYED_TRIGGER,
};

/** Arabic: right to left, with a deployed trigger. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  parameters: WITH_DEPLOYED_TRIGGER,
};
