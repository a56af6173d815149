/**
 * Helpers for stories and their `play` functions. The elements render into shadow roots, which
 * Testing Library queries do not enter, so these look inside them directly.
 */
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { AccountSeed } from '../.storybook/emulator/client.js';

/** A user's accounts in every health state: healthy (OAuth and key-based), needs reconnect, disconnected. */
export const SAMPLE_ACCOUNTS: AccountSeed[] = [
  { app: 'slack', name: 'Acme HQ' },
  { app: 'github', name: 'acme-bot', healthy: false, error: 'The OAuth grant was revoked' },
  { app: 'google_sheets', name: 'finance@acme.example', dead: true },
  { app: 'openai', name: 'Production key' },
];

/** The first element matching `selector` inside `host`'s shadow root. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Waits until the story's element with this tag exists and has rendered once. */
export async function storyElement<T extends HTMLElement>(canvasElement: HTMLElement, tag: string): Promise<T> {
  const element = await waitFor(() => {
    const found = canvasElement.querySelector<T>(tag);
    if (!found?.shadowRoot) throw new Error(`<${tag}> has not rendered`);
    return found;
  });
  await (element as T & { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Waits for a custom state (`:state(name)`) of an element. */
export async function waitForState(element: Element, state: string, timeout = 8000): Promise<void> {
  await waitFor(() => {
    if (!element.matches(`:state(${state})`)) throw new Error(`<${element.localName}> is not in state ${state}`);
  }, { timeout });
}

/** Waits for a node inside a shadow root. */
export async function waitForShadow<T extends Element = HTMLElement>(host: Element, selector: string, timeout = 8000): Promise<T> {
  return waitFor(() => {
    const found = inShadow<T>(host, selector);
    if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
    return found;
  }, { timeout });
}

/** Waits until a form element (`pd-action-form`, `pd-trigger-form`) has loaded its component and rendered the form. */
export async function storyForm<T extends HTMLElement & { updateComplete: Promise<unknown> }>(canvasElement: HTMLElement, tag: string): Promise<T> {
  const element = await storyElement<T>(canvasElement, tag);
  await waitForShadow(element, 'form[part="form"]');
  await element.updateComplete;
  return element;
}

/** Focuses a select element's input and presses ArrowDown, as a keyboard user opens the list. */
export function pressArrowDown(element: Element): void {
  const input = inShadow<HTMLInputElement>(element, 'input')!;
  input.focus();
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
}

/** Opens a select element (`pd-app-select`, `pd-component-select`) and waits for its first options. */
export async function openSelect(element: Element): Promise<void> {
  pressArrowDown(element);
  await waitForState(element, 'open');
  await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[role="option"]').length).toBeGreaterThan(0), { timeout: 8000 });
}

/**
 * A select story held in its loading state (its token endpoint holds the answer): opens it and
 * checks it is still loading a moment later, so a state it merely passes through does not count.
 */
export function heldLoadingPlay(tag: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const element = await storyElement<HTMLElement>(canvasElement, tag);
    pressArrowDown(element);
    await waitForState(element, 'loading');
    await waitForShadow(element, '[part="popup"][aria-busy="true"] [part="status"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(element.matches(':state(loading)')).toBe(true);
  };
}

/** The connect page the elements opened in their overlay (same origin here: the emulator runs in this page's service worker). */
export async function connectPageDocument(timeout = 8000): Promise<Document> {
  return waitFor(() => {
    const frame = document.querySelector<HTMLIFrameElement>('[data-pd-connect-overlay] iframe');
    const page = frame?.contentDocument;
    if (!page || page.readyState !== 'complete' || !page.querySelector('main')) throw new Error('The connect page has not loaded');
    return page;
  }, { timeout });
}

/** Clicks a button of the connect page by its visible text, once it is there. */
export async function clickInConnectPage(label: string, timeout = 8000): Promise<void> {
  const page = await connectPageDocument(timeout);
  const button = await waitFor(() => {
    const found = [...page.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === label && !candidate.disabled);
    if (!found) throw new Error(`No "${label}" button on the connect page`);
    return found;
  }, { timeout });
  button.click();
}

/** Sets a form control's value the way typing does. */
export function setValue(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input'): void {
  control.value = value;
  control.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
}

type Helpers = ReturnType<typeof getStorybookHelpers>;

/**
 * Controls, docs tables and a bound template from custom-elements.json. An element missing from
 * the manifest still renders (attributes from args) instead of breaking its stories.
 */
export function elementHelpers(tag: string): Pick<Helpers, 'args' | 'argTypes' | 'template'> {
  try {
    return getStorybookHelpers(tag, { excludeCategories: ['methods'] });
  } catch {
    return {
      args: {},
      argTypes: {},
      template: (args = {}) => {
        const element = document.createElement(tag);
        for (const [name, value] of Object.entries(args)) {
          if (value === true) element.setAttribute(name, '');
          else if (typeof value === 'string' || typeof value === 'number') element.setAttribute(name, String(value));
        }
        return html`${element}`;
      },
    };
  }
}
