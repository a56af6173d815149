import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { PdDeployedTriggers } from '../src/index.js';
import { elementHelpers, inShadow, storyElement, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-deployed-triggers');

/** The user's deployed triggers: pause, resume, rename and delete them, and see their recent events and webhooks. Every story talks to the Connect emulator running in this page's service worker. */
const meta: Meta = {
  title: 'Elements/pd-deployed-triggers',
  component: 'pd-deployed-triggers',
  args,
  argTypes,
  render: (storyArgs) => template(storyArgs),
  parameters: { emulator: { user: 'story-deployed-triggers' } },
};
export default meta;
type Story = StoryObj;

const element = (canvasElement: HTMLElement) => storyElement<PdDeployedTriggers>(canvasElement, 'pd-deployed-triggers');

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
