// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { checkStates } from './render.js';

test('the elements render their non-interactive states under jsdom', checkStates);

// README's unit-test recipe, as written there.
test('my settings page shows the account list', async () => {
  document.body.innerHTML = '<pd-account-list external-user-id="u-1"></pd-account-list>';
  const list = document.querySelector('pd-account-list')!;
  list.tokenCallback = () => new Promise(() => {});
  await list.updateComplete;
  expect(list.shadowRoot!.textContent).toContain('Loading accounts');
});
