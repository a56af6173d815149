import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { ar } from '../src/i18n/ar.js';
import { de } from '../src/i18n/de.js';
import type { PdConnectButton } from '../src/index.js';
import { clickInConnectPage, connectPageDocument, elementHelpers, inShadow, storyElement, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('pd-connect-button');

/**
 * Opens Pipedream's connect flow for one app. Every story talks to the Connect emulator running
 * in this page's service worker: the connect page that opens is the emulator's.
 */
const meta: Meta = {
  title: 'Elements/pd-connect-button',
  component: 'pd-connect-button',
  args: { ...args, app: 'slack' },
  argTypes,
  render: (storyArgs) => template(storyArgs),
  parameters: { emulator: { user: 'story-connect-button' } },
};
export default meta;
type Story = StoryObj;

const button = (canvasElement: HTMLElement) => storyElement<PdConnectButton>(canvasElement, 'pd-connect-button');
const nativeButton = (element: PdConnectButton) => inShadow<HTMLButtonElement>(element, 'button')!;

/** Ready to connect: the label names the app from the catalog. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    await waitFor(() => expect(nativeButton(element).textContent).toContain('Slack'));
    await expect(element.matches(':state(idle)')).toBe(true);
  },
};

/** Busy while the token is fetched: this story's token endpoint takes two minutes to answer. */
export const Busy: Story = {
  parameters: { emulator: { user: 'story-connect-button-busy', tokenQuery: '?delay=120000' } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    nativeButton(element).click();
    await waitForState(element, 'preparing');
    await expect(nativeButton(element).getAttribute('aria-disabled')).toBe('true');
  },
};

/** Misconfigured (no signed-in user): the button is disabled and says what is missing. */
export const Disabled: Story = {
  parameters: { emulator: { user: null } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    await waitForState(element, 'error');
    await expect(nativeButton(element).getAttribute('aria-disabled')).toBe('true');
    await expect(inShadow(element, '[part="error"]') !== null).toBe(true);
  },
};

/** Connect Link mode opens Pipedream's hosted page in a new window (webviews, strict CSP). */
export const LinkMode: Story = {
  args: { app: 'notion', mode: 'link' },
};

/**
 * The browser blocked the Connect Link window: the button offers a link to open it with a click
 * of the user's own (a click is never blocked) and waits for the account. Here the block is what
 * a pop-up blocker does, `window.open` answering `null`.
 */
export const PopupBlocked: Story = {
  name: 'Link mode: pop-up blocked',
  args: { app: 'notion', mode: 'link' },
  parameters: { emulator: { user: 'story-connect-button-blocked' } },
  // The flow waits on the link until cancelled: the next story must be free to open its own.
  beforeEach: () => () => {
    for (const element of document.querySelectorAll('pd-connect-button')) inShadow<HTMLButtonElement>(element, '[part~="fallback-cancel"]')?.click();
  },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    await waitFor(() => expect(nativeButton(element).textContent).toContain('Notion'));
    const open = window.open;
    window.open = () => null;
    try {
      nativeButton(element).click();
    } finally {
      window.open = open;
    }
    await waitFor(() => expect(inShadow(element, '[part~="fallback-link"]') !== null).toBe(true), { timeout: 8000 });
    await expect(inShadow<HTMLAnchorElement>(element, '[part~="fallback-link"]')!.href).toContain('connectLink=true');
  },
};

/** Least privilege: with `oauth-scope-profile="read_only"` the connect page asks for that profile's scopes only. */
export const ScopeProfile: Story = {
  name: 'Scope profile (read only)',
  args: { app: 'github', 'oauth-scope-profile': 'read_only' },
  parameters: { emulator: { user: 'story-connect-button-scopes' } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    nativeButton(element).click();
    await waitForState(element, 'connecting');
    const page = await connectPageDocument();
    await waitFor(() => expect(page.getElementById('requested-scopes')?.textContent).toContain('read:org'), { timeout: 8000 });
  },
};

/** An API-key app: the connect page asks for the key instead of an OAuth consent. */
export const KeyBasedApp: Story = {
  args: { app: 'openai' },
};

/** With `account-id`, the button reconnects an existing (here: unhealthy) account. */
export const Reconnect: Story = {
  parameters: {
    emulator: {
      user: 'story-connect-button-reconnect',
      accounts: [{ app: 'github', name: 'acme-bot', healthy: false, error: 'The OAuth grant was revoked' }],
    },
  },
  args: { app: 'github', label: 'Reconnect GitHub' },
  render: (storyArgs, { loaded }) => template({ ...storyArgs, 'account-id': (loaded.accountIds as string[])[0] }),
};

/** The connect page is open in its overlay (the emulator's consent screen). */
export const Connecting: Story = {
  parameters: { emulator: { user: 'story-connect-button-connecting' } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    nativeButton(element).click();
    await waitForState(element, 'connecting');
    const page = await connectPageDocument();
    await waitFor(() => expect(page.body.textContent).toContain('Allow'), { timeout: 8000 });
  },
};

/** The whole flow: open, allow on the connect page, and the confirmed account is announced. */
export const Connected: Story = {
  parameters: { emulator: { user: 'story-connect-button-connected', accounts: [] } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    const successes: Event[] = [];
    element.addEventListener('pd-connect-success', (event) => successes.push(event));
    nativeButton(element).click();
    await clickInConnectPage('Allow');
    await waitForState(element, 'connected', 10_000);
    await expect(successes.length).toBe(1);
  },
};

/** The token endpoint fails: the button shows the error and can be tried again. */
export const TokenError: Story = {
  name: 'Error',
  parameters: { emulator: { user: 'story-connect-button-error', tokenQuery: '?fail=500' } },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    nativeButton(element).click();
    await waitForState(element, 'error');
    await waitFor(() => expect(inShadow(element, '[part="error"]')?.textContent?.trim()).toBeTruthy());
  },
};

/** Dark theme: the element follows the provider's `theme`. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    await waitForState(element, 'theme-dark');
    await waitFor(() => expect(nativeButton(element).textContent).toContain('Slack'));
  },
};

/** German: the label comes from the German strings. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    await waitFor(() => expect(nativeButton(element).textContent?.trim()).toBe(de['connect.label'].replace('{app}', 'Slack')));
  },
};

/** Arabic: translated and laid out right to left. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const element = await button(canvasElement);
    // The app's name is set apart from the Arabic around it (first-strong isolate … pop directional isolate).
    await waitFor(() => expect(nativeButton(element).textContent?.trim()).toBe(ar['connect.label'].replace('{app}', '\u2068Slack\u2069')));
    await expect(nativeButton(element).closest('[dir]')?.getAttribute('dir')).toBe('rtl');
  },
};

/** Slots and tokens: a custom label and icon, recoloured through `--pd-*` custom properties. */
export const CustomLabelAndTokens: Story = {
  render: () => html`
    <pd-connect-button app="github" style="--pd-color-accent: #0f766e; --pd-color-accent-hover: #115e59; --pd-radius: 999px">
      <span slot="icon" aria-hidden="true">★</span>
      Link your GitHub
    </pd-connect-button>
  `,
};
