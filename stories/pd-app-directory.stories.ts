import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { PdAppDirectory } from '../src/index.js';
import { SAMPLE_ACCOUNTS, elementHelpers, inShadow, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-app-directory');

/**
 * The product's Integrations page: a searchable, categorized catalog of app cards with connected
 * state, connect and manage, and an app detail view. Every story talks to the Connect emulator
 * running in this page's service worker.
 */
const meta: Meta = {
  title: 'Elements/pd-app-directory',
  component: 'pd-app-directory',
  args,
  argTypes,
  render: (storyArgs) => template(storyArgs),
  // A user with a healthy Slack account and a GitHub account that needs reconnecting.
  parameters: { emulator: { user: 'story-directory-connected', accounts: SAMPLE_ACCOUNTS.slice(0, 2) } },
};
export default meta;
type Story = StoryObj;

const directory = (canvasElement: HTMLElement) => storyElement<PdAppDirectory>(canvasElement, 'pd-app-directory');
const cards = (element: Element) => [...(element.shadowRoot?.querySelectorAll('[part~="card"]') ?? [])];

/** The catalog: connected apps say so (Slack connected, GitHub needs reconnecting), the others offer Connect. */
export const Catalog: Story = {
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'ready');
    await waitFor(() => expect(cards(element).length).toBeGreaterThan(3), { timeout: 8000 });
    await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[part~="manage-button"]').length).toBeGreaterThan(0), { timeout: 8000 });
    await expect(element.shadowRoot!.querySelectorAll('[part~="connect-button"]').length).toBeGreaterThan(0);
  },
};

/** A featured row above the catalog, while nothing is searched or filtered. */
export const Featured: Story = {
  render: () => html`<pd-app-directory featured="notion stripe openai"></pd-app-directory>`,
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'ready');
    await waitForShadow(element, '[part~="featured"]');
  },
};

/** Narrow: the cards become a list. */
export const Narrow: Story = {
  render: (storyArgs) => html`<div style="max-width: 22rem">${template(storyArgs)}</div>`,
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'ready');
  },
};

/** An app's detail view (`app="slack"`): its accounts, actions and triggers. */
export const Detail: Story = {
  render: () => html`<pd-app-directory app="slack"></pd-app-directory>`,
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'detail');
    await waitForShadow(element, '[part~="component"]');
    await expect(inShadow(element, '[part~="back-button"]') !== null).toBe(true);
  },
};

/** A search that matches nothing: the no-results state offers to clear it. */
export const NoResults: Story = {
  render: () => html`<pd-app-directory query="no app is called this"></pd-app-directory>`,
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'no-results');
    await waitForShadow(element, '[part~="clear-button"]');
  },
};

/** Loading: this story's token endpoint holds its answer, so the skeleton cards stay. */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-directory-loading', tokenQuery: '?delay=120000' } },
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'loading');
    await waitForShadow(element, '[part~="skeleton"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(element.matches(':state(loading)')).toBe(true);
  },
};

/** Loading failed (the token endpoint answers 500): the error offers a retry. */
export const LoadError: Story = {
  name: 'Error',
  parameters: { emulator: { user: 'story-directory-error', tokenQuery: '?fail=500' } },
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'error');
    await waitForShadow(element, '[part~="retry-button"]');
  },
};

/** Misconfigured (no signed-in user): the element says what is missing. */
export const NotSetUp: Story = {
  parameters: { emulator: { user: null } },
  play: async ({ canvasElement }) => {
    const element = await directory(canvasElement);
    await waitForState(element, 'error');
    await expect(inShadow(element, '[part~="error"]') !== null).toBe(true);
  },
};
