import { expect } from 'vitest';
import '../../src/index.js';

/** What a shadow root shows as text, whitespace collapsed. */
export const shadowText = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Mounts markup in the document and waits for every `pd-*` element in it to render. */
export async function render(markup: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  for (const element of host.querySelectorAll('*')) {
    if (element.localName.startsWith('pd-')) await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  }
  return host;
}

/** The non-interactive states every element must render in a simulated DOM. */
export async function checkStates(): Promise<void> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  try {
    // Not set up: a visible configuration error, no exception.
    const unset = await render('<pd-connect-button app="slack"></pd-connect-button><pd-account-list></pd-account-list>');
    const [button, list] = unset.querySelectorAll('pd-connect-button, pd-account-list');
    expect(shadowText(button as Element)).toContain('not set up');
    expect(shadowText(list as Element)).toContain('external-user-id');

    // Loading: a token that is still on its way.
    const pending = () => new Promise<never>(() => {});
    const loading = await render(`<pd-connect-provider external-user-id="u-1">
      <pd-account-list></pd-account-list><pd-app-select></pd-app-select><pd-action-form component-key="openai-chat"></pd-action-form>
    </pd-connect-provider>`);
    const provider = loading.querySelector('pd-connect-provider') as HTMLElement & { tokenCallback?: unknown; updateComplete: Promise<unknown> };
    provider.tokenCallback = pending;
    await provider.updateComplete;
    for (const element of loading.querySelectorAll('pd-account-list, pd-app-select, pd-action-form')) {
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect((element as HTMLElement).shadowRoot).not.toBeNull();
    }
    expect(shadowText(loading.querySelector('pd-account-list') as Element)).toContain('Loading accounts');
    expect(shadowText(loading.querySelector('pd-action-form') as Element)).not.toContain('not set up');

    // A bare provider, and one with only a theme, render nothing and throw nothing.
    await render('<pd-connect-provider></pd-connect-provider><pd-connect-provider theme="dark"></pd-connect-provider>');
  } finally {
    window.removeEventListener('error', onError);
  }
  expect(errors).toEqual([]);
}
