import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from './browser-env.js';

/** Queries into an element's shadow root, shared by the element tests. */

/** An element's text with white space folded. */
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
export const q = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
export const qa = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...root(el).querySelectorAll<T>(selector)];
/** A form's field for one prop. */
export const field = (el: HTMLElement, name: string) => q(el, `[part~="field"][data-name="${name}"]`);
/** The input, select or textarea of a form's field. */
export const control = <T extends HTMLElement = HTMLInputElement>(el: HTMLElement, name: string) => field(el, name)?.querySelector<T>('input, select, textarea') ?? null;

/** Opens a remote-options field with the keyboard and picks its option at `index`, like a user. */
export async function pickOption(el: HTMLElement & { updateComplete: Promise<unknown> }, name: string, index = 0): Promise<void> {
  control(el, name)?.focus();
  // Opens the list; the first option becomes active once options are there.
  await sendKeys({ press: 'ArrowDown' });
  await waitFor(() => qa(el, '[role="option"]').length > index && q(el, '[role="option"][data-active]'), 5000, `${name} options`);
  for (let step = 0; step < index; step++) await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

/** Adds a form's optional fields (those named, or every one) with their toggles, like a user. */
export async function addOptional(el: HTMLElement & { updateComplete: Promise<unknown> }, ...names: string[]): Promise<void> {
  const toggles = qa<HTMLButtonElement>(el, '[part~="optional-toggle"][aria-pressed="false"]').filter((toggle) => !names.length || names.includes(toggle.dataset.name ?? ''));
  for (const toggle of toggles) {
    toggle.click();
    await el.updateComplete;
  }
}

/** Another element of the same tag and settings, right after `first` (same session, so what `first` loaded is there). */
export function twinAfter<T extends HTMLElement>(first: T, attributes = ['external-user-id', 'token-endpoint', 'base-url', 'frontend-host', 'component-key']): T {
  const twin = document.createElement(first.localName) as T;
  for (const name of attributes) twin.setAttribute(name, first.getAttribute(name) ?? '');
  first.after(twin);
  return twin;
}
