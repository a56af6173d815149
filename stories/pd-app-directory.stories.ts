import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { PdAppDirectory } from '../src/index.js';
import { elementHelpers, inShadow, storyElement, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-app-directory');

/** The product's Integrations page: a searchable, categorized catalog of app cards with connected state, connect and manage, and an app detail view. Every story talks to the Connect emulator running in this page's service worker. */
const meta: Meta = {
  title: 'Elements/pd-app-directory',
  component: 'pd-app-directory',
  args,
  argTypes,
  render: (storyArgs) => template(storyArgs),
  parameters: { emulator: { user: 'story-app-directory' } },
};
export default meta;
type Story = StoryObj;

const element = (canvasElement: HTMLElement) => storyElement<PdAppDirectory>(canvasElement, 'pd-app-directory');

/** Set up: the title shows. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'ready');
    await expect(inShadow(el, '[part="title"]') !== null).toBe(true);
  },
};

/** Misconfigured (no signed-in user): the element says what is missing. */
export const NotSetUp: Story = {
  parameters: { emulator: { user: null } },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'error');
    await expect(inShadow(el, '[part="error"]') !== null).toBe(true);
  },
};
