import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PdComponentSelect } from '../src/index.js';
import { elementHelpers, openSelect, storyElement, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-component-select');

/** Pick one of an app's actions or triggers, with search. */
const meta: Meta = {
  title: 'Elements/pd-component-select',
  component: 'pd-component-select',
  args: { ...args, app: 'slack', type: 'action', label: 'Action' },
  argTypes,
  render: (storyArgs) => html`<div class="story-column" style="min-height: 22rem">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-component-select' } },
};
export default meta;
type Story = StoryObj;

const select = (canvasElement: HTMLElement) => storyElement<PdComponentSelect>(canvasElement, 'pd-component-select');
const playOpen = async ({ canvasElement }: { canvasElement: HTMLElement }) => openSelect(await select(canvasElement));

/** Slack's actions. */
export const Actions: Story = {
  play: playOpen,
};

/** GitHub's triggers. */
export const Triggers: Story = {
  args: { app: 'github', type: 'trigger', label: 'Trigger' },
  play: playOpen,
};

/** A chosen action. */
export const WithValue: Story = {
  args: { app: 'github', value: 'github-create-issue' },
  play: async ({ canvasElement }) => waitForState(await select(canvasElement), 'has-value'),
};

/** Without an app there is nothing to pick yet. */
export const NoApp: Story = {
  args: { app: undefined },
};

/** Disabled. */
export const Disabled: Story = {
  args: { disabled: true },
};

/** Dark theme, open. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: playOpen,
};

/** German, open. */
export const German: Story = {
  globals: { locale: 'de' },
  play: playOpen,
};
