import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setStorybookHelpersConfig } from '@wc-toolkit/storybook-helpers';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import manifest from '../custom-elements.json' with { type: 'json' };
import '../src/index.js';
import { directionOf } from '../src/i18n/index.js';
import { isFlowActive } from '../src/session/connect-flow.js';
import { type AccountSeed, emulatorReady, emulatorUrls, seedAccounts } from './emulator/client.js';
import './preview.css';

setCustomElementsManifest(manifest);
setStorybookHelpersConfig({ hideArgRef: true });

/** What a story needs from the in-browser emulator (`parameters.emulator`). */
export interface EmulatorParameters {
  /** The signed-in user (`external-user-id`); `null` leaves it unset, for configuration errors. */
  user?: string | null;
  /** Accounts the user has when the story starts. */
  accounts?: AccountSeed[];
  /** Query added to the token endpoint, e.g. `?fail=500` or `?delay=60000`. */
  tokenQuery?: string;
}

const DEFAULT_USER = 'storybook-user';

/** Every story waits for the emulator and finds its user's accounts as it declares them. */
const emulatorLoader: Loader = async ({ parameters }) => {
  await emulatorReady();
  const options = (parameters.emulator ?? {}) as EmulatorParameters;
  const user = options.user === undefined ? DEFAULT_USER : options.user;
  const accountIds = user && options.accounts ? await seedAccounts(user, options.accounts) : [];
  const accountIdByApp = Object.fromEntries((options.accounts ?? []).map((account, index) => [account.app, accountIds[index]]));
  return { accountIds, accountIdByApp };
};

/** Wraps each story in a provider configured like a host site: user, token endpoint, API and connect page. */
const withConnectProvider: Decorator = (story, { parameters, globals }) => {
  const options = (parameters.emulator ?? {}) as EmulatorParameters;
  const user = options.user === undefined ? DEFAULT_USER : options.user;
  const locale = String(globals.locale ?? 'en');
  const theme = String(globals.theme ?? 'light');
  return html`
    <div class="pd-story" data-theme=${theme} lang=${locale} dir=${directionOf(locale)}>
      <pd-connect-provider
        external-user-id=${ifDefined(user ?? undefined)}
        token-endpoint=${emulatorUrls.tokenEndpoint + (options.tokenQuery ?? '')}
        base-url=${emulatorUrls.api}
        frontend-host=${emulatorUrls.connectPage}
        locale=${locale}
        theme=${theme}
      >
        ${story()}
      </pd-connect-provider>
    </div>
  `;
};

/**
 * Only one connect flow may be open on a page: a story that leaves one open (waiting for a token,
 * or with the connect page showing) ends it before the next story renders.
 */
async function endConnectFlows(): Promise<void> {
  // Token requests a story held back (`?delay=`) fail now instead of finishing under the next story.
  await fetch(emulatorUrls.tokenEndpoint, { method: 'DELETE' });
  if (!isFlowActive()) return;
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  for (let waited = 0; isFlowActive() && waited < 3000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
}

const preview: Preview = {
  beforeEach: () => endConnectFlows,
  tags: ['autodocs'],
  loaders: [emulatorLoader],
  decorators: [withConnectProvider],
  globalTypes: {
    theme: {
      description: 'Theme of the elements',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }, { value: 'system', title: 'System' }], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [{ value: 'en', title: 'English' }, { value: 'de', title: 'Deutsch' }, { value: 'ar', title: 'العربية (RTL)' }],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { story: { inline: true } },
  },
};

export default preview;
