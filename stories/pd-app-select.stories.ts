import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import type { PdAppSelect } from '../src/index.js';
import { elementHelpers, heldLoadingPlay, inShadow, openSelect, pressArrowDown, setValue, storyElement, waitForShadow, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-app-select');

/**
 * An accessible combobox over the app catalog: server-side search, paging as you scroll, filters.
 * The catalog is the emulator's, served by this page's service worker.
 */
const meta: Meta = {
  title: 'Elements/pd-app-select',
  component: 'pd-app-select',
  args,
  argTypes,
  render: (storyArgs) => html`<div class="story-column" style="min-height: 26rem">${template(storyArgs)}</div>`,
  parameters: { emulator: { user: 'story-app-select' } },
};
export default meta;
type Story = StoryObj;

const select = (canvasElement: HTMLElement) => storyElement<PdAppSelect>(canvasElement, 'pd-app-select');
const input = (element: PdAppSelect) => inShadow<HTMLInputElement>(element, 'input')!;
const label = (element: PdAppSelect) => inShadow<HTMLLabelElement>(element, '[part="label"]')!;
const playOpen = async ({ canvasElement }: { canvasElement: HTMLElement }) => openSelect(await select(canvasElement));
/** A search no app of the catalog matches. */
const NO_MATCH = 'qqzx-nothing';

/** Closed, nothing picked: the label above the field names it ("App" unless `label` says otherwise). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await expect(label(element).textContent?.trim()).toBe('App');
    await expect(input(element).labels?.[0]).toBe(label(element));
  },
};

/** A label of the host's own (`label="Source app"`). */
export const CustomLabel: Story = {
  name: 'Custom label',
  args: { label: 'Source app' },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await expect(label(element).textContent?.trim()).toBe('Source app');
  },
};

/** `hide-label`: the label is not shown, and still names the input for assistive technology. */
export const HiddenLabel: Story = {
  name: 'Hidden label',
  args: { 'hide-label': true },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await expect(label(element).getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await expect(input(element).labels?.[0]).toBe(label(element));
  },
};

/** Open: the first page of apps, with icons and descriptions. */
export const Open: Story = {
  play: playOpen,
};

/** Searching asks the API (`q=`), debounced. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    setValue(input(element), 'google');
    await waitFor(() => {
      const labels = [...element.shadowRoot!.querySelectorAll('[part~="option-label"]')].map((node) => node.textContent?.trim() ?? '');
      expect(labels.includes('Google Sheets') && !labels.includes('Slack')).toBe(true);
    }, { timeout: 8000 });
  },
};

/** Only apps with triggers, sorted by name. */
export const Filtered: Story = {
  args: { 'has-triggers': true, sort: 'name' },
  play: playOpen,
};

/** A chosen value (`value="slack"`). */
export const WithValue: Story = {
  args: { value: 'slack' },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await waitForState(element, 'has-value');
  },
};

/** Disabled. */
export const Disabled: Story = {
  args: { disabled: true },
};

/** A search with no results: the popup says no app matches the term. */
export const Empty: Story = {
  name: 'Empty (no results)',
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    setValue(input(element), NO_MATCH);
    const empty = await waitForShadow(element, '[part="empty"]');
    await expect(empty.textContent).toContain(NO_MATCH);
    await expect(element.shadowRoot!.querySelectorAll('[role="option"]').length).toBe(0);
  },
};

/** Loading: this story's token endpoint holds its answer, so the list stays on "Loading apps…". */
export const Loading: Story = {
  parameters: { emulator: { user: 'story-app-select-loading', tokenQuery: '?delay=120000' } },
  play: heldLoadingPlay('pd-app-select'),
};

/** The catalog cannot load (the token endpoint answers 500). */
export const LoadError: Story = {
  name: 'Error',
  parameters: { emulator: { user: 'story-app-select-error', tokenQuery: '?fail=500' } },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    pressArrowDown(element);
    await waitForState(element, 'error');
  },
};

/** Dark theme, open. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: playOpen,
};

/** German, open: placeholder, label and list texts from the German strings. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    await waitFor(() => expect(input(element).placeholder).toBe(de['apps.placeholder']));
  },
};

/** Arabic (right to left), open: the app names and descriptions keep their own (left-to-right) direction. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const element = await select(canvasElement);
    await openSelect(element);
    await waitFor(() => expect(label(element).textContent?.trim()).toBe(ar['apps.fieldLabel']));
    const name = inShadow(element, '[role="option"] [part~="option-label"]')!;
    await expect(getComputedStyle(name).direction).toBe('ltr');
  },
};

/** 320 px wide: a long placeholder and long names end in an ellipsis. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { placeholder: 'Search every app of the catalog by name or description' },
  render: (storyArgs) => html`<div style="width: 320px; min-height: 26rem">${template(storyArgs)}</div>`,
  play: playOpen,
};

/** The open list is in the top layer (it escapes clipping boxes and shows above dialogs), anchored to its field. */
const playOpenInTopLayer = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const element = await select(canvasElement);
  await openSelect(element);
  const popup = inShadow(element, '[part="popup"]')!;
  await waitFor(() => expect(popup.matches(':popover-open')).toBe(true));
};
const frame = 'box-sizing: border-box; padding: 1rem; border: 1px solid #a1a1aa; border-radius: 12px; background: inherit; color: inherit';

/**
 * Inside a modal `<dialog>` shorter than the list: the open list shows above the dialog, whole,
 * and takes clicks and keys as anywhere else.
 */
export const InDialog: Story = {
  name: 'In a dialog',
  render: (storyArgs) => html`<div class="story-column" style="min-height: 26rem">
    <button type="button" @click=${(event: Event) => ((event.currentTarget as HTMLElement).nextElementSibling as HTMLDialogElement).showModal()}>Open the dialog</button>
    <dialog aria-labelledby="story-dialog-title" style="${frame}; width: min(26rem, 90vw)">
      <h2 id="story-dialog-title" style="margin: 0 0 0.75rem; font-size: 1rem">Connect an app</h2>
      ${template(storyArgs)}
      <form method="dialog" style="margin-top: 1rem"><button>Close</button></form>
    </dialog>
  </div>`,
  play: async (context) => {
    context.canvasElement.querySelector('dialog')!.showModal();
    await playOpenInTopLayer(context);
  },
};

/** Inside a card with `overflow: hidden`, shorter than the list: the open list is not cut off. */
export const InClippedCard: Story = {
  name: 'In a clipped card',
  render: (storyArgs) => html`<div class="story-column" style="min-height: 26rem">
    <section aria-labelledby="story-card-title" style="${frame}; overflow: hidden; max-width: 24rem; height: 8.5rem">
      <h2 id="story-card-title" style="margin: 0 0 0.75rem; font-size: 1rem">Source</h2>
      ${template(storyArgs)}
    </section>
  </div>`,
  play: playOpenInTopLayer,
};
