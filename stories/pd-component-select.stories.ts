import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { de } from '../src/i18n/de.js';
import type { PdComponentSelect } from '../src/index.js';
import { elementHelpers, heldLoadingPlay, inShadow, openSelect, pressArrowDown, setValue, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-component-select');

/** Pick one of an app's actions or triggers, with search. */
const meta: Meta = {
  title: 'Elements/pd-component-select',
  component: 'pd-component-select',
  args: { ...args, app: 'slack', type: 'action' },
  argTypes,
  render: (storyArgs) => html`<div class="story-column" style="min-height: 22rem">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-component-select' } },
};
export default meta;
type Story = StoryObj;

const select = (canvasElement: HTMLElement) => storyElement<PdComponentSelect>(canvasElement, 'pd-component-select');
const playOpen = async ({ canvasElement }: { canvasElement: HTMLElement }) => openSelect(await select(canvasElement));
const label = (element: PdComponentSelect) => inShadow<HTMLLabelElement>(element, '[part="label"]')!;
/** A search no action of the app matches. */
const NO_MATCH = 'qqzx-nothing';

/** Slack's actions, under the label "Action" (from `type`). */
export const Actions: Story = {
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await expect(label(element).textContent?.trim()).toBe('Action');
    await openSelect(element);
  },
};

/** GitHub's triggers. */
export const Triggers: Story = {
  args: { app: 'github', type: 'trigger' },
  play: playOpen,
};

/** Both kinds (no `type`): the label says "Action or trigger", each option has its badge. */
export const AnyKind: Story = {
  name: 'Actions and triggers',
  args: { type: undefined },
  play: playOpen,
};

/** `hide-label`: the label is not shown, and still names the input for assistive technology. */
export const HiddenLabel: Story = {
  name: 'Hidden label',
  args: { 'hide-label': true },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await expect(label(element).getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await expect(inShadow<HTMLInputElement>(element, 'input')!.labels?.[0]).toBe(label(element));
  },
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
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    await waitFor(() => expect(label(element).textContent?.trim()).toBe(de['components.fieldLabel.action']));
  },
};

/** Loading: this story's token endpoint holds its answer, so the list stays on "Loading…". */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-component-select-loading', tokenQuery: '?delay=120000' } },
  play: heldLoadingPlay('pd-component-select'),
};

/** The components cannot load (the token endpoint answers 500): the error offers a retry, which asks again. */
export const LoadError: Story = {
  name: 'Error (with retry)',
  parameters: { emulator: { user: 'story-component-select-error', tokenQuery: '?fail=500' } },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    let failures = 0;
    element.addEventListener('pd-error', () => failures++);
    pressArrowDown(element);
    await waitForState(element, 'error');
    const retry = await waitForShadow<HTMLButtonElement>(element, '[part~="error"] [part~="retry-button"]');
    await waitFor(() => expect(failures).toBe(1));
    retry.click();
    // The retry is a new request: it fails again here and is reported again.
    await waitFor(() => expect(failures).toBe(2), { timeout: 8000 });
    await waitForState(element, 'error');
  },
};

/** A search with no results: the popup says nothing matches the term. */
export const Empty: Story = {
  name: 'Empty (no results)',
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    setValue(inShadow<HTMLInputElement>(element, 'input')!, NO_MATCH);
    const empty = await waitForShadow(element, '[part="empty"]');
    await expect(empty.textContent).toContain(NO_MATCH);
    await expect(element.shadowRoot!.querySelectorAll('[role="option"]').length).toBe(0);
  },
};

/** Arabic (right to left), open. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    await expect(inShadow(element, '[part="base"]')!.getAttribute('dir')).toBe('rtl');
    // The component's name keeps its own (left-to-right) direction.
    await expect(getComputedStyle(inShadow(element, '[role="option"] [part~="option-label"]')!).direction).toBe('ltr');
  },
};

/** 320 px wide, both kinds: long names end in an ellipsis, and the keys give way to them. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { type: undefined, value: 'slack-new-message-in-channels' },
  render: (storyArgs) => html`<div style="width: 320px; min-height: 22rem">${template(storyArgs)}</div>`,
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await waitForState(element, 'has-value');
    await openSelect(element);
  },
};
