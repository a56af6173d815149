import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserContextOptions } from 'playwright-core';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** The browser helper is plain JavaScript shared with the other test runners. */
const browserPathModule = new URL('./test/support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

/**
 * One run of every story in a colour mode: the `theme` global it renders with, and what the
 * browser reports to media queries (`prefers-color-scheme`, `forced-colors`).
 */
function colourMode(name: string, theme: string, media: Pick<BrowserContextOptions, 'colorScheme' | 'forcedColors'>): TestProjectInlineConfiguration {
  return {
    plugins: [storybookTest({ configDir: '.storybook', initialGlobals: { theme } })],
    test: {
      name: `stories: ${name}`,
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
          contextOptions: media,
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}

/**
 * `npm run test:stories`: every story renders in Chromium, runs its `play` function and passes
 * axe (addon-a11y in error mode), in four colour modes: light, dark, `theme="system"` under a
 * dark OS scheme, and forced colours (Windows high contrast). The stories use the in-browser
 * emulator, as in Storybook.
 */
export default defineConfig({
  test: {
    projects: [
      colourMode('light', 'light', { colorScheme: 'light' }),
      colourMode('dark', 'dark', { colorScheme: 'light' }),
      colourMode('system, dark scheme', 'system', { colorScheme: 'dark' }),
      colourMode('forced colours', 'light', { colorScheme: 'light', forcedColors: 'active' }),
    ],
  },
});
